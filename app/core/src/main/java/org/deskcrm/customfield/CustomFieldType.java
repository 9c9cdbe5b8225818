package org.deskcrm.customfield;

import java.util.Locale;

/** The kinds of custom field; the value's Java type is String, BigDecimal, LocalDate, String (a choice) or Boolean. */
public enum CustomFieldType {
    TEXT, NUMBER, DATE, CHOICE, BOOLEAN;

    public String dbName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CustomFieldType fromDb(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
