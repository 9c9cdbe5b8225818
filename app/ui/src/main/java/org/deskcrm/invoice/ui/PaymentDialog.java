package org.deskcrm.invoice.ui;

import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.deskcrm.invoice.Invoice;
import org.deskcrm.invoice.PaymentDraft;
import org.deskcrm.invoice.PaymentMethod;
import org.deskcrm.ui.i18n.Messages;

/** Records a full or partial payment of the selected invoice; the amount starts at the balance due. */
final class PaymentDialog {
    private final InvoicesViewModel vm;
    private final Formats formats;
    private final Invoice invoice;
    private final Messages messages;

    PaymentDialog(InvoicesViewModel vm, Formats formats, Invoice invoice) {
        this.vm = vm;
        this.formats = formats;
        this.invoice = invoice;
        this.messages = vm.workspace().messages();
    }

    void show(Window owner) {
        var stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(messages.get("invoices.payment.title", invoice.number()));

        var balance = new Label(messages.get("invoices.payment.balance", formats.money(invoice.balanceDue(), invoice.currency())));
        balance.getStyleClass().add("section-title");
        var amount = new TextField(formats.number(invoice.balanceDue()));
        amount.setId("payment-amount");
        var method = new ComboBox<PaymentMethod>();
        method.setId("payment-method");
        method.getItems().setAll(PaymentMethod.values());
        method.setValue(PaymentMethod.BANK_TRANSFER);
        method.setCellFactory(lv -> methodCell());
        method.setButtonCell(methodCell());
        var date = new DatePicker(vm.today());
        date.setId("payment-date");
        var reference = new TextField();
        reference.setId("payment-reference");
        reference.setPromptText(messages.get("invoices.payment.referencePrompt"));
        var notes = new TextField();
        notes.setId("payment-notes");
        var errors = Dialogs.errorLabel("payment-error");

        var grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        grid.add(Dialogs.field(messages.get("invoices.payment.amount", invoice.currency()), amount), 0, 0);
        grid.add(Dialogs.field(messages.get("invoices.payment.method"), method), 1, 0);
        grid.add(Dialogs.field(messages.get("invoices.payment.date"), date), 0, 1);
        grid.add(Dialogs.field(messages.get("invoices.payment.reference"), reference), 1, 1);
        grid.add(Dialogs.field(messages.get("invoices.payment.notes"), notes), 0, 2, 2, 1);

        var cancel = new Button(messages.get("common.cancel"));
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> stage.close());
        var save = new Button(messages.get("invoices.payment.save"));
        save.setId("payment-save");
        save.getStyleClass().add("accent");
        save.setDefaultButton(true);
        save.setOnAction(e -> {
            var value = formats.parse(amount.getText());
            if (value == null) {
                errors.setText(messages.get("invoices.editor.badNumber", amount.getText()));
                return;
            }
            save.setDisable(true);
            errors.setText("");
            vm.recordPayment(new PaymentDraft(value, method.getValue(), date.getValue(), reference.getText(), notes.getText()),
                    stage::close, err -> {
                        save.setDisable(false);
                        Dialogs.showError(errors, err);
                    });
        });
        var buttons = new HBox(10, new Region(), cancel, save);
        HBox.setHgrow(buttons.getChildren().getFirst(), Priority.ALWAYS);
        var root = new VBox(14, balance, grid, errors, buttons);
        root.setPadding(new Insets(20));
        root.getStyleClass().add("commerce-dialog");
        var scene = new Scene(root, 480, 330);
        scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        stage.setScene(scene);
        stage.show();
        amount.requestFocus();
        amount.selectAll();
    }

    private ListCell<PaymentMethod> methodCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(PaymentMethod m, boolean empty) {
                super.updateItem(m, empty);
                setText(empty || m == null ? null : messages.get("method." + m.dbName()));
            }
        };
    }
}
