package org.deskcrm.booking;

import java.time.ZonedDateTime;
import java.util.UUID;

/** A booked meeting: the event written into the owner's calendar and the contact it was linked to. */
public record Booking(UUID eventId, UUID calendarId, UUID bookingTypeId, String title, ZonedDateTime start, ZonedDateTime end,
        String guestName, String guestEmail, UUID contactId) {}
