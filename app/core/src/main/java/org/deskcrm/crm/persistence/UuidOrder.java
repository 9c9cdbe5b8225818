package org.deskcrm.crm.persistence;

import java.util.Comparator;
import java.util.UUID;

/**
 * UUIDs in the order both databases sort them (unsigned, byte by byte). {@link UUID#compareTo}
 * compares signed halves and would disagree for keys whose first bit is set.
 */
public final class UuidOrder {
    public static final Comparator<UUID> UNSIGNED = (a, b) -> {
        int c = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return c != 0 ? c : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    };

    private UuidOrder() {}
}
