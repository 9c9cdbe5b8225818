package org.deskcrm.company.persistence;

import static org.deskcrm.db.Tables.INDUSTRIES;

import java.util.List;
import java.util.UUID;
import org.deskcrm.platform.id.Ids;
import org.deskcrm.security.OrganizationInitializer;
import org.jooq.DSLContext;

/** Seed 000's industry list, written into every new organization (admins edit it later). */
public final class DefaultIndustries implements OrganizationInitializer {
    public static final List<String> NAMES = List.of("Technology", "Healthcare", "Finance", "E-commerce",
            "Education", "Manufacturing", "Real Estate", "Consulting", "Marketing", "Other");

    @Override
    public void initialize(DSLContext tx, UUID organizationId, UUID adminUserId) {
        var insert = tx.insertInto(INDUSTRIES, INDUSTRIES.ID, INDUSTRIES.ORGANIZATION_ID, INDUSTRIES.NAME, INDUSTRIES.CREATED_BY);
        for (String name : NAMES) {
            insert = insert.values(Ids.newId(), organizationId, name, adminUserId);
        }
        insert.execute();
    }
}
