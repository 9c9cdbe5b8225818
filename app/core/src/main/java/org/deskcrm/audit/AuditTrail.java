package org.deskcrm.audit;

import java.util.List;
import java.util.UUID;
import org.deskcrm.security.CurrentUser;
import org.jooq.DSLContext;

/**
 * The read side of the audit log for screens: the audit browser (admins) and a record's history
 * panel (anyone who can see the record). Writes go through {@link AuditLog#record} inside the
 * transaction of the change.
 */
public final class AuditTrail {
    private final DSLContext dsl;
    private final AuditLog log;

    public AuditTrail(DSLContext dsl, AuditLog log) {
        this.dsl = dsl;
        this.log = log;
    }

    /** A page of the organization's log (audit_log:read). */
    public List<AuditEntry> search(CurrentUser user, AuditQuery query) {
        return log.search(dsl, user, query);
    }

    /** A page of one record's history, newest first; empty when the user may not see the record. */
    public List<AuditEntry> history(CurrentUser user, String table, UUID recordId, AuditEntry before, int limit) {
        return log.history(dsl, user, table, recordId, before, limit);
    }

    /** Table names in the log, for the entity filter (audit_log:read). */
    public List<String> tableNames(CurrentUser user) {
        return log.tableNames(dsl, user);
    }
}
