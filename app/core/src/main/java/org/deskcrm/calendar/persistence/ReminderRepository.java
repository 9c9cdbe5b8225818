package org.deskcrm.calendar.persistence;

import static org.deskcrm.db.Tables.CALENDARS;
import static org.deskcrm.db.Tables.EVENTS;
import static org.deskcrm.db.Tables.EVENT_REMINDERS;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.deskcrm.calendar.DueReminder;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.rules.RecordRules;
import org.jooq.DSLContext;

/** Pending reminders (SR-30): which are due for a user, and claiming them once. */
public final class ReminderRepository {

    /** Reminders for {@code user} (their own, or of events they organize) due at {@code now}, oldest first. */
    public List<DueReminder> due(DSLContext dsl, CurrentUser user, OffsetDateTime now, int limit) {
        return dsl.select(EVENT_REMINDERS.ID, EVENT_REMINDERS.VERSION, EVENT_REMINDERS.MINUTES_BEFORE, EVENT_REMINDERS.REMIND_AT)
                .select(EVENTS.fields()).select(CALENDARS.TIMEZONE)
                .from(EVENT_REMINDERS)
                .join(EVENTS).on(EVENTS.ID.eq(EVENT_REMINDERS.EVENT_ID))
                .join(CALENDARS).on(CALENDARS.ID.eq(EVENTS.CALENDAR_ID))
                .where(EVENT_REMINDERS.ORGANIZATION_ID.eq(user.organizationId())
                        .and(EVENT_REMINDERS.FIRED_AT.isNull())
                        .and(EVENT_REMINDERS.REMIND_AT.le(now))
                        .and(EVENT_REMINDERS.DELETED_AT.isNull())
                        .and(EVENT_REMINDERS.USER_ID.eq(user.userId())
                                .or(EVENT_REMINDERS.USER_ID.isNull().and(EVENTS.OWNER_ID.eq(user.userId()))))
                        .and(RecordRules.events(user).read()))
                .orderBy(EVENT_REMINDERS.REMIND_AT, EVENT_REMINDERS.ID)
                .limit(limit)
                .fetch(r -> new DueReminder(r.get(EVENT_REMINDERS.ID), r.get(EVENT_REMINDERS.VERSION),
                        r.get(EVENT_REMINDERS.MINUTES_BEFORE), r.get(EVENT_REMINDERS.REMIND_AT), EventRepository.toDetail(r)));
    }

    /**
     * Marks a reminder fired, or moves it to the next occurrence ({@code nextRemindAt}); false
     * when another session got there first (the row changed since it was read).
     */
    public boolean claim(DSLContext tx, UUID id, long version, OffsetDateTime firedAt, OffsetDateTime nextRemindAt) {
        var step = tx.update(EVENT_REMINDERS)
                .set(EVENT_REMINDERS.VERSION, EVENT_REMINDERS.VERSION.plus(1))
                .set(EVENT_REMINDERS.UPDATED_AT, firedAt);
        var set = nextRemindAt == null
                ? step.set(EVENT_REMINDERS.FIRED_AT, firedAt)
                : step.set(EVENT_REMINDERS.REMIND_AT, nextRemindAt);
        return set.where(EVENT_REMINDERS.ID.eq(id).and(EVENT_REMINDERS.VERSION.eq(version))
                        .and(EVENT_REMINDERS.FIRED_AT.isNull()).and(EVENT_REMINDERS.DELETED_AT.isNull()))
                .execute() == 1;
    }
}
