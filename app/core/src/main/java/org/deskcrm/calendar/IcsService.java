package org.deskcrm.calendar;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.DateList;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.Action;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.ExDate;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.RecurrenceId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationResult;
import org.deskcrm.audit.AuditAction;
import org.deskcrm.audit.AuditLog;
import org.deskcrm.calendar.persistence.CalendarRepository;
import org.deskcrm.calendar.persistence.EventRepository;
import org.deskcrm.calendar.persistence.EventRow;
import org.deskcrm.db.tables.records.EventsRecord;
import org.deskcrm.platform.id.Ids;
import org.deskcrm.platform.persistence.NotFoundException;
import org.deskcrm.platform.persistence.ValidationException;
import org.deskcrm.platform.task.ProgressSink;
import org.deskcrm.security.AccessDeniedException;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.Resource;
import org.jooq.DSLContext;

/**
 * iCalendar (RFC 5545) import and export with ical4j: single events, whole calendars, recurring
 * series with their changed and cancelled occurrences (RECURRENCE-ID, EXDATE), time zones
 * (VTIMEZONE), attendees and reminders (VALARM). Exported files pass ical4j's validator. An import
 * first reads and checks the whole file (a problem is reported with its line), then writes
 * everything in one transaction: a bad file or a cancel imports nothing. Events are matched by
 * UID within the target calendar, so importing the same file twice updates instead of doubling.
 */
public final class IcsService {
    public static final String PRODID = "-//DeskCRM//DeskCRM Calendar//EN";
    private static final String X_STATUS = "X-DESKCRM-STATUS";
    private static final long MAX_CHARS = 50L * 1024 * 1024;
    private static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private final DSLContext dsl;
    private final EventRepository events;
    private final CalendarRepository calendars;
    private final AuditLog audit;
    private final java.time.Clock clock;

    public IcsService(DSLContext dsl, EventRepository events, CalendarRepository calendars, AuditLog audit, java.time.Clock clock) {
        this.dsl = dsl;
        this.events = events;
        this.calendars = calendars;
        this.audit = audit;
        this.clock = clock;
    }

    // =================================================================== export

    /** Writes the given calendars (those the user may read in full) as one iCalendar file; returns the number of events. */
    public int exportCalendars(CurrentUser user, Collection<UUID> calendarIds, Writer out, ProgressSink progress) throws IOException {
        user.require(Resource.EVENTS, org.deskcrm.security.Action.EXPORT);
        List<CalendarInfo> cals = calendars.visible(dsl, user).stream()
                .filter(c -> calendarIds.contains(c.id()) && !c.access().busyOnly()).toList();
        if (cals.isEmpty()) {
            throw new NotFoundException("There is no calendar to export that you may read.");
        }
        List<EventDetail> rows = events.forExport(dsl, user, cals.stream().map(CalendarInfo::id).toList(), null, null);
        String name = cals.size() == 1 ? cals.getFirst().name() : null;
        int n = write(rows, name, out, progress);
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            for (CalendarInfo c : cals) {
                syncLog(tx, user, c.id(), "push", "success", (int) rows.stream().filter(r -> r.calendarId().equals(c.id())).count(), null);
                audit.record(tx, user.organizationId(), user.userId(), "calendars", c.id(), AuditAction.EXPORT, null,
                        Map.of("format", "ics", "events", rows.stream().filter(r -> r.calendarId().equals(c.id())).count()));
            }
        });
        return n;
    }

    /** Writes one event (a whole series with its exceptions) as an iCalendar file. */
    public void exportEvent(CurrentUser user, UUID eventId, Writer out) throws IOException {
        user.require(Resource.EVENTS, org.deskcrm.security.Action.EXPORT);
        EventDetail e = events.find(dsl, user, eventId)
                .orElseThrow(() -> new NotFoundException("This event does not exist or you may not see it."));
        UUID seriesId = e.isException() ? e.recurrenceParentId() : e.id();
        EventDetail master = e.isException() ? events.find(dsl, user, seriesId).orElse(e) : e;
        List<EventDetail> rows = new ArrayList<>();
        rows.add(master);
        if (master.isSeries()) {
            for (EventDetail x : events.exceptionsOf(dsl, user, List.of(master.id()))) {
                rows.add(events.find(dsl, user, x.id()).orElse(x));
            }
        }
        write(rows, null, out, ProgressSink.NONE);
        dsl.transaction(cfg -> audit.record(cfg.dsl(), user.organizationId(), user.userId(), "events", master.id(),
                AuditAction.EXPORT, null, Map.of("format", "ics")));
    }

    private int write(List<EventDetail> rows, String calendarName, Writer out, ProgressSink progress) throws IOException {
        Calendar cal = new Calendar();
        cal.add(new ProdId(PRODID));
        cal.add(ImmutableVersion.VERSION_2_0);
        cal.add(ImmutableCalScale.GREGORIAN);
        if (calendarName != null) {
            cal.add(new XProperty("X-WR-CALNAME", calendarName));
        }
        TimeZoneRegistry registry = TimeZoneRegistryFactory.getInstance().createRegistry();
        Set<String> zones = new LinkedHashSet<>();
        Map<UUID, List<EventDetail>> cancelled = new HashMap<>();
        for (EventDetail e : rows) {
            if (e.isException() && e.status() == EventStatus.CANCELLED) {
                cancelled.computeIfAbsent(e.recurrenceParentId(), k -> new ArrayList<>()).add(e);
            }
            if (!e.allDay() && !isUtc(e.start().getZone()) && registry.getTimeZone(e.start().getZone().getId()) != null) {
                zones.add(e.start().getZone().getId());
            }
        }
        for (String z : zones) {
            cal.add(registry.getTimeZone(z).getVTimeZone());
        }
        Set<UUID> present = new java.util.HashSet<>();
        rows.forEach(r -> present.add(r.id()));
        int done = 0;
        int written = 0;
        for (EventDetail e : rows) {
            progress.checkCancelled();
            progress.update(done++, rows.size(), null);
            if (e.isException() && e.status() == EventStatus.CANCELLED && present.contains(e.recurrenceParentId())) {
                continue; // an EXDATE of its series
            }
            cal.add(toVEvent(e, cancelled.getOrDefault(e.id(), List.of()), registry));
            written++;
        }
        ValidationResult result = cal.validate();
        if (result.hasErrors()) {
            throw new IllegalStateException("DeskCRM produced an invalid iCalendar file: " + result);
        }
        // CalendarOutputter closes the writer it is given; the caller owns `out` (and may still flush or close it).
        Writer keepOpen = new java.io.FilterWriter(out) {
            @Override
            public void close() throws IOException {
                flush();
            }
        };
        new CalendarOutputter(false).output(cal, keepOpen);
        out.flush();
        progress.update(rows.size(), rows.size(), null);
        return written;
    }

    private static VEvent toVEvent(EventDetail e, List<EventDetail> cancelledOccurrences, TimeZoneRegistry registry) {
        ZoneId zone = e.start().getZone();
        boolean zoned = !isUtc(zone) && registry.getTimeZone(zone.getId()) != null;
        VEvent v;
        if (e.allDay()) {
            v = new VEvent(e.start().toLocalDate(), e.end().toLocalDate(), e.title());
        } else if (zoned) {
            v = new VEvent(e.start(), e.end(), e.title());
        } else {
            v = new VEvent(e.start().toInstant(), e.end().toInstant(), e.title());
        }
        v.add(new Uid(e.icalUid() != null ? e.icalUid() : e.id() + "@deskcrm"));
        v.add(new Sequence(e.icalSequence()));
        if (e.isException()) {
            v.add(recurrenceId(e.originalStart().toInstant(), zone, e.allDay(), zoned));
        }
        if (e.recurrenceRule() != null) {
            v.add(new RRule<>(new Recur<>(ruleForExport(e.recurrenceRule(), zone, e.allDay()))));
            if (!cancelledOccurrences.isEmpty()) {
                v.add(exDates(cancelledOccurrences, zone, e.allDay(), zoned));
            }
        }
        if (e.description() != null) {
            v.add(new Description(e.description()));
        }
        if (e.location() != null) {
            v.add(new Location(e.location()));
        }
        if (e.meetingUrl() != null) {
            try {
                v.add(new Url(new URI(e.meetingUrl())));
            } catch (URISyntaxException bad) {
                v.add(new XProperty("X-DESKCRM-MEETING-URL", e.meetingUrl()));
            }
        }
        v.add(new Status(switch (e.status()) {
            case CANCELLED -> "CANCELLED";
            case SCHEDULED -> "TENTATIVE";
            default -> "CONFIRMED";
        }));
        v.add(new XProperty(X_STATUS, e.status().dbName()));
        for (Attendee a : e.attendees()) {
            if (a.email() == null || a.email().isBlank()) {
                continue;
            }
            ParameterList params = new ParameterList();
            if (a.name() != null && !a.name().isBlank()) {
                params = params.add(new Cn(a.name()));
            }
            params = params.add(new PartStat(a.response().dbName().toUpperCase(Locale.ROOT).replace('_', '-')));
            try {
                v.add(new net.fortuna.ical4j.model.property.Attendee(params, new URI("mailto", a.email().strip(), null)));
            } catch (URISyntaxException bad) {
                // an address that cannot be written as a URI is left out
            }
        }
        for (Integer minutes : e.reminderMinutes()) {
            VAlarm alarm = new VAlarm(Duration.ofMinutes(-minutes));
            alarm.add(new Action("DISPLAY"));
            alarm.add(new Description(e.title()));
            v.add(alarm);
        }
        return v;
    }

    private static Property recurrenceId(Instant original, ZoneId zone, boolean allDay, boolean zoned) {
        if (allDay) {
            return new RecurrenceId<>(original.atZone(zone).toLocalDate());
        }
        return zoned ? new RecurrenceId<>(original.atZone(zone)) : new RecurrenceId<>(original);
    }

    private static Property exDates(List<EventDetail> cancelledOccurrences, ZoneId zone, boolean allDay, boolean zoned) {
        if (allDay) {
            return new ExDate<>(new DateList<>(cancelledOccurrences.stream()
                    .map(x -> x.originalStart().toInstant().atZone(zone).toLocalDate()).toList()));
        }
        if (zoned) {
            return new ExDate<>(new ParameterList(List.of(new TzId(zone.getId()))), new DateList<>(cancelledOccurrences.stream()
                    .map(x -> x.originalStart().toInstant().atZone(zone)).toList()));
        }
        return new ExDate<>(new DateList<>(cancelledOccurrences.stream().map(x -> x.originalStart().toInstant()).toList()));
    }

    /** RFC 5545: UNTIL has the value type of DTSTART, so all-day series get a DATE. */
    static String ruleForExport(String rule, ZoneId zone, boolean allDay) {
        if (!allDay) {
            return rule;
        }
        Recur<ZonedDateTime> recur = Recurrences.parse(rule);
        ZonedDateTime until = Recurrences.untilOf(recur, zone);
        if (until == null) {
            return rule;
        }
        return rule.replaceAll("UNTIL=[0-9TZ]+", "UNTIL=" + until.toLocalDate().format(BASIC_DATE));
    }

    private static boolean isUtc(ZoneId zone) {
        return zone.normalized().equals(ZoneOffset.UTC);
    }

    // =================================================================== import

    /** One VEVENT read from a file, checked and converted. */
    private record Incoming(int line, String uid, Instant recurrenceId, String title, String description, String location,
            String url, ZonedDateTime start, ZonedDateTime end, boolean allDay, EventStatus status, String rule,
            List<Instant> exDates, int sequence, List<Attendee> attendees, List<Integer> reminders) {}

    /**
     * Imports a file into a calendar. Reads and checks everything first ({@link IcsFormatException}
     * names the line of the first problem), then writes it all in one transaction.
     */
    public IcsResult importInto(CurrentUser user, UUID calendarId, Reader in, ProgressSink progress) throws IOException {
        user.require(Resource.EVENTS, org.deskcrm.security.Action.IMPORT);
        user.require(Resource.EVENTS, org.deskcrm.security.Action.CREATE);
        CalendarInfo target = calendars.find(dsl, user, calendarId)
                .orElseThrow(() -> new NotFoundException("This calendar does not exist or you may not see it."));
        if (!target.access().canEditEvents() || !calendars.writable(dsl, user, calendarId)) {
            throw new AccessDeniedException("You may not add events to \"" + target.name() + "\".");
        }
        try {
            progress.update(0, -1, "Reading the file");
            String text = readAll(in);
            List<Incoming> incoming = parse(text, target.zone(), progress);
            IcsResult result = dsl.transactionResult(cfg -> write(cfg.dsl(), user, target, incoming, progress));
            return result;
        } catch (IcsFormatException | ValidationException e) {
            dsl.transaction(cfg -> syncLog(cfg.dsl(), user, calendarId, "pull", "failed", 0, e.getMessage()));
            throw e;
        }
    }

    private static String readAll(Reader in) throws IOException {
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[8192];
        int n;
        while ((n = in.read(buf)) >= 0) {
            sb.append(buf, 0, n);
            if (sb.length() > MAX_CHARS) {
                throw new IcsFormatException(0, "The file is larger than 50 MB; split it into smaller files.");
            }
        }
        return sb.toString();
    }

    private List<Incoming> parse(String text, ZoneId calendarZone, ProgressSink progress) {
        if (text.isBlank()) {
            throw new IcsFormatException(0, "The file is empty.");
        }
        Calendar cal;
        try {
            cal = new CalendarBuilder().build(new StringReader(text));
        } catch (ParserException e) {
            String message = e.getMessage() == null ? "unreadable" : e.getMessage().replaceFirst("^Error at line \\d+:", "").strip();
            throw new IcsFormatException(e.getLineNo(), "this is not valid iCalendar (" + message + ").");
        } catch (IOException | RuntimeException e) {
            throw new IcsFormatException(0, "The file could not be read as iCalendar: " + e.getMessage());
        }
        List<VEvent> vevents = new ArrayList<>();
        for (CalendarComponent c : cal.getComponents()) {
            if (c instanceof VEvent v) {
                vevents.add(v);
            }
        }
        if (vevents.isEmpty()) {
            throw new IcsFormatException(0, "The file contains no events (VEVENT) to import.");
        }
        List<Integer> eventLines = eventLines(text);
        List<Incoming> out = new ArrayList<>();
        for (int i = 0; i < vevents.size(); i++) {
            progress.checkCancelled();
            progress.update(i, vevents.size(), "Checking event " + (i + 1) + " of " + vevents.size());
            int line = i < eventLines.size() ? eventLines.get(i) : 0;
            out.add(convert(vevents.get(i), line, text, calendarZone));
        }
        return out;
    }

    /** 1-based line numbers where each VEVENT begins. */
    private static List<Integer> eventLines(String text) {
        List<Integer> lines = new ArrayList<>();
        String[] all = text.split("\r\n|\n|\r", -1);
        for (int i = 0; i < all.length; i++) {
            if (all[i].strip().equalsIgnoreCase("BEGIN:VEVENT")) {
                lines.add(i + 1);
            }
        }
        return lines;
    }

    /** The line of a property inside the event starting at {@code eventLine} (or the event's line). */
    private static int propertyLine(String text, int eventLine, String property) {
        if (eventLine <= 0) {
            return 0;
        }
        String[] all = text.split("\r\n|\n|\r", -1);
        String prefix = property.toUpperCase(Locale.ROOT);
        for (int i = eventLine; i < all.length; i++) {
            String upper = all[i].toUpperCase(Locale.ROOT);
            if (upper.startsWith("END:VEVENT")) {
                break;
            }
            if (upper.startsWith(prefix + ":") || upper.startsWith(prefix + ";")) {
                return i + 1;
            }
        }
        return eventLine;
    }

    private Incoming convert(VEvent v, int line, String text, ZoneId calendarZone) {
        String summary = v.getProperty("SUMMARY").map(Property::getValue).filter(s -> !s.isBlank()).orElse(null);
        String label = summary != null ? "event \"" + summary + "\"" : "an event";
        String uid = v.getProperty("UID").map(Property::getValue).map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
        if (uid == null) {
            throw new IcsFormatException(line, label + " has no UID.");
        }
        if (uid.length() > 255) {
            throw new IcsFormatException(propertyLine(text, line, "UID"), label + " has a UID longer than 255 characters.");
        }
        Optional<Property> dtStart = v.getProperty("DTSTART");
        if (dtStart.isEmpty()) {
            throw new IcsFormatException(line, label + " has no start (DTSTART).");
        }
        Moment start = moment(dtStart.get(), "DTSTART", label, propertyLine(text, line, "DTSTART"), calendarZone);
        ZonedDateTime end;
        Optional<Property> dtEnd = v.getProperty("DTEND");
        Optional<Property> duration = v.getProperty("DURATION");
        if (dtEnd.isPresent()) {
            Moment m = moment(dtEnd.get(), "DTEND", label, propertyLine(text, line, "DTEND"), start.zone());
            end = m.time();
            if (start.allDay() != m.allDay()) {
                throw new IcsFormatException(propertyLine(text, line, "DTEND"), label
                        + ": DTSTART and DTEND must both be dates or both be date-times.");
            }
        } else if (duration.isPresent()) {
            try {
                TemporalAmount amount = ((net.fortuna.ical4j.model.property.Duration) duration.get()).getDuration();
                end = start.time().plus(amount);
            } catch (RuntimeException e) {
                throw new IcsFormatException(propertyLine(text, line, "DURATION"), label + " has an unreadable DURATION.");
            }
        } else {
            end = start.allDay() ? start.time().plus(Period.ofDays(1)) : start.time();
        }
        if (end.toInstant().isBefore(start.time().toInstant())) {
            throw new IcsFormatException(propertyLine(text, line, dtEnd.isPresent() ? "DTEND" : "DURATION"),
                    label + " ends before it starts.");
        }
        if (start.allDay() && !end.isAfter(start.time())) {
            end = start.time().plusDays(1);
        }
        String rule = null;
        Optional<Property> rrule = v.getProperty("RRULE");
        if (rrule.isPresent()) {
            try {
                rule = Recurrences.normalize(rrule.get().getValue());
                Recurrences.lastEnd(rule, start.time(), Duration.between(start.time(), end));
            } catch (RuntimeException e) {
                throw new IcsFormatException(propertyLine(text, line, "RRULE"), label + " has a repeat rule DeskCRM cannot use: "
                        + e.getMessage());
            }
        }
        List<Instant> exDates = new ArrayList<>();
        for (Property p : v.getProperties("EXDATE")) {
            try {
                for (Object d : ((ExDate<?>) p).getDates()) {
                    exDates.add(instant((Temporal) d, start.zone()));
                }
            } catch (RuntimeException e) {
                throw new IcsFormatException(propertyLine(text, line, "EXDATE"), label + " has an unreadable EXDATE ("
                        + e.getMessage() + ").");
            }
        }
        Instant recurrenceId = null;
        Optional<Property> rid = v.getProperty("RECURRENCE-ID");
        if (rid.isPresent()) {
            recurrenceId = moment(rid.get(), "RECURRENCE-ID", label, propertyLine(text, line, "RECURRENCE-ID"), start.zone())
                    .time().toInstant();
        }
        int sequence = 0;
        Optional<Property> seq = v.getProperty("SEQUENCE");
        if (seq.isPresent()) {
            try {
                sequence = Integer.parseInt(seq.get().getValue().strip());
            } catch (NumberFormatException e) {
                throw new IcsFormatException(propertyLine(text, line, "SEQUENCE"), label + " has a SEQUENCE that is not a number.");
            }
        }
        EventStatus status = statusOf(v.getProperty("STATUS").map(Property::getValue).orElse(null),
                v.getProperty(X_STATUS).map(Property::getValue).orElse(null));
        String title = summary == null ? "(no title)" : truncate(summary, 500);
        String location = v.getProperty("LOCATION").map(Property::getValue).filter(s -> !s.isBlank()).map(s -> truncate(s, 500))
                .orElse(null);
        String url = v.getProperty("URL").map(Property::getValue)
                .or(() -> v.getProperty("X-DESKCRM-MEETING-URL").map(Property::getValue))
                .filter(s -> !s.isBlank() && s.length() <= 2048).orElse(null);
        String description = v.getProperty("DESCRIPTION").map(Property::getValue).filter(s -> !s.isBlank()).orElse(null);
        List<Attendee> attendees = new ArrayList<>();
        for (Property p : v.getProperties("ATTENDEE")) {
            String address = p.getValue() == null ? "" : p.getValue().replaceFirst("(?i)^mailto:", "").strip();
            if (!org.deskcrm.security.Emails.isValid(address)) {
                continue; // not an e-mail attendee (a room resource URI, say)
            }
            String name = p.getParameter("CN").map(Parameter::getValue).orElse(null);
            Attendee.Response response = p.getParameter("PARTSTAT").map(Parameter::getValue).map(IcsService::responseOf)
                    .orElse(Attendee.Response.NEEDS_ACTION);
            attendees.add(new Attendee(null, null, null, address, name == null ? null : truncate(name, 200), response, false, false));
        }
        List<Integer> reminders = new ArrayList<>();
        for (VAlarm alarm : v.getAlarms()) {
            alarm.getProperty("TRIGGER").ifPresent(t -> {
                try {
                    TemporalAmount amount = ((net.fortuna.ical4j.model.property.Trigger) t).getDuration();
                    if (amount != null) {
                        long minutes = -Duration.from(amount).toMinutes();
                        if (minutes >= 0 && minutes <= 60 * 24 * 28 && !reminders.contains((int) minutes)) {
                            reminders.add((int) minutes);
                        }
                    }
                } catch (RuntimeException ignored) {
                    // absolute or period triggers are not reminders DeskCRM keeps
                }
            });
        }
        return new Incoming(line, uid, recurrenceId, title, description, location, url, start.time(), end, start.allDay(), status,
                rule, exDates, sequence, attendees, reminders);
    }

    private record Moment(ZonedDateTime time, ZoneId zone, boolean allDay) {}

    /**
     * A DTSTART/DTEND/RECURRENCE-ID as a time in a real zone: dates are all-day at midnight,
     * floating times are taken in the calendar's zone, UTC times stay UTC, TZID times keep their
     * zone when it is an IANA name (else the instant is kept and the calendar's zone used).
     */
    private static Moment moment(Property p, String name, String label, int line, ZoneId fallback) {
        Temporal t;
        try {
            t = ((net.fortuna.ical4j.model.property.DateProperty<?>) p).getDate();
        } catch (DateTimeException e) {
            String tz = p.getParameter("TZID").map(Parameter::getValue).orElse("?");
            throw new IcsFormatException(line, label + ": " + name + " uses the time zone \"" + tz
                    + "\", which is neither a known zone nor defined in the file (VTIMEZONE).");
        } catch (RuntimeException e) {
            throw new IcsFormatException(line, label + " has an unreadable " + name + " (" + e.getMessage() + ").");
        }
        if (t == null) {
            throw new IcsFormatException(line, label + " has an empty " + name + ".");
        }
        return switch (t) {
            case LocalDate d -> new Moment(d.atStartOfDay(fallback), fallback, true);
            case LocalDateTime l -> new Moment(l.atZone(fallback), fallback, false);
            case Instant i -> new Moment(i.atZone(ZoneOffset.UTC), ZoneOffset.UTC, false);
            case OffsetDateTime o -> new Moment(o.atZoneSameInstant(ZoneOffset.UTC), ZoneOffset.UTC, false);
            case ZonedDateTime z -> {
                ZoneId zone = ianaZone(p.getParameter("TZID").map(Parameter::getValue).orElse(null)).orElse(fallback);
                yield new Moment(z.withZoneSameInstant(zone), zone, false);
            }
            default -> throw new IcsFormatException(line, label + " has an unsupported " + name + " value.");
        };
    }

    private static Optional<ZoneId> ianaZone(String tzid) {
        if (tzid == null) {
            return Optional.empty();
        }
        String id = tzid.strip().replaceFirst("^/", "");
        try {
            ZoneId z = ZoneId.of(id);
            if (z.getId().startsWith("ical4j")) {
                return Optional.empty();
            }
            return Optional.of(z);
        } catch (DateTimeException e) {
            String mapped = TimeZoneRegistry.ZONE_IDS.get(id);
            if (mapped == null) {
                mapped = TimeZoneRegistry.ZONE_ALIASES.get(id);
            }
            try {
                return mapped == null ? Optional.empty() : Optional.of(ZoneId.of(mapped));
            } catch (DateTimeException again) {
                return Optional.empty();
            }
        }
    }

    private static Instant instant(Temporal t, ZoneId zone) {
        return switch (t) {
            case LocalDate d -> d.atStartOfDay(zone).toInstant();
            case LocalDateTime l -> l.atZone(zone).toInstant();
            case Instant i -> i;
            case OffsetDateTime o -> o.toInstant();
            case ZonedDateTime z -> z.toInstant();
            default -> throw new DateTimeException("unsupported date " + t);
        };
    }

    static EventStatus statusOf(String ics, String deskcrm) {
        if (deskcrm != null) {
            try {
                return EventStatus.fromDb(deskcrm.strip());
            } catch (IllegalArgumentException ignored) {
                // another program's value; fall back to STATUS
            }
        }
        if (ics == null) {
            return EventStatus.SCHEDULED;
        }
        return switch (ics.strip().toUpperCase(Locale.ROOT)) {
            case "CONFIRMED" -> EventStatus.CONFIRMED;
            case "CANCELLED" -> EventStatus.CANCELLED;
            default -> EventStatus.SCHEDULED;
        };
    }

    private static Attendee.Response responseOf(String partStat) {
        return switch (partStat.strip().toUpperCase(Locale.ROOT)) {
            case "ACCEPTED" -> Attendee.Response.ACCEPTED;
            case "DECLINED" -> Attendee.Response.DECLINED;
            case "TENTATIVE" -> Attendee.Response.TENTATIVE;
            default -> Attendee.Response.NEEDS_ACTION;
        };
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** Writes the checked events: masters and singles first, then their changed occurrences. */
    private IcsResult write(DSLContext tx, CurrentUser user, CalendarInfo target, List<Incoming> incoming, ProgressSink progress) {
        int created = 0;
        int updated = 0;
        int exceptions = 0;
        int unchanged = 0;
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        Map<String, UUID> masters = new HashMap<>();
        List<Incoming> ordered = new ArrayList<>(incoming.stream().filter(i -> i.recurrenceId() == null).toList());
        ordered.addAll(incoming.stream().filter(i -> i.recurrenceId() != null).toList());
        int done = 0;
        for (Incoming in : ordered) {
            done++;
            progress.update(done - 1, ordered.size(), "Importing event " + done + " of " + ordered.size());
            progress.checkCancelled();
            if (in.recurrenceId() == null) {
                Optional<EventsRecord> existing = events.byIcalUid(tx, target.id(), in.uid());
                if (existing.isPresent() && existing.get().getIcalSequence() != null
                        && existing.get().getIcalSequence() > in.sequence()) {
                    masters.put(in.uid(), existing.get().getId());
                    unchanged++;
                    continue; // the calendar already has a newer version
                }
                EventRow row = row(in, target, null, null);
                UUID id;
                if (existing.isPresent()) {
                    id = existing.get().getId();
                    events.update(tx, id, existing.get().getVersion(), row);
                    events.softDeleteExceptions(tx, id);
                    audit.record(tx, user, "events", id, AuditAction.UPDATE, existing.get(), events.loadRaw(tx, id));
                    updated++;
                } else {
                    id = Ids.newId();
                    events.insert(tx, user.organizationId(), id, row, user.userId());
                    audit.record(tx, user, "events", id, AuditAction.INSERT, null, events.loadRaw(tx, id));
                    created++;
                }
                children(tx, user, id, in, now);
                masters.put(in.uid(), id);
                for (Instant ex : in.exDates()) {
                    cancelOccurrence(tx, user, id, in, ex);
                    exceptions++;
                }
            } else {
                UUID master = masters.get(in.uid());
                if (master == null) {
                    master = events.byIcalUid(tx, target.id(), in.uid()).map(EventsRecord::getId).orElse(null);
                }
                OffsetDateTime original = in.recurrenceId().atOffset(ZoneOffset.UTC);
                if (master == null) {
                    // a changed occurrence without its series: keep it as a single event
                    UUID id = Ids.newId();
                    events.insert(tx, user.organizationId(), id, row(in, target, null, null), user.userId());
                    children(tx, user, id, in, now);
                    audit.record(tx, user, "events", id, AuditAction.INSERT, null, events.loadRaw(tx, id));
                    created++;
                    continue;
                }
                EventRow row = row(in, target, master, original);
                Optional<EventsRecord> existing = events.exceptionRow(tx, master, original);
                UUID id;
                if (existing.isPresent()) {
                    id = existing.get().getId();
                    events.restore(tx, id, row);
                } else {
                    id = Ids.newId();
                    events.insert(tx, user.organizationId(), id, row, user.userId());
                }
                children(tx, user, id, in, now);
                audit.record(tx, user, "events", id, existing.isPresent() ? AuditAction.UPDATE : AuditAction.INSERT,
                        existing.orElse(null), events.loadRaw(tx, id));
                exceptions++;
            }
        }
        int total = created + updated + exceptions;
        syncLog(tx, user, target.id(), "pull", "success", total, null);
        audit.record(tx, user.organizationId(), user.userId(), "calendars", target.id(), AuditAction.IMPORT, null,
                Map.of("format", "ics", "created", created, "updated", updated, "exceptions", exceptions, "unchanged", unchanged));
        progress.update(ordered.size(), ordered.size(), null);
        return new IcsResult(created, updated, exceptions, unchanged);
    }

    private void cancelOccurrence(DSLContext tx, CurrentUser user, UUID master, Incoming in, Instant occurrence) {
        Duration length = Duration.between(in.start(), in.end());
        ZonedDateTime s = occurrence.atZone(in.start().getZone());
        OffsetDateTime original = occurrence.atOffset(ZoneOffset.UTC);
        Incoming cancelled = new Incoming(in.line(), in.uid(), occurrence, in.title(), in.description(), in.location(), in.url(),
                s, s.plus(length), in.allDay(), EventStatus.CANCELLED, null, List.of(), in.sequence(), List.of(), List.of());
        EventRow row = row(cancelled, null, master, original);
        Optional<EventsRecord> existing = events.exceptionRow(tx, master, original);
        if (existing.isPresent()) {
            events.restore(tx, existing.get().getId(), withCalendar(row, existing.get().getCalendarId()));
        } else {
            events.insert(tx, user.organizationId(), Ids.newId(), withCalendar(row, masterCalendar(tx, master)), user.userId());
        }
    }

    private UUID masterCalendar(DSLContext tx, UUID master) {
        return events.loadRaw(tx, master).getCalendarId();
    }

    private static EventRow withCalendar(EventRow r, UUID calendarId) {
        return new EventRow(calendarId, r.ownerId(), r.title(), r.description(), r.location(), r.meetingUrl(), r.startsAt(),
                r.endsAt(), r.allDay(), r.timezone(), r.status(), r.recurrenceRule(), r.recurrenceUntil(), r.recurrenceParentId(),
                r.originalStart(), r.companyId(), r.contactId(), r.dealId(), r.bookingTypeId(), r.guestName(), r.guestEmail(),
                r.guestPhone(), r.answers(), r.notes(), r.reminderMinutes(), r.icalUid(), r.icalSequence());
    }

    private void children(DSLContext tx, CurrentUser user, UUID id, Incoming in, OffsetDateTime now) {
        events.replaceAttendees(tx, user.organizationId(), id, in.attendees(), user.userId());
        events.replaceReminders(tx, user.organizationId(), id, in.reminders(), EventService.reminderTime(EventRepository.reminderBasis(events.loadRaw(tx, id)), now),
                now, user.userId());
    }

    private static EventRow row(Incoming in, CalendarInfo target, UUID parent, OffsetDateTime original) {
        OffsetDateTime until = in.rule() == null ? null
                : Recurrences.lastEnd(in.rule(), in.start(), Duration.between(in.start(), in.end()));
        return new EventRow(target == null ? null : target.id(), target == null ? null : target.ownerId(), in.title(),
                in.description(), in.location(), in.url(), in.start().toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC),
                in.end().toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC), in.allDay(), in.start().getZone().getId(),
                in.status().dbName(), in.rule(), until, parent, original, null, null, null, null, null, null, null, null, null,
                in.reminders().isEmpty() ? null : in.reminders().getFirst(), in.uid(), in.sequence());
    }

    private void syncLog(DSLContext tx, CurrentUser user, UUID calendarId, String type, String status, int count, String error) {
        calendars.logSync(tx, user.organizationId(), user.userId(), calendarId, type, status, count, error,
                OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
    }
}
