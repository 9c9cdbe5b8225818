package org.deskcrm.crm;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Typed reads from a record's field map (field key -> value), the form in which editors, import
 * and the "reload and compare" view handle drafts. Blank text counts as no value.
 */
public final class FieldMap {
    private final Map<String, Object> values;

    public FieldMap(Map<String, ?> values) {
        this.values = new LinkedHashMap<>(values);
    }

    public String text(String key) {
        Object v = values.get(key);
        if (v == null) {
            return null;
        }
        String s = v.toString().strip();
        return s.isEmpty() ? null : s;
    }

    public UUID uuid(String key) {
        Object v = values.get(key);
        if (v instanceof UUID u) {
            return u;
        }
        String s = text(key);
        return s == null ? null : UUID.fromString(s);
    }

    public Integer integer(String key) {
        Object v = values.get(key);
        if (v instanceof Number n) {
            return n.intValue();
        }
        String s = text(key);
        return s == null ? null : Integer.valueOf(s);
    }

    public int integer(String key, int otherwise) {
        Integer i = integer(key);
        return i == null ? otherwise : i;
    }

    public BigDecimal decimal(String key) {
        Object v = values.get(key);
        if (v instanceof BigDecimal b) {
            return b;
        }
        if (v instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        String s = text(key);
        return s == null ? null : new BigDecimal(s);
    }

    public boolean bool(String key, boolean otherwise) {
        Object v = values.get(key);
        if (v instanceof Boolean b) {
            return b;
        }
        String s = text(key);
        return s == null ? otherwise : Boolean.parseBoolean(s);
    }

    public LocalDate date(String key) {
        Object v = values.get(key);
        if (v instanceof LocalDate d) {
            return d;
        }
        String s = text(key);
        return s == null ? null : LocalDate.parse(s);
    }

    public OffsetDateTime dateTime(String key) {
        Object v = values.get(key);
        if (v instanceof OffsetDateTime d) {
            return d;
        }
        String s = text(key);
        return s == null ? null : OffsetDateTime.parse(s);
    }

    @SuppressWarnings("unchecked")
    public Set<UUID> uuids(String key) {
        Object v = values.get(key);
        if (v instanceof Collection<?> c) {
            Set<UUID> out = new LinkedHashSet<>();
            for (Object o : c) {
                out.add(o instanceof UUID u ? u : UUID.fromString(o.toString()));
            }
            return out;
        }
        return Set.of();
    }

    /** Custom field values: keys {@code cf:<definition id>}. */
    public Map<UUID, Object> customValues() {
        Map<UUID, Object> out = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith("cf:")) {
                out.put(UUID.fromString(k.substring(3)), v);
            }
        });
        return out;
    }

    /** Puts custom values into a field map under their {@code cf:} keys. */
    public static void putCustom(Map<String, Object> into, Map<UUID, Object> custom) {
        custom.forEach((id, v) -> into.put("cf:" + id, v));
    }
}
