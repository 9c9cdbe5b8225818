package org.deskcrm.calendar;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One events row with its attendees and reminders: a single event, a recurring series (with
 * {@code recurrenceRule}) or an exception occurrence of a series ({@code recurrenceParentId} and
 * {@code originalStart}). Times are in the event's own zone.
 */
public record EventDetail(
        UUID id,
        UUID calendarId,
        UUID ownerId,
        String title,
        String description,
        String location,
        String meetingUrl,
        ZonedDateTime start,
        ZonedDateTime end,
        boolean allDay,
        EventStatus status,
        String recurrenceRule,
        UUID recurrenceParentId,
        OffsetDateTime originalStart,
        UUID companyId,
        UUID contactId,
        UUID dealId,
        UUID bookingTypeId,
        String guestName,
        String guestEmail,
        String guestPhone,
        String answers,
        String notes,
        List<Attendee> attendees,
        List<Integer> reminderMinutes,
        String icalUid,
        int icalSequence,
        long version) {

    public boolean isSeries() {
        return recurrenceRule != null;
    }

    public boolean isException() {
        return recurrenceParentId != null;
    }

    /** The event as an editable draft (times in its own zone). */
    public EventDraft toDraft() {
        return new EventDraft(calendarId, title, description, location, meetingUrl, start, end, allDay, status,
                recurrenceRule, companyId, contactId, dealId, attendees, reminderMinutes, notes);
    }
}
