package org.deskcrm.invoice.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
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
import org.deskcrm.invoice.AgingBucket;
import org.deskcrm.invoice.ClientRef;
import org.deskcrm.invoice.CreditLineDraft;
import org.deskcrm.invoice.CreditNote;
import org.deskcrm.invoice.CurrencyTotals;
import org.deskcrm.invoice.DealRef;
import org.deskcrm.invoice.Invoice;
import org.deskcrm.invoice.InvoiceDraft;
import org.deskcrm.invoice.InvoiceQuery;
import org.deskcrm.invoice.InvoiceService;
import org.deskcrm.invoice.InvoiceSettings;
import org.deskcrm.invoice.InvoiceStatus;
import org.deskcrm.invoice.InvoiceSummary;
import org.deskcrm.invoice.Payment;
import org.deskcrm.invoice.PaymentDraft;
import org.deskcrm.invoice.SavedInvoice;
import org.deskcrm.invoice.pdf.InvoicePdf;
import org.deskcrm.platform.persistence.StaleRecordException;
import org.deskcrm.product.Product;
import org.deskcrm.product.ProductQuery;
import org.deskcrm.product.ProductService;
import org.deskcrm.platform.persistence.ValidationException;
import org.deskcrm.security.Action;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.Resource;
import org.deskcrm.ui.fx.FileLauncher;
import org.deskcrm.ui.shell.Workspace;
import org.deskcrm.ui.task.BackgroundTask;
import org.deskcrm.ui.task.TaskHandle;

/**
 * State and actions of the invoices screen: the filtered list with keyset paging, totals per
 * currency, the aging report, the selected invoice with its payments, and every action on it.
 * All service calls run as background tasks; results and errors come back as properties.
 */
public final class InvoicesViewModel {
    static final int PAGE = 100;

    private final Workspace ws;
    private final InvoiceService service;
    private final FileLauncher opener;
    private final ProductService products;
    private final CurrentUser user;

    private final ObservableList<InvoiceSummary> rows = FXCollections.observableArrayList();
    private final ObservableList<CurrencyTotals> totals = FXCollections.observableArrayList();
    private final ObservableList<AgingBucket> aging = FXCollections.observableArrayList();
    private final ObservableList<Payment> payments = FXCollections.observableArrayList();
    private final ObservableList<CreditNote> creditNotes = FXCollections.observableArrayList();
    private final BooleanProperty hasMore = new SimpleBooleanProperty();
    private boolean refreshing;
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty info = new SimpleStringProperty("");
    private final StringProperty warning = new SimpleStringProperty("");
    private final ObjectProperty<Invoice> selected = new SimpleObjectProperty<>();

    private final ObjectProperty<InvoiceStatus> statusFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<ClientRef> clientFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> dueFrom = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> dueTo = new SimpleObjectProperty<>();
    private final StringProperty numberFilter = new SimpleStringProperty("");
    private TaskHandle listing;

    public InvoicesViewModel(Workspace ws, InvoiceService service, ProductService products, FileLauncher opener) {
        this.ws = ws;
        this.service = service;
        this.products = products;
        this.opener = opener;
        this.user = ws.user();
    }

    // ------------------------------------------------------------ properties

    public ObservableList<InvoiceSummary> rows() {
        return rows;
    }

    public ObservableList<CurrencyTotals> totals() {
        return totals;
    }

    public ObservableList<AgingBucket> aging() {
        return aging;
    }

    public ObservableList<Payment> payments() {
        return payments;
    }

    /** The credit notes of the selected invoice, oldest first. */
    public ObservableList<CreditNote> creditNotes() {
        return creditNotes;
    }

    public BooleanProperty hasMoreProperty() {
        return hasMore;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public StringProperty infoProperty() {
        return info;
    }

    public StringProperty warningProperty() {
        return warning;
    }

    public ObjectProperty<Invoice> selectedProperty() {
        return selected;
    }

    public ObjectProperty<InvoiceStatus> statusFilterProperty() {
        return statusFilter;
    }

    public ObjectProperty<ClientRef> clientFilterProperty() {
        return clientFilter;
    }

    public ObjectProperty<LocalDate> dueFromProperty() {
        return dueFrom;
    }

    public ObjectProperty<LocalDate> dueToProperty() {
        return dueTo;
    }

    public StringProperty numberFilterProperty() {
        return numberFilter;
    }

    public Workspace workspace() {
        return ws;
    }

    /** Today on the user's calendar: due dates and overdue are about the user's days. */
    public LocalDate today() {
        return LocalDate.now(ws.clock().withZone(ws.zone()));
    }

    // ------------------------------------------------------------ permissions

    public boolean canCreate() {
        return user.can(Resource.INVOICES, Action.CREATE);
    }

    public boolean canSeePayments() {
        return user.can(Resource.PAYMENTS, Action.READ);
    }

    public boolean canChangeSettings() {
        return user.can(Resource.SETTINGS, Action.UPDATE);
    }

    public boolean canExport() {
        return user.can(Resource.INVOICES, Action.READ);
    }

    private BooleanBinding selectedIs(boolean permitted, java.util.function.Predicate<Invoice> state) {
        return Bindings.createBooleanBinding(() -> permitted && selected.get() != null && state.test(selected.get()), selected);
    }

    public BooleanBinding canEdit() {
        return selectedIs(user.can(Resource.INVOICES, Action.UPDATE), Invoice::isDraft);
    }

    public BooleanBinding canDelete() {
        return selectedIs(user.can(Resource.INVOICES, Action.DELETE), Invoice::isDraft);
    }

    public BooleanBinding canIssue() {
        return selectedIs(user.can(Resource.INVOICES, Action.APPROVE), Invoice::isDraft);
    }

    public BooleanBinding canCancel() {
        return selectedIs(user.can(Resource.INVOICES, Action.APPROVE), i -> i.status().isOpen() && i.amountPaid().signum() == 0);
    }

    public BooleanBinding canRecordPayment() {
        return selectedIs(user.can(Resource.PAYMENTS, Action.CREATE), i -> i.status().isOpen());
    }

    /** Finance and admins credit an issued invoice while something is left to credit. */
    public BooleanBinding canCredit() {
        return selectedIs(user.can(Resource.INVOICES, Action.APPROVE) && user.can(Resource.INVOICES, Action.UPDATE),
                Invoice::isCreditable);
    }

    public boolean canVoidPayments() {
        return user.can(Resource.PAYMENTS, Action.DELETE);
    }

    public BooleanBinding canDuplicate() {
        return selectedIs(user.can(Resource.INVOICES, Action.CREATE), i -> true);
    }

    public BooleanBinding hasSelection() {
        return selected.isNotNull();
    }

    // ------------------------------------------------------------ list

    InvoiceQuery query() {
        Set<InvoiceStatus> statuses = statusFilter.get() == null ? Set.of() : Set.of(statusFilter.get());
        ClientRef c = clientFilter.get();
        return new InvoiceQuery(statuses, c == null ? null : c.companyId(), dueFrom.get(), dueTo.get(), numberFilter.get(), null, PAGE);
    }

    /** Runs the overdue job for the organization, then loads the list (what the screen does when it opens). */
    public void open() {
        LocalDate today = today();
        BackgroundTask.of(ws.messages().get("invoices.task.overdue"), p -> service.markOverdue(user, today))
                .onFinally(this::reload)
                .runOn(ws.tasks());
    }

    public void reload() {
        if (listing != null) {
            listing.requestCancel();
        }
        InvoiceQuery q = query();
        LocalDate today = today();
        busy.set(true);
        listing = BackgroundTask.of(ws.messages().get("invoices.task.list"), p -> new Listing(
                        service.page(user, q, today), service.totals(user, q, today), service.aging(user, today)))
                .onSuccess(l -> {
                    replaceRows(() -> rows.setAll(l.rows()));
                    hasMore.set(l.rows().size() == PAGE);
                    totals.setAll(l.totals());
                    aging.setAll(l.aging());
                    error.set("");
                })
                .onFailure(this::fail)
                .onFinally(() -> busy.set(false))
                .runOn(ws.tasks());
    }

    private record Listing(List<InvoiceSummary> rows, List<CurrencyTotals> totals, List<AgingBucket> aging) {}

    public void loadMore() {
        if (rows.isEmpty() || !hasMore.get()) {
            return;
        }
        InvoiceQuery q = query().next(rows.getLast());
        LocalDate today = today();
        BackgroundTask.of(ws.messages().get("invoices.task.list"), p -> service.page(user, q, today))
                .onSuccess(more -> {
                    replaceRows(() -> rows.addAll(more));
                    hasMore.set(more.size() == PAGE);
                })
                .onFailure(this::fail)
                .runOn(ws.tasks());
    }

    public void clearFilters() {
        statusFilter.set(null);
        clientFilter.set(null);
        dueFrom.set(null);
        dueTo.set(null);
        numberFilter.set("");
        reload();
    }

    // ------------------------------------------------------------ detail

    /** The user picked another invoice: earlier messages were about the previous one. */
    public void show(UUID id) {
        warning.set("");
        info.set("");
        error.set("");
        select(id);
    }

    public void select(UUID id) {
        if (id == null) {
            selected.set(null);
            payments.clear();
            creditNotes.clear();
            return;
        }
        LocalDate today = today();
        boolean withPayments = canSeePayments();
        BackgroundTask.of(ws.messages().get("invoices.task.open"),
                        p -> new Detail(service.get(user, id, today), withPayments ? service.payments(user, id) : List.of(),
                                service.creditNotes(user, id)))
                .onSuccess(d -> {
                    creditNotes.setAll(d.creditNotes());
                    selected.set(d.invoice());
                    payments.setAll(d.payments());
                })
                .onFailure(this::fail)
                .runOn(ws.tasks());
    }

    private record Detail(Invoice invoice, List<Payment> payments, List<CreditNote> creditNotes) {}

    /** Shows a saved invoice, refreshes the list, and reports a credit-limit warning if there is one. */
    private void saved(SavedInvoice s) {
        warning.set(s.creditWarning().map(w -> ws.messages().get("invoices.creditWarning", w.companyName(),
                w.exposure().toPlainString() + " " + w.currency(), w.creditLimit().toPlainString() + " " + w.currency())).orElse(""));
        afterChange(s.invoice());
    }

    private void afterChange(Invoice invoice) {
        error.set("");
        reload();
        select(invoice.id());
    }

    // ------------------------------------------------------------ actions

    public void newDraft(ClientRef client, Consumer<InvoiceDraft> then) {
        LocalDate today = today();
        BackgroundTask.of(ws.messages().get("invoices.task.open"), p -> service.newDraft(user, client, today))
                .onSuccess(then::accept).onFailure(this::fail).runOn(ws.tasks());
    }

    /** Saves a new or changed draft; {@code onSaved} closes the editor, field errors go to {@code onInvalid}. */
    public void saveDraft(Invoice existing, InvoiceDraft draft, Runnable onSaved, Consumer<Throwable> onInvalid) {
        BackgroundTask.of(ws.messages().get("invoices.task.save"), p -> existing == null
                        ? service.createDraft(user, draft)
                        : service.updateDraft(user, existing.id(), existing.version(), draft))
                .onSuccess(s -> {
                    onSaved.run();
                    saved(s);
                })
                .onFailure(e -> {
                    if (e instanceof ValidationException || e instanceof StaleRecordException) {
                        onInvalid.accept(e);
                    } else {
                        fail(e);
                    }
                })
                .runOn(ws.tasks());
    }

    public void issue() {
        Invoice i = selected.get();
        LocalDate today = today();
        BackgroundTask.of(ws.messages().get("invoices.task.issue"), p -> service.issue(user, i.id(), i.version(), today))
                .onSuccess(s -> {
                    saved(s);
                    info.set(ws.messages().get("invoices.issued", s.invoice().number()));
                })
                .onFailure(this::fail).runOn(ws.tasks());
    }

    public void cancelInvoice(String reason) {
        Invoice i = selected.get();
        LocalDate today = today();
        BackgroundTask.of(ws.messages().get("invoices.task.cancel"), p -> service.cancel(user, i.id(), i.version(), reason, today))
                .onSuccess(this::afterChange).onFailure(this::fail).runOn(ws.tasks());
    }

    public void deleteDraft() {
        Invoice i = selected.get();
        BackgroundTask.of(ws.messages().get("invoices.task.delete"), p -> {
                    service.deleteDraft(user, i.id(), i.version());
                    return i;
                })
                .onSuccess(d -> {
                    selected.set(null);
                    payments.clear();
                    reload();
                })
                .onFailure(this::fail).runOn(ws.tasks());
    }

    public void duplicate() {
        Invoice i = selected.get();
        LocalDate today = today();
        BackgroundTask.of(ws.messages().get("invoices.task.save"), p -> service.duplicate(user, i.id(), today))
                .onSuccess(this::saved).onFailure(this::fail).runOn(ws.tasks());
    }

    public void recordPayment(PaymentDraft payment, Runnable onSaved, Consumer<Throwable> onInvalid) {
        Invoice i = selected.get();
        LocalDate today = today();
        BackgroundTask.of(ws.messages().get("invoices.task.payment"), p -> service.recordPayment(user, i.id(), i.version(), payment, today))
                .onSuccess(inv -> {
                    onSaved.run();
                    info.set(inv.status() == InvoiceStatus.PAID ? ws.messages().get("invoices.paidInFull", inv.number())
                            : ws.messages().get("invoices.paymentRecorded", inv.number()));
                    afterChange(inv);
                })
                .onFailure(e -> {
                    if (e instanceof ValidationException || e instanceof StaleRecordException) {
                        onInvalid.accept(e);
                    } else {
                        fail(e);
                    }
                })
                .runOn(ws.tasks());
    }

    /** Credits the selected invoice; {@code onSaved} closes the dialog, field errors go to {@code onInvalid}. */
    public void credit(List<CreditLineDraft> lines, String reason, Runnable onSaved, Consumer<Throwable> onInvalid) {
        Invoice i = selected.get();
        LocalDate today = today();
        BackgroundTask.of(ws.messages().get("invoices.task.credit"), p -> service.credit(user, i.id(), i.version(), lines, reason, today))
                .onSuccess(cn -> {
                    onSaved.run();
                    info.set(ws.messages().get("invoices.credited", cn.number(), i.number()));
                    afterChange(i);
                })
                .onFailure(e -> {
                    if (e instanceof ValidationException || e instanceof StaleRecordException) {
                        onInvalid.accept(e);
                    } else {
                        fail(e);
                    }
                })
                .runOn(ws.tasks());
    }

    /** Renders a credit note's PDF in the background, writes it to {@code target} and opens it when {@code open} is set. */
    public void exportCreditNotePdf(CreditNote cn, Path target, boolean open) {
        LocalDate today = today();
        var pdf = new InvoicePdf((key, args) -> ws.messages().get("pdf." + key, args), ws.messages().getLocale());
        BackgroundTask.of(ws.messages().get("invoices.task.pdf"), p -> {
                    var doc = service.creditNoteDocument(user, cn.id(), today);
                    Files.createDirectories(target.toAbsolutePath().getParent());
                    Path part = target.resolveSibling(target.getFileName() + ".part");
                    try (var out = Files.newOutputStream(part)) {
                        pdf.renderCreditNote(doc, out, p);
                    } catch (RuntimeException | java.io.IOException e) {
                        Files.deleteIfExists(part);
                        throw e;
                    }
                    Files.move(part, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    return open && opener.open(target);
                })
                .onSuccess(opened -> info.set(ws.messages().get(opened ? "invoices.pdf.opened" : "invoices.pdf.saved", target.toString())))
                .onFailure(this::fail)
                .runOn(ws.tasks());
    }

    /** Where "Open PDF" writes a credit note's document. */
    public Path previewFile(CreditNote cn) {
        return Path.of(System.getProperty("java.io.tmpdir"), "deskcrm-invoices", cn.number() + ".pdf");
    }

    public void voidPayment(Payment payment) {
        LocalDate today = today();
        BackgroundTask.of(ws.messages().get("invoices.task.payment"), p -> service.voidPayment(user, payment.id(), payment.version(), today))
                .onSuccess(this::afterChange).onFailure(this::fail).runOn(ws.tasks());
    }

    public void createFromDeal(DealRef deal) {
        LocalDate today = today();
        BackgroundTask.of(ws.messages().get("invoices.task.save"), p -> service.createFromDeal(user, deal.id(), today))
                .onSuccess(this::saved).onFailure(this::fail).runOn(ws.tasks());
    }

    public void searchClients(String text, Consumer<List<ClientRef>> then) {
        BackgroundTask.of(ws.messages().get("invoices.task.search"), p -> service.searchClients(user, text, 12))
                .onSuccess(then::accept).onFailure(this::fail).runOn(ws.tasks());
    }

    /** Active products whose name starts with (or whose SKU is) the text, for invoice lines. */
    public void searchProducts(String text, Consumer<List<Product>> then) {
        BackgroundTask.of(ws.messages().get("invoices.task.search"),
                        p -> products.page(user, new ProductQuery(text, null, true, null, 12)))
                .onSuccess(then::accept).onFailure(this::fail).runOn(ws.tasks());
    }

    public void searchDeals(String text, Consumer<List<DealRef>> then) {
        BackgroundTask.of(ws.messages().get("invoices.task.search"), p -> service.searchDeals(user, text, 12))
                .onSuccess(then::accept).onFailure(this::fail).runOn(ws.tasks());
    }

    /**
     * Renders the selected invoice's PDF in the background (cancellable), writes it to
     * {@code target}, then opens it with the desktop's PDF viewer when {@code open} is set.
     */
    public void exportPdf(Path target, boolean open) {
        Invoice i = selected.get();
        LocalDate today = today();
        var pdf = new InvoicePdf((key, args) -> ws.messages().get("pdf." + key, args), ws.messages().getLocale());
        BackgroundTask.of(ws.messages().get("invoices.task.pdf"), p -> {
                    var doc = service.document(user, i.id(), today);
                    p.update(0, doc.invoice().lines().size(), null);
                    Files.createDirectories(target.toAbsolutePath().getParent());
                    Path part = target.resolveSibling(target.getFileName() + ".part");
                    try (var out = Files.newOutputStream(part)) {
                        pdf.render(doc, out, p);
                    } catch (RuntimeException | java.io.IOException e) {
                        Files.deleteIfExists(part);
                        throw e;
                    }
                    Files.move(part, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    return open && opener.open(target);
                })
                .onSuccess(opened -> info.set(ws.messages().get(opened ? "invoices.pdf.opened" : "invoices.pdf.saved", target.toString())))
                .onFailure(this::fail)
                .runOn(ws.tasks());
    }

    /** Where "Open PDF" writes the document: a DeskCRM folder under the system's temporary files. */
    public Path previewFile(Invoice i) {
        String name = (i.number() != null ? i.number() : "draft-" + i.id().toString().substring(0, 8)) + ".pdf";
        return Path.of(System.getProperty("java.io.tmpdir"), "deskcrm-invoices", name);
    }

    public void loadSettings(Consumer<SettingsState> then) {
        LocalDate today = today();
        BackgroundTask.of(ws.messages().get("invoices.task.open"), p -> {
                    InvoiceSettings s = service.settings(user);
                    return new SettingsState(s, service.nextNumber(user, s.prefix(), today));
                })
                .onSuccess(then::accept).onFailure(this::fail).runOn(ws.tasks());
    }

    public record SettingsState(InvoiceSettings settings, String nextNumber) {}

    public void previewNumber(String prefix, Consumer<String> then) {
        LocalDate today = today();
        BackgroundTask.of(ws.messages().get("invoices.task.open"), p -> service.nextNumber(user, prefix, today))
                .onSuccess(then::accept).onFailure(e -> then.accept("")).runOn(ws.tasks());
    }

    public void saveSettings(InvoiceSettings s, Runnable onSaved, Consumer<Throwable> onInvalid) {
        BackgroundTask.of(ws.messages().get("invoices.task.save"), p -> service.saveSettings(user, s))
                .onSuccess(saved -> {
                    onSaved.run();
                    info.set(ws.messages().get("invoices.settings.saved", saved.prefix()));
                })
                .onFailure(onInvalid::accept)
                .runOn(ws.tasks());
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
        String message = e.getMessage() == null || e.getMessage().isBlank() ? ws.messages().get("common.error") : e.getMessage();
        error.set(e instanceof StaleRecordException ? ws.messages().get("common.staleEdit") : message);
        if (e instanceof StaleRecordException && selected.get() != null) {
            select(selected.get().id());
        }
    }
}
