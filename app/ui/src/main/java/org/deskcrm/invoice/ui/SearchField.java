package org.deskcrm.invoice.ui;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import javafx.util.Duration;

/**
 * A text field that looks records up as the user types (debounced; the search itself runs in the
 * background through {@code search}) and offers the hits in a drop-down list; a click, or Enter
 * (the first or highlighted hit), sets {@link #valueProperty()}. Editing the text clears the value.
 * Hits of an older search that answers late are dropped, and Enter pressed before the hits of the
 * typed text arrive takes the first of them when they do.
 */
public final class SearchField<T> extends TextField {
    private final ObjectProperty<T> value = new SimpleObjectProperty<>();
    private final Popup popup = new Popup();
    private final ListView<T> hits = new ListView<>();
    private final PauseTransition debounce = new PauseTransition(Duration.millis(180));
    private boolean settingText;
    /** The text of the search running now, or null: hits of older searches are dropped. */
    private String pendingQuery;
    /** Enter was pressed before the hits of the current text arrived: take the first one then. */
    private boolean chooseFirstWhenReady;

    /**
     * @param search runs the lookup off the UI thread and hands the hits to the consumer on it
     */
    public SearchField(BiConsumer<String, Consumer<List<T>>> search, Function<T, String> title, Function<T, String> detail) {
        hits.getStyleClass().add("search-hits");
        hits.setPrefHeight(240);
        hits.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                var name = new Label(title.apply(item));
                name.getStyleClass().add("search-hit-title");
                var more = new Label(detail.apply(item));
                more.getStyleClass().add("muted");
                setGraphic(new VBox(1, name, more));
                setText(null);
            }
        });
        hits.setOnMouseClicked(e -> choose(hits.getSelectionModel().getSelectedItem()));
        hits.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                choose(hits.getSelectionModel().getSelectedItem());
            } else if (e.getCode() == KeyCode.ESCAPE) {
                popup.hide();
            }
        });
        popup.getContent().add(hits);
        popup.setAutoHide(true);
        debounce.setOnFinished(e -> {
            String query = getText();
            pendingQuery = query;
            search.accept(query, found -> show(query, found));
        });
        textProperty().addListener((obs, old, text) -> {
            if (settingText) {
                return;
            }
            value.set(null);
            chooseFirstWhenReady = false;
            debounce.playFromStart();
        });
        focusedProperty().addListener((obs, was, focused) -> {
            if (focused && value.get() == null) {
                debounce.playFromStart();
            }
        });
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN && popup.isShowing()) {
                hits.requestFocus();
                hits.getSelectionModel().selectFirst();
            } else if (e.getCode() == KeyCode.ENTER && searchPending()) {
                chooseFirstWhenReady = true;
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER && popup.isShowing() && !hits.getItems().isEmpty()) {
                choose(hits.getItems().getFirst());
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                popup.hide();
            }
        });
        value.addListener((obs, old, v) -> {
            settingText = true;
            setText(v == null ? (isFocused() ? getText() : "") : title.apply(v));
            positionCaret(getText().length());
            settingText = false;
        });
    }

    public ObjectProperty<T> valueProperty() {
        return value;
    }

    public T getValue() {
        return value.get();
    }

    public void setValue(T v) {
        value.set(v);
    }

    private void choose(T hit) {
        if (hit != null) {
            value.set(hit);
            popup.hide();
        }
    }

    /** True while the hits shown are not yet those of the text typed (debounce or search running). */
    public boolean searchPending() {
        return debounce.getStatus() == javafx.animation.Animation.Status.RUNNING || pendingQuery != null;
    }

    private void show(String query, List<T> found) {
        if (!query.equals(pendingQuery)) {
            return; // an older search answering late: its hits would replace those of the newer text
        }
        pendingQuery = null;
        if (chooseFirstWhenReady && debounce.getStatus() != javafx.animation.Animation.Status.RUNNING) {
            chooseFirstWhenReady = false;
            if (!found.isEmpty()) {
                hits.getItems().setAll(found);
                choose(found.getFirst());
                return;
            }
        }
        hits.getItems().setAll(found);
        if (!isFocused() || found.isEmpty() || getScene() == null) {
            popup.hide();
            return;
        }
        hits.setPrefWidth(Math.max(300, getWidth()));
        hits.setPrefHeight(Math.min(6, found.size()) * 46 + 4);
        if (!popup.isShowing()) {
            Bounds b = localToScreen(getBoundsInLocal());
            popup.show(this, b.getMinX(), b.getMaxY() + 2);
        }
    }
}
