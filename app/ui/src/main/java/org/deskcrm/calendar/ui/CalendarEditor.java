package org.deskcrm.calendar.ui;

import java.time.ZoneId;
import java.util.TreeSet;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.deskcrm.calendar.CalendarDraft;
import org.deskcrm.calendar.CalendarInfo;
import org.deskcrm.calendar.CalendarService;
import org.deskcrm.ui.fx.ViewLoader;
import org.deskcrm.ui.i18n.Messages;

/** Creates or changes a calendar: name, color, time zone, description, visible to the whole organization. */
final class CalendarEditor {
    private final CalendarViewModel vm;
    private final CalendarInfo existing;
    private final Messages messages;
    private final Stage stage;
    private final ToggleGroup colors = new ToggleGroup();

    @FXML private Label heading;
    @FXML private TextField nameField;
    @FXML private HBox palette;
    @FXML private ComboBox<String> zoneBox;
    @FXML private TextArea descriptionArea;
    @FXML private CheckBox sharedBox;
    @FXML private Label errorLabel;
    @FXML private Button cancelButton;
    @FXML private Button saveButton;

    CalendarEditor(CalendarViewModel vm, CalendarInfo existing, ViewLoader loader, Node owner) {
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
        heading.setText(messages.get(existing == null ? "calendar.calendarEditor.new" : "calendar.calendarEditor.edit"));
        nameField.setText(existing == null ? "" : existing.name());
        String current = existing == null ? CalendarService.PALETTE.get(1) : CalendarColors.drawnColor(existing.color());
        int i = 0;
        for (String hex : CalendarService.PALETTE) {
            ToggleButton swatch = new ToggleButton();
            swatch.setId("calendar-color-" + i++);
            swatch.setUserData(hex);
            swatch.setToggleGroup(colors);
            swatch.getStyleClass().add("color-swatch");
            swatch.setStyle("-fx-background-color: " + hex + ";");
            swatch.setSelected(hex.equalsIgnoreCase(current));
            palette.getChildren().add(swatch);
        }
        zoneBox.getItems().setAll(new TreeSet<>(ZoneId.getAvailableZoneIds()).stream().filter(z -> z.contains("/")).toList());
        zoneBox.setValue(existing == null ? vm.workspace().zone().getId() : existing.zone().getId());
        descriptionArea.setText(existing == null || existing.description() == null ? "" : existing.description());
        sharedBox.setSelected(existing != null && existing.sharedWithOrganization());
        errorLabel.setText("");
        cancelButton.setOnAction(e -> stage.close());
        saveButton.setOnAction(e -> {
            String color = colors.getSelectedToggle() == null ? CalendarService.DEFAULT_COLOR
                    : (String) colors.getSelectedToggle().getUserData();
            String zone = zoneBox.getEditor().getText() == null || zoneBox.getEditor().getText().isBlank()
                    ? zoneBox.getValue() : zoneBox.getEditor().getText();
            saveButton.setDisable(true);
            vm.saveCalendar(existing, new CalendarDraft(nameField.getText(), descriptionArea.getText(), color, zone,
                    sharedBox.isSelected()), stage::close, message -> {
                        errorLabel.setText(message);
                        saveButton.setDisable(false);
                    });
        });
    }
}
