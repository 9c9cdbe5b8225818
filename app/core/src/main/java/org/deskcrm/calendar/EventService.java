package org.deskcrm.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.deskcrm.audit.AuditAction;
import org.deskcrm.audit.AuditLog;
import org.deskcrm.calendar.persistence.CalendarRepository;
import org.deskcrm.calendar.persistence.EventRepository;
import org.deskcrm.calendar.persistence.EventRow;
import org.deskcrm.db.tables.records.EventsRecord;
import org.deskcrm.platform.id.Ids;
import org.deskcrm.platform.persistence.NotFoundException;
import org.deskcrm.platform.persistence.ValidationException;
import org.deskcrm.security.AccessDeniedException;
import org.deskcrm.security.Action;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.Emails;
import org.deskcrm.security.Resource;
import org.deskcrm.security.persistence.RecordAccess;
import org.deskcrm.security.persistence.RecordAccess.Linked;
import org.jooq.DSLContext;

/**
 * Events on calendars (SR-29): occurrences for a date range with recurring series expanded and
 * their exceptions applied, creating and changing events (one occurrence or the whole series),
 * linking them to companies, contacts and deals, attendees and reminders. One transaction per
 * user action, with its audit row.
 */
public final class EventService {
    /** No series shows more than this many occurrences in one range (a daily event over a year is 366). */
    static final int MAX_OCCURRENCES_PER_SERIES = 1000;
    private static final int MAX_TITLE = 500;
    private static final Pattern URL = Pattern.compile("(?i)^(https?://|mailto:|tel:|sip:|callto:)\\S+$");

    private final DSLContext dsl;
    private final EventRepository events;
    private final CalendarRepository calendars;
    private final RecordAccess access;
    private final AuditLog audit;
    private final Clock clock;

    public EventService(DSLContext dsl, EventRepository events, CalendarRepository calendars, RecordAccess access,
            AuditLog audit, Clock clock) {
        this.dsl = dsl;
        this.events = events;
        this.calendars = calendars;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ reading

    /**
     * Everything to draw on the given calendars between {@code from} and {@code to}: single
     * events, occurrences of series (cancelled occurrences left out, changed ones replaced by
     * their exception rows), soonest first.
     */
    public List<Occurrence> occurrences(CurrentUser user, Collection<UUID> calendarIds, Instant from, Instant to) {
        if (!from.isBefore(to)) {
            return List.of();
        }
        Map<UUID, CalendarInfo> cals = new HashMap<>();
        for (CalendarInfo c : calendars.visible(dsl, user)) {
            if (calendarIds.contains(c.id())) {
                cals.put(c.id(), c);
            }
        }
        List<EventDetail> rows = events.inRange(dsl, user, cals.keySet(), utc(from), utc(to));
        List<UUID> seriesIds = rows.stream().filter(EventDetail::isSeries).map(EventDetail::id).toList();
        Map<UUID, Map<Instant, EventDetail>> exceptions = byOriginalStart(events.exceptionsOf(dsl, user, seriesIds));
        boolean mayEdit = user.can(Resource.EVENTS, Action.UPDATE);
        List<Occurrence> out = new ArrayList<>();
        for (EventDetail e : rows) {
            CalendarInfo cal = cals.get(e.calendarId());
            boolean own = user.userId().equals(e.ownerId());
            boolean busyOnly = cal.access().busyOnly() && !own;
            boolean editable = mayEdit && !busyOnly && (cal.access().canEditEvents() || own);
            if (e.isException()) {
                if (e.status() != EventStatus.CANCELLED) {
                    out.add(occurrence(e, e.recurrenceParentId(), e.originalStart(), e.start(), e.end(), busyOnly, editable));
                }
            } else if (e.isSeries()) {
                Duration length = Duration.between(e.start(), e.end());
                Map<Instant, EventDetail> changed = exceptions.getOrDefault(e.id(), Map.of());
                for (ZonedDateTime start : Recurrences.starts(e.recurrenceRule(), e.start(), length, from, to,
                        MAX_OCCURRENCES_PER_SERIES)) {
                    if (!changed.containsKey(start.toInstant())) {
                        out.add(occurrence(e, e.id(), utc(start.toInstant()), start, start.plus(length), busyOnly, editable));
                    }
                }
            } else {
                out.add(occurrence(e, null, null, e.start(), e.end(), busyOnly, editable));
            }
        }
        out.sort(Comparator.comparing((Occurrence o) -> o.start().toInstant()).thenComparing(Occurrence::key));
        return out;
    }

    private static Occurrence occurrence(EventDetail e, UUID seriesId, OffsetDateTime originalStart, ZonedDateTime start,
            ZonedDateTime end, boolean busyOnly, boolean editable) {
        if (busyOnly) {
            return new Occurrence(e.id(), seriesId, originalStart, e.calendarId(), null, null, null, start, end, e.allDay(),
                    e.status(), null, null, null, e.version(), true, false, e.icalUid());
        }
        return new Occurrence(e.id(), seriesId, originalStart, e.calendarId(), e.title(), e.location(), e.meetingUrl(),
                start, end, e.allDay(), e.status(), e.companyId(), e.contactId(), e.dealId(), e.version(), false, editable,
                e.icalUid());
    }

    private static Map<UUID, Map<Instant, EventDetail>> byOriginalStart(List<EventDetail> exceptionRows) {
        Map<UUID, Map<Instant, EventDetail>> out = new HashMap<>();
        for (EventDetail x : exceptionRows) {
            out.computeIfAbsent(x.recurrenceParentId(), k -> new HashMap<>()).put(x.originalStart().toInstant(), x);
        }
        return out;
    }

    /** One event row with attendees and reminders. */
    public EventDetail get(CurrentUser user, UUID id) {
        EventDetail e = events.find(dsl, user, id)
                .orElseThrow(() -> new NotFoundException("This event does not exist or you may not see it."));
        calendars.find(dsl, user, e.calendarId()).ifPresent(cal -> {
            if (cal.access().busyOnly() && !user.userId().equals(e.ownerId())) {
                throw new AccessDeniedException("You can see when \"" + cal.name() + "\" is busy, but not its events.");
            }
        });
        return e;
    }

    /** Events linked to a company (directly), newest first; pass the last of a page as {@code after}. */
    public List<EventDetail> forCompany(CurrentUser user, UUID companyId, EventDetail after, int limit) {
        return events.forRecord(dsl, user, EventRepository.Subject.COMPANY, companyId, after, limit);
    }

    public List<EventDetail> forContact(CurrentUser user, UUID contactId, EventDetail after, int limit) {
        return events.forRecord(dsl, user, EventRepository.Subject.CONTACT, contactId, after, limit);
    }

    public List<EventDetail> forDeal(CurrentUser user, UUID dealId, EventDetail after, int limit) {
        return events.forRecord(dsl, user, EventRepository.Subject.DEAL, dealId, after, limit);
    }

    /** Events whose title contains {@code text}, within a year either side of today. */
    public List<EventDetail> search(CurrentUser user, String text, int limit) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        OffsetDateTime now = now();
        return events.search(dsl, user, text, now.minusDays(366), now.plusDays(366), limit);
    }

    // ------------------------------------------------------------------ writing

    public EventDetail create(CurrentUser user, EventDraft draft) {
        user.require(Resource.EVENTS, Action.CREATE);
        EventDraft d = validate(draft);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            CalendarInfo cal = requireCalendarWritable(tx, user, d.calendarId());
            requireLinksReadable(tx, user, d);
            UUID id = Ids.newId();
            EventRow row = rowFor(d, cal.ownerId(), null, null, id + "@deskcrm", 0);
            events.insert(tx, user.organizationId(), id, row, user.userId());
            writeChildren(tx, user, id, d);
            audit.record(tx, user, "events", id, AuditAction.INSERT, null, events.loadRaw(tx, id));
            return events.find(tx, user, id).orElseThrow();
        });
    }

    /**
     * Changes an event. For a recurring series, {@code scope} says whether only the occurrence
     * starting at {@code occurrenceStart} changes (an exception row is written) or the whole
     * series (the times move by as much as this occurrence moved). {@code id} and {@code version}
     * are those of the row the occurrence came from.
     */
    public EventDetail update(CurrentUser user, UUID id, long version, OffsetDateTime occurrenceStart, EventDraft draft,
            EditScope scope) {
        user.require(Resource.EVENTS, Action.UPDATE);
        EventDraft d = validate(draft);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            requireWritable(tx, user, id);
            EventsRecord before = events.loadRaw(tx, id);
            if (!Objects.equals(before.getCalendarId(), d.calendarId())) {
                requireCalendarWritable(tx, user, d.calendarId());
            }
            requireLinksReadable(tx, user, d);
            EventDetail current = events.find(tx, user, id).orElseThrow();
            if (current.isSeries() && scope == EditScope.THIS_OCCURRENCE) {
                if (occurrenceStart == null) {
                    throw new ValidationException("", "Choose which occurrence to change.");
                }
                return changeOccurrence(tx, user, current, occurrenceStart, d);
            }
            if (current.isException() && scope == EditScope.ALL_OCCURRENCES) {
                EventDetail series = events.find(tx, user, current.recurrenceParentId())
                        .orElseThrow(() -> new NotFoundException("The series of this event no longer exists."));
                requireWritable(tx, user, series.id());
                return updateSeries(tx, user, series, series.version(), current.originalStart(), d.withRecurrence(series.recurrenceRule()));
            }
            if (current.isSeries()) {
                return updateSeries(tx, user, current, version, occurrenceStart, d);
            }
            // a single event, or one exception occurrence on its own
            String rule = current.isException() ? null : d.recurrenceRule();
            EventRow row = rowFor(d.withRecurrence(rule), before.getOwnerId(), current.recurrenceParentId(),
                    current.originalStart(), before.getIcalUid(), sequence(before, d, current));
            events.update(tx, id, version, row);
            writeChildren(tx, user, id, d);
            audit.record(tx, user, "events", id, AuditAction.UPDATE, before, events.loadRaw(tx, id));
            return events.find(tx, user, id).orElseThrow();
        });
    }

    /** Moves or resizes an occurrence (drag and drop): the same as editing its times. */
    public EventDetail move(CurrentUser user, Occurrence occurrence, ZonedDateTime newStart, ZonedDateTime newEnd, EditScope scope) {
        EventDetail e = get(user, occurrence.eventId());
        ZoneId zone = e.start().getZone();
        EventDraft d = e.toDraft().withTimes(newStart.withZoneSameInstant(zone), newEnd.withZoneSameInstant(zone));
        return update(user, e.id(), occurrence.version(), occurrence.originalStart(), d, scope);
    }

    /**
     * Deletes an event: the whole series, or (with {@link EditScope#THIS_OCCURRENCE}) only the
     * occurrence starting at {@code occurrenceStart}, which is then left out like an EXDATE.
     */
    public void delete(CurrentUser user, UUID id, long version, OffsetDateTime occurrenceStart, EditScope scope) {
        user.require(Resource.EVENTS, Action.DELETE);
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            requireWritable(tx, user, id);
            EventDetail current = events.find(tx, user, id).orElseThrow();
            EventsRecord before = events.loadRaw(tx, id);
            if (current.isSeries() && scope == EditScope.THIS_OCCURRENCE) {
                if (occurrenceStart == null) {
                    throw new ValidationException("", "Choose which occurrence to delete.");
                }
                Duration length = Duration.between(current.start(), current.end());
                ZonedDateTime start = occurrenceStart.atZoneSameInstant(current.start().getZone());
                changeOccurrence(tx, user, current, occurrenceStart,
                        current.toDraft().withTimes(start, start.plus(length)).withStatus(EventStatus.CANCELLED));
                return;
            }
            if (current.isException() && scope == EditScope.THIS_OCCURRENCE) {
                events.update(tx, id, version, rowFor(current.toDraft().withStatus(EventStatus.CANCELLED).withRecurrence(null),
                        current.ownerId(), current.recurrenceParentId(), current.originalStart(), current.icalUid(),
                        current.icalSequence() + 1));
                events.removeReminders(tx, id);
                audit.record(tx, user, "events", id, AuditAction.UPDATE, before, events.loadRaw(tx, id));
                return;
            }
            UUID target = id;
            long targetVersion = version;
            EventsRecord targetBefore = before;
            if (current.isException()) {
                EventDetail series = events.find(tx, user, current.recurrenceParentId())
                        .orElseThrow(() -> new NotFoundException("The series of this event no longer exists."));
                requireWritable(tx, user, series.id());
                target = series.id();
                targetVersion = series.version();
                targetBefore = events.loadRaw(tx, target);
            }
            events.softDelete(tx, target, targetVersion);
            events.removeReminders(tx, target);
            int exceptionsRemoved = events.softDeleteExceptions(tx, target);
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("exceptions_deleted", exceptionsRemoved);
            audit.record(tx, user.organizationId(), user.userId(), "events", target, AuditAction.DELETE,
                    targetBefore.intoMap(), exceptionsRemoved > 0 ? after : null);
        });
    }

    /** Marks an event (or one occurrence) confirmed, completed, no-show... */
    public EventDetail setStatus(CurrentUser user, UUID id, long version, OffsetDateTime occurrenceStart, EventStatus status,
            EditScope scope) {
        EventDetail e = get(user, id);
        EventDraft d = e.toDraft().withStatus(status);
        if (e.isSeries() && scope == EditScope.THIS_OCCURRENCE && occurrenceStart != null) {
            Duration length = Duration.between(e.start(), e.end());
            ZonedDateTime start = occurrenceStart.atZoneSameInstant(e.start().getZone());
            d = d.withTimes(start, start.plus(length));
        }
        return update(user, id, version, occurrenceStart, d, scope);
    }

    // ------------------------------------------------------------------ series and exceptions

    /** Writes (or rewrites) the exception row replacing one occurrence of a series. */
    private EventDetail changeOccurrence(DSLContext tx, CurrentUser user, EventDetail series, OffsetDateTime occurrenceStart,
            EventDraft d) {
        OffsetDateTime original = utc(occurrenceStart.toInstant());
        if (!isOccurrence(series, original.toInstant())) {
            throw new ValidationException("", "This occurrence is no longer part of the series; reload the calendar.");
        }
        EventDraft single = d.withRecurrence(null).withCalendar(series.calendarId());
        Optional<EventsRecord> existing = events.exceptionRow(tx, series.id(), original);
        EventRow row = rowFor(single, series.ownerId(), series.id(), original, series.icalUid(), series.icalSequence());
        UUID id;
        if (existing.isPresent() && existing.get().getDeletedAt() == null) {
            id = existing.get().getId();
            events.update(tx, id, existing.get().getVersion(), row);
            audit.record(tx, user, "events", id, AuditAction.UPDATE, existing.get(), events.loadRaw(tx, id));
        } else if (existing.isPresent()) {
            id = existing.get().getId();
            events.restore(tx, id, row);
            audit.record(tx, user, "events", id, AuditAction.RESTORE, existing.get(), events.loadRaw(tx, id));
        } else {
            id = Ids.newId();
            events.insert(tx, user.organizationId(), id, row, user.userId());
            audit.record(tx, user, "events", id, AuditAction.INSERT, null, events.loadRaw(tx, id));
        }
        if (single.status() == EventStatus.CANCELLED) {
            events.removeReminders(tx, id);
        } else {
            writeChildren(tx, user, id, single);
        }
        return events.find(tx, user, id).orElseThrow();
    }

    private boolean isOccurrence(EventDetail series, Instant start) {
        Duration length = Duration.between(series.start(), series.end());
        return Recurrences.starts(series.recurrenceRule(), series.start(), length, start, start.plusSeconds(1), 1).stream()
                .anyMatch(s -> s.toInstant().equals(start));
    }

    /**
     * Changes the whole series. When an occurrence was edited, the series moves by the same number
     * of days and takes the new time of day, in the event's zone, so "move Tuesday's 9:00 to
     * Wednesday 10:00" makes a series starting a day later at 10:00. Exceptions are dropped when
     * the occurrence times change (they described occurrences that no longer exist).
     */
    private EventDetail updateSeries(DSLContext tx, CurrentUser user, EventDetail series, long version,
            OffsetDateTime occurrenceStart, EventDraft d) {
        EventsRecord before = events.loadRaw(tx, series.id());
        ZonedDateTime newStart = d.start();
        if (occurrenceStart != null) {
            ZonedDateTime occ = occurrenceStart.atZoneSameInstant(series.start().getZone());
            ZonedDateTime moved = d.start();
            long dayDelta = ChronoUnit.DAYS.between(occ.toLocalDate(), moved.toLocalDate());
            newStart = ZonedDateTime.of(series.start().withZoneSameInstant(moved.getZone()).toLocalDate().plusDays(dayDelta),
                    moved.toLocalTime(), moved.getZone());
        }
        Duration length = Duration.between(d.start(), d.end());
        EventDraft moved = d.withTimes(newStart, newStart.plus(length));
        boolean timesChanged = !newStart.toInstant().equals(series.start().toInstant())
                || !Objects.equals(d.recurrenceRule(), series.recurrenceRule())
                || !newStart.getZone().equals(series.start().getZone());
        EventRow row = rowFor(moved, series.ownerId(), null, null, series.icalUid(), series.icalSequence() + 1);
        events.update(tx, series.id(), version, row);
        if (timesChanged || moved.recurrenceRule() == null) {
            events.softDeleteExceptions(tx, series.id());
        }
        writeChildren(tx, user, series.id(), moved);
        audit.record(tx, user, "events", series.id(), AuditAction.UPDATE, before, events.loadRaw(tx, series.id()));
        return events.find(tx, user, series.id()).orElseThrow();
    }

    // ------------------------------------------------------------------ rows, children, checks

    /** The row to write for a draft; all-day events are stored from midnight to midnight in their zone. */
    static EventRow rowFor(EventDraft d, UUID ownerId, UUID parentId, OffsetDateTime originalStart, String icalUid, int sequence) {
        ZonedDateTime start = d.start();
        ZonedDateTime end = d.end();
        if (d.allDay()) {
            start = start.toLocalDate().atStartOfDay(start.getZone());
            end = end.toLocalDate().atStartOfDay(end.getZone());
            if (!end.isAfter(start)) {
                end = start.plusDays(1).toLocalDate().atStartOfDay(start.getZone());
            }
        }
        String rule = d.recurrenceRule() == null ? null : Recurrences.normalize(d.recurrenceRule());
        OffsetDateTime until = rule == null ? null : Recurrences.lastEnd(rule, start, Duration.between(start, end));
        return new EventRow(d.calendarId(), ownerId, d.title().strip(), blank(d.description()), blank(d.location()),
                blank(d.meetingUrl()), utc(start.toInstant()), utc(end.toInstant()), d.allDay(), start.getZone().getId(),
                d.status().dbName(), rule, until, parentId, originalStart, d.companyId(), d.contactId(), d.dealId(), null,
                null, null, null, null, blank(d.notes()), d.reminderMinutes().isEmpty() ? null : d.reminderMinutes().getFirst(),
                icalUid, sequence);
    }

    /** iCalendar SEQUENCE grows when the time, place or state changes (RFC 5546 "significant" changes). */
    private static int sequence(EventsRecord before, EventDraft d, EventDetail current) {
        boolean significant = !current.start().toInstant().equals(d.start().toInstant())
                || !current.end().toInstant().equals(d.end().toInstant())
                || !Objects.equals(current.location(), blank(d.location()))
                || current.status() != d.status()
                || !Objects.equals(current.recurrenceRule(), d.recurrenceRule());
        int seq = before.getIcalSequence() == null ? 0 : before.getIcalSequence();
        return significant ? seq + 1 : seq;
    }

    /** Attendees and reminders of a row; reminders are scheduled for the next occurrence still ahead. */
    void writeChildren(DSLContext tx, CurrentUser user, UUID eventId, EventDraft d) {
        events.replaceAttendees(tx, user.organizationId(), eventId, d.attendees(), user.userId());
        EventsRecord row = events.loadRaw(tx, eventId);
        OffsetDateTime now = now();
        events.replaceReminders(tx, user.organizationId(), eventId, d.reminderMinutes(), reminderTime(EventRepository.reminderBasis(row), now), now,
                user.userId());
    }

    /** For a reminder offset: when to remind next (null when the event, or its last occurrence, has begun). */
    public static Function<Integer, OffsetDateTime> reminderTime(ReminderBasis row, OffsetDateTime now) {
        return minutes -> {
            if (EventStatus.CANCELLED.dbName().equals(row.status())) {
                return null;
            }
            OffsetDateTime start = row.startsAt();
            if (row.recurrenceRule() != null) {
                ZoneId zone = row.timezone() == null ? ZoneOffset.UTC : CalendarRepository.zoneOf(row.timezone());
                // the first occurrence whose reminder time is still ahead
                Optional<ZonedDateTime> next = Recurrences.nextStart(row.recurrenceRule(), start.atZoneSameInstant(zone),
                        now.toInstant().plus(Duration.ofMinutes(minutes)));
                if (next.isEmpty()) {
                    return null;
                }
                start = utc(next.get().toInstant());
            }
            return start.isAfter(now) ? start.minusMinutes(minutes) : null;
        };
    }

    private CalendarInfo requireCalendarWritable(DSLContext tx, CurrentUser user, UUID calendarId) {
        CalendarInfo cal = calendars.find(tx, user, calendarId)
                .orElseThrow(() -> new NotFoundException("This calendar does not exist or you may not see it."));
        if (!cal.access().canEditEvents() || !calendars.writable(tx, user, calendarId)) {
            throw new AccessDeniedException("You may not add or change events in \"" + cal.name() + "\".");
        }
        return cal;
    }

    private void requireWritable(DSLContext tx, CurrentUser user, UUID id) {
        if (!events.writable(tx, user, id)) {
            if (events.find(tx, user, id).isPresent()) {
                throw new AccessDeniedException("You may not change this event.");
            }
            EventsRecord raw = events.loadRaw(tx, id);
            if (raw != null && raw.getDeletedAt() != null && raw.getOrganizationId().equals(user.organizationId())) {
                throw new NotFoundException("This event was deleted in the meantime; reload the calendar.");
            }
            throw new NotFoundException("This event does not exist or you may not see it.");
        }
    }

    private void requireLinksReadable(DSLContext tx, CurrentUser user, EventDraft d) {
        access.requireReadable(tx, user, Linked.COMPANY, d.companyId());
        access.requireReadable(tx, user, Linked.CONTACT, d.contactId());
        access.requireReadable(tx, user, Linked.DEAL, d.dealId());
    }

    static EventDraft validate(EventDraft d) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (d.calendarId() == null) {
            errors.put("calendar", "Choose a calendar.");
        }
        if (d.title() == null || d.title().isBlank()) {
            errors.put("title", "Give the event a title.");
        } else if (d.title().strip().length() > MAX_TITLE) {
            errors.put("title", "The title may have at most " + MAX_TITLE + " characters.");
        }
        if (d.start() == null || d.end() == null) {
            errors.put("start", "Enter when the event starts and ends.");
        } else if (d.end().toInstant().isBefore(d.start().toInstant())
                || d.end().toInstant().equals(d.start().toInstant()) && d.allDay()) {
            errors.put("end", "The event must end after it starts.");
        }
        if (d.location() != null && d.location().strip().length() > 500) {
            errors.put("location", "The location may have at most 500 characters.");
        }
        if (d.meetingUrl() != null && !d.meetingUrl().isBlank() && !URL.matcher(d.meetingUrl().strip()).matches()) {
            errors.put("meetingUrl", "Enter the meeting link as a full address, like https://meet.example.com/abc.");
        }
        for (Integer m : d.reminderMinutes()) {
            if (m == null || m < 0 || m > 60 * 24 * 28) {
                errors.put("reminders", "Reminders can be from 0 minutes to 4 weeks before the event.");
            }
        }
        for (Attendee a : d.attendees()) {
            if (a.userId() == null && a.contactId() == null && (a.email() == null || a.email().isBlank())) {
                errors.put("attendees", "Each guest needs an e-mail address.");
            } else if (a.email() != null && !a.email().isBlank() && !Emails.isValid(a.email())) {
                errors.put("attendees", "\"" + a.email() + "\" is not a valid e-mail address.");
            }
        }
        if (d.recurrenceRule() != null && !d.recurrenceRule().isBlank()) {
            try {
                Recurrences.parse(d.recurrenceRule());
            } catch (ValidationException e) {
                errors.putAll(e.fieldErrors());
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        String rule = d.recurrenceRule() == null || d.recurrenceRule().isBlank() ? null : d.recurrenceRule().strip();
        return d.withRecurrence(rule);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
