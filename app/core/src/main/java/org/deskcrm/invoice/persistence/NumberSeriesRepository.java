package org.deskcrm.invoice.persistence;

import static org.deskcrm.db.Tables.INVOICE_NUMBER_SERIES;

import java.util.UUID;
import org.deskcrm.platform.persistence.SyncColumns;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * Gap-free number series (invoices per prefix and year, orders with year 0). The issuing
 * transaction locks the series row with {@code SELECT ... FOR UPDATE}, takes {@code next_value}
 * and increments it: a concurrent issuer waits for the commit, and a rolled-back issue gives
 * the number back, so numbers have no gaps. A committed number is never handed out again.
 */
public final class NumberSeriesRepository {

    /** Creates the series row if it is missing (in its own short transaction, so a lost race is harmless). */
    public void ensure(DSLContext dsl, UUID organizationId, String prefix, int year) {
        if (exists(dsl, organizationId, prefix, year)) {
            return;
        }
        try {
            dsl.transaction(cfg -> {
                DSLContext tx = cfg.dsl();
                if (!exists(tx, organizationId, prefix, year)) {
                    insert(tx, organizationId, prefix, year);
                }
            });
        } catch (DataAccessException lostRace) {
            if (!exists(dsl, organizationId, prefix, year)) {
                throw lostRace;
            }
        }
    }

    public void insert(DSLContext tx, UUID organizationId, String prefix, int year) {
        var now = SyncColumns.now();
        tx.insertInto(INVOICE_NUMBER_SERIES)
                .set(INVOICE_NUMBER_SERIES.ORGANIZATION_ID, organizationId)
                .set(INVOICE_NUMBER_SERIES.PREFIX, prefix)
                .set(INVOICE_NUMBER_SERIES.SERIES_YEAR, year)
                .set(INVOICE_NUMBER_SERIES.NEXT_VALUE, 1L)
                .set(INVOICE_NUMBER_SERIES.CREATED_AT, now)
                .set(INVOICE_NUMBER_SERIES.UPDATED_AT, now)
                .execute();
    }

    private static boolean exists(DSLContext dsl, UUID organizationId, String prefix, int year) {
        return dsl.fetchExists(INVOICE_NUMBER_SERIES, INVOICE_NUMBER_SERIES.ORGANIZATION_ID.eq(organizationId)
                .and(INVOICE_NUMBER_SERIES.PREFIX.eq(prefix)).and(INVOICE_NUMBER_SERIES.SERIES_YEAR.eq(year)));
    }

    /** Takes the next number of the series; must run inside the transaction that uses it. */
    public long take(DSLContext tx, UUID organizationId, String prefix, int year) {
        var where = INVOICE_NUMBER_SERIES.ORGANIZATION_ID.eq(organizationId)
                .and(INVOICE_NUMBER_SERIES.PREFIX.eq(prefix)).and(INVOICE_NUMBER_SERIES.SERIES_YEAR.eq(year));
        Long value = tx.select(INVOICE_NUMBER_SERIES.NEXT_VALUE).from(INVOICE_NUMBER_SERIES).where(where).forUpdate()
                .fetchOne(INVOICE_NUMBER_SERIES.NEXT_VALUE);
        if (value == null) {
            throw new IllegalStateException("Number series " + prefix + "/" + year + " does not exist");
        }
        tx.update(INVOICE_NUMBER_SERIES)
                .set(INVOICE_NUMBER_SERIES.NEXT_VALUE, value + 1)
                .set(INVOICE_NUMBER_SERIES.VERSION, INVOICE_NUMBER_SERIES.VERSION.plus(1))
                .set(INVOICE_NUMBER_SERIES.UPDATED_AT, SyncColumns.now())
                .where(where)
                .execute();
        return value;
    }

    /** The number the series will hand out next (for the settings dialog's preview). */
    public long peek(DSLContext dsl, UUID organizationId, String prefix, int year) {
        Long v = dsl.select(INVOICE_NUMBER_SERIES.NEXT_VALUE).from(INVOICE_NUMBER_SERIES)
                .where(INVOICE_NUMBER_SERIES.ORGANIZATION_ID.eq(organizationId)
                        .and(INVOICE_NUMBER_SERIES.PREFIX.eq(prefix)).and(INVOICE_NUMBER_SERIES.SERIES_YEAR.eq(year)))
                .fetchOne(INVOICE_NUMBER_SERIES.NEXT_VALUE);
        return v == null ? 1 : v;
    }
}
