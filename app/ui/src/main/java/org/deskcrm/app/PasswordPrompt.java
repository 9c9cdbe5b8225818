package org.deskcrm.app;

import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.deskcrm.ui.i18n.Messages;

/** Asks for the PostgreSQL password at start (it is never stored or passed on the command line). */
final class PasswordPrompt {
    private PasswordPrompt() {}

    static Optional<String> ask(Window owner, Messages messages, String user, String url) {
        var dialog = new Dialog<String>();
        dialog.initOwner(owner);
        dialog.setTitle(messages.get("db.password.title"));
        var field = new PasswordField();
        field.setId("db-password");
        dialog.getDialogPane().setContent(new VBox(8, new Label(messages.get("db.password.text", user, url)), field));
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setResultConverter(b -> b == ButtonType.OK ? field.getText() : null);
        dialog.setOnShown(e -> field.requestFocus());
        return dialog.showAndWait();
    }
}
