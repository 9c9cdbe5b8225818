package org.deskcrm.merge;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Keep {@code survivorId}, fold {@code otherId} into it. {@code takeFromOther}: the field keys
 * whose value comes from the other record (all others keep the survivor's value). The versions
 * are those the user saw; a change since then makes the merge stale.
 */
public record MergeRequest(MergeKind kind, UUID survivorId, long survivorVersion, UUID otherId, long otherVersion,
        Set<String> takeFromOther) {
    public MergeRequest {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(survivorId);
        Objects.requireNonNull(otherId);
        takeFromOther = takeFromOther == null ? Set.of() : Set.copyOf(takeFromOther);
    }
}
