package org.deskcrm.calendar;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.UUID;

/**
 * One appearance of an event on the calendar: a single event, an occurrence generated from a
 * series, or an exception row replacing one occurrence.
 *
 * @param eventId the events row to load or change (the series row for generated occurrences)
 * @param seriesId the series this occurrence belongs to, or null for single events
 * @param originalStart the occurrence's start as the series generates it (RECURRENCE-ID), or null
 *     for single events
 * @param busyOnly the user may only see that the owner is busy: title and details are hidden
 * @param editable the user may move, change and delete it
 */
public record Occurrence(
        UUID eventId,
        UUID seriesId,
        OffsetDateTime originalStart,
        UUID calendarId,
        String title,
        String location,
        String meetingUrl,
        ZonedDateTime start,
        ZonedDateTime end,
        boolean allDay,
        EventStatus status,
        UUID companyId,
        UUID contactId,
        UUID dealId,
        long version,
        boolean busyOnly,
        boolean editable) {

    public boolean recurring() {
        return seriesId != null;
    }

    /** A key that tells occurrences of one series apart. */
    public String key() {
        return eventId + (originalStart == null ? "" : "@" + originalStart.toInstant());
    }
}
