package org.deskcrm.calendar.ui;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.collections.MapChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import org.deskcrm.importexport.ui.FileDialogs;
import javafx.stage.Stage;
import javafx.util.StringConverter;
import org.deskcrm.calendar.Attendee;
import org.deskcrm.calendar.CalendarInfo;
import org.deskcrm.calendar.EditScope;
import org.deskcrm.calendar.EventStatus;
import org.deskcrm.calendar.LinkedRecord;
import org.deskcrm.calendar.ui.EventEditorViewModel.Ends;
import org.deskcrm.calendar.ui.EventEditorViewModel.Repeat;
import org.deskcrm.ui.fx.ViewLoader;
import org.deskcrm.ui.i18n.Messages;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/** The event form window: binds the fields to {@link EventEditorViewModel} and asks the scope for recurring events. */
final class EventEditor {
    private final EventEditorViewModel vm;
    private final CalendarViewModel calendar;
    private final Messages messages;
    private final Parent root;
    private final Stage stage;
    private final Consumer<Boolean> onClosed;
    private final java.util.function.Supplier<FileDialogs> files;
    private boolean saved;

    @FXML private Region colorDot;
    @FXML private TextField titleField;
    @FXML private GridPane form;
    @FXML private ComboBox<CalendarInfo> calendarBox;
    @FXML private DatePicker startDate;
    @FXML private ComboBox<String> startTime;
    @FXML private DatePicker endDate;
    @FXML private ComboBox<String> endTime;
    @FXML private CheckBox allDay;
    @FXML private ComboBox<String> zoneBox;
    @FXML private Label whenError;
    @FXML private ComboBox<Repeat> repeatBox;
    @FXML private HBox intervalBox;
    @FXML private Spinner<Integer> intervalSpinner;
    @FXML private Label intervalUnit;
    @FXML private HBox weekdaysBox;
    @FXML private HBox endsBox;
    @FXML private ComboBox<Ends> endsChoice;
    @FXML private DatePicker untilDate;
    @FXML private Spinner<Integer> countSpinner;
    @FXML private Label countUnit;
    @FXML private Label customRuleLabel;
    @FXML private Label seriesNote;
    @FXML private ComboBox<EventStatus> statusBox;
    @FXML private TextField locationField;
    @FXML private TextField urlField;
    @FXML private StackPane companySlot;
    @FXML private StackPane contactSlot;
    @FXML private StackPane dealSlot;
    @FXML private FlowPane guestChips;
    @FXML private TextField guestEmail;
    @FXML private Button addGuest;
    @FXML private MenuButton addColleague;
    @FXML private StackPane guestContactSlot;
    @FXML private FlowPane reminderChips;
    @FXML private ComboBox<Integer> reminderAdd;
    @FXML private TextArea descriptionArea;
    @FXML private Label errorLabel;
    @FXML private Button deleteButton;
    @FXML private Button exportButton;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Button cancelButton;
    @FXML private Button saveButton;

    /**
     * @param onClosed told whether the event was saved (or deleted) when the window closes
     */
    EventEditor(EventEditorViewModel vm, CalendarViewModel calendar, ViewLoader loader, java.util.function.Supplier<FileDialogs> files,
            Node owner, Consumer<Boolean> onClosed) {
        this.vm = vm;
        this.files = files;
        this.calendar = calendar;
        this.messages = loader.messages();
        this.onClosed = onClosed;
        this.root = loader.load(this);
        this.stage = Dialogs.stage(owner, messages.get(vm.isNew() ? "calendar.editor.newTitle" : "calendar.editor.editTitle"), root);
        stage.setOnHidden(e -> this.onClosed.accept(saved));
    }

    void show() {
        stage.show();
        titleField.requestFocus();
    }

    @FXML
    private void initialize() {
        titleField.textProperty().bindBidirectional(vm.titleProperty());
        calendarBox.getItems().setAll(vm.calendarChoices());
        calendarBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(CalendarInfo c) {
                return c == null ? "" : c.ownedBy(calendar.user().userId()) || c.name().equals(c.ownerName()) ? c.name()
                        : c.name() + " (" + c.ownerName() + ")";
            }

            @Override
            public CalendarInfo fromString(String s) {
                return null;
            }
        });
        calendarBox.valueProperty().bindBidirectional(vm.calendarProperty());
        colorDot.styleProperty().bind(Bindings.createStringBinding(() -> vm.calendarProperty().get() == null ? ""
                : "-fx-background-color: " + CalendarColors.drawnColor(vm.calendarProperty().get().color()) + ";",
                vm.calendarProperty()));

        startDate.valueProperty().bindBidirectional(vm.startDateProperty());
        endDate.valueProperty().bindBidirectional(vm.endDateProperty());
        startTime.getItems().setAll(TimeChoices.quarters());
        endTime.getItems().setAll(TimeChoices.quarters());
        startTime.getEditor().textProperty().bindBidirectional(vm.startTimeProperty());
        endTime.getEditor().textProperty().bindBidirectional(vm.endTimeProperty());
        startTime.valueProperty().subscribe(v -> {
            if (v != null) {
                vm.startTimeProperty().set(v);
            }
        });
        endTime.valueProperty().subscribe(v -> {
            if (v != null) {
                vm.endTimeProperty().set(v);
            }
        });
        allDay.selectedProperty().bindBidirectional(vm.allDayProperty());
        startTime.disableProperty().bind(vm.allDayProperty());
        endTime.disableProperty().bind(vm.allDayProperty());
        zoneBox.getItems().setAll(new TreeSet<>(ZoneId.getAvailableZoneIds()).stream().filter(z -> z.contains("/")).toList());
        zoneBox.getEditor().textProperty().bindBidirectional(vm.zoneProperty());
        zoneBox.valueProperty().subscribe(v -> {
            if (v != null) {
                vm.zoneProperty().set(v);
            }
        });
        zoneBox.disableProperty().bind(vm.allDayProperty());

        repeatBox.getItems().setAll(Repeat.values());
        repeatBox.setConverter(enumConverter("calendar.repeat."));
        repeatBox.valueProperty().bindBidirectional(vm.repeatProperty());
        intervalSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 99, vm.intervalProperty().get()));
        intervalSpinner.getValueFactory().valueProperty().subscribe(v -> vm.intervalProperty().set(v == null ? 1 : v));
        intervalUnit.textProperty().bind(Bindings.createStringBinding(() -> vm.repeatProperty().get() == null
                || vm.repeatProperty().get() == Repeat.NONE || vm.repeatProperty().get() == Repeat.CUSTOM ? ""
                : messages.get("calendar.unit." + vm.repeatProperty().get().name().toLowerCase(java.util.Locale.ROOT)),
                vm.repeatProperty()));
        for (DayOfWeek d : DayOfWeek.values()) {
            ToggleButton b = new ToggleButton(d.getDisplayName(TextStyle.SHORT, messages.getLocale()));
            b.setId("event-weekday-" + d.name().toLowerCase(java.util.Locale.ROOT));
            b.getStyleClass().add("weekday-toggle");
            b.setSelected(vm.weekdays().contains(d));
            b.selectedProperty().subscribe(sel -> {
                if (sel) {
                    vm.weekdays().add(d);
                } else {
                    vm.weekdays().remove(d);
                }
            });
            weekdaysBox.getChildren().add(b);
        }
        endsChoice.getItems().setAll(Ends.values());
        endsChoice.setConverter(enumConverter("calendar.ends."));
        endsChoice.valueProperty().bindBidirectional(vm.endsProperty());
        untilDate.valueProperty().bindBidirectional(vm.untilProperty());
        countSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 999, vm.countProperty().get()));
        countSpinner.getValueFactory().valueProperty().subscribe(v -> vm.countProperty().set(v == null ? 1 : v));
        vm.repeatProperty().subscribe(r -> {
            boolean repeating = r != null && r != Repeat.NONE && r != Repeat.CUSTOM;
            show(intervalBox, repeating);
            show(weekdaysBox, r == Repeat.WEEKLY);
            show(endsBox, repeating);
            show(customRuleLabel, r == Repeat.CUSTOM);
        });
        vm.endsProperty().subscribe(e -> {
            show(untilDate, e == Ends.ON_DATE);
            show(countSpinner, e == Ends.AFTER);
            show(countUnit, e == Ends.AFTER);
        });
        customRuleLabel.textProperty().bind(Bindings.createStringBinding(
                () -> messages.get("calendar.editor.customRule", vm.customRuleProperty().get()), vm.customRuleProperty()));
        show(seriesNote, vm.existing() != null && vm.existing().isException());

        statusBox.getItems().setAll(EventStatus.values());
        statusBox.setConverter(enumConverter("calendar.status."));
        statusBox.valueProperty().bindBidirectional(vm.statusProperty());
        locationField.textProperty().bindBidirectional(vm.locationProperty());
        urlField.textProperty().bindBidirectional(vm.meetingUrlProperty());
        descriptionArea.textProperty().bindBidirectional(vm.descriptionProperty());

        companySlot.getChildren().add(picker("event-company", LinkedRecord.Type.COMPANY, vm.companyProperty()));
        contactSlot.getChildren().add(picker("event-contact", LinkedRecord.Type.CONTACT, vm.contactProperty()));
        dealSlot.getChildren().add(picker("event-deal", LinkedRecord.Type.DEAL, vm.dealProperty()));
        RecordPicker guestContact = new RecordPicker("event-guest-contact", messages.get("calendar.editor.guestContactPrompt"),
                (text, then) -> vm.search(LinkedRecord.Type.CONTACT, text, then));
        guestContact.valueProperty().subscribe(c -> {
            if (c != null) {
                vm.addContactGuest(c);
                guestContact.valueProperty().set(null);
            }
        });
        guestContactSlot.getChildren().add(guestContact);

        vm.attendees().subscribe(this::renderGuests);
        renderGuests();
        addGuest.setOnAction(e -> {
            if (vm.addGuest(guestEmail.getText())) {
                guestEmail.clear();
            }
        });
        guestEmail.setOnAction(e -> addGuest.fire());
        vm.colleagues().addListener((MapChangeListener<UUID, String>) c -> renderColleagues());
        renderColleagues();

        reminderAdd.getItems().setAll(EventEditorViewModel.REMINDER_CHOICES);
        reminderAdd.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer m) {
                return m == null ? "" : reminderText(m);
            }

            @Override
            public Integer fromString(String s) {
                return null;
            }
        });
        reminderAdd.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(Integer item, boolean empty) {
                super.updateItem(item, empty);
                setText(messages.get("calendar.editor.addReminder"));
            }
        });
        reminderAdd.valueProperty().subscribe(m -> {
            if (m != null) {
                vm.addReminder(m);
                javafx.application.Platform.runLater(() -> reminderAdd.getSelectionModel().clearSelection());
            }
        });
        vm.reminders().subscribe(this::renderReminders);
        renderReminders();

        errorLabel.textProperty().bind(vm.errorProperty());
        show(errorLabel, false);
        vm.errorProperty().subscribe(t -> show(errorLabel, t != null && !t.isBlank()));
        vm.fieldErrors().addListener((MapChangeListener<String, String>) c -> renderFieldErrors());
        busyIndicator.visibleProperty().bind(vm.busyProperty());
        form.disableProperty().bind(vm.editableProperty().not());
        titleField.editableProperty().bind(vm.editableProperty());
        saveButton.disableProperty().bind(vm.busyProperty().or(vm.editableProperty().not()));
        show(deleteButton, vm.canDelete());
        show(exportButton, !vm.isNew() && calendar.canExport());
        deleteButton.setOnAction(e -> delete());
        exportButton.setOnAction(e -> export());
        cancelButton.setOnAction(e -> stage.close());
        saveButton.setOnAction(e -> save());
    }

    private RecordPicker picker(String id, LinkedRecord.Type type, javafx.beans.property.ObjectProperty<LinkedRecord> target) {
        RecordPicker p = new RecordPicker(id, messages.get("calendar.editor.pick." + type.entityType()),
                (text, then) -> vm.search(type, text, then));
        p.valueProperty().bindBidirectional(target);
        return p;
    }

    private void renderGuests() {
        guestChips.getChildren().clear();
        for (Attendee a : List.copyOf(vm.attendees())) {
            guestChips.getChildren().add(chip(a.label(), a.organizer() ? null : () -> vm.attendees().remove(a)));
        }
    }

    private void renderColleagues() {
        addColleague.getItems().clear();
        for (Map.Entry<UUID, String> c : vm.colleagues().entrySet()) {
            if (c.getKey().equals(calendar.user().userId())) {
                continue;
            }
            MenuItem item = new MenuItem(c.getValue());
            item.setOnAction(e -> vm.addColleague(c.getKey()));
            addColleague.getItems().add(item);
        }
        addColleague.setDisable(addColleague.getItems().isEmpty());
    }

    private void renderReminders() {
        reminderChips.getChildren().clear();
        for (Integer m : List.copyOf(vm.reminders())) {
            reminderChips.getChildren().add(chip(reminderText(m), () -> vm.reminders().remove(m)));
        }
        if (vm.reminders().isEmpty()) {
            Label none = new Label(messages.get("calendar.editor.noReminders"));
            none.getStyleClass().add("muted");
            reminderChips.getChildren().add(none);
        }
    }

    private HBox chip(String text, Runnable remove) {
        Label label = new Label(text);
        HBox chip = new HBox(4, label);
        chip.getStyleClass().add("event-chip");
        chip.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        if (remove != null) {
            Button x = new Button();
            x.setGraphic(new FontIcon(Material2AL.CLOSE));
            x.getStyleClass().addAll("flat", "chip-remove");
            x.setOnAction(e -> remove.run());
            chip.getChildren().add(x);
        }
        return chip;
    }

    String reminderText(int minutes) {
        if (minutes == 0) {
            return messages.get("calendar.reminder.atStart");
        }
        if (minutes % (7 * 24 * 60) == 0) {
            return messages.get("calendar.reminder.weeks", minutes / (7 * 24 * 60));
        }
        if (minutes % (24 * 60) == 0) {
            return messages.get("calendar.reminder.days", minutes / (24 * 60));
        }
        if (minutes % 60 == 0) {
            return messages.get("calendar.reminder.hours", minutes / 60);
        }
        return messages.get("calendar.reminder.minutes", minutes);
    }

    private void renderFieldErrors() {
        String when = vm.fieldErrors().entrySet().stream()
                .filter(e -> List.of("start", "end", "zone", "recurrence").contains(e.getKey()))
                .map(Map.Entry::getValue).reduce((a, b) -> a + "\n" + b).orElse("");
        whenError.setText(when);
        show(whenError, !when.isBlank());
        titleField.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("danger"), vm.fieldErrors().containsKey("title"));
    }

    private void save() {
        if (vm.isRecurring() && !vm.ruleChanged() && !vm.isNew()) {
            Dialogs.askScope(root, messages, false, scope -> vm.save(scope, this::closeSaved));
        } else {
            vm.save(EditScope.ALL_OCCURRENCES, this::closeSaved);
        }
    }

    private void delete() {
        if (vm.isRecurring()) {
            Dialogs.askScope(root, messages, true, scope -> vm.delete(scope, this::closeSaved));
        } else {
            Dialogs.confirm(root, messages, messages.get("calendar.delete.title"),
                    messages.get("calendar.delete.text", vm.titleProperty().get()), () -> vm.delete(EditScope.ALL_OCCURRENCES, this::closeSaved));
        }
    }

    private void export() {
        var filter = new FileChooser.ExtensionFilter(messages.get("calendar.ics.files"), "*.ics");
        var file = files.get().save(stage, messages.get("calendar.export.title"),
                vm.titleProperty().get().replaceAll("[^\\p{L}\\p{N} _-]", "").strip() + ".ics", List.of(filter));
        if (file != null) {
            calendar.exportEvent(vm.existing().id(), file);
        }
    }

    private void closeSaved() {
        saved = true;
        stage.close();
    }

    private <E extends Enum<E>> StringConverter<E> enumConverter(String prefix) {
        return new StringConverter<>() {
            @Override
            public String toString(E e) {
                return e == null ? "" : messages.get(prefix + e.name().toLowerCase(java.util.Locale.ROOT));
            }

            @Override
            public E fromString(String s) {
                return null;
            }
        };
    }

    private static void show(Node node, boolean visible) {
        node.setVisible(visible);
        node.setManaged(visible);
    }

    Parent root() {
        return root;
    }
}
