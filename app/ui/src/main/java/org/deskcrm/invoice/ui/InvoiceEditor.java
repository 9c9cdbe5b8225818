package org.deskcrm.invoice.ui;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.deskcrm.invoice.ClientRef;
import org.deskcrm.invoice.Invoice;
import org.deskcrm.invoice.InvoiceDraft;
import org.deskcrm.invoice.InvoiceLineDraft;
import org.deskcrm.invoice.Money;
import org.deskcrm.invoice.PaymentTerms;
import org.deskcrm.platform.persistence.ValidationException;
import org.deskcrm.product.Product;
import org.deskcrm.ui.i18n.Messages;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

/**
 * Creates or edits a draft invoice: the billed party, currency, dates and terms, the lines
 * (products or free text) with totals updated as the user types, notes and printed terms.
 */
final class InvoiceEditor {
    static final List<String> CURRENCIES = List.of("USD", "EUR", "GBP", "CHF", "CAD", "AUD", "JPY", "SEK", "NOK", "DKK", "PLN", "CZK");

    private final InvoicesViewModel vm;
    private final Formats formats;
    private final Messages messages;
    private final Invoice existing;
    private final InvoiceDraft start;
    private final Stage stage = new Stage();
    private final List<LineRow> lines = new ArrayList<>();
    private final GridPane linesGrid = new GridPane();
    private final SearchField<ClientRef> client;
    private final ComboBox<String> currency = new ComboBox<>();
    private final DatePicker issueDate = new DatePicker();
    private final ComboBox<PaymentTerms> terms = new ComboBox<>();
    private final DatePicker dueDate = new DatePicker();
    private final TextField description = new TextField();
    private final TextArea notes = new TextArea();
    private final TextArea termsText = new TextArea();
    private final Label subtotal = new Label();
    private final Label discount = new Label();
    private final Label tax = new Label();
    private final Label total = new Label();
    private final Label errors = Dialogs.errorLabel("invoice-editor-error");

    /** One editable line. */
    private final class LineRow {
        UUID productId;
        final TextField description = new TextField();
        final TextField quantity = new TextField("1");
        final TextField price = new TextField();
        final TextField taxRate = new TextField("0");
        final TextField discount = new TextField("0");
        final Label amount = new Label();
        final Button remove = new Button();

        LineRow(InvoiceLineDraft d) {
            if (d != null) {
                productId = d.productId();
                description.setText(d.description());
                quantity.setText(formats.number(d.quantity()));
                price.setText(formats.number(d.unitPrice()));
                taxRate.setText(formats.number(d.taxRate() == null ? BigDecimal.ZERO : d.taxRate()));
                discount.setText(formats.number(d.discount() == null ? BigDecimal.ZERO : d.discount()));
            }
            for (TextField f : List.of(quantity, price, taxRate, discount)) {
                f.setPrefColumnCount(6);
                f.setAlignment(Pos.CENTER_RIGHT);
                f.textProperty().addListener((o, a, b) -> recompute());
            }
            description.setPromptText(messages.get("invoices.line.descriptionPrompt"));
            description.textProperty().addListener((o, a, b) -> {
                if (!stage.isShowing()) {
                    return;
                }
                if (productId != null && a != null && !a.equals(b) && b.isBlank()) {
                    productId = null;
                }
            });
            amount.setMinWidth(90);
            amount.setAlignment(Pos.CENTER_RIGHT);
            remove.setGraphic(new FontIcon(Material2OutlinedAL.CLOSE));
            remove.getStyleClass().add("flat");
            remove.setOnAction(e -> {
                lines.remove(this);
                layoutLines();
            });
        }

        InvoiceLineDraft toDraft() {
            return new InvoiceLineDraft(productId, description.getText(), formats.parse(quantity.getText()), formats.parse(price.getText()),
                    zeroIfBlank(taxRate.getText()), zeroIfBlank(discount.getText()));
        }
    }

    private BigDecimal zeroIfBlank(String text) {
        return text == null || text.isBlank() ? BigDecimal.ZERO : formats.parse(text);
    }

    InvoiceEditor(InvoicesViewModel vm, Formats formats, Invoice existing, InvoiceDraft start) {
        this.vm = vm;
        this.formats = formats;
        this.messages = vm.workspace().messages();
        this.existing = existing;
        this.start = start;
        this.client = new SearchField<>(vm::searchClients, ClientRef::name, c -> c.detail());
    }

    void show(Window owner) {
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(messages.get(existing == null ? "invoices.editor.newTitle" : "invoices.editor.editTitle"));

        client.setId("invoice-client");
        client.setPromptText(messages.get("invoices.editor.clientPrompt"));
        if (existing != null) {
            client.setValue(existing.companyId() != null
                    ? new ClientRef(ClientRef.Kind.COMPANY, existing.companyId(), existing.companyName(), "")
                    : new ClientRef(ClientRef.Kind.CONTACT, existing.contactId(), existing.contactName(), ""));
        }
        client.valueProperty().addListener((o, a, c) -> {
            if (c != null && existing == null) {
                vm.newDraft(c, d -> {
                    currency.setValue(d.currency());
                    terms.setValue(d.paymentTerms());
                });
            }
        });
        currency.setId("invoice-currency");
        currency.setEditable(true);
        currency.getItems().setAll(CURRENCIES);
        currency.setValue(start.currency());
        currency.setPrefWidth(110);
        currency.valueProperty().addListener((o, a, b) -> recompute());
        issueDate.setId("invoice-issue-date");
        issueDate.setValue(start.issueDate());
        terms.setId("invoice-terms");
        terms.getItems().add(null);
        terms.getItems().addAll(PaymentTerms.values());
        terms.setCellFactory(lv -> termsCell());
        terms.setButtonCell(termsCell());
        terms.setValue(start.paymentTerms());
        dueDate.setId("invoice-due-date");
        dueDate.setValue(start.dueDate());
        terms.valueProperty().addListener((o, a, t) -> followTerms());
        issueDate.valueProperty().addListener((o, a, d) -> followTerms());
        description.setId("invoice-description");
        description.setText(start.description());
        description.setPromptText(messages.get("invoices.editor.descriptionPrompt"));
        notes.setId("invoice-notes");
        notes.setText(start.notes());
        notes.setPrefRowCount(2);
        notes.setWrapText(true);
        termsText.setId("invoice-terms-text");
        termsText.setText(start.terms());
        termsText.setPrefRowCount(2);
        termsText.setWrapText(true);

        var header = new GridPane();
        header.setHgap(12);
        header.setVgap(10);
        var grow = new ColumnConstraints();
        grow.setHgrow(Priority.ALWAYS);
        header.getColumnConstraints().addAll(grow, new ColumnConstraints(), new ColumnConstraints());
        header.add(Dialogs.field(messages.get("invoices.editor.client"), client), 0, 0);
        header.add(Dialogs.field(messages.get("invoices.editor.currency"), currency), 1, 0);
        header.add(Dialogs.field(messages.get("invoices.editor.issueDate"), issueDate), 0, 1);
        header.add(Dialogs.field(messages.get("invoices.editor.terms"), terms), 1, 1);
        header.add(Dialogs.field(messages.get("invoices.editor.dueDate"), dueDate), 2, 1);
        header.add(Dialogs.field(messages.get("invoices.editor.description"), description), 0, 2, 3, 1);

        for (InvoiceLineDraft d : start.lines()) {
            lines.add(new LineRow(d));
        }
        if (lines.isEmpty()) {
            lines.add(new LineRow(null));
        }
        linesGrid.setHgap(8);
        linesGrid.setVgap(6);
        linesGrid.getStyleClass().add("lines-grid");
        layoutLines();

        var addLine = new Button(messages.get("invoices.editor.addLine"), new FontIcon(Material2OutlinedAL.ADD));
        addLine.setId("invoice-add-line");
        addLine.setOnAction(e -> {
            lines.add(new LineRow(null));
            layoutLines();
        });
        SearchField<Product> product = new SearchField<>(vm::searchProducts, Product::name,
                p -> formats.money(p.price(), p.currency()) + (p.sku() == null ? "" : " · " + p.sku()));
        product.setId("invoice-add-product");
        product.setPromptText(messages.get("invoices.editor.addProduct"));
        product.setPrefColumnCount(18);
        product.valueProperty().addListener((o, a, p) -> {
            if (p == null) {
                return;
            }
            LineRow row = new LineRow(new InvoiceLineDraft(p.id(), p.name(), BigDecimal.ONE, p.price(), p.taxRate(), BigDecimal.ZERO));
            if (lines.size() == 1 && lines.getFirst().description.getText().isBlank() && lines.getFirst().price.getText().isBlank()) {
                lines.clear();
            }
            lines.add(row);
            layoutLines();
            javafx.application.Platform.runLater(() -> product.setValue(null));
        });
        var lineTools = new HBox(8, addLine, product);
        lineTools.setAlignment(Pos.CENTER_LEFT);

        var totals = new GridPane();
        totals.setHgap(24);
        totals.setVgap(3);
        totalRow(totals, 0, "invoices.total.subtotal", subtotal, false);
        totalRow(totals, 1, "invoices.total.discount", discount, false);
        totalRow(totals, 2, "invoices.total.tax", tax, false);
        totalRow(totals, 3, "invoices.total.total", total, true);
        total.setId("invoice-editor-total");
        var totalsBox = new HBox(new Region(), totals);
        HBox.setHgrow(totalsBox.getChildren().getFirst(), Priority.ALWAYS);

        var texts = new HBox(12, Dialogs.field(messages.get("invoices.editor.notes"), notes),
                Dialogs.field(messages.get("invoices.editor.termsText"), termsText));
        texts.getChildren().forEach(n -> HBox.setHgrow(n, Priority.ALWAYS));

        var linesTitle = new Label(messages.get("invoices.editor.lines"));
        linesTitle.getStyleClass().add("section-title");
        var body = new VBox(14, header, linesTitle, linesGrid, lineTools, totalsBox, texts, errors);
        body.setPadding(new Insets(18));
        var scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);

        var cancel = new Button(messages.get("common.cancel"));
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> stage.close());
        var save = new Button(messages.get("invoices.editor.save"));
        save.setId("invoice-save");
        save.getStyleClass().add("accent");
        save.setDefaultButton(true);
        save.setOnAction(e -> save(save));
        var buttons = new HBox(10, new Region(), cancel, save);
        HBox.setHgrow(buttons.getChildren().getFirst(), Priority.ALWAYS);
        buttons.setPadding(new Insets(12, 18, 14, 18));
        buttons.getStyleClass().add("dialog-buttons");

        var root = new VBox(scroll, buttons);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        root.getStyleClass().add("commerce-dialog");
        var scene = new Scene(root, 900, 680);
        scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        root.getStyleClass().addAll(owner.getScene().getRoot().getStyleClass().filtered(c -> c.startsWith("theme-")));
        stage.setScene(scene);
        recompute();
        stage.show();
        client.requestFocus();
    }

    private ListCell<PaymentTerms> termsCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(PaymentTerms t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty ? null : t == null ? messages.get("terms.custom") : messages.get("terms." + t.dbName()));
            }
        };
    }

    private void followTerms() {
        if (terms.getValue() != null && issueDate.getValue() != null) {
            dueDate.setValue(terms.getValue().dueDate(issueDate.getValue()));
        }
    }

    private void totalRow(GridPane g, int row, String key, Label value, boolean strong) {
        var k = new Label(messages.get(key));
        k.getStyleClass().add(strong ? "total-strong" : "muted");
        if (strong) {
            value.getStyleClass().add("total-strong");
        }
        value.setMaxWidth(Double.MAX_VALUE);
        value.setAlignment(Pos.CENTER_RIGHT);
        g.add(k, 0, row);
        g.add(value, 1, row);
    }

    private void layoutLines() {
        linesGrid.getChildren().clear();
        linesGrid.getColumnConstraints().clear();
        var grow = new ColumnConstraints();
        grow.setHgrow(Priority.ALWAYS);
        grow.setMinWidth(220);
        linesGrid.getColumnConstraints().add(grow);
        String[] heads = {"invoices.line.description", "invoices.line.qty", "invoices.line.price", "invoices.line.taxPercent",
                "invoices.line.discount", "invoices.line.amount"};
        for (int i = 0; i < heads.length; i++) {
            var h = new Label(messages.get(heads[i]));
            h.getStyleClass().add("grid-head");
            linesGrid.add(h, i, 0);
        }
        for (int n = 0; n < lines.size(); n++) {
            LineRow l = lines.get(n);
            l.description.setId("invoice-line-desc-" + n);
            l.quantity.setId("invoice-line-qty-" + n);
            l.price.setId("invoice-line-price-" + n);
            l.taxRate.setId("invoice-line-tax-" + n);
            l.discount.setId("invoice-line-discount-" + n);
            l.amount.setId("invoice-line-amount-" + n);
            l.remove.setId("invoice-line-remove-" + n);
            l.remove.setDisable(lines.size() == 1);
            linesGrid.addRow(n + 1, l.description, l.quantity, l.price, l.taxRate, l.discount, l.amount, l.remove);
        }
        recompute();
    }

    /** Live totals with the same rounding the service stores (see {@link Money}). */
    private void recompute() {
        String cur = currency.getValue();
        boolean known;
        try {
            Money.currency(cur);
            known = true;
        } catch (ValidationException e) {
            known = false;
        }
        List<Money.LineAmounts> amounts = new ArrayList<>();
        for (LineRow l : lines) {
            BigDecimal q = formats.parse(l.quantity.getText());
            BigDecimal p = formats.parse(l.price.getText());
            BigDecimal t = zeroIfBlank(l.taxRate.getText());
            BigDecimal d = zeroIfBlank(l.discount.getText());
            if (!known || q == null || p == null || t == null || d == null) {
                l.amount.setText("–");
                continue;
            }
            Money.LineAmounts a = Money.line(q, p, d, t, cur);
            amounts.add(a);
            l.amount.setText(formats.money(a.net(), cur));
        }
        if (!known) {
            for (Label x : List.of(subtotal, discount, tax, total)) {
                x.setText("–");
            }
            return;
        }
        Money.Totals t = Money.totals(amounts, cur);
        subtotal.setText(formats.money(t.subtotal(), cur));
        discount.setText(formats.money(t.discount().negate(), cur));
        tax.setText(formats.money(t.tax(), cur));
        total.setText(formats.money(t.total(), cur));
    }

    private void save(Button save) {
        for (LineRow l : lines) {
            for (TextField f : List.of(l.quantity, l.price, l.taxRate, l.discount)) {
                if (!f.getText().isBlank() && formats.parse(f.getText()) == null) {
                    errors.setText(messages.get("invoices.editor.badNumber", f.getText()));
                    f.requestFocus();
                    return;
                }
            }
        }
        ClientRef c = client.getValue();
        var draft = new InvoiceDraft(c == null ? null : c.companyId(), c == null ? null : c.contactId(), start.dealId(), start.orderId(),
                currency.getValue() == null ? null : currency.getValue().strip().toUpperCase(java.util.Locale.ROOT),
                issueDate.getValue(), dueDate.getValue(), terms.getValue(), description.getText(), notes.getText(), termsText.getText(),
                lines.stream().map(LineRow::toDraft).toList());
        save.setDisable(true);
        errors.setText("");
        vm.saveDraft(existing, draft, stage::close, e -> {
            save.setDisable(false);
            Dialogs.showError(errors, e);
        });
    }
}
