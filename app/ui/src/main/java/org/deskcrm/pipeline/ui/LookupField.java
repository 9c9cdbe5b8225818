package org.deskcrm.pipeline.ui;

import java.util.List;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Bounds;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Popup;
import javafx.util.Duration;
import org.deskcrm.ui.task.BackgroundTask;
import org.deskcrm.ui.task.TaskHandle;
import org.deskcrm.ui.task.TaskRunner;

/**
 * A text field that looks records up as the user types (company, contact, product): the search
 * runs as a background task (debounced, the previous one cancelled) and the matches drop down
 * under the field. Choosing one sets {@link #valueProperty()}; clearing the text clears it.
 */
final class LookupField<T> extends TextField {
    private final ObjectProperty<T> value = new SimpleObjectProperty<>();
    private final Popup popup = new Popup();
    private final ListView<T> results = new ListView<>();
    private final PauseTransition debounce = new PauseTransition(Duration.millis(150));
    private final TaskRunner tasks;
    private final Function<String, List<T>> search;
    private final Function<T, String> display;
    private TaskHandle running;
    private boolean settingText;

    LookupField(TaskRunner tasks, Function<String, List<T>> search, Function<T, String> display, String taskTitle) {
        this.tasks = tasks;
        this.search = search;
        this.display = display;
        getStyleClass().add("lookup-field");
        results.setPrefSize(320, 220);
        results.getStyleClass().add("lookup-results");
        results.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : display.apply(item));
            }
        });
        results.setOnMouseClicked(e -> choose(results.getSelectionModel().getSelectedItem()));
        results.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                choose(results.getSelectionModel().getSelectedItem());
            } else if (e.getCode() == KeyCode.ESCAPE) {
                popup.hide();
            }
        });
        popup.getContent().add(results);
        popup.setAutoHide(true);
        debounce.setOnFinished(e -> lookUp(getText(), taskTitle));
        textProperty().addListener((o, a, text) -> {
            if (settingText) {
                return;
            }
            if (text == null || text.isBlank()) {
                value.set(null);
                popup.hide();
                return;
            }
            debounce.playFromStart();
        });
        focusedProperty().addListener((o, a, focused) -> {
            if (focused && (getText() == null || getText().isBlank())) {
                lookUp("", taskTitle);
            } else if (!focused && !results.isFocused()) {
                // Leaving with text that matches nothing chosen: show the chosen value again.
                showValue();
            }
        });
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN && popup.isShowing()) {
                results.requestFocus();
                results.getSelectionModel().selectFirst();
            } else if (e.getCode() == KeyCode.ENTER && popup.isShowing() && !results.getItems().isEmpty()) {
                choose(results.getItems().getFirst());
            } else if (e.getCode() == KeyCode.ESCAPE) {
                popup.hide();
            }
        });
        value.addListener((o, a, b) -> showValue());
    }

    ObjectProperty<T> valueProperty() {
        return value;
    }

    private void showValue() {
        settingText = true;
        try {
            setText(value.get() == null ? "" : display.apply(value.get()));
        } finally {
            settingText = false;
        }
    }

    private void lookUp(String text, String title) {
        if (running != null) {
            running.requestCancel();
        }
        String q = text == null ? "" : text.strip();
        running = BackgroundTask.of(title, p -> search.apply(q))
                .onSuccess(this::show)
                .runOn(tasks);
    }

    private void show(List<T> items) {
        results.getItems().setAll(items);
        if (items.isEmpty() || getScene() == null || !isFocused()) {
            popup.hide();
            return;
        }
        Bounds b = localToScreen(getBoundsInLocal());
        if (b != null && !popup.isShowing()) {
            results.setPrefWidth(Math.max(380, b.getWidth()));
            popup.show(this, b.getMinX(), b.getMaxY() + 2);
        }
    }

    private void choose(T item) {
        if (item == null) {
            return;
        }
        popup.hide();
        value.set(item);
        showValue();
        positionCaret(getText().length());
    }
}
