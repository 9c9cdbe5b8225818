package org.deskcrm.booking;

import java.time.ZonedDateTime;

/** A bookable time for a booking type (the meeting itself, without buffers). */
public record Slot(ZonedDateTime start, ZonedDateTime end) {}
