package org.deskcrm.calendar.persistence;

import static org.deskcrm.db.Tables.CALENDARS;
import static org.deskcrm.db.Tables.EVENTS;
import static org.deskcrm.db.Tables.EVENT_ATTENDEES;
import static org.deskcrm.db.Tables.EVENT_REMINDERS;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.deskcrm.calendar.Attendee;
import org.deskcrm.calendar.EventDetail;
import org.deskcrm.calendar.EventStatus;
import org.deskcrm.calendar.ReminderBasis;
import org.deskcrm.db.tables.records.EventsRecord;
import org.deskcrm.platform.id.Ids;
import org.deskcrm.platform.persistence.SyncColumns;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.rules.RecordRules;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.jooq.impl.DSL;

/**
 * Events with their attendees and reminders. Every read for a user applies the events record
 * rule; the busy-time query for bookings deliberately reads only start/end of the owner's events.
 */
public final class EventRepository {
    private static final SyncColumns<EventsRecord> SYNC = new SyncColumns<>(EVENTS);

    // ------------------------------------------------------------------ reads

    public Optional<EventDetail> find(DSLContext dsl, CurrentUser user, UUID id) {
        return select(dsl).where(EVENTS.ID.eq(id).and(RecordRules.events(user).read()))
                .fetchOptional(EventRepository::toDetail)
                .map(e -> withChildren(dsl, e));
    }

    public EventsRecord loadRaw(DSLContext dsl, UUID id) {
        return dsl.fetchOne(EVENTS, EVENTS.ID.eq(id));
    }

    public boolean writable(DSLContext dsl, CurrentUser user, UUID id) {
        return dsl.fetchExists(EVENTS, EVENTS.ID.eq(id).and(RecordRules.events(user).write()));
    }

    /**
     * Single events, exception rows and series that may have occurrences in [from, to) on the
     * given calendars (attendees and reminders are not loaded).
     */
    public List<EventDetail> inRange(DSLContext dsl, CurrentUser user, Collection<UUID> calendarIds,
            OffsetDateTime from, OffsetDateTime to) {
        if (calendarIds.isEmpty()) {
            return List.of();
        }
        return select(dsl)
                .where(EVENTS.CALENDAR_ID.in(calendarIds)
                        .and(overlaps(from, to))
                        .and(RecordRules.events(user).read()))
                .orderBy(EVENTS.STARTS_AT, EVENTS.ID)
                .fetch(EventRepository::toDetail);
    }

    /** Rows that may produce occurrences in [from, to): SR-29's range condition. */
    static Condition overlaps(OffsetDateTime from, OffsetDateTime to) {
        return EVENTS.STARTS_AT.lt(to).and(EVENTS.ENDS_AT.gt(from)
                .or(EVENTS.RECURRENCE_RULE.isNotNull().and(EVENTS.RECURRENCE_UNTIL.isNull().or(EVENTS.RECURRENCE_UNTIL.gt(from)))));
    }

    /** Exception rows (live, including cancelled ones) of the given series. */
    public List<EventDetail> exceptionsOf(DSLContext dsl, CurrentUser user, Collection<UUID> seriesIds) {
        if (seriesIds.isEmpty()) {
            return List.of();
        }
        return select(dsl).where(EVENTS.RECURRENCE_PARENT_ID.in(seriesIds).and(RecordRules.events(user).read()))
                .fetch(EventRepository::toDetail);
    }

    /** The exception row of one occurrence, live or tombstoned (the unique key covers both). */
    public Optional<EventsRecord> exceptionRow(DSLContext dsl, UUID seriesId, OffsetDateTime originalStart) {
        return dsl.selectFrom(EVENTS)
                .where(EVENTS.RECURRENCE_PARENT_ID.eq(seriesId).and(EVENTS.ORIGINAL_START.eq(originalStart)))
                .fetchOptional();
    }

    /** The kind of record an event links to. */
    public enum Subject { COMPANY, CONTACT, DEAL }

    /** What the next reminder time of an event depends on. */
    public static ReminderBasis reminderBasis(EventsRecord row) {
        return new ReminderBasis(row.getStatus(), row.getStartsAt(), row.getRecurrenceRule(), row.getTimezone());
    }

    /** Events of a record's timeline (company, contact or deal), newest first, keyset-paged by (starts_at, id). */
    public List<EventDetail> forRecord(DSLContext dsl, CurrentUser user, Subject subject, UUID recordId, EventDetail after, int limit) {
        Condition link = switch (subject) {
            case COMPANY -> EVENTS.COMPANY_ID.eq(recordId);
            case CONTACT -> EVENTS.CONTACT_ID.eq(recordId);
            case DEAL -> EVENTS.DEAL_ID.eq(recordId);
        };
        Condition c = link.and(RecordRules.events(user).read()).and(EVENTS.RECURRENCE_PARENT_ID.isNull()
                .or(EVENTS.STATUS.ne(EventStatus.CANCELLED.dbName())));
        if (after != null) {
            c = c.and(DSL.row(EVENTS.STARTS_AT, EVENTS.ID).lt(after.start().toOffsetDateTime(), after.id()));
        }
        return select(dsl).where(c).orderBy(EVENTS.STARTS_AT.desc(), EVENTS.ID.desc()).limit(limit)
                .fetch(EventRepository::toDetail);
    }

    /** Title search (case-insensitive substring) within a time window, which keeps it on the starts_at index. */
    public List<EventDetail> search(DSLContext dsl, CurrentUser user, String text, OffsetDateTime from, OffsetDateTime to, int limit) {
        String needle = "%" + text.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return select(dsl)
                .where(EVENTS.ORGANIZATION_ID.eq(user.organizationId())
                        .and(EVENTS.STARTS_AT.ge(from)).and(EVENTS.STARTS_AT.lt(to))
                        .and(DSL.lower(EVENTS.TITLE).like(needle, '\\'))
                        .and(EVENTS.RECURRENCE_PARENT_ID.isNull())
                        .and(RecordRules.events(user).read()))
                .orderBy(EVENTS.STARTS_AT.desc(), EVENTS.ID)
                .limit(limit)
                .fetch(EventRepository::toDetail);
    }

    /**
     * Every live, not-cancelled row on the given calendars that may overlap [from, to), with no
     * record rule: used only to compute an owner's busy times for booking, never shown.
     */
    public List<EventDetail> busyRows(DSLContext dsl, UUID organizationId, Collection<UUID> calendarIds,
            OffsetDateTime from, OffsetDateTime to) {
        if (calendarIds.isEmpty()) {
            return List.of();
        }
        return select(dsl)
                .where(EVENTS.ORGANIZATION_ID.eq(organizationId).and(EVENTS.CALENDAR_ID.in(calendarIds))
                        .and(EVENTS.DELETED_AT.isNull()).and(overlaps(from, to)))
                .fetch(EventRepository::toDetail);
    }

    /** Live exception rows of the given series, with no record rule (busy times only). */
    public List<EventDetail> busyExceptions(DSLContext dsl, Collection<UUID> seriesIds) {
        if (seriesIds.isEmpty()) {
            return List.of();
        }
        return select(dsl).where(EVENTS.RECURRENCE_PARENT_ID.in(seriesIds).and(EVENTS.DELETED_AT.isNull()))
                .fetch(EventRepository::toDetail);
    }

    /** Series or single rows in a calendar with an iCalendar UID (ICS import matching). */
    public Optional<EventsRecord> byIcalUid(DSLContext dsl, UUID calendarId, String uid) {
        return dsl.selectFrom(EVENTS)
                .where(EVENTS.CALENDAR_ID.eq(calendarId).and(EVENTS.ICAL_UID.eq(uid))
                        .and(EVENTS.RECURRENCE_PARENT_ID.isNull()).and(EVENTS.DELETED_AT.isNull()))
                .orderBy(EVENTS.CREATED_AT)
                .limit(1)
                .fetchOptional();
    }

    /** All rows (series, singles, exceptions) of the given calendars for export, in start order. */
    public List<EventDetail> forExport(DSLContext dsl, CurrentUser user, Collection<UUID> calendarIds,
            OffsetDateTime from, OffsetDateTime to) {
        Condition c = EVENTS.CALENDAR_ID.in(calendarIds).and(RecordRules.events(user).read());
        if (from != null && to != null) {
            c = c.and(overlaps(from, to).or(EVENTS.RECURRENCE_PARENT_ID.isNotNull()));
        }
        List<EventDetail> rows = select(dsl).where(c).orderBy(EVENTS.STARTS_AT, EVENTS.ID).fetch(EventRepository::toDetail);
        return withChildren(dsl, rows);
    }

    // ------------------------------------------------------------------ writes

    public void insert(DSLContext tx, UUID organizationId, UUID id, EventRow r, UUID createdBy) {
        var now = SyncColumns.now();
        tx.insertInto(EVENTS)
                .set(EVENTS.ID, id)
                .set(EVENTS.ORGANIZATION_ID, organizationId)
                .set(values(r))
                .set(EVENTS.CREATED_AT, now)
                .set(EVENTS.UPDATED_AT, now)
                .set(EVENTS.CREATED_BY, createdBy)
                .execute();
    }

    public void update(DSLContext tx, UUID id, long version, EventRow r) {
        SYNC.updateChecked(tx, id, version, u -> u.set(values(r)));
    }

    /** Brings a tombstoned exception row back with new values (the unique key covers tombstones). */
    public void restore(DSLContext tx, UUID id, EventRow r) {
        tx.update(EVENTS)
                .set(values(r))
                .set(EVENTS.DELETED_AT, (OffsetDateTime) null)
                .set(EVENTS.VERSION, EVENTS.VERSION.plus(1))
                .set(EVENTS.UPDATED_AT, SyncColumns.now())
                .where(EVENTS.ID.eq(id))
                .execute();
    }

    public void softDelete(DSLContext tx, UUID id, long version) {
        SYNC.softDelete(tx, id, version);
    }

    /** Tombstones all exception rows of a series; returns how many. */
    public int softDeleteExceptions(DSLContext tx, UUID seriesId) {
        var now = SyncColumns.now();
        return tx.update(EVENTS)
                .set(EVENTS.DELETED_AT, now)
                .set(EVENTS.VERSION, EVENTS.VERSION.plus(1))
                .set(EVENTS.UPDATED_AT, now)
                .where(EVENTS.RECURRENCE_PARENT_ID.eq(seriesId).and(EVENTS.DELETED_AT.isNull()))
                .execute();
    }

    /** Tombstones every event of a deleted calendar; returns how many. */
    public int softDeleteByCalendar(DSLContext tx, UUID calendarId) {
        var now = SyncColumns.now();
        return tx.update(EVENTS)
                .set(EVENTS.DELETED_AT, now)
                .set(EVENTS.VERSION, EVENTS.VERSION.plus(1))
                .set(EVENTS.UPDATED_AT, now)
                .where(EVENTS.CALENDAR_ID.eq(calendarId).and(EVENTS.DELETED_AT.isNull()))
                .execute();
    }

    private static Map<org.jooq.Field<?>, Object> values(EventRow r) {
        Map<org.jooq.Field<?>, Object> m = new LinkedHashMap<>();
        m.put(EVENTS.CALENDAR_ID, r.calendarId());
        m.put(EVENTS.OWNER_ID, r.ownerId());
        m.put(EVENTS.TITLE, r.title());
        m.put(EVENTS.DESCRIPTION, r.description());
        m.put(EVENTS.LOCATION, r.location());
        m.put(EVENTS.MEETING_URL, r.meetingUrl());
        m.put(EVENTS.STARTS_AT, r.startsAt());
        m.put(EVENTS.ENDS_AT, r.endsAt());
        m.put(EVENTS.ALL_DAY, r.allDay());
        m.put(EVENTS.TIMEZONE, r.timezone());
        m.put(EVENTS.STATUS, r.status());
        m.put(EVENTS.RECURRENCE_RULE, r.recurrenceRule());
        m.put(EVENTS.RECURRENCE_UNTIL, r.recurrenceUntil());
        m.put(EVENTS.RECURRENCE_PARENT_ID, r.recurrenceParentId());
        m.put(EVENTS.ORIGINAL_START, r.originalStart());
        m.put(EVENTS.COMPANY_ID, r.companyId());
        m.put(EVENTS.CONTACT_ID, r.contactId());
        m.put(EVENTS.DEAL_ID, r.dealId());
        m.put(EVENTS.BOOKING_TYPE_ID, r.bookingTypeId());
        m.put(EVENTS.GUEST_NAME, r.guestName());
        m.put(EVENTS.GUEST_EMAIL, r.guestEmail());
        m.put(EVENTS.GUEST_PHONE, r.guestPhone());
        m.put(EVENTS.ANSWERS, r.answers());
        m.put(EVENTS.NOTES, r.notes());
        m.put(EVENTS.REMINDER_MINUTES, r.reminderMinutes());
        m.put(EVENTS.ICAL_UID, r.icalUid());
        m.put(EVENTS.ICAL_SEQUENCE, r.icalSequence());
        return m;
    }

    // ------------------------------------------------------------------ attendees

    /**
     * Makes the event's live attendees exactly {@code wanted}: matching rows (by e-mail, else
     * colleague, else contact) are updated or restored, new ones inserted, the rest tombstoned.
     */
    public void replaceAttendees(DSLContext tx, UUID organizationId, UUID eventId, List<Attendee> wanted, UUID actor) {
        var now = SyncColumns.now();
        Map<String, org.deskcrm.db.tables.records.EventAttendeesRecord> existing = new HashMap<>();
        for (var r : tx.selectFrom(EVENT_ATTENDEES).where(EVENT_ATTENDEES.EVENT_ID.eq(eventId)).fetch()) {
            existing.put(attendeeKey(r.getEmail(), r.getUserId(), r.getContactId()), r);
        }
        java.util.Set<String> keep = new java.util.HashSet<>();
        for (Attendee a : wanted) {
            String email = a.email() == null || a.email().isBlank() ? null : a.email().strip();
            String key = attendeeKey(email, a.userId(), a.contactId());
            if (!keep.add(key)) {
                continue; // the same person twice
            }
            var row = existing.get(key);
            if (row == null) {
                tx.insertInto(EVENT_ATTENDEES)
                        .set(EVENT_ATTENDEES.ID, Ids.newId())
                        .set(EVENT_ATTENDEES.ORGANIZATION_ID, organizationId)
                        .set(EVENT_ATTENDEES.EVENT_ID, eventId)
                        .set(EVENT_ATTENDEES.USER_ID, a.userId())
                        .set(EVENT_ATTENDEES.CONTACT_ID, a.contactId())
                        .set(EVENT_ATTENDEES.EMAIL, email)
                        .set(EVENT_ATTENDEES.NAME, a.name())
                        .set(EVENT_ATTENDEES.RESPONSE_STATUS, a.response().dbName())
                        .set(EVENT_ATTENDEES.IS_ORGANIZER, a.organizer())
                        .set(EVENT_ATTENDEES.IS_OPTIONAL, a.optional())
                        .set(EVENT_ATTENDEES.CREATED_AT, now)
                        .set(EVENT_ATTENDEES.UPDATED_AT, now)
                        .set(EVENT_ATTENDEES.CREATED_BY, actor)
                        .execute();
            } else if (row.getDeletedAt() != null || !java.util.Objects.equals(row.getName(), a.name())
                    || !row.getResponseStatus().equals(a.response().dbName()) || row.getIsOrganizer() != a.organizer()
                    || row.getIsOptional() != a.optional() || !java.util.Objects.equals(row.getUserId(), a.userId())
                    || !java.util.Objects.equals(row.getContactId(), a.contactId())) {
                tx.update(EVENT_ATTENDEES)
                        .set(EVENT_ATTENDEES.USER_ID, a.userId())
                        .set(EVENT_ATTENDEES.CONTACT_ID, a.contactId())
                        .set(EVENT_ATTENDEES.NAME, a.name())
                        .set(EVENT_ATTENDEES.RESPONSE_STATUS, a.response().dbName())
                        .set(EVENT_ATTENDEES.IS_ORGANIZER, a.organizer())
                        .set(EVENT_ATTENDEES.IS_OPTIONAL, a.optional())
                        .set(EVENT_ATTENDEES.DELETED_AT, (OffsetDateTime) null)
                        .set(EVENT_ATTENDEES.VERSION, EVENT_ATTENDEES.VERSION.plus(1))
                        .set(EVENT_ATTENDEES.UPDATED_AT, now)
                        .where(EVENT_ATTENDEES.ID.eq(row.getId()))
                        .execute();
            }
        }
        for (var e : existing.entrySet()) {
            if (!keep.contains(e.getKey()) && e.getValue().getDeletedAt() == null) {
                tx.update(EVENT_ATTENDEES)
                        .set(EVENT_ATTENDEES.DELETED_AT, now)
                        .set(EVENT_ATTENDEES.VERSION, EVENT_ATTENDEES.VERSION.plus(1))
                        .set(EVENT_ATTENDEES.UPDATED_AT, now)
                        .where(EVENT_ATTENDEES.ID.eq(e.getValue().getId()))
                        .execute();
            }
        }
    }

    private static String attendeeKey(String email, UUID userId, UUID contactId) {
        if (email != null && !email.isBlank()) {
            return "e:" + email.strip().toLowerCase(Locale.ROOT);
        }
        return userId != null ? "u:" + userId : "c:" + contactId;
    }

    public Map<UUID, List<Attendee>> attendees(DSLContext dsl, Collection<UUID> eventIds) {
        Map<UUID, List<Attendee>> out = new HashMap<>();
        if (eventIds.isEmpty()) {
            return out;
        }
        dsl.selectFrom(EVENT_ATTENDEES)
                .where(EVENT_ATTENDEES.EVENT_ID.in(eventIds).and(EVENT_ATTENDEES.DELETED_AT.isNull()))
                .orderBy(EVENT_ATTENDEES.IS_ORGANIZER.desc(), EVENT_ATTENDEES.CREATED_AT, EVENT_ATTENDEES.ID)
                .forEach(r -> out.computeIfAbsent(r.getEventId(), k -> new ArrayList<>()).add(new Attendee(r.getId(),
                        r.getUserId(), r.getContactId(), r.getEmail(), r.getName(), Attendee.Response.fromDb(r.getResponseStatus()),
                        r.getIsOrganizer(), r.getIsOptional())));
        return out;
    }

    // ------------------------------------------------------------------ reminders

    /**
     * Makes the event's live owner reminders exactly the given offsets; {@code remindAt} computes
     * the next reminder time for an offset (null: nothing left to remind of, stored as fired).
     */
    public void replaceReminders(DSLContext tx, UUID organizationId, UUID eventId, List<Integer> minutes,
            Function<Integer, OffsetDateTime> remindAt, OffsetDateTime now, UUID actor) {
        Map<Integer, org.deskcrm.db.tables.records.EventRemindersRecord> existing = new HashMap<>();
        for (var r : tx.selectFrom(EVENT_REMINDERS).where(EVENT_REMINDERS.EVENT_ID.eq(eventId).and(EVENT_REMINDERS.USER_ID.isNull()))
                .orderBy(EVENT_REMINDERS.DELETED_AT.asc().nullsFirst()).fetch()) {
            existing.putIfAbsent(r.getMinutesBefore(), r);
        }
        java.util.Set<Integer> keep = new java.util.HashSet<>();
        for (Integer m : minutes) {
            if (m == null || !keep.add(m)) {
                continue;
            }
            OffsetDateTime at = remindAt.apply(m);
            OffsetDateTime fired = at == null ? now : null;
            OffsetDateTime when = at == null ? now : at;
            var row = existing.get(m);
            if (row == null) {
                tx.insertInto(EVENT_REMINDERS)
                        .set(EVENT_REMINDERS.ID, Ids.newId())
                        .set(EVENT_REMINDERS.ORGANIZATION_ID, organizationId)
                        .set(EVENT_REMINDERS.EVENT_ID, eventId)
                        .set(EVENT_REMINDERS.MINUTES_BEFORE, m)
                        .set(EVENT_REMINDERS.REMIND_AT, when)
                        .set(EVENT_REMINDERS.FIRED_AT, fired)
                        .set(EVENT_REMINDERS.CREATED_AT, now)
                        .set(EVENT_REMINDERS.UPDATED_AT, now)
                        .set(EVENT_REMINDERS.CREATED_BY, actor)
                        .execute();
            } else if (row.getDeletedAt() != null || !when.isEqual(row.getRemindAt())
                    || (fired == null) != (row.getFiredAt() == null)) {
                tx.update(EVENT_REMINDERS)
                        .set(EVENT_REMINDERS.REMIND_AT, when)
                        .set(EVENT_REMINDERS.FIRED_AT, fired)
                        .set(EVENT_REMINDERS.DELETED_AT, (OffsetDateTime) null)
                        .set(EVENT_REMINDERS.VERSION, EVENT_REMINDERS.VERSION.plus(1))
                        .set(EVENT_REMINDERS.UPDATED_AT, now)
                        .where(EVENT_REMINDERS.ID.eq(row.getId()))
                        .execute();
            }
        }
        for (var e : existing.entrySet()) {
            if (!keep.contains(e.getKey()) && e.getValue().getDeletedAt() == null) {
                tx.update(EVENT_REMINDERS)
                        .set(EVENT_REMINDERS.DELETED_AT, now)
                        .set(EVENT_REMINDERS.VERSION, EVENT_REMINDERS.VERSION.plus(1))
                        .set(EVENT_REMINDERS.UPDATED_AT, now)
                        .where(EVENT_REMINDERS.ID.eq(e.getValue().getId()))
                        .execute();
            }
        }
    }

    /** Tombstones the reminders of an event (when it or its series is deleted). */
    public void removeReminders(DSLContext tx, UUID eventId) {
        var now = SyncColumns.now();
        tx.update(EVENT_REMINDERS)
                .set(EVENT_REMINDERS.DELETED_AT, now)
                .set(EVENT_REMINDERS.VERSION, EVENT_REMINDERS.VERSION.plus(1))
                .set(EVENT_REMINDERS.UPDATED_AT, now)
                .where(EVENT_REMINDERS.EVENT_ID.eq(eventId).and(EVENT_REMINDERS.DELETED_AT.isNull()))
                .execute();
    }

    public Map<UUID, List<Integer>> reminders(DSLContext dsl, Collection<UUID> eventIds) {
        Map<UUID, List<Integer>> out = new HashMap<>();
        if (eventIds.isEmpty()) {
            return out;
        }
        dsl.select(EVENT_REMINDERS.EVENT_ID, EVENT_REMINDERS.MINUTES_BEFORE).from(EVENT_REMINDERS)
                .where(EVENT_REMINDERS.EVENT_ID.in(eventIds).and(EVENT_REMINDERS.USER_ID.isNull())
                        .and(EVENT_REMINDERS.DELETED_AT.isNull()))
                .orderBy(EVENT_REMINDERS.MINUTES_BEFORE)
                .forEach(r -> out.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2()));
        return out;
    }

    // ------------------------------------------------------------------ mapping

    private static SelectOnConditionStep<Record> select(DSLContext dsl) {
        return dsl.select(EVENTS.fields()).select(CALENDARS.TIMEZONE)
                .from(EVENTS)
                .join(CALENDARS).on(CALENDARS.ID.eq(EVENTS.CALENDAR_ID));
    }

    private EventDetail withChildren(DSLContext dsl, EventDetail e) {
        return withChildren(dsl, List.of(e)).getFirst();
    }

    private List<EventDetail> withChildren(DSLContext dsl, List<EventDetail> rows) {
        List<UUID> ids = rows.stream().map(EventDetail::id).toList();
        Map<UUID, List<Attendee>> att = attendees(dsl, ids);
        Map<UUID, List<Integer>> rem = reminders(dsl, ids);
        return rows.stream().map(e -> new EventDetail(e.id(), e.calendarId(), e.ownerId(), e.title(), e.description(),
                e.location(), e.meetingUrl(), e.start(), e.end(), e.allDay(), e.status(), e.recurrenceRule(),
                e.recurrenceParentId(), e.originalStart(), e.companyId(), e.contactId(), e.dealId(), e.bookingTypeId(),
                e.guestName(), e.guestEmail(), e.guestPhone(), e.answers(), e.notes(),
                att.getOrDefault(e.id(), List.of()), rem.getOrDefault(e.id(), List.of()), e.icalUid(), e.icalSequence(),
                e.version())).toList();
    }

    /** The zone an event's times are shown in when it is read: its own, else its calendar's. */
    static ZoneId zoneOf(String eventZone, String calendarZone) {
        return eventZone != null ? CalendarRepository.zoneOf(eventZone) : CalendarRepository.zoneOf(calendarZone);
    }

    static EventDetail toDetail(Record r) {
        ZoneId zone = zoneOf(r.get(EVENTS.TIMEZONE), r.get(CALENDARS.TIMEZONE));
        return new EventDetail(r.get(EVENTS.ID), r.get(EVENTS.CALENDAR_ID), r.get(EVENTS.OWNER_ID), r.get(EVENTS.TITLE),
                r.get(EVENTS.DESCRIPTION), r.get(EVENTS.LOCATION), r.get(EVENTS.MEETING_URL),
                r.get(EVENTS.STARTS_AT).atZoneSameInstant(zone), r.get(EVENTS.ENDS_AT).atZoneSameInstant(zone),
                Boolean.TRUE.equals(r.get(EVENTS.ALL_DAY)), EventStatus.fromDb(r.get(EVENTS.STATUS)),
                r.get(EVENTS.RECURRENCE_RULE), r.get(EVENTS.RECURRENCE_PARENT_ID), r.get(EVENTS.ORIGINAL_START),
                r.get(EVENTS.COMPANY_ID), r.get(EVENTS.CONTACT_ID), r.get(EVENTS.DEAL_ID), r.get(EVENTS.BOOKING_TYPE_ID),
                r.get(EVENTS.GUEST_NAME), r.get(EVENTS.GUEST_EMAIL), r.get(EVENTS.GUEST_PHONE), r.get(EVENTS.ANSWERS),
                r.get(EVENTS.NOTES), List.of(), List.of(), r.get(EVENTS.ICAL_UID),
                r.get(EVENTS.ICAL_SEQUENCE) == null ? 0 : r.get(EVENTS.ICAL_SEQUENCE), r.get(EVENTS.VERSION));
    }
}
