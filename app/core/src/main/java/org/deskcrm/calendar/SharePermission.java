package org.deskcrm.calendar;

import java.util.Locale;

/** What a colleague may do with a calendar shared with them ({@code calendar_shares.permission}). */
public enum SharePermission {
    /** Sees when the owner is busy, not what the events are. */
    FREE_BUSY,
    /** Sees the events. */
    VIEW,
    /** Creates, changes and deletes events. */
    EDIT,
    /** Edits events and the calendar itself, and shares it further. */
    MANAGE;

    public String dbName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SharePermission fromDb(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
