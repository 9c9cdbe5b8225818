package org.deskcrm.calendar.ui;

import java.text.NumberFormat;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.deskcrm.booking.AvailabilityException;
import org.deskcrm.booking.AvailabilityWindow;
import org.deskcrm.booking.BookingType;
import org.deskcrm.booking.Slot;
import org.deskcrm.booking.WeeklyHours;
import org.deskcrm.ui.fx.View;
import org.deskcrm.ui.i18n.Messages;
import org.deskcrm.ui.shell.Workspace;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * The booking tab: booking types on the left; on the right, finding free slots of the chosen
 * type and booking one, and the user's working hours, date exceptions and minimum notice.
 */
final class BookingPane implements View {
    private enum ExceptionKind { DAY_OFF, BLOCKED, HOURS }

    private final BookingViewModel vm;
    private final Workspace workspace;
    private final Messages messages;
    private final Parent root;
    private final Map<DayOfWeek, VBox> dayWindows = new EnumMap<>(DayOfWeek.class);
    private final Map<DayOfWeek, CheckBox> dayChecks = new EnumMap<>(DayOfWeek.class);
    private javafx.util.Subscription bindings = javafx.util.Subscription.EMPTY;

    @FXML private Button newTypeButton;
    @FXML private ListView<BookingType> typeList;
    @FXML private Button editTypeButton;
    @FXML private Button deleteTypeButton;
    @FXML private HBox banner;
    @FXML private Label bannerText;
    @FXML private Button bannerClose;
    @FXML private TabPane innerTabs;
    @FXML private Label typeTitle;
    @FXML private Label typeSummary;
    @FXML private DatePicker fromDate;
    @FXML private DatePicker toDate;
    @FXML private Button findButton;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Label slotsInfo;
    @FXML private VBox slotDays;
    @FXML private ComboBox<String> hoursZone;
    @FXML private Spinner<Integer> noticeHours;
    @FXML private GridPane weekGrid;
    @FXML private Button saveHoursButton;
    @FXML private VBox exceptionRows;
    @FXML private DatePicker exceptionDate;
    @FXML private ComboBox<ExceptionKind> exceptionKind;
    @FXML private ComboBox<String> exceptionStart;
    @FXML private ComboBox<String> exceptionEnd;
    @FXML private TextField exceptionReason;
    @FXML private Button addExceptionButton;

    BookingPane(BookingViewModel vm, Workspace workspace) {
        this.vm = vm;
        this.workspace = workspace;
        this.messages = workspace.messages();
        this.root = workspace.loader().load(this);
    }

    @FXML
    private void initialize() {
        typeList.setItems(vm.types());
        typeList.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(BookingType t, boolean empty) {
                super.updateItem(t, empty);
                if (empty || t == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                Region dot = new Region();
                dot.getStyleClass().add("calendar-dot");
                dot.setStyle("-fx-background-color: " + CalendarColors.drawnColor(t.color()) + ";");
                Label name = new Label(t.name());
                name.getStyleClass().add("booking-type-name");
                Label info = new Label(summaryLine(t));
                info.getStyleClass().add("muted");
                VBox text = new VBox(1, name, info);
                // An admin sees everyone's types, often with the same names: say whose they are.
                if (!t.ownerId().equals(vm.user().userId())) {
                    Label owner = new Label(messages.get("calendar.booking.ownedBy", t.ownerName()));
                    owner.getStyleClass().add("muted");
                    text.getChildren().add(owner);
                }
                if (!t.active()) {
                    Label off = new Label(messages.get("calendar.booking.inactive"));
                    off.getStyleClass().addAll("tag-chip", "inactive-chip");
                    text.getChildren().add(off);
                }
                HBox box = new HBox(10, dot, text);
                box.setAlignment(Pos.CENTER_LEFT);
                setGraphic(box);
                setText(null);
            }
        });
        typeList.getSelectionModel().selectedItemProperty().subscribe(t -> {
            if (t != null && t != vm.selectedProperty().get()) {
                vm.selectedProperty().set(t);
            }
        });
        vm.selectedProperty().subscribe(t -> {
            if (t != null && typeList.getSelectionModel().getSelectedItem() != t) {
                typeList.getSelectionModel().select(t);
            }
            showType(t);
            vm.slots().clear();
            vm.searchedProperty().set(false);
            renderSlots();
        });
        newTypeButton.setGraphic(new FontIcon(Material2AL.ADD));
        newTypeButton.setVisible(vm.canManageTypes());
        newTypeButton.setOnAction(e -> new BookingTypeEditor(vm, null, workspace.loader(), root).show());
        editTypeButton.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> !vm.mayEdit(vm.selectedProperty().get()), vm.selectedProperty()));
        deleteTypeButton.disableProperty().bind(editTypeButton.disableProperty());
        editTypeButton.setOnAction(e -> new BookingTypeEditor(vm, vm.selectedProperty().get(), workspace.loader(), root).show());
        deleteTypeButton.setOnAction(e -> {
            BookingType t = vm.selectedProperty().get();
            Dialogs.confirm(root, messages, messages.get("calendar.booking.deleteTitle"),
                    messages.get("calendar.booking.deleteText", t.name()), () -> vm.deleteType(t));
        });

        fromDate.valueProperty().bindBidirectional(vm.fromProperty());
        toDate.valueProperty().bindBidirectional(vm.toProperty());
        findButton.disableProperty().bind(vm.selectedProperty().isNull().or(vm.busyProperty()));
        findButton.setOnAction(e -> vm.findSlots());
        busyIndicator.visibleProperty().bind(vm.busyProperty());

        bannerClose.setGraphic(new FontIcon(Material2AL.CLOSE));
        bannerClose.setOnAction(e -> {
            vm.errorProperty().set("");
            vm.noticeProperty().set("");
        });

        hoursZone.getItems().setAll(new TreeSet<>(ZoneId.getAvailableZoneIds()).stream().filter(z -> z.contains("/")).toList());
        noticeHours.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 24 * 60, 4));
        buildWeekGrid();
        saveHoursButton.setDisable(!vm.canEditHours());
        saveHoursButton.setOnAction(e -> saveHours());

        exceptionKind.getItems().setAll(ExceptionKind.values());
        exceptionKind.setConverter(new StringConverter<>() {
            @Override
            public String toString(ExceptionKind k) {
                return k == null ? "" : messages.get("calendar.exceptions.kind." + k.name().toLowerCase(java.util.Locale.ROOT));
            }

            @Override
            public ExceptionKind fromString(String s) {
                return null;
            }
        });
        exceptionKind.setValue(ExceptionKind.DAY_OFF);
        exceptionStart.getItems().setAll(TimeChoices.quarters());
        exceptionEnd.getItems().setAll(TimeChoices.quarters());
        exceptionStart.setValue("09:00");
        exceptionEnd.setValue("12:00");
        exceptionKind.valueProperty().subscribe(k -> {
            exceptionStart.setDisable(k == ExceptionKind.DAY_OFF);
            exceptionEnd.setDisable(k == ExceptionKind.DAY_OFF);
        });
        exceptionDate.setValue(vm.fromProperty().get());
        addExceptionButton.setDisable(!vm.canEditHours());
        addExceptionButton.setOnAction(e -> addException());
    }

    // ------------------------------------------------------------------ find and book

    private void showType(BookingType t) {
        if (t == null) {
            typeTitle.setText(messages.get(vm.types().isEmpty() ? "calendar.booking.noTypes" : "calendar.booking.pickType"));
            typeSummary.setText("");
            return;
        }
        typeTitle.setText(t.name());
        List<String> parts = new ArrayList<>();
        parts.add(summaryLine(t));
        if (t.bufferBeforeMinutes() > 0 || t.bufferAfterMinutes() > 0) {
            parts.add(messages.get("calendar.booking.buffers", t.bufferBeforeMinutes(), t.bufferAfterMinutes()));
        }
        if (t.location() != null) {
            parts.add(t.location());
        }
        if (t.meetingUrl() != null) {
            parts.add(t.meetingUrl());
        }
        if (!t.questions().isEmpty()) {
            parts.add(messages.get("calendar.booking.asks", t.questions().stream().map(q -> q.label()).collect(
                    java.util.stream.Collectors.joining(messages.get("calendar.booking.asksSeparator")))));
        }
        if (!t.ownerId().equals(vm.user().userId())) {
            parts.add(messages.get("calendar.booking.ownedBy", t.ownerName()));
        }
        typeSummary.setText(String.join(" · ", parts));
    }

    private String summaryLine(BookingType t) {
        String price;
        if (t.price() == null || t.price().signum() == 0) {
            price = messages.get("calendar.type.free");
        } else {
            NumberFormat f = NumberFormat.getCurrencyInstance(messages.getLocale());
            try {
                f.setCurrency(Currency.getInstance(t.currency()));
            } catch (RuntimeException ignored) {
                // unknown currency code: the amount alone
            }
            price = f.format(t.price());
        }
        return messages.get("calendar.booking.summary", t.durationMinutes(), price);
    }

    private void renderSlots() {
        slotDays.getChildren().clear();
        BookingType type = vm.selectedProperty().get();
        if (!vm.searchedProperty().get() || type == null) {
            slotsInfo.setText(type == null ? "" : messages.get("calendar.booking.hint"));
            return;
        }
        ZoneId shown = workspace.zone();
        ZoneId theirs = vm.slotZoneProperty().get();
        slotsInfo.setText(vm.slots().isEmpty() ? messages.get("calendar.booking.noSlots")
                : messages.get("calendar.booking.slotsFound", vm.slots().size(), shown.getId())
                        + (theirs != null && !theirs.equals(shown) ? " " + messages.get("calendar.booking.ownerZone", theirs.getId()) : ""));
        Map<LocalDate, List<Slot>> byDay = new LinkedHashMap<>();
        for (Slot s : vm.slots()) {
            byDay.computeIfAbsent(s.start().withZoneSameInstant(shown).toLocalDate(), k -> new ArrayList<>()).add(s);
        }
        DateTimeFormatter dayFormat = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(messages.getLocale());
        int index = 0;
        for (Map.Entry<LocalDate, List<Slot>> day : byDay.entrySet()) {
            Label heading = new Label(day.getKey().format(dayFormat));
            heading.getStyleClass().add("slot-day");
            FlowPane times = new FlowPane(8, 8);
            for (Slot s : day.getValue()) {
                Button b = new Button(TimeChoices.format(s.start().withZoneSameInstant(shown).toLocalTime()));
                b.setId("booking-slot-" + index++);
                b.getStyleClass().add("slot-button");
                b.setDisable(!vm.canBook());
                b.setOnAction(e -> new BookDialog(vm, type, s, workspace.loader(), root).show());
                times.getChildren().add(b);
            }
            slotDays.getChildren().add(new VBox(6, heading, times));
        }
    }

    // ------------------------------------------------------------------ working hours

    private void buildWeekGrid() {
        int row = 0;
        for (DayOfWeek d : DayOfWeek.values()) {
            CheckBox check = new CheckBox(d.getDisplayName(TextStyle.FULL, messages.getLocale()));
            check.setId("hours-day-" + d.name().toLowerCase(java.util.Locale.ROOT));
            check.setMinWidth(130);
            VBox windows = new VBox(4);
            Hyperlink add = new Hyperlink(messages.get("calendar.hours.addWindow"));
            add.setOnAction(e -> {
                windows.getChildren().add(windowRow(d, windows, LocalTime.of(13, 0), LocalTime.of(17, 0)));
                check.setSelected(true);
            });
            check.selectedProperty().subscribe(on -> {
                windows.setDisable(!on);
                if (on && windows.getChildren().isEmpty()) {
                    windows.getChildren().add(windowRow(d, windows, LocalTime.of(9, 0), LocalTime.of(17, 0)));
                }
            });
            dayChecks.put(d, check);
            dayWindows.put(d, windows);
            weekGrid.add(check, 0, row);
            weekGrid.add(windows, 1, row);
            weekGrid.add(add, 2, row);
            row++;
        }
    }

    private HBox windowRow(DayOfWeek day, VBox owner, LocalTime start, LocalTime end) {
        ComboBox<String> from = timeBox(start);
        ComboBox<String> to = timeBox(end);
        String id = "hours-" + day.name().toLowerCase(java.util.Locale.ROOT) + "-";
        int n = owner.getChildren().size();
        from.setId(id + "from-" + n);
        to.setId(id + "to-" + n);
        Button remove = new Button();
        remove.setId(id + "remove-" + n);
        remove.setGraphic(new FontIcon(Material2AL.CLOSE));
        remove.getStyleClass().add("flat");
        HBox row = new HBox(6, from, new Label("–"), to, remove);
        row.setAlignment(Pos.CENTER_LEFT);
        remove.setOnAction(e -> owner.getChildren().remove(row));
        return row;
    }

    private ComboBox<String> timeBox(LocalTime t) {
        ComboBox<String> box = new ComboBox<>();
        box.setEditable(true);
        box.getItems().setAll(TimeChoices.quarters());
        box.setValue(TimeChoices.format(t));
        box.setPrefWidth(92);
        return box;
    }

    private void renderHours() {
        WeeklyHours h = vm.hoursProperty().get();
        if (h == null) {
            return;
        }
        hoursZone.setValue(h.zone().getId());
        for (DayOfWeek d : DayOfWeek.values()) {
            VBox windows = dayWindows.get(d);
            windows.getChildren().clear();
            for (AvailabilityWindow w : h.windows()) {
                if (w.weekday() == d) {
                    windows.getChildren().add(windowRow(d, windows, w.start(), w.end()));
                }
            }
            CheckBox check = dayChecks.get(d);
            boolean on = !windows.getChildren().isEmpty();
            check.setSelected(on);
            windows.setDisable(!on);
        }
        noticeHours.getValueFactory().setValue(Math.round(vm.noticeMinutesProperty().get() / 60f));
    }

    @SuppressWarnings("unchecked")
    private void saveHours() {
        List<AvailabilityWindow> windows = new ArrayList<>();
        try {
            for (DayOfWeek d : DayOfWeek.values()) {
                if (!dayChecks.get(d).isSelected()) {
                    continue;
                }
                for (var node : dayWindows.get(d).getChildren()) {
                    HBox row = (HBox) node;
                    LocalTime s = TimeChoices.parse(((ComboBox<String>) row.getChildren().get(0)).getEditor().getText());
                    LocalTime e = TimeChoices.parse(((ComboBox<String>) row.getChildren().get(2)).getEditor().getText());
                    windows.add(new AvailabilityWindow(d, s, e));
                }
            }
        } catch (DateTimeParseException e) {
            vm.errorProperty().set(messages.get("calendar.editor.badTime", e.getParsedString()));
            return;
        }
        ZoneId zone;
        try {
            String z = hoursZone.getEditor().getText();
            zone = ZoneId.of(z == null || z.isBlank() ? hoursZone.getValue() : z.strip());
        } catch (RuntimeException e) {
            vm.errorProperty().set(messages.get("calendar.editor.badZone", hoursZone.getEditor().getText()));
            return;
        }
        Integer notice = noticeHours.getValue();
        vm.saveHours(new WeeklyHours(zone, windows), (notice == null ? 0 : notice) * 60, () -> { });
    }

    private void renderExceptions() {
        exceptionRows.getChildren().clear();
        if (vm.exceptions().isEmpty()) {
            Label none = new Label(messages.get("calendar.exceptions.none"));
            none.getStyleClass().add("muted");
            exceptionRows.getChildren().add(none);
        }
        DateTimeFormatter f = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(messages.getLocale());
        for (AvailabilityException x : List.copyOf(vm.exceptions())) {
            String what = x.wholeDay() ? messages.get("calendar.exceptions.kind.day_off")
                    : messages.get(x.available() ? "calendar.exceptions.hoursText" : "calendar.exceptions.blockedText",
                            TimeChoices.format(x.start()), TimeChoices.format(x.end()));
            Label text = new Label(x.date().format(f) + " · " + what + (x.reason() == null ? "" : " · " + x.reason()));
            text.setMaxWidth(Double.MAX_VALUE);
            javafx.scene.layout.HBox.setHgrow(text, javafx.scene.layout.Priority.ALWAYS);
            Button remove = new Button();
            remove.setGraphic(new FontIcon(Material2AL.DELETE));
            remove.getStyleClass().add("flat");
            remove.setDisable(!vm.canEditHours());
            remove.setOnAction(e -> vm.removeException(x));
            HBox row = new HBox(8, text, remove);
            row.setAlignment(Pos.CENTER_LEFT);
            row.getStyleClass().add("exception-row");
            exceptionRows.getChildren().add(row);
        }
    }

    private void addException() {
        LocalDate date = exceptionDate.getValue();
        ExceptionKind kind = exceptionKind.getValue();
        String reason = exceptionReason.getText() == null || exceptionReason.getText().isBlank() ? null : exceptionReason.getText().strip();
        AvailabilityException x;
        try {
            x = switch (kind) {
                case DAY_OFF -> AvailabilityException.dayOff(date, reason);
                case BLOCKED -> AvailabilityException.blocked(date, TimeChoices.parse(exceptionStart.getEditor().getText()),
                        TimeChoices.parse(exceptionEnd.getEditor().getText()), reason);
                case HOURS -> AvailabilityException.hours(date, TimeChoices.parse(exceptionStart.getEditor().getText()),
                        TimeChoices.parse(exceptionEnd.getEditor().getText()), reason);
            };
        } catch (DateTimeParseException e) {
            vm.errorProperty().set(messages.get("calendar.editor.badTime", e.getParsedString()));
            return;
        }
        vm.addException(x, exceptionReason::clear);
    }

    private void renderBanner() {
        String err = vm.errorProperty().get();
        String note = vm.noticeProperty().get();
        boolean show = err != null && !err.isBlank() || note != null && !note.isBlank();
        banner.setVisible(show);
        banner.setManaged(show);
        banner.getStyleClass().removeAll("banner-error", "banner-info");
        if (err != null && !err.isBlank()) {
            bannerText.setText(err);
            banner.getStyleClass().add("banner-error");
        } else if (show) {
            bannerText.setText(note);
            banner.getStyleClass().add("banner-info");
        }
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void onActivate() {
        bindings.unsubscribe();
        bindings = javafx.util.Subscription.combine(
                vm.slots().subscribe(this::renderSlots),
                vm.searchedProperty().subscribe(this::renderSlots),
                vm.hoursProperty().subscribe(this::renderHours),
                vm.exceptions().subscribe(this::renderExceptions),
                vm.errorProperty().subscribe(this::renderBanner),
                vm.noticeProperty().subscribe(this::renderBanner),
                vm.types().subscribe(() -> showType(vm.selectedProperty().get())));
        renderSlots();
        renderExceptions();
        renderBanner();
        vm.load();
    }

    @Override
    public void onDeactivate() {
        bindings.unsubscribe();
        bindings = javafx.util.Subscription.EMPTY;
    }
}
