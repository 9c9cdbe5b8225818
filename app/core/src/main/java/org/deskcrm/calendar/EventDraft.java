package org.deskcrm.calendar;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What the user enters for an event. {@code start}/{@code end} carry the zone the event is
 * entered in (kept in {@code events.timezone}); for all-day events they are midnights in that
 * zone and {@code end} is exclusive. {@code recurrenceRule} is an RFC 5545 RRULE value without
 * the "RRULE:" prefix, or null.
 */
public record EventDraft(
        UUID calendarId,
        String title,
        String description,
        String location,
        String meetingUrl,
        ZonedDateTime start,
        ZonedDateTime end,
        boolean allDay,
        EventStatus status,
        String recurrenceRule,
        UUID companyId,
        UUID contactId,
        UUID dealId,
        List<Attendee> attendees,
        List<Integer> reminderMinutes,
        String notes) {

    public EventDraft {
        attendees = attendees == null ? List.of() : List.copyOf(attendees);
        reminderMinutes = reminderMinutes == null ? List.of() : List.copyOf(reminderMinutes);
        status = status == null ? EventStatus.SCHEDULED : status;
    }

    /** A plain timed event with no links, attendees or reminders. */
    public static EventDraft simple(UUID calendarId, String title, ZonedDateTime start, ZonedDateTime end) {
        return new EventDraft(calendarId, title, null, null, null, start, end, false, EventStatus.SCHEDULED, null,
                null, null, null, List.of(), List.of(), null);
    }

    public EventDraft withTimes(ZonedDateTime newStart, ZonedDateTime newEnd) {
        return new EventDraft(calendarId, title, description, location, meetingUrl, newStart, newEnd, allDay, status,
                recurrenceRule, companyId, contactId, dealId, attendees, reminderMinutes, notes);
    }

    public EventDraft withTitle(String newTitle) {
        return new EventDraft(calendarId, newTitle, description, location, meetingUrl, start, end, allDay, status,
                recurrenceRule, companyId, contactId, dealId, attendees, reminderMinutes, notes);
    }

    public EventDraft withStatus(EventStatus newStatus) {
        return new EventDraft(calendarId, title, description, location, meetingUrl, start, end, allDay, newStatus,
                recurrenceRule, companyId, contactId, dealId, attendees, reminderMinutes, notes);
    }

    public EventDraft withRecurrence(String rule) {
        return new EventDraft(calendarId, title, description, location, meetingUrl, start, end, allDay, status,
                rule, companyId, contactId, dealId, attendees, reminderMinutes, notes);
    }

    public EventDraft withLinks(UUID company, UUID contact, UUID deal) {
        return new EventDraft(calendarId, title, description, location, meetingUrl, start, end, allDay, status,
                recurrenceRule, company, contact, deal, attendees, reminderMinutes, notes);
    }

    public EventDraft withReminders(List<Integer> minutes) {
        return new EventDraft(calendarId, title, description, location, meetingUrl, start, end, allDay, status,
                recurrenceRule, companyId, contactId, dealId, attendees, minutes, notes);
    }

    public EventDraft withAttendees(List<Attendee> list) {
        return new EventDraft(calendarId, title, description, location, meetingUrl, start, end, allDay, status,
                recurrenceRule, companyId, contactId, dealId, list, reminderMinutes, notes);
    }

    public EventDraft withCalendar(UUID calendar) {
        return new EventDraft(calendar, title, description, location, meetingUrl, start, end, allDay, status,
                recurrenceRule, companyId, contactId, dealId, attendees, reminderMinutes, notes);
    }
}
