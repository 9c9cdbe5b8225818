package org.deskcrm.product.ui;

import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.deskcrm.platform.persistence.StaleRecordException;
import org.deskcrm.product.Product;
import org.deskcrm.product.ProductDraft;
import org.deskcrm.product.ProductQuery;
import org.deskcrm.product.ProductService;
import org.deskcrm.security.Action;
import org.deskcrm.security.Resource;
import org.deskcrm.ui.shell.Workspace;
import org.deskcrm.ui.task.BackgroundTask;
import org.deskcrm.ui.task.TaskHandle;

/** The product catalog screen: search, category and active filters, keyset paging, create/edit/delete. */
public final class ProductsViewModel {
    static final int PAGE = 100;
    private final Workspace ws;
    private final ProductService service;
    private final ObservableList<Product> rows = FXCollections.observableArrayList();
    private final ObservableList<String> categories = FXCollections.observableArrayList();
    private final StringProperty search = new SimpleStringProperty("");
    private final StringProperty category = new SimpleStringProperty();
    private final BooleanProperty activeOnly = new SimpleBooleanProperty();
    private final BooleanProperty hasMore = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private TaskHandle running;

    public ProductsViewModel(Workspace ws, ProductService service) {
        this.ws = ws;
        this.service = service;
    }

    public ObservableList<Product> rows() {
        return rows;
    }

    public ObservableList<String> categories() {
        return categories;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public StringProperty categoryProperty() {
        return category;
    }

    public BooleanProperty activeOnlyProperty() {
        return activeOnly;
    }

    public BooleanProperty hasMoreProperty() {
        return hasMore;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public Workspace workspace() {
        return ws;
    }

    public boolean canCreate() {
        return ws.user().can(Resource.PRODUCTS, Action.CREATE);
    }

    public boolean canEdit() {
        return ws.user().can(Resource.PRODUCTS, Action.UPDATE);
    }

    public boolean canDelete() {
        return ws.user().can(Resource.PRODUCTS, Action.DELETE);
    }

    private ProductQuery query() {
        return new ProductQuery(search.get(), category.get(), activeOnly.get(), null, PAGE);
    }

    public void reload() {
        if (running != null) {
            running.requestCancel();
        }
        ProductQuery q = query();
        running = BackgroundTask.of(ws.messages().get("products.task.list"),
                        p -> new Page(service.page(ws.user(), q), service.categories(ws.user())))
                .onSuccess(page -> {
                    rows.setAll(page.rows());
                    hasMore.set(page.rows().size() == PAGE);
                    var all = new java.util.ArrayList<String>();
                    all.add(""); // "all categories"
                    all.addAll(page.categories());
                    if (!categories.equals(all)) {
                        // Replacing the items resets the combo box: keep the chosen category.
                        String keep = category.get();
                        categories.setAll(all);
                        category.set(keep);
                    }
                    error.set("");
                })
                .onFailure(this::fail)
                .runOn(ws.tasks());
    }

    private record Page(List<Product> rows, List<String> categories) {}

    public void loadMore() {
        if (rows.isEmpty()) {
            return;
        }
        ProductQuery q = query().next(rows.getLast());
        BackgroundTask.of(ws.messages().get("products.task.list"), p -> service.page(ws.user(), q))
                .onSuccess(more -> {
                    rows.addAll(more);
                    hasMore.set(more.size() == PAGE);
                })
                .onFailure(this::fail).runOn(ws.tasks());
    }

    public void save(Product existing, ProductDraft draft, Runnable onSaved, Consumer<Throwable> onInvalid) {
        BackgroundTask.of(ws.messages().get("products.task.save"), p -> existing == null
                        ? service.create(ws.user(), draft)
                        : service.update(ws.user(), existing.id(), existing.version(), draft))
                .onSuccess(saved -> {
                    onSaved.run();
                    reload();
                })
                .onFailure(onInvalid::accept)
                .runOn(ws.tasks());
    }

    public void delete(Product product) {
        BackgroundTask.of(ws.messages().get("products.task.delete"), p -> {
                    service.delete(ws.user(), product.id(), product.version());
                    return product;
                })
                .onSuccess(d -> reload()).onFailure(this::fail).runOn(ws.tasks());
    }

    /** Loads one product (from global search) and narrows the list to it. */
    public void openProduct(java.util.UUID id, Consumer<Product> then) {
        BackgroundTask.of(ws.messages().get("products.task.list"), p -> service.get(ws.user(), id))
                .onSuccess(product -> {
                    search.set(product.name());
                    reload();
                    then.accept(product);
                })
                .onFailure(this::fail).runOn(ws.tasks());
    }

    void fail(Throwable e) {
        if (e instanceof java.util.concurrent.CancellationException) {
            return;
        }
        error.set(e instanceof StaleRecordException ? ws.messages().get("common.staleEdit") : e.getMessage());
    }
}
