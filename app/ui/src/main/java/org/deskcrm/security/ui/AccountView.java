package org.deskcrm.security.ui;

import java.util.Map;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.util.Subscription;
import org.deskcrm.ui.fx.View;
import org.deskcrm.ui.fx.ViewLoader;
import org.deskcrm.ui.theme.Theme;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/** Settings > My account. */
public final class AccountView implements View {
    private final AccountViewModel viewModel;
    private final Parent root;
    private Subscription subscriptions = Subscription.EMPTY;

    @FXML private TextField nameField;
    @FXML private Label emailLabel;
    @FXML private Label rolesLabel;
    @FXML private Button saveNameButton;
    @FXML private Label nameError;
    @FXML private Label nameStatus;
    @FXML private PasswordField currentPasswordField;
    @FXML private PasswordField newPasswordField;
    @FXML private PasswordField repeatPasswordField;
    @FXML private Label policyLabel;
    @FXML private Label currentPasswordError;
    @FXML private Label newPasswordError;
    @FXML private Label repeatPasswordError;
    @FXML private Label passwordError;
    @FXML private Label passwordStatus;
    @FXML private Button changePasswordButton;
    @FXML private ToggleButton lightButton;
    @FXML private ToggleButton darkButton;

    public AccountView(AccountViewModel viewModel, ViewLoader loader) {
        this.viewModel = viewModel;
        this.root = loader.load(this);
    }

    @FXML
    private void initialize() {
        policyLabel.setText(viewModel.passwordPolicy());
        saveNameButton.setOnAction(e -> viewModel.saveName());
        nameField.setOnAction(e -> viewModel.saveName());
        changePasswordButton.setOnAction(e -> viewModel.changePassword());
        repeatPasswordField.setOnAction(e -> viewModel.changePassword());
        var group = new ToggleGroup();
        lightButton.setToggleGroup(group);
        darkButton.setToggleGroup(group);
        lightButton.setGraphic(new FontIcon(Material2OutlinedMZ.WB_SUNNY));
        darkButton.setGraphic(new FontIcon(Material2OutlinedMZ.NIGHTS_STAY));
        lightButton.setOnAction(e -> viewModel.setTheme(Theme.LIGHT));
        darkButton.setOnAction(e -> viewModel.setTheme(Theme.DARK));
        saveNameButton.setGraphic(new FontIcon(Material2OutlinedMZ.SAVE));
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void onActivate() {
        nameField.textProperty().bindBidirectional(viewModel.fullNameProperty());
        currentPasswordField.textProperty().bindBidirectional(viewModel.currentPasswordProperty());
        newPasswordField.textProperty().bindBidirectional(viewModel.newPasswordProperty());
        repeatPasswordField.textProperty().bindBidirectional(viewModel.repeatPasswordProperty());
        emailLabel.textProperty().bind(viewModel.emailProperty());
        rolesLabel.textProperty().bind(viewModel.rolesProperty());
        bindMessage(nameError, viewModel.nameErrorProperty());
        bindMessage(nameStatus, viewModel.nameStatusProperty());
        bindMessage(passwordStatus, viewModel.passwordStatusProperty());
        saveNameButton.disableProperty().bind(viewModel.canSaveName().not());
        changePasswordButton.disableProperty().bind(viewModel.canChangePassword().not());
        subscriptions = Subscription.combine(
                viewModel.passwordErrorsProperty().subscribe(this::showPasswordErrors),
                viewModel.themeProperty().subscribe(t -> {
                    lightButton.setSelected(t == Theme.LIGHT);
                    darkButton.setSelected(t == Theme.DARK);
                }));
        viewModel.load();
    }

    @Override
    public void onDeactivate() {
        nameField.textProperty().unbindBidirectional(viewModel.fullNameProperty());
        currentPasswordField.textProperty().unbindBidirectional(viewModel.currentPasswordProperty());
        newPasswordField.textProperty().unbindBidirectional(viewModel.newPasswordProperty());
        repeatPasswordField.textProperty().unbindBidirectional(viewModel.repeatPasswordProperty());
        for (Label l : new Label[] {emailLabel, rolesLabel, nameError, nameStatus, passwordStatus}) {
            l.textProperty().unbind();
            l.visibleProperty().unbind();
            l.managedProperty().unbind();
        }
        saveNameButton.disableProperty().unbind();
        changePasswordButton.disableProperty().unbind();
        subscriptions.unsubscribe();
    }

    private void showPasswordErrors(Map<String, String> errors) {
        show(currentPasswordError, errors.get("currentPassword"));
        show(newPasswordError, errors.get("newPassword"));
        show(repeatPasswordError, errors.get("repeat"));
        show(passwordError, errors.get(""));
    }

    private static void show(Label label, String text) {
        label.setText(text == null ? "" : text);
        label.setVisible(text != null && !text.isBlank());
        label.setManaged(label.isVisible());
    }

    private static void bindMessage(Label label, javafx.beans.value.ObservableStringValue text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(text));
        label.managedProperty().bind(label.visibleProperty());
    }
}
