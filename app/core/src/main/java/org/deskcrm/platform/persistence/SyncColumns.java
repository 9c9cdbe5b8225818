package org.deskcrm.platform.persistence;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.UpdateSetMoreStep;
import org.jooq.impl.DSL;

/**
 * The columns every user-editable table shares (id, version, created_at, updated_at, created_by,
 * deleted_at) and the version-checked update and soft delete built on them. Sync relies on these
 * invariants: version grows by one per change, updated_at moves forward, deletes leave a tombstone.
 */
public final class SyncColumns<R extends Record> {
    private final Table<R> table;
    private final TableField<R, UUID> id;
    private final TableField<R, Long> version;
    private final TableField<R, OffsetDateTime> updatedAt;
    private final TableField<R, OffsetDateTime> deletedAt;

    @SuppressWarnings("unchecked")
    public SyncColumns(Table<R> table) {
        this.table = table;
        this.id = (TableField<R, UUID>) required(table, "id");
        this.version = (TableField<R, Long>) required(table, "version");
        this.updatedAt = (TableField<R, OffsetDateTime>) required(table, "updated_at");
        this.deletedAt = (TableField<R, OffsetDateTime>) required(table, "deleted_at");
    }

    private static Field<?> required(Table<?> table, String name) {
        Field<?> f = table.field(name);
        if (f == null) {
            throw new IllegalArgumentException(table.getName() + " has no " + name + " column");
        }
        return f;
    }

    public static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    /**
     * Runs {@code UPDATE ... SET <changes>, version = version + 1, updated_at = now WHERE id = ? AND
     * version = ? AND deleted_at IS NULL}; throws {@link StaleRecordException} when no row matched.
     */
    public void updateChecked(DSLContext dsl, UUID recordId, long expectedVersion,
            java.util.function.Function<org.jooq.UpdateSetFirstStep<R>, UpdateSetMoreStep<R>> changes) {
        UpdateSetMoreStep<R> step = changes.apply(dsl.update(table));
        int n = step.set(version, version.plus(1))
                .set(updatedAt, now())
                .where(id.eq(recordId).and(version.eq(expectedVersion)).and(deletedAt.isNull()))
                .execute();
        if (n == 0) {
            throw new StaleRecordException(table.getName(), recordId, expectedVersion);
        }
    }

    /** Tombstones a row (version-checked). */
    public void softDelete(DSLContext dsl, UUID recordId, long expectedVersion) {
        int n = dsl.update(table)
                .set(deletedAt, now())
                .set(version, version.plus(1))
                .set(updatedAt, now())
                .where(id.eq(recordId).and(version.eq(expectedVersion)).and(deletedAt.isNull()))
                .execute();
        if (n == 0) {
            throw new StaleRecordException(table.getName(), recordId, expectedVersion);
        }
    }

    public TableField<R, UUID> id() {
        return id;
    }

    public TableField<R, Long> version() {
        return version;
    }

    public TableField<R, OffsetDateTime> deletedAt() {
        return deletedAt;
    }

    public org.jooq.Condition alive() {
        return deletedAt.isNull();
    }

    public static org.jooq.Condition trueCondition() {
        return DSL.trueCondition();
    }
}
