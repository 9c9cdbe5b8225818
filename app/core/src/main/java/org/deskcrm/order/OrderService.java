package org.deskcrm.order;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.deskcrm.audit.AuditAction;
import org.deskcrm.audit.AuditLog;
import org.deskcrm.invoice.Money;
import org.deskcrm.invoice.persistence.ClientRepository;
import org.deskcrm.invoice.persistence.NumberSeriesRepository;
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
import org.deskcrm.security.Resource;
import org.jooq.DSLContext;

/**
 * Orders: create with items, edit while pending/processing, move through fulfilment, record the
 * payment status, delete. Each change keeps the client company's revenue roll-ups and the stock of
 * physical products current in the same transaction, with its audit row.
 */
public final class OrderService {
    /** Order numbers: ORD-00001, one series per organization that never resets (series_year 0). */
    public static final String ORDER_PREFIX = "ORD";

    private final DSLContext dsl;
    private final OrderRepository orders;
    private final ProductRepository products;
    private final ClientRepository clients;
    private final NumberSeriesRepository series;
    private final ClientRevenueRepository revenue;
    private final AuditLog audit;

    public OrderService(DSLContext dsl, OrderRepository orders, ProductRepository products, ClientRepository clients,
            NumberSeriesRepository series, ClientRevenueRepository revenue, AuditLog audit) {
        this.dsl = dsl;
        this.orders = orders;
        this.products = products;
        this.clients = clients;
        this.series = series;
        this.revenue = revenue;
        this.audit = audit;
    }

    public List<OrderSummary> page(CurrentUser user, OrderQuery query) {
        return orders.page(dsl, user, query);
    }

    public Order get(CurrentUser user, UUID id) {
        return orders.find(dsl, user, id).orElseThrow(() -> new NotFoundException("This order no longer exists or is not visible to you."));
    }

    public Order create(CurrentUser user, OrderDraft draft) {
        user.require(Resource.ORDERS, Action.CREATE);
        series.ensure(dsl, user.organizationId(), ORDER_PREFIX, 0);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            OrderDraft d = validate(tx, user, draft);
            UUID id = Ids.newId();
            String number = String.format("%s-%05d", ORDER_PREFIX, series.take(tx, user.organizationId(), ORDER_PREFIX, 0));
            orders.insert(tx, user, id, number, d, SyncColumns.now());
            takeStock(tx, user, d.items(), 1);
            revenue.recompute(tx, d.companyId());
            audit.record(tx, user.organizationId(), user.userId(), "orders", id, AuditAction.INSERT, null, auditValues(number, d, null));
            return orders.find(tx, user, id).orElseThrow();
        });
    }

    public Order update(CurrentUser user, UUID id, long version, OrderDraft draft) {
        user.require(Resource.ORDERS, Action.UPDATE);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            Order before = existing(tx, user, id);
            if (!before.status().editable()) {
                throw new ValidationException("status", "Order " + before.number() + " is " + before.status().dbName()
                        + ": its items can no longer be changed.");
            }
            OrderDraft d = validate(tx, user, draft);
            orders.update(tx, user, id, version, d);
            takeStock(tx, user, before.toDraft().items(), -1);
            takeStock(tx, user, d.items(), 1);
            revenue.recompute(tx, d.companyId());
            if (before.companyId() != null && !before.companyId().equals(d.companyId())) {
                revenue.recompute(tx, before.companyId());
            }
            audit.record(tx, user.organizationId(), user.userId(), "orders", id, AuditAction.UPDATE,
                    auditValues(before.number(), before.toDraft(), before.status()), auditValues(before.number(), d, before.status()));
            return orders.find(tx, user, id).orElseThrow();
        });
    }

    /** Moves the order along its fulfilment; cancelling puts reserved stock back. */
    public Order setStatus(CurrentUser user, UUID id, long version, OrderStatus status) {
        user.require(Resource.ORDERS, Action.UPDATE);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            Order before = existing(tx, user, id);
            if (before.status() == status) {
                return before;
            }
            if (!before.status().next().contains(status)) {
                throw new ValidationException("status", "An order that is " + before.status().dbName().replace('_', ' ')
                        + " cannot become " + status.dbName().replace('_', ' ') + ".");
            }
            OffsetDateTime now = SyncColumns.now();
            OffsetDateTime shipped = before.shippedAt();
            OffsetDateTime delivered = before.deliveredAt();
            if ((status == OrderStatus.SHIPPED || status == OrderStatus.DELIVERED || status == OrderStatus.COMPLETED) && shipped == null) {
                shipped = now;
            }
            if ((status == OrderStatus.DELIVERED || status == OrderStatus.COMPLETED) && delivered == null) {
                delivered = now;
            }
            orders.setStatus(tx, user, id, version, status, shipped, delivered);
            if (status == OrderStatus.CANCELLED) {
                takeStock(tx, user, before.toDraft().items(), -1);
            }
            if (status == OrderStatus.REFUNDED && before.paymentStatus() != OrderPaymentStatus.UNPAID) {
                orders.setPaymentStatus(tx, user, id, version + 1, OrderPaymentStatus.REFUNDED);
            }
            revenue.recompute(tx, before.companyId());
            audit.record(tx, user.organizationId(), user.userId(), "orders", id, AuditAction.UPDATE,
                    Map.of("status", before.status().dbName()), Map.of("status", status.dbName()));
            return orders.find(tx, user, id).orElseThrow();
        });
    }

    public Order setPaymentStatus(CurrentUser user, UUID id, long version, OrderPaymentStatus status) {
        user.require(Resource.ORDERS, Action.UPDATE);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            Order before = existing(tx, user, id);
            orders.setPaymentStatus(tx, user, id, version, status);
            revenue.recompute(tx, before.companyId());
            audit.record(tx, user.organizationId(), user.userId(), "orders", id, AuditAction.UPDATE,
                    Map.of("payment_status", before.paymentStatus().dbName()), Map.of("payment_status", status.dbName()));
            return orders.find(tx, user, id).orElseThrow();
        });
    }

    public void delete(CurrentUser user, UUID id, long version) {
        user.require(Resource.ORDERS, Action.DELETE);
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            Order before = existing(tx, user, id);
            if (before.invoiceId() != null) {
                throw new ValidationException("", "Order " + before.number() + " has an invoice; cancel the invoice first.");
            }
            orders.softDelete(tx, user, id, version);
            if (before.status().countsAsRevenue()) {
                takeStock(tx, user, before.toDraft().items(), -1);
            }
            revenue.recompute(tx, before.companyId());
            audit.record(tx, user.organizationId(), user.userId(), "orders", id, AuditAction.DELETE,
                    auditValues(before.number(), before.toDraft(), before.status()), null);
        });
    }

    private Order existing(DSLContext tx, CurrentUser user, UUID id) {
        return orders.find(tx, user, id).orElseThrow(() -> new NotFoundException("This order no longer exists or is not visible to you."));
    }

    /** Stock of physical products: {@code sign} 1 takes the quantities out, -1 puts them back. */
    private void takeStock(DSLContext tx, CurrentUser user, List<OrderItemDraft> items, int sign) {
        Map<UUID, BigDecimal> perProduct = new HashMap<>();
        for (OrderItemDraft i : items) {
            if (i.productId() != null) {
                perProduct.merge(i.productId(), i.quantity(), BigDecimal::add);
            }
        }
        perProduct.forEach((pid, qty) -> products.adjustInventory(tx, user.organizationId(), pid,
                sign * qty.setScale(0, java.math.RoundingMode.CEILING).intValueExact()));
    }

    private OrderDraft validate(DSLContext tx, CurrentUser user, OrderDraft d) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (d.companyId() == null && d.contactId() == null) {
            errors.put("client", "Choose the client (a company or a contact).");
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
        if (d.items() == null || d.items().isEmpty()) {
            errors.put("items", "Add at least one item.");
        }
        List<OrderItemDraft> items = new ArrayList<>();
        if (d.items() != null && currency != null) {
            for (int n = 0; n < d.items().size(); n++) {
                OrderItemDraft i = d.items().get(n);
                String where = "Item " + (n + 1) + ": ";
                String description = i.description() == null || i.description().isBlank() ? null : i.description().strip();
                if (i.productId() != null) {
                    Product p = products.find(tx, user, i.productId()).orElse(null);
                    if (p == null) {
                        errors.merge("items", where + "that product no longer exists.", (earlier, next) -> earlier + "\n" + next);
                        continue;
                    }
                    if (description == null) {
                        description = p.name();
                    }
                }
                if (description == null) {
                    errors.merge("items", where + "choose a product or describe it.", (earlier, next) -> earlier + "\n" + next);
                    continue;
                }
                if (i.quantity() == null || i.quantity().signum() <= 0) {
                    errors.merge("items", where + "the quantity must be more than zero.", (earlier, next) -> earlier + "\n" + next);
                    continue;
                }
                if (i.unitPrice() == null || i.unitPrice().signum() < 0) {
                    errors.merge("items", where + "the price cannot be negative.", (earlier, next) -> earlier + "\n" + next);
                    continue;
                }
                BigDecimal discount = i.discount() == null ? BigDecimal.ZERO : i.discount();
                if (discount.signum() < 0 || Money.round(discount, currency).compareTo(Money.round(i.quantity().multiply(i.unitPrice()), currency)) > 0) {
                    errors.merge("items", where + "the discount must be between zero and the line amount.", (earlier, next) -> earlier + "\n" + next);
                    continue;
                }
                items.add(new OrderItemDraft(i.productId(), description, i.quantity(), i.unitPrice().setScale(4, Money.ROUNDING), discount));
            }
        }
        for (var amount : List.of(Map.entry("tax", d.taxTotal()), Map.entry("shipping", d.shippingTotal()), Map.entry("discount", d.discountTotal()))) {
            if (amount.getValue() != null && amount.getValue().signum() < 0) {
                errors.put(amount.getKey(), "The " + amount.getKey() + " cannot be negative.");
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        OrderDraft clean = new OrderDraft(d.companyId(), d.contactId(), d.dealId(), currency, items, d.taxTotal(), d.shippingTotal(),
                d.discountTotal(), d.shippingAddress(), d.billingAddress(), d.paymentMethod(), d.trackingNumber(), d.notes());
        if (OrderRepository.amounts(clean).total().signum() < 0) {
            throw new ValidationException("discount", "The order discount is larger than the order.");
        }
        return clean;
    }

    private static Map<String, Object> auditValues(String number, OrderDraft d, OrderStatus status) {
        var a = OrderRepository.amounts(d);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("order_number", number);
        m.put("company_id", d.companyId());
        m.put("contact_id", d.contactId());
        m.put("currency", d.currency());
        m.put("items", d.items().size());
        m.put("subtotal", a.subtotal());
        m.put("total", a.total());
        if (status != null) {
            m.put("status", status.dbName());
        }
        return m;
    }
}
