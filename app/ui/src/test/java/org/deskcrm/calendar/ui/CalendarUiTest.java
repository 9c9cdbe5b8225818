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
import org.deskcrm.calendar.EventStatus;
import org.deskcrm.calendar.LinkedRecord;
import org.deskcrm.booking.BookingQuestion;
import org.deskcrm.booking.Slot;
import org.testfx.matcher.control.LabeledMatchers;
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
    void theEditorSavesGuestsAndStatusAndShowsThemAgain() {
        WeekDayView column = day(5);
        LocalDate date = column.getDate();
        LinkedRecord contact = feature.links.search(user, LinkedRecord.Type.CONTACT, "a", 10).stream()
                .filter(c -> c.email() != null).findFirst().orElseThrow();
        var colleague = feature.calendars.colleagues(user).entrySet().stream().filter(c -> !c.getKey().equals(user.userId()))
                .sorted(java.util.Map.Entry.comparingByValue()).findFirst().orElseThrow();

        app.robot().moveTo(at(column, LocalTime.of(8, 0))).doubleClickOn(MouseButton.PRIMARY);
        typeTitle("Contract review");
        // Status: confirmed.
        app.robot().clickOn("#event-status");
        choose("Confirmed");
        // A CRM contact, found by name, and a colleague from the menu.
        app.robot().clickOn("#event-guest-contact").write(contact.label());
        app.waitUntil(() -> app.robot().lookup(".picker-title").match(LabeledMatchers.hasText(contact.label())).tryQuery()
                .map(Node::isVisible).orElse(false), WAIT, "the contact is offered");
        app.robot().clickOn(app.robot().lookup(".picker-title").match(LabeledMatchers.hasText(contact.label())).queryAs(Node.class));
        app.robot().clickOn("#event-colleague-add");
        app.waitUntil(() -> app.robot().lookup(".context-menu .label").match(LabeledMatchers.hasText(colleague.getValue())).tryQuery()
                .isPresent(), WAIT, "the colleague is offered");
        app.robot().clickOn(app.robot().lookup(".context-menu .label").match(LabeledMatchers.hasText(colleague.getValue()))
                .queryAs(Node.class));
        app.waitUntil(() -> guestChipTexts().size() == 2, WAIT, "two guest chips");
        assertThat(guestChipTexts()).anySatisfy(t -> assertThat(t).startsWith(contact.label()))
                .anySatisfy(t -> assertThat(t).startsWith(colleague.getValue()));
        app.robot().clickOn("#event-save");

        app.waitUntil(() -> occurrences(date, date).stream().anyMatch(o -> "Contract review".equals(o.title())), WAIT, "saved");
        Occurrence saved = occurrences(date, date).stream().filter(o -> "Contract review".equals(o.title())).findFirst().orElseThrow();
        assertThat(saved.status()).isEqualTo(EventStatus.CONFIRMED);
        var detail = feature.events.get(user, saved.eventId());
        assertThat(detail.status()).isEqualTo(EventStatus.CONFIRMED);
        assertThat(detail.attendees()).filteredOn(a -> !a.organizer()).hasSize(2)
                .anySatisfy(a -> {
                    assertThat(a.contactId()).isEqualTo(contact.id());
                    assertThat(a.email()).isEqualTo(contact.email());
                })
                .anySatisfy(a -> assertThat(a.userId()).isEqualTo(colleague.getKey()));

        // Opened again, the form shows both guests and the status; cancelling it is saved and drawn.
        app.robot().doubleClickOn(entryView("Contract review", date));
        app.waitFor("#event-title", WAIT);
        app.waitUntil(() -> guestChipTexts().stream().anyMatch(t -> t.startsWith(contact.label()))
                && guestChipTexts().stream().anyMatch(t -> t.startsWith(colleague.getValue())), WAIT, "the guests are shown");
        javafx.scene.control.ComboBox<?> status = app.robot().lookup("#event-status").queryComboBox();
        assertThat(status.getValue()).isEqualTo(EventStatus.CONFIRMED);
        app.waitUntil(() -> app.robot().from(status).lookup(".list-cell").queryAllAs(javafx.scene.control.ListCell.class).stream()
                .anyMatch(c -> "Confirmed".equals(c.getText())), WAIT, "the status box reads Confirmed");
        app.robot().clickOn("#event-status");
        choose("Cancelled");
        app.robot().clickOn("#event-save");
        app.waitUntil(() -> feature.events.get(user, saved.eventId()).status() == EventStatus.CANCELLED, WAIT, "cancelled is saved");
        assertThat(feature.events.get(user, saved.eventId()).attendees()).filteredOn(a -> !a.organizer()).hasSize(2);
        app.waitUntil(() -> entryView("Contract review", date).getStyleClass().contains("dcal-cancelled"), WAIT,
                "the cancelled event is drawn as cancelled");
    }

    /** Picks an entry of the open combo box list once it shows. */
    private void choose(String text) {
        app.waitUntil(() -> app.robot().lookup(".list-cell").match(LabeledMatchers.hasText(text)).tryQuery().map(Node::isVisible)
                .orElse(false), WAIT, "the choice " + text);
        app.robot().clickOn(app.robot().lookup(".list-cell").match(LabeledMatchers.hasText(text)).queryAs(Node.class));
    }

    private List<String> guestChipTexts() {
        return app.robot().lookup("#event-guests .event-chip .label").queryAllAs(Label.class).stream().map(Label::getText).toList();
    }

    @Test
    @Order(7)
    void theBookingTypeEditorSavesBuffersPriceAndQuestions() {
        app.robot().clickOn("#calendar-tab-booking");
        app.waitFor("#booking-type-new", WAIT);
        app.robot().clickOn("#booking-type-new");
        app.waitFor("#type-name", WAIT);
        fill("#type-name", "Strategy session");
        retype("#type-duration", "45");
        retype("#type-buffer-before", "15");
        retype("#type-buffer-after", "10");
        fill("#type-price", "120.50");
        fill("#type-currency", "EUR");
        click("#type-question-add");
        fill("#type-question-0-label", "What should we prepare?");
        click("#type-question-0-required");
        click("#type-question-add");
        fill("#type-question-1-label", "Team size");
        click("#type-question-1-kind");
        choose("Choice");
        fill("#type-question-1-options", "1-10, 11-50, 51+");
        click("#type-save");

        app.waitUntil(() -> strategy().isPresent(), WAIT, "the booking type is saved");
        var type = strategy().orElseThrow();
        assertThat(type.durationMinutes()).isEqualTo(45);
        assertThat(type.bufferBeforeMinutes()).isEqualTo(15);
        assertThat(type.bufferAfterMinutes()).isEqualTo(10);
        assertThat(type.price()).isEqualByComparingTo("120.50");
        assertThat(type.currency()).isEqualTo("EUR");
        assertThat(type.questions()).extracting(BookingQuestion::label).containsExactly("What should we prepare?", "Team size");
        assertThat(type.questions().get(0).required()).isTrue();
        assertThat(type.questions().get(0).kind()).isEqualTo(BookingQuestion.Kind.TEXT);
        assertThat(type.questions().get(1).required()).isFalse();
        assertThat(type.questions().get(1).kind()).isEqualTo(BookingQuestion.Kind.CHOICE);
        assertThat(type.questions().get(1).options()).containsExactly("1-10", "11-50", "51+");

        // The booking pane shows what was saved.
        app.waitUntil(() -> labelText("#booking-type-title").equals("Strategy session"), WAIT, "the new type is chosen");
        app.waitUntil(() -> labelText("#booking-type-summary").contains("45 min"), WAIT, "its summary");
        assertThat(labelText("#booking-type-summary")).contains("€120.50", "buffer 15 min before, 10 min after",
                "What should we prepare?; Team size");

        // Edited again: the form shows the saved values; a changed buffer is saved.
        app.robot().clickOn("#booking-type-edit");
        app.waitFor("#type-name", WAIT);
        assertThat(app.robot().lookup("#type-price").queryTextInputControl().getText()).isEqualTo("120.50");
        assertThat(app.robot().lookup("#type-buffer-before").queryAs(javafx.scene.control.Spinner.class).getValue()).isEqualTo(15);
        assertThat(app.robot().lookup("#type-question-1-options").queryTextInputControl().getText()).isEqualTo("1-10, 11-50, 51+");
        retype("#type-buffer-before", "20");
        click("#type-save");
        app.waitUntil(() -> strategy().map(t -> t.bufferBeforeMinutes() == 20).orElse(false), WAIT, "the new buffer is saved");
        app.waitUntil(() -> labelText("#booking-type-summary").contains("buffer 20 min before"), WAIT, "and shown");
        assertThat(strategy().orElseThrow().questions()).hasSize(2);
    }

    private java.util.Optional<org.deskcrm.booking.BookingType> strategy() {
        return feature.booking.types(user).stream().filter(t -> t.name().equals("Strategy session")).findFirst();
    }

    private String labelText(String query) {
        return app.robot().lookup(query).tryQuery().map(n -> ((javafx.scene.control.Labeled) n).getText()).orElse("");
    }

    /** Replaces the text of an editable spinner or combo box; it is committed when the focus leaves. */
    private void retype(String query, String text) {
        Node n = app.robot().lookup(query).query();
        Node editor = n instanceof javafx.scene.control.Spinner<?> sp ? sp.getEditor()
                : n instanceof javafx.scene.control.ComboBox<?> cb ? cb.getEditor() : n;
        reveal(n);
        app.robot().clickOn(editor);
        app.robot().press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A).release(KeyCode.CONTROL);
        app.robot().write(text);
        app.robot().press(KeyCode.TAB).release(KeyCode.TAB);
    }

    private void fill(String query, String text) {
        reveal(app.robot().lookup(query).query());
        app.type(query, text);
    }

    private void click(String query) {
        reveal(app.robot().lookup(query).query());
        app.robot().clickOn(query);
    }

    /** Scrolls the nearest scroll pane so that {@code node} is in view (the robot clicks where a node is, seen or not). */
    private void reveal(Node node) {
        app.robot().interact(() -> {
            for (Node p = node.getParent(); p != null; p = p.getParent()) {
                if (p instanceof javafx.scene.control.ScrollPane sp && sp.getContent() != null) {
                    Node content = sp.getContent();
                    double y = content.sceneToLocal(node.localToScene(0, 0)).getY();
                    double range = content.getLayoutBounds().getHeight() - sp.getViewportBounds().getHeight();
                    if (range > 0) {
                        sp.setVvalue(Math.clamp((y - 60) / range, 0.0, 1.0));
                    }
                    return;
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    @Order(8)
    void workingHoursAndADayOffAreSavedAndTheFreeSlotsFollowThem() {
        var type = strategy().orElseThrow();
        app.robot().clickOn(app.robot().lookup(".booking-type-name").match(LabeledMatchers.hasText("Strategy session"))
                .queryAs(Node.class));
        app.waitUntil(() -> labelText("#booking-type-title").equals("Strategy session"), WAIT, "the type is chosen");

        // Working hours: no weekend, Mondays 10:00–12:00 only.
        app.robot().clickOn("#booking-tab-hours");
        app.waitFor("#hours-day-saturday", WAIT);
        app.waitUntil(() -> app.robot().lookup("#hours-monday-from-0").tryQuery().isPresent(), WAIT, "the hours are shown");
        click("#hours-day-saturday");
        click("#hours-day-sunday");
        retype("#hours-monday-from-0", "10:00");
        retype("#hours-monday-to-0", "12:00");
        retype("#hours-notice", "0");
        click("#hours-save");
        app.waitUntil(() -> feature.booking.weeklyHours(user, user.userId(), zone).windows().stream()
                .noneMatch(w -> w.weekday() == DayOfWeek.SATURDAY || w.weekday() == DayOfWeek.SUNDAY), WAIT, "the hours are saved");
        List<AvailabilityWindow> saved = feature.booking.weeklyHours(user, user.userId(), zone).windows();
        assertThat(saved).filteredOn(w -> w.weekday() == DayOfWeek.MONDAY)
                .containsExactly(new AvailabilityWindow(DayOfWeek.MONDAY, LocalTime.of(10, 0), LocalTime.of(12, 0)));
        assertThat(saved).filteredOn(w -> w.weekday() == DayOfWeek.WEDNESDAY)
                .containsExactly(new AvailabilityWindow(DayOfWeek.WEDNESDAY, LocalTime.of(9, 0), LocalTime.of(17, 0)));
        assertThat(feature.booking.minimumNotice(user, user.userId())).isZero();

        // The finder follows them: nothing at the weekend, Mondays within 10:00–12:00.
        app.robot().clickOn("#booking-tab-find");
        app.robot().clickOn("#booking-find");
        LocalDate today = LocalDate.now(zone);
        app.waitUntil(() -> !shownSlotDays().isEmpty(), WAIT, "slots are listed");
        List<Slot> slots = feature.booking.findSlots(user, type.id(), today, today.plusDays(13));
        assertThat(slots).isNotEmpty().allSatisfy(s -> {
            var start = s.start().withZoneSameInstant(zone);
            assertThat(start.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            if (start.getDayOfWeek() == DayOfWeek.MONDAY) {
                assertThat(start.toLocalTime()).isAfterOrEqualTo(LocalTime.of(10, 0));
                assertThat(s.end().withZoneSameInstant(zone).toLocalTime()).isBeforeOrEqualTo(LocalTime.of(12, 0));
            }
        });
        assertThat(app.robot().lookup(".slot-button").queryAll()).hasSize(slots.size());

        // A day off on a day that has free slots now: saved, listed, and its slots disappear.
        LocalDate off = slots.stream().map(s -> s.start().withZoneSameInstant(zone).toLocalDate())
                .filter(d -> d.isAfter(today.plusDays(1))).findFirst().orElseThrow();
        String offHeading = off.format(DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.FULL)
                .withLocale(java.util.Locale.getDefault()));
        assertThat(shownSlotDays()).contains(offHeading);
        app.robot().clickOn("#booking-tab-hours");
        javafx.scene.control.DatePicker picker = app.waitFor("#exception-date", WAIT);
        retype("#exception-date", picker.getConverter().toString(off));
        assertThat(picker.getValue()).isEqualTo(off);
        fill("#exception-reason", "Conference");
        click("#exception-add");
        app.waitUntil(() -> feature.booking.exceptions(user, user.userId(), off, off).stream()
                .anyMatch(x -> x.wholeDay() && !x.available() && "Conference".equals(x.reason())), WAIT, "the day off is saved");
        app.waitUntil(() -> app.robot().lookup("#hours-exceptions .label").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().contains("Day off · Conference")), WAIT, "the day off is listed");
        assertThat(feature.booking.findSlots(user, type.id(), today, today.plusDays(13)))
                .noneMatch(s -> s.start().withZoneSameInstant(zone).toLocalDate().equals(off));
        app.robot().clickOn("#booking-tab-find");
        app.waitUntil(() -> !shownSlotDays().contains(offHeading) && !shownSlotDays().isEmpty(), WAIT,
                "the listed slots no longer offer the day off");
        app.robot().clickOn("#calendar-tab-calendar");
    }

    private List<String> shownSlotDays() {
        return app.robot().lookup(".slot-day").queryAllAs(Label.class).stream().map(Label::getText).toList();
    }

    @Test
    @Order(20)
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
