package org.deskcrm.crm;

import java.util.Objects;

/**
 * How a list is sorted: a key the entity's repository knows (e.g. "name", "last_contacted") and
 * the direction. Every key is backed by an index {@code (organization_id, key, id)}; rows with
 * no value for the key come last in both directions.
 */
public record SortOrder(String key, boolean descending) {
    public SortOrder {
        Objects.requireNonNull(key, "key");
    }

    public static SortOrder asc(String key) {
        return new SortOrder(key, false);
    }

    public static SortOrder desc(String key) {
        return new SortOrder(key, true);
    }
}
