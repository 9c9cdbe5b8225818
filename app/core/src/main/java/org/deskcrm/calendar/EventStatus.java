package org.deskcrm.calendar;

import java.util.Locale;

/** The state of an event ({@code events.status}). */
public enum EventStatus {
    SCHEDULED, CONFIRMED, CANCELLED, COMPLETED, NO_SHOW;

    public String dbName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EventStatus fromDb(String s) {
        return s == null ? SCHEDULED : valueOf(s.toUpperCase(Locale.ROOT));
    }
}
