package org.deskcrm.crm.ui;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * A modal panel over a screen (dimmed backdrop, centred card): dialogs that stay inside the main
 * window, so they follow its theme and never hide behind it. Escape closes it.
 */
public final class Sheet {
    private final StackPane host;
    private final StackPane backdrop = new StackPane();
    private final VBox card = new VBox(14);
    private final HBox buttons = new HBox(8);
    private final Label error = new Label();

    public Sheet(StackPane host, String title, Node content, double width) {
        this.host = host;
        var heading = new Label(title);
        heading.getStyleClass().add("sheet-title");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.setVisible(false);
        error.setManaged(false);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        buttons.getChildren().add(spacer);
        card.getChildren().addAll(heading, content, error, buttons);
        card.getStyleClass().add("sheet");
        card.setMaxWidth(width);
        card.setMaxHeight(Region.USE_PREF_SIZE);
        backdrop.getStyleClass().add("sheet-backdrop");
        backdrop.getChildren().add(card);
        StackPane.setAlignment(card, Pos.CENTER);
        backdrop.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                close();
            }
        });
    }

    public Button addButton(String text, String id, boolean primary, Runnable action) {
        var b = new Button(text);
        b.setId(id);
        if (primary) {
            b.getStyleClass().add("accent");
            b.setDefaultButton(true);
        }
        b.setOnAction(e -> action.run());
        buttons.getChildren().add(b);
        return b;
    }

    public Button addCancel(String text) {
        var b = addButton(text, "sheet-cancel", false, this::close);
        b.setCancelButton(true);
        return b;
    }

    public void showError(String message) {
        error.setText(message == null ? "" : message);
        error.setVisible(message != null && !message.isBlank());
        error.setManaged(error.isVisible());
    }

    public Sheet show() {
        host.getChildren().add(backdrop);
        backdrop.requestFocus();
        return this;
    }

    public void close() {
        host.getChildren().remove(backdrop);
    }

    public boolean isShowing() {
        return host.getChildren().contains(backdrop);
    }

    public HBox buttons() {
        return buttons;
    }
}
