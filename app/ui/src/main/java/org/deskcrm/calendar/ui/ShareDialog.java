package org.deskcrm.calendar.ui;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.StringConverter;
import org.deskcrm.calendar.CalendarInfo;
import org.deskcrm.calendar.CalendarShare;
import org.deskcrm.calendar.SharePermission;
import org.deskcrm.ui.fx.ViewLoader;
import org.deskcrm.ui.i18n.Messages;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/** Who a calendar is shared with and what they may do (free/busy, see, edit, manage). */
final class ShareDialog {
    private final CalendarViewModel vm;
    private final CalendarInfo calendar;
    private final Messages messages;
    private final Stage stage;
    private Map<UUID, String> people = Map.of();

    @FXML private Label heading;
    @FXML private VBox shareRows;
    @FXML private ComboBox<UUID> personBox;
    @FXML private ComboBox<SharePermission> permissionBox;
    @FXML private Button addButton;
    @FXML private Label errorLabel;
    @FXML private Button closeButton;

    ShareDialog(CalendarViewModel vm, CalendarInfo calendar, ViewLoader loader, Node owner) {
        this.vm = vm;
        this.calendar = calendar;
        this.messages = loader.messages();
        Parent root = loader.load(this);
        this.stage = Dialogs.stage(owner, heading.getText(), root);
    }

    void show() {
        stage.show();
        vm.shares(calendar, loaded -> {
            people = loaded.colleagues();
            personBox.getItems().setAll(people.keySet().stream()
                    .filter(id -> !id.equals(calendar.ownerId())).toList());
            render(loaded.shares());
        });
    }

    @FXML
    private void initialize() {
        heading.setText(messages.get("calendar.share.title", calendar.name()));
        personBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(UUID id) {
                return id == null ? "" : people.getOrDefault(id, id.toString());
            }

            @Override
            public UUID fromString(String s) {
                return null;
            }
        });
        permissionBox.getItems().setAll(SharePermission.values());
        permissionBox.setConverter(permissionNames());
        permissionBox.setValue(SharePermission.VIEW);
        errorLabel.setText("");
        addButton.disableProperty().bind(personBox.valueProperty().isNull());
        addButton.setOnAction(e -> change(personBox.getValue(), permissionBox.getValue()));
        closeButton.setOnAction(e -> stage.close());
    }

    private void change(UUID person, SharePermission permission) {
        vm.share(calendar, person, permission, this::render, errorLabel::setText);
    }

    private void render(List<CalendarShare> shares) {
        errorLabel.setText("");
        shareRows.getChildren().clear();
        if (shares.isEmpty()) {
            Label none = new Label(messages.get("calendar.share.none"));
            none.getStyleClass().add("muted");
            shareRows.getChildren().add(none);
        }
        for (CalendarShare s : shares) {
            Label name = new Label(s.userName());
            name.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(name, Priority.ALWAYS);
            ComboBox<SharePermission> level = new ComboBox<>();
            level.setId("share-level-" + s.userId());
            level.getItems().setAll(SharePermission.values());
            level.setConverter(permissionNames());
            level.setValue(s.permission());
            level.setPrefWidth(170);
            level.valueProperty().addListener((obs, old, now) -> {
                if (now != null && now != old) {
                    change(s.userId(), now);
                }
            });
            Button remove = new Button();
            remove.setId("share-remove-" + s.userId());
            remove.setGraphic(new FontIcon(Material2AL.DELETE));
            remove.getStyleClass().add("flat");
            remove.setOnAction(e -> change(s.userId(), null));
            HBox row = new HBox(8, name, level, remove);
            row.setAlignment(Pos.CENTER_LEFT);
            shareRows.getChildren().add(row);
        }
    }

    private StringConverter<SharePermission> permissionNames() {
        return new StringConverter<>() {
            @Override
            public String toString(SharePermission p) {
                return p == null ? "" : messages.get("calendar.share.permission." + p.dbName());
            }

            @Override
            public SharePermission fromString(String s) {
                return null;
            }
        };
    }
}
