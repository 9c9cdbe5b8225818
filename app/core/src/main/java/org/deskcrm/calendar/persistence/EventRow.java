package org.deskcrm.calendar.persistence;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The columns of an events row the services write (times in UTC). */
public record EventRow(
        UUID calendarId,
        UUID ownerId,
        String title,
        String description,
        String location,
        String meetingUrl,
        OffsetDateTime startsAt,
        OffsetDateTime endsAt,
        boolean allDay,
        String timezone,
        String status,
        String recurrenceRule,
        OffsetDateTime recurrenceUntil,
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
        Integer reminderMinutes,
        String icalUid,
        int icalSequence) {}
