package org.deskcrm.security;

import java.util.Locale;

/** The roles of the five seed designs, unioned. A user may hold several in one organization. */
public enum Role {
    ADMIN, MANAGER, SALES, SUPPORT, FINANCE, VIEWER;

    public String dbName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromDb(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
