package org.deskcrm.calendar;

/** What an import did: events created, events updated from a newer copy, occurrences changed or cancelled, events left as they were. */
public record IcsResult(int created, int updated, int exceptions, int unchanged) {
    public int total() {
        return created + updated + exceptions + unchanged;
    }
}
