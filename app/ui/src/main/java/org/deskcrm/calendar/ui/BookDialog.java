package org.deskcrm.calendar.ui;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.deskcrm.booking.BookingQuestion;
import org.deskcrm.booking.BookingRequest;
import org.deskcrm.booking.BookingType;
import org.deskcrm.booking.Slot;
import org.deskcrm.ui.fx.ViewLoader;
import org.deskcrm.ui.i18n.Messages;

/** Books one free slot for a guest: name, e-mail, phone, the CRM contact, the type's questions, notes. */
final class BookDialog {
    private final BookingViewModel vm;
    private final BookingType type;
    private final Slot slot;
    private final Messages messages;
    private final Stage stage;
    private final Map<String, Supplier<String>> answers = new LinkedHashMap<>();
    private RecordPicker contact;

    @FXML private Label heading;
    @FXML private Label when;
    @FXML private Label details;
    @FXML private TextField nameField;
    @FXML private TextField emailField;
    @FXML private TextField phoneField;
    @FXML private StackPane contactSlot;
    @FXML private VBox questions;
    @FXML private TextArea notesArea;
    @FXML private Label errorLabel;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Button cancelButton;
    @FXML private Button bookButton;

    BookDialog(BookingViewModel vm, BookingType type, Slot slot, ViewLoader loader, Node owner) {
        this.vm = vm;
        this.type = type;
        this.slot = slot;
        this.messages = loader.messages();
        Parent root = loader.load(this);
        this.stage = Dialogs.stage(owner, messages.get("calendar.book.title", type.name()), root);
    }

    void show() {
        stage.show();
        nameField.requestFocus();
    }

    @FXML
    private void initialize() {
        heading.setText(messages.get("calendar.book.title", type.name()));
        var zone = vm.workspace().zone();
        DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(messages.getLocale());
        when.setText(slot.start().withZoneSameInstant(zone).format(day) + ", "
                + TimeChoices.format(slot.start().withZoneSameInstant(zone).toLocalTime()) + " – "
                + TimeChoices.format(slot.end().withZoneSameInstant(zone).toLocalTime()));
        String place = type.location() != null ? type.location() : type.meetingUrl();
        details.setText(place == null ? messages.get("calendar.book.with", type.ownerName())
                : messages.get("calendar.book.details", type.ownerName(), place));
        contact = new RecordPicker("booking-contact", messages.get("calendar.book.contactPrompt"), vm::searchContacts);
        contactSlot.getChildren().add(contact);
        emailField.focusedProperty().subscribe(focused -> {
            if (!focused && contact.valueProperty().get() == null && emailField.getText() != null && !emailField.getText().isBlank()) {
                vm.contactByEmail(emailField.getText(), found -> {
                    if (found != null && contact.valueProperty().get() == null) {
                        contact.valueProperty().set(found);
                    }
                });
            }
        });
        contact.valueProperty().subscribe(c -> {
            if (c != null) {
                if (nameField.getText() == null || nameField.getText().isBlank()) {
                    nameField.setText(c.label());
                }
                if ((emailField.getText() == null || emailField.getText().isBlank()) && c.email() != null) {
                    emailField.setText(c.email());
                }
            }
        });
        int i = 0;
        for (BookingQuestion q : type.questions()) {
            Label label = new Label(q.label() + (q.required() ? " *" : ""));
            questions.getChildren().add(label);
            String id = "booking-answer-" + i++;
            switch (q.kind()) {
                case CHOICE -> {
                    ComboBox<String> box = new ComboBox<>();
                    box.setId(id);
                    box.getItems().setAll(q.options());
                    box.setMaxWidth(Double.MAX_VALUE);
                    questions.getChildren().add(box);
                    answers.put(q.key(), box::getValue);
                }
                case LONG_TEXT -> {
                    TextArea area = new TextArea();
                    area.setId(id);
                    area.setPrefRowCount(3);
                    area.setWrapText(true);
                    questions.getChildren().add(area);
                    answers.put(q.key(), area::getText);
                }
                default -> {
                    TextField field = new TextField();
                    field.setId(id);
                    questions.getChildren().add(field);
                    answers.put(q.key(), field::getText);
                }
            }
        }
        errorLabel.setText("");
        busyIndicator.setVisible(false);
        cancelButton.setOnAction(e -> stage.close());
        bookButton.setOnAction(e -> book());
    }

    private void book() {
        Map<String, String> given = new LinkedHashMap<>();
        answers.forEach((k, v) -> {
            String a = v.get();
            if (a != null && !a.isBlank()) {
                given.put(k, a.strip());
            }
        });
        var request = new BookingRequest(nameField.getText(), emailField.getText(), phoneField.getText(), given,
                contact.valueProperty().get() == null ? null : contact.valueProperty().get().id(), notesArea.getText(), null);
        bookButton.setDisable(true);
        busyIndicator.setVisible(true);
        errorLabel.setText("");
        vm.book(slot, request, booked -> stage.close(), message -> {
            errorLabel.setText(message);
            bookButton.setDisable(false);
            busyIndicator.setVisible(false);
        });
    }
}
