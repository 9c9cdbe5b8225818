package org.deskcrm.testing;

import static org.deskcrm.db.Tables.COMPANIES;
import static org.deskcrm.db.Tables.CONTACTS;
import static org.deskcrm.db.Tables.DEALS;
import static org.deskcrm.db.Tables.PIPELINES;
import static org.deskcrm.db.Tables.PIPELINE_STAGES;

import java.math.BigDecimal;
import java.util.UUID;
import org.deskcrm.platform.id.Ids;
import org.deskcrm.platform.text.Normalize;
import org.jooq.DSLContext;

/**
 * Minimal rows written straight to the tables, for tests that need data to exist without going
 * through the feature's own service (record-rule matrix, timelines).
 */
public final class Fixtures {
    private Fixtures() {}

    public static UUID company(DSLContext dsl, UUID organizationId, String name, UUID ownerId, String status) {
        UUID id = Ids.newId();
        dsl.insertInto(COMPANIES)
                .set(COMPANIES.ID, id)
                .set(COMPANIES.ORGANIZATION_ID, organizationId)
                .set(COMPANIES.NAME, name)
                .set(COMPANIES.NAME_LC, Normalize.key(name))
                .set(COMPANIES.OWNER_ID, ownerId)
                .set(COMPANIES.STATUS, status)
                .execute();
        return id;
    }

    public static UUID contact(DSLContext dsl, UUID organizationId, UUID companyId, String first, String last, UUID ownerId) {
        UUID id = Ids.newId();
        dsl.insertInto(CONTACTS)
                .set(CONTACTS.ID, id)
                .set(CONTACTS.ORGANIZATION_ID, organizationId)
                .set(CONTACTS.COMPANY_ID, companyId)
                .set(CONTACTS.FIRST_NAME, first)
                .set(CONTACTS.LAST_NAME, last)
                .set(CONTACTS.FULL_NAME_LC, Normalize.fullName(first, last))
                .set(CONTACTS.OWNER_ID, ownerId)
                .execute();
        return id;
    }

    /** A deal in the first stage of the organization's default pipeline. */
    public static UUID deal(DSLContext dsl, UUID organizationId, String name, UUID companyId, UUID ownerId, BigDecimal value) {
        UUID pipeline = dsl.select(PIPELINES.ID).from(PIPELINES)
                .where(PIPELINES.ORGANIZATION_ID.eq(organizationId).and(PIPELINES.IS_DEFAULT.isTrue()))
                .fetchSingle(PIPELINES.ID);
        UUID stage = dsl.select(PIPELINE_STAGES.ID).from(PIPELINE_STAGES)
                .where(PIPELINE_STAGES.PIPELINE_ID.eq(pipeline))
                .orderBy(PIPELINE_STAGES.POSITION).limit(1).fetchSingle(PIPELINE_STAGES.ID);
        UUID id = Ids.newId();
        dsl.insertInto(DEALS)
                .set(DEALS.ID, id)
                .set(DEALS.ORGANIZATION_ID, organizationId)
                .set(DEALS.PIPELINE_ID, pipeline)
                .set(DEALS.STAGE_ID, stage)
                .set(DEALS.NAME, name)
                .set(DEALS.NAME_LC, Normalize.key(name))
                .set(DEALS.COMPANY_ID, companyId)
                .set(DEALS.OWNER_ID, ownerId)
                .set(DEALS.DEAL_VALUE, value)
                .execute();
        return id;
    }
}
