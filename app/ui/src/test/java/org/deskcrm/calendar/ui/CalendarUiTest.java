package org.deskcrm.calendar.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.deskcrm.db.Tables.EVENTS;
import static org.deskcrm.db.Tables.USERS;

import com.calendarfx.view.CalendarView;
import com.calendarfx.view.DayEntryView;
import com.calendarfx.view.WeekDayView;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicReference;
import org.deskcrm.calendar.SharePermission;
import org.deskcrm.importexport.ui.FileDialogs;
import org.deskcrm.security.Role;
import org.deskcrm.security.UserDraft;
import org.deskcrm.app.AppDriver;
import org.deskcrm.booking.AvailabilityWindow;
import org.deskcrm.booking.BookingTypeDraft;
import org.deskcrm.booking.WeeklyHours;
import org.deskcrm.calendar.EventDraft;
import org.deskcrm.calendar.Occurrence;
import org.deskcrm.demo.DemoWorkspace;
import org.deskcrm.security.CurrentUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The calendar screen in the real app (demo workspace, headless): create an event with the
 * mouse and drag it to another time, change one occurrence of a repeating event, book a free
 * slot, see a reminder arrive in the bell, import and export .ics files from the screen, and share a
 * calendar with a colleague who then sees it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CalendarUiTest {
    private static final int WAIT = 90;
    private AppDriver app;
    private CalendarFeature feature;
    private CurrentUser user;
    private final ZoneId zone = ZoneId.systemDefault();
    private final AtomicReference<Path> nextOpen = new AtomicReference<>();
    private final AtomicReference<Path> nextSave = new AtomicReference<>();

    @BeforeAll
    void start() throws Exception {
        app = AppDriver.start("--demo", "20");
        app.waitFor("#status-user", 240);
        var ctx = app.app().context();
        feature = ctx.features.stream().filter(f -> f instanceof CalendarFeature).map(f -> (CalendarFeature) f)
                .findFirst().orElseThrow();
        UUID admin = ctx.db.dsl().select(USERS.ID).from(USERS).where(USERS.EMAIL_LC.eq(DemoWorkspace.ADMIN_EMAIL))
                .fetchSingle(USERS.ID);
        user = ctx.auth.session(admin, ctx.users.organizationsOf(ctx.db.dsl(), admin).getFirst());
        feature.setFileDialogs(new FileDialogs() {
            @Override
            public Path open(Window owner, String title, List<FileChooser.ExtensionFilter> filters) {
                return nextOpen.getAndSet(null);
            }

            @Override
            public Path save(Window owner, String title, String initialName, List<FileChooser.ExtensionFilter> filters) {
                return nextSave.getAndSet(null);
            }
        });
        app.robot().clickOn("#nav-calendar");
        app.waitFor("#calendar-view", WAIT);
        app.waitFor("#calendar-toggle-" + feature.calendars.ensureDefault(user, zone).orElseThrow().id(), WAIT);
    }

    @AfterAll
    void stop() throws Exception {
        if (app != null) {
            app.stop();
        }
    }

    private WeekDayView day(int index) {
        CalendarView view = app.robot().lookup("#calendar-view").queryAs(CalendarView.class);
        List<WeekDayView> days = view.getWeekPage().getDetailedWeekView().getWeekView().getWeekDayViews();
        return days.get(index);
    }

    /** The screen point of a time of day in a day column (just below the hour line). */
    private Point2D at(WeekDayView day, LocalTime time) {
        double y = day.getLocation(ZonedDateTime.of(day.getDate(), time, zone)) + 6;
        return day.localToScreen(day.getWidth() / 2, y);
    }

    private List<Occurrence> occurrences(LocalDate from, LocalDate to) {
        var calendars = feature.calendars.list(user).stream().map(c -> c.id()).toList();
        return feature.events.occurrences(user, calendars, from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant());
    }

    private Node entryView(String title, LocalDate date) {
        app.waitUntil(() -> app.robot().lookup(n -> n instanceof DayEntryView v && v.isVisible()
                && title.equals(v.getEntry().getTitle()) && v.getEntry().getStartDate().equals(date)).tryQuery().isPresent(),
                WAIT, "an entry \"" + title + "\" on " + date);
        return app.robot().lookup(n -> n instanceof DayEntryView v && v.isVisible()
                && title.equals(v.getEntry().getTitle()) && v.getEntry().getStartDate().equals(date)).query();
    }

    private void typeTitle(String title) {
        app.waitFor("#event-title", WAIT);
        app.robot().clickOn("#event-title");
        app.robot().press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A).release(KeyCode.CONTROL);
        app.robot().write(title);
    }

    @Test
    @Order(1)
    void createAnEventWithTheMouseAndDragItToAnotherTime() {
        WeekDayView column = day(3);
        LocalDate date = column.getDate();
        app.robot().moveTo(at(column, LocalTime.of(8, 0))).doubleClickOn(MouseButton.PRIMARY);
        typeTitle("Client kickoff");
        app.robot().clickOn("#event-save");
        app.waitUntil(() -> occurrences(date, date).stream().anyMatch(o -> "Client kickoff".equals(o.title())), WAIT,
                "the new event is saved");
        Occurrence created = occurrences(date, date).stream().filter(o -> "Client kickoff".equals(o.title())).findFirst().orElseThrow();
        assertThat(created.start().withZoneSameInstant(zone).toLocalTime()).isEqualTo(LocalTime.of(8, 0));
        assertThat(created.end().toInstant()).isEqualTo(created.start().plusHours(1).toInstant());

        Node entry = entryView("Client kickoff", date);
        double twoHours = column.getLocation(ZonedDateTime.of(date, LocalTime.of(10, 0), zone))
                - column.getLocation(ZonedDateTime.of(date, LocalTime.of(8, 0), zone));
        Bounds b = entry.localToScreen(entry.getBoundsInLocal());
        app.robot().moveTo(new Point2D(b.getCenterX(), b.getMinY() + 12)).press(MouseButton.PRIMARY);
        app.robot().moveBy(0, twoHours / 2).moveBy(0, twoHours / 2).release(MouseButton.PRIMARY);
        app.waitUntil(() -> occurrences(date, date).stream().anyMatch(o -> "Client kickoff".equals(o.title())
                && o.start().withZoneSameInstant(zone).toLocalTime().equals(LocalTime.of(10, 0))), WAIT,
                "the dragged event is saved at 10:00");
    }

    @Test
    @Order(2)
    void changeOneOccurrenceOfARepeatingEvent() {
        WeekDayView first = day(1);
        LocalDate date = first.getDate();
        app.robot().moveTo(at(first, LocalTime.of(13, 0))).doubleClickOn(MouseButton.PRIMARY);
        typeTitle("Daily check-in");
        app.robot().clickOn("#event-repeat");
        app.robot().clickOn("Daily");
        app.robot().clickOn("#event-ends");
        app.robot().clickOn("After");
        app.robot().clickOn("#event-save");
        app.waitUntil(() -> occurrences(date, date.plusDays(4)).stream().filter(o -> "Daily check-in".equals(o.title())).count() == 5,
                WAIT, "the daily series is saved with its occurrences");
        UUID series = occurrences(date, date).stream().filter(o -> "Daily check-in".equals(o.title())).findFirst()
                .orElseThrow().seriesId();
        assertThat(series).as("saved as a series").isNotNull();

        LocalDate second = date.plusDays(1);
        Node entry = entryView("Daily check-in", second);
        app.robot().doubleClickOn(entry);
        typeTitle("Check-in with the CFO");
        app.robot().clickOn("#event-save");
        app.waitFor("#scope-this", WAIT);
        app.robot().clickOn("#scope-this");
        app.waitUntil(() -> occurrences(date, date.plusDays(2)).stream().anyMatch(o -> "Check-in with the CFO".equals(o.title())),
                WAIT, "the changed occurrence is saved");
        // Only this series: the demo workspace has its own "Check-in with ..." meetings on these days.
        List<Occurrence> after = occurrences(date, date.plusDays(2)).stream()
                .filter(o -> series.equals(o.seriesId()))
                .sorted(java.util.Comparator.comparing(o -> o.start().toInstant())).toList();
        assertThat(after).extracting(Occurrence::title).containsExactly("Daily check-in", "Check-in with the CFO", "Daily check-in");
        assertThat(after.get(1).seriesId()).isEqualTo(after.get(0).eventId());
        assertThat(after.get(1).eventId()).as("an exception row of its own").isNotEqualTo(after.get(0).eventId());
        assertThat(app.app().context().db.dsl().fetchCount(EVENTS, EVENTS.RECURRENCE_PARENT_ID.eq(after.get(0).eventId())))
                .isEqualTo(1);
    }

    @Test
    @Order(3)
    void bookAFreeSlotForAGuest() {
        List<AvailabilityWindow> windows = new java.util.ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            windows.add(new AvailabilityWindow(d, LocalTime.of(9, 0), LocalTime.of(17, 0)));
        }
        feature.booking.setWeeklyHours(user, new WeeklyHours(zone, windows));
        feature.booking.setMinimumNotice(user, 0);
        var type = feature.booking.createType(user, BookingTypeDraft.simple("A consultation", 30));

        app.robot().clickOn("#calendar-tab-booking");
        app.waitUntil(() -> app.robot().lookup("#booking-type-title").tryQuery()
                .map(n -> ((Label) n).getText().equals("A consultation")).orElse(false), WAIT, "the booking type is shown");
        app.robot().clickOn("#booking-find");
        Node slot = app.waitFor("#booking-slot-0", WAIT);
        String time = ((javafx.scene.control.Button) slot).getText();
        app.robot().clickOn(slot);
        app.waitFor("#booking-guest-name", WAIT);
        app.type("#booking-guest-name", "Ada Lovelace");
        app.type("#booking-guest-email", "ada@engines.test");
        app.robot().clickOn("#booking-confirm");
        app.waitUntil(() -> app.app().context().db.dsl().fetchCount(EVENTS, EVENTS.BOOKING_TYPE_ID.eq(type.id())) == 1, WAIT,
                "the booking is saved");
        var booked = app.app().context().db.dsl().selectFrom(EVENTS).where(EVENTS.BOOKING_TYPE_ID.eq(type.id())).fetchSingle();
        assertThat(booked.getGuestEmail()).isEqualTo("ada@engines.test");
        assertThat(booked.getTitle()).isEqualTo("A consultation – Ada Lovelace");
        assertThat(booked.getStartsAt().atZoneSameInstant(zone).toLocalTime().toString()).isEqualTo(time);
        app.waitUntil(() -> app.robot().lookup("#booking-banner-text").tryQuery()
                .map(n -> ((Label) n).getText().contains("Ada Lovelace")).orElse(false), WAIT, "the booking is confirmed");
        app.robot().clickOn("#calendar-tab-calendar");
    }

    @Test
    @Order(4)
    void aDueReminderRingsTheBell() {
        var start = ZonedDateTime.now(zone).plusMinutes(10).withSecond(0).withNano(0);
        var cal = feature.calendars.ensureDefault(user, zone).orElseThrow().id();
        feature.events.create(user, EventDraft.simple(cal, "Call the bank", start, start.plusMinutes(30))
                .withReminders(List.of(15)));
        app.waitUntil(() -> app.robot().lookup("#notification-count").tryQuery()
                .map(n -> n.isVisible() && !((Label) n).getText().equals("0")).orElse(false), 120, "the bell shows the reminder");
        app.robot().clickOn("#notification-bell");
        app.waitUntil(() -> app.robot().lookup(".notification-item").tryQuery().isPresent(), WAIT, "the notification list opens");
        assertThat(app.robot().lookup(".notification-unread").queryAs(Label.class).getText()).isEqualTo("Call the bank");
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String utc(ZonedDateTime t) {
        return t.withZoneSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"));
    }

    private String bannerText() {
        boolean shown = app.robot().lookup("#calendar-banner").tryQuery().map(Node::isVisible).orElse(false);
        return shown ? app.robot().lookup("#calendar-banner-text").queryAs(Label.class).getText() : "";
    }

    private void chooseFromMoreMenu(String item) {
        // A popup left open (the bell's list) takes the first click to close itself.
        for (int i = 0; i < 3 && app.robot().lookup(item).tryQuery().filter(Node::isVisible).isEmpty(); i++) {
            app.robot().clickOn("#calendar-more");
            WaitForAsyncUtils.waitForFxEvents();
        }
        app.robot().clickOn(item);
    }

    @Test
    @Order(5)
    void importAndExportIcsFilesFromTheScreen() throws Exception {
        Path dir = Files.createTempDirectory(app.dataDir(), "ics-");
        UUID own = feature.calendars.ensureDefault(user, zone).orElseThrow().id();
        LocalDate date = day(2).getDate();
        ZonedDateTime start = ZonedDateTime.of(date, LocalTime.of(15, 0), zone);
        Path ics = dir.resolve("partner.ics");
        Files.writeString(ics, String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Other program//EN",
                "BEGIN:VEVENT", "UID:ics-ui-1@other.test", "DTSTAMP:20260101T000000Z", "DTSTART:" + utc(start),
                "DTEND:" + utc(start.plusHours(1)), "SUMMARY:Partner board meeting", "LOCATION:Harbour office", "END:VEVENT",
                "BEGIN:VEVENT", "UID:ics-ui-2@other.test", "DTSTAMP:20260101T000000Z", "DTSTART:" + utc(start.plusDays(1)),
                "DTEND:" + utc(start.plusDays(1).plusMinutes(30)), "SUMMARY:Partner follow-up", "END:VEVENT",
                "END:VCALENDAR", ""), StandardCharsets.UTF_8);

        // The admin may write to many calendars: the screen asks which one, by name.
        nextOpen.set(ics);
        chooseFromMoreMenu("Import events from an iCalendar (.ics) file…");
        javafx.scene.control.ComboBox<?> target = app.waitFor("#calendar-import-target", WAIT);
        assertThat(((org.deskcrm.calendar.CalendarInfo) target.getValue()).id()).as("the default calendar comes first").isEqualTo(own);
        assertThat(target.getConverter().toString(cast(target.getValue()))).isEqualTo("My calendar");
        app.robot().clickOn("#calendar-import-next");
        app.waitUntil(() -> bannerText().startsWith("Imported: 2 new"), WAIT, "the import is reported");
        List<Occurrence> imported = occurrences(date, date.plusDays(1)).stream()
                .filter(o -> o.title().startsWith("Partner ")).toList();
        assertThat(imported).hasSize(2).allSatisfy(o -> assertThat(o.calendarId()).isEqualTo(own));
        assertThat(imported).filteredOn(o -> o.title().equals("Partner board meeting")).singleElement()
                .satisfies(o -> assertThat(o.start().toInstant()).isEqualTo(start.toInstant()));
        entryView("Partner board meeting", date);

        // A broken file: a clear message, and nothing of it is imported.
        Path bad = dir.resolve("broken.ics");
        Files.writeString(bad, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:broken-1\r\nSUMMARY:Half an event\r\n"
                + "DTSTART:2026XX01T090000Z\r\nEND:VEVENT\r\n", StandardCharsets.UTF_8);
        nextOpen.set(bad);
        chooseFromMoreMenu("Import events from an iCalendar (.ics) file…");
        app.waitFor("#calendar-import-target", WAIT);
        app.robot().clickOn("#calendar-import-next");
        app.waitUntil(() -> bannerText().startsWith("Nothing from broken.ics was imported."), WAIT, "the bad file is refused");
        assertThat(app.app().context().db.dsl().fetchCount(EVENTS, EVENTS.TITLE.eq("Half an event"))).isZero();
        app.robot().clickOn("#calendar-banner-close");

        // Export what is shown; the file holds the imported events with their original UIDs.
        Path out = dir.resolve("export.ics");
        nextSave.set(out);
        chooseFromMoreMenu("Export the shown calendars as iCalendar (.ics)…");
        app.waitUntil(() -> !bannerText().isEmpty(), WAIT, "the export is reported");
        assertThat(bannerText()).startsWith("Exported");
        assertThat(out).exists();
        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(text).startsWith("BEGIN:VCALENDAR").contains("SUMMARY:Partner board meeting", "SUMMARY:Partner follow-up",
                "UID:ics-ui-1@other.test", "LOCATION:Harbour office");
        var parsed = new net.fortuna.ical4j.data.CalendarBuilder().build(new java.io.StringReader(text));
        assertThat(parsed.getComponents("VEVENT")).hasSizeGreaterThan(2);
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object o) {
        return (T) o;
    }

    @Test
    @Order(6)
    void shareACalendarWithAColleagueWhoSeesItAfterSigningIn() {
        var ctx = app.app().context();
        UUID sam = ctx.userAdmin.create(user, new UserDraft("sam.share@demo.deskcrm.org", "Sam Sharewell",
                "sam's password 1".toCharArray(), EnumSet.of(Role.SALES), null));
        var own = feature.calendars.ensureDefault(user, zone).orElseThrow();
        LocalDate date = day(4).getDate();
        feature.events.create(user, EventDraft.simple(own.id(), "Quarterly planning", ZonedDateTime.of(date, LocalTime.of(11, 0), zone),
                ZonedDateTime.of(date, LocalTime.of(12, 0), zone)));

        app.robot().clickOn("#calendar-menu-" + own.id());
        app.robot().clickOn("Share…");
        app.waitFor("#share-person", WAIT);
        app.waitUntil(() -> app.robot().lookup("#share-person").queryComboBox().getItems().contains(sam), WAIT, "colleagues loaded");
        app.robot().clickOn("#share-person");
        app.robot().clickOn("Sam Sharewell");
        app.robot().clickOn("#share-add");
        app.waitUntil(() -> feature.calendars.shares(user, own.id()).stream()
                .anyMatch(s -> s.userId().equals(sam) && s.permission() == SharePermission.VIEW), WAIT, "shared to see");
        app.waitFor("#share-level-" + sam, WAIT);
        app.robot().clickOn("#share-level-" + sam);
        app.robot().clickOn("Edit events");
        app.waitUntil(() -> feature.calendars.shares(user, own.id()).stream()
                .anyMatch(s -> s.userId().equals(sam) && s.permission() == SharePermission.EDIT), WAIT, "raised to edit");
        app.robot().clickOn("#share-close");

        app.signOut();
        app.signIn("sam.share@demo.deskcrm.org", "sam's password 1");
        app.robot().clickOn("#nav-calendar");
        app.waitFor("#calendar-view", WAIT);
        Node toggle = app.waitFor("#calendar-toggle-" + own.id(), WAIT);
        assertThat(app.robot().from(app.robot().lookup("#calendar-list-others").queryAll()).lookup("#calendar-toggle-" + own.id())
                .tryQuery()).as("listed under the calendars shared with Sam").isPresent();
        assertThat(((javafx.scene.control.CheckBox) toggle).isSelected()).isTrue();
        Node entry = entryView("Quarterly planning", date);
        Occurrence o = (Occurrence) ((DayEntryView) entry).getEntry().getUserObject();
        assertThat(o.busyOnly()).isFalse();
        assertThat(o.editable()).as("Sam may edit events of the shared calendar").isTrue();
    }
}
