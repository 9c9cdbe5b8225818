package org.deskcrm.invoice.ui;

import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.deskcrm.invoice.DealRef;
import org.deskcrm.ui.i18n.Messages;

/** Picks a deal the user can see and turns it into a draft invoice (its client, currency and quoted products). */
final class DealPicker {
    private final InvoicesViewModel vm;
    private final Formats formats;
    private final Messages messages;

    DealPicker(InvoicesViewModel vm, Formats formats) {
        this.vm = vm;
        this.formats = formats;
        this.messages = vm.workspace().messages();
    }

    void show(Window owner) {
        var stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(messages.get("invoices.fromDeal.title"));
        SearchField<DealRef> deal = new SearchField<>(vm::searchDeals, DealRef::name,
                d -> (d.clientName() == null ? "" : d.clientName() + " · ") + formats.money(d.value(), d.currency())
                        + " · " + messages.get("deal.status." + d.status()));
        deal.setId("deal-picker");
        deal.setPromptText(messages.get("invoices.fromDeal.prompt"));
        var hint = new Label(messages.get("invoices.fromDeal.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add("muted");
        var cancel = new Button(messages.get("common.cancel"));
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> stage.close());
        var create = new Button(messages.get("invoices.fromDeal.create"));
        create.setId("deal-picker-create");
        create.getStyleClass().add("accent");
        create.disableProperty().bind(deal.valueProperty().isNull());
        create.setOnAction(e -> {
            vm.createFromDeal(deal.getValue());
            stage.close();
        });
        var buttons = new HBox(10, new Region(), cancel, create);
        HBox.setHgrow(buttons.getChildren().getFirst(), Priority.ALWAYS);
        var root = new VBox(12, Dialogs.field(messages.get("invoices.fromDeal.deal"), deal), hint, buttons);
        root.setPadding(new Insets(20));
        root.getStyleClass().add("commerce-dialog");
        var scene = new Scene(root, 480, 220);
        scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        stage.setScene(scene);
        stage.show();
    }
}
