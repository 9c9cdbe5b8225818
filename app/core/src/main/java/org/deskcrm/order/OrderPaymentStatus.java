package org.deskcrm.order;

import java.util.Locale;

/** Whether an order has been paid (orders.payment_status). */
public enum OrderPaymentStatus {
    UNPAID, PARTIALLY_PAID, PAID, REFUNDED;

    public String dbName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OrderPaymentStatus fromDb(String s) {
        return valueOf(s.strip().toUpperCase(Locale.ROOT));
    }
}
