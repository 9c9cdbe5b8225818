package org.deskcrm.audit.persistence;

import static org.deskcrm.db.Tables.AUDIT_LOG;
import static org.deskcrm.db.Tables.USERS;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.deskcrm.audit.AuditAction;
import org.deskcrm.audit.AuditEntry;
import org.deskcrm.audit.AuditQuery;
import org.deskcrm.platform.id.Ids;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The audit_log table. Append-only by construction: this class only inserts and selects, and it
 * is the only class allowed to touch the table (an architecture test checks both). On PostgreSQL
 * a rule turns UPDATE and DELETE of audit rows into no-ops as well.
 *
 * <p>Reads here take an organization id rather than a record rule: the audit log has no owner
 * column, so {@link org.deskcrm.audit.AuditLog} decides who may read (audit_log:read, or the
 * record's own rule for a record's history) and passes the extra condition in.
 */
public final class AuditRepository {
    /** The most rows one page may hold. */
    public static final int MAX_PAGE = 1000;

    /** One audit row to write; JSON values are already serialized. */
    public record NewEntry(UUID organizationId, UUID userId, String table, UUID recordId, AuditAction action,
            String oldValues, String newValues, String changedFields, OffsetDateTime at) {}

    public void insert(DSLContext tx, NewEntry e) {
        tx.insertInto(AUDIT_LOG)
                .set(AUDIT_LOG.ID, Ids.newId())
                .set(AUDIT_LOG.ORGANIZATION_ID, e.organizationId())
                .set(AUDIT_LOG.USER_ID, e.userId())
                .set(AUDIT_LOG.TABLE_NAME, e.table())
                .set(AUDIT_LOG.RECORD_ID, e.recordId())
                .set(AUDIT_LOG.ACTION, e.action().dbName())
                .set(AUDIT_LOG.OLD_VALUES, e.oldValues())
                .set(AUDIT_LOG.NEW_VALUES, e.newValues())
                .set(AUDIT_LOG.CHANGED_FIELDS, e.changedFields())
                .set(AUDIT_LOG.CREATED_AT, e.at())
                .execute();
    }

    /**
     * A page of the organization's audit rows matching the filters, newest first, keyset-paged
     * on (created_at, id). {@code visible} narrows further (e.g. "the record is visible to the
     * user"); pass {@code DSL.trueCondition()} for none. {@code changedFields} parses the JSON list.
     */
    public List<AuditEntry> search(DSLContext dsl, UUID organizationId, AuditQuery q, Condition visible,
            Function<String, List<String>> changedFields) {
        Condition c = AUDIT_LOG.ORGANIZATION_ID.eq(organizationId).and(visible);
        if (q.userId() != null) {
            c = c.and(AUDIT_LOG.USER_ID.eq(q.userId()));
        }
        if (q.tableName() != null) {
            c = c.and(AUDIT_LOG.TABLE_NAME.eq(q.tableName()));
        }
        if (q.recordId() != null) {
            c = c.and(AUDIT_LOG.RECORD_ID.eq(q.recordId()));
        }
        if (q.from() != null) {
            c = c.and(AUDIT_LOG.CREATED_AT.ge(q.from()));
        }
        if (q.to() != null) {
            c = c.and(AUDIT_LOG.CREATED_AT.lt(q.to()));
        }
        if (q.before() != null) {
            c = c.and(DSL.row(AUDIT_LOG.CREATED_AT, AUDIT_LOG.ID).lt(q.before().at(), q.before().id()));
        }
        return dsl.select(AUDIT_LOG.ID, AUDIT_LOG.CREATED_AT, AUDIT_LOG.USER_ID, USERS.FULL_NAME, AUDIT_LOG.TABLE_NAME,
                        AUDIT_LOG.RECORD_ID, AUDIT_LOG.ACTION, AUDIT_LOG.OLD_VALUES, AUDIT_LOG.NEW_VALUES,
                        AUDIT_LOG.CHANGED_FIELDS)
                .from(AUDIT_LOG)
                .leftJoin(USERS).on(USERS.ID.eq(AUDIT_LOG.USER_ID))
                .where(c)
                .orderBy(AUDIT_LOG.CREATED_AT.desc(), AUDIT_LOG.ID.desc())
                .limit(Math.max(1, Math.min(q.limit(), MAX_PAGE)))
                .fetch(r -> new AuditEntry(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        AuditAction.fromDb(r.value7()), r.value8(), r.value9(), changedFields.apply(r.value10())));
    }

    /** The table names that occur in the organization's log, for the audit browser's entity filter. */
    public List<String> tableNames(DSLContext dsl, UUID organizationId) {
        return dsl.selectDistinct(AUDIT_LOG.TABLE_NAME)
                .from(AUDIT_LOG)
                .where(AUDIT_LOG.ORGANIZATION_ID.eq(organizationId))
                .orderBy(AUDIT_LOG.TABLE_NAME)
                .fetch(AUDIT_LOG.TABLE_NAME);
    }
}
