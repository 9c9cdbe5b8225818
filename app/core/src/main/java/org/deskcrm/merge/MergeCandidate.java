package org.deskcrm.merge;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One of the two records of a merge as the dialog shows it: its mergeable fields by key (in
 * display order; values are Strings, Booleans, numbers, dates, or names for references and
 * joined text for address groups; null when empty) and how many related records hang on it,
 * by table.
 */
public record MergeCandidate(MergeKind kind, UUID id, long version, String displayName, Map<String, Object> values,
        Map<String, Long> related) {
    public MergeCandidate {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        related = Collections.unmodifiableMap(new LinkedHashMap<>(related));
    }

    public boolean isBlank(String key) {
        Object v = values.get(key);
        return v == null || v instanceof String s && s.isBlank();
    }

    public long relatedTotal() {
        return related.values().stream().mapToLong(Long::longValue).sum();
    }
}
