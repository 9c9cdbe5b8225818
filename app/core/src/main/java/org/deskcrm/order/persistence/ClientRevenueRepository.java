package org.deskcrm.order.persistence;

import static org.deskcrm.db.Tables.COMPANIES;
import static org.deskcrm.db.Tables.CREDIT_NOTES;
import static org.deskcrm.db.Tables.INVOICES;
import static org.deskcrm.db.Tables.ORDERS;
import static org.deskcrm.db.Tables.ORGANIZATIONS;
import static org.deskcrm.db.Tables.PAYMENTS;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.UUID;
import org.deskcrm.invoice.Money;
import org.deskcrm.platform.persistence.SyncColumns;
import org.jooq.DSLContext;
import org.jooq.Record4;
import org.jooq.impl.DSL;

/**
 * The revenue roll-ups on a company (seed 001's {@code update_client_revenue} trigger and
 * {@code calculate_client_ltv}), recomputed from the rows in the transaction that changed an
 * order or a payment, so they are never out of date and one implementation serves both databases.
 *
 * <p>Amounts are never summed across currencies: revenue, average order value and lifetime value
 * are in the company's billing currency (its own, else the organization's); orders and payments
 * in other currencies count in {@code total_orders} only.
 * <ul>
 * <li>total_orders: orders that are not cancelled or refunded;
 * <li>total_revenue: their totals (billing currency); average_order_value = total_revenue / their count;
 * <li>lifetime_value: money actually received: live payments of the company, plus paid orders
 *     that were never invoiced (an invoiced order's money arrives as the invoice's payments).
 * <li>credit notes reduce them: total_revenue by the credit notes on invoices of its orders (an
 *     order's revenue is what was finally billed for it); lifetime_value by the refunds due, i.e.
 *     what was paid beyond what the credited invoices still ask ({@code paid + credited - total}
 *     where positive), because that money is owed back to the client.
 * </ul>
 */
public final class ClientRevenueRepository {
    private static final List<String> NOT_REVENUE = List.of("cancelled", "refunded");

    public record Rollup(int totalOrders, BigDecimal totalRevenue, BigDecimal averageOrderValue, BigDecimal lifetimeValue) {}

    /** The company's billing currency: its own, else its organization's. */
    public String billingCurrency(DSLContext tx, UUID companyId) {
        return tx.select(DSL.coalesce(COMPANIES.CURRENCY, ORGANIZATIONS.CURRENCY))
                .from(COMPANIES).join(ORGANIZATIONS).on(ORGANIZATIONS.ID.eq(COMPANIES.ORGANIZATION_ID))
                .where(COMPANIES.ID.eq(companyId))
                .fetchOptional(r -> r.value1().strip()).orElse("USD");
    }

    public Rollup compute(DSLContext tx, UUID companyId) {
        String currency = billingCurrency(tx, companyId);
        var live = ORDERS.COMPANY_ID.eq(companyId).and(ORDERS.DELETED_AT.isNull()).and(ORDERS.STATUS.notIn(NOT_REVENUE));
        Record4<Integer, Integer, BigDecimal, BigDecimal> orders = tx.select(
                        DSL.count(),
                        DSL.count(DSL.when(ORDERS.CURRENCY.eq(currency), DSL.inline(1))),
                        DSL.coalesce(DSL.sum(DSL.when(ORDERS.CURRENCY.eq(currency), ORDERS.TOTAL)), BigDecimal.ZERO),
                        DSL.coalesce(DSL.sum(DSL.when(ORDERS.CURRENCY.eq(currency).and(ORDERS.PAYMENT_STATUS.eq("paid"))
                                .and(DSL.notExists(DSL.selectOne().from(INVOICES).where(INVOICES.ORDER_ID.eq(ORDERS.ID)
                                        .and(INVOICES.DELETED_AT.isNull()).and(INVOICES.STATUS.ne("cancelled"))))), ORDERS.TOTAL)),
                                BigDecimal.ZERO))
                .from(ORDERS).where(live).fetchOne();
        BigDecimal payments = tx.select(DSL.coalesce(DSL.sum(PAYMENTS.AMOUNT), BigDecimal.ZERO)).from(PAYMENTS)
                .where(PAYMENTS.COMPANY_ID.eq(companyId).and(PAYMENTS.DELETED_AT.isNull()).and(PAYMENTS.CURRENCY.eq(currency)))
                .fetchOne().value1();
        BigDecimal orderCredits = tx.select(DSL.coalesce(DSL.sum(CREDIT_NOTES.TOTAL), BigDecimal.ZERO))
                .from(CREDIT_NOTES).join(INVOICES).on(INVOICES.ID.eq(CREDIT_NOTES.INVOICE_ID))
                .join(ORDERS).on(ORDERS.ID.eq(INVOICES.ORDER_ID))
                .where(CREDIT_NOTES.COMPANY_ID.eq(companyId).and(CREDIT_NOTES.DELETED_AT.isNull())
                        .and(CREDIT_NOTES.CURRENCY.eq(currency)).and(ORDERS.CURRENCY.eq(currency))
                        .and(ORDERS.DELETED_AT.isNull()).and(ORDERS.STATUS.notIn(NOT_REVENUE)))
                .fetchOne().value1();
        BigDecimal refundsDue = tx.select(DSL.coalesce(DSL.sum(DSL.greatest(
                        INVOICES.AMOUNT_PAID.plus(INVOICES.CREDITED_TOTAL).minus(INVOICES.TOTAL), DSL.inline(BigDecimal.ZERO))), BigDecimal.ZERO))
                .from(INVOICES)
                .where(INVOICES.COMPANY_ID.eq(companyId).and(INVOICES.DELETED_AT.isNull()).and(INVOICES.CURRENCY.eq(currency))
                        .and(INVOICES.CREDITED_TOTAL.gt(BigDecimal.ZERO)))
                .fetchOne().value1();
        int count = orders.value1();
        int inCurrency = orders.value2();
        BigDecimal revenue = Money.round(orders.value3().subtract(orderCredits), currency);
        BigDecimal average = inCurrency == 0 ? Money.zero(currency)
                : revenue.divide(BigDecimal.valueOf(inCurrency), Money.scale(currency), RoundingMode.HALF_UP);
        BigDecimal ltv = Money.round(payments.add(orders.value4()).subtract(refundsDue), currency);
        return new Rollup(count, revenue, average, ltv);
    }

    /** Recomputes and stores the roll-ups (a change bumps the company's version for sync). */
    public Rollup recompute(DSLContext tx, UUID companyId) {
        if (companyId == null) {
            return null;
        }
        Rollup r = compute(tx, companyId);
        tx.update(COMPANIES)
                .set(COMPANIES.TOTAL_ORDERS, r.totalOrders())
                .set(COMPANIES.TOTAL_REVENUE, r.totalRevenue())
                .set(COMPANIES.AVERAGE_ORDER_VALUE, r.averageOrderValue())
                .set(COMPANIES.LIFETIME_VALUE, r.lifetimeValue())
                .set(COMPANIES.VERSION, COMPANIES.VERSION.plus(1))
                .set(COMPANIES.UPDATED_AT, SyncColumns.now())
                .where(COMPANIES.ID.eq(companyId))
                .and(COMPANIES.TOTAL_ORDERS.ne(r.totalOrders())
                        .or(COMPANIES.TOTAL_REVENUE.ne(r.totalRevenue()))
                        .or(COMPANIES.AVERAGE_ORDER_VALUE.ne(r.averageOrderValue()))
                        .or(COMPANIES.LIFETIME_VALUE.ne(r.lifetimeValue())))
                .execute();
        return r;
    }
}
