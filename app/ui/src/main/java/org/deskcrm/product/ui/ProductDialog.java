package org.deskcrm.product.ui;

import java.math.BigDecimal;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.deskcrm.invoice.ui.Formats;
import org.deskcrm.platform.persistence.ValidationException;
import org.deskcrm.product.Product;
import org.deskcrm.product.ProductDraft;
import org.deskcrm.product.ProductType;
import org.deskcrm.ui.i18n.Messages;

/** Creates or edits a product; read-only users never get here (the buttons are hidden). */
final class ProductDialog {
    private final ProductsViewModel vm;
    private final Formats formats;
    private final Product existing;
    private final Messages messages;

    ProductDialog(ProductsViewModel vm, Formats formats, Product existing) {
        this.vm = vm;
        this.formats = formats;
        this.existing = existing;
        this.messages = vm.workspace().messages();
    }

    void show(Window owner) {
        var stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(messages.get(existing == null ? "products.dialog.newTitle" : "products.dialog.editTitle"));
        var name = text("product-name", existing == null ? null : existing.name());
        var sku = text("product-sku", existing == null ? null : existing.sku());
        var category = new ComboBox<String>();
        category.setId("product-category");
        category.setEditable(true);
        category.getItems().setAll(vm.categories().filtered(c -> !c.isBlank()));
        category.setValue(existing == null ? null : existing.category());
        var type = new ComboBox<ProductType>();
        type.setId("product-type");
        type.getItems().setAll(ProductType.values());
        type.setCellFactory(lv -> typeCell());
        type.setButtonCell(typeCell());
        type.setValue(existing == null ? ProductType.SERVICE : existing.type());
        var price = text("product-price", existing == null ? null : formats.number(existing.price()));
        var cost = text("product-cost", existing == null || existing.cost() == null ? null : formats.number(existing.cost()));
        var currency = new ComboBox<String>();
        currency.setId("product-currency");
        currency.setEditable(true);
        currency.getItems().setAll(List.of("USD", "EUR", "GBP", "CHF", "CAD", "AUD", "JPY", "SEK", "NOK", "DKK", "PLN"));
        currency.setValue(existing == null ? "USD" : existing.currency());
        var tax = text("product-tax", existing == null ? "0" : formats.number(existing.taxRate()));
        var stock = text("product-stock", existing == null || existing.inventoryCount() == null ? null : existing.inventoryCount().toString());
        stock.disableProperty().bind(type.valueProperty().isNotEqualTo(ProductType.PHYSICAL));
        var active = new CheckBox(messages.get("products.active"));
        active.setId("product-active");
        active.setSelected(existing == null || existing.active());
        var description = new TextArea(existing == null ? null : existing.description());
        description.setId("product-description");
        description.setPrefRowCount(3);
        description.setWrapText(true);
        var errors = new Label();
        errors.setId("product-error");
        errors.getStyleClass().add("error-text");
        errors.setWrapText(true);

        var grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        grid.add(field("products.col.name", name), 0, 0, 2, 1);
        grid.add(field("products.col.sku", sku), 2, 0);
        grid.add(field("products.col.category", category), 0, 1);
        grid.add(field("products.col.type", type), 1, 1);
        grid.add(field("products.col.stock", stock), 2, 1);
        grid.add(field("products.col.price", price), 0, 2);
        grid.add(field("products.col.currency", currency), 1, 2);
        grid.add(field("products.col.tax", tax), 2, 2);
        grid.add(field("products.col.cost", cost), 0, 3);
        grid.add(active, 1, 3);
        grid.add(field("products.col.description", description), 0, 4, 3, 1);

        var cancel = new Button(messages.get("common.cancel"));
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> stage.close());
        var save = new Button(messages.get("common.save"));
        save.setId("product-save");
        save.getStyleClass().add("accent");
        save.setDefaultButton(true);
        save.setOnAction(e -> {
            BigDecimal p = formats.parse(price.getText());
            BigDecimal c = cost.getText().isBlank() ? null : formats.parse(cost.getText());
            BigDecimal t = tax.getText().isBlank() ? BigDecimal.ZERO : formats.parse(tax.getText());
            Integer s = null;
            try {
                s = stock.getText() == null || stock.getText().isBlank() ? null : Integer.valueOf(stock.getText().strip());
            } catch (NumberFormatException bad) {
                errors.setText(messages.get("invoices.editor.badNumber", stock.getText()));
                return;
            }
            if ((!cost.getText().isBlank() && c == null) || t == null) {
                errors.setText(messages.get("invoices.editor.badNumber", c == null ? cost.getText() : tax.getText()));
                return;
            }
            save.setDisable(true);
            vm.save(existing, new ProductDraft(name.getText(), description.getText(), sku.getText(), category.getValue(), type.getValue(),
                    p, c, currency.getValue() == null ? null : currency.getValue().strip().toUpperCase(java.util.Locale.ROOT), t, s,
                    active.isSelected()), stage::close, err -> {
                        save.setDisable(false);
                        errors.setText(err instanceof ValidationException v ? String.join("\n", v.messages()) : err.getMessage());
                    });
        });
        var buttons = new HBox(10, new Region(), cancel, save);
        HBox.setHgrow(buttons.getChildren().getFirst(), Priority.ALWAYS);
        var root = new VBox(14, grid, errors, buttons);
        root.setPadding(new Insets(20));
        root.getStyleClass().add("commerce-dialog");
        var scene = new Scene(root, 620, 480);
        scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        stage.setScene(scene);
        stage.show();
        name.requestFocus();
    }

    private static TextField text(String id, String value) {
        var t = new TextField(value == null ? "" : value);
        t.setId(id);
        return t;
    }

    private VBox field(String key, javafx.scene.Node input) {
        var l = new Label(messages.get(key));
        l.getStyleClass().add("field-label");
        return new VBox(4, l, input);
    }

    private ListCell<ProductType> typeCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(ProductType t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? null : messages.get("products.type." + t.dbName()));
            }
        };
    }
}
