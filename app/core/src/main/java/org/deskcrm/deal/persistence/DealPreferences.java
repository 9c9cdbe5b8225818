package org.deskcrm.deal.persistence;

import org.deskcrm.security.CurrentUser;
import org.deskcrm.settings.persistence.SettingsRepository;
import org.jooq.DSLContext;

/**
 * The board's personal preferences, kept as the user's own settings rows (RR-13: only that user
 * reads and writes them): after how many days without a stage change or activity a deal counts
 * as stale.
 */
public final class DealPreferences {
    public static final String STALE_DAYS = "pipeline.stale_days";
    public static final int DEFAULT_STALE_DAYS = 14;

    private final SettingsRepository settings;

    public DealPreferences(SettingsRepository settings) {
        this.settings = settings;
    }

    public int staleDays(DSLContext dsl, CurrentUser user) {
        try {
            return settings.findUserValue(dsl, user, STALE_DAYS).map(v -> Integer.parseInt(v.strip())).orElse(DEFAULT_STALE_DAYS);
        } catch (NumberFormatException e) {
            return DEFAULT_STALE_DAYS;
        }
    }

    /** Stores the value; returns the previous one (null when there was none). */
    public String setStaleDays(DSLContext tx, CurrentUser user, int days) {
        return settings.putUserValue(tx, user, STALE_DAYS, Integer.toString(days));
    }

    public java.util.Optional<java.util.UUID> rowId(DSLContext tx, CurrentUser user) {
        return settings.findUserRowId(tx, user, STALE_DAYS);
    }
}
