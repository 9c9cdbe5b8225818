package org.deskcrm.crm;

import java.util.Set;
import java.util.UUID;

/** A record that may be the same person or company as the one being created or imported, and why. */
public record DuplicateMatch(String entityType, UUID id, String title, String detail, Set<Reason> reasons) {
    public enum Reason { SAME_EMAIL, SAME_PHONE, SIMILAR_NAME }

    public DuplicateMatch {
        reasons = Set.copyOf(reasons);
    }
}
