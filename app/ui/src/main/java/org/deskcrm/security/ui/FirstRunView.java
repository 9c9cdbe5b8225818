package org.deskcrm.security.ui;

import java.util.Map;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import org.deskcrm.ui.fx.View;
import org.deskcrm.ui.fx.ViewLoader;

/** First run: create the first admin account and organization, or open a demo workspace. */
public final class FirstRunView implements View {
    private final FirstRunViewModel viewModel;
    private final Parent root;

    @FXML private TextField organizationField;
    @FXML private TextField nameField;
    @FXML private TextField emailField;
    @FXML private PasswordField passwordField;
    @FXML private PasswordField confirmField;
    @FXML private Label organizationError;
    @FXML private Label nameError;
    @FXML private Label emailError;
    @FXML private Label passwordError;
    @FXML private Label confirmError;
    @FXML private Label generalError;
    @FXML private Button createButton;
    @FXML private Spinner<Integer> demoSizeSpinner;
    @FXML private Button demoButton;
    @FXML private Button demoCancelButton;
    @FXML private ProgressBar demoProgress;
    @FXML private Label demoMessage;

    public FirstRunView(FirstRunViewModel viewModel, ViewLoader loader) {
        this.viewModel = viewModel;
        this.root = loader.load(this);
    }

    @FXML
    private void initialize() {
        organizationField.textProperty().bindBidirectional(viewModel.organizationProperty());
        nameField.textProperty().bindBidirectional(viewModel.nameProperty());
        emailField.textProperty().bindBidirectional(viewModel.emailProperty());
        passwordField.textProperty().bindBidirectional(viewModel.passwordProperty());
        confirmField.textProperty().bindBidirectional(viewModel.confirmProperty());
        createButton.disableProperty().bind(viewModel.canCreate().not());
        createButton.setOnAction(e -> viewModel.create());
        viewModel.errorsProperty().subscribe(this::showErrors);

        demoSizeSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(10, 1_000_000, 2000, 1000));
        demoSizeSpinner.setEditable(true);
        demoSizeSpinner.valueProperty().subscribe(v -> viewModel.demoSizeProperty().set(v == null ? 2000 : v));
        demoButton.disableProperty().bind(viewModel.busyProperty());
        demoButton.setOnAction(e -> viewModel.openDemo());
        demoProgress.progressProperty().bind(viewModel.demoProgressProperty());
        demoProgress.visibleProperty().bind(viewModel.busyProperty());
        demoCancelButton.visibleProperty().bind(viewModel.busyProperty());
        demoCancelButton.setOnAction(e -> viewModel.cancelDemo());
        demoMessage.textProperty().bind(viewModel.demoMessageProperty());
    }

    private void showErrors(Map<String, String> errors) {
        set(organizationError, errors.get("organization"));
        set(nameError, errors.get("name"));
        set(emailError, errors.get("email"));
        set(passwordError, errors.get("password"));
        set(confirmError, errors.get("confirm"));
        set(generalError, errors.get(""));
    }

    private static void set(Label label, String text) {
        label.setText(text == null ? "" : text);
        label.setVisible(text != null);
        label.setManaged(text != null);
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void onActivate() {
        organizationField.requestFocus();
    }
}
