package org.deskcrm.calendar;

import java.time.OffsetDateTime;

/**
 * What an event's next reminder time depends on: its status, start (UTC), recurrence rule and
 * time zone (the zone the rule's local times are in).
 */
public record ReminderBasis(String status, OffsetDateTime startsAt, String recurrenceRule, String timezone) {
}
