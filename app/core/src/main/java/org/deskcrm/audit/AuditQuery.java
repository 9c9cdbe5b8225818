package org.deskcrm.audit;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Filters of the audit browser; all optional. Paging is keyset on (created_at, id) descending:
 * pass the last entry of the previous page as {@code before}.
 */
public record AuditQuery(UUID userId, String tableName, UUID recordId, OffsetDateTime from, OffsetDateTime to,
        AuditEntry before, int limit) {

    public static AuditQuery latest(int limit) {
        return new AuditQuery(null, null, null, null, null, null, limit);
    }

    public static AuditQuery forRecord(String table, UUID recordId) {
        return new AuditQuery(null, table, recordId, null, null, null, 200);
    }
}
