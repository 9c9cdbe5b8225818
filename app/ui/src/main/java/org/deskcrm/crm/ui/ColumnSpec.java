package org.deskcrm.crm.ui;

import java.util.function.Function;

/**
 * One column of a list: its id (saved in views), header key, how to get its value from a row,
 * how to draw it, the sort key it maps to (null: not sortable, i.e. no index backs it) and
 * whether it shows by default.
 */
public record ColumnSpec<R>(String id, String titleKey, double width, Kind kind, Function<R, Object> value, String sortKey,
        boolean defaultVisible) {

    /** How a cell is drawn. */
    public enum Kind {
        /** Bold, with the search text highlighted. */
        TITLE,
        /** Plain text with the search text highlighted. */
        SEARCHABLE,
        TEXT,
        /** A coloured pill; the value is an option of {@code optionGroup} in the bundle (opt.group.value). */
        PILL,
        /** 0..100 as a small bar and the number. */
        SCORE,
        /** An instant shown as "3 days ago" (exact time in the tooltip). */
        RELATIVE_TIME,
        DATE,
        MONEY,
        TAGS,
        /** A star for true. */
        FLAG
    }

    public static <R> ColumnSpec<R> of(String id, String titleKey, double width, Kind kind, Function<R, Object> value,
            String sortKey) {
        return new ColumnSpec<>(id, titleKey, width, kind, value, sortKey, true);
    }

    public ColumnSpec<R> hidden() {
        return new ColumnSpec<>(id, titleKey, width, kind, value, sortKey, false);
    }
}
