package org.deskcrm.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.deskcrm.db.Tables.CALENDAR_SYNC_LOGS;
import static org.deskcrm.db.Tables.EVENTS;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.deskcrm.platform.db.Database;
import org.deskcrm.platform.task.ProgressSink;
import org.deskcrm.security.AccessDeniedException;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.Role;
import org.deskcrm.testing.BothDatabases;
import org.deskcrm.testing.TestWorkspace;

/** iCalendar export (valid, with zones, series and exceptions) and import (round trip, matching by UID, bad files imported not at all). */
class IcsServiceTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    /** A calendar with a zoned single event, an all-day event and a weekly series with one moved and one cancelled occurrence. */
    private static UUIDs fill(CalendarKit kit, CurrentUser user) {
        var cal = kit.defaultCalendar(user, BERLIN);
        var call = ZonedDateTime.of(2026, 3, 10, 11, 0, 0, 0, NEW_YORK);
        kit.events.create(user, EventDraft.simple(cal, "Call with NY office", call, call.plusMinutes(45))
                .withAttendees(List.of(Attendee.ofEmail("ny@example.com", "New York")))
                .withReminders(List.of(15)));
        var fair = ZonedDateTime.of(2026, 3, 12, 0, 0, 0, 0, BERLIN);
        kit.events.create(user, new EventDraft(cal, "Trade fair; day 1, 2", "Bring flyers\nand the banner", "Messe, Hall 3", null,
                fair, fair.plusDays(2), true, EventStatus.CONFIRMED, null, null, null, null, List.of(), List.of(), null));
        var first = ZonedDateTime.of(2026, 3, 16, 9, 0, 0, 0, BERLIN);
        var series = kit.events.create(user, new EventDraft(cal, "Weekly pipeline", null, null, "https://meet.example.com/pipe",
                first, first.plusMinutes(30), false, EventStatus.SCHEDULED, "FREQ=WEEKLY;BYDAY=MO;COUNT=5", null, null, null,
                List.of(), List.of(10), null));
        var occ = kit.events.occurrences(user, Set.of(cal), first.toInstant(), first.plusWeeks(6).toInstant());
        var second = occ.get(1);
        var moved = second.start().withZoneSameInstant(BERLIN).withHour(15);
        kit.events.update(user, second.eventId(), second.version(), second.originalStart(),
                series.toDraft().withTimes(moved, moved.plusMinutes(30)).withTitle("Weekly pipeline (afternoon)"),
                EditScope.THIS_OCCURRENCE);
        var fourth = occ.get(3);
        kit.events.delete(user, fourth.eventId(), fourth.version(), fourth.originalStart(), EditScope.THIS_OCCURRENCE);
        return new UUIDs(cal);
    }

    private record UUIDs(java.util.UUID calendar) {}

    private static final Instant FROM = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-05-01T00:00:00Z");

    private static List<String> picture(CalendarKit kit, CurrentUser user, java.util.UUID cal) {
        return kit.events.occurrences(user, Set.of(cal), FROM, TO).stream()
                .map(o -> o.title() + "@" + (o.allDay() ? o.start().toLocalDate() + "/" + o.end().toLocalDate() + " all-day"
                        : o.start().toInstant() + "-" + o.end().toInstant()))
                .toList();
    }

    /** The callers write to a file through a buffered writer they close themselves: the export must leave it open. */
    @BothDatabases
    void exportsWriteThroughABufferedFileWriterThatTheCallerCloses(Database db) throws Exception {
        var dir = java.nio.file.Files.createTempDirectory("ics-export");
        var kit = new CalendarKit(new TestWorkspace(db));
        var manager = kit.ws.as(Role.MANAGER);
        var source = fill(kit, manager).calendar();
        var whole = dir.resolve("whole.ics");
        try (var out = java.nio.file.Files.newBufferedWriter(whole)) {
            assertThat(kit.ics.exportCalendars(manager, List.of(source), out, ProgressSink.NONE)).isEqualTo(4);
        }
        assertThat(java.nio.file.Files.readString(whole)).startsWith("BEGIN:VCALENDAR").contains("SUMMARY:Call with NY office")
                .endsWith("END:VCALENDAR\r\n");
        var one = dir.resolve("one.ics");
        var event = kit.events.occurrences(manager, Set.of(source), FROM, TO).getFirst().eventId();
        try (var out = java.nio.file.Files.newBufferedWriter(one)) {
            kit.ics.exportEvent(manager, event, out);
        }
        assertThat(new CalendarBuilder().build(new StringReader(java.nio.file.Files.readString(one)))
                .getComponents().stream().filter(c -> c instanceof VEvent).count()).isEqualTo(1);
    }

    @BothDatabases
    void exportedCalendarsAreValidAndRoundTripWithZonesSeriesAndExceptions(Database db) throws Exception {
        var kit = new CalendarKit(new TestWorkspace(db));
        var manager = kit.ws.as(Role.MANAGER);
        var source = fill(kit, manager).calendar();
        StringWriter out = new StringWriter();
        int written = kit.ics.exportCalendars(manager, List.of(source), out, ProgressSink.NONE);
        String text = out.toString();
        assertThat(written).isEqualTo(4); // two singles, the series, its moved occurrence (the cancelled one is an EXDATE)

        Calendar parsed = new CalendarBuilder().build(new StringReader(text));
        assertThat(parsed.validate().hasErrors()).as(parsed.validate().toString()).isFalse();
        assertThat(parsed.getComponents().stream().filter(c -> c instanceof VTimeZone).count()).isEqualTo(2);
        assertThat(parsed.getComponents().stream().filter(c -> c instanceof VEvent).count()).isEqualTo(4);
        assertThat(text).contains("BEGIN:VTIMEZONE", "TZID:America/New_York", "TZID:Europe/Berlin",
                "RRULE:FREQ=WEEKLY;COUNT=5;BYDAY=MO", "EXDATE;TZID=Europe/Berlin:20260406T090000",
                "RECURRENCE-ID;TZID=Europe/Berlin:20260323T090000", "DTSTART;VALUE=DATE:20260312", "BEGIN:VALARM",
                "TRIGGER:-PT15M", "ATTENDEE;CN=New York", "URL:https://meet.example.com/pipe", "X-WR-CALNAME:My calendar",
                "SUMMARY:Trade fair\\; day 1\\, 2", "DESCRIPTION:Bring flyers\\nand the banner");

        // Import into someone else's calendar: the same picture, times and all.
        var admin = kit.ws.admin;
        var target = kit.calendars.create(admin, new CalendarDraft("Imported", null, "#8b5cf6", "UTC", false)).id();
        IcsResult result = kit.ics.importInto(admin, target, new StringReader(text), ProgressSink.NONE);
        assertThat(result.created()).isEqualTo(3);
        assertThat(result.exceptions()).isEqualTo(2);
        assertThat(picture(kit, admin, target)).containsExactlyElementsOf(picture(kit, manager, source));
        var imported = kit.events.occurrences(admin, Set.of(target), FROM, TO);
        assertThat(imported).filteredOn(o -> o.title().equals("Weekly pipeline")).allSatisfy(o -> {
            assertThat(o.start().getZone()).isEqualTo(BERLIN);
            assertThat(o.start().toLocalTime()).isEqualTo(LocalTime.of(9, 0));
        });
        var call = imported.stream().filter(o -> o.title().equals("Call with NY office")).findFirst().orElseThrow();
        assertThat(call.start().getZone()).isEqualTo(NEW_YORK);
        EventDetail callDetail = kit.events.get(admin, call.eventId());
        assertThat(callDetail.attendees()).extracting(Attendee::email).containsExactly("ny@example.com");
        assertThat(callDetail.reminderMinutes()).containsExactly(15);
        EventDetail fairDetail = kit.events.get(admin,
                imported.stream().filter(o -> o.allDay()).findFirst().orElseThrow().eventId());
        assertThat(fairDetail.description()).isEqualTo("Bring flyers\nand the banner");
        assertThat(fairDetail.status()).isEqualTo(EventStatus.CONFIRMED);

        // The same file again updates by UID instead of doubling.
        IcsResult again = kit.ics.importInto(admin, target, new StringReader(text), ProgressSink.NONE);
        assertThat(again.created()).isZero();
        assertThat(again.updated()).isEqualTo(3);
        assertThat(picture(kit, admin, target)).containsExactlyElementsOf(picture(kit, manager, source));
        assertThat(db.dsl().fetchCount(CALENDAR_SYNC_LOGS, CALENDAR_SYNC_LOGS.CALENDAR_ID.eq(target)
                .and(CALENDAR_SYNC_LOGS.STATUS.eq("success")))).isEqualTo(2);

        // A single event exports on its own, series with its exceptions.
        StringWriter one = new StringWriter();
        kit.ics.exportEvent(manager, kit.events.occurrences(manager, Set.of(source), FROM, TO).stream()
                .filter(o -> o.recurring()).findFirst().orElseThrow().eventId(), one);
        Calendar single = new CalendarBuilder().build(new StringReader(one.toString()));
        assertThat(single.validate().hasErrors()).isFalse();
        assertThat(single.getComponents().stream().filter(c -> c instanceof VEvent).count()).isEqualTo(2);
    }

    @BothDatabases
    void filesFromOtherProgramsImportFloatingUtcAndDurationTimes(Database db) throws Exception {
        var kit = new CalendarKit(new TestWorkspace(db));
        var manager = kit.ws.as(Role.MANAGER);
        var cal = kit.defaultCalendar(manager, BERLIN);
        String ics = """
                BEGIN:VCALENDAR
                VERSION:2.0
                PRODID:-//Other//App//EN
                BEGIN:VEVENT
                UID:floating-1@other
                DTSTAMP:20260101T000000Z
                DTSTART:20260420T100000
                DURATION:PT90M
                SUMMARY:Workshop
                STATUS:CANCELLED
                END:VEVENT
                BEGIN:VEVENT
                UID:utc-1@other
                DTSTAMP:20260101T000000Z
                DTSTART:20260421T070000Z
                DTEND:20260421T080000Z
                SUMMARY:Early call
                ATTENDEE;CN=Jo;PARTSTAT=ACCEPTED:mailto:jo@example.com
                END:VEVENT
                END:VCALENDAR
                """;
        IcsResult r = kit.ics.importInto(manager, cal, new StringReader(ics), ProgressSink.NONE);
        assertThat(r.created()).isEqualTo(2);
        var occ = kit.events.occurrences(manager, Set.of(cal), Instant.parse("2026-04-19T00:00:00Z"), Instant.parse("2026-04-23T00:00:00Z"));
        assertThat(occ).extracting(Occurrence::title).containsExactly("Workshop", "Early call");
        assertThat(occ.getFirst().start().toInstant()).as("floating time in the calendar's zone").isEqualTo(Instant.parse("2026-04-20T08:00:00Z"));
        assertThat(occ.getFirst().end().toInstant()).isEqualTo(Instant.parse("2026-04-20T09:30:00Z"));
        assertThat(occ.getFirst().status()).isEqualTo(EventStatus.CANCELLED);
        assertThat(kit.events.get(manager, occ.get(1).eventId()).attendees()).singleElement()
                .satisfies(a -> assertThat(a.response()).isEqualTo(Attendee.Response.ACCEPTED));
    }

    @BothDatabases
    void badFilesAreRefusedWholeWithAMessageThatSaysWhere(Database db) throws Exception {
        var kit = new CalendarKit(new TestWorkspace(db));
        var manager = kit.ws.as(Role.MANAGER);
        var cal = kit.defaultCalendar(manager, BERLIN);
        String good = """
                BEGIN:VEVENT
                UID:good@x
                DTSTAMP:20260101T000000Z
                DTSTART:20260501T090000Z
                DTEND:20260501T100000Z
                SUMMARY:Fine
                END:VEVENT
                """;
        String unknownZone = "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:x\n" + good
                + "BEGIN:VEVENT\nUID:bad@x\nDTSTAMP:20260101T000000Z\nDTSTART;TZID=Mars/Olympus:20260502T090000\nSUMMARY:Martian\nEND:VEVENT\nEND:VCALENDAR\n";
        assertThatThrownBy(() -> kit.ics.importInto(manager, cal, new StringReader(unknownZone), ProgressSink.NONE))
                .isInstanceOfSatisfying(IcsFormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(14);
                    assertThat(e.getMessage()).contains("Line 14", "DTSTART", "Mars/Olympus", "Martian");
                });
        String badRule = "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:x\n" + good
                + "BEGIN:VEVENT\nUID:r@x\nDTSTAMP:20260101T000000Z\nDTSTART:20260502T090000Z\nRRULE:FREQ=SOMETIMES\nSUMMARY:Odd\nEND:VEVENT\nEND:VCALENDAR\n";
        assertThatThrownBy(() -> kit.ics.importInto(manager, cal, new StringReader(badRule), ProgressSink.NONE))
                .isInstanceOf(IcsFormatException.class).hasMessageContaining("Line 15").hasMessageContaining("SOMETIMES");
        String broken = "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:x\n" + good + "BEGIN:VEVENT\nUID:b@x\nSUMMARY:Unfinished\nEND:VCALENDAR\n";
        assertThatThrownBy(() -> kit.ics.importInto(manager, cal, new StringReader(broken), ProgressSink.NONE))
                .isInstanceOfSatisfying(IcsFormatException.class, e -> assertThat(e.line()).isPositive())
                .hasMessageContaining("not valid iCalendar");
        String noStart = "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:x\n" + good
                + "BEGIN:VEVENT\nUID:n@x\nDTSTAMP:20260101T000000Z\nSUMMARY:When?\nEND:VEVENT\nEND:VCALENDAR\n";
        assertThatThrownBy(() -> kit.ics.importInto(manager, cal, new StringReader(noStart), ProgressSink.NONE))
                .hasMessageContaining("\"When?\" has no start (DTSTART)");
        assertThatThrownBy(() -> kit.ics.importInto(manager, cal, new StringReader("hello"), ProgressSink.NONE))
                .isInstanceOf(IcsFormatException.class);
        // The good first event of each file was not imported.
        assertThat(db.dsl().fetchCount(EVENTS, EVENTS.CALENDAR_ID.eq(cal))).isZero();
        assertThat(db.dsl().fetchCount(CALENDAR_SYNC_LOGS, CALENDAR_SYNC_LOGS.CALENDAR_ID.eq(cal)
                .and(CALENDAR_SYNC_LOGS.STATUS.eq("failed")))).isEqualTo(5);

        // Cancelling half-way keeps nothing either.
        String two = "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:x\n" + good + good.replace("good@x", "good2@x") + "END:VCALENDAR\n";
        ProgressSink cancelOnWrite = new ProgressSink() {
            private boolean writing;

            @Override
            public void update(long done, long total, String message) {
                if (message != null && message.startsWith("Importing event 2")) {
                    writing = true;
                }
            }

            @Override
            public boolean isCancelled() {
                return writing;
            }
        };
        assertThatThrownBy(() -> kit.ics.importInto(manager, cal, new StringReader(two), cancelOnWrite))
                .isInstanceOf(CancellationException.class);
        assertThat(db.dsl().fetchCount(EVENTS, EVENTS.CALENDAR_ID.eq(cal))).isZero();
        // Read-only users may not import.
        assertThatThrownBy(() -> kit.ics.importInto(kit.ws.as(Role.VIEWER), cal, new StringReader(two), ProgressSink.NONE))
                .isInstanceOf(AccessDeniedException.class);
    }
}
