package org.deskcrm.invoice;

import java.util.Locale;

/** How a payment arrived (the payments.method check constraint). */
public enum PaymentMethod {
    BANK_TRANSFER, CARD, CHECK, CASH, OTHER;

    public String dbName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PaymentMethod fromDb(String s) {
        return valueOf(s.strip().toUpperCase(Locale.ROOT));
    }
}
