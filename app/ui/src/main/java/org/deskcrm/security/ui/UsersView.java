package org.deskcrm.security.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;
import org.deskcrm.audit.AuditTrail;
import org.deskcrm.audit.ui.RecordHistoryPanel;
import org.deskcrm.security.User;
import org.deskcrm.ui.fx.View;
import org.deskcrm.ui.i18n.Messages;
import org.deskcrm.ui.shell.Workspace;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/** Settings > Users: the members table, the actions an admin may take, and the selected user's history. */
public final class UsersView implements View {
    private final UsersViewModel viewModel;
    private final Messages messages;
    private final RecordHistoryPanel history;
    private final Parent root;
    private Subscription subscriptions = Subscription.EMPTY;

    @FXML private atlantafx.base.controls.CustomTextField searchField;
    @FXML private Button newButton;
    @FXML private Button editButton;
    @FXML private Button resetButton;
    @FXML private Button unlockButton;
    @FXML private MenuButton statusMenu;
    @FXML private MenuItem activateItem;
    @FXML private MenuItem suspendItem;
    @FXML private MenuItem deactivateItem;
    @FXML private Button refreshButton;
    @FXML private Label errorLabel;
    @FXML private Label statusLabel;
    @FXML private TableView<User> table;
    @FXML private TableColumn<User, String> nameColumn;
    @FXML private TableColumn<User, String> emailColumn;
    @FXML private TableColumn<User, String> rolesColumn;
    @FXML private TableColumn<User, String> managerColumn;
    @FXML private TableColumn<User, String> statusColumn;
    @FXML private TableColumn<User, String> lastLoginColumn;
    @FXML private TableColumn<User, String> lockedColumn;
    @FXML private javafx.scene.control.SplitPane split;
    @FXML private javafx.scene.control.ScrollPane detailScroll;
    @FXML private VBox detail;
    @FXML private Label detailName;
    @FXML private Label detailEmail;
    @FXML private Label detailInfo;
    @FXML private VBox historyBox;

    public UsersView(UsersViewModel viewModel, Workspace ws, AuditTrail audit) {
        this.viewModel = viewModel;
        this.messages = ws.messages();
        this.history = new RecordHistoryPanel(ws, audit);
        this.root = ws.loader().load(this);
    }

    @FXML
    private void initialize() {
        table.setItems(viewModel.users());
        table.setPlaceholder(new Label(messages.get("users.empty")));
        nameColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().fullName()));
        emailColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().email()));
        rolesColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(viewModel.roles(c.getValue())));
        managerColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(viewModel.managerName(c.getValue().managerId())));
        statusColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(viewModel.statusText(c.getValue())));
        lastLoginColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(viewModel.time(c.getValue().lastLoginAt())));
        lockedColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(viewModel.lockedUntil(c.getValue())));
        table.setRowFactory(tv -> {
            var row = new TableRow<User>() {
                @Override
                protected void updateItem(User u, boolean empty) {
                    super.updateItem(u, empty);
                    getStyleClass().removeAll("user-inactive", "user-locked");
                    if (!empty && u != null && !u.isActive()) {
                        getStyleClass().add("user-inactive");
                    }
                    if (!empty && u != null && viewModel.isLocked(u)) {
                        getStyleClass().add("user-locked");
                    }
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty() && viewModel.canUpdate()) {
                    UserDialog.edit(root.getScene().getWindow(), viewModel, row.getItem());
                }
            });
            return row;
        });
        historyBox.getChildren().add(history.root());
        // Manager ids read as names.
        history.setValueFormatter((field, value) -> {
            try {
                String name = viewModel.managerName(java.util.UUID.fromString(value));
                return name.isEmpty() ? value : name;
            } catch (IllegalArgumentException notAnId) {
                return value;
            }
        });
        split.getItems().remove(detailScroll); // shown when a user is selected

        newButton.setGraphic(new FontIcon(Material2OutlinedMZ.PERSON_ADD));
        editButton.setGraphic(new FontIcon(Material2OutlinedAL.EDIT));
        resetButton.setGraphic(new FontIcon(Material2OutlinedMZ.VPN_KEY));
        unlockButton.setGraphic(new FontIcon(Material2OutlinedAL.LOCK_OPEN));
        refreshButton.setGraphic(new FontIcon(Material2OutlinedMZ.REFRESH));
        searchField.setLeft(new FontIcon(Material2OutlinedMZ.SEARCH));

        // The UI follows permissions: what the user may not do is hidden or disabled.
        newButton.setVisible(viewModel.canCreate());
        newButton.setManaged(viewModel.canCreate());
        for (var n : new javafx.scene.Node[] {editButton, resetButton, unlockButton, statusMenu}) {
            n.setVisible(viewModel.canUpdate());
            n.setManaged(viewModel.canUpdate());
        }
        newButton.setOnAction(e -> UserDialog.create(root.getScene().getWindow(), viewModel));
        editButton.setOnAction(e -> UserDialog.edit(root.getScene().getWindow(), viewModel, viewModel.selectedProperty().get()));
        resetButton.setOnAction(e -> UserDialog.resetPassword(root.getScene().getWindow(), viewModel, viewModel.selectedProperty().get()));
        unlockButton.setOnAction(e -> viewModel.unlock(viewModel.selectedProperty().get()));
        activateItem.setOnAction(e -> viewModel.setStatus(viewModel.selectedProperty().get(), "active"));
        suspendItem.setOnAction(e -> viewModel.setStatus(viewModel.selectedProperty().get(), "suspended"));
        deactivateItem.setOnAction(e -> viewModel.setStatus(viewModel.selectedProperty().get(), "inactive"));
        refreshButton.setOnAction(e -> viewModel.load());
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void onActivate() {
        searchField.textProperty().bindBidirectional(viewModel.filterProperty());
        bindMessage(errorLabel, viewModel.errorProperty());
        bindMessage(statusLabel, viewModel.statusProperty());
        editButton.disableProperty().bind(viewModel.canEditSelected().not());
        resetButton.disableProperty().bind(viewModel.canEditSelected().not());
        statusMenu.disableProperty().bind(viewModel.canEditSelected().not());
        unlockButton.disableProperty().bind(viewModel.canUnlockSelected().not());
        newButton.disableProperty().bind(viewModel.busyProperty());
        subscriptions = Subscription.combine(
                table.getSelectionModel().selectedItemProperty().subscribe(u -> viewModel.selectedProperty().set(u)),
                viewModel.selectedProperty().subscribe(this::showDetail));
        history.onActivate();
        viewModel.load();
    }

    @Override
    public void onDeactivate() {
        searchField.textProperty().unbindBidirectional(viewModel.filterProperty());
        for (Label l : new Label[] {errorLabel, statusLabel}) {
            l.textProperty().unbind();
            l.visibleProperty().unbind();
            l.managedProperty().unbind();
        }
        for (var n : new javafx.scene.Node[] {editButton, resetButton, statusMenu, unlockButton, newButton}) {
            n.disableProperty().unbind();
        }
        subscriptions.unsubscribe();
        history.onDeactivate();
    }

    private void showDetail(User u) {
        if (u != null && table.getSelectionModel().getSelectedItem() != u) {
            table.getSelectionModel().select(u);
        }
        detail.setVisible(u != null);
        if (u == null) {
            split.getItems().remove(detailScroll);
            history.clear();
            return;
        }
        if (!split.getItems().contains(detailScroll)) {
            split.getItems().add(detailScroll);
            split.setDividerPositions(0.7);
        }
        detailName.setText(u.fullName());
        detailEmail.setText(u.email());
        String manager = viewModel.managerName(u.managerId());
        detailInfo.setText(messages.get("users.detail.info", viewModel.roles(u), viewModel.statusText(u),
                manager.isEmpty() ? messages.get("users.manager.none") : manager,
                u.lastLoginAt() == null ? messages.get("users.never") : viewModel.time(u.lastLoginAt())));
        activateItem.setDisable("active".equals(u.status()));
        suspendItem.setDisable("suspended".equals(u.status()) || viewModel.isSelf(u));
        deactivateItem.setDisable("inactive".equals(u.status()) || viewModel.isSelf(u));
        history.show("users", u.id());
    }

    private static void bindMessage(Label label, javafx.beans.value.ObservableStringValue text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(Bindings.isNotEmpty(text));
        label.managedProperty().bind(label.visibleProperty());
    }
}
