package org.deskcrm.order.persistence;

import static org.deskcrm.db.Tables.COMPANIES;
import static org.deskcrm.db.Tables.CONTACTS;
import static org.deskcrm.db.Tables.INVOICES;
import static org.deskcrm.db.Tables.ORDERS;
import static org.deskcrm.db.Tables.ORDER_ITEMS;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.deskcrm.invoice.Money;
import org.deskcrm.invoice.persistence.CheckedWrites;
import org.deskcrm.order.Address;
import org.deskcrm.order.Order;
import org.deskcrm.order.OrderDraft;
import org.deskcrm.order.OrderItem;
import org.deskcrm.order.OrderItemDraft;
import org.deskcrm.order.OrderPaymentStatus;
import org.deskcrm.order.OrderQuery;
import org.deskcrm.order.OrderStatus;
import org.deskcrm.order.OrderSummary;
import org.deskcrm.platform.id.Ids;
import org.deskcrm.platform.persistence.SyncColumns;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.rules.RecordRules;
import org.deskcrm.security.rules.Rule;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

/** Orders and their items, always under {@link RecordRules#orders}. */
public final class OrderRepository {
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final Field<String> CONTACT_NAME = DSL.concat(CONTACTS.FIRST_NAME, DSL.inline(" "),
            DSL.coalesce(CONTACTS.LAST_NAME, DSL.inline(""))).as("contact_name");

    /** The computed money of an order, every figure rounded to the currency's minor unit. */
    public record Amounts(List<BigDecimal> itemTotals, BigDecimal subtotal, BigDecimal tax, BigDecimal shipping,
            BigDecimal discount, BigDecimal total) {}

    public List<OrderSummary> page(DSLContext dsl, CurrentUser user, OrderQuery q) {
        Condition c = RecordRules.orders(user).read();
        if (q.status() != null) {
            c = c.and(ORDERS.STATUS.eq(q.status().dbName()));
        }
        if (q.companyId() != null) {
            c = c.and(ORDERS.COMPANY_ID.eq(q.companyId()));
        }
        if (q.numberPrefix() != null && !q.numberPrefix().isBlank()) {
            String p = q.numberPrefix().strip().toUpperCase(java.util.Locale.ROOT);
            c = c.and(ORDERS.ORDER_NUMBER.ge(p).and(ORDERS.ORDER_NUMBER.lt(p + Character.MAX_VALUE)));
        }
        if (q.after() != null) {
            c = c.and(DSL.row(ORDERS.ORDER_DATE, ORDERS.ID).lt(q.after().orderDate(), q.after().id()));
        }
        return dsl.select(ORDERS.ID, ORDERS.ORDER_NUMBER, COMPANIES.NAME, CONTACT_NAME, ORDERS.STATUS, ORDERS.PAYMENT_STATUS,
                        ORDERS.TOTAL, ORDERS.CURRENCY, ORDERS.ORDER_DATE)
                .from(ORDERS)
                .leftJoin(COMPANIES).on(COMPANIES.ID.eq(ORDERS.COMPANY_ID))
                .leftJoin(CONTACTS).on(CONTACTS.ID.eq(ORDERS.CONTACT_ID))
                .where(c)
                .orderBy(ORDERS.ORDER_DATE.desc(), ORDERS.ID.desc())
                .limit(Math.max(1, Math.min(q.limit(), 500)))
                .fetch(r -> new OrderSummary(r.value1(), r.value2(), r.value3() != null ? r.value3() : r.value4(),
                        OrderStatus.fromDb(r.value5()), OrderPaymentStatus.fromDb(r.value6()),
                        Money.round(r.value7(), r.value8().strip()), r.value8().strip(), r.value9()));
    }

    public Optional<Order> find(DSLContext dsl, CurrentUser user, UUID id) {
        Record r = dsl.select(ORDERS.asterisk(), COMPANIES.NAME, CONTACT_NAME)
                .from(ORDERS)
                .leftJoin(COMPANIES).on(COMPANIES.ID.eq(ORDERS.COMPANY_ID))
                .leftJoin(CONTACTS).on(CONTACTS.ID.eq(ORDERS.CONTACT_ID))
                .where(ORDERS.ID.eq(id).and(RecordRules.orders(user).read()))
                .fetchOne();
        if (r == null) {
            return Optional.empty();
        }
        String currency = r.get(ORDERS.CURRENCY).strip();
        List<OrderItem> items = dsl.selectFrom(ORDER_ITEMS)
                .where(ORDER_ITEMS.ORDER_ID.eq(id).and(ORDER_ITEMS.DELETED_AT.isNull()))
                .orderBy(ORDER_ITEMS.POSITION, ORDER_ITEMS.ID)
                .fetch(i -> new OrderItem(i.getId(), i.getProductId(), i.getDescription(), i.getQuantity().stripTrailingZeros(),
                        i.getUnitPrice(), Money.round(i.getDiscount(), currency), Money.round(i.getTotal(), currency)));
        UUID invoiceId = dsl.select(INVOICES.ID).from(INVOICES)
                .where(INVOICES.ORDER_ID.eq(id).and(INVOICES.DELETED_AT.isNull()).and(INVOICES.STATUS.ne("cancelled")))
                .orderBy(INVOICES.CREATED_AT.desc()).limit(1).fetchOne(INVOICES.ID);
        return Optional.of(new Order(id, r.get(ORDERS.ORDER_NUMBER), r.get(ORDERS.COMPANY_ID), r.get(COMPANIES.NAME),
                r.get(ORDERS.CONTACT_ID), r.get(CONTACT_NAME), r.get(ORDERS.DEAL_ID), OrderStatus.fromDb(r.get(ORDERS.STATUS)),
                OrderPaymentStatus.fromDb(r.get(ORDERS.PAYMENT_STATUS)), r.get(ORDERS.PAYMENT_METHOD),
                Money.round(r.get(ORDERS.SUBTOTAL), currency), Money.round(r.get(ORDERS.TAX_TOTAL), currency),
                Money.round(r.get(ORDERS.SHIPPING_TOTAL), currency), Money.round(r.get(ORDERS.DISCOUNT_TOTAL), currency),
                Money.round(r.get(ORDERS.TOTAL), currency), currency, address(r.get(ORDERS.SHIPPING_ADDRESS)),
                address(r.get(ORDERS.BILLING_ADDRESS)), r.get(ORDERS.TRACKING_NUMBER), r.get(ORDERS.ORDER_DATE),
                r.get(ORDERS.SHIPPED_AT), r.get(ORDERS.DELIVERED_AT), r.get(ORDERS.NOTES), r.get(ORDERS.VERSION), items, invoiceId));
    }

    public static Amounts amounts(OrderDraft d) {
        String cur = d.currency();
        List<BigDecimal> totals = d.items().stream()
                .map(i -> Money.line(i.quantity(), i.unitPrice(), i.discount(), BigDecimal.ZERO, cur).total()).toList();
        BigDecimal subtotal = totals.stream().reduce(Money.zero(cur), BigDecimal::add);
        BigDecimal tax = Money.round(nz(d.taxTotal()), cur);
        BigDecimal shipping = Money.round(nz(d.shippingTotal()), cur);
        BigDecimal discount = Money.round(nz(d.discountTotal()), cur);
        return new Amounts(totals, subtotal, tax, shipping, discount, subtotal.add(tax).add(shipping).subtract(discount));
    }

    private static BigDecimal nz(BigDecimal b) {
        return b == null ? BigDecimal.ZERO : b;
    }

    public void insert(DSLContext tx, CurrentUser user, UUID id, String number, OrderDraft d, OffsetDateTime orderDate) {
        var now = SyncColumns.now();
        Amounts a = amounts(d);
        tx.insertInto(ORDERS)
                .set(ORDERS.ID, id)
                .set(ORDERS.ORGANIZATION_ID, user.organizationId())
                .set(ORDERS.ORDER_NUMBER, number)
                .set(values(d, a))
                .set(ORDERS.STATUS, OrderStatus.PENDING.dbName())
                .set(ORDERS.PAYMENT_STATUS, OrderPaymentStatus.UNPAID.dbName())
                .set(ORDERS.ORDER_DATE, orderDate)
                .set(ORDERS.CREATED_AT, now)
                .set(ORDERS.UPDATED_AT, now)
                .set(ORDERS.CREATED_BY, user.userId())
                .execute();
        if (!tx.fetchExists(ORDERS, ORDERS.ID.eq(id).and(RecordRules.orders(user).write()))) {
            throw new org.deskcrm.security.AccessDeniedException("You are not allowed to create orders.");
        }
        insertItems(tx, user, id, d, a);
    }

    public void update(DSLContext tx, CurrentUser user, UUID id, long version, OrderDraft d) {
        Amounts a = amounts(d);
        checkedUpdate(tx, user, id, version, values(d, a));
        tx.update(ORDER_ITEMS)
                .set(ORDER_ITEMS.DELETED_AT, SyncColumns.now())
                .set(ORDER_ITEMS.VERSION, ORDER_ITEMS.VERSION.plus(1))
                .set(ORDER_ITEMS.UPDATED_AT, SyncColumns.now())
                .where(ORDER_ITEMS.ORDER_ID.eq(id).and(ORDER_ITEMS.DELETED_AT.isNull()))
                .execute();
        insertItems(tx, user, id, d, a);
    }

    public void setStatus(DSLContext tx, CurrentUser user, UUID id, long version, OrderStatus status,
            OffsetDateTime shippedAt, OffsetDateTime deliveredAt) {
        var m = new java.util.LinkedHashMap<Field<?>, Object>();
        m.put(ORDERS.STATUS, status.dbName());
        m.put(ORDERS.SHIPPED_AT, shippedAt);
        m.put(ORDERS.DELIVERED_AT, deliveredAt);
        checkedUpdate(tx, user, id, version, m);
    }

    public void setPaymentStatus(DSLContext tx, CurrentUser user, UUID id, long version, OrderPaymentStatus status) {
        checkedUpdate(tx, user, id, version, java.util.Map.of(ORDERS.PAYMENT_STATUS, status.dbName()));
    }

    public void softDelete(DSLContext tx, CurrentUser user, UUID id, long version) {
        checkedUpdate(tx, user, id, version, java.util.Map.of(ORDERS.DELETED_AT, SyncColumns.now()));
    }

    private void checkedUpdate(DSLContext tx, CurrentUser user, UUID id, long version, java.util.Map<Field<?>, Object> values) {
        Rule rule = RecordRules.orders(user);
        int n = tx.update(ORDERS).set(values)
                .set(ORDERS.VERSION, ORDERS.VERSION.plus(1))
                .set(ORDERS.UPDATED_AT, SyncColumns.now())
                .where(ORDERS.ID.eq(id).and(ORDERS.VERSION.eq(version)).and(rule.write()))
                .execute();
        if (n == 0) {
            throw CheckedWrites.whyNot(tx, ORDERS, ORDERS.ID, id, version, rule, "order");
        }
    }

    private static void insertItems(DSLContext tx, CurrentUser user, UUID orderId, OrderDraft d, Amounts a) {
        var now = SyncColumns.now();
        for (int i = 0; i < d.items().size(); i++) {
            OrderItemDraft item = d.items().get(i);
            tx.insertInto(ORDER_ITEMS)
                    .set(ORDER_ITEMS.ID, Ids.newId())
                    .set(ORDER_ITEMS.ORGANIZATION_ID, user.organizationId())
                    .set(ORDER_ITEMS.ORDER_ID, orderId)
                    .set(ORDER_ITEMS.PRODUCT_ID, item.productId())
                    .set(ORDER_ITEMS.DESCRIPTION, item.description())
                    .set(ORDER_ITEMS.QUANTITY, item.quantity())
                    .set(ORDER_ITEMS.UNIT_PRICE, item.unitPrice())
                    .set(ORDER_ITEMS.DISCOUNT, Money.round(nz(item.discount()), d.currency()))
                    .set(ORDER_ITEMS.TOTAL, a.itemTotals().get(i))
                    .set(ORDER_ITEMS.POSITION, i)
                    .set(ORDER_ITEMS.CREATED_AT, now)
                    .set(ORDER_ITEMS.UPDATED_AT, now)
                    .set(ORDER_ITEMS.CREATED_BY, user.userId())
                    .execute();
        }
    }

    private static java.util.Map<Field<?>, Object> values(OrderDraft d, Amounts a) {
        var m = new java.util.LinkedHashMap<Field<?>, Object>();
        m.put(ORDERS.COMPANY_ID, d.companyId());
        m.put(ORDERS.CONTACT_ID, d.contactId());
        m.put(ORDERS.DEAL_ID, d.dealId());
        m.put(ORDERS.CURRENCY, d.currency());
        m.put(ORDERS.SUBTOTAL, a.subtotal());
        m.put(ORDERS.TAX_TOTAL, a.tax());
        m.put(ORDERS.SHIPPING_TOTAL, a.shipping());
        m.put(ORDERS.DISCOUNT_TOTAL, a.discount());
        m.put(ORDERS.TOTAL, a.total());
        m.put(ORDERS.SHIPPING_ADDRESS, json(d.shippingAddress()));
        m.put(ORDERS.BILLING_ADDRESS, json(d.billingAddress()));
        m.put(ORDERS.PAYMENT_METHOD, blank(d.paymentMethod()));
        m.put(ORDERS.TRACKING_NUMBER, blank(d.trackingNumber()));
        m.put(ORDERS.NOTES, blank(d.notes()));
        return m;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String json(Address a) {
        if (a == null || a.isEmpty()) {
            return null;
        }
        try {
            var m = new java.util.LinkedHashMap<String, String>();
            m.put("line1", a.line1());
            m.put("line2", a.line2());
            m.put("city", a.city());
            m.put("state", a.state());
            m.put("postal_code", a.postalCode());
            m.put("country", a.country());
            m.values().removeIf(v -> v == null || v.isBlank());
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Address address(String json) {
        if (json == null || json.isBlank()) {
            return Address.EMPTY;
        }
        try {
            var n = JSON.readTree(json);
            return new Address(text(n, "line1"), text(n, "line2"), text(n, "city"), text(n, "state"), text(n, "postal_code"),
                    text(n, "country"));
        } catch (JsonProcessingException e) {
            return new Address(json, null, null, null, null, null); // imported free text
        }
    }

    private static String text(com.fasterxml.jackson.databind.JsonNode n, String f) {
        return n.hasNonNull(f) ? n.get(f).asText() : null;
    }

    /**
     * Follows the payment state of the order's invoice (paid, partially paid, unpaid): a system
     * update in the transaction that recorded or voided the invoice payment.
     */
    public void followInvoicePayment(DSLContext tx, UUID organizationId, UUID orderId, OrderPaymentStatus status) {
        tx.update(ORDERS)
                .set(ORDERS.PAYMENT_STATUS, status.dbName())
                .set(ORDERS.VERSION, ORDERS.VERSION.plus(1))
                .set(ORDERS.UPDATED_AT, SyncColumns.now())
                .where(ORDERS.ID.eq(orderId).and(ORDERS.ORGANIZATION_ID.eq(organizationId)).and(ORDERS.DELETED_AT.isNull())
                        .and(ORDERS.PAYMENT_STATUS.ne(status.dbName())).and(ORDERS.PAYMENT_STATUS.ne("refunded")))
                .execute();
    }
}
