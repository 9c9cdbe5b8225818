package org.deskcrm.product;

import java.util.Locale;

/** What is sold: physical goods (with stock), digital goods, services and subscriptions. */
public enum ProductType {
    PHYSICAL, DIGITAL, SERVICE, SUBSCRIPTION;

    public String dbName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ProductType fromDb(String s) {
        return valueOf(s.strip().toUpperCase(Locale.ROOT));
    }
}
