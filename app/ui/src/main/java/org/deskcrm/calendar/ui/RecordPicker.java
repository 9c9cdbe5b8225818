package org.deskcrm.calendar.ui;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Side;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.deskcrm.calendar.LinkedRecord;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * A field that finds a company, contact or deal as the user types (the search runs in the
 * background through {@code searcher}) and holds the chosen record in {@link #valueProperty()}.
 */
final class RecordPicker extends HBox {
    private final TextField field = new TextField();
    private final Button clear = new Button();
    private final ContextMenu popup = new ContextMenu();
    private final ObjectProperty<LinkedRecord> value = new SimpleObjectProperty<>();
    private final PauseTransition debounce = new PauseTransition(Duration.millis(220));
    private boolean programmatic;

    RecordPicker(String id, String prompt, BiConsumer<String, Consumer<List<LinkedRecord>>> searcher) {
        setSpacing(4);
        field.setId(id);
        field.setPromptText(prompt);
        HBox.setHgrow(field, Priority.ALWAYS);
        clear.setGraphic(new FontIcon(Material2AL.CLOSE));
        clear.getStyleClass().addAll("flat", "picker-clear");
        clear.setId(id + "-clear");
        clear.setOnAction(e -> value.set(null));
        clear.visibleProperty().bind(value.isNotNull());
        clear.managedProperty().bind(clear.visibleProperty());
        getChildren().addAll(field, clear);
        value.subscribe(v -> {
            programmatic = true;
            field.setText(v == null ? "" : v.label());
            programmatic = false;
        });
        field.textProperty().subscribe(text -> {
            if (!programmatic && field.isFocused()) {
                debounce.playFromStart();
            }
        });
        debounce.setOnFinished(e -> {
            String text = field.getText();
            if (text == null || text.isBlank()) {
                popup.hide();
                return;
            }
            searcher.accept(text, this::show);
        });
        field.focusedProperty().subscribe(focused -> {
            if (!focused && !popup.isShowing()) {
                programmatic = true;
                field.setText(value.get() == null ? "" : value.get().label());
                programmatic = false;
            }
        });
    }

    private void show(List<LinkedRecord> hits) {
        popup.getItems().clear();
        for (LinkedRecord r : hits) {
            Label title = new Label(r.label());
            title.getStyleClass().add("picker-title");
            VBox box = new VBox(1, title);
            String detail = r.detail() != null ? r.detail() : r.email();
            if (detail != null && !detail.isBlank()) {
                Label d = new Label(detail);
                d.getStyleClass().add("muted");
                box.getChildren().add(d);
            }
            CustomMenuItem item = new CustomMenuItem(box, true);
            item.setOnAction(e -> value.set(r));
            popup.getItems().add(item);
        }
        if (hits.isEmpty()) {
            popup.hide();
        } else if (!popup.isShowing() && getScene() != null) {
            popup.show(field, Side.BOTTOM, 0, 0);
        }
    }

    ObjectProperty<LinkedRecord> valueProperty() {
        return value;
    }

    TextField field() {
        return field;
    }
}
