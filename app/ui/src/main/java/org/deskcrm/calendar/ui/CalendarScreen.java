package org.deskcrm.calendar.ui;

import com.calendarfx.model.Calendar;
import com.calendarfx.model.CalendarEvent;
import com.calendarfx.model.CalendarSource;
import com.calendarfx.model.Entry;
import com.calendarfx.model.Interval;
import com.calendarfx.model.LoadEvent;
import com.calendarfx.view.AllDayView;
import com.calendarfx.view.CalendarView;
import com.calendarfx.view.DateControl;
import com.calendarfx.view.YearMonthView;
import com.calendarfx.view.page.DayPage;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAdjusters;
import java.time.temporal.WeekFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.deskcrm.importexport.ui.FileDialogs;
import javafx.util.Duration;
import org.deskcrm.activity.Activity;
import org.deskcrm.calendar.CalendarInfo;
import org.deskcrm.calendar.EditScope;
import org.deskcrm.calendar.EventStatus;
import org.deskcrm.calendar.Occurrence;
import org.deskcrm.ui.fx.View;
import org.deskcrm.ui.i18n.Messages;
import org.deskcrm.ui.shell.RecordOpener;
import org.deskcrm.ui.shell.Workspace;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The calendar screen: a CalendarFX view of the visible calendars (one CalendarFX calendar per
 * DeskCRM calendar, plus the read-only tasks), the sidebar with the calendars, and the booking
 * tab. Entries are loaded for the visible date range only (CalendarFX's load events); creating,
 * moving and resizing entries with the mouse goes through the services, and a refused change
 * puts the entry back.
 */
public final class CalendarScreen implements View, RecordOpener {
    /** The pages of the view switcher; AGENDA is CalendarFX's day page in agenda layout. */
    enum PageKind { DAY, WEEK, MONTH, YEAR, AGENDA }

    private final CalendarViewModel vm;
    private final BookingViewModel bookingVm;
    private final Workspace workspace;
    private final Messages messages;
    private final Parent root;
    private final java.util.function.Supplier<FileDialogs> files;
    private final CalendarView calendarView = new CalendarView();
    private final CalendarSource source = new CalendarSource("DeskCRM");
    private final Map<UUID, Calendar<Object>> fxCalendars = new HashMap<>();
    private final Calendar<Object> tasksCalendar = new Calendar<>();
    private final ToggleGroup pages = new ToggleGroup();
    private final PauseTransition noticeTimer = new PauseTransition(Duration.seconds(8));
    private BookingPane bookingPane;
    private PageKind page = PageKind.WEEK;
    private boolean applying;
    private boolean started;
    private javafx.util.Subscription bindings = javafx.util.Subscription.EMPTY;

    @FXML private TabPane tabs;
    @FXML private Tab calendarTab;
    @FXML private Tab bookingTab;
    @FXML private Button newEventButton;
    @FXML private StackPane miniMonthSlot;
    @FXML private VBox ownCalendars;
    @FXML private Hyperlink newCalendarLink;
    @FXML private Label otherHeader;
    @FXML private VBox otherCalendars;
    @FXML private CheckBox tasksToggle;
    @FXML private Button todayButton;
    @FXML private Button backButton;
    @FXML private Button forwardButton;
    @FXML private Label rangeLabel;
    @FXML private ProgressIndicator loadingIndicator;
    @FXML private HBox pageButtons;
    @FXML private javafx.scene.control.MenuButton moreMenu;
    @FXML private MenuItem importItem;
    @FXML private MenuItem exportItem;
    @FXML private HBox banner;
    @FXML private Label bannerText;
    @FXML private Button bannerClose;
    @FXML private StackPane calendarHost;

    public CalendarScreen(CalendarViewModel vm, BookingViewModel bookingVm, Workspace workspace,
            java.util.function.Supplier<FileDialogs> files) {
        this.vm = vm;
        this.files = files;
        this.bookingVm = bookingVm;
        this.workspace = workspace;
        this.messages = workspace.messages();
        this.root = workspace.loader().load(this);
    }

    @FXML
    private void initialize() {
        setUpCalendarView();
        calendarHost.getChildren().add(calendarView);

        YearMonthView mini = new YearMonthView();
        mini.setId("calendar-mini-month");
        mini.setShowUsageColors(false);
        mini.setShowYearArrows(false);
        mini.setShowWeekNumbers(false);
        mini.setShowTodayButton(false);
        mini.setClickBehaviour(YearMonthView.ClickBehaviour.PERFORM_SELECTION);
        mini.getCalendarSources().setAll(source);
        mini.setZoneId(workspace.zone());
        mini.setToday(vm.now().toLocalDate());
        mini.setDate(vm.now().toLocalDate());
        mini.getSelectedDates().subscribe(() -> {
            if (!mini.getSelectedDates().isEmpty()) {
                calendarView.setDate(mini.getSelectedDates().iterator().next());
            }
        });
        calendarView.dateProperty().subscribe(d -> {
            if (d != null && !d.equals(mini.getDate())) {
                mini.setDate(d);
            }
        });
        miniMonthSlot.getChildren().add(mini);

        for (PageKind kind : PageKind.values()) {
            ToggleButton b = new ToggleButton(messages.get("calendar.page." + kind.name().toLowerCase(java.util.Locale.ROOT)));
            b.setId("calendar-page-" + kind.name().toLowerCase(java.util.Locale.ROOT));
            b.setToggleGroup(pages);
            b.setUserData(kind);
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.getStyleClass().add(kind == PageKind.DAY ? "left-pill" : kind == PageKind.AGENDA ? "right-pill" : "center-pill");
            b.setOnAction(e -> {
                b.setSelected(true);
                showPage(kind);
            });
            pageButtons.getChildren().add(b);
        }
        backButton.setGraphic(new FontIcon(Material2AL.CHEVRON_LEFT));
        backButton.setTooltip(new Tooltip(messages.get("calendar.back")));
        forwardButton.setGraphic(new FontIcon(Material2AL.CHEVRON_RIGHT));
        forwardButton.setTooltip(new Tooltip(messages.get("calendar.forward")));
        todayButton.setOnAction(e -> calendarView.setDate(vm.now().toLocalDate()));
        backButton.setOnAction(e -> calendarView.getSelectedPageView().goBack());
        forwardButton.setOnAction(e -> calendarView.getSelectedPageView().goForward());
        calendarView.dateProperty().subscribe(this::updateRangeLabel);
        loadingIndicator.visibleProperty().bind(vm.loadingProperty());

        newEventButton.setGraphic(new FontIcon(Material2AL.ADD));
        newEventButton.setOnAction(e -> newEventAt(defaultStart()));
        newCalendarLink.setOnAction(e -> editCalendar(null));
        tasksToggle.setSelected(vm.tasksVisibleProperty().get());
        tasksToggle.setOnAction(e -> vm.setTasksVisible(tasksToggle.isSelected()));
        moreMenu.setGraphic(new FontIcon(Material2MZ.MORE_VERT));
        moreMenu.setTooltip(new Tooltip(messages.get("calendar.more.tooltip")));
        importItem.setGraphic(new FontIcon(Material2AL.FILE_UPLOAD));
        exportItem.setGraphic(new FontIcon(Material2AL.GET_APP));
        importItem.setOnAction(e -> importIcs());
        exportItem.setOnAction(e -> exportIcs());

        bannerClose.setGraphic(new FontIcon(Material2AL.CLOSE));
        bannerClose.setOnAction(e -> hideBanner());
        hideBanner();
        noticeTimer.setOnFinished(e -> hideBanner());

        bookingPane = new BookingPane(bookingVm, workspace);
        bookingTab.setContent(bookingPane.root());
        tabs.getSelectionModel().selectedItemProperty().subscribe(tab -> {
            if (tab == bookingTab) {
                bookingPane.onActivate();
            }
        });
        pages.getToggles().get(PageKind.WEEK.ordinal()).setSelected(true);
        showPage(PageKind.WEEK);
    }

    // ------------------------------------------------------------------ CalendarFX

    private void setUpCalendarView() {
        calendarView.setId("calendar-view");
        calendarView.setShowToolBar(false);
        calendarView.setShowSourceTray(false);
        calendarView.setShowSourceTrayButton(false);
        calendarView.setShowSearchField(false);
        calendarView.setShowSearchResultsTray(false);
        calendarView.setShowAddCalendarButton(false);
        calendarView.setShowPrintButton(false);
        calendarView.setShowPageSwitcher(false);
        calendarView.setShowDeveloperConsole(false);
        calendarView.setZoneId(workspace.zone());
        calendarView.setToday(vm.now().toLocalDate());
        calendarView.setTime(vm.now().toLocalTime());
        calendarView.setRequestedTime(LocalTime.of(Math.max(7, Math.min(vm.now().getHour() - 1, 15)), 0));
        calendarView.setStartTime(LocalTime.of(7, 0));
        calendarView.setEndTime(LocalTime.of(20, 0));
        for (var dayView : List.of(calendarView.getWeekPage().getDetailedWeekView().getWeekView(),
                calendarView.getDayPage().getDetailedDayView().getDayView())) {
            dayView.setEarlyLateHoursStrategy(com.calendarfx.view.DayViewBase.EarlyLateHoursStrategy.SHOW_COMPRESSED);
        }
        calendarView.setWeekFields(WeekFields.of(messages.getLocale()));
        calendarView.getDayPage().setShowDayPageLayoutControls(false);
        for (var p : List.of(calendarView.getDayPage(), calendarView.getWeekPage(), calendarView.getMonthPage(),
                calendarView.getYearPage())) {
            p.setShowDate(false);
            p.setShowNavigation(false);
        }
        calendarView.getDayPage().getAgendaView().setLookAheadPeriodInDays(30);
        calendarView.getDayPage().getAgendaView().setLookBackPeriodInDays(0);

        tasksCalendar.setName(messages.get("calendar.sidebar.tasks"));
        tasksCalendar.setShortName("T");
        tasksCalendar.setStyle(CalendarColors.TASKS_STYLE);
        tasksCalendar.setReadOnly(true);
        source.getCalendars().setAll(tasksCalendar);
        calendarView.getCalendarSources().setAll(source);

        calendarView.setDefaultCalendarProvider(control -> defaultFxCalendar());
        calendarView.setEntryFactory(param -> {
            ZonedDateTime start = param.getZonedDateTime();
            Entry<Object> entry = new Entry<>(messages.get("calendar.newEventTitle"));
            entry.setInterval(start, start.plusHours(1));
            if (param.getDateControl() instanceof AllDayView) {
                entry.setFullDay(true);
            }
            return entry;
        });
        calendarView.setEntryEditPolicy(param -> switch (param.getEntry().getUserObject()) {
            case Occurrence o -> o.editable() && (!o.allDay() || param.getEditOperation() == DateControl.EditOperation.MOVE);
            case null -> true;
            default -> false;
        });
        calendarView.setEntryDetailsCallback(param -> {
            boolean doubleClick = param.getInputEvent() instanceof MouseEvent m && m.getClickCount() == 2;
            if (param.getInputEvent() != null && !doubleClick) {
                return false;
            }
            openEntry(param.getEntry());
            return true;
        });
        calendarView.setEntryContextMenuCallback(param -> entryMenu(param.getEntry()));
        calendarView.setContextMenuCallback(param -> {
            ContextMenu menu = new ContextMenu();
            MenuItem create = new MenuItem(messages.get("calendar.newEventHere"));
            create.setDisable(!vm.canCreateEvents());
            ZonedDateTime at = param.getZonedDateTime();
            create.setOnAction(e -> newEventAt(at == null ? defaultStart() : at));
            menu.getItems().add(create);
            return menu;
        });
        calendarView.addEventHandler(LoadEvent.LOAD, evt -> vm.ensureRange(
                evt.getStartDate().atStartOfDay(workspace.zone()).toInstant(),
                evt.getEndDate().plusDays(1).atStartOfDay(workspace.zone()).toInstant()));
    }

    private Calendar<Object> defaultFxCalendar() {
        UUID id = vm.defaultCalendarProperty().get();
        Calendar<Object> c = id == null ? null : fxCalendars.get(id);
        if (c != null && !c.isReadOnly()) {
            return c;
        }
        return fxCalendars.values().stream().filter(x -> !x.isReadOnly()).findFirst().orElse(null);
    }

    /** Mirrors the view model's calendars into CalendarFX calendars and the sidebar. */
    private void renderCalendars() {
        Map<UUID, Calendar<Object>> keep = new HashMap<>();
        List<Calendar<Object>> ordered = new ArrayList<>();
        for (CalendarInfo info : vm.calendars()) {
            Calendar<Object> c = fxCalendars.get(info.id());
            if (c == null) {
                c = new Calendar<>();
                c.setUserObject(info.id());
                c.addEventHandler(this::onCalendarEvent);
            }
            c.setName(info.name());
            c.setShortName(info.name().isEmpty() ? "?" : info.name().substring(0, 1));
            c.setStyle(CalendarColors.styleFor(info.color()));
            c.setReadOnly(!info.access().canEditEvents());
            calendarView.setCalendarVisibility(c, info.visible());
            keep.put(info.id(), c);
            ordered.add(c);
        }
        fxCalendars.clear();
        fxCalendars.putAll(keep);
        List<Calendar> all = new ArrayList<>(ordered);
        all.add(tasksCalendar);
        source.getCalendars().setAll(all);
        calendarView.setCalendarVisibility(tasksCalendar, vm.tasksVisibleProperty().get());
        renderSidebar();
        newEventButton.setDisable(!vm.canCreateEvents());
        importItem.setDisable(!vm.canImport());
        exportItem.setDisable(!vm.canExport());
        newCalendarLink.setVisible(vm.canCreateCalendars());
        newCalendarLink.setManaged(vm.canCreateCalendars());
    }

    private void renderSidebar() {
        ownCalendars.getChildren().clear();
        otherCalendars.getChildren().clear();
        for (CalendarInfo info : vm.calendars()) {
            boolean mine = info.ownedBy(vm.user().userId());
            (mine ? ownCalendars : otherCalendars).getChildren().add(calendarRow(info, mine));
        }
        boolean others = !otherCalendars.getChildren().isEmpty();
        otherHeader.setVisible(others);
        otherHeader.setManaged(others);
    }

    private HBox calendarRow(CalendarInfo info, boolean mine) {
        CheckBox box = new CheckBox(info.name());
        box.setId("calendar-toggle-" + info.id());
        box.getStyleClass().addAll("calendar-toggle", CalendarColors.styleFor(info.color()) + "-toggle");
        box.setSelected(info.visible());
        box.setOnAction(e -> vm.setVisible(info, box.isSelected()));
        box.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(box, Priority.ALWAYS);
        if (!mine) {
            box.setTooltip(new Tooltip(messages.get("calendar.sidebar.ownedBy", info.ownerName(),
                    messages.get("calendar.access." + info.access().name().toLowerCase(java.util.Locale.ROOT)))));
        }
        MenuButton more = new MenuButton();
        more.setId("calendar-menu-" + info.id());
        more.setGraphic(new FontIcon(Material2MZ.MORE_VERT));
        more.getStyleClass().addAll("flat", "calendar-row-menu");
        if (info.access().canManage()) {
            MenuItem edit = new MenuItem(messages.get("calendar.menu.edit"));
            edit.setOnAction(e -> editCalendar(info));
            MenuItem share = new MenuItem(messages.get("calendar.menu.share"));
            share.setOnAction(e -> new ShareDialog(vm, info, workspace.loader(), root).show());
            more.getItems().addAll(edit, share);
        }
        if (vm.canExport() && !info.access().busyOnly()) {
            MenuItem export = new MenuItem(messages.get("calendar.menu.export"));
            export.setOnAction(e -> exportCalendars(List.of(info.id()), info.name()));
            more.getItems().add(export);
        }
        if (vm.canImport() && info.access().canEditEvents()) {
            MenuItem imp = new MenuItem(messages.get("calendar.menu.import"));
            imp.setOnAction(e -> importInto(info));
            more.getItems().add(imp);
        }
        if (info.access().canManage() && !info.isDefault()) {
            MenuItem delete = new MenuItem(messages.get("calendar.menu.delete"));
            delete.setOnAction(e -> Dialogs.confirm(root, messages, messages.get("calendar.deleteCalendar.title"),
                    messages.get("calendar.deleteCalendar.text", info.name()), () -> vm.deleteCalendar(info)));
            more.getItems().add(delete);
        }
        more.setVisible(!more.getItems().isEmpty());
        HBox row = new HBox(2, box, more);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("calendar-row");
        return row;
    }

    /** Replaces all entries with the loaded occurrences and tasks. */
    private void renderEntries() {
        applying = true;
        try {
            Map<UUID, List<Entry<?>>> byCalendar = new HashMap<>();
            for (Occurrence o : vm.occurrences()) {
                byCalendar.computeIfAbsent(o.calendarId(), k -> new ArrayList<>()).add(entryFor(o));
            }
            for (Map.Entry<UUID, Calendar<Object>> c : fxCalendars.entrySet()) {
                c.getValue().startBatchUpdates();
                c.getValue().clear();
                c.getValue().addEntries(byCalendar.getOrDefault(c.getKey(), List.of()));
                c.getValue().stopBatchUpdates();
            }
            tasksCalendar.startBatchUpdates();
            tasksCalendar.clear();
            List<Entry<?>> taskEntries = new ArrayList<>();
            for (Activity t : vm.tasks()) {
                if (t.dueAt() != null) {
                    taskEntries.add(entryFor(t));
                }
            }
            tasksCalendar.addEntries(taskEntries);
            tasksCalendar.stopBatchUpdates();
        } finally {
            applying = false;
        }
    }

    private Entry<Object> entryFor(Occurrence o) {
        Entry<Object> e = new Entry<>(o.busyOnly() ? messages.get("calendar.busy") : o.title());
        e.setId(o.key());
        e.setUserObject(o);
        if (o.location() != null) {
            e.setLocation(o.location());
        }
        if (o.allDay()) {
            e.setFullDay(true);
            LocalDate last = o.end().toLocalDate().minusDays(o.end().toLocalTime().equals(LocalTime.MIDNIGHT) ? 1 : 0);
            e.setInterval(o.start().toLocalDate(), last.isBefore(o.start().toLocalDate()) ? o.start().toLocalDate() : last,
                    workspace.zone());
        } else {
            e.setInterval(o.start().withZoneSameInstant(workspace.zone()), o.end().withZoneSameInstant(workspace.zone()));
        }
        if (o.status() == EventStatus.CANCELLED) {
            e.getStyleClass().add("dcal-cancelled");
        } else if (o.status() == EventStatus.COMPLETED || o.status() == EventStatus.NO_SHOW) {
            e.getStyleClass().add("dcal-past");
        }
        if (o.busyOnly()) {
            e.getStyleClass().add("dcal-busy");
        }
        return e;
    }

    private Entry<Object> entryFor(Activity t) {
        Entry<Object> e = new Entry<>((t.isOpenTask() ? "☐ " : "☑ ") + t.subject());
        e.setId("task-" + t.id());
        e.setUserObject(t);
        ZonedDateTime due = t.dueAt().atZoneSameInstant(workspace.zone());
        e.setInterval(due, due.plusMinutes(30));
        if (!t.isOpenTask()) {
            e.getStyleClass().add("dcal-past");
        }
        return e;
    }

    /** A user moved or resized an entry: save it, or put it back when that is refused or cancelled. */
    private void onCalendarEvent(CalendarEvent evt) {
        if (applying || evt.getEventType() != CalendarEvent.ENTRY_INTERVAL_CHANGED
                || !(evt.getEntry().getUserObject() instanceof Occurrence o)) {
            return;
        }
        Entry<?> entry = evt.getEntry();
        Interval old = evt.getOldInterval();
        Runnable revert = () -> {
            applying = true;
            try {
                entry.setInterval(old);
            } finally {
                applying = false;
            }
        };
        ZonedDateTime start;
        ZonedDateTime end;
        if (o.allDay()) {
            ZoneId zone = o.start().getZone();
            start = entry.getStartDate().atStartOfDay(zone);
            end = entry.getEndDate().plusDays(1).atStartOfDay(zone);
        } else {
            start = entry.getStartAsZonedDateTime();
            end = entry.getEndAsZonedDateTime();
        }
        if (o.recurring()) {
            Dialogs.askScope(root, messages, false, scope -> vm.move(o, start, end, scope, revert), revert);
        } else {
            vm.move(o, start, end, EditScope.ALL_OCCURRENCES, revert);
        }
    }

    // ------------------------------------------------------------------ opening and creating

    private void openEntry(Entry<?> entry) {
        switch (entry.getUserObject()) {
            case Occurrence o when !o.busyOnly() -> vm.event(o.eventId(), detail -> {
                var editor = new EventEditorViewModel(vm);
                editor.initExisting(detail, o);
                new EventEditor(editor, vm, workspace.loader(), files, root, savedOrDeleted -> { }).show();
            });
            case Activity t -> workspace.navigator().openRecord("task", t.id());
            case null -> {
                var editor = new EventEditorViewModel(vm);
                UUID calendarId = entry.getCalendar() == null ? vm.defaultCalendarProperty().get()
                        : (UUID) entry.getCalendar().getUserObject();
                ZonedDateTime start = entry.getStartAsZonedDateTime();
                ZonedDateTime end = entry.getEndAsZonedDateTime();
                if (!entry.isFullDay() && java.time.Duration.between(start, end).toMinutes() <= 15) {
                    end = start.plusHours(1); // a double click, not a drawn interval: a one-hour meeting
                }
                editor.initNew(calendarId, start, end, entry.isFullDay());
                new EventEditor(editor, vm, workspace.loader(), files, root, saved -> {
                    applying = true;
                    try {
                        entry.removeFromCalendar();
                    } finally {
                        applying = false;
                    }
                }).show();
            }
            default -> { }
        }
    }

    private void newEventAt(ZonedDateTime start) {
        if (!vm.canCreateEvents()) {
            return;
        }
        var editor = new EventEditorViewModel(vm);
        editor.initNew(vm.defaultCalendarProperty().get(), start, start.plusHours(1), false);
        new EventEditor(editor, vm, workspace.loader(), files, root, saved -> { }).show();
    }

    private ZonedDateTime defaultStart() {
        ZonedDateTime now = vm.now();
        LocalDate day = calendarView.getDate() == null ? now.toLocalDate() : calendarView.getDate();
        LocalTime time = now.toLocalTime().plusHours(1).withMinute(0).withSecond(0).withNano(0);
        if (now.getHour() >= 23) {
            time = LocalTime.of(9, 0);
        }
        return ZonedDateTime.of(day, time, workspace.zone());
    }

    private ContextMenu entryMenu(Entry<?> entry) {
        ContextMenu menu = new ContextMenu();
        MenuItem open = new MenuItem(messages.get("calendar.menu.open"));
        open.setOnAction(e -> openEntry(entry));
        menu.getItems().add(open);
        if (entry.getUserObject() instanceof Occurrence o && o.editable()) {
            Menu status = new Menu(messages.get("calendar.menu.status"));
            for (EventStatus s : EventStatus.values()) {
                MenuItem item = new MenuItem(messages.get("calendar.status." + s.name().toLowerCase(java.util.Locale.ROOT)));
                item.setDisable(s == o.status());
                item.setOnAction(e -> {
                    if (o.recurring()) {
                        Dialogs.askScope(root, messages, false, scope -> vm.setStatus(o, s, scope));
                    } else {
                        vm.setStatus(o, s, EditScope.ALL_OCCURRENCES);
                    }
                });
                status.getItems().add(item);
            }
            MenuItem delete = new MenuItem(messages.get("common.delete"));
            delete.setOnAction(e -> {
                if (o.recurring()) {
                    Dialogs.askScope(root, messages, true, scope -> vm.delete(o, scope));
                } else {
                    Dialogs.confirm(root, messages, messages.get("calendar.delete.title"),
                            messages.get("calendar.delete.text", o.title()), () -> vm.delete(o, EditScope.ALL_OCCURRENCES));
                }
            });
            menu.getItems().addAll(status, delete);
        }
        if (entry.getUserObject() instanceof Occurrence o && !o.busyOnly()) {
            for (var link : List.of(new Object[] {"company", o.companyId()}, new Object[] {"contact", o.contactId()},
                    new Object[] {"deal", o.dealId()})) {
                if (link[1] != null) {
                    MenuItem go = new MenuItem(messages.get("calendar.menu.open." + link[0]));
                    go.setOnAction(e -> workspace.navigator().openRecord((String) link[0], (UUID) link[1]));
                    menu.getItems().add(go);
                }
            }
        }
        return menu;
    }

    @Override
    public Set<String> entityTypes() {
        return Set.of("event");
    }

    @Override
    public void open(String entityType, UUID id) {
        tabs.getSelectionModel().select(calendarTab);
        vm.event(id, detail -> {
            calendarView.setDate(detail.start().withZoneSameInstant(workspace.zone()).toLocalDate());
            var editor = new EventEditorViewModel(vm);
            editor.initExisting(detail, null);
            new EventEditor(editor, vm, workspace.loader(), files, root, saved -> { }).show();
        });
    }

    // ------------------------------------------------------------------ pages

    private void scrollToWorkingHours() {
        LocalDate day = calendarView.getDate() == null ? vm.now().toLocalDate() : calendarView.getDate();
        ZonedDateTime at = ZonedDateTime.of(day, calendarView.getRequestedTime(), workspace.zone());
        calendarView.getWeekPage().getDetailedWeekView().getWeekView().setScrollTime(at);
        calendarView.getDayPage().getDetailedDayView().getDayView().setScrollTime(at);
    }

    private void showPage(PageKind kind) {
        page = kind;
        DayPage day = calendarView.getDayPage();
        switch (kind) {
            case DAY -> {
                day.setDayPageLayout(DayPage.DayPageLayout.DAY_ONLY);
                calendarView.showDayPage();
            }
            case AGENDA -> {
                day.setDayPageLayout(DayPage.DayPageLayout.AGENDA_ONLY);
                calendarView.showDayPage();
                compactAgenda(day);
            }
            case WEEK -> calendarView.showWeekPage();
            case MONTH -> calendarView.showMonthPage();
            case YEAR -> calendarView.showYearPage();
        }
        updateRangeLabel(calendarView.getDate());
    }

    /**
     * CalendarFX puts a header with a big day number and a second mini month above the agenda;
     * the screen's own toolbar and sidebar already navigate the dates, so the agenda gets the room.
     */
    private static void compactAgenda(DayPage day) {
        day.applyCss();
        if (day.lookup(".left-side") instanceof javafx.scene.layout.BorderPane side && side.getTop() != null) {
            side.setTop(null);
        }
    }

    private void updateRangeLabel(LocalDate date) {
        if (date == null) {
            return;
        }
        var locale = messages.getLocale();
        String text = switch (page) {
            case DAY -> date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale));
            case AGENDA -> messages.get("calendar.range.agenda",
                    date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)));
            case WEEK -> {
                DayOfWeek first = calendarView.getFirstDayOfWeek();
                LocalDate start = date.with(TemporalAdjusters.previousOrSame(first));
                LocalDate end = start.plusDays(6);
                yield start.getMonth() == end.getMonth()
                        ? start.getDayOfMonth() + "–" + end.format(DateTimeFormatter.ofPattern("d MMMM yyyy", locale))
                        : start.format(DateTimeFormatter.ofPattern("d MMM", locale)) + " – "
                                + end.format(DateTimeFormatter.ofPattern("d MMM yyyy", locale));
            }
            case MONTH -> date.format(DateTimeFormatter.ofPattern("MMMM yyyy", locale));
            case YEAR -> Integer.toString(date.getYear());
        };
        rangeLabel.setText(text);
    }

    // ------------------------------------------------------------------ calendars and ICS

    private void editCalendar(CalendarInfo existing) {
        new CalendarEditor(vm, existing, workspace.loader(), root).show();
    }

    private void importIcs() {
        List<CalendarInfo> targets = vm.writableCalendars();
        if (targets.isEmpty()) {
            return;
        }
        if (targets.size() == 1) {
            importInto(targets.getFirst());
            return;
        }
        // A dialog of our own: ChoiceDialog shows the items' toString() and cannot be given a converter.
        javafx.scene.control.ComboBox<CalendarInfo> box = new javafx.scene.control.ComboBox<>();
        box.setId("calendar-import-target");
        box.getItems().setAll(targets);
        box.setValue(targets.getFirst());
        box.setMaxWidth(Double.MAX_VALUE);
        box.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(CalendarInfo c) {
                return c == null ? "" : c.ownedBy(vm.user().userId()) ? c.name()
                        : messages.get("calendar.import.otherCalendar", c.name(), c.ownerName());
            }

            @Override
            public CalendarInfo fromString(String s) {
                return null;
            }
        });
        javafx.scene.control.Dialog<CalendarInfo> choose = new javafx.scene.control.Dialog<>();
        choose.setTitle(messages.get("calendar.import.title"));
        choose.setHeaderText(messages.get("calendar.import.choose"));
        choose.initOwner(root.getScene().getWindow());
        choose.getDialogPane().getStylesheets().setAll(root.getScene().getStylesheets());
        choose.getDialogPane().setContent(box);
        choose.getDialogPane().setPrefWidth(460);
        var ok = new javafx.scene.control.ButtonType(messages.get("calendar.import.next"), javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        choose.getDialogPane().getButtonTypes().setAll(ok, javafx.scene.control.ButtonType.CANCEL);
        choose.getDialogPane().lookupButton(ok).setId("calendar-import-next");
        choose.setResultConverter(b -> b == ok ? box.getValue() : null);
        choose.resultProperty().addListener((obs, old, chosen) -> {
            if (chosen != null) {
                Platform.runLater(() -> importInto(chosen));
            }
        });
        choose.show();
    }

    private void importInto(CalendarInfo target) {
        var filter = new FileChooser.ExtensionFilter(messages.get("calendar.ics.files"), "*.ics", "*.ical", "*.ifb");
        java.nio.file.Path file = files.get().open(root.getScene().getWindow(),
                messages.get("calendar.import.titleInto", target.name()), List.of(filter));
        if (file != null) {
            vm.importIcs(target.id(), file, result -> { });
        }
    }

    private void exportIcs() {
        List<UUID> shown = vm.calendars().stream().filter(c -> c.visible() && !c.access().busyOnly()).map(CalendarInfo::id).toList();
        exportCalendars(shown, messages.get("calendar.export.defaultName"));
    }

    private void exportCalendars(List<UUID> ids, String name) {
        if (ids.isEmpty()) {
            return;
        }
        var filter = new FileChooser.ExtensionFilter(messages.get("calendar.ics.files"), "*.ics");
        java.nio.file.Path file = files.get().save(root.getScene().getWindow(), messages.get("calendar.export.title"),
                name.replaceAll("[^\\p{L}\\p{N} _-]", "").strip() + ".ics", List.of(filter));
        if (file != null) {
            vm.exportIcs(ids, file);
        }
    }

    // ------------------------------------------------------------------ banner

    private void showBanner(String text, boolean error) {
        bannerText.setText(text);
        banner.getStyleClass().removeAll("banner-error", "banner-info");
        banner.getStyleClass().add(error ? "banner-error" : "banner-info");
        banner.setVisible(true);
        banner.setManaged(true);
        if (error) {
            noticeTimer.stop();
        } else {
            noticeTimer.playFromStart();
        }
    }

    private void hideBanner() {
        banner.setVisible(false);
        banner.setManaged(false);
        vm.errorProperty().set("");
        vm.noticeProperty().set("");
    }

    // ------------------------------------------------------------------ lifecycle

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void onActivate() {
        bindings = javafx.util.Subscription.combine(
                vm.calendars().subscribe(this::renderCalendars),
                vm.occurrences().subscribe(this::renderEntries),
                vm.tasks().subscribe(this::renderEntries),
                vm.errorProperty().subscribe(t -> {
                    if (t != null && !t.isBlank()) {
                        showBanner(t, true);
                    }
                }),
                vm.noticeProperty().subscribe(t -> {
                    if (t != null && !t.isBlank()) {
                        showBanner(t, false);
                    }
                }));
        renderCalendars();
        renderEntries();
        if (!started) {
            started = true;
            vm.start();
            // Open the day and week views at working hours rather than midnight, once they are laid out.
            PauseTransition settle = new PauseTransition(Duration.millis(300));
            settle.setOnFinished(e -> scrollToWorkingHours());
            settle.play();
        } else {
            vm.reload();
        }
    }

    @Override
    public void onDeactivate() {
        bindings.unsubscribe();
        bindings = javafx.util.Subscription.EMPTY;
    }
}
