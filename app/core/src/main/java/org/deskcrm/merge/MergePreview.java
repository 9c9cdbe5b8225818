package org.deskcrm.merge;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** Both records side by side, with the field keys in display order. */
public record MergePreview(MergeKind kind, MergeCandidate left, MergeCandidate right, List<String> fields) {
    public MergePreview {
        fields = List.copyOf(fields);
    }

    public MergeCandidate byId(UUID id) {
        if (left.id().equals(id)) {
            return left;
        }
        if (right.id().equals(id)) {
            return right;
        }
        throw new IllegalArgumentException("Not part of this merge: " + id);
    }

    public MergeCandidate other(UUID id) {
        return left.id().equals(id) ? right : left;
    }

    /** Fields where the two records differ. */
    public boolean differs(String key) {
        return !Objects.equals(left.values().get(key), right.values().get(key));
    }

    /**
     * The sensible starting choice when {@code survivorId} is kept: its own values, except where
     * it has none and the other record has one.
     */
    public Set<String> defaultTakeFromOther(UUID survivorId) {
        MergeCandidate keep = byId(survivorId);
        MergeCandidate other = other(survivorId);
        Set<String> take = new LinkedHashSet<>();
        for (String f : fields) {
            if (keep.isBlank(f) && !other.isBlank(f)) {
                take.add(f);
            }
        }
        return take;
    }
}
