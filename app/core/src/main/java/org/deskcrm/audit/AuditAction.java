package org.deskcrm.audit;

import java.util.Locale;

/** What happened to a record (or a user session) in an audit row. */
public enum AuditAction {
    INSERT, UPDATE, DELETE, RESTORE, LOGIN, LOGIN_FAILED, LOGOUT, EXPORT, IMPORT, MERGE, STAGE_CHANGE, PERMISSION_CHANGE;

    public String dbName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AuditAction fromDb(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
