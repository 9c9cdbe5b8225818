package org.deskcrm.invoice.ui;

import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.deskcrm.platform.persistence.ValidationException;

/** Small dialog helpers shared by the commerce screens. */
final class Dialogs {
    private Dialogs() {}

    /** Asks before a consequential action; true when the user confirms. */
    static boolean confirm(Node owner, String title, String text, String confirmLabel) {
        var yes = new ButtonType(confirmLabel, ButtonBar.ButtonData.OK_DONE);
        var alert = new Alert(Alert.AlertType.CONFIRMATION, text, yes, ButtonType.CANCEL);
        alert.initOwner(owner.getScene().getWindow());
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.getDialogPane().lookupButton(yes).setId("confirm-ok");
        return alert.showAndWait().filter(b -> b == yes).isPresent();
    }

    /** Shows a service error inside a dialog: each field message on its own line. */
    static void showError(Label errors, Throwable e) {
        if (e instanceof ValidationException v) {
            errors.setText(String.join("\n", v.messages()));
        } else {
            errors.setText(e.getMessage());
        }
    }

    static Label errorLabel(String id) {
        var l = new Label();
        l.setId(id);
        l.getStyleClass().add("error-text");
        l.setWrapText(true);
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    static VBox field(String label, Node input) {
        var l = new Label(label);
        l.getStyleClass().add("field-label");
        return new VBox(4, l, input);
    }
}
