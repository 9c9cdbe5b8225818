package org.deskcrm.calendar.ui;

import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.input.KeyCode;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.deskcrm.calendar.EditScope;
import org.deskcrm.ui.i18n.Messages;

/** Modal windows of the calendar screen, styled like the main window; never blocking (callbacks, not showAndWait). */
final class Dialogs {
    private Dialogs() {}

    /** A modal window owned by the window of {@code owner}, with the app's stylesheets and theme; Escape closes it. */
    static Stage stage(Node owner, String title, Parent root) {
        Stage stage = new Stage();
        Window window = owner.getScene() == null ? null : owner.getScene().getWindow();
        if (window != null) {
            stage.initOwner(window);
        }
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(title);
        Scene scene = new Scene(root);
        if (owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
            for (String theme : new String[] {"theme-light", "theme-dark"}) {
                if (owner.getScene().getRoot().getStyleClass().contains(theme)) {
                    root.getStyleClass().add(theme);
                }
            }
        }
        root.getStyleClass().add("calendar-dialog");
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.close();
            }
        });
        stage.setScene(scene);
        return stage;
    }

    /** "Only this event" or "All events" for a recurring event; nothing happens on cancel. */
    static void askScope(Node owner, Messages messages, boolean deleting, Consumer<EditScope> then) {
        askScope(owner, messages, deleting, then, () -> { });
    }

    /** As above; {@code onCancel} runs when the user closes the question without choosing. */
    static void askScope(Node owner, Messages messages, boolean deleting, Consumer<EditScope> then, Runnable onCancel) {
        ButtonType one = new ButtonType(messages.get("calendar.scope.this"), ButtonBar.ButtonData.YES);
        ButtonType all = new ButtonType(messages.get("calendar.scope.all"), ButtonBar.ButtonData.NO);
        ButtonType cancel = new ButtonType(messages.get("common.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = alert(owner, Alert.AlertType.CONFIRMATION, messages.get(deleting ? "calendar.scope.deleteTitle"
                : "calendar.scope.title"), messages.get(deleting ? "calendar.scope.deleteText" : "calendar.scope.text"), one, all, cancel);
        alert.getDialogPane().lookupButton(one).setId("scope-this");
        alert.getDialogPane().lookupButton(all).setId("scope-all");
        alert.getDialogPane().lookupButton(cancel).setId("scope-cancel");
        alert.resultProperty().addListener((obs, old, result) -> {
            if (result == one) {
                then.accept(EditScope.THIS_OCCURRENCE);
            } else if (result == all) {
                then.accept(EditScope.ALL_OCCURRENCES);
            } else {
                onCancel.run();
            }
        });
        alert.show();
    }

    /** Asks to confirm something that cannot be undone. */
    static void confirm(Node owner, Messages messages, String title, String text, Runnable then) {
        ButtonType yes = new ButtonType(messages.get("common.delete"), ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType(messages.get("common.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = alert(owner, Alert.AlertType.CONFIRMATION, title, text, yes, no);
        alert.getDialogPane().lookupButton(yes).setId("confirm-yes");
        alert.resultProperty().addListener((obs, old, result) -> {
            if (result == yes) {
                then.run();
            }
        });
        alert.show();
    }

    static void error(Node owner, Messages messages, String text) {
        Alert alert = alert(owner, Alert.AlertType.ERROR, messages.get("common.error"), text, ButtonType.OK);
        alert.getDialogPane().setId("calendar-error-dialog");
        alert.show();
    }

    static void info(Node owner, String title, String text) {
        alert(owner, Alert.AlertType.INFORMATION, title, text, ButtonType.OK).show();
    }

    private static Alert alert(Node owner, Alert.AlertType type, String title, String text, ButtonType... buttons) {
        Alert alert = new Alert(type, text, buttons);
        if (owner.getScene() != null && owner.getScene().getWindow() != null) {
            alert.initOwner(owner.getScene().getWindow());
            alert.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.getDialogPane().setMinWidth(440);
        return alert;
    }
}
