package org.deskcrm.calendar;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A reminder whose time has come, with the event it is about. */
public record DueReminder(UUID id, long version, int minutesBefore, OffsetDateTime remindAt, EventDetail event) {}
