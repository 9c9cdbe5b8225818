package org.deskcrm.invoice.persistence;

import java.util.UUID;
import org.deskcrm.platform.persistence.NotFoundException;
import org.deskcrm.platform.persistence.StaleRecordException;
import org.deskcrm.security.AccessDeniedException;
import org.deskcrm.security.rules.Rule;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;

/**
 * What to tell the user when a rule-checked {@code UPDATE ... WHERE id = ? AND version = ? AND
 * <write rule>} changed no row: the record is gone or invisible (not found), visible but not
 * theirs to change (access denied), or changed by someone else since they loaded it (stale).
 * Shared by the commerce repositories (products, orders, invoices, payments).
 */
public final class CheckedWrites {
    private CheckedWrites() {}

    public static RuntimeException whyNot(DSLContext dsl, Table<?> table, Field<UUID> idField, UUID id, long version,
            Rule rule, String what) {
        if (!dsl.fetchExists(table, idField.eq(id).and(rule.read()))) {
            return new NotFoundException("This " + what + " no longer exists or is not visible to you.");
        }
        if (!dsl.fetchExists(table, idField.eq(id).and(rule.write()))) {
            return new AccessDeniedException("You may view this " + what + " but not change it.");
        }
        return new StaleRecordException(table.getName(), id, version);
    }
}
