package org.deskcrm.settings.ui;

import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Subscription;
import org.deskcrm.settings.DatabaseAdminService;
import org.deskcrm.ui.fx.View;
import org.deskcrm.ui.fx.ViewLoader;
import org.deskcrm.ui.i18n.Messages;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/** Settings > Database. */
public final class DatabaseView implements View {
    private final DatabaseViewModel viewModel;
    private final Messages messages;
    private final Parent root;
    private Subscription subscriptions = Subscription.EMPTY;

    @FXML private Label kindLabel;
    @FXML private Label locationLabel;
    @FXML private Label dataDirLabel;
    @FXML private Label nextStartLabel;
    @FXML private TextField urlField;
    @FXML private TextField userField;
    @FXML private PasswordField passwordField;
    @FXML private Label urlError;
    @FXML private Label userError;
    @FXML private Button testButton;
    @FXML private Label testResult;
    @FXML private Button useServerButton;
    @FXML private Button useEmbeddedButton;
    @FXML private Label messageLabel;
    @FXML private Label backupMessageLabel;
    @FXML private VBox backupCard;
    @FXML private Label backupUnavailable;
    @FXML private Button backupButton;
    @FXML private Button restoreButton;
    @FXML private Button restoreFileButton;
    @FXML private Label pendingLabel;
    @FXML private Button cancelRestoreButton;
    @FXML private TableView<DatabaseAdminService.Backup> backupTable;
    @FXML private TableColumn<DatabaseAdminService.Backup, String> backupNameColumn;
    @FXML private TableColumn<DatabaseAdminService.Backup, String> backupTimeColumn;
    @FXML private TableColumn<DatabaseAdminService.Backup, String> backupSizeColumn;

    public DatabaseView(DatabaseViewModel viewModel, ViewLoader loader) {
        this.viewModel = viewModel;
        this.messages = loader.messages();
        this.root = loader.load(this);
    }

    @FXML
    private void initialize() {
        backupTable.setItems(viewModel.backups());
        backupTable.setPlaceholder(new Label(messages.get("database.backups.none")));
        backupNameColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        backupTimeColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(viewModel.describe(c.getValue())));
        backupSizeColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(viewModel.size(c.getValue())));
        testButton.setGraphic(new FontIcon(Material2OutlinedAL.CHECK_CIRCLE));
        backupButton.setGraphic(new FontIcon(Material2OutlinedAL.BACKUP));
        restoreButton.setGraphic(new FontIcon(Material2OutlinedMZ.RESTORE));
        testButton.setOnAction(e -> viewModel.testConnection());
        useServerButton.setOnAction(e -> viewModel.usePostgres());
        useEmbeddedButton.setOnAction(e -> viewModel.useEmbedded());
        backupButton.setOnAction(e -> viewModel.backupNow());
        restoreButton.setOnAction(e -> confirmRestore(viewModel.selectedBackupProperty().get().file()));
        restoreFileButton.setOnAction(e -> {
            var chooser = new FileChooser();
            chooser.setTitle(messages.get("database.restore.choose"));
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.get("database.restore.zip"), "*.zip"));
            var status = viewModel.statusProperty().get();
            if (status != null && status.dataDir().resolve("backups").toFile().isDirectory()) {
                chooser.setInitialDirectory(status.dataDir().resolve("backups").toFile());
            }
            var file = chooser.showOpenDialog(root.getScene().getWindow());
            if (file != null) {
                confirmRestore(file.toPath());
            }
        });
        cancelRestoreButton.setOnAction(e -> viewModel.cancelRestore());
        boolean edit = viewModel.canEdit();
        for (var n : new javafx.scene.Node[] {testButton, useServerButton, useEmbeddedButton, backupButton, restoreButton,
                restoreFileButton, cancelRestoreButton}) {
            if (!edit) {
                n.setVisible(false);
                n.setManaged(false);
            }
        }
        for (var f : new javafx.scene.control.TextInputControl[] {urlField, userField, passwordField}) {
            f.setEditable(edit);
        }
    }

    private void confirmRestore(java.nio.file.Path zip) {
        var alert = new Alert(Alert.AlertType.CONFIRMATION, messages.get("database.restore.confirm", zip.getFileName()),
                ButtonType.OK, ButtonType.CANCEL);
        alert.initOwner(root.getScene().getWindow());
        alert.setHeaderText(messages.get("database.restore.title"));
        alert.getDialogPane().setId("restore-confirm");
        alert.resultProperty().subscribe(r -> {
            if (r == ButtonType.OK) {
                viewModel.scheduleRestore(zip);
            }
        });
        alert.show();
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void onActivate() {
        urlField.textProperty().bindBidirectional(viewModel.urlProperty());
        userField.textProperty().bindBidirectional(viewModel.userProperty());
        passwordField.textProperty().bindBidirectional(viewModel.passwordProperty());
        testResult.textProperty().bind(viewModel.testResultProperty());
        messageLabel.textProperty().bind(viewModel.messageProperty());
        messageLabel.visibleProperty().bind(Bindings.isNotEmpty(viewModel.messageProperty()));
        messageLabel.managedProperty().bind(messageLabel.visibleProperty());
        backupMessageLabel.textProperty().bind(viewModel.backupMessageProperty());
        backupMessageLabel.visibleProperty().bind(Bindings.isNotEmpty(viewModel.backupMessageProperty()));
        backupMessageLabel.managedProperty().bind(backupMessageLabel.visibleProperty());
        testButton.disableProperty().bind(viewModel.canTest().not());
        useServerButton.disableProperty().bind(viewModel.canTest().not());
        backupButton.disableProperty().bind(viewModel.canBackup().not());
        restoreButton.disableProperty().bind(viewModel.canRestore().not());
        restoreFileButton.disableProperty().bind(viewModel.canBackup().not());
        subscriptions = Subscription.combine(
                backupTable.getSelectionModel().selectedItemProperty().subscribe(b -> viewModel.selectedBackupProperty().set(b)),
                viewModel.statusProperty().subscribe(this::showStatus),
                viewModel.errorsProperty().subscribe(this::showErrors),
                viewModel.testOkProperty().subscribe(ok -> {
                    testResult.getStyleClass().removeAll("success-text", "error-text");
                    testResult.getStyleClass().add(ok ? "success-text" : "muted");
                }));
        viewModel.load();
    }

    @Override
    public void onDeactivate() {
        urlField.textProperty().unbindBidirectional(viewModel.urlProperty());
        userField.textProperty().unbindBidirectional(viewModel.userProperty());
        passwordField.textProperty().unbindBidirectional(viewModel.passwordProperty());
        testResult.textProperty().unbind();
        for (Label l : new Label[] {messageLabel, backupMessageLabel}) {
            l.textProperty().unbind();
            l.visibleProperty().unbind();
            l.managedProperty().unbind();
        }
        for (var b : new Button[] {testButton, useServerButton, backupButton, restoreButton, restoreFileButton}) {
            b.disableProperty().unbind();
        }
        subscriptions.unsubscribe();
        viewModel.passwordProperty().set("");
    }

    private void showStatus(DatabaseAdminService.Status s) {
        if (s == null) {
            return;
        }
        kindLabel.setText(messages.get(s.embedded() ? "database.kind.h2" : "database.kind.postgres"));
        locationLabel.setText(s.embedded() ? s.location() : messages.get("database.location.server", s.location(), s.user()));
        dataDirLabel.setText(s.dataDir().toString());
        nextStartLabel.setText(s.saved().map(c -> messages.get("database.next.server", c.url(), c.user()))
                .orElse(messages.get("database.next.embedded")));
        useEmbeddedButton.setDisable(s.saved().isEmpty());
        backupUnavailable.setVisible(!s.embedded());
        backupUnavailable.setManaged(!s.embedded());
        boolean pending = s.pendingRestore().isPresent();
        pendingLabel.setText(pending ? messages.get("database.restore.pending", s.pendingRestore().get().getFileName()) : "");
        for (var n : new javafx.scene.Node[] {pendingLabel, cancelRestoreButton}) {
            n.setVisible(pending);
            n.setManaged(pending);
        }
        if (!viewModel.canEdit()) {
            cancelRestoreButton.setVisible(false);
            cancelRestoreButton.setManaged(false);
        }
    }

    private void showErrors(Map<String, String> errors) {
        show(urlError, errors.get("url"));
        show(userError, errors.get("user"));
        String other = errors.entrySet().stream().filter(e -> !e.getKey().equals("url") && !e.getKey().equals("user"))
                .map(Map.Entry::getValue).reduce((a, b) -> a + "\n" + b).orElse(null);
        if (other != null) {
            viewModel.messageProperty().set(other);
        }
    }

    private static void show(Label label, String text) {
        label.setText(text == null ? "" : text);
        label.setVisible(text != null);
        label.setManaged(text != null);
    }
}
