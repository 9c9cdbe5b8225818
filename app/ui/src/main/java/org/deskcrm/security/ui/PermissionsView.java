package org.deskcrm.security.ui;

import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.geometry.HPos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.util.Subscription;
import org.deskcrm.security.Action;
import org.deskcrm.security.Resource;
import org.deskcrm.security.Role;
import org.deskcrm.ui.fx.View;
import org.deskcrm.ui.fx.ViewLoader;
import org.deskcrm.ui.i18n.Messages;

/** Settings > Roles &amp; permissions: pick a role, tick what it may do. */
public final class PermissionsView implements View {
    private final PermissionsViewModel viewModel;
    private final Messages messages;
    private final Parent root;
    private final ToggleGroup roleGroup = new ToggleGroup();
    private Subscription subscriptions = Subscription.EMPTY;

    @FXML private HBox roleBar;
    @FXML private Label roleDescription;
    @FXML private GridPane grid;
    @FXML private Button saveButton;
    @FXML private Button revertButton;
    @FXML private Button defaultsButton;
    @FXML private Label errorLabel;
    @FXML private Label statusLabel;
    @FXML private Label readOnlyLabel;

    public PermissionsView(PermissionsViewModel viewModel, ViewLoader loader) {
        this.viewModel = viewModel;
        this.messages = loader.messages();
        this.root = loader.load(this);
    }

    @FXML
    private void initialize() {
        for (Role r : Role.values()) {
            var b = new ToggleButton(messages.get("role." + r.dbName()));
            b.setId("roles-role-" + r.dbName());
            b.setUserData(r);
            b.setToggleGroup(roleGroup);
            b.getStyleClass().add("role-toggle");
            roleBar.getChildren().add(b);
        }
        roleGroup.selectedToggleProperty().addListener((obs, before, after) -> {
            if (after == null) {
                before.setSelected(true); // one role is always shown
            } else {
                viewModel.roleProperty().set((Role) after.getUserData());
            }
        });
        saveButton.setOnAction(e -> viewModel.save());
        revertButton.setOnAction(e -> viewModel.revert());
        defaultsButton.setOnAction(e -> viewModel.defaults());
        boolean edit = viewModel.canEdit();
        for (var b : new Button[] {saveButton, revertButton, defaultsButton}) {
            b.setVisible(edit);
            b.setManaged(edit);
        }
        readOnlyLabel.setVisible(!edit);
        readOnlyLabel.setManaged(!edit);
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void onActivate() {
        saveButton.disableProperty().bind(viewModel.canSave().not());
        revertButton.disableProperty().bind(viewModel.dirtyProperty().not().or(viewModel.busyProperty()));
        defaultsButton.disableProperty().bind(viewModel.busyProperty().or(viewModel.loadedProperty().not()));
        bind(errorLabel, viewModel.errorProperty());
        bind(statusLabel, viewModel.statusProperty());
        subscriptions = Subscription.combine(
                viewModel.roleProperty().subscribe(r -> {
                    roleGroup.getToggles().stream().filter(t -> t.getUserData() == r).findFirst().ifPresent(t -> t.setSelected(true));
                    roleDescription.setText(messages.get("roles.description." + r.dbName()));
                    rebuild();
                }),
                viewModel.revisionProperty().subscribe(x -> rebuild()),
                viewModel.dirtyProperty().subscribe(d -> markChangedRoles()));
        viewModel.load();
    }

    @Override
    public void onDeactivate() {
        for (var b : new Button[] {saveButton, revertButton, defaultsButton}) {
            b.disableProperty().unbind();
        }
        for (Label l : new Label[] {errorLabel, statusLabel}) {
            l.textProperty().unbind();
            l.visibleProperty().unbind();
            l.managedProperty().unbind();
        }
        subscriptions.unsubscribe();
    }

    /** The grid of the selected role: a row per resource, a column per action, a box where the permission exists. */
    private void rebuild() {
        grid.getChildren().clear();
        grid.getColumnConstraints().clear();
        var first = new ColumnConstraints();
        first.setMinWidth(170);
        grid.getColumnConstraints().add(first);
        var actions = viewModel.actions();
        for (int c = 0; c < actions.size(); c++) {
            var cc = new ColumnConstraints();
            cc.setHalignment(HPos.CENTER);
            cc.setMinWidth(78);
            grid.getColumnConstraints().add(cc);
            var header = new Label(messages.get("action." + actions.get(c).dbName()));
            header.getStyleClass().add("grid-header");
            grid.add(header, c + 1, 0);
        }
        int row = 1;
        for (Resource r : viewModel.resources()) {
            var name = new Label(messages.get("resource." + r.dbName()));
            name.getStyleClass().add("grid-resource");
            grid.add(name, 0, row);
            for (int c = 0; c < actions.size(); c++) {
                Action a = actions.get(c);
                if (!viewModel.exists(r, a)) {
                    continue;
                }
                var box = new CheckBox();
                box.setId("perm-" + r.dbName() + "-" + a.dbName());
                box.setSelected(viewModel.granted(r, a));
                box.setDisable(!viewModel.canEdit());
                box.setTooltip(new Tooltip(messages.get("roles.tooltip", messages.get("role." + viewModel.roleProperty().get().dbName()),
                        messages.get("action." + a.dbName()), messages.get("resource." + r.dbName()))));
                box.selectedProperty().addListener((obs, was, now) -> viewModel.setGranted(r, a, now));
                grid.add(box, c + 1, row);
            }
            if (row % 2 == 0) {
                var stripe = new javafx.scene.layout.Region();
                stripe.getStyleClass().add("grid-stripe");
                grid.add(stripe, 0, row, actions.size() + 1, 1);
                stripe.toBack();
            }
            row++;
        }
        markChangedRoles();
    }

    private void markChangedRoles() {
        for (var t : roleGroup.getToggles()) {
            var b = (ToggleButton) t;
            Role r = (Role) b.getUserData();
            b.getStyleClass().remove("changed");
            if (viewModel.changed(r)) {
                b.getStyleClass().add("changed");
            }
        }
    }

    private static void bind(Label label, javafx.beans.value.ObservableStringValue text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(Bindings.isNotEmpty(text));
        label.managedProperty().bind(label.visibleProperty());
    }
}
