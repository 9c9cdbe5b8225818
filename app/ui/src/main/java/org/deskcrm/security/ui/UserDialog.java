package org.deskcrm.security.ui;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.deskcrm.security.Role;
import org.deskcrm.security.User;
import org.deskcrm.ui.i18n.Messages;

/**
 * The create-user and edit-user dialog: e-mail and initial password (create only), name, roles,
 * manager and (edit only) status. Saving runs in the background; the dialog stays open with the
 * messages next to the fields when the service refuses.
 */
final class UserDialog {
    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final Messages messages;
    private final Map<String, Label> errors = new HashMap<>();
    private final TextField email = new TextField();
    private final TextField name = new TextField();
    private final PasswordField password = new PasswordField();
    private final PasswordField repeat = new PasswordField();
    private final Map<Role, CheckBox> roles = new EnumMap<>(Role.class);
    private final ComboBox<User> manager = new ComboBox<>();
    private final ComboBox<String> status = new ComboBox<>();
    private final Label general = errorLabel("");

    private UserDialog(Window owner, Messages messages, String title) {
        this.messages = messages;
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        dialog.getDialogPane().getButtonTypes().addAll(
                new ButtonType(messages.get("common.save"), ButtonBar.ButtonData.OK_DONE), ButtonType.CANCEL);
        dialog.getDialogPane().getStyleClass().add("user-dialog");
        dialog.getDialogPane().setPrefWidth(560);
    }

    /** Opens the create dialog. */
    static void create(Window owner, UsersViewModel vm) {
        var d = new UserDialog(owner, vm.messages(), vm.messages().get("users.new.title"));
        d.dialog.getDialogPane().setId("user-dialog");
        var grid = d.grid();
        int row = 0;
        row = d.field(grid, row, "users.field.email", d.email, "user-email", "email");
        d.email.setPromptText("name@company.com");
        row = d.field(grid, row, "users.field.name", d.name, "user-name", "fullName");
        row = d.field(grid, row, "users.field.password", d.password, "user-password", "password");
        d.password.setPromptText(vm.messages().get("users.field.password.hint", org.deskcrm.security.Passwords.MIN_LENGTH));
        row = d.field(grid, row, "users.field.repeat", d.repeat, "user-repeat", "repeat");
        row = d.field(grid, row, "users.field.roles", d.roleBoxes(Set.of(Role.SALES)), null, "roles");
        d.managerChoices(vm.managerChoices(null), null);
        d.field(grid, row, "users.field.manager", d.manager, "user-manager", "manager");
        d.show(grid, vm.busyProperty(), () -> vm.create(d.email.getText(), d.name.getText(), d.password.getText().toCharArray(),
                d.repeat.getText().toCharArray(), d.selectedRoles(), d.selectedManager(), d::showErrors, d::close));
        d.email.requestFocus();
    }

    /** Opens the edit dialog for {@code user}. */
    static void edit(Window owner, UsersViewModel vm, User user) {
        var d = new UserDialog(owner, vm.messages(), vm.messages().get("users.edit.title", user.fullName()));
        d.dialog.getDialogPane().setId("user-dialog");
        var grid = d.grid();
        int row = 0;
        var emailValue = new Label(user.email());
        emailValue.getStyleClass().add("value-text");
        row = d.field(grid, row, "users.field.email", emailValue, "user-email", "email");
        d.name.setText(user.fullName());
        row = d.field(grid, row, "users.field.name", d.name, "user-name", "fullName");
        row = d.field(grid, row, "users.field.roles", d.roleBoxes(user.roles()), null, "roles");
        d.managerChoices(vm.managerChoices(user), user.managerId());
        row = d.field(grid, row, "users.field.manager", d.manager, "user-manager", "manager");
        d.status.getItems().setAll("active", "suspended", "inactive");
        d.status.setValue(user.status());
        d.status.setCellFactory(lv -> d.statusCell());
        d.status.setButtonCell(d.statusCell());
        d.status.setDisable(vm.isSelf(user));
        d.field(grid, row, "users.field.status", d.status, "user-status", "status");
        d.show(grid, vm.busyProperty(), () -> vm.update(user, d.name.getText(), d.selectedRoles(), d.selectedManager(), d.status.getValue(),
                d::showErrors, d::close));
    }

    /** Opens the reset-password dialog for {@code user}. */
    static void resetPassword(Window owner, UsersViewModel vm, User user) {
        var d = new UserDialog(owner, vm.messages(), vm.messages().get("users.reset.title", user.fullName()));
        d.dialog.getDialogPane().setId("reset-password-dialog");
        var grid = d.grid();
        var text = new Label(vm.messages().get("users.reset.text"));
        text.setWrapText(true);
        text.getStyleClass().add("muted");
        grid.add(text, 0, 0, 2, 1);
        int row = d.field(grid, 1, "users.field.password", d.password, "reset-password", "password");
        d.password.setPromptText(vm.messages().get("users.field.password.hint", org.deskcrm.security.Passwords.MIN_LENGTH));
        d.field(grid, row, "users.field.repeat", d.repeat, "reset-repeat", "repeat");
        d.show(grid, vm.busyProperty(), () -> vm.resetPassword(user, d.password.getText().toCharArray(), d.repeat.getText().toCharArray(),
                d::showErrors, d::close));
        d.password.requestFocus();
    }

    private GridPane grid() {
        var grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(4);
        grid.getStyleClass().add("form-grid");
        var labels = new ColumnConstraints();
        labels.setMinWidth(160);
        var fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);
        return grid;
    }

    private int field(GridPane grid, int row, String labelKey, javafx.scene.Node control, String id, String errorKey) {
        var label = new Label(messages.get(labelKey));
        if (id != null) {
            control.setId(id);
        }
        if (control instanceof javafx.scene.control.Control c) {
            c.setMaxWidth(Double.MAX_VALUE);
        }
        grid.add(label, 0, row);
        grid.add(control, 1, row);
        Label error = errorLabel(id == null ? null : id + "-error");
        errors.put(errorKey, error);
        grid.add(error, 1, row + 1);
        return row + 2;
    }

    private FlowPane roleBoxes(Set<Role> initial) {
        var pane = new FlowPane(14, 8);
        for (Role r : Role.values()) {
            var box = new CheckBox(messages.get("role." + r.dbName()));
            box.setId("user-role-" + r.dbName());
            box.setSelected(initial.contains(r));
            roles.put(r, box);
            pane.getChildren().add(box);
        }
        return pane;
    }

    private void managerChoices(List<User> choices, UUID current) {
        manager.getItems().add(null);
        manager.getItems().addAll(choices);
        manager.setCellFactory(lv -> managerCell());
        manager.setButtonCell(managerCell());
        manager.setValue(choices.stream().filter(u -> u.id().equals(current)).findFirst().orElse(null));
    }

    private ListCell<User> managerCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(User u, boolean empty) {
                super.updateItem(u, empty);
                setText(empty ? null : u == null ? messages.get("users.manager.none") : u.fullName());
            }
        };
    }

    private ListCell<String> statusCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : messages.get("users.status." + s));
            }
        };
    }

    private Set<Role> selectedRoles() {
        Set<Role> set = EnumSet.noneOf(Role.class);
        roles.forEach((r, box) -> {
            if (box.isSelected()) {
                set.add(r);
            }
        });
        return set;
    }

    private UUID selectedManager() {
        return manager.getValue() == null ? null : manager.getValue().id();
    }

    private void show(GridPane grid, javafx.beans.value.ObservableBooleanValue busy, Runnable save) {
        var content = new VBox(10, grid, general);
        content.getStyleClass().add("dialog-form");
        dialog.getDialogPane().setContent(content);
        Button ok = (Button) dialog.getDialogPane().lookupButton(dialog.getDialogPane().getButtonTypes().getFirst());
        ok.setId("user-dialog-save");
        ok.getStyleClass().add("accent");
        ok.setDefaultButton(true);
        ok.disableProperty().bind(busy);
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // the dialog closes when the background save succeeds
            showErrors(Map.of());
            save.run();
        });
        dialog.show();
    }

    private void showErrors(Map<String, String> fieldErrors) {
        errors.forEach((key, label) -> show(label, fieldErrors.get(key)));
        StringBuilder rest = new StringBuilder();
        fieldErrors.forEach((key, text) -> {
            if (!errors.containsKey(key)) {
                rest.append(rest.isEmpty() ? "" : "\n").append(text);
            }
        });
        show(general, rest.toString());
        dialog.getDialogPane().getScene().getWindow().sizeToScene();
    }

    private void close() {
        dialog.setResult(ButtonType.OK);
        dialog.close();
    }

    private static Label errorLabel(String id) {
        var l = new Label();
        if (id != null) {
            l.setId(id);
        }
        l.getStyleClass().add("error-text");
        l.setWrapText(true);
        l.setVisible(false);
        l.setManaged(false);
        return l;
    }

    private static void show(Label label, String text) {
        label.setText(text == null ? "" : text);
        label.setVisible(text != null && !text.isBlank());
        label.setManaged(label.isVisible());
    }
}
