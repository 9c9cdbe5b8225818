package org.deskcrm.invoice.persistence;

import static org.deskcrm.db.Tables.PAYMENTS;
import static org.deskcrm.db.Tables.TRANSACTIONS;
import static org.deskcrm.db.Tables.USERS;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.deskcrm.invoice.Money;
import org.deskcrm.invoice.Payment;
import org.deskcrm.invoice.PaymentDraft;
import org.deskcrm.invoice.PaymentMethod;
import org.deskcrm.platform.id.Ids;
import org.deskcrm.platform.persistence.SyncColumns;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.rules.RecordRules;
import org.deskcrm.security.rules.Rule;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Payments under {@link RecordRules#payments}, each mirrored by a completed "payment" row in the
 * transactions ledger (seed 004), which is cancelled when the payment is voided.
 */
public final class PaymentRepository {

    public List<Payment> ofInvoice(DSLContext dsl, CurrentUser user, UUID invoiceId) {
        return dsl.select(PAYMENTS.asterisk(), USERS.FULL_NAME).from(PAYMENTS)
                .leftJoin(USERS).on(USERS.ID.eq(PAYMENTS.CREATED_BY))
                .where(PAYMENTS.INVOICE_ID.eq(invoiceId).and(RecordRules.payments(user).read()))
                .orderBy(PAYMENTS.PAYMENT_DATE, PAYMENTS.CREATED_AT)
                .fetch(r -> {
                    String cur = r.get(PAYMENTS.CURRENCY).strip();
                    return new Payment(r.get(PAYMENTS.ID), invoiceId, Money.round(r.get(PAYMENTS.AMOUNT), cur), cur,
                            PaymentMethod.fromDb(r.get(PAYMENTS.METHOD)), r.get(PAYMENTS.PAYMENT_DATE), r.get(PAYMENTS.REFERENCE_NUMBER),
                            r.get(PAYMENTS.NOTES), r.get(USERS.FULL_NAME), r.get(PAYMENTS.VERSION));
                });
    }

    public Optional<Payment> find(DSLContext dsl, CurrentUser user, UUID id) {
        return dsl.selectFrom(PAYMENTS).where(PAYMENTS.ID.eq(id).and(RecordRules.payments(user).read()))
                .fetchOptional(r -> new Payment(r.getId(), r.getInvoiceId(), r.getAmount(), r.getCurrency().strip(),
                        PaymentMethod.fromDb(r.getMethod()), r.getPaymentDate(), r.getReferenceNumber(), r.getNotes(), null,
                        r.getVersion()));
    }

    /** Sum and latest date of the invoice's live payments (all of them, whoever may see them). */
    public record Received(BigDecimal amount, LocalDate lastDate) {}

    public Received received(DSLContext tx, UUID invoiceId) {
        var r = tx.select(DSL.coalesce(DSL.sum(PAYMENTS.AMOUNT), BigDecimal.ZERO), DSL.max(PAYMENTS.PAYMENT_DATE))
                .from(PAYMENTS).where(PAYMENTS.INVOICE_ID.eq(invoiceId).and(PAYMENTS.DELETED_AT.isNull())).fetchOne();
        return new Received(r.value1(), r.value2());
    }

    public void insert(DSLContext tx, CurrentUser user, UUID id, UUID invoiceId, UUID companyId, UUID contactId, String currency,
            PaymentDraft p) {
        var now = SyncColumns.now();
        tx.insertInto(PAYMENTS)
                .set(PAYMENTS.ID, id)
                .set(PAYMENTS.ORGANIZATION_ID, user.organizationId())
                .set(PAYMENTS.INVOICE_ID, invoiceId)
                .set(PAYMENTS.COMPANY_ID, companyId)
                .set(PAYMENTS.AMOUNT, p.amount())
                .set(PAYMENTS.CURRENCY, currency)
                .set(PAYMENTS.METHOD, p.method().dbName())
                .set(PAYMENTS.PAYMENT_DATE, p.paymentDate())
                .set(PAYMENTS.REFERENCE_NUMBER, p.reference())
                .set(PAYMENTS.NOTES, p.notes())
                .set(PAYMENTS.CREATED_AT, now)
                .set(PAYMENTS.UPDATED_AT, now)
                .set(PAYMENTS.CREATED_BY, user.userId())
                .execute();
        if (!tx.fetchExists(PAYMENTS, PAYMENTS.ID.eq(id).and(RecordRules.payments(user).write()))) {
            throw new org.deskcrm.security.AccessDeniedException("You are not allowed to record payments.");
        }
        tx.insertInto(TRANSACTIONS)
                .set(TRANSACTIONS.ID, Ids.newId())
                .set(TRANSACTIONS.ORGANIZATION_ID, user.organizationId())
                .set(TRANSACTIONS.INVOICE_ID, invoiceId)
                .set(TRANSACTIONS.PAYMENT_ID, id)
                .set(TRANSACTIONS.COMPANY_ID, companyId)
                .set(TRANSACTIONS.CONTACT_ID, contactId)
                .set(TRANSACTIONS.TRANSACTION_TYPE, "payment")
                .set(TRANSACTIONS.AMOUNT, p.amount())
                .set(TRANSACTIONS.CURRENCY, currency)
                .set(TRANSACTIONS.STATUS, "completed")
                .set(TRANSACTIONS.PAYMENT_METHOD, p.method().dbName())
                .set(TRANSACTIONS.PAYMENT_GATEWAY, "manual")
                .set(TRANSACTIONS.GATEWAY_TRANSACTION_ID, p.reference())
                .set(TRANSACTIONS.OCCURRED_AT, p.paymentDate().atStartOfDay().atOffset(java.time.ZoneOffset.UTC))
                .set(TRANSACTIONS.CREATED_AT, now)
                .set(TRANSACTIONS.UPDATED_AT, now)
                .set(TRANSACTIONS.CREATED_BY, user.userId())
                .execute();
    }

    /** Voids a payment (tombstone, version-checked, write rule) and cancels its ledger row. */
    public void softDelete(DSLContext tx, CurrentUser user, UUID id, long version) {
        Rule rule = RecordRules.payments(user);
        var now = SyncColumns.now();
        int n = tx.update(PAYMENTS)
                .set(PAYMENTS.DELETED_AT, now)
                .set(PAYMENTS.VERSION, PAYMENTS.VERSION.plus(1))
                .set(PAYMENTS.UPDATED_AT, now)
                .where(PAYMENTS.ID.eq(id).and(PAYMENTS.VERSION.eq(version)).and(rule.write()))
                .execute();
        if (n == 0) {
            throw CheckedWrites.whyNot(tx, PAYMENTS, PAYMENTS.ID, id, version, rule, "payment");
        }
        tx.update(TRANSACTIONS)
                .set(TRANSACTIONS.STATUS, "cancelled")
                .set(TRANSACTIONS.VERSION, TRANSACTIONS.VERSION.plus(1))
                .set(TRANSACTIONS.UPDATED_AT, now)
                .where(TRANSACTIONS.PAYMENT_ID.eq(id).and(TRANSACTIONS.DELETED_AT.isNull()))
                .execute();
    }
}
