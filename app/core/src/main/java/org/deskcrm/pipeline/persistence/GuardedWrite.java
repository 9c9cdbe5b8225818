package org.deskcrm.pipeline.persistence;

import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.Function;
import org.deskcrm.platform.persistence.NotFoundException;
import org.deskcrm.platform.persistence.StaleRecordException;
import org.deskcrm.platform.persistence.SyncColumns;
import org.deskcrm.security.AccessDeniedException;
import org.deskcrm.security.rules.Rule;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.UpdateSetFirstStep;
import org.jooq.UpdateSetMoreStep;

/**
 * {@code UPDATE t SET ..., version = version + 1, updated_at = now WHERE id = ? AND version = ? AND
 * <write rule>}: the record rule is part of the statement, so a row the user may not change is
 * never touched. When no row matched, a second look tells the user why: the row is gone or
 * invisible, they may not change it, or someone else changed it first.
 */
public final class GuardedWrite<R extends Record> {
    private final Table<R> table;
    private final TableField<R, UUID> id;
    private final TableField<R, Long> version;
    private final TableField<R, OffsetDateTime> updatedAt;
    private final TableField<R, OffsetDateTime> deletedAt;
    private final String what;

    @SuppressWarnings("unchecked")
    public GuardedWrite(Table<R> table, String what) {
        this.table = table;
        this.id = (TableField<R, UUID>) table.field("id");
        this.version = (TableField<R, Long>) table.field("version");
        this.updatedAt = (TableField<R, OffsetDateTime>) table.field("updated_at");
        this.deletedAt = (TableField<R, OffsetDateTime>) table.field("deleted_at");
        this.what = what;
    }

    public void update(DSLContext tx, Rule rule, UUID recordId, long expectedVersion,
            Function<UpdateSetFirstStep<R>, UpdateSetMoreStep<R>> changes) {
        int n = changes.apply(tx.update(table))
                .set(version, version.plus(1))
                .set(updatedAt, SyncColumns.now())
                .where(id.eq(recordId).and(version.eq(expectedVersion)).and(rule.write()))
                .execute();
        if (n == 0) {
            throw whyNot(tx, rule, recordId, expectedVersion);
        }
    }

    /** Tombstones the row (version-checked, within the write rule). */
    public void softDelete(DSLContext tx, Rule rule, UUID recordId, long expectedVersion, OffsetDateTime at) {
        update(tx, rule, recordId, expectedVersion, u -> u.set(deletedAt, at));
    }

    /** Throws unless the user may change the row (any version). */
    public void requireWritable(DSLContext tx, Rule rule, UUID recordId) {
        if (!tx.fetchExists(table, id.eq(recordId).and(rule.write()))) {
            throw whyNot(tx, rule, recordId, -1);
        }
    }

    private RuntimeException whyNot(DSLContext tx, Rule rule, UUID recordId, long expectedVersion) {
        if (!tx.fetchExists(table, id.eq(recordId).and(rule.read()))) {
            return new NotFoundException("This " + what + " does not exist any more or you may not see it.");
        }
        if (!tx.fetchExists(table, id.eq(recordId).and(rule.write()))) {
            return new AccessDeniedException("You may not change this " + what + ".");
        }
        return new StaleRecordException(table.getName(), recordId, expectedVersion);
    }
}
