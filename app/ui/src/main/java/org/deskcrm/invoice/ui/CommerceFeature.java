package org.deskcrm.invoice.ui;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;
import org.deskcrm.audit.AuditLog;
import org.deskcrm.invoice.InvoiceQuery;
import org.deskcrm.invoice.InvoiceService;
import org.deskcrm.invoice.persistence.ClientRepository;
import org.deskcrm.invoice.persistence.DealSourceRepository;
import org.deskcrm.invoice.persistence.InvoiceRepository;
import org.deskcrm.invoice.persistence.NumberSeriesRepository;
import org.deskcrm.invoice.persistence.PaymentRepository;
import org.deskcrm.invoice.persistence.SettingsRepository;
import org.deskcrm.order.OrderQuery;
import org.deskcrm.order.OrderService;
import org.deskcrm.order.persistence.ClientRevenueRepository;
import org.deskcrm.order.persistence.OrderRepository;
import org.deskcrm.order.ui.OrdersView;
import org.deskcrm.order.ui.OrdersViewModel;
import org.deskcrm.product.ProductQuery;
import org.deskcrm.product.ProductService;
import org.deskcrm.product.persistence.ProductRepository;
import org.deskcrm.product.ui.ProductsView;
import org.deskcrm.product.ui.ProductsViewModel;
import org.deskcrm.security.Action;
import org.deskcrm.security.OrganizationInitializer;
import org.deskcrm.security.Resource;
import org.deskcrm.ui.fx.FileLauncher;
import org.deskcrm.ui.shell.FeatureModule;
import org.deskcrm.ui.shell.GlobalSearchProvider;
import org.deskcrm.ui.shell.Screen;
import org.deskcrm.ui.shell.Workspace;
import org.deskcrm.ui.task.BackgroundTask;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * Commerce: the invoices, orders and products screens, the default invoice number series of a new
 * organization, global search for invoice/order numbers and products, and the overdue job that
 * runs every few minutes while a user is signed in.
 */
public final class CommerceFeature implements FeatureModule {
    /** How often unpaid invoices past due are marked overdue while the app runs. */
    static final Duration OVERDUE_EVERY = Duration.minutes(5);

    private final ProductService products;
    private final OrderService orders;
    private final InvoiceService invoices;
    private Timeline overdueJob;

    public CommerceFeature(org.jooq.DSLContext dsl, AuditLog audit) {
        var productRepo = new ProductRepository();
        var orderRepo = new OrderRepository();
        var clients = new ClientRepository();
        var series = new NumberSeriesRepository();
        var revenue = new ClientRevenueRepository();
        this.products = new ProductService(dsl, productRepo, audit);
        this.orders = new OrderService(dsl, orderRepo, productRepo, clients, series, revenue, audit);
        this.invoices = new InvoiceService(dsl, new InvoiceRepository(), new PaymentRepository(), series, new SettingsRepository(), clients,
                new DealSourceRepository(), orderRepo, productRepo, revenue, audit);
    }

    @Override
    public List<OrganizationInitializer> initializers() {
        return List.of(InvoiceService.initializer());
    }

    @Override
    public List<Screen> screens(Workspace ws) {
        var formats = new Formats(ws.messages().getLocale(), ws.zone());
        startOverdueJob(ws);
        return List.of(
                new Screen("invoices", "commerce.nav.invoices", Material2OutlinedMZ.RECEIPT_LONG,
                        u -> u.can(Resource.INVOICES, Action.READ),
                        () -> new InvoicesView(new InvoicesViewModel(ws, invoices, products, FileLauncher.DESKTOP), formats),
                        Set.of("invoice")),
                new Screen("orders", "commerce.nav.orders", Material2OutlinedMZ.SHOPPING_CART,
                        u -> u.can(Resource.ORDERS, Action.READ),
                        () -> new OrdersView(new OrdersViewModel(ws, orders, invoices, products), formats),
                        Set.of("order")),
                new Screen("products", "commerce.nav.products", Material2OutlinedAL.CATEGORY,
                        u -> u.can(Resource.PRODUCTS, Action.READ),
                        () -> new ProductsView(new ProductsViewModel(ws, products), formats), Set.of("product")));
    }

    /**
     * One job per app: a new sign-in replaces the previous user's job. It stores "overdue" for the
     * signed-in user's organization (lists derive it anyway, so a missed run is never visible).
     */
    private void startOverdueJob(Workspace ws) {
        if (overdueJob != null) {
            overdueJob.stop();
        }
        if (!ws.user().can(Resource.INVOICES, Action.READ)) {
            overdueJob = null;
            return;
        }
        overdueJob = new Timeline(new KeyFrame(OVERDUE_EVERY, e -> {
            LocalDate today = LocalDate.now(ws.clock().withZone(ws.zone()));
            BackgroundTask.of(ws.messages().get("invoices.task.overdue"), p -> invoices.markOverdue(ws.user(), today)).runOn(ws.tasks());
        }));
        overdueJob.setCycleCount(Animation.INDEFINITE);
        overdueJob.play();
    }

    @Override
    public List<GlobalSearchProvider> searchProviders(Workspace ws) {
        List<GlobalSearchProvider> providers = new ArrayList<>();
        var formats = new Formats(ws.messages().getLocale(), ws.zone());
        if (ws.user().can(Resource.INVOICES, Action.READ)) {
            providers.add((text, limit) -> {
                if (text == null || text.isBlank() || !Character.isLetterOrDigit(text.strip().charAt(0))) {
                    return List.of();
                }
                LocalDate today = LocalDate.now(ws.clock().withZone(ws.zone()));
                var q = new InvoiceQuery(Set.of(), null, null, null, text, null, limit);
                return invoices.page(ws.user(), q, today).stream()
                        .filter(i -> i.number() != null)
                        .map(i -> new GlobalSearchProvider.Hit("invoice", i.id(), i.number(),
                                i.clientName() + " · " + formats.money(i.total(), i.currency()) + " · "
                                        + ws.messages().get("invoices.status." + i.status().dbName())))
                        .toList();
            });
        }
        if (ws.user().can(Resource.ORDERS, Action.READ)) {
            providers.add((text, limit) -> orders.page(ws.user(), new OrderQuery(null, null, text, null, limit)).stream()
                    .map(o -> new GlobalSearchProvider.Hit("order", o.id(), o.number(),
                            o.clientName() + " · " + formats.money(o.total(), o.currency())))
                    .toList());
        }
        if (ws.user().can(Resource.PRODUCTS, Action.READ)) {
            providers.add((text, limit) -> products.page(ws.user(), new ProductQuery(text, null, false, null, limit)).stream()
                    .map(p -> new GlobalSearchProvider.Hit("product", p.id(), p.name(),
                            (p.sku() == null ? "" : p.sku() + " · ") + formats.money(p.price(), p.currency())))
                    .toList());
        }
        return providers;
    }
}
