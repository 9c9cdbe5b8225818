package org.deskcrm.crm.ui;

import java.util.List;

/**
 * One field of a record form: its key in the record's field map, the label, the control kind,
 * the section it is shown in and simple client-side rules (the service checks again).
 */
public record FieldSpec(String key, String label, Kind kind, String section, boolean required, boolean wide,
        List<Option> options, Integer min, Integer max) {

    /** Which control edits the field. */
    public enum Kind {
        TEXT, TEXTAREA, EMAIL, PHONE, URL, INTEGER, DECIMAL, DATE, DATETIME, CHOICE, BOOLEAN, OWNER, INDUSTRY, COMPANY, TAGS,
        TIMEZONE, CURRENCY
    }

    public static FieldSpec of(String key, String label, Kind kind, String section) {
        return new FieldSpec(key, label, kind, section, false, kind == Kind.TEXTAREA || kind == Kind.TAGS, List.of(), null, null);
    }

    public FieldSpec asRequired() {
        return new FieldSpec(key, label, kind, section, true, wide, options, min, max);
    }

    public FieldSpec asWide() {
        return new FieldSpec(key, label, kind, section, required, true, options, min, max);
    }

    public FieldSpec options(List<Option> o) {
        return new FieldSpec(key, label, kind, section, required, wide, o, min, max);
    }

    public FieldSpec range(int lo, int hi) {
        return new FieldSpec(key, label, kind, section, required, wide, options, lo, hi);
    }
}
