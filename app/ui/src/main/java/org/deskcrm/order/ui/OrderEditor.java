package org.deskcrm.order.ui;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
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
import org.deskcrm.invoice.Money;
import org.deskcrm.invoice.ui.Formats;
import org.deskcrm.invoice.ui.SearchField;
import org.deskcrm.order.Address;
import org.deskcrm.order.Order;
import org.deskcrm.order.OrderDraft;
import org.deskcrm.order.OrderItemDraft;
import org.deskcrm.platform.persistence.ValidationException;
import org.deskcrm.product.Product;
import org.deskcrm.ui.i18n.Messages;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

/** Creates or edits an order (while pending or processing): client, items, tax/shipping/discount, addresses. */
final class OrderEditor {
    private final OrdersViewModel vm;
    private final Formats formats;
    private final Order existing;
    private final Messages messages;
    private final List<Row> rows = new ArrayList<>();
    private final GridPane grid = new GridPane();
    private final ComboBox<String> currency = new ComboBox<>();
    private final TextField tax = new TextField("0");
    private final TextField shipping = new TextField("0");
    private final TextField discount = new TextField("0");
    private final Label total = new Label();

    private final class Row {
        UUID productId;
        final TextField description = new TextField();
        final TextField quantity = new TextField("1");
        final TextField price = new TextField();
        final TextField lineDiscount = new TextField("0");
        final Label amount = new Label();
        final Button remove = new Button(null, new FontIcon(Material2OutlinedAL.CLOSE));

        Row(OrderItemDraft d) {
            if (d != null) {
                productId = d.productId();
                description.setText(d.description());
                quantity.setText(formats.number(d.quantity()));
                price.setText(formats.number(d.unitPrice()));
                lineDiscount.setText(formats.number(d.discount() == null ? BigDecimal.ZERO : d.discount()));
            }
            for (TextField f : List.of(quantity, price, lineDiscount)) {
                f.setPrefColumnCount(6);
                f.setAlignment(Pos.CENTER_RIGHT);
                f.textProperty().addListener((o, a, b) -> recompute());
            }
            amount.setMinWidth(90);
            amount.setAlignment(Pos.CENTER_RIGHT);
            remove.getStyleClass().add("flat");
            remove.setOnAction(e -> {
                rows.remove(this);
                layout();
            });
        }

        OrderItemDraft draft() {
            return new OrderItemDraft(productId, description.getText(), formats.parse(quantity.getText()), formats.parse(price.getText()),
                    orZero(lineDiscount.getText()));
        }
    }

    /** The six parts of an address, edited as a block; nothing of a stored address is lost. */
    private final class AddressFields {
        final TextField line1 = new TextField();
        final TextField line2 = new TextField();
        final TextField city = new TextField();
        final TextField state = new TextField();
        final TextField postal = new TextField();
        final TextField country = new TextField();

        AddressFields(String idPrefix, Address a) {
            Address v = a == null ? Address.EMPTY : a;
            line1.setText(v.line1());
            line2.setText(v.line2());
            city.setText(v.city());
            state.setText(v.state());
            postal.setText(v.postalCode());
            country.setText(v.country());
            line1.setId(idPrefix + "-street");
            line2.setId(idPrefix + "-street2");
            city.setId(idPrefix + "-city");
            state.setId(idPrefix + "-state");
            postal.setId(idPrefix + "-postal");
            country.setId(idPrefix + "-country");
        }

        GridPane grid() {
            var g = new GridPane();
            g.setHgap(12);
            g.setVgap(8);
            var wide = new ColumnConstraints();
            wide.setHgrow(Priority.ALWAYS);
            g.getColumnConstraints().addAll(wide, wide, wide);
            g.add(field("orders.editor.street", line1), 0, 0, 2, 1);
            g.add(field("orders.editor.street2", line2), 2, 0);
            g.add(field("orders.editor.postal", postal), 0, 1);
            g.add(field("orders.editor.city", city), 1, 1);
            g.add(field("orders.editor.state", state), 2, 1);
            g.add(field("orders.editor.country", country), 0, 2);
            return g;
        }

        Address value() {
            return new Address(line1.getText(), line2.getText(), city.getText(), state.getText(), postal.getText(), country.getText());
        }
    }

    OrderEditor(OrdersViewModel vm, Formats formats, Order existing) {
        this.vm = vm;
        this.formats = formats;
        this.existing = existing;
        this.messages = vm.workspace().messages();
    }

    private BigDecimal orZero(String s) {
        return s == null || s.isBlank() ? BigDecimal.ZERO : formats.parse(s);
    }

    void show(Window owner) {
        var stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(existing == null ? messages.get("orders.editor.newTitle") : messages.get("orders.editor.editTitle", existing.number()));
        SearchField<ClientRef> client = new SearchField<>(vm::searchClients, ClientRef::name, ClientRef::detail);
        client.setId("order-client");
        client.setPromptText(messages.get("invoices.editor.clientPrompt"));
        currency.setId("order-currency");
        currency.setEditable(true);
        currency.getItems().setAll("USD", "EUR", "GBP", "CHF", "CAD", "AUD", "JPY", "SEK", "NOK", "DKK", "PLN");
        currency.valueProperty().addListener((o, a, b) -> recompute());
        var payment = new TextField();
        var tracking = new TextField();
        var notes = new TextArea();
        notes.setPrefRowCount(2);
        Address ship = Address.EMPTY;
        Address bill = Address.EMPTY;
        if (existing != null) {
            client.setValue(existing.companyId() != null
                    ? new ClientRef(ClientRef.Kind.COMPANY, existing.companyId(), existing.companyName(), "")
                    : new ClientRef(ClientRef.Kind.CONTACT, existing.contactId(), existing.contactName(), ""));
            currency.setValue(existing.currency());
            existing.items().forEach(i -> rows.add(new Row(new OrderItemDraft(i.productId(), i.description(), i.quantity(), i.unitPrice(),
                    i.discount()))));
            tax.setText(formats.number(existing.taxTotal()));
            shipping.setText(formats.number(existing.shippingTotal()));
            discount.setText(formats.number(existing.discountTotal()));
            ship = existing.shippingAddress();
            bill = existing.billingAddress();
            payment.setText(existing.paymentMethod());
            tracking.setText(existing.trackingNumber());
            notes.setText(existing.notes());
        } else {
            currency.setValue("USD");
            rows.add(new Row(null));
        }
        var shipTo = new AddressFields("order-ship", ship);
        var billTo = new AddressFields("order-bill", bill);
        payment.setId("order-payment-method");
        tracking.setId("order-tracking");
        notes.setId("order-notes");
        for (TextField f : List.of(tax, shipping, discount)) {
            f.setAlignment(Pos.CENTER_RIGHT);
            f.textProperty().addListener((o, a, b) -> recompute());
        }
        tax.setId("order-tax");
        shipping.setId("order-shipping");
        discount.setId("order-discount");

        var head = new GridPane();
        head.setHgap(12);
        head.setVgap(10);
        var g0 = new ColumnConstraints();
        g0.setHgrow(Priority.ALWAYS);
        head.getColumnConstraints().add(g0);
        head.add(field("invoices.editor.client", client), 0, 0);
        head.add(field("invoices.editor.currency", currency), 1, 0);

        grid.setHgap(8);
        grid.setVgap(6);
        layout();
        var addLine = new Button(messages.get("invoices.editor.addLine"), new FontIcon(Material2OutlinedAL.ADD));
        addLine.setId("order-add-line");
        addLine.setOnAction(e -> {
            rows.add(new Row(null));
            layout();
        });
        SearchField<Product> product = new SearchField<>(vm::searchProducts, Product::name, p -> formats.money(p.price(), p.currency()));
        product.setId("order-add-product");
        product.setPromptText(messages.get("invoices.editor.addProduct"));
        product.setPrefColumnCount(18);
        product.valueProperty().addListener((o, a, p) -> {
            if (p == null) {
                return;
            }
            if (rows.size() == 1 && rows.getFirst().description.getText().isBlank()) {
                rows.clear();
            }
            rows.add(new Row(new OrderItemDraft(p.id(), p.name(), BigDecimal.ONE, p.price(), BigDecimal.ZERO)));
            layout();
            javafx.application.Platform.runLater(() -> product.setValue(null));
        });

        var amounts = new GridPane();
        amounts.setHgap(12);
        amounts.setVgap(6);
        amounts.add(field("orders.total.shipping", shipping), 0, 0);
        amounts.add(field("invoices.total.tax", tax), 1, 0);
        amounts.add(field("orders.editor.orderDiscount", discount), 2, 0);
        total.getStyleClass().add("total-strong");
        total.setId("order-editor-total");
        amounts.add(field("invoices.total.total", total), 3, 0);

        var delivery = new GridPane();
        delivery.setHgap(12);
        delivery.setVgap(8);
        delivery.add(field("orders.editor.paymentMethod", payment), 0, 0);
        delivery.add(field("orders.editor.tracking", tracking), 1, 0);

        var errors = new Label();
        errors.setId("order-editor-error");
        errors.getStyleClass().add("error-text");
        errors.setWrapText(true);
        var itemsTitle = new Label(messages.get("orders.editor.items"));
        itemsTitle.getStyleClass().add("section-title");
        var shipTitle = new Label(messages.get("orders.detail.shipTo"));
        shipTitle.getStyleClass().add("section-title");
        var billTitle = new Label(messages.get("orders.detail.billTo"));
        billTitle.getStyleClass().add("section-title");
        var sameAsShipping = new Button(messages.get("orders.editor.sameAsShipping"));
        sameAsShipping.setId("order-bill-same");
        sameAsShipping.getStyleClass().add("flat");
        sameAsShipping.setOnAction(e -> {
            Address a = shipTo.value();
            billTo.line1.setText(a.line1());
            billTo.line2.setText(a.line2());
            billTo.city.setText(a.city());
            billTo.state.setText(a.state());
            billTo.postal.setText(a.postalCode());
            billTo.country.setText(a.country());
        });
        var billHead = new HBox(12, billTitle, sameAsShipping);
        billHead.setAlignment(Pos.CENTER_LEFT);
        var body = new VBox(12, head, itemsTitle, grid, new HBox(8, addLine, product), amounts, shipTitle, shipTo.grid(), delivery,
                billHead, billTo.grid(), field("orders.detail.notes", notes), errors);
        body.setPadding(new Insets(18));
        var scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);

        var cancel = new Button(messages.get("common.cancel"));
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> stage.close());
        var save = new Button(messages.get("common.save"));
        save.setId("order-save");
        save.getStyleClass().add("accent");
        save.setOnAction(e -> {
            TextField bad = firstBadNumber();
            if (bad != null) {
                errors.setText(messages.get("invoices.editor.badNumber", bad.getText()));
                bad.requestFocus();
                return;
            }
            ClientRef c = client.getValue();
            var draft = new OrderDraft(c == null ? null : c.companyId(), c == null ? null : c.contactId(),
                    existing == null ? null : existing.dealId(),
                    currency.getValue() == null ? null : currency.getValue().strip().toUpperCase(java.util.Locale.ROOT),
                    rows.stream().map(Row::draft).toList(), orZero(tax.getText()), orZero(shipping.getText()), orZero(discount.getText()),
                    shipTo.value(), billTo.value(), payment.getText(), tracking.getText(), notes.getText());
            save.setDisable(true);
            vm.save(existing, draft, stage::close, err -> {
                save.setDisable(false);
                errors.setText(err instanceof ValidationException v ? String.join("\n", v.messages()) : err.getMessage());
            });
        });
        var buttons = new HBox(10, new Region(), cancel, save);
        HBox.setHgrow(buttons.getChildren().getFirst(), Priority.ALWAYS);
        buttons.setPadding(new Insets(12, 18, 14, 18));
        var root = new VBox(scroll, buttons);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        root.getStyleClass().add("commerce-dialog");
        var scene = new Scene(root, 860, 680);
        scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        stage.setScene(scene);
        recompute();
        stage.show();
    }

    /** A number field whose text is not a number (blank is fine: zero), or null. */
    private TextField firstBadNumber() {
        List<TextField> fields = new ArrayList<>();
        for (Row r : rows) {
            fields.addAll(List.of(r.quantity, r.price, r.lineDiscount));
        }
        fields.addAll(List.of(shipping, tax, discount));
        return fields.stream().filter(f -> f.getText() != null && !f.getText().isBlank() && formats.parse(f.getText()) == null)
                .findFirst().orElse(null);
    }

    private VBox field(String key, javafx.scene.Node input) {
        var l = new Label(messages.get(key));
        l.getStyleClass().add("field-label");
        return new VBox(4, l, input);
    }

    private void layout() {
        grid.getChildren().clear();
        grid.getColumnConstraints().clear();
        var grow = new ColumnConstraints();
        grow.setHgrow(Priority.ALWAYS);
        grow.setMinWidth(220);
        grid.getColumnConstraints().add(grow);
        String[] heads = {"invoices.line.description", "invoices.line.qty", "invoices.line.price", "invoices.line.discount",
                "invoices.line.amount"};
        for (int i = 0; i < heads.length; i++) {
            var h = new Label(messages.get(heads[i]));
            h.getStyleClass().add("grid-head");
            grid.add(h, i, 0);
        }
        for (int n = 0; n < rows.size(); n++) {
            Row r = rows.get(n);
            r.description.setId("order-line-desc-" + n);
            r.quantity.setId("order-line-qty-" + n);
            r.price.setId("order-line-price-" + n);
            r.lineDiscount.setId("order-line-discount-" + n);
            r.remove.setId("order-line-remove-" + n);
            r.remove.setDisable(rows.size() == 1);
            grid.addRow(n + 1, r.description, r.quantity, r.price, r.lineDiscount, r.amount, r.remove);
        }
        recompute();
    }

    private void recompute() {
        String cur = currency.getValue();
        try {
            Money.currency(cur);
        } catch (ValidationException e) {
            total.setText("–");
            return;
        }
        BigDecimal sum = Money.zero(cur);
        for (Row r : rows) {
            BigDecimal q = formats.parse(r.quantity.getText());
            BigDecimal p = formats.parse(r.price.getText());
            BigDecimal d = orZero(r.lineDiscount.getText());
            if (q == null || p == null || d == null) {
                r.amount.setText("–");
                continue;
            }
            BigDecimal line = Money.line(q, p, d, BigDecimal.ZERO, cur).total();
            r.amount.setText(formats.money(line, cur));
            sum = sum.add(line);
        }
        BigDecimal t = orZero(tax.getText());
        BigDecimal s = orZero(shipping.getText());
        BigDecimal d = orZero(discount.getText());
        if (t == null || s == null || d == null) {
            total.setText("–");
            return;
        }
        total.setText(formats.money(sum.add(Money.round(t, cur)).add(Money.round(s, cur)).subtract(Money.round(d, cur)), cur));
    }
}
