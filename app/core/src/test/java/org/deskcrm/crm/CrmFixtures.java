package org.deskcrm.crm;

import static org.deskcrm.db.Tables.COMPANIES;
import static org.deskcrm.db.Tables.CONTACTS;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.deskcrm.platform.id.Ids;
import org.deskcrm.platform.persistence.SyncColumns;
import org.deskcrm.platform.text.Normalize;
import org.jooq.DSLContext;

/** Many rows at once for list and bulk tests (one batch insert, not through the services). */
public final class CrmFixtures {
    private CrmFixtures() {}

    /** Companies named {@code names[i % names.length]}; every third has no last-contacted date. */
    public static List<UUID> companies(DSLContext dsl, UUID org, UUID owner, int n, String... names) {
        List<UUID> ids = new ArrayList<>();
        var insert = dsl.insertInto(COMPANIES, COMPANIES.ID, COMPANIES.ORGANIZATION_ID, COMPANIES.NAME, COMPANIES.NAME_LC,
                COMPANIES.OWNER_ID, COMPANIES.LEAD_SCORE, COMPANIES.ENGAGEMENT_SCORE, COMPANIES.LAST_CONTACTED_AT,
                COMPANIES.CREATED_AT, COMPANIES.UPDATED_AT);
        OffsetDateTime base = SyncColumns.now().minusDays(400);
        for (int i = 0; i < n; i++) {
            UUID id = Ids.newId();
            ids.add(id);
            String name = names[i % names.length];
            insert = insert.values(id, org, name, Normalize.key(name), owner, i % 7 * 10, i % 5 * 20,
                    i % 3 == 0 ? null : base.plusDays(i % 11), base.plusHours(i % 4), base.plusHours(i % 6));
        }
        insert.execute();
        return ids;
    }

    public static List<UUID> contacts(DSLContext dsl, UUID org, UUID companyId, UUID owner, int n, String first, String last) {
        List<UUID> ids = new ArrayList<>();
        var insert = dsl.insertInto(CONTACTS, CONTACTS.ID, CONTACTS.ORGANIZATION_ID, CONTACTS.COMPANY_ID, CONTACTS.FIRST_NAME,
                CONTACTS.LAST_NAME, CONTACTS.FULL_NAME_LC, CONTACTS.LAST_NAME_LC, CONTACTS.OWNER_ID);
        for (int i = 0; i < n; i++) {
            UUID id = Ids.newId();
            ids.add(id);
            insert = insert.values(id, org, companyId, first, last + i, Normalize.fullName(first, last + i),
                    Normalize.key(last + i), owner);
        }
        insert.execute();
        return ids;
    }
}
