package org.deskcrm.product.ui;

import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.util.Duration;
import org.deskcrm.invoice.ui.Formats;
import org.deskcrm.product.Product;
import org.deskcrm.ui.fx.View;
import org.deskcrm.ui.i18n.Messages;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

/** The product catalog. */
public final class ProductsView implements View, org.deskcrm.ui.shell.RecordOpener {
    private final ProductsViewModel vm;
    private final Formats formats;
    private final Messages messages;
    private final Parent root;
    private final PauseTransition debounce = new PauseTransition(Duration.millis(200));

    @FXML private Button newButton;
    @FXML private Button editButton;
    @FXML private Button deleteButton;
    @FXML private TextField searchField;
    @FXML private ComboBox<String> categoryFilter;
    @FXML private CheckBox activeOnly;
    @FXML private Label errorBanner;
    @FXML private TableView<Product> table;
    @FXML private Button moreButton;

    public ProductsView(ProductsViewModel vm, Formats formats) {
        this.vm = vm;
        this.formats = formats;
        this.messages = vm.workspace().messages();
        this.root = vm.workspace().loader().load(this);
    }

    @FXML
    private void initialize() {
        newButton.setGraphic(new FontIcon(Material2OutlinedAL.ADD));
        newButton.setVisible(vm.canCreate());
        newButton.setManaged(vm.canCreate());
        editButton.setVisible(vm.canEdit());
        editButton.setManaged(vm.canEdit());
        deleteButton.setVisible(vm.canDelete());
        deleteButton.setManaged(vm.canDelete());
        var selected = table.getSelectionModel().selectedItemProperty();
        editButton.disableProperty().bind(selected.isNull());
        deleteButton.disableProperty().bind(selected.isNull());
        newButton.setOnAction(e -> new ProductDialog(vm, formats, null).show(root.getScene().getWindow()));
        editButton.setOnAction(e -> new ProductDialog(vm, formats, selected.get()).show(root.getScene().getWindow()));
        deleteButton.setOnAction(e -> {
            var alert = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                    messages.get("products.delete.text", selected.get().name()), javafx.scene.control.ButtonType.OK,
                    javafx.scene.control.ButtonType.CANCEL);
            alert.initOwner(root.getScene().getWindow());
            alert.setHeaderText(messages.get("products.delete.title"));
            if (alert.showAndWait().filter(b -> b == javafx.scene.control.ButtonType.OK).isPresent()) {
                vm.delete(selected.get());
            }
        });
        searchField.textProperty().bindBidirectional(vm.searchProperty());
        debounce.setOnFinished(e -> vm.reload());
        searchField.textProperty().addListener((o, a, b) -> debounce.playFromStart());
        categoryFilter.setItems(vm.categories());
        categoryFilter.setCellFactory(lv -> categoryCell());
        categoryFilter.setButtonCell(categoryCell());
        categoryFilter.valueProperty().bindBidirectional(vm.categoryProperty());
        categoryFilter.setOnAction(e -> vm.reload());
        activeOnly.selectedProperty().bindBidirectional(vm.activeOnlyProperty());
        activeOnly.setOnAction(e -> vm.reload());
        errorBanner.textProperty().bind(vm.errorProperty());
        errorBanner.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        errorBanner.managedProperty().bind(errorBanner.visibleProperty());

        table.setItems(vm.rows());
        table.setFixedCellSize(34);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(col("products.col.name", 220, Product::name));
        table.getColumns().add(col("products.col.sku", 110, p -> p.sku() == null ? "" : p.sku()));
        table.getColumns().add(col("products.col.category", 130, p -> p.category() == null ? "" : p.category()));
        table.getColumns().add(col("products.col.type", 110, p -> messages.get("products.type." + p.type().dbName())));
        var price = col("products.col.price", 110, p -> formats.money(p.price(), p.currency()));
        price.getStyleClass().add("money-column");
        table.getColumns().add(price);
        var cost = col("products.col.cost", 100, p -> p.cost() == null ? "" : formats.money(p.cost(), p.currency()));
        cost.getStyleClass().add("money-column");
        table.getColumns().add(cost);
        table.getColumns().add(col("products.col.tax", 70, p -> formats.number(p.taxRate()) + " %"));
        table.getColumns().add(col("products.col.stock", 80, p -> p.inventoryCount() == null ? "–" : p.inventoryCount().toString()));
        table.getColumns().add(col("products.col.status", 90, p -> messages.get(p.active() ? "products.active" : "products.inactive")));
        table.setRowFactory(t -> {
            var row = new TableRow<Product>() {
                @Override
                protected void updateItem(Product p, boolean empty) {
                    super.updateItem(p, empty);
                    pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("inactive"), !empty && p != null && !p.active());
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty() && vm.canEdit()) {
                    new ProductDialog(vm, formats, row.getItem()).show(root.getScene().getWindow());
                }
            });
            return row;
        });
        moreButton.visibleProperty().bind(vm.hasMoreProperty());
        moreButton.setOnAction(e -> vm.loadMore());
    }

    private javafx.scene.control.ListCell<String> categoryCell() {
        return new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(String c, boolean empty) {
                super.updateItem(c, empty);
                setText(empty ? null : c == null || c.isBlank() ? messages.get("products.allCategories") : c);
            }
        };
    }

    private TableColumn<Product, String> col(String key, double width, Function<Product, String> value) {
        var c = new TableColumn<Product, String>(messages.get(key));
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return c;
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void onActivate() {
        vm.reload();
    }

    @Override
    public java.util.Set<String> entityTypes() {
        return java.util.Set.of("product");
    }

    @Override
    public void open(String entityType, java.util.UUID id) {
        vm.openProduct(id, p -> {
            if (vm.canEdit()) {
                new ProductDialog(vm, formats, p).show(root.getScene().getWindow());
            }
        });
    }
}
