package org.deskcrm.invoice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.deskcrm.audit.AuditAction;
import org.deskcrm.audit.AuditLog;
import org.deskcrm.invoice.persistence.ClientRepository;
import org.deskcrm.invoice.persistence.CreditNoteRepository;
import org.deskcrm.invoice.persistence.DealSourceRepository;
import org.deskcrm.invoice.persistence.InvoiceRepository;
import org.deskcrm.invoice.persistence.NumberSeriesRepository;
import org.deskcrm.invoice.persistence.PaymentRepository;
import org.deskcrm.invoice.persistence.SettingsRepository;
import org.deskcrm.order.Order;
import org.deskcrm.order.OrderItem;
import org.deskcrm.order.OrderPaymentStatus;
import org.deskcrm.order.OrderService;
import org.deskcrm.order.OrderStatus;
import org.deskcrm.order.persistence.ClientRevenueRepository;
import org.deskcrm.order.persistence.OrderRepository;
import org.deskcrm.platform.id.Ids;
import org.deskcrm.platform.persistence.NotFoundException;
import org.deskcrm.platform.persistence.SyncColumns;
import org.deskcrm.platform.persistence.ValidationException;
import org.deskcrm.product.Product;
import org.deskcrm.product.persistence.ProductRepository;
import org.deskcrm.security.Action;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.OrganizationInitializer;
import org.deskcrm.security.Resource;
import org.jooq.DSLContext;

/**
 * Everything done with invoices: drafts (from scratch, a deal or an order), issuing with a
 * gap-free number, payments and the paid-date rule, overdue, cancelling, lists, the aging report,
 * totals per currency, credit-limit warnings and the data of the PDF document.
 *
 * <p>"Today" is always passed in by the caller as a date in the user's time zone, so that due
 * dates and overdue mean what the user sees on their calendar.
 */
public final class InvoiceService {
    public static final String KEY_PREFIX = "invoice.prefix";
    public static final String KEY_SENDER = "invoice.sender";
    public static final String KEY_TERMS = "invoice.terms";
    public static final String KEY_NOTES = "invoice.notes";
    /** Prefix of the credit notes' own gap-free series (per year, like invoices). */
    public static final String CREDIT_PREFIX = "CN";
    private static final Pattern PREFIX = Pattern.compile("[A-Z0-9]{1,12}");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final DSLContext dsl;
    private final InvoiceRepository invoices;
    private final PaymentRepository payments;
    private final NumberSeriesRepository series;
    private final SettingsRepository settings;
    private final ClientRepository clients;
    private final DealSourceRepository deals;
    private final OrderRepository orders;
    private final ProductRepository products;
    private final ClientRevenueRepository revenue;
    private final AuditLog audit;
    private final CreditNoteRepository credits = new CreditNoteRepository();

    public InvoiceService(DSLContext dsl, InvoiceRepository invoices, PaymentRepository payments, NumberSeriesRepository series,
            SettingsRepository settings, ClientRepository clients, DealSourceRepository deals, OrderRepository orders,
            ProductRepository products, ClientRevenueRepository revenue, AuditLog audit) {
        this.dsl = dsl;
        this.invoices = invoices;
        this.payments = payments;
        this.series = series;
        this.settings = settings;
        this.clients = clients;
        this.deals = deals;
        this.orders = orders;
        this.products = products;
        this.revenue = revenue;
        this.audit = audit;
    }

    /**
     * The defaults of a new organization: the invoice prefix "INV" with this year's series, and
     * the order series (ORD, never resets).
     */
    public static OrganizationInitializer initializer() {
        return (tx, organizationId, adminUserId) -> {
            var repo = new NumberSeriesRepository();
            new SettingsRepository().put(tx, organizationId, adminUserId, KEY_PREFIX, InvoiceSettings.DEFAULT_PREFIX);
            repo.insert(tx, organizationId, InvoiceSettings.DEFAULT_PREFIX, LocalDate.now(java.time.ZoneOffset.UTC).getYear());
            repo.insert(tx, organizationId, OrderService.ORDER_PREFIX, 0);
        };
    }

    // ------------------------------------------------------------------ reading

    public List<InvoiceSummary> page(CurrentUser user, InvoiceQuery query, LocalDate today) {
        return invoices.page(dsl, user, query, today);
    }

    public Invoice get(CurrentUser user, UUID id, LocalDate today) {
        return invoices.find(dsl, user, id, today).orElseThrow(InvoiceService::notFound);
    }

    public List<Payment> payments(CurrentUser user, UUID invoiceId) {
        return payments.ofInvoice(dsl, user, invoiceId);
    }

    public List<AgingBucket> aging(CurrentUser user, LocalDate today) {
        return invoices.aging(dsl, user, today);
    }

    public List<CurrencyTotals> totals(CurrentUser user, InvoiceQuery query, LocalDate today) {
        return invoices.totals(dsl, user, query, today);
    }

    public List<ClientRef> searchClients(CurrentUser user, String text, int limit) {
        return clients.search(dsl, user, text, limit);
    }

    public List<DealRef> searchDeals(CurrentUser user, String text, int limit) {
        return deals.search(dsl, user, text, limit);
    }

    /** What a new invoice for this client starts with: its billing currency and payment terms. */
    public InvoiceDraft newDraft(CurrentUser user, ClientRef client, LocalDate today) {
        InvoiceSettings s = settings(user);
        String currency = settings.organization(dsl, user.organizationId()).currency();
        PaymentTerms terms = PaymentTerms.NET_30;
        if (client != null && client.companyId() != null) {
            var billing = clients.billing(dsl, user, client.companyId());
            if (billing.isPresent()) {
                currency = billing.get().currency();
                terms = PaymentTerms.parse(billing.get().paymentTerms()).orElse(PaymentTerms.NET_30);
            }
        }
        return new InvoiceDraft(client == null ? null : client.companyId(), client == null ? null : client.contactId(), null, null,
                currency, today, terms.dueDate(today), terms, null, blankToNull(s.defaultNotes()), blankToNull(s.defaultTerms()),
                List.of());
    }

    // ------------------------------------------------------------------ drafts

    public SavedInvoice createDraft(CurrentUser user, InvoiceDraft draft) {
        user.require(Resource.INVOICES, Action.CREATE);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            InvoiceDraft d = validate(tx, user, draft);
            UUID id = Ids.newId();
            invoices.insertDraft(tx, user, id, d);
            audit.record(tx, user.organizationId(), user.userId(), "invoices", id, AuditAction.INSERT, null, auditValues(d, null));
            Invoice saved = invoices.find(tx, user, id, d.issueDate()).orElseThrow();
            return new SavedInvoice(saved, creditCheck(tx, user, saved));
        });
    }

    public SavedInvoice updateDraft(CurrentUser user, UUID id, long version, InvoiceDraft draft) {
        user.require(Resource.INVOICES, Action.UPDATE);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            Invoice before = invoices.find(tx, user, id, LocalDate.EPOCH).orElseThrow(InvoiceService::notFound);
            requireDraft(before);
            InvoiceDraft d = validate(tx, user, draft);
            invoices.updateDraft(tx, user, id, version, d);
            audit.record(tx, user.organizationId(), user.userId(), "invoices", id, AuditAction.UPDATE,
                    auditValues(before.toDraft(), null), auditValues(d, null));
            Invoice saved = invoices.find(tx, user, id, d.issueDate()).orElseThrow();
            return new SavedInvoice(saved, creditCheck(tx, user, saved));
        });
    }

    /** Deletes a draft (issued invoices are cancelled instead: their number must stay accounted for). */
    public void deleteDraft(CurrentUser user, UUID id, long version) {
        user.require(Resource.INVOICES, Action.DELETE);
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            Invoice before = invoices.find(tx, user, id, LocalDate.EPOCH).orElseThrow(InvoiceService::notFound);
            if (!before.isDraft()) {
                throw new ValidationException("status", "Invoice " + before.number() + " has been issued; cancel it instead of deleting it.");
            }
            invoices.softDeleteDraft(tx, user, id, version);
            audit.record(tx, user.organizationId(), user.userId(), "invoices", id, AuditAction.DELETE, auditValues(before.toDraft(), null), null);
        });
    }

    /** A draft with the deal's client, currency and quoted products (or one line for the deal's value). */
    public SavedInvoice createFromDeal(CurrentUser user, UUID dealId, LocalDate today) {
        user.require(Resource.INVOICES, Action.CREATE);
        var deal = deals.find(dsl, user, dealId).orElseThrow(() -> new NotFoundException("This deal no longer exists or is not visible to you."));
        if (deal.companyId() == null && deal.contactId() == null) {
            throw new ValidationException("client", "Deal \"" + deal.name() + "\" has no company or contact to bill.");
        }
        ClientRef client = deal.companyId() != null
                ? new ClientRef(ClientRef.Kind.COMPANY, deal.companyId(), "", "")
                : new ClientRef(ClientRef.Kind.CONTACT, deal.contactId(), "", "");
        InvoiceDraft base = newDraft(user, client, today);
        List<InvoiceLineDraft> lines = new ArrayList<>();
        for (var l : deal.lines()) {
            lines.add(new InvoiceLineDraft(l.productId(), l.description(), l.quantity(), l.unitPrice(), l.taxRate(), l.discount()));
        }
        if (lines.isEmpty()) {
            lines.add(new InvoiceLineDraft(null, deal.name(), BigDecimal.ONE, deal.value(), BigDecimal.ZERO, BigDecimal.ZERO));
        }
        return createDraft(user, new InvoiceDraft(deal.companyId(), deal.contactId(),
                deal.id(), null, deal.currency(), base.issueDate(), base.dueDate(), base.paymentTerms(), deal.name(), base.notes(),
                base.terms(), lines));
    }

    /**
     * A draft for an order, in one action: the items become lines, shipping a line of its own,
     * the order discount is taken off the lines from the last one up, and the order's tax amount
     * becomes the lines' tax rate (tax ÷ taxable amount, 4 decimals), so the draft's total matches
     * the order's to the cent in the usual case; it is a draft, so it can be checked before issuing.
     */
    public SavedInvoice createFromOrder(CurrentUser user, UUID orderId, LocalDate today) {
        user.require(Resource.INVOICES, Action.CREATE);
        Order order = orders.find(dsl, user, orderId).orElseThrow(() -> new NotFoundException("This order no longer exists or is not visible to you."));
        if (order.status() == OrderStatus.CANCELLED) {
            throw new ValidationException("order", "Order " + order.number() + " is cancelled.");
        }
        var existing = invoices.invoiceOfOrder(dsl, orderId);
        if (existing.isPresent()) {
            throw new ValidationException("order", "Order " + order.number() + " already has an invoice (" + existing.get() + ").");
        }
        String cur = order.currency();
        List<BigDecimal[]> amounts = new ArrayList<>(); // [quantity, unitPrice, discount]
        List<InvoiceLineDraft> base = new ArrayList<>();
        for (OrderItem i : order.items()) {
            base.add(new InvoiceLineDraft(i.productId(), i.description(), i.quantity(), i.unitPrice(), BigDecimal.ZERO, i.discount()));
            amounts.add(new BigDecimal[] {i.quantity(), i.unitPrice(), i.discount()});
        }
        if (order.shippingTotal().signum() > 0) {
            base.add(new InvoiceLineDraft(null, "Shipping", BigDecimal.ONE, order.shippingTotal(), BigDecimal.ZERO, BigDecimal.ZERO));
            amounts.add(new BigDecimal[] {BigDecimal.ONE, order.shippingTotal(), BigDecimal.ZERO});
        }
        BigDecimal left = order.discountTotal();
        for (int n = amounts.size() - 1; n >= 0 && left.signum() > 0; n--) {
            BigDecimal[] a = amounts.get(n);
            BigDecimal room = Money.round(a[0].multiply(a[1]), cur).subtract(a[2]);
            BigDecimal take = room.min(left);
            a[2] = a[2].add(take);
            left = left.subtract(take);
        }
        BigDecimal net = Money.zero(cur);
        for (BigDecimal[] a : amounts) {
            net = net.add(Money.round(a[0].multiply(a[1]), cur).subtract(a[2]));
        }
        BigDecimal rate = net.signum() == 0 ? BigDecimal.ZERO
                : order.taxTotal().multiply(HUNDRED).divide(net, 4, RoundingMode.HALF_UP);
        List<InvoiceLineDraft> lines = new ArrayList<>();
        for (int n = 0; n < base.size(); n++) {
            InvoiceLineDraft l = base.get(n);
            lines.add(new InvoiceLineDraft(l.productId(), l.description(), l.quantity(), l.unitPrice(), rate, amounts.get(n)[2]));
        }
        ClientRef client = order.companyId() != null
                ? new ClientRef(ClientRef.Kind.COMPANY, order.companyId(), "", "")
                : new ClientRef(ClientRef.Kind.CONTACT, order.contactId(), "", "");
        InvoiceDraft defaults = newDraft(user, client, today);
        return createDraft(user, new InvoiceDraft(order.companyId(), order.contactId(), order.dealId(), order.id(), cur,
                defaults.issueDate(), defaults.dueDate(), defaults.paymentTerms(), "Order " + order.number(), defaults.notes(),
                defaults.terms(), lines));
    }

    // ------------------------------------------------------------------ issuing, cancelling

    /**
     * Issues a draft: it gets the next number of the organization's series for this year
     * (PREFIX-YYYY-NNNN, gap-free: the series row is locked in this transaction), today's date as
     * issue date and a due date from its terms, and becomes sent. It can no longer be edited.
     */
    public SavedInvoice issue(CurrentUser user, UUID id, long version, LocalDate today) {
        user.require(Resource.INVOICES, Action.APPROVE);
        String prefix = settings(user).prefix();
        int year = today.getYear();
        series.ensure(dsl, user.organizationId(), prefix, year);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            Invoice draft = invoices.find(tx, user, id, today).orElseThrow(InvoiceService::notFound);
            requireDraft(draft);
            if (draft.version() != version) {
                throw new org.deskcrm.platform.persistence.StaleRecordException("invoices", id, version);
            }
            if (draft.lines().isEmpty()) {
                throw new ValidationException("lines", "Add at least one line before issuing the invoice.");
            }
            LocalDate due = draft.paymentTerms() != null
                    ? draft.paymentTerms().dueDate(today)
                    : today.plusDays(Math.max(0, ChronoUnit.DAYS.between(draft.issueDate(), draft.dueDate())));
            long n = series.take(tx, user.organizationId(), prefix, year);
            String number = format(prefix, year, n);
            invoices.issue(tx, user, id, version, number, prefix, year, today, due, SyncColumns.now());
            audit.record(tx, user.organizationId(), user.userId(), "invoices", id, AuditAction.UPDATE,
                    Map.of("status", "draft"), Map.of("status", "sent", "invoice_number", number, "issue_date", today, "due_date", due));
            Invoice issued = invoices.find(tx, user, id, today).orElseThrow();
            return new SavedInvoice(issued, creditCheck(tx, user, issued));
        });
    }

    public static String format(String prefix, int year, long n) {
        return String.format(Locale.ROOT, "%s-%04d-%04d", prefix, year, n);
    }

    /** Cancels an issued invoice that has no payments; its number stays used (never handed out again). */
    public Invoice cancel(CurrentUser user, UUID id, long version, String reason, LocalDate today) {
        user.require(Resource.INVOICES, Action.APPROVE);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            Invoice before = invoices.find(tx, user, id, today).orElseThrow(InvoiceService::notFound);
            if (before.isDraft()) {
                throw new ValidationException("status", "A draft has no number yet: delete it instead of cancelling it.");
            }
            if (!before.status().isOpen()) {
                throw new ValidationException("status", "Invoice " + before.number() + " is " + before.status().dbName().replace('_', ' ')
                        + " and cannot be cancelled.");
            }
            if (before.amountPaid().signum() > 0) {
                throw new ValidationException("status", "Invoice " + before.number() + " has payments; void them before cancelling it.");
            }
            if (before.creditedTotal().signum() > 0) {
                throw new ValidationException("status", "Invoice " + before.number() + " has credit notes; credit the rest instead of cancelling it.");
            }
            String why = reason == null || reason.isBlank() ? null : reason.strip();
            String notes = why == null ? before.notes()
                    : (before.notes() == null || before.notes().isBlank() ? "" : before.notes() + "\n") + "Cancelled: " + why;
            invoices.cancel(tx, user, id, version, notes);
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("status", "cancelled");
            if (why != null) {
                after.put("reason", why);
            }
            audit.record(tx, user.organizationId(), user.userId(), "invoices", id, AuditAction.UPDATE,
                    Map.of("status", before.status().dbName()), after);
            if (before.orderId() != null) {
                orders.followInvoicePayment(tx, user.organizationId(), before.orderId(), OrderPaymentStatus.UNPAID);
            }
            revenue.recompute(tx, before.companyId());
            return invoices.find(tx, user, id, today).orElseThrow();
        });
    }

    /** Copies an invoice (typically a cancelled one being corrected) into a new draft dated today. */
    public SavedInvoice duplicate(CurrentUser user, UUID id, LocalDate today) {
        Invoice source = get(user, id, today);
        InvoiceDraft d = source.toDraft();
        LocalDate due = d.paymentTerms() != null ? d.paymentTerms().dueDate(today)
                : today.plusDays(Math.max(0, ChronoUnit.DAYS.between(d.issueDate(), d.dueDate())));
        return createDraft(user, new InvoiceDraft(d.companyId(), d.contactId(), d.dealId(), null, d.currency(), today, due,
                d.paymentTerms(), d.description(), source.status() == InvoiceStatus.CANCELLED ? null : d.notes(), d.terms(), d.lines()));
    }

    // ------------------------------------------------------------------ credit notes

    /** The credit notes of an invoice the user can see, oldest first. */
    public List<CreditNote> creditNotes(CurrentUser user, UUID invoiceId) {
        return credits.ofInvoice(dsl, user, invoiceId);
    }

    public CreditNote creditNote(CurrentUser user, UUID id) {
        return credits.find(dsl, user, id).orElseThrow(() -> new NotFoundException("This credit note no longer exists or is not visible to you."));
    }

    /** Every line of the invoice at its full quantity and price (what "credit all" proposes). */
    public static List<CreditLineDraft> fullCredit(Invoice inv) {
        return inv.lines().stream().map(l -> new CreditLineDraft(l.id(), l.quantity(), l.unitPrice())).toList();
    }

    /**
     * Credits an issued invoice (sent, overdue, partially paid or paid): a credit note with the
     * next number of the CN series for the year of {@code today} (gap-free, like invoice numbers),
     * the chosen lines (at most the invoice line's quantity and unit price; the discount credited
     * in proportion to the quantity; amounts rounded per line to the currency's minor unit) and a
     * reason. Its total may not exceed the invoice total minus earlier credits. In the same
     * transaction the invoice's credited total, balance due and status follow (fully credited with
     * nothing paid → credited; paid beyond what is left → paid with a refund due), the company's
     * roll-ups are recomputed and both rows are audited. Finance and admins only.
     */
    public CreditNote credit(CurrentUser user, UUID invoiceId, long invoiceVersion, List<CreditLineDraft> lines, String reason,
            LocalDate today) {
        user.require(Resource.INVOICES, Action.APPROVE);
        user.require(Resource.INVOICES, Action.UPDATE);
        int year = today.getYear();
        series.ensure(dsl, user.organizationId(), CREDIT_PREFIX, year);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            credits.lockInvoice(tx, invoiceId);
            Invoice inv = invoices.find(tx, user, invoiceId, today).orElseThrow(InvoiceService::notFound);
            if (inv.version() != invoiceVersion) {
                throw new org.deskcrm.platform.persistence.StaleRecordException("invoices", invoiceId, invoiceVersion);
            }
            if (inv.isDraft() || inv.number() == null) {
                throw new ValidationException("status", "A draft can still be edited: change it instead of crediting it.");
            }
            if (inv.status() == InvoiceStatus.CANCELLED) {
                throw new ValidationException("status", "Invoice " + inv.number() + " is cancelled: there is nothing to credit.");
            }
            String why = blankToNull(reason);
            Map<String, String> errors = new LinkedHashMap<>();
            if (why == null) {
                errors.put("reason", "Enter the reason for the credit.");
            } else if (why.length() > 1000) {
                errors.put("reason", "The reason may have at most 1000 characters.");
            }
            List<CreditNoteRepository.NewLine> out = creditLines(inv, lines, errors);
            Money.Totals t = Money.totals(out.stream().map(CreditNoteRepository.NewLine::amounts).toList(), inv.currency());
            BigDecimal left = inv.creditableAmount();
            if (errors.isEmpty() && t.total().signum() <= 0) {
                errors.put("lines", "The credit must be more than zero.");
            } else if (errors.isEmpty() && t.total().compareTo(left) > 0) {
                errors.put("lines", "The credit (" + t.total().toPlainString() + " " + inv.currency() + ") is more than what is left to credit on invoice "
                        + inv.number() + " (" + left.toPlainString() + " " + inv.currency() + ").");
            }
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            UUID id = Ids.newId();
            String number = format(CREDIT_PREFIX, year, series.take(tx, user.organizationId(), CREDIT_PREFIX, year));
            credits.insert(tx, user, id, number, CREDIT_PREFIX, year, inv.id(), inv.companyId(), inv.contactId(), inv.currency(), today,
                    why, t, out);
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("credit_note_number", number);
            values.put("invoice_id", inv.id());
            values.put("invoice_number", inv.number());
            values.put("currency", inv.currency());
            values.put("issue_date", today);
            values.put("reason", why);
            values.put("lines", out.size());
            values.put("total", t.total());
            audit.record(tx, user.organizationId(), user.userId(), "credit_notes", id, AuditAction.INSERT, null, values);

            BigDecimal credited = Money.round(credits.creditedTotal(tx, inv.id()), inv.currency());
            BigDecimal balance = inv.total().subtract(inv.amountPaid()).subtract(credited);
            InvoiceStatus status = inv.status();
            if (balance.signum() <= 0) {
                status = inv.amountPaid().signum() == 0 ? InvoiceStatus.CREDITED : InvoiceStatus.PAID;
            }
            invoices.setCreditState(tx, user, inv.id(), invoiceVersion, credited, balance.max(BigDecimal.ZERO), status);
            Map<String, Object> before = new LinkedHashMap<>();
            before.put("status", inv.status().dbName());
            before.put("credited_total", inv.creditedTotal());
            before.put("balance_due", inv.balanceDue());
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("status", status.dbName());
            after.put("credited_total", credited);
            after.put("balance_due", balance.max(BigDecimal.ZERO));
            after.put("credit_note_number", number);
            audit.record(tx, user.organizationId(), user.userId(), "invoices", inv.id(), AuditAction.UPDATE, before, after);
            revenue.recompute(tx, inv.companyId());
            return credits.find(tx, user, id).orElseThrow();
        });
    }

    private static List<CreditNoteRepository.NewLine> creditLines(Invoice inv, List<CreditLineDraft> lines, Map<String, String> errors) {
        List<CreditNoteRepository.NewLine> out = new ArrayList<>();
        if (lines == null || lines.isEmpty()) {
            errors.put("lines", "Choose at least one line to credit.");
            return out;
        }
        String cur = inv.currency();
        java.util.Set<UUID> seen = new java.util.HashSet<>();
        for (CreditLineDraft c : lines) {
            InvoiceLine l = inv.lines().stream().filter(x -> x.id().equals(c.invoiceLineId())).findFirst().orElse(null);
            if (l == null || !seen.add(c.invoiceLineId())) {
                errors.put("lines", "A credited line is not a line of invoice " + inv.number() + ".");
                continue;
            }
            String where = "\"" + l.description() + "\": ";
            if (c.quantity() == null || c.quantity().signum() <= 0) {
                errors.put("lines", where + "the quantity to credit must be more than zero.");
                continue;
            }
            if (c.quantity().compareTo(l.quantity()) > 0) {
                errors.put("lines", where + "at most " + l.quantity().toPlainString() + " can be credited.");
                continue;
            }
            if (c.unitPrice() == null || c.unitPrice().signum() < 0 || c.unitPrice().compareTo(l.unitPrice()) > 0) {
                errors.put("lines", where + "the unit price to credit is between 0 and " + l.unitPrice().stripTrailingZeros().toPlainString() + ".");
                continue;
            }
            if (c.quantity().stripTrailingZeros().scale() > 4 || c.unitPrice().stripTrailingZeros().scale() > 4) {
                errors.put("lines", where + "quantities and prices have at most 4 decimals.");
                continue;
            }
            BigDecimal qty = c.quantity().setScale(4, RoundingMode.UNNECESSARY);
            BigDecimal price = c.unitPrice().setScale(4, RoundingMode.UNNECESSARY);
            BigDecimal rate = l.taxRate().setScale(4, RoundingMode.UNNECESSARY);
            Money.LineAmounts a = creditAmounts(l, qty, price, cur);
            if (a.total().signum() > 0) {
                out.add(new CreditNoteRepository.NewLine(l.id(), l.productId(), l.description(), qty, price, rate, a));
            }
        }
        return out;
    }

    /**
     * The amounts of crediting {@code quantity} units of an invoice line at {@code unitPrice}: the
     * line's discount is credited in proportion to the quantity (all of it for the full quantity),
     * everything rounded to the currency's minor unit like invoice lines.
     */
    public static Money.LineAmounts creditAmounts(InvoiceLine l, BigDecimal quantity, BigDecimal unitPrice, String currency) {
        BigDecimal gross = Money.round(quantity.multiply(unitPrice), currency);
        BigDecimal discount = quantity.compareTo(l.quantity()) == 0 ? l.discount()
                : Money.round(l.discount().multiply(quantity).divide(l.quantity(), 10, RoundingMode.HALF_UP), currency);
        return Money.line(quantity, unitPrice, discount.min(gross), l.taxRate(), currency);
    }

    /** The data of a credit note's PDF: the credit note shaped as an invoice document, the credited invoice's number and the reason. */
    public CreditNoteDocument creditNoteDocument(CurrentUser user, UUID creditNoteId, LocalDate today) {
        CreditNote cn = creditNote(user, creditNoteId);
        InvoiceDocument base = document(user, cn.invoiceId(), today);
        Invoice inv = base.invoice();
        BigDecimal zero = Money.zero(cn.currency());
        Invoice shaped = new Invoice(cn.id(), cn.number(), InvoiceStatus.SENT, inv.companyId(), inv.companyName(), inv.contactId(),
                inv.contactName(), inv.dealId(), inv.orderId(), cn.currency(), cn.issueDate(), cn.issueDate(), null, cn.subtotal(),
                cn.discountTotal(), cn.taxTotal(), cn.total(), zero, zero, zero, null, null, null, null, null, cn.version(), cn.lines());
        return new CreditNoteDocument(new InvoiceDocument(shaped, base.organizationName(), base.senderDetails(), base.logo(), base.client()),
                cn.invoiceNumber(), cn.reason());
    }

    // ------------------------------------------------------------------ payments

    /**
     * Records a payment (at most the balance due). A fully paid invoice becomes paid with the
     * payment's date as paid date; otherwise partially paid (or still overdue when past due).
     */
    public Invoice recordPayment(CurrentUser user, UUID invoiceId, long invoiceVersion, PaymentDraft payment, LocalDate today) {
        user.require(Resource.PAYMENTS, Action.CREATE);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            Invoice inv = invoices.find(tx, user, invoiceId, today).orElseThrow(InvoiceService::notFound);
            if (!inv.status().isOpen()) {
                throw new ValidationException("status", inv.isDraft() ? "Issue the invoice before recording payments."
                        : "Invoice " + inv.number() + " is " + inv.status().dbName().replace('_', ' ') + ": no payment is due.");
            }
            PaymentDraft p = validatePayment(payment, inv);
            UUID id = Ids.newId();
            payments.insert(tx, user, id, invoiceId, inv.companyId(), inv.contactId(), inv.currency(), p);
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("invoice_id", invoiceId);
            values.put("amount", p.amount());
            values.put("currency", inv.currency());
            values.put("method", p.method().dbName());
            values.put("payment_date", p.paymentDate());
            values.put("reference_number", p.reference());
            audit.record(tx, user.organizationId(), user.userId(), "payments", id, AuditAction.INSERT, null, values);
            applyPayments(tx, user, inv, invoiceVersion, today, p.method().dbName(), p.reference());
            return invoices.find(tx, user, invoiceId, today).orElseThrow();
        });
    }

    /** Voids a payment recorded by mistake; the invoice's balance and status follow. */
    public Invoice voidPayment(CurrentUser user, UUID paymentId, long paymentVersion, LocalDate today) {
        user.require(Resource.PAYMENTS, Action.DELETE);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            Payment p = payments.find(tx, user, paymentId).orElseThrow(() -> new NotFoundException("This payment no longer exists."));
            Invoice inv = invoices.find(tx, user, p.invoiceId(), today).orElseThrow(InvoiceService::notFound);
            if (inv.status() == InvoiceStatus.CANCELLED) {
                throw new ValidationException("status", "Invoice " + inv.number() + " is cancelled.");
            }
            payments.softDelete(tx, user, paymentId, paymentVersion);
            audit.record(tx, user.organizationId(), user.userId(), "payments", paymentId, AuditAction.DELETE,
                    Map.of("invoice_id", inv.id(), "amount", p.amount(), "method", p.method().dbName()), null);
            applyPayments(tx, user, inv, null, today, null, null);
            return invoices.find(tx, user, inv.id(), today).orElseThrow();
        });
    }

    private void applyPayments(DSLContext tx, CurrentUser user, Invoice inv, Long version, LocalDate today, String method,
            String reference) {
        var received = payments.received(tx, inv.id());
        BigDecimal paid = Money.round(received.amount(), inv.currency());
        BigDecimal balance = inv.total().subtract(paid).subtract(inv.creditedTotal());
        InvoiceStatus status;
        LocalDate paidDate = null;
        if (balance.signum() <= 0) {
            status = paid.signum() == 0 ? InvoiceStatus.CREDITED : InvoiceStatus.PAID;
            paidDate = paid.signum() == 0 ? null : received.lastDate();
        } else if (inv.dueDate().isBefore(today)) {
            status = InvoiceStatus.OVERDUE;
        } else {
            status = paid.signum() > 0 ? InvoiceStatus.PARTIALLY_PAID : InvoiceStatus.SENT;
        }
        invoices.setPaymentState(tx, user, inv.id(), version, paid, balance.max(BigDecimal.ZERO), status, paidDate,
                method, reference);
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("status", inv.status().dbName());
        before.put("amount_paid", inv.amountPaid());
        before.put("balance_due", inv.balanceDue());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", status.dbName());
        after.put("amount_paid", paid);
        after.put("balance_due", balance.max(BigDecimal.ZERO));
        after.put("paid_date", paidDate);
        audit.record(tx, user.organizationId(), user.userId(), "invoices", inv.id(), AuditAction.UPDATE, before, after);
        if (inv.orderId() != null) {
            orders.followInvoicePayment(tx, user.organizationId(), inv.orderId(), status == InvoiceStatus.PAID ? OrderPaymentStatus.PAID
                    : paid.signum() > 0 ? OrderPaymentStatus.PARTIALLY_PAID : OrderPaymentStatus.UNPAID);
        }
        revenue.recompute(tx, inv.companyId());
    }

    private static PaymentDraft validatePayment(PaymentDraft p, Invoice inv) {
        Map<String, String> errors = new LinkedHashMap<>();
        BigDecimal amount = null;
        if (p.amount() == null || p.amount().signum() <= 0) {
            errors.put("amount", "Enter an amount of more than zero.");
        } else {
            amount = p.amount();
            if (amount.stripTrailingZeros().scale() > Money.scale(inv.currency())) {
                errors.put("amount", "An amount in " + inv.currency() + " has at most " + Money.scale(inv.currency()) + " decimals.");
            } else if (amount.compareTo(inv.balanceDue()) > 0) {
                errors.put("amount", "The payment is more than the balance due (" + inv.balanceDue().toPlainString() + " "
                        + inv.currency() + ").");
            }
        }
        if (p.method() == null) {
            errors.put("method", "Choose how it was paid.");
        }
        if (p.paymentDate() == null) {
            errors.put("paymentDate", "Enter the date of the payment.");
        } else if (p.paymentDate().isBefore(inv.issueDate())) {
            errors.put("paymentDate", "The payment date is before the invoice was issued.");
        }
        if (p.reference() != null && p.reference().strip().length() > 100) {
            errors.put("reference", "The reference may have at most 100 characters.");
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new PaymentDraft(Money.round(amount, inv.currency()), p.method(), p.paymentDate(), blankToNull(p.reference()),
                blankToNull(p.notes()));
    }

    // ------------------------------------------------------------------ overdue

    /**
     * Stores "overdue" on sent and partially paid invoices of the user's organization whose due
     * date is before {@code today}. A system transition (like the seeds' triggers): it needs no
     * invoice permission, is audited without a user, and is idempotent (a second run changes nothing).
     *
     * @return how many invoices became overdue
     */
    public int markOverdue(CurrentUser user, LocalDate today) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            List<UUID> ids = invoices.markOverdue(tx, user.organizationId(), today);
            for (UUID id : ids) {
                audit.record(tx, user.organizationId(), null, "invoices", id, AuditAction.UPDATE,
                        Map.of("status", "sent"), Map.of("status", "overdue"));
            }
            return ids.size();
        });
    }

    // ------------------------------------------------------------------ credit limit

    /** The warning for a company that would go over its credit limit with this invoice, if any. */
    public Optional<CreditWarning> creditWarning(CurrentUser user, Invoice invoice) {
        return creditCheck(dsl, user, invoice);
    }

    private Optional<CreditWarning> creditCheck(DSLContext tx, CurrentUser user, Invoice inv) {
        if (inv.companyId() == null || inv.status() == InvoiceStatus.CANCELLED || inv.status() == InvoiceStatus.PAID) {
            return Optional.empty();
        }
        var billing = clients.billing(tx, user, inv.companyId()).orElse(null);
        if (billing == null || billing.creditLimit() == null || !billing.currency().equals(inv.currency())) {
            return Optional.empty();
        }
        BigDecimal open = invoices.openBalance(tx, user.organizationId(), inv.companyId(), inv.currency(), inv.id());
        BigDecimal exposure = Money.round(open.add(inv.balanceDue()), inv.currency());
        if (exposure.compareTo(billing.creditLimit()) > 0) {
            return Optional.of(new CreditWarning(inv.companyName(), Money.round(billing.creditLimit(), inv.currency()), exposure,
                    inv.currency()));
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------------ settings, document

    public InvoiceSettings settings(CurrentUser user) {
        Map<String, String> s = settings.load(dsl, user, "invoice.");
        String prefix = s.getOrDefault(KEY_PREFIX, InvoiceSettings.DEFAULT_PREFIX);
        return new InvoiceSettings(prefix == null || prefix.isBlank() ? InvoiceSettings.DEFAULT_PREFIX : prefix,
                s.get(KEY_SENDER), s.get(KEY_TERMS), s.get(KEY_NOTES));
    }

    /** The number the next issued invoice gets, for the settings dialog. */
    public String nextNumber(CurrentUser user, String prefix, LocalDate today) {
        String p = prefix == null || prefix.isBlank() ? settings(user).prefix() : prefix.strip().toUpperCase(Locale.ROOT);
        return format(p, today.getYear(), series.peek(dsl, user.organizationId(), p, today.getYear()));
    }

    /** Admins change the prefix (new numbers only: issued numbers keep theirs) and the printed defaults. */
    public InvoiceSettings saveSettings(CurrentUser user, InvoiceSettings s) {
        user.require(Resource.SETTINGS, Action.UPDATE);
        String prefix = s.prefix() == null ? "" : s.prefix().strip().toUpperCase(Locale.ROOT);
        if (!PREFIX.matcher(prefix).matches()) {
            throw new ValidationException("prefix", "The prefix has 1 to 12 letters or digits, like INV.");
        }
        if (prefix.equals(OrderService.ORDER_PREFIX) || prefix.equals("TKT") || prefix.equals(CREDIT_PREFIX)) {
            throw new ValidationException("prefix", prefix + " is used for other numbers; choose another prefix.");
        }
        InvoiceSettings clean = new InvoiceSettings(prefix, blankToNull(s.senderDetails()), blankToNull(s.defaultTerms()),
                blankToNull(s.defaultNotes()));
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            InvoiceSettings before = settings(user);
            settings.put(tx, user.organizationId(), user.userId(), KEY_PREFIX, clean.prefix());
            settings.put(tx, user.organizationId(), user.userId(), KEY_SENDER, clean.senderDetails());
            settings.put(tx, user.organizationId(), user.userId(), KEY_TERMS, clean.defaultTerms());
            settings.put(tx, user.organizationId(), user.userId(), KEY_NOTES, clean.defaultNotes());
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("prefix", before.prefix());
            b.put("sender", before.senderDetails());
            b.put("terms", before.defaultTerms());
            b.put("notes", before.defaultNotes());
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("prefix", clean.prefix());
            a.put("sender", clean.senderDetails());
            a.put("terms", clean.defaultTerms());
            a.put("notes", clean.defaultNotes());
            audit.record(tx, user.organizationId(), user.userId(), "settings", Ids.nameUuid("invoice-settings:" + user.organizationId()),
                    AuditAction.UPDATE, b, a);
        });
        return settings(user);
    }

    /** The data of the invoice document; the invoice must be visible to the user. */
    public InvoiceDocument document(CurrentUser user, UUID id, LocalDate today) {
        Invoice inv = get(user, id, today);
        var org = settings.organization(dsl, user.organizationId());
        Path logo = null;
        if (org.logoUrl() != null && !org.logoUrl().isBlank()) {
            try {
                String u = org.logoUrl().strip();
                Path p = u.startsWith("file:") ? Path.of(java.net.URI.create(u)) : Path.of(u);
                if (Files.isRegularFile(p)) {
                    logo = p;
                }
            } catch (RuntimeException notAFile) {
                logo = null; // a web address: no download from a desktop app
            }
        }
        return new InvoiceDocument(inv, org.name(), settings(user).senderDetails(), logo,
                clients.details(dsl, inv.companyId(), inv.contactId()));
    }

    // ------------------------------------------------------------------ validation

    private InvoiceDraft validate(DSLContext tx, CurrentUser user, InvoiceDraft d) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (d.companyId() == null && d.contactId() == null) {
            errors.put("client", "Choose who is billed (a company or a contact).");
        }
        if (d.companyId() != null && clients.company(tx, user, d.companyId()).isEmpty()) {
            errors.put("client", "That company no longer exists or is not visible to you.");
        }
        if (d.contactId() != null && clients.contact(tx, user, d.contactId()).isEmpty()) {
            errors.put("client", "That contact no longer exists or is not visible to you.");
        }
        String currency = null;
        try {
            currency = Money.currency(d.currency()).getCurrencyCode();
        } catch (ValidationException e) {
            errors.putAll(e.fieldErrors());
        }
        LocalDate issue = d.issueDate();
        LocalDate due = d.dueDate();
        if (issue == null) {
            errors.put("issueDate", "Enter the invoice date.");
        } else if (due == null) {
            due = (d.paymentTerms() == null ? PaymentTerms.NET_30 : d.paymentTerms()).dueDate(issue);
        } else if (due.isBefore(issue)) {
            errors.put("dueDate", "The due date cannot be before the invoice date.");
        }
        if (d.lines() == null || d.lines().isEmpty()) {
            errors.put("lines", "Add at least one line.");
        }
        List<InvoiceLineDraft> lines = new ArrayList<>();
        if (d.lines() != null && currency != null) {
            for (int n = 0; n < d.lines().size(); n++) {
                InvoiceLineDraft l = d.lines().get(n);
                String where = "Line " + (n + 1) + ": ";
                String description = blankToNull(l.description());
                if (l.productId() != null) {
                    Product p = products.find(tx, user, l.productId()).orElse(null);
                    if (p == null) {
                        errors.put("lines", where + "that product no longer exists.");
                        continue;
                    }
                    if (description == null) {
                        description = p.name();
                    }
                }
                if (description == null) {
                    errors.put("lines", where + "choose a product or describe the line.");
                    continue;
                }
                if (l.quantity() == null || l.quantity().signum() <= 0) {
                    errors.put("lines", where + "the quantity must be more than zero.");
                    continue;
                }
                if (l.unitPrice() == null || l.unitPrice().signum() < 0) {
                    errors.put("lines", where + "the unit price cannot be negative.");
                    continue;
                }
                BigDecimal rate = l.taxRate() == null ? BigDecimal.ZERO : l.taxRate();
                if (rate.signum() < 0 || rate.compareTo(HUNDRED) > 0) {
                    errors.put("lines", where + "the tax rate is a percentage between 0 and 100.");
                    continue;
                }
                BigDecimal discount = l.discount() == null ? BigDecimal.ZERO : l.discount();
                BigDecimal gross = Money.round(l.quantity().multiply(l.unitPrice()), currency);
                if (discount.signum() < 0 || Money.round(discount, currency).compareTo(gross) > 0) {
                    errors.put("lines", where + "the discount must be between zero and the line amount (" + gross.toPlainString() + ").");
                    continue;
                }
                if (l.quantity().scale() > 4 || l.unitPrice().stripTrailingZeros().scale() > 4 || rate.stripTrailingZeros().scale() > 4) {
                    errors.put("lines", where + "quantities, prices and rates have at most 4 decimals.");
                    continue;
                }
                lines.add(new InvoiceLineDraft(l.productId(), description, l.quantity(), l.unitPrice().setScale(4, RoundingMode.UNNECESSARY),
                        rate.setScale(4, RoundingMode.UNNECESSARY), Money.round(discount, currency)));
            }
        }
        if (d.notes() != null && d.notes().length() > 10_000) {
            errors.put("notes", "The notes are too long.");
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new InvoiceDraft(d.companyId(), d.contactId(), d.dealId(), d.orderId(), currency, issue, due, d.paymentTerms(),
                blankToNull(d.description()), blankToNull(d.notes()), blankToNull(d.terms()), lines);
    }

    private static void requireDraft(Invoice inv) {
        if (!inv.isDraft()) {
            throw new ValidationException("status", "Invoice " + inv.number() + " has been issued and can no longer be edited;"
                    + " cancel it and duplicate it to correct it.");
        }
    }

    private static NotFoundException notFound() {
        return new NotFoundException("This invoice no longer exists or is not visible to you.");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Map<String, Object> auditValues(InvoiceDraft d, String number) {
        Money.Totals t = InvoiceRepository.totals(d);
        Map<String, Object> m = new LinkedHashMap<>();
        if (number != null) {
            m.put("invoice_number", number);
        }
        m.put("company_id", d.companyId());
        m.put("contact_id", d.contactId());
        m.put("currency", d.currency());
        m.put("issue_date", d.issueDate());
        m.put("due_date", d.dueDate());
        m.put("payment_terms", d.paymentTerms() == null ? null : d.paymentTerms().dbName());
        m.put("lines", d.lines().size());
        m.put("subtotal", t.subtotal());
        m.put("tax_total", t.tax());
        m.put("total", t.total());
        return m;
    }
}
