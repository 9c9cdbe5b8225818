package org.deskcrm.order;

import java.util.UUID;

/** Filters of the order list; keyset paging on (order_date, id) descending via {@code after}. */
public record OrderQuery(OrderStatus status, UUID companyId, String numberPrefix, OrderSummary after, int limit) {
    public static OrderQuery first(int limit) {
        return new OrderQuery(null, null, null, null, limit);
    }

    public OrderQuery next(OrderSummary last) {
        return new OrderQuery(status, companyId, numberPrefix, last, limit);
    }
}
