package org.deskcrm.order.ui;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.deskcrm.invoice.ClientRef;
import org.deskcrm.invoice.InvoiceService;
import org.deskcrm.order.Order;
import org.deskcrm.order.OrderDraft;
import org.deskcrm.order.OrderPaymentStatus;
import org.deskcrm.order.OrderQuery;
import org.deskcrm.order.OrderService;
import org.deskcrm.order.OrderStatus;
import org.deskcrm.order.OrderSummary;
import org.deskcrm.platform.persistence.StaleRecordException;
import org.deskcrm.product.Product;
import org.deskcrm.product.ProductQuery;
import org.deskcrm.product.ProductService;
import org.deskcrm.security.Action;
import org.deskcrm.security.Resource;
import org.deskcrm.ui.shell.Workspace;
import org.deskcrm.ui.task.BackgroundTask;
import org.deskcrm.ui.task.TaskHandle;

/** The orders screen: list with status filter, the selected order, fulfilment and payment status, invoice in one action. */
public final class OrdersViewModel {
    static final int PAGE = 100;
    private final Workspace ws;
    private final OrderService orders;
    private final InvoiceService invoices;
    private final ProductService products;
    private final ObservableList<OrderSummary> rows = FXCollections.observableArrayList();
    private final ObjectProperty<OrderStatus> statusFilter = new SimpleObjectProperty<>();
    private final StringProperty numberFilter = new SimpleStringProperty("");
    private final ObjectProperty<Order> selected = new SimpleObjectProperty<>();
    private final BooleanProperty hasMore = new SimpleBooleanProperty();
    private boolean refreshing;
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty info = new SimpleStringProperty("");
    private TaskHandle running;

    public OrdersViewModel(Workspace ws, OrderService orders, InvoiceService invoices, ProductService products) {
        this.ws = ws;
        this.orders = orders;
        this.invoices = invoices;
        this.products = products;
    }

    public Workspace workspace() {
        return ws;
    }

    public ObservableList<OrderSummary> rows() {
        return rows;
    }

    public ObjectProperty<OrderStatus> statusFilterProperty() {
        return statusFilter;
    }

    public StringProperty numberFilterProperty() {
        return numberFilter;
    }

    public ObjectProperty<Order> selectedProperty() {
        return selected;
    }

    public BooleanProperty hasMoreProperty() {
        return hasMore;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public StringProperty infoProperty() {
        return info;
    }

    public boolean canCreate() {
        return ws.user().can(Resource.ORDERS, Action.CREATE);
    }

    public boolean canUpdate() {
        return ws.user().can(Resource.ORDERS, Action.UPDATE);
    }

    public BooleanBinding canEdit() {
        return Bindings.createBooleanBinding(() -> canUpdate() && selected.get() != null && selected.get().status().editable(), selected);
    }

    public BooleanBinding canDelete() {
        return Bindings.createBooleanBinding(() -> ws.user().can(Resource.ORDERS, Action.DELETE) && selected.get() != null
                && selected.get().invoiceId() == null, selected);
    }

    public BooleanBinding canInvoice() {
        return Bindings.createBooleanBinding(() -> ws.user().can(Resource.INVOICES, Action.CREATE) && selected.get() != null
                && selected.get().invoiceId() == null && selected.get().status() != OrderStatus.CANCELLED, selected);
    }

    public BooleanBinding hasInvoice() {
        return Bindings.createBooleanBinding(() -> selected.get() != null && selected.get().invoiceId() != null, selected);
    }

    public void reload() {
        if (running != null) {
            running.requestCancel();
        }
        var q = new OrderQuery(statusFilter.get(), null, numberFilter.get(), null, PAGE);
        running = BackgroundTask.of(ws.messages().get("orders.task.list"), p -> orders.page(ws.user(), q))
                .onSuccess(list -> {
                    replaceRows(() -> rows.setAll(list));
                    hasMore.set(list.size() == PAGE);
                    error.set("");
                })
                .onFailure(this::fail).runOn(ws.tasks());
    }

    public void loadMore() {
        if (rows.isEmpty()) {
            return;
        }
        var q = new OrderQuery(statusFilter.get(), null, numberFilter.get(), null, PAGE).next(rows.getLast());
        BackgroundTask.of(ws.messages().get("orders.task.list"), p -> orders.page(ws.user(), q))
                .onSuccess(more -> {
                    replaceRows(() -> rows.addAll(more));
                    hasMore.set(more.size() == PAGE);
                })
                .onFailure(this::fail).runOn(ws.tasks());
    }

    public void select(UUID id) {
        if (id == null) {
            selected.set(null);
            return;
        }
        BackgroundTask.of(ws.messages().get("orders.task.open"), p -> orders.get(ws.user(), id))
                .onSuccess(selected::set).onFailure(this::fail).runOn(ws.tasks());
    }

    private void changed(Order o) {
        error.set("");
        selected.set(o);
        reload();
    }

    public void save(Order existing, OrderDraft draft, Runnable onSaved, Consumer<Throwable> onInvalid) {
        BackgroundTask.of(ws.messages().get("orders.task.save"), p -> existing == null
                        ? orders.create(ws.user(), draft)
                        : orders.update(ws.user(), existing.id(), existing.version(), draft))
                .onSuccess(o -> {
                    onSaved.run();
                    info.set(ws.messages().get("orders.saved", o.number()));
                    changed(o);
                })
                .onFailure(onInvalid::accept).runOn(ws.tasks());
    }

    public void setStatus(OrderStatus status) {
        Order o = selected.get();
        BackgroundTask.of(ws.messages().get("orders.task.save"), p -> orders.setStatus(ws.user(), o.id(), o.version(), status))
                .onSuccess(this::changed).onFailure(this::fail).runOn(ws.tasks());
    }

    public void setPaymentStatus(OrderPaymentStatus status) {
        Order o = selected.get();
        BackgroundTask.of(ws.messages().get("orders.task.save"), p -> orders.setPaymentStatus(ws.user(), o.id(), o.version(), status))
                .onSuccess(this::changed).onFailure(this::fail).runOn(ws.tasks());
    }

    public void delete() {
        Order o = selected.get();
        BackgroundTask.of(ws.messages().get("orders.task.delete"), p -> {
                    orders.delete(ws.user(), o.id(), o.version());
                    return o;
                })
                .onSuccess(d -> {
                    selected.set(null);
                    reload();
                })
                .onFailure(this::fail).runOn(ws.tasks());
    }

    /** "Create invoice": one action makes the draft invoice, then the invoices screen opens it. */
    public void createInvoice() {
        Order o = selected.get();
        LocalDate today = LocalDate.now(ws.clock().withZone(ws.zone()));
        BackgroundTask.of(ws.messages().get("orders.task.invoice"), p -> invoices.createFromOrder(ws.user(), o.id(), today))
                .onSuccess(saved -> {
                    select(o.id());
                    ws.navigator().openRecord("invoice", saved.invoice().id());
                })
                .onFailure(this::fail).runOn(ws.tasks());
    }

    public void openInvoice() {
        Order o = selected.get();
        if (o != null && o.invoiceId() != null) {
            ws.navigator().openRecord("invoice", o.invoiceId());
        }
    }

    public void searchClients(String text, Consumer<List<ClientRef>> then) {
        BackgroundTask.of(ws.messages().get("invoices.task.search"), p -> invoices.searchClients(ws.user(), text, 12))
                .onSuccess(then::accept).onFailure(this::fail).runOn(ws.tasks());
    }

    public void searchProducts(String text, Consumer<List<Product>> then) {
        BackgroundTask.of(ws.messages().get("invoices.task.search"),
                        p -> products.page(ws.user(), new ProductQuery(text, null, true, null, 12)))
                .onSuccess(then::accept).onFailure(this::fail).runOn(ws.tasks());
    }

    /**
     * True while the list is being replaced: the table's selection then moves by itself, and the
     * view must not take that for the user picking another row.
     */
    public boolean isRefreshing() {
        return refreshing;
    }

    private void replaceRows(Runnable change) {
        refreshing = true;
        try {
            change.run();
        } finally {
            refreshing = false;
        }
    }

    void fail(Throwable e) {
        if (e instanceof java.util.concurrent.CancellationException) {
            return;
        }
        error.set(e instanceof StaleRecordException ? ws.messages().get("common.staleEdit") : e.getMessage());
        if (e instanceof StaleRecordException && selected.get() != null) {
            select(selected.get().id());
        }
    }
}
