package org.deskcrm.calendar;

import java.util.UUID;

/** A colleague a calendar is shared with, and what they may do. */
public record CalendarShare(UUID calendarId, UUID userId, String userName, SharePermission permission) {}
