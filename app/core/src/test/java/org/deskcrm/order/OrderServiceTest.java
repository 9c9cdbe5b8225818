package org.deskcrm.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.deskcrm.db.Tables.COMPANIES;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.deskcrm.invoice.CommerceFixture;
import org.deskcrm.invoice.Invoice;
import org.deskcrm.invoice.InvoiceStatus;
import org.deskcrm.invoice.PaymentDraft;
import org.deskcrm.invoice.PaymentMethod;
import org.deskcrm.platform.db.Database;
import org.deskcrm.platform.persistence.ValidationException;
import org.deskcrm.product.Product;
import org.deskcrm.product.ProductDraft;
import org.deskcrm.product.ProductType;
import org.deskcrm.security.AccessDeniedException;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.Role;
import org.deskcrm.testing.BothDatabases;
import org.jooq.Record4;

class OrderServiceTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 5, 4);

    private static OrderDraft order(UUID company, String currency, List<OrderItemDraft> items, String tax, String shipping, String discount) {
        return new OrderDraft(company, null, null, currency, items, new BigDecimal(tax), new BigDecimal(shipping), new BigDecimal(discount),
                new Address("1 Dock Road", null, "Leeds", null, "LS1 1AA", "United Kingdom"), Address.EMPTY, "card", null, null);
    }

    private static Record4<Integer, BigDecimal, BigDecimal, BigDecimal> rollup(Database db, UUID company) {
        return db.dsl().select(COMPANIES.TOTAL_ORDERS, COMPANIES.TOTAL_REVENUE, COMPANIES.AVERAGE_ORDER_VALUE, COMPANIES.LIFETIME_VALUE)
                .from(COMPANIES).where(COMPANIES.ID.eq(company)).fetchOne();
    }

    @BothDatabases
    void ordersGetNumbersTakeStockAndRollUpRevenueToTheClient(Database db) {
        var f = new CommerceFixture(db);
        CurrentUser finance = f.ws.as(Role.FINANCE);
        UUID acme = f.company("Order Co", null, "USD", null, null);
        Product mug = f.products.create(finance, new ProductDraft("Mug", null, "MUG-1", "Merch", ProductType.PHYSICAL,
                new BigDecimal("12.50"), new BigDecimal("4"), "USD", new BigDecimal("20"), 100, true));

        Order first = f.orders.create(finance, order(acme, "USD",
                List.of(new OrderItemDraft(mug.id(), null, new BigDecimal("4"), mug.price(), BigDecimal.ZERO),
                        new OrderItemDraft(null, "Gift wrap", BigDecimal.ONE, new BigDecimal("3.333"), BigDecimal.ZERO)),
                "10.00", "5.00", "2.00"));
        assertThat(first.number()).isEqualTo("ORD-00001");
        assertThat(first.items()).extracting(OrderItem::description).containsExactly("Mug", "Gift wrap");
        assertThat(first.subtotal()).isEqualByComparingTo("53.33");
        assertThat(first.total()).isEqualByComparingTo("66.33");
        assertThat(first.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(f.products.get(finance, mug.id()).inventoryCount()).isEqualTo(96);

        Order second = f.orders.create(finance, order(acme, "USD",
                List.of(new OrderItemDraft(null, "Service", BigDecimal.ONE, new BigDecimal("33.67"), BigDecimal.ZERO)), "0", "0", "0"));
        assertThat(second.number()).isEqualTo("ORD-00002");
        // An order in another currency counts as an order but not in the USD revenue.
        f.orders.create(finance, order(acme, "EUR",
                List.of(new OrderItemDraft(null, "Euro thing", BigDecimal.ONE, new BigDecimal("1000"), BigDecimal.ZERO)), "0", "0", "0"));
        var r = rollup(db, acme);
        assertThat(r.value1()).isEqualTo(3);
        assertThat(r.value2()).isEqualByComparingTo("100.00");
        assertThat(r.value3()).isEqualByComparingTo("50.00");
        assertThat(r.value4()).isEqualByComparingTo("0");

        // Paid without an invoice: lifetime value grows.
        Order paid = f.orders.setPaymentStatus(finance, second.id(), second.version(), OrderPaymentStatus.PAID);
        assertThat(rollup(db, acme).value4()).isEqualByComparingTo("33.67");

        // Cancelling returns the stock and removes the revenue.
        Order cancelled = f.orders.setStatus(finance, first.id(), first.version(), OrderStatus.CANCELLED);
        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(f.products.get(finance, mug.id()).inventoryCount()).isEqualTo(100);
        r = rollup(db, acme);
        assertThat(r.value1()).isEqualTo(2);
        assertThat(r.value2()).isEqualByComparingTo("33.67");
        assertThatThrownBy(() -> f.orders.setStatus(finance, first.id(), cancelled.version(), OrderStatus.SHIPPED))
                .isInstanceOf(ValidationException.class).hasMessageContaining("cannot become shipped");

        Order shipped = f.orders.setStatus(finance, paid.id(), paid.version(), OrderStatus.SHIPPED);
        assertThat(shipped.shippedAt()).isNotNull();
        assertThatThrownBy(() -> f.orders.update(finance, shipped.id(), shipped.version(), shipped.toDraft()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("can no longer be changed");
    }

    @BothDatabases
    void everyBadLineIsReportedWithItsNumber(Database db) {
        var f = new CommerceFixture(db);
        CurrentUser finance = f.ws.as(Role.FINANCE);
        UUID client = f.company("Lines Co", null, "USD", null, null);
        var draft = order(client, "USD", List.of(
                new OrderItemDraft(null, "Fine", BigDecimal.ONE, BigDecimal.TEN, BigDecimal.ZERO),
                new OrderItemDraft(null, "No quantity", BigDecimal.ZERO, BigDecimal.TEN, BigDecimal.ZERO),
                new OrderItemDraft(null, "  ", BigDecimal.ONE, BigDecimal.TEN, BigDecimal.ZERO)), "0", "0", "0");
        assertThatThrownBy(() -> f.orders.create(finance, draft)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.fieldErrors().get("items")).contains("Item 2: the quantity must be more than zero.")
                        .contains("Item 3: choose a product or describe it.").doesNotContain("Item 1"));
    }

    @BothDatabases
    void anOrderBecomesAnInvoiceInOneActionAndItsPaymentFollowsTheInvoice(Database db) {
        var f = new CommerceFixture(db);
        CurrentUser finance = f.ws.as(Role.FINANCE);
        UUID acme = f.company("Invoice Me", null, "USD", null, "net_15");
        Order o = f.orders.create(finance, order(acme, "USD",
                List.of(new OrderItemDraft(null, "Chair", new BigDecimal("2"), new BigDecimal("150"), new BigDecimal("10")),
                        new OrderItemDraft(null, "Desk", BigDecimal.ONE, new BigDecimal("400"), BigDecimal.ZERO)),
                "68.00", "25.00", "30.00"));
        assertThat(o.total()).isEqualByComparingTo("753.00"); // 690 + 68 + 25 - 30

        Invoice inv = f.invoices.createFromOrder(finance, o.id(), TODAY).invoice();
        assertThat(inv.orderId()).isEqualTo(o.id());
        assertThat(inv.lines()).extracting(l -> l.description()).containsExactly("Chair", "Desk", "Shipping");
        assertThat(inv.subtotal().subtract(inv.discountTotal())).isEqualByComparingTo("685.00"); // 690 + 25 - 30
        assertThat(inv.total()).isEqualByComparingTo(o.total());
        assertThat(inv.dueDate()).isEqualTo(TODAY.plusDays(15));
        assertThatThrownBy(() -> f.invoices.createFromOrder(finance, o.id(), TODAY))
                .isInstanceOf(ValidationException.class).hasMessageContaining("already has an invoice");
        assertThat(f.orders.get(finance, o.id()).invoiceId()).isEqualTo(inv.id());

        Invoice issued = f.invoices.issue(finance, inv.id(), inv.version(), TODAY).invoice();
        Invoice paid = f.invoices.recordPayment(finance, issued.id(), issued.version(),
                new PaymentDraft(issued.total(), PaymentMethod.CARD, TODAY, "ch_123", null), TODAY);
        assertThat(paid.status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(f.orders.get(finance, o.id()).paymentStatus()).isEqualTo(OrderPaymentStatus.PAID);
        // Lifetime value counts the invoice payment once (not the paid order as well).
        assertThat(rollup(db, acme).value4()).isEqualByComparingTo("753.00");
    }

    @BothDatabases
    void onlyFinanceAndAdminsManageOrdersAndSalesSeeTheirClientsOrders(Database db) {
        var f = new CommerceFixture(db);
        CurrentUser sales = f.ws.as(Role.SALES);
        UUID mine = f.company("Rep Co", sales.userId());
        UUID other = f.company("Other Co", f.ws.sales2.userId());
        var items = List.of(new OrderItemDraft(null, "Thing", BigDecimal.ONE, BigDecimal.TEN, BigDecimal.ZERO));
        Order a = f.orders.create(f.ws.admin, order(mine, "USD", items, "0", "0", "0"));
        f.orders.create(f.ws.as(Role.FINANCE), order(other, "USD", items, "0", "0", "0"));

        assertThat(f.orders.page(sales, OrderQuery.first(50))).extracting(OrderSummary::id).containsExactly(a.id());
        assertThat(f.orders.page(f.ws.as(Role.FINANCE), OrderQuery.first(50))).hasSize(2);
        assertThatThrownBy(() -> f.orders.create(sales, order(mine, "USD", items, "0", "0", "0")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> f.orders.setStatus(sales, a.id(), a.version(), OrderStatus.PROCESSING))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> f.orders.create(f.ws.admin, order(null, "USD", items, "0", "0", "0")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("client");
    }
}
