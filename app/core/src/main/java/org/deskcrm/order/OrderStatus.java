package org.deskcrm.order;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * An order's fulfilment: pending → processing → shipped → delivered/completed, or cancelled
 * (before shipping) / refunded (after). Cancelled and refunded orders do not count as revenue.
 */
public enum OrderStatus {
    PENDING, PROCESSING, SHIPPED, DELIVERED, COMPLETED, CANCELLED, REFUNDED;

    public String dbName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OrderStatus fromDb(String s) {
        return valueOf(s.strip().toUpperCase(Locale.ROOT));
    }

    /** The statuses an order may move to from this one. */
    public Set<OrderStatus> next() {
        return switch (this) {
            case PENDING -> EnumSet.of(PROCESSING, SHIPPED, COMPLETED, CANCELLED);
            case PROCESSING -> EnumSet.of(SHIPPED, COMPLETED, CANCELLED);
            case SHIPPED -> EnumSet.of(DELIVERED, COMPLETED, REFUNDED);
            case DELIVERED -> EnumSet.of(COMPLETED, REFUNDED);
            case COMPLETED -> EnumSet.of(REFUNDED);
            case CANCELLED, REFUNDED -> EnumSet.noneOf(OrderStatus.class);
        };
    }

    /** Items and amounts can still be edited (nothing has left the warehouse). */
    public boolean editable() {
        return this == PENDING || this == PROCESSING;
    }

    public boolean countsAsRevenue() {
        return this != CANCELLED && this != REFUNDED;
    }
}
