package org.deskcrm.ui.shell;

import java.util.ArrayList;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.geometry.Bounds;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import javafx.util.Duration;
import org.deskcrm.ui.task.BackgroundTask;
import org.deskcrm.ui.task.TaskHandle;

/**
 * The global search (Ctrl+K): as the user types, every feature's provider is asked for its best
 * matches in the background (debounced, the previous search cancelled), and the hits appear in
 * a popup under the field. Enter or a click opens the record.
 */
public final class GlobalSearch {
    private static final int LIMIT_PER_KIND = 8;

    private final Workspace workspace;
    private final List<GlobalSearchProvider> providers;
    private final Popup popup = new Popup();
    private final ListView<GlobalSearchProvider.Hit> results = new ListView<>();
    private final Label empty = new Label();
    private final PauseTransition debounce = new PauseTransition(Duration.millis(120));
    private TextField field;
    private TaskHandle running;

    public GlobalSearch(Workspace workspace, List<GlobalSearchProvider> providers) {
        this.workspace = workspace;
        this.providers = List.copyOf(providers);
        results.setId("global-search-results");
        results.setPrefSize(520, 360);
        results.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(GlobalSearchProvider.Hit hit, boolean isEmpty) {
                super.updateItem(hit, isEmpty);
                if (isEmpty || hit == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                var title = new Label(hit.title());
                title.setStyle("-fx-font-weight: bold;");
                var detail = new Label(workspace.messages().get("search.kind." + hit.entityType()) + " · " + hit.detail());
                detail.getStyleClass().add("muted");
                setGraphic(new VBox(2, title, detail));
            }
        });
        results.setOnMouseClicked(e -> openSelected());
        results.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelected();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                popup.hide();
            }
        });
        var box = new VBox(results, empty);
        box.getStyleClass().add("card");
        popup.getContent().add(box);
        popup.setAutoHide(true);
        debounce.setOnFinished(e -> search(field.getText()));
    }

    /** Hooks the search field of the main window. */
    public void attach(Parent mainRoot) {
        field = (TextField) mainRoot.lookup("#global-search");
        field.textProperty().subscribe(text -> debounce.playFromStart());
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN && popup.isShowing()) {
                results.requestFocus();
                results.getSelectionModel().selectFirst();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                popup.hide();
            }
        });
    }

    /** Enter in the field: open the first hit. */
    public void open(String text) {
        if (!results.getItems().isEmpty() && popup.isShowing()) {
            results.getSelectionModel().selectFirst();
            openSelected();
        } else {
            search(text);
        }
    }

    private void search(String text) {
        if (running != null) {
            running.requestCancel();
        }
        String q = text == null ? "" : text.strip();
        if (q.length() < 2) {
            popup.hide();
            return;
        }
        running = BackgroundTask.of("Searching", p -> {
                    List<GlobalSearchProvider.Hit> hits = new ArrayList<>();
                    for (GlobalSearchProvider provider : providers) {
                        p.checkCancelled();
                        hits.addAll(provider.search(q, LIMIT_PER_KIND));
                    }
                    return hits;
                })
                .onSuccess(hits -> show(q, hits))
                .runOn(workspace.tasks());
    }

    private void show(String q, List<GlobalSearchProvider.Hit> hits) {
        results.getItems().setAll(hits);
        empty.setText(hits.isEmpty() ? workspace.messages().get("search.none", q) : "");
        empty.setVisible(hits.isEmpty());
        empty.setManaged(hits.isEmpty());
        if (field.getScene() == null) {
            return;
        }
        Bounds b = field.localToScreen(field.getBoundsInLocal());
        if (b != null && !popup.isShowing()) {
            popup.show(field, b.getMaxX() - 520, b.getMaxY() + 4);
        }
    }

    private void openSelected() {
        var hit = results.getSelectionModel().getSelectedItem();
        if (hit != null) {
            popup.hide();
            workspace.navigator().openRecord(hit.entityType(), hit.id());
        }
    }
}
