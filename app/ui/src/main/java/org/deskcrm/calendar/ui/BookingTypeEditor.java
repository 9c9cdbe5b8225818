package org.deskcrm.calendar.ui;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.StringConverter;
import org.deskcrm.booking.BookingQuestion;
import org.deskcrm.booking.BookingType;
import org.deskcrm.booking.BookingTypeDraft;
import org.deskcrm.calendar.CalendarInfo;
import org.deskcrm.calendar.CalendarService;
import org.deskcrm.ui.fx.ViewLoader;
import org.deskcrm.ui.i18n.Messages;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/** Creates or changes a booking type: length, buffers, color, place, price, target calendar, questions. */
final class BookingTypeEditor {
    private final BookingViewModel vm;
    private final BookingType existing;
    private final Messages messages;
    private final Stage stage;
    private final ToggleGroup colors = new ToggleGroup();
    private final List<QuestionRow> questionEditors = new ArrayList<>();

    @FXML private Label heading;
    @FXML private TextField nameField;
    @FXML private TextField slugField;
    @FXML private Spinner<Integer> durationSpinner;
    @FXML private Spinner<Integer> beforeSpinner;
    @FXML private Spinner<Integer> afterSpinner;
    @FXML private HBox palette;
    @FXML private TextField locationField;
    @FXML private TextField urlField;
    @FXML private TextField priceField;
    @FXML private TextField currencyField;
    @FXML private ComboBox<CalendarInfo> calendarBox;
    @FXML private TextArea descriptionArea;
    @FXML private VBox questionRows;
    @FXML private Hyperlink addQuestion;
    @FXML private CheckBox activeBox;
    @FXML private Label errorLabel;
    @FXML private Button cancelButton;
    @FXML private Button saveButton;

    private record QuestionRow(HBox node, TextField label, ComboBox<BookingQuestion.Kind> kind, CheckBox required, TextField options,
            String key) {}

    BookingTypeEditor(BookingViewModel vm, BookingType existing, ViewLoader loader, Node owner) {
        this.vm = vm;
        this.existing = existing;
        this.messages = loader.messages();
        Parent root = loader.load(this);
        this.stage = Dialogs.stage(owner, heading.getText(), root);
    }

    void show() {
        stage.show();
        nameField.requestFocus();
    }

    @FXML
    private void initialize() {
        heading.setText(messages.get(existing == null ? "calendar.type.new" : "calendar.type.edit"));
        BookingTypeDraft d = existing == null ? BookingTypeDraft.simple("", 30) : existing.toDraft();
        nameField.setText(d.name());
        slugField.setText(d.slug() == null ? "" : d.slug());
        durationSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(5, 24 * 60, d.durationMinutes(), 5));
        beforeSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 240, d.bufferBeforeMinutes(), 5));
        afterSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 240, d.bufferAfterMinutes(), 5));
        String current = CalendarColors.drawnColor(d.color() == null ? CalendarService.PALETTE.get(0) : d.color());
        int i = 0;
        for (String hex : CalendarService.PALETTE) {
            ToggleButton swatch = new ToggleButton();
            swatch.setId("type-color-" + i++);
            swatch.setUserData(hex);
            swatch.setToggleGroup(colors);
            swatch.getStyleClass().add("color-swatch");
            swatch.setStyle("-fx-background-color: " + hex + ";");
            swatch.setSelected(hex.equalsIgnoreCase(current));
            palette.getChildren().add(swatch);
        }
        locationField.setText(d.location() == null ? "" : d.location());
        urlField.setText(d.meetingUrl() == null ? "" : d.meetingUrl());
        priceField.setText(d.price() == null ? "" : plain(d.price()));
        currencyField.setText(d.currency() == null ? "" : d.currency());
        calendarBox.getItems().add(null);
        calendarBox.getItems().addAll(vm.ownCalendars());
        calendarBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(CalendarInfo c) {
                return c == null ? messages.get("calendar.type.defaultCalendar") : c.name();
            }

            @Override
            public CalendarInfo fromString(String s) {
                return null;
            }
        });
        calendarBox.setValue(d.calendarId() == null ? null
                : vm.ownCalendars().stream().filter(c -> c.id().equals(d.calendarId())).findFirst().orElse(null));
        descriptionArea.setText(d.description() == null ? "" : d.description());
        d.questions().forEach(this::addQuestionRow);
        addQuestion.setOnAction(e -> addQuestionRow(new BookingQuestion(null, "", BookingQuestion.Kind.TEXT, false, List.of())));
        activeBox.setSelected(d.active());
        errorLabel.setText("");
        cancelButton.setOnAction(e -> stage.close());
        saveButton.setOnAction(e -> save());
    }

    /** 120.5000 from the database reads 120.50; 0.125 keeps its digits. */
    static String plain(BigDecimal amount) {
        BigDecimal s = amount.stripTrailingZeros();
        return (s.scale() < 2 ? s.setScale(2) : s).toPlainString();
    }

    private void addQuestionRow(BookingQuestion q) {
        TextField label = new TextField(q.label());
        label.setPromptText(messages.get("calendar.type.questionPrompt"));
        HBox.setHgrow(label, Priority.ALWAYS);
        ComboBox<BookingQuestion.Kind> kind = new ComboBox<>();
        kind.getItems().setAll(BookingQuestion.Kind.values());
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(BookingQuestion.Kind k) {
                return k == null ? "" : messages.get("calendar.type.kind." + k.jsonName());
            }

            @Override
            public BookingQuestion.Kind fromString(String s) {
                return null;
            }
        });
        kind.setValue(q.kind());
        CheckBox required = new CheckBox(messages.get("calendar.type.required"));
        required.setSelected(q.required());
        TextField options = new TextField(String.join(", ", q.options()));
        options.setPromptText(messages.get("calendar.type.optionsPrompt"));
        options.visibleProperty().bind(kind.valueProperty().isEqualTo(BookingQuestion.Kind.CHOICE));
        options.managedProperty().bind(options.visibleProperty());
        Button remove = new Button();
        remove.setGraphic(new FontIcon(Material2AL.CLOSE));
        remove.getStyleClass().add("flat");
        // The question gets the whole width; its kind, "required" and remove go on the line below.
        label.setMaxWidth(Double.MAX_VALUE);
        kind.setMinWidth(Region.USE_PREF_SIZE);
        required.setMinWidth(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox row = new HBox(8, kind, required, gap, remove);
        row.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(4, label, row, options);
        box.getStyleClass().add("booking-question");
        String id = "type-question-" + questionRows.getChildren().size() + "-";
        label.setId(id + "label");
        kind.setId(id + "kind");
        required.setId(id + "required");
        options.setId(id + "options");
        remove.setId(id + "remove");
        QuestionRow editor = new QuestionRow(row, label, kind, required, options, q.key());
        questionEditors.add(editor);
        questionRows.getChildren().add(box);
        remove.setOnAction(e -> {
            questionEditors.remove(editor);
            questionRows.getChildren().remove(box);
        });
    }

    private void save() {
        BigDecimal price = null;
        String priceText = priceField.getText() == null ? "" : priceField.getText().strip().replace(',', '.');
        if (!priceText.isEmpty()) {
            try {
                price = new BigDecimal(priceText);
            } catch (NumberFormatException e) {
                errorLabel.setText(messages.get("calendar.type.badPrice", priceField.getText()));
                return;
            }
        }
        List<BookingQuestion> questions = new ArrayList<>();
        for (QuestionRow r : questionEditors) {
            List<String> options = r.kind().getValue() == BookingQuestion.Kind.CHOICE
                    ? Arrays.stream(r.options().getText().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()
                    : List.of();
            questions.add(new BookingQuestion(r.key(), r.label().getText(), r.kind().getValue(), r.required().isSelected(), options));
        }
        String color = colors.getSelectedToggle() == null ? null : (String) colors.getSelectedToggle().getUserData();
        var draft = new BookingTypeDraft(nameField.getText(), slugField.getText(), descriptionArea.getText(),
                durationSpinner.getValue(), beforeSpinner.getValue(), afterSpinner.getValue(), color, locationField.getText(),
                urlField.getText(), price, currencyField.getText(), questions, activeBox.isSelected(),
                calendarBox.getValue() == null ? null : calendarBox.getValue().id());
        saveButton.setDisable(true);
        vm.saveType(existing, draft, stage::close, message -> {
            errorLabel.setText(message);
            saveButton.setDisable(false);
        });
    }
}
