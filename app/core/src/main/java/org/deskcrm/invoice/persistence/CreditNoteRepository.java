package org.deskcrm.invoice.persistence;

import static org.deskcrm.db.Tables.CREDIT_NOTES;
import static org.deskcrm.db.Tables.CREDIT_NOTE_ITEMS;
import static org.deskcrm.db.Tables.INVOICES;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.deskcrm.invoice.CreditNote;
import org.deskcrm.invoice.InvoiceLine;
import org.deskcrm.invoice.Money;
import org.deskcrm.platform.persistence.SyncColumns;
import org.deskcrm.security.AccessDeniedException;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.rules.RecordRules;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Credit notes and their lines, always under {@link RecordRules#creditNotes}. */
public final class CreditNoteRepository {

    /** A credit line ready to store: the invoice line it credits and its rounded amounts. */
    public record NewLine(UUID invoiceLineId, UUID productId, String description, BigDecimal quantity, BigDecimal unitPrice,
            BigDecimal taxRate, Money.LineAmounts amounts) {}

    /** Locks the invoice row for this transaction (two credits of one invoice run one after the other). */
    public void lockInvoice(DSLContext tx, UUID invoiceId) {
        tx.select(INVOICES.ID).from(INVOICES).where(INVOICES.ID.eq(invoiceId)).forUpdate().fetch();
    }

    /** Sum of the live credit notes of an invoice (not filtered by the user's rules: it is the invoice's own state). */
    public BigDecimal creditedTotal(DSLContext tx, UUID invoiceId) {
        return tx.select(DSL.coalesce(DSL.sum(CREDIT_NOTES.TOTAL), BigDecimal.ZERO)).from(CREDIT_NOTES)
                .where(CREDIT_NOTES.INVOICE_ID.eq(invoiceId).and(CREDIT_NOTES.DELETED_AT.isNull()))
                .fetchOne().value1();
    }

    public void insert(DSLContext tx, CurrentUser user, UUID id, String number, String prefix, int year, UUID invoiceId,
            UUID companyId, UUID contactId, String currency, LocalDate issueDate, String reason, Money.Totals t, List<NewLine> lines) {
        var now = SyncColumns.now();
        tx.insertInto(CREDIT_NOTES)
                .set(CREDIT_NOTES.ID, id)
                .set(CREDIT_NOTES.ORGANIZATION_ID, user.organizationId())
                .set(CREDIT_NOTES.CREDIT_NOTE_NUMBER, number)
                .set(CREDIT_NOTES.SERIES_PREFIX, prefix)
                .set(CREDIT_NOTES.SERIES_YEAR, year)
                .set(CREDIT_NOTES.INVOICE_ID, invoiceId)
                .set(CREDIT_NOTES.COMPANY_ID, companyId)
                .set(CREDIT_NOTES.CONTACT_ID, contactId)
                .set(CREDIT_NOTES.CURRENCY, currency)
                .set(CREDIT_NOTES.ISSUE_DATE, issueDate)
                .set(CREDIT_NOTES.REASON, reason)
                .set(CREDIT_NOTES.SUBTOTAL, t.subtotal())
                .set(CREDIT_NOTES.DISCOUNT_TOTAL, t.discount())
                .set(CREDIT_NOTES.TAX_TOTAL, t.tax())
                .set(CREDIT_NOTES.TOTAL, t.total())
                .set(CREDIT_NOTES.CREATED_AT, now)
                .set(CREDIT_NOTES.UPDATED_AT, now)
                .set(CREDIT_NOTES.CREATED_BY, user.userId())
                .execute();
        if (!tx.fetchExists(CREDIT_NOTES, CREDIT_NOTES.ID.eq(id).and(RecordRules.creditNotes(user).write()))) {
            throw new AccessDeniedException("You are not allowed to credit invoices.");
        }
        for (int i = 0; i < lines.size(); i++) {
            NewLine l = lines.get(i);
            tx.insertInto(CREDIT_NOTE_ITEMS)
                    .set(CREDIT_NOTE_ITEMS.ID, org.deskcrm.platform.id.Ids.newId())
                    .set(CREDIT_NOTE_ITEMS.ORGANIZATION_ID, user.organizationId())
                    .set(CREDIT_NOTE_ITEMS.CREDIT_NOTE_ID, id)
                    .set(CREDIT_NOTE_ITEMS.INVOICE_ITEM_ID, l.invoiceLineId())
                    .set(CREDIT_NOTE_ITEMS.PRODUCT_ID, l.productId())
                    .set(CREDIT_NOTE_ITEMS.DESCRIPTION, l.description())
                    .set(CREDIT_NOTE_ITEMS.QUANTITY, l.quantity())
                    .set(CREDIT_NOTE_ITEMS.UNIT_PRICE, l.unitPrice())
                    .set(CREDIT_NOTE_ITEMS.TAX_RATE, l.taxRate())
                    .set(CREDIT_NOTE_ITEMS.DISCOUNT, l.amounts().discount())
                    .set(CREDIT_NOTE_ITEMS.LINE_SUBTOTAL, l.amounts().net())
                    .set(CREDIT_NOTE_ITEMS.LINE_TAX, l.amounts().tax())
                    .set(CREDIT_NOTE_ITEMS.LINE_TOTAL, l.amounts().total())
                    .set(CREDIT_NOTE_ITEMS.POSITION, i)
                    .set(CREDIT_NOTE_ITEMS.CREATED_AT, now)
                    .set(CREDIT_NOTE_ITEMS.UPDATED_AT, now)
                    .set(CREDIT_NOTE_ITEMS.CREATED_BY, user.userId())
                    .execute();
        }
    }

    /** The credit notes of an invoice the user can see, oldest first. */
    public List<CreditNote> ofInvoice(DSLContext dsl, CurrentUser user, UUID invoiceId) {
        return list(dsl, CREDIT_NOTES.INVOICE_ID.eq(invoiceId).and(RecordRules.creditNotes(user).read()));
    }

    public Optional<CreditNote> find(DSLContext dsl, CurrentUser user, UUID id) {
        return list(dsl, CREDIT_NOTES.ID.eq(id).and(RecordRules.creditNotes(user).read())).stream().findFirst();
    }

    private List<CreditNote> list(DSLContext dsl, Condition where) {
        return dsl.select(CREDIT_NOTES.asterisk(), INVOICES.INVOICE_NUMBER)
                .from(CREDIT_NOTES).join(INVOICES).on(INVOICES.ID.eq(CREDIT_NOTES.INVOICE_ID))
                .where(where)
                .orderBy(CREDIT_NOTES.ISSUE_DATE, CREDIT_NOTES.CREDIT_NOTE_NUMBER)
                .limit(500)
                .fetch(r -> {
                    UUID id = r.get(CREDIT_NOTES.ID);
                    String cur = r.get(CREDIT_NOTES.CURRENCY).strip();
                    List<InvoiceLine> lines = dsl.selectFrom(CREDIT_NOTE_ITEMS)
                            .where(CREDIT_NOTE_ITEMS.CREDIT_NOTE_ID.eq(id).and(CREDIT_NOTE_ITEMS.DELETED_AT.isNull()))
                            .orderBy(CREDIT_NOTE_ITEMS.POSITION, CREDIT_NOTE_ITEMS.ID)
                            .fetch(i -> new InvoiceLine(i.getId(), i.getProductId(), i.getDescription(), i.getQuantity().stripTrailingZeros(),
                                    i.getUnitPrice(), i.getTaxRate().stripTrailingZeros(), Money.round(i.getDiscount(), cur),
                                    Money.round(i.getLineSubtotal(), cur), Money.round(i.getLineTax(), cur),
                                    Money.round(i.getLineTotal(), cur)));
                    return new CreditNote(id, r.get(CREDIT_NOTES.CREDIT_NOTE_NUMBER), r.get(CREDIT_NOTES.INVOICE_ID),
                            r.get(INVOICES.INVOICE_NUMBER), cur, r.get(CREDIT_NOTES.ISSUE_DATE), r.get(CREDIT_NOTES.REASON),
                            Money.round(r.get(CREDIT_NOTES.SUBTOTAL), cur), Money.round(r.get(CREDIT_NOTES.DISCOUNT_TOTAL), cur),
                            Money.round(r.get(CREDIT_NOTES.TAX_TOTAL), cur), Money.round(r.get(CREDIT_NOTES.TOTAL), cur),
                            r.get(CREDIT_NOTES.VERSION), lines);
                });
    }
}
