package org.deskcrm.calendar;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * @param icalUid the meeting's iCalendar UID, shared by the copies of one meeting in its attendees'
 *     calendars (null when unknown)
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
        boolean editable,
        String icalUid) {

    public boolean recurring() {
        return seriesId != null;
    }

    /**
     * One entry per meeting: the copies of a meeting in several shown calendars (same iCalendar
     * UID, same start) become the one the user can edit, else the one in the calendar listed first
     * in {@code calendarOrder} (the user's own calendars come first). Order is kept.
     */
    public static List<Occurrence> oneCopyPerMeeting(List<Occurrence> occurrences, List<UUID> calendarOrder) {
        Map<String, Occurrence> best = new HashMap<>();
        for (Occurrence o : occurrences) {
            if (o.icalUid() != null) {
                best.merge(o.meetingKey(), o, (a, b) -> preferred(a, b, calendarOrder));
            }
        }
        List<Occurrence> out = new ArrayList<>(occurrences.size());
        for (Occurrence o : occurrences) {
            // Copies live in different calendars; two of one calendar are two events and both stay.
            if (o.icalUid() == null || best.get(o.meetingKey()).calendarId().equals(o.calendarId())) {
                out.add(o);
            }
        }
        return out;
    }

    private String meetingKey() {
        return icalUid + "@" + start.toInstant();
    }

    private static Occurrence preferred(Occurrence a, Occurrence b, List<UUID> calendarOrder) {
        if (a.editable() != b.editable()) {
            return a.editable() ? a : b;
        }
        if (a.busyOnly() != b.busyOnly()) {
            return a.busyOnly() ? b : a;
        }
        int ia = rank(calendarOrder, a.calendarId());
        int ib = rank(calendarOrder, b.calendarId());
        return ib < ia ? b : a;
    }

    private static int rank(List<UUID> order, UUID calendarId) {
        int i = order.indexOf(calendarId);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    /** A key that tells occurrences of one series apart. */
    public String key() {
        return eventId + (originalStart == null ? "" : "@" + originalStart.toInstant());
    }
}
