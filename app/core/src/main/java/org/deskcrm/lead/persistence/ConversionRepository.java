package org.deskcrm.lead.persistence;

import static org.deskcrm.db.Tables.ACTIVITIES;
import static org.deskcrm.db.Tables.DEALS;
import static org.deskcrm.db.Tables.DEAL_STAGE_HISTORY;
import static org.deskcrm.db.Tables.DOCUMENTS;
import static org.deskcrm.db.Tables.NOTES;
import static org.deskcrm.db.Tables.ORGANIZATIONS;
import static org.deskcrm.db.Tables.PIPELINES;
import static org.deskcrm.db.Tables.PIPELINE_STAGES;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.deskcrm.platform.id.Ids;
import org.deskcrm.platform.text.Normalize;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The writes of a lead conversion outside the lead, company and contact tables: the optional
 * deal (placed like SR-7 places a new deal, since the pipeline feature owns deals in general)
 * and moving the lead's history onto the new contact and company.
 */
public final class ConversionRepository {

    /** The default pipeline's first open stage. */
    public record FirstStage(UUID pipelineId, UUID stageId, String stageName, int probability) {}

    public Optional<FirstStage> defaultFirstStage(DSLContext dsl, UUID organizationId) {
        return dsl.select(PIPELINES.ID, PIPELINE_STAGES.ID, PIPELINE_STAGES.NAME, PIPELINE_STAGES.DEFAULT_PROBABILITY)
                .from(PIPELINES)
                .join(PIPELINE_STAGES).on(PIPELINE_STAGES.PIPELINE_ID.eq(PIPELINES.ID))
                .where(PIPELINES.ORGANIZATION_ID.eq(organizationId)
                        .and(PIPELINES.IS_DEFAULT.isTrue())
                        .and(PIPELINES.DELETED_AT.isNull()).and(PIPELINES.ARCHIVED_AT.isNull())
                        .and(PIPELINE_STAGES.DELETED_AT.isNull()).and(PIPELINE_STAGES.ARCHIVED_AT.isNull())
                        .and(PIPELINE_STAGES.IS_CLOSED.isFalse()))
                .orderBy(PIPELINE_STAGES.POSITION)
                .limit(1)
                .fetchOptional(r -> new FirstStage(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    public String organizationCurrency(DSLContext dsl, UUID organizationId) {
        return dsl.select(ORGANIZATIONS.CURRENCY).from(ORGANIZATIONS).where(ORGANIZATIONS.ID.eq(organizationId))
                .fetchSingle().value1();
    }

    /** Inserts the deal with expected revenue (SR-7), position at the end of the stage and its first history row. */
    public UUID insertDeal(DSLContext dsl, UUID organizationId, FirstStage stage, String name, UUID companyId, UUID contactId,
            BigDecimal value, String currency, LocalDate expectedClose, String source, UUID ownerId, UUID userId,
            OffsetDateTime now) {
        UUID id = Ids.newId();
        long position = dsl.select(DSL.coalesce(DSL.max(DEALS.POSITION), DSL.inline(0L))).from(DEALS)
                .where(DEALS.STAGE_ID.eq(stage.stageId()).and(DEALS.DELETED_AT.isNull()))
                .fetchSingle().value1() + 1024;
        BigDecimal expected = value.multiply(BigDecimal.valueOf(stage.probability()))
                .divide(BigDecimal.valueOf(100), 4, RoundingMode.HALF_UP);
        dsl.insertInto(DEALS)
                .set(DEALS.ID, id)
                .set(DEALS.ORGANIZATION_ID, organizationId)
                .set(DEALS.PIPELINE_ID, stage.pipelineId())
                .set(DEALS.STAGE_ID, stage.stageId())
                .set(DEALS.POSITION, position)
                .set(DEALS.NAME, name)
                .set(DEALS.NAME_LC, Normalize.key(name))
                .set(DEALS.COMPANY_ID, companyId)
                .set(DEALS.CONTACT_ID, contactId)
                .set(DEALS.DEAL_VALUE, value)
                .set(DEALS.CURRENCY, currency)
                .set(DEALS.PROBABILITY, stage.probability())
                .set(DEALS.EXPECTED_REVENUE, expected)
                .set(DEALS.STATUS, "open")
                .set(DEALS.EXPECTED_CLOSE_DATE, expectedClose)
                .set(DEALS.STAGE_ENTERED_AT, now)
                .set(DEALS.SOURCE, source)
                .set(DEALS.OWNER_ID, ownerId)
                .set(DEALS.CREATED_AT, now)
                .set(DEALS.UPDATED_AT, now)
                .set(DEALS.CREATED_BY, userId)
                .execute();
        dsl.insertInto(DEAL_STAGE_HISTORY)
                .set(DEAL_STAGE_HISTORY.ID, Ids.newId())
                .set(DEAL_STAGE_HISTORY.ORGANIZATION_ID, organizationId)
                .set(DEAL_STAGE_HISTORY.DEAL_ID, id)
                .set(DEAL_STAGE_HISTORY.TO_STAGE_ID, stage.stageId())
                .set(DEAL_STAGE_HISTORY.TO_STAGE_NAME, stage.stageName())
                .set(DEAL_STAGE_HISTORY.CHANGED_BY, userId)
                .set(DEAL_STAGE_HISTORY.CHANGED_AT, now)
                .set(DEAL_STAGE_HISTORY.NOTE, "Created by converting a lead")
                .set(DEAL_STAGE_HISTORY.CREATED_AT, now)
                .execute();
        return id;
    }

    public org.jooq.Record loadDeal(DSLContext dsl, UUID id) {
        return dsl.fetchOne(DEALS, DEALS.ID.eq(id));
    }

    /** The lead's activities, notes and documents now also belong to the contact and company (lead_id stays). */
    public int moveHistory(DSLContext dsl, UUID organizationId, UUID leadId, UUID contactId, UUID companyId, OffsetDateTime now) {
        int n = dsl.update(ACTIVITIES)
                .set(ACTIVITIES.CONTACT_ID, contactId)
                .set(ACTIVITIES.COMPANY_ID, companyId)
                .set(ACTIVITIES.VERSION, ACTIVITIES.VERSION.plus(1))
                .set(ACTIVITIES.UPDATED_AT, now)
                .where(ACTIVITIES.ORGANIZATION_ID.eq(organizationId).and(ACTIVITIES.LEAD_ID.eq(leadId))
                        .and(ACTIVITIES.DELETED_AT.isNull()))
                .execute();
        n += dsl.update(NOTES)
                .set(NOTES.CONTACT_ID, contactId)
                .set(NOTES.COMPANY_ID, companyId)
                .set(NOTES.VERSION, NOTES.VERSION.plus(1))
                .set(NOTES.UPDATED_AT, now)
                .where(NOTES.ORGANIZATION_ID.eq(organizationId).and(NOTES.LEAD_ID.eq(leadId)).and(NOTES.DELETED_AT.isNull()))
                .execute();
        n += dsl.update(DOCUMENTS)
                .set(DOCUMENTS.COMPANY_ID, companyId)
                .set(DOCUMENTS.VERSION, DOCUMENTS.VERSION.plus(1))
                .set(DOCUMENTS.UPDATED_AT, now)
                .where(DOCUMENTS.ORGANIZATION_ID.eq(organizationId).and(DOCUMENTS.ENTITY_TYPE.eq("lead"))
                        .and(DOCUMENTS.ENTITY_ID.eq(leadId)).and(DOCUMENTS.DELETED_AT.isNull()))
                .execute();
        return n;
    }
}
