package org.deskcrm.security.persistence;

import static org.deskcrm.db.Tables.COMPANIES;
import static org.deskcrm.db.Tables.CONTACTS;
import static org.deskcrm.db.Tables.DEALS;
import static org.deskcrm.db.Tables.INVOICES;
import static org.deskcrm.db.Tables.LEADS;
import static org.deskcrm.db.Tables.ORDERS;

import java.util.UUID;
import org.deskcrm.platform.persistence.NotFoundException;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.rules.RecordRules;
import org.deskcrm.security.rules.Rule;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;

/**
 * "May this user see / change record X?" for records linked from elsewhere (an activity's
 * company, a note's deal, an event's contact): the same record rules, asked for one row.
 */
public final class RecordAccess {

    /** Entity types that other records link to. */
    public enum Linked {
        COMPANY, CONTACT, DEAL, LEAD, INVOICE, ORDER
    }

    public boolean canRead(DSLContext dsl, CurrentUser user, Linked type, UUID id) {
        return id != null && exists(dsl, type, id, rule(user, type).read());
    }

    public boolean canWrite(DSLContext dsl, CurrentUser user, Linked type, UUID id) {
        return id != null && exists(dsl, type, id, rule(user, type).write());
    }

    /** Throws NotFoundException (which also covers "not visible") unless the linked record can be read. */
    public void requireReadable(DSLContext dsl, CurrentUser user, Linked type, UUID id) {
        if (id != null && !canRead(dsl, user, type, id)) {
            throw new NotFoundException("The linked " + type.name().toLowerCase(java.util.Locale.ROOT)
                    + " does not exist or you may not see it.");
        }
    }

    private static Rule rule(CurrentUser user, Linked type) {
        return switch (type) {
            case COMPANY -> RecordRules.companies(user);
            case CONTACT -> RecordRules.contacts(user);
            case DEAL -> RecordRules.deals(user);
            case LEAD -> RecordRules.leads(user);
            case INVOICE -> RecordRules.invoices(user);
            case ORDER -> RecordRules.orders(user);
        };
    }

    private static boolean exists(DSLContext dsl, Linked type, UUID id, org.jooq.Condition rule) {
        Table<?> table = switch (type) {
            case COMPANY -> COMPANIES;
            case CONTACT -> CONTACTS;
            case DEAL -> DEALS;
            case LEAD -> LEADS;
            case INVOICE -> INVOICES;
            case ORDER -> ORDERS;
        };
        @SuppressWarnings("unchecked")
        Field<UUID> idField = (Field<UUID>) table.field("id");
        return dsl.fetchExists(table, idField.eq(id).and(rule));
    }
}
