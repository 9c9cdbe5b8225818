package org.deskcrm.deal;

import java.util.Locale;

/** Where a deal stands: open, or ended by a closed stage (won/lost), or abandoned. */
public enum DealStatus {
    OPEN, WON, LOST, ABANDONED;

    public String dbName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DealStatus fromDb(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
