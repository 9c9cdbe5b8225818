package org.deskcrm.crm;

import java.util.UUID;

/** Whose records: anyone's, mine, nobody's, or one colleague's. "Mine" is resolved when the query runs. */
public record OwnerFilter(Kind kind, UUID userId) {
    public enum Kind { ANY, MINE, UNASSIGNED, USER }

    public static final OwnerFilter ANY = new OwnerFilter(Kind.ANY, null);
    public static final OwnerFilter MINE = new OwnerFilter(Kind.MINE, null);
    public static final OwnerFilter UNASSIGNED = new OwnerFilter(Kind.UNASSIGNED, null);

    public OwnerFilter {
        if (kind == null) {
            kind = Kind.ANY;
        }
        if (kind == Kind.USER && userId == null) {
            throw new IllegalArgumentException("A user filter needs the user");
        }
        if (kind != Kind.USER) {
            userId = null;
        }
    }

    public static OwnerFilter user(UUID id) {
        return new OwnerFilter(Kind.USER, id);
    }
}
