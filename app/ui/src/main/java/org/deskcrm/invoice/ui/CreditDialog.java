package org.deskcrm.invoice.ui;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.deskcrm.invoice.CreditLineDraft;
import org.deskcrm.invoice.Invoice;
import org.deskcrm.invoice.InvoiceLine;
import org.deskcrm.invoice.InvoiceService;
import org.deskcrm.invoice.Money;
import org.deskcrm.ui.i18n.Messages;

/**
 * "Credit…" on an issued invoice: every line starts checked at its full quantity and price (a
 * full credit); unchecking lines or lowering quantities or prices makes a partial credit. The
 * credit's total is previewed as the user types; the service checks it against what is left to
 * credit, and a reason is required.
 */
final class CreditDialog {
    private final InvoicesViewModel vm;
    private final Formats formats;
    private final Invoice invoice;
    private final Messages messages;

    private record Row(InvoiceLine line, CheckBox use, TextField quantity, TextField price) {}

    CreditDialog(InvoicesViewModel vm, Formats formats, Invoice invoice) {
        this.vm = vm;
        this.formats = formats;
        this.invoice = invoice;
        this.messages = vm.workspace().messages();
    }

    void show(Window owner) {
        var stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(messages.get("invoices.credit.title", invoice.number()));

        var left = new Label(messages.get("invoices.credit.left", formats.money(invoice.creditableAmount(), invoice.currency())));
        left.getStyleClass().add("section-title");
        var hint = new Label(messages.get("invoices.credit.hint"));
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);

        var grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        String[] heads = {"invoices.line.description", "invoices.line.qty", "invoices.line.price", "invoices.credit.amount"};
        for (int i = 0; i < heads.length; i++) {
            var h = new Label(messages.get(heads[i]));
            h.getStyleClass().add("grid-head");
            grid.add(h, i, 0);
        }
        var total = new Label();
        total.setId("credit-total");
        total.getStyleClass().add("total-strong");
        List<Row> rows = new ArrayList<>();
        List<Label> amounts = new ArrayList<>();
        Runnable recompute = () -> {
            BigDecimal sum = Money.zero(invoice.currency());
            for (int i = 0; i < rows.size(); i++) {
                BigDecimal a = preview(rows.get(i));
                amounts.get(i).setText(a == null || !rows.get(i).use().isSelected() ? "–" : formats.money(a.negate(), invoice.currency()));
                sum = sum.add(a == null ? BigDecimal.ZERO : a);
            }
            total.setText(messages.get("invoices.credit.total", formats.money(sum.negate(), invoice.currency())));
        };
        int r = 1;
        for (InvoiceLine l : invoice.lines()) {
            int n = r - 1;
            var use = new CheckBox(l.description());
            use.setId("credit-line-use-" + n);
            use.setSelected(true);
            use.setWrapText(true);
            use.setMaxWidth(240);
            var qty = new TextField(formats.number(l.quantity()));
            qty.setId("credit-line-qty-" + n);
            qty.setPrefColumnCount(6);
            var price = new TextField(formats.number(l.unitPrice().stripTrailingZeros()));
            price.setId("credit-line-price-" + n);
            price.setPrefColumnCount(8);
            qty.disableProperty().bind(use.selectedProperty().not());
            price.disableProperty().bind(use.selectedProperty().not());
            var amount = new Label();
            amount.setMinWidth(90);
            amount.setAlignment(Pos.CENTER_RIGHT);
            rows.add(new Row(l, use, qty, price));
            amounts.add(amount);
            use.selectedProperty().addListener((o, a, b) -> recompute.run());
            qty.textProperty().addListener((o, a, b) -> recompute.run());
            price.textProperty().addListener((o, a, b) -> recompute.run());
            grid.add(use, 0, r);
            grid.add(qty, 1, r);
            grid.add(price, 2, r);
            grid.add(amount, 3, r);
            r++;
        }
        recompute.run();
        var scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(Math.min(260, 40 + 36 * invoice.lines().size()));

        var reason = new TextField();
        reason.setId("credit-reason");
        reason.setPromptText(messages.get("invoices.credit.reasonPrompt"));
        var errors = Dialogs.errorLabel("credit-error");

        var cancel = new Button(messages.get("common.cancel"));
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> stage.close());
        var save = new Button(messages.get("invoices.credit.save"));
        save.setId("credit-save");
        save.getStyleClass().add("accent");
        save.setDefaultButton(true);
        save.setOnAction(e -> {
            List<CreditLineDraft> lines = new ArrayList<>();
            for (Row row : rows) {
                if (!row.use().isSelected()) {
                    continue;
                }
                BigDecimal q = formats.parse(row.quantity().getText());
                BigDecimal p = formats.parse(row.price().getText());
                if (q == null || p == null) {
                    errors.setText(messages.get("invoices.editor.badNumber", q == null ? row.quantity().getText() : row.price().getText()));
                    return;
                }
                lines.add(new CreditLineDraft(row.line().id(), q, p));
            }
            save.setDisable(true);
            errors.setText("");
            vm.credit(lines, reason.getText(), stage::close, err -> {
                save.setDisable(false);
                Dialogs.showError(errors, err);
            });
        });
        var buttons = new HBox(10, total, new Region(), cancel, save);
        buttons.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(buttons.getChildren().get(1), Priority.ALWAYS);
        var root = new VBox(12, left, hint, scroll, Dialogs.field(messages.get("invoices.credit.reason"), reason), errors, buttons);
        root.setPadding(new Insets(20));
        root.getStyleClass().add("commerce-dialog");
        var scene = new Scene(root, 640, 460);
        scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        stage.setScene(scene);
        stage.show();
        reason.requestFocus();
    }

    /** The line's credit as the service will compute it (discount in proportion to the quantity), or null for bad input. */
    private BigDecimal preview(Row row) {
        if (!row.use().isSelected()) {
            return BigDecimal.ZERO;
        }
        BigDecimal q = formats.parse(row.quantity().getText());
        BigDecimal p = formats.parse(row.price().getText());
        if (q == null || p == null || q.signum() <= 0 || p.signum() < 0) {
            return null;
        }
        return InvoiceService.creditAmounts(row.line(), q, p, invoice.currency()).total();
    }
}
