package org.deskcrm.ui.shell;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.deskcrm.ui.fx.View;
import org.deskcrm.ui.fx.ViewLoader;
import org.deskcrm.ui.i18n.Messages;
import org.deskcrm.ui.task.TaskHandle;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/** The main window: navigation on the left, the current screen, a status bar. */
public final class MainWindow implements View {
    private final MainViewModel viewModel;
    private final Messages messages;
    private final Parent root;
    private final Map<String, View> views = new HashMap<>();
    private final Consumer<String> globalSearch;
    private final Runnable signOut;
    private View shown;
    private final java.util.List<View> barItems = new java.util.ArrayList<>();

    @FXML private VBox navItems;
    @FXML private StackPane content;
    @FXML private Label screenTitle;
    @FXML private TextField globalSearchField;
    @FXML private MenuButton userMenu;
    @FXML private Button themeToggle;
    @FXML private Label connectionLabel;
    @FXML private Label userLabel;
    @FXML private HBox topBarItems;
    @FXML private HBox taskBox;
    @FXML private Label taskLabel;
    @FXML private ProgressBar taskProgress;
    @FXML private Button cancelTask;

    /**
     * @param globalSearch opens the global search (Ctrl+K) with the typed text
     * @param signOut returns to the sign-in screen
     */
    public MainWindow(MainViewModel viewModel, ViewLoader loader, Consumer<String> globalSearch, Runnable signOut) {
        this.viewModel = viewModel;
        this.messages = loader.messages();
        this.globalSearch = globalSearch;
        this.signOut = signOut;
        this.root = loader.load(this);
    }

    @FXML
    private void initialize() {
        var group = new ToggleGroup();
        for (Screen screen : viewModel.screens()) {
            var button = new ToggleButton(messages.get(screen.titleKey()), new FontIcon(screen.icon()));
            button.setId("nav-" + screen.id());
            button.getStyleClass().add("nav-item");
            button.setToggleGroup(group);
            button.setMaxWidth(Double.MAX_VALUE);
            button.setOnAction(e -> {
                if (screen.equals(viewModel.currentProperty().get())) {
                    View shown = views.get(screen.id());
                    if (shown != null) {
                        shown.onReselected();
                    }
                }
                viewModel.currentProperty().set(screen);
                button.setSelected(true);
            });
            navItems.getChildren().add(button);
        }
        viewModel.currentProperty().subscribe(screen -> {
            if (screen == null) {
                return;
            }
            group.getToggles().stream()
                    .filter(t -> ((ToggleButton) t).getId().equals("nav-" + screen.id()))
                    .findFirst().ifPresent(t -> t.setSelected(true));
            showScreen(screen);
        });

        connectionLabel.setText(viewModel.connection());
        connectionLabel.setGraphic(new FontIcon(Material2OutlinedAL.CLOUD_DONE));
        var user = viewModel.user();
        userLabel.setText(messages.get("shell.status.user", user.displayName(),
                String.join(", ", user.roles().stream().map(r -> messages.get("role." + r.dbName())).sorted().toList())));
        userMenu.setText(user.displayName());
        userMenu.setGraphic(new FontIcon(Material2OutlinedAL.ACCOUNT_CIRCLE));
        var signOutItem = new MenuItem(messages.get("shell.signOut"));
        signOutItem.setId("sign-out");
        signOutItem.setOnAction(e -> signOut.run());
        userMenu.getItems().add(signOutItem);

        themeToggle.setGraphic(new FontIcon(Material2OutlinedAL.BRIGHTNESS_6));
        themeToggle.setTooltip(new Tooltip(messages.get("shell.theme.toggle")));
        themeToggle.setOnAction(e -> viewModel.toggleTheme());

        globalSearchField.setOnAction(e -> globalSearch.accept(globalSearchField.getText()));
        navItems.sceneProperty().subscribe(scene -> {
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN),
                        () -> {
                            globalSearchField.requestFocus();
                            globalSearchField.selectAll();
                        });
            }
        });

        taskBox.visibleProperty().bind(viewModel.busy());
        taskBox.managedProperty().bind(taskBox.visibleProperty());
        var latest = viewModel.latestTask();
        latest.subscribe(this::showTask);
        cancelTask.setGraphic(new FontIcon(Material2OutlinedMZ.STOP_CIRCLE));
        cancelTask.setTooltip(new Tooltip(messages.get("common.cancel")));
        cancelTask.setOnAction(e -> {
            TaskHandle task = latest.get();
            if (task != null) {
                task.requestCancel();
            }
        });
    }

    private void showTask(TaskHandle task) {
        taskLabel.textProperty().unbind();
        taskProgress.progressProperty().unbind();
        if (task == null) {
            return;
        }
        taskLabel.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> task.messageProperty().get() == null || task.messageProperty().get().isBlank()
                        ? task.title() : task.title() + " — " + task.messageProperty().get(),
                task.messageProperty()));
        taskProgress.progressProperty().bind(task.progressProperty());
    }

    private void showScreen(Screen screen) {
        if (shown != null) {
            shown.onDeactivate();
        }
        View view = views.computeIfAbsent(screen.id(), id -> screen.factory().get());
        content.getChildren().setAll(view.root());
        screenTitle.setText(messages.get(screen.titleKey()));
        shown = view;
        view.onActivate();
    }

    /** Adds the features' top-bar items (left of the search field) and activates them. */
    public void addTopBarItems(java.util.List<View> items) {
        for (View item : items) {
            barItems.add(item);
            topBarItems.getChildren().add(item.root());
            item.onActivate();
        }
    }

    /** The view of a screen, creating it if needed (for navigation from other screens). */
    public View viewOf(String screenId) {
        viewModel.show(screenId);
        return views.get(screenId);
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void onDeactivate() {
        if (shown != null) {
            shown.onDeactivate();
        }
        barItems.forEach(View::onDeactivate);
    }
}
