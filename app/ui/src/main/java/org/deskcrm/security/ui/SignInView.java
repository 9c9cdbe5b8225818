package org.deskcrm.security.ui;

import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import org.deskcrm.ui.fx.View;
import org.deskcrm.ui.fx.ViewLoader;

/** The sign-in screen. */
public final class SignInView implements View {
    private final SignInViewModel viewModel;
    private final Parent root;

    @FXML private TextField emailField;
    @FXML private PasswordField passwordField;
    @FXML private Label errorLabel;
    @FXML private Button signInButton;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Label hintLabel;

    public SignInView(SignInViewModel viewModel, ViewLoader loader, String hint) {
        this.viewModel = viewModel;
        this.root = loader.load(this);
        hintLabel.setText(hint == null ? "" : hint);
        hintLabel.setVisible(hint != null && !hint.isBlank());
        hintLabel.setManaged(hintLabel.isVisible());
    }

    @FXML
    private void initialize() {
        emailField.textProperty().bindBidirectional(viewModel.emailProperty());
        passwordField.textProperty().bindBidirectional(viewModel.passwordProperty());
        errorLabel.textProperty().bind(viewModel.errorProperty());
        errorLabel.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        signInButton.disableProperty().bind(viewModel.canSignIn().not());
        busyIndicator.visibleProperty().bind(viewModel.busyProperty());
        signInButton.setOnAction(e -> viewModel.signIn());
        passwordField.setOnAction(e -> viewModel.signIn());
        emailField.setOnAction(e -> passwordField.requestFocus());
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void onActivate() {
        emailField.requestFocus();
    }
}
