package org.deskcrm.invoice.ui;

import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.deskcrm.invoice.InvoiceSettings;
import org.deskcrm.ui.i18n.Messages;

/** Admins set the invoice number prefix (with a preview of the next number) and what every invoice prints by default. */
final class InvoiceSettingsDialog {
    private final InvoicesViewModel vm;
    private final Messages messages;

    InvoiceSettingsDialog(InvoicesViewModel vm) {
        this.vm = vm;
        this.messages = vm.workspace().messages();
    }

    void show(Window owner) {
        vm.loadSettings(state -> build(owner, state));
    }

    private void build(Window owner, InvoicesViewModel.SettingsState state) {
        var stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(messages.get("invoices.settings.title"));
        InvoiceSettings s = state.settings();
        var prefix = new TextField(s.prefix());
        prefix.setId("settings-prefix");
        prefix.setPrefColumnCount(8);
        var next = new Label(messages.get("invoices.settings.next", state.nextNumber()));
        next.setId("settings-next-number");
        next.getStyleClass().add("muted");
        var debounce = new PauseTransition(Duration.millis(250));
        debounce.setOnFinished(e -> vm.previewNumber(prefix.getText(), n -> next.setText(n.isEmpty() ? ""
                : messages.get("invoices.settings.next", n))));
        prefix.textProperty().addListener((o, a, b) -> debounce.playFromStart());
        var sender = new TextArea(s.senderDetails());
        sender.setId("settings-sender");
        sender.setPrefRowCount(4);
        sender.setPromptText(messages.get("invoices.settings.senderPrompt"));
        var terms = new TextArea(s.defaultTerms());
        terms.setId("settings-terms");
        terms.setPrefRowCount(3);
        var notes = new TextArea(s.defaultNotes());
        notes.setId("settings-notes");
        notes.setPrefRowCount(2);
        var errors = Dialogs.errorLabel("settings-error");
        var hint = new Label(messages.get("invoices.settings.prefixHint"));
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);

        var cancel = new Button(messages.get("common.cancel"));
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> stage.close());
        var save = new Button(messages.get("common.save"));
        save.setId("settings-save");
        save.getStyleClass().add("accent");
        save.setOnAction(e -> {
            save.setDisable(true);
            vm.saveSettings(new InvoiceSettings(prefix.getText(), sender.getText(), terms.getText(), notes.getText()), stage::close,
                    err -> {
                        save.setDisable(false);
                        Dialogs.showError(errors, err);
                    });
        });
        var buttons = new HBox(10, new Region(), cancel, save);
        HBox.setHgrow(buttons.getChildren().getFirst(), Priority.ALWAYS);
        var root = new VBox(12, Dialogs.field(messages.get("invoices.settings.prefix"), new HBox(12, prefix, next)), hint,
                Dialogs.field(messages.get("invoices.settings.sender"), sender),
                Dialogs.field(messages.get("invoices.settings.terms"), terms),
                Dialogs.field(messages.get("invoices.settings.notes"), notes), errors, buttons);
        root.setPadding(new Insets(20));
        root.getStyleClass().add("commerce-dialog");
        var scene = new Scene(root, 560, 560);
        scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        stage.setScene(scene);
        stage.show();
    }
}
