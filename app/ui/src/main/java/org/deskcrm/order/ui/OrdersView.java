package org.deskcrm.order.ui;

import java.math.BigDecimal;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.deskcrm.invoice.ui.Formats;
import org.deskcrm.order.Address;
import org.deskcrm.order.Order;
import org.deskcrm.order.OrderItem;
import org.deskcrm.order.OrderPaymentStatus;
import org.deskcrm.order.OrderStatus;
import org.deskcrm.order.OrderSummary;
import org.deskcrm.ui.fx.View;
import org.deskcrm.ui.i18n.Messages;
import org.deskcrm.ui.shell.RecordOpener;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/** The orders screen. */
public final class OrdersView implements View, RecordOpener {
    private final OrdersViewModel vm;
    private final Formats formats;
    private final Messages messages;
    private final Parent root;

    @FXML private Button newButton;
    @FXML private Button refreshButton;
    @FXML private ComboBox<OrderStatus> statusFilter;
    @FXML private TextField numberFilter;
    @FXML private Label errorBanner;
    @FXML private Label infoBanner;
    @FXML private TableView<OrderSummary> table;
    @FXML private Button moreButton;
    @FXML private VBox detail;

    public OrdersView(OrdersViewModel vm, Formats formats) {
        this.vm = vm;
        this.formats = formats;
        this.messages = vm.workspace().messages();
        this.root = vm.workspace().loader().load(this);
    }

    @FXML
    private void initialize() {
        newButton.setGraphic(new FontIcon(Material2OutlinedAL.ADD));
        refreshButton.setGraphic(new FontIcon(Material2OutlinedMZ.REFRESH));
        newButton.setVisible(vm.canCreate());
        newButton.setManaged(vm.canCreate());
        newButton.setOnAction(e -> new OrderEditor(vm, formats, null).show(root.getScene().getWindow()));
        refreshButton.setOnAction(e -> vm.reload());
        statusFilter.getItems().add(null);
        statusFilter.getItems().addAll(OrderStatus.values());
        statusFilter.setCellFactory(lv -> statusCell());
        statusFilter.setButtonCell(statusCell());
        statusFilter.valueProperty().bindBidirectional(vm.statusFilterProperty());
        statusFilter.setOnAction(e -> vm.reload());
        numberFilter.textProperty().bindBidirectional(vm.numberFilterProperty());
        numberFilter.setOnAction(e -> vm.reload());
        for (var pair : java.util.List.of(java.util.Map.entry(errorBanner, vm.errorProperty()), java.util.Map.entry(infoBanner, vm.infoProperty()))) {
            pair.getKey().textProperty().bind(pair.getValue());
            pair.getKey().visibleProperty().bind(pair.getValue().isNotEmpty());
            pair.getKey().managedProperty().bind(pair.getKey().visibleProperty());
        }
        table.setItems(vm.rows());
        table.setFixedCellSize(34);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(col("orders.col.number", 100, OrderSummary::number));
        table.getColumns().add(col("orders.col.client", 170, OrderSummary::clientName));
        table.getColumns().add(col("orders.col.date", 110, o -> formats.dateTime(o.orderDate())));
        table.getColumns().add(col("orders.col.status", 100, o -> messages.get("orders.status." + o.status().dbName())));
        table.getColumns().add(col("orders.col.payment", 110, o -> messages.get("orders.payment." + o.paymentStatus().dbName())));
        var total = col("orders.col.total", 110, o -> formats.money(o.total(), o.currency()));
        total.getStyleClass().add("money-column");
        table.getColumns().add(total);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> {
            if (row != null && !vm.isRefreshing()
                    && (vm.selectedProperty().get() == null || !row.id().equals(vm.selectedProperty().get().id()))) {
                vm.infoProperty().set("");
                vm.select(row.id());
            }
        });
        moreButton.visibleProperty().bind(vm.hasMoreProperty());
        moreButton.setOnAction(e -> vm.loadMore());
        vm.selectedProperty().addListener((o, a, b) -> render());
        render();
    }

    private ListCell<OrderStatus> statusCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(OrderStatus s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s == null ? messages.get("orders.filter.all") : messages.get("orders.status." + s.dbName()));
            }
        };
    }

    private TableColumn<OrderSummary, String> col(String key, double width, Function<OrderSummary, String> value) {
        var c = new TableColumn<OrderSummary, String>(messages.get(key));
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return c;
    }

    private void render() {
        Order o = vm.selectedProperty().get();
        detail.getChildren().clear();
        if (o == null) {
            var hint = new Label(messages.get("orders.detail.empty"));
            hint.getStyleClass().add("muted");
            hint.setWrapText(true);
            var box = new VBox(10, new FontIcon(Material2OutlinedMZ.SHOPPING_CART), hint);
            box.getChildren().getFirst().getStyleClass().add("empty-icon");
            box.setAlignment(Pos.CENTER);
            box.setMinHeight(300);
            detail.getChildren().add(box);
            return;
        }
        var number = new Label(o.number());
        number.setId("order-number");
        number.getStyleClass().add("detail-title");
        var status = new Label(messages.get("orders.status." + o.status().dbName()));
        status.getStyleClass().addAll("status-badge", "order-" + o.status().dbName());
        var pay = new Label(messages.get("orders.payment." + o.paymentStatus().dbName()));
        pay.getStyleClass().addAll("status-badge", "payment-" + o.paymentStatus().dbName().replace('_', '-'));
        var head = new HBox(10, number, status, pay);
        head.setAlignment(Pos.CENTER_LEFT);
        var client = new Label(o.clientName());
        client.getStyleClass().add("detail-subtitle");

        var facts = new GridPane();
        facts.setHgap(24);
        facts.setVgap(4);
        fact(facts, 0, "orders.detail.date", formats.dateTime(o.orderDate()));
        fact(facts, 1, "orders.detail.shipped", o.shippedAt() == null ? "–" : formats.dateTime(o.shippedAt()));
        fact(facts, 2, "orders.detail.delivered", o.deliveredAt() == null ? "–" : formats.dateTime(o.deliveredAt()));
        fact(facts, 3, "orders.detail.tracking", o.trackingNumber() == null ? "–" : o.trackingNumber());

        detail.getChildren().addAll(head, client, facts, actions(o), new Separator(), items(o), totals(o));
        address("orders.detail.shipTo", o.shippingAddress());
        address("orders.detail.billTo", o.billingAddress());
        if (o.notes() != null) {
            var t = new Label(messages.get("orders.detail.notes"));
            t.getStyleClass().add("section-title");
            var n = new Label(o.notes());
            n.setWrapText(true);
            detail.getChildren().add(new VBox(4, t, n));
        }
    }

    private void address(String key, Address a) {
        if (a == null || a.isEmpty()) {
            return;
        }
        var t = new Label(messages.get(key));
        t.getStyleClass().add("section-title");
        detail.getChildren().add(new VBox(4, t, new Label(String.join("\n", a.lines()))));
    }

    private void fact(GridPane g, int col, String key, String value) {
        var k = new Label(messages.get(key));
        k.getStyleClass().add("muted");
        var v = new Label(value);
        v.getStyleClass().add("fact-value");
        g.add(k, col, 0);
        g.add(v, col, 1);
    }

    private Node actions(Order o) {
        var bar = new FlowPane(8, 8);
        if (vm.canUpdate() && !o.status().next().isEmpty()) {
            var move = new MenuButton(messages.get("orders.action.status"), new FontIcon(Material2OutlinedAL.LOCAL_SHIPPING));
            move.setId("order-status-menu");
            for (OrderStatus s : o.status().next()) {
                var item = new MenuItem(messages.get("orders.status." + s.dbName()));
                item.setId("order-status-" + s.dbName());
                item.setOnAction(e -> vm.setStatus(s));
                move.getItems().add(item);
            }
            bar.getChildren().add(move);
        }
        if (vm.canUpdate() && o.invoiceId() == null) {
            var payment = new MenuButton(messages.get("orders.action.payment"), new FontIcon(Material2OutlinedAL.ATTACH_MONEY));
            payment.setId("order-payment-menu");
            for (OrderPaymentStatus s : OrderPaymentStatus.values()) {
                if (s != o.paymentStatus()) {
                    var item = new MenuItem(messages.get("orders.payment." + s.dbName()));
                    item.setOnAction(e -> vm.setPaymentStatus(s));
                    payment.getItems().add(item);
                }
            }
            bar.getChildren().add(payment);
        }
        if (vm.canInvoice().get()) {
            var invoice = new Button(messages.get("orders.action.invoice"), new FontIcon(Material2OutlinedAL.DESCRIPTION));
            invoice.setId("order-create-invoice");
            invoice.getStyleClass().add("accent");
            invoice.setOnAction(e -> vm.createInvoice());
            bar.getChildren().add(invoice);
        }
        if (vm.hasInvoice().get()) {
            var open = new Button(messages.get("orders.action.openInvoice"), new FontIcon(Material2OutlinedAL.DESCRIPTION));
            open.setId("order-open-invoice");
            open.setOnAction(e -> vm.openInvoice());
            bar.getChildren().add(open);
        }
        if (vm.canEdit().get()) {
            var edit = new Button(messages.get("common.edit"), new FontIcon(Material2OutlinedAL.EDIT));
            edit.setId("order-edit");
            edit.setOnAction(e -> new OrderEditor(vm, formats, o).show(root.getScene().getWindow()));
            bar.getChildren().add(edit);
        }
        if (vm.canDelete().get()) {
            var delete = new Button(messages.get("common.delete"), new FontIcon(Material2OutlinedAL.DELETE));
            delete.setId("order-delete");
            delete.getStyleClass().add("danger");
            delete.setOnAction(e -> {
                var alert = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                        messages.get("orders.delete.text", o.number()), javafx.scene.control.ButtonType.OK, javafx.scene.control.ButtonType.CANCEL);
                alert.initOwner(root.getScene().getWindow());
                alert.setHeaderText(messages.get("orders.delete.title"));
                if (alert.showAndWait().filter(b -> b == javafx.scene.control.ButtonType.OK).isPresent()) {
                    vm.delete();
                }
            });
            bar.getChildren().add(delete);
        }
        return bar;
    }

    private Node items(Order o) {
        var g = new GridPane();
        g.setHgap(12);
        g.setVgap(6);
        g.getStyleClass().add("lines-grid");
        var grow = new javafx.scene.layout.ColumnConstraints();
        grow.setHgrow(Priority.ALWAYS);
        g.getColumnConstraints().add(grow);
        String[] heads = {"invoices.line.description", "invoices.line.qty", "invoices.line.price", "invoices.line.discount",
                "invoices.line.amount"};
        for (int i = 0; i < heads.length; i++) {
            var h = new Label(messages.get(heads[i]));
            h.getStyleClass().add("grid-head");
            g.add(h, i, 0);
        }
        int row = 1;
        for (OrderItem i : o.items()) {
            g.add(new Label(i.description()), 0, row);
            g.add(right(formats.number(i.quantity())), 1, row);
            g.add(right(formats.money(i.unitPrice(), o.currency())), 2, row);
            g.add(right(i.discount().signum() == 0 ? "–" : formats.money(i.discount(), o.currency())), 3, row);
            g.add(right(formats.money(i.total(), o.currency())), 4, row);
            row++;
        }
        return g;
    }

    private Node totals(Order o) {
        var g = new GridPane();
        g.setHgap(24);
        g.setVgap(4);
        int r = 0;
        r = total(g, r, "invoices.total.subtotal", o.subtotal(), o, false);
        r = total(g, r, "orders.total.shipping", o.shippingTotal(), o, false);
        r = total(g, r, "invoices.total.tax", o.taxTotal(), o, false);
        if (o.discountTotal().signum() > 0) {
            r = total(g, r, "invoices.total.discount", o.discountTotal().negate(), o, false);
        }
        total(g, r, "invoices.total.total", o.total(), o, true);
        var box = new HBox(new Region(), g);
        HBox.setHgrow(box.getChildren().getFirst(), Priority.ALWAYS);
        return box;
    }

    private int total(GridPane g, int row, String key, BigDecimal amount, Order o, boolean strong) {
        var k = new Label(messages.get(key));
        k.getStyleClass().add(strong ? "total-strong" : "muted");
        var v = right(formats.money(amount, o.currency()));
        if (strong) {
            v.getStyleClass().add("total-strong");
            v.setId("order-total");
        }
        g.add(k, 0, row);
        g.add(v, 1, row);
        return row + 1;
    }

    private static Label right(String s) {
        var l = new Label(s);
        l.setMaxWidth(Double.MAX_VALUE);
        l.setAlignment(Pos.CENTER_RIGHT);
        return l;
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
    public Set<String> entityTypes() {
        return Set.of("order");
    }

    @Override
    public void open(String entityType, UUID id) {
        vm.select(id);
    }
}
