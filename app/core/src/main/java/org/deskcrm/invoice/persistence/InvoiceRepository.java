package org.deskcrm.invoice.persistence;

import static org.deskcrm.db.Tables.COMPANIES;
import static org.deskcrm.db.Tables.CONTACTS;
import static org.deskcrm.db.Tables.INVOICES;
import static org.deskcrm.db.Tables.INVOICE_ITEMS;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.when;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.deskcrm.invoice.AgingBucket;
import org.deskcrm.invoice.CurrencyTotals;
import org.deskcrm.invoice.Invoice;
import org.deskcrm.invoice.InvoiceDraft;
import org.deskcrm.invoice.InvoiceLine;
import org.deskcrm.invoice.InvoiceLineDraft;
import org.deskcrm.invoice.InvoiceQuery;
import org.deskcrm.invoice.InvoiceStatus;
import org.deskcrm.invoice.InvoiceSummary;
import org.deskcrm.invoice.Money;
import org.deskcrm.invoice.PaymentTerms;
import org.deskcrm.platform.id.Ids;
import org.deskcrm.platform.persistence.SyncColumns;
import org.deskcrm.security.AccessDeniedException;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.rules.RecordRules;
import org.deskcrm.security.rules.Rule;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Invoices and their lines, always under {@link RecordRules#invoices}. "Overdue" is derived in
 * SQL from the due date (sent or partially paid and due before today), so lists, filters, totals
 * and the aging report are right even between two runs of the overdue job.
 */
public final class InvoiceRepository {
    private static final List<String> UNPAID_ISSUED = List.of(InvoiceStatus.SENT.dbName(), InvoiceStatus.PARTIALLY_PAID.dbName());
    private static final List<String> OPEN = List.of(InvoiceStatus.SENT.dbName(), InvoiceStatus.PARTIALLY_PAID.dbName(),
            InvoiceStatus.OVERDUE.dbName());
    private static final Field<String> CONTACT_NAME = DSL.concat(CONTACTS.FIRST_NAME, inline(" "),
            DSL.coalesce(CONTACTS.LAST_NAME, inline(""))).as("contact_name");

    /** The status as users see it on {@code today}. */
    static Field<String> effectiveStatus(LocalDate today) {
        return when(INVOICES.STATUS.in(UNPAID_ISSUED).and(INVOICES.DUE_DATE.lt(today)), inline(InvoiceStatus.OVERDUE.dbName()))
                .otherwise(INVOICES.STATUS);
    }

    static Condition isOverdue(LocalDate today) {
        return INVOICES.STATUS.eq(InvoiceStatus.OVERDUE.dbName())
                .or(INVOICES.STATUS.in(UNPAID_ISSUED).and(INVOICES.DUE_DATE.lt(today)));
    }

    static Condition hasStatus(InvoiceStatus s, LocalDate today) {
        return switch (s) {
            case OVERDUE -> isOverdue(today);
            case SENT, PARTIALLY_PAID -> INVOICES.STATUS.eq(s.dbName()).and(INVOICES.DUE_DATE.ge(today));
            default -> INVOICES.STATUS.eq(s.dbName());
        };
    }

    private static Condition filter(CurrentUser user, InvoiceQuery q, LocalDate today) {
        Condition c = RecordRules.invoices(user).read();
        if (q.statuses() != null && !q.statuses().isEmpty()) {
            c = c.and(DSL.or(q.statuses().stream().map(s -> hasStatus(s, today)).toList()));
        }
        if (q.companyId() != null) {
            c = c.and(INVOICES.COMPANY_ID.eq(q.companyId()));
        }
        if (q.dueFrom() != null) {
            c = c.and(INVOICES.DUE_DATE.ge(q.dueFrom()));
        }
        if (q.dueTo() != null) {
            c = c.and(INVOICES.DUE_DATE.le(q.dueTo()));
        }
        if (q.numberPrefix() != null && !q.numberPrefix().isBlank()) {
            String p = q.numberPrefix().strip().toUpperCase(java.util.Locale.ROOT);
            c = c.and(INVOICES.INVOICE_NUMBER.ge(p)).and(INVOICES.INVOICE_NUMBER.lt(p + Character.MAX_VALUE));
        }
        return c;
    }

    public List<InvoiceSummary> page(DSLContext dsl, CurrentUser user, InvoiceQuery q, LocalDate today) {
        Condition c = filter(user, q, today);
        if (q.after() != null) {
            c = c.and(DSL.row(INVOICES.ISSUE_DATE, INVOICES.ID).lt(q.after().issueDate(), q.after().id()));
        }
        Field<String> status = effectiveStatus(today).as("effective_status");
        return dsl.select(INVOICES.ID, INVOICES.INVOICE_NUMBER, status, COMPANIES.NAME, CONTACT_NAME, INVOICES.ISSUE_DATE,
                        INVOICES.DUE_DATE, INVOICES.TOTAL, INVOICES.BALANCE_DUE, INVOICES.CURRENCY)
                .from(INVOICES)
                .leftJoin(COMPANIES).on(COMPANIES.ID.eq(INVOICES.COMPANY_ID))
                .leftJoin(CONTACTS).on(CONTACTS.ID.eq(INVOICES.CONTACT_ID))
                .where(c)
                .orderBy(INVOICES.ISSUE_DATE.desc(), INVOICES.ID.desc())
                .limit(Math.max(1, Math.min(q.limit(), 500)))
                .fetch(r -> {
                    String cur = r.value10().strip();
                    return new InvoiceSummary(r.value1(), r.value2(), InvoiceStatus.fromDb(r.value3()),
                            r.value4() != null ? r.value4() : r.value5(), r.value6(), r.value7(), Money.round(r.value8(), cur),
                            Money.round(r.value9(), cur), cur);
                });
    }

    public Optional<Invoice> find(DSLContext dsl, CurrentUser user, UUID id, LocalDate today) {
        return find(dsl, INVOICES.ID.eq(id).and(RecordRules.invoices(user).read()), today);
    }

    private Optional<Invoice> find(DSLContext dsl, Condition where, LocalDate today) {
        Field<String> status = effectiveStatus(today).as("effective_status");
        Record r = dsl.select(INVOICES.asterisk(), status, COMPANIES.NAME, CONTACT_NAME)
                .from(INVOICES)
                .leftJoin(COMPANIES).on(COMPANIES.ID.eq(INVOICES.COMPANY_ID))
                .leftJoin(CONTACTS).on(CONTACTS.ID.eq(INVOICES.CONTACT_ID))
                .where(where)
                .fetchOne();
        if (r == null) {
            return Optional.empty();
        }
        UUID id = r.get(INVOICES.ID);
        String cur = r.get(INVOICES.CURRENCY).strip();
        List<InvoiceLine> lines = dsl.selectFrom(INVOICE_ITEMS)
                .where(INVOICE_ITEMS.INVOICE_ID.eq(id).and(INVOICE_ITEMS.DELETED_AT.isNull()))
                .orderBy(INVOICE_ITEMS.POSITION, INVOICE_ITEMS.ID)
                .fetch(i -> new InvoiceLine(i.getId(), i.getProductId(), i.getDescription(), i.getQuantity().stripTrailingZeros(),
                        i.getUnitPrice(), i.getTaxRate().stripTrailingZeros(), Money.round(i.getDiscount(), cur),
                        Money.round(i.getLineSubtotal(), cur), Money.round(i.getLineTax(), cur), Money.round(i.getLineTotal(), cur)));
        return Optional.of(new Invoice(id, r.get(INVOICES.INVOICE_NUMBER), InvoiceStatus.fromDb(r.get(status)),
                r.get(INVOICES.COMPANY_ID), r.get(COMPANIES.NAME), r.get(INVOICES.CONTACT_ID), r.get(CONTACT_NAME),
                r.get(INVOICES.DEAL_ID), r.get(INVOICES.ORDER_ID), cur, r.get(INVOICES.ISSUE_DATE), r.get(INVOICES.DUE_DATE),
                PaymentTerms.parse(r.get(INVOICES.PAYMENT_TERMS)).orElse(null),
                Money.round(r.get(INVOICES.SUBTOTAL), cur), Money.round(r.get(INVOICES.DISCOUNT_TOTAL), cur),
                Money.round(r.get(INVOICES.TAX_TOTAL), cur), Money.round(r.get(INVOICES.TOTAL), cur),
                Money.round(r.get(INVOICES.AMOUNT_PAID), cur), Money.round(r.get(INVOICES.BALANCE_DUE), cur),
                Money.round(r.get(INVOICES.CREDITED_TOTAL), cur),
                r.get(INVOICES.SENT_AT), r.get(INVOICES.PAID_DATE), r.get(INVOICES.DESCRIPTION), r.get(INVOICES.NOTES),
                r.get(INVOICES.TERMS), r.get(INVOICES.VERSION), lines));
    }

    /** Stores a new draft with its lines; fails when the user's write rule does not cover it. */
    public void insertDraft(DSLContext tx, CurrentUser user, UUID id, InvoiceDraft d) {
        var now = SyncColumns.now();
        Money.Totals t = totals(d);
        tx.insertInto(INVOICES)
                .set(INVOICES.ID, id)
                .set(INVOICES.ORGANIZATION_ID, user.organizationId())
                .set(INVOICES.STATUS, InvoiceStatus.DRAFT.dbName())
                .set(headerValues(d, t))
                .set(INVOICES.AMOUNT_PAID, Money.zero(d.currency()))
                .set(INVOICES.BALANCE_DUE, t.total())
                .set(INVOICES.CREATED_AT, now)
                .set(INVOICES.UPDATED_AT, now)
                .set(INVOICES.CREATED_BY, user.userId())
                .execute();
        if (!tx.fetchExists(INVOICES, INVOICES.ID.eq(id).and(RecordRules.invoices(user).write()))) {
            throw new AccessDeniedException("You are not allowed to create invoices.");
        }
        insertLines(tx, user, id, d);
    }

    /** Replaces a draft's header and lines (version-checked; only drafts). */
    public void updateDraft(DSLContext tx, CurrentUser user, UUID id, long version, InvoiceDraft d) {
        Money.Totals t = totals(d);
        Map<Field<?>, Object> values = new LinkedHashMap<>(headerValues(d, t));
        values.put(INVOICES.BALANCE_DUE, t.total());
        checkedUpdate(tx, user, id, version, values, INVOICES.STATUS.eq(InvoiceStatus.DRAFT.dbName()));
        var now = SyncColumns.now();
        tx.update(INVOICE_ITEMS)
                .set(INVOICE_ITEMS.DELETED_AT, now)
                .set(INVOICE_ITEMS.VERSION, INVOICE_ITEMS.VERSION.plus(1))
                .set(INVOICE_ITEMS.UPDATED_AT, now)
                .where(INVOICE_ITEMS.INVOICE_ID.eq(id).and(INVOICE_ITEMS.DELETED_AT.isNull()))
                .execute();
        insertLines(tx, user, id, d);
    }

    /** Gives a draft its number and makes it sent. */
    public void issue(DSLContext tx, CurrentUser user, UUID id, long version, String number, String prefix, int year,
            LocalDate issueDate, LocalDate dueDate, OffsetDateTime at) {
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(INVOICES.INVOICE_NUMBER, number);
        values.put(INVOICES.SERIES_PREFIX, prefix);
        values.put(INVOICES.SERIES_YEAR, year);
        values.put(INVOICES.STATUS, InvoiceStatus.SENT.dbName());
        values.put(INVOICES.ISSUE_DATE, issueDate);
        values.put(INVOICES.DUE_DATE, dueDate);
        values.put(INVOICES.SENT_AT, at);
        checkedUpdate(tx, user, id, version, values, INVOICES.STATUS.eq(InvoiceStatus.DRAFT.dbName()));
    }

    public void cancel(DSLContext tx, CurrentUser user, UUID id, long version, String notes) {
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(INVOICES.STATUS, InvoiceStatus.CANCELLED.dbName());
        values.put(INVOICES.NOTES, notes);
        checkedUpdate(tx, user, id, version, values, INVOICES.STATUS.in(OPEN));
    }

    public void softDeleteDraft(DSLContext tx, CurrentUser user, UUID id, long version) {
        checkedUpdate(tx, user, id, version, Map.of(INVOICES.DELETED_AT, SyncColumns.now()),
                INVOICES.STATUS.eq(InvoiceStatus.DRAFT.dbName()));
    }

    /** Stores the payment state computed by the service; version-checked when {@code version} is given. */
    public void setPaymentState(DSLContext tx, CurrentUser user, UUID id, Long version, BigDecimal amountPaid, BigDecimal balance,
            InvoiceStatus status, LocalDate paidDate, String method, String reference) {
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(INVOICES.AMOUNT_PAID, amountPaid);
        values.put(INVOICES.BALANCE_DUE, balance);
        values.put(INVOICES.STATUS, status.dbName());
        values.put(INVOICES.PAID_DATE, paidDate);
        values.put(INVOICES.PAYMENT_METHOD, method);
        values.put(INVOICES.PAYMENT_REFERENCE, reference);
        if (version != null) {
            checkedUpdate(tx, user, id, version, values, INVOICES.STATUS.in(OPEN).or(INVOICES.STATUS.eq(InvoiceStatus.PAID.dbName())));
        } else {
            Rule rule = RecordRules.invoices(user);
            int n = tx.update(INVOICES).set(values)
                    .set(INVOICES.VERSION, INVOICES.VERSION.plus(1))
                    .set(INVOICES.UPDATED_AT, SyncColumns.now())
                    .where(INVOICES.ID.eq(id).and(rule.write()))
                    .execute();
            if (n == 0) {
                throw CheckedWrites.whyNot(tx, INVOICES, INVOICES.ID, id, 0, rule, "invoice");
            }
        }
    }

    /** Stores the invoice's credited total with the balance and status that follow (version-checked; issued invoices only). */
    public void setCreditState(DSLContext tx, CurrentUser user, UUID id, long version, BigDecimal creditedTotal, BigDecimal balance,
            InvoiceStatus status) {
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(INVOICES.CREDITED_TOTAL, creditedTotal);
        values.put(INVOICES.BALANCE_DUE, balance);
        values.put(INVOICES.STATUS, status.dbName());
        checkedUpdate(tx, user, id, version, values, INVOICES.STATUS.in(OPEN)
                .or(INVOICES.STATUS.in(InvoiceStatus.PAID.dbName(), InvoiceStatus.CREDITED.dbName())));
    }

    /**
     * Marks unpaid issued invoices of the organization that are past due as overdue; returns
     * their ids. Running it again changes nothing (idempotent).
     */
    public List<UUID> markOverdue(DSLContext tx, UUID organizationId, LocalDate today) {
        Condition due = INVOICES.ORGANIZATION_ID.eq(organizationId).and(INVOICES.DELETED_AT.isNull())
                .and(INVOICES.STATUS.in(UNPAID_ISSUED)).and(INVOICES.DUE_DATE.lt(today));
        List<UUID> ids = tx.select(INVOICES.ID).from(INVOICES).where(due).forUpdate().fetch(INVOICES.ID);
        if (!ids.isEmpty()) {
            tx.update(INVOICES)
                    .set(INVOICES.STATUS, InvoiceStatus.OVERDUE.dbName())
                    .set(INVOICES.VERSION, INVOICES.VERSION.plus(1))
                    .set(INVOICES.UPDATED_AT, SyncColumns.now())
                    .where(INVOICES.ID.in(ids).and(due))
                    .execute();
        }
        return ids;
    }

    /** Whether an order already has a live, not cancelled invoice. */
    public Optional<String> invoiceOfOrder(DSLContext dsl, UUID orderId) {
        return dsl.select(DSL.coalesce(INVOICES.INVOICE_NUMBER, inline("draft"))).from(INVOICES)
                .where(INVOICES.ORDER_ID.eq(orderId).and(INVOICES.DELETED_AT.isNull()).and(INVOICES.STATUS.ne("cancelled")))
                .limit(1).fetchOptional(r -> r.value1());
    }

    /** Open balance the company owes in {@code currency} (issued, not paid or cancelled), leaving out one invoice. */
    public BigDecimal openBalance(DSLContext dsl, UUID organizationId, UUID companyId, String currency, UUID except) {
        Condition c = INVOICES.ORGANIZATION_ID.eq(organizationId).and(INVOICES.COMPANY_ID.eq(companyId))
                .and(INVOICES.DELETED_AT.isNull()).and(INVOICES.STATUS.in(OPEN)).and(INVOICES.CURRENCY.eq(currency));
        if (except != null) {
            c = c.and(INVOICES.ID.ne(except));
        }
        return dsl.select(DSL.coalesce(DSL.sum(INVOICES.BALANCE_DUE), BigDecimal.ZERO)).from(INVOICES).where(c).fetchOne().value1();
    }

    /** The aging report over the open invoices the user can see, one row per currency. */
    public List<AgingBucket> aging(DSLContext dsl, CurrentUser user, LocalDate today) {
        LocalDate d30 = today.minusDays(30);
        LocalDate d60 = today.minusDays(60);
        LocalDate d90 = today.minusDays(90);
        var bal = INVOICES.BALANCE_DUE;
        var current = DSL.sum(when(INVOICES.DUE_DATE.ge(today), bal).otherwise(BigDecimal.ZERO));
        var b1 = DSL.sum(when(INVOICES.DUE_DATE.lt(today).and(INVOICES.DUE_DATE.ge(d30)), bal).otherwise(BigDecimal.ZERO));
        var b2 = DSL.sum(when(INVOICES.DUE_DATE.lt(d30).and(INVOICES.DUE_DATE.ge(d60)), bal).otherwise(BigDecimal.ZERO));
        var b3 = DSL.sum(when(INVOICES.DUE_DATE.lt(d60).and(INVOICES.DUE_DATE.ge(d90)), bal).otherwise(BigDecimal.ZERO));
        var b4 = DSL.sum(when(INVOICES.DUE_DATE.lt(d90), bal).otherwise(BigDecimal.ZERO));
        return dsl.select(INVOICES.CURRENCY, current, b1, b2, b3, b4, DSL.sum(bal), DSL.count())
                .from(INVOICES)
                .where(RecordRules.invoices(user).read().and(INVOICES.STATUS.in(OPEN)))
                .groupBy(INVOICES.CURRENCY)
                .orderBy(INVOICES.CURRENCY)
                .fetch(r -> {
                    String cur = r.value1().strip();
                    return new AgingBucket(cur, Money.round(r.value2(), cur), Money.round(r.value3(), cur), Money.round(r.value4(), cur),
                            Money.round(r.value5(), cur), Money.round(r.value6(), cur), Money.round(r.value7(), cur), r.value8());
                });
    }

    /** Sums of the invoices matching the filter, one row per currency. */
    public List<CurrencyTotals> totals(DSLContext dsl, CurrentUser user, InvoiceQuery q, LocalDate today) {
        Condition issued = INVOICES.STATUS.notIn(InvoiceStatus.DRAFT.dbName(), InvoiceStatus.CANCELLED.dbName());
        var invoiced = DSL.sum(when(issued, INVOICES.TOTAL).otherwise(BigDecimal.ZERO));
        var paid = DSL.sum(when(issued, INVOICES.AMOUNT_PAID).otherwise(BigDecimal.ZERO));
        var outstanding = DSL.sum(when(INVOICES.STATUS.in(OPEN), INVOICES.BALANCE_DUE).otherwise(BigDecimal.ZERO));
        var overdue = DSL.sum(when(isOverdue(today), INVOICES.BALANCE_DUE).otherwise(BigDecimal.ZERO));
        var credited = DSL.sum(when(issued, INVOICES.CREDITED_TOTAL).otherwise(BigDecimal.ZERO));
        return dsl.select(INVOICES.CURRENCY, DSL.count(), invoiced, paid, outstanding, overdue, credited)
                .from(INVOICES)
                .where(filter(user, q, today))
                .groupBy(INVOICES.CURRENCY)
                .orderBy(INVOICES.CURRENCY)
                .fetch(r -> {
                    String cur = r.value1().strip();
                    return new CurrencyTotals(cur, r.value2(), Money.round(r.value3(), cur), Money.round(r.value4(), cur),
                            Money.round(r.value5(), cur), Money.round(r.value6(), cur), Money.round(r.value7(), cur));
                });
    }

    private void checkedUpdate(DSLContext tx, CurrentUser user, UUID id, long version, Map<Field<?>, Object> values,
            Condition stateGuard) {
        Rule rule = RecordRules.invoices(user);
        int n = tx.update(INVOICES).set(values)
                .set(INVOICES.VERSION, INVOICES.VERSION.plus(1))
                .set(INVOICES.UPDATED_AT, SyncColumns.now())
                .where(INVOICES.ID.eq(id).and(INVOICES.VERSION.eq(version)).and(rule.write()).and(stateGuard))
                .execute();
        if (n == 0) {
            throw CheckedWrites.whyNot(tx, INVOICES, INVOICES.ID, id, version, rule, "invoice");
        }
    }

    public static Money.Totals totals(InvoiceDraft d) {
        List<Money.LineAmounts> amounts = new ArrayList<>();
        for (InvoiceLineDraft l : d.lines()) {
            amounts.add(Money.line(l.quantity(), l.unitPrice(), l.discount(), l.taxRate(), d.currency()));
        }
        return Money.totals(amounts, d.currency());
    }

    private static Map<Field<?>, Object> headerValues(InvoiceDraft d, Money.Totals t) {
        Map<Field<?>, Object> m = new LinkedHashMap<>();
        m.put(INVOICES.COMPANY_ID, d.companyId());
        m.put(INVOICES.CONTACT_ID, d.contactId());
        m.put(INVOICES.DEAL_ID, d.dealId());
        m.put(INVOICES.ORDER_ID, d.orderId());
        m.put(INVOICES.CURRENCY, d.currency());
        m.put(INVOICES.ISSUE_DATE, d.issueDate());
        m.put(INVOICES.DUE_DATE, d.dueDate());
        m.put(INVOICES.PAYMENT_TERMS, d.paymentTerms() == null ? null : d.paymentTerms().dbName());
        m.put(INVOICES.SUBTOTAL, t.subtotal());
        m.put(INVOICES.DISCOUNT_TOTAL, t.discount());
        m.put(INVOICES.TAX_TOTAL, t.tax());
        m.put(INVOICES.TOTAL, t.total());
        m.put(INVOICES.DESCRIPTION, d.description());
        m.put(INVOICES.NOTES, d.notes());
        m.put(INVOICES.TERMS, d.terms());
        return m;
    }

    private static void insertLines(DSLContext tx, CurrentUser user, UUID invoiceId, InvoiceDraft d) {
        var now = SyncColumns.now();
        for (int i = 0; i < d.lines().size(); i++) {
            InvoiceLineDraft l = d.lines().get(i);
            Money.LineAmounts a = Money.line(l.quantity(), l.unitPrice(), l.discount(), l.taxRate(), d.currency());
            tx.insertInto(INVOICE_ITEMS)
                    .set(INVOICE_ITEMS.ID, Ids.newId())
                    .set(INVOICE_ITEMS.ORGANIZATION_ID, user.organizationId())
                    .set(INVOICE_ITEMS.INVOICE_ID, invoiceId)
                    .set(INVOICE_ITEMS.PRODUCT_ID, l.productId())
                    .set(INVOICE_ITEMS.DESCRIPTION, l.description())
                    .set(INVOICE_ITEMS.QUANTITY, l.quantity())
                    .set(INVOICE_ITEMS.UNIT_PRICE, l.unitPrice())
                    .set(INVOICE_ITEMS.TAX_RATE, l.taxRate())
                    .set(INVOICE_ITEMS.DISCOUNT, a.discount())
                    .set(INVOICE_ITEMS.LINE_SUBTOTAL, a.net())
                    .set(INVOICE_ITEMS.LINE_TAX, a.tax())
                    .set(INVOICE_ITEMS.LINE_TOTAL, a.total())
                    .set(INVOICE_ITEMS.POSITION, i)
                    .set(INVOICE_ITEMS.CREATED_AT, now)
                    .set(INVOICE_ITEMS.UPDATED_AT, now)
                    .set(INVOICE_ITEMS.CREATED_BY, user.userId())
                    .execute();
        }
    }
}
