package org.deskcrm.pipeline.persistence;

import static org.deskcrm.db.Tables.DEALS;
import static org.deskcrm.db.Tables.DEAL_STAGE_HISTORY;
import static org.deskcrm.db.Tables.LEADS;
import static org.deskcrm.db.Tables.PIPELINE_STAGES;
import static org.deskcrm.db.Tables.USERS;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.extract;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.trueCondition;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.rules.RecordRules;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.DatePart;
import org.jooq.Field;

/**
 * The forecast's aggregates, each one query with the user's record rules in its WHERE clause
 * (the V9 analytics views cannot apply rules, so these are their rule-aware equivalents).
 */
public final class ForecastRepository {

    public record MonthRow(Integer year, Integer month, String currency, long count, BigDecimal total, BigDecimal weighted) {}

    public record OwnerRow(UUID ownerId, String ownerName, String currency, long count, BigDecimal total, BigDecimal weighted) {}

    public record ClosedRow(String status, String currency, long count, BigDecimal total) {}

    public record StageRow(UUID stageId, String stageName, Integer position, long moves, long seconds) {}

    public record CycleRow(UUID dealId, OffsetDateTime first, OffsetDateTime last) {}

    public record FunnelRow(String stage, String currency, long count, BigDecimal total) {}

    /** Open deals by expected close year, month (null when no date) and currency. */
    public List<MonthRow> openByMonth(DSLContext dsl, CurrentUser user, UUID pipelineId) {
        Field<Integer> year = extract(DEALS.EXPECTED_CLOSE_DATE, DatePart.YEAR);
        Field<Integer> month = extract(DEALS.EXPECTED_CLOSE_DATE, DatePart.MONTH);
        return dsl.select(year, month, DEALS.CURRENCY, count(), sum(DEALS.DEAL_VALUE), sum(DEALS.EXPECTED_REVENUE))
                .from(DEALS)
                .where(open(user, pipelineId))
                .groupBy(year, month, DEALS.CURRENCY)
                .fetch(r -> new MonthRow(r.value1(), r.value2(), r.value3(), r.value4(), nz(r.value5()), nz(r.value6())));
    }

    /** Open deals by owner and currency. */
    public List<OwnerRow> openByOwner(DSLContext dsl, CurrentUser user, UUID pipelineId) {
        return dsl.select(DEALS.OWNER_ID, USERS.FULL_NAME, DEALS.CURRENCY, count(), sum(DEALS.DEAL_VALUE),
                        sum(DEALS.EXPECTED_REVENUE))
                .from(DEALS)
                .leftJoin(USERS).on(USERS.ID.eq(DEALS.OWNER_ID))
                .where(open(user, pipelineId))
                .groupBy(DEALS.OWNER_ID, USERS.FULL_NAME, DEALS.CURRENCY)
                .fetch(r -> new OwnerRow(r.value1(), r.value2(), r.value3(), r.value4(), nz(r.value5()), nz(r.value6())));
    }

    /** Won and lost deals with an actual close date in [from, to], by status and currency. */
    public List<ClosedRow> closed(DSLContext dsl, CurrentUser user, UUID pipelineId, LocalDate from, LocalDate to) {
        return dsl.select(DEALS.STATUS, DEALS.CURRENCY, count(), sum(DEALS.DEAL_VALUE))
                .from(DEALS)
                .where(DEALS.ORGANIZATION_ID.eq(user.organizationId())
                        .and(pipeline(pipelineId))
                        .and(DEALS.STATUS.in("won", "lost"))
                        .and(DEALS.ACTUAL_CLOSE_DATE.between(from, to))
                        .and(RecordRules.deals(user).read()))
                .groupBy(DEALS.STATUS, DEALS.CURRENCY)
                .fetch(r -> new ClosedRow(r.value1(), r.value2(), r.value3(), nz(r.value4())));
    }

    /** Time spent in each stage, from history rows of stage changes in [from, to). */
    public List<StageRow> stageDurations(DSLContext dsl, CurrentUser user, UUID pipelineId, OffsetDateTime from,
            OffsetDateTime to) {
        return dsl.select(DEAL_STAGE_HISTORY.FROM_STAGE_ID, max(DEAL_STAGE_HISTORY.FROM_STAGE_NAME), max(PIPELINE_STAGES.NAME),
                        max(PIPELINE_STAGES.POSITION), count(), sum(DEAL_STAGE_HISTORY.DURATION_IN_PREVIOUS_SECONDS))
                .from(DEAL_STAGE_HISTORY)
                .join(DEALS).on(DEALS.ID.eq(DEAL_STAGE_HISTORY.DEAL_ID))
                .leftJoin(PIPELINE_STAGES).on(PIPELINE_STAGES.ID.eq(DEAL_STAGE_HISTORY.FROM_STAGE_ID))
                .where(DEAL_STAGE_HISTORY.ORGANIZATION_ID.eq(user.organizationId())
                        .and(DEAL_STAGE_HISTORY.FROM_STAGE_ID.isNotNull())
                        .and(DEAL_STAGE_HISTORY.DURATION_IN_PREVIOUS_SECONDS.isNotNull())
                        .and(DEAL_STAGE_HISTORY.CHANGED_AT.ge(from))
                        .and(DEAL_STAGE_HISTORY.CHANGED_AT.lt(to))
                        .and(pipelineId == null ? trueCondition() : PIPELINE_STAGES.PIPELINE_ID.eq(pipelineId))
                        .and(RecordRules.deals(user).read()))
                .groupBy(DEAL_STAGE_HISTORY.FROM_STAGE_ID)
                .fetch(r -> new StageRow(r.value1(), r.value3() != null ? r.value3() : r.value2(), r.value4(), r.value5(),
                        r.value6() == null ? 0 : r.value6().longValue()));
    }

    /** For deals won in [from, to]: first and last stage change instants. */
    public List<CycleRow> wonCycles(DSLContext dsl, CurrentUser user, UUID pipelineId, LocalDate from, LocalDate to) {
        return dsl.select(DEAL_STAGE_HISTORY.DEAL_ID, min(DEAL_STAGE_HISTORY.CHANGED_AT), max(DEAL_STAGE_HISTORY.CHANGED_AT))
                .from(DEAL_STAGE_HISTORY)
                .join(DEALS).on(DEALS.ID.eq(DEAL_STAGE_HISTORY.DEAL_ID))
                .where(DEALS.ORGANIZATION_ID.eq(user.organizationId())
                        .and(pipeline(pipelineId))
                        .and(DEALS.STATUS.eq("won"))
                        .and(DEALS.ACTUAL_CLOSE_DATE.between(from, to))
                        .and(RecordRules.deals(user).read()))
                .groupBy(DEAL_STAGE_HISTORY.DEAL_ID)
                .fetch(r -> new CycleRow(r.value1(), r.value2(), r.value3()));
    }

    /** Live leads by stage and currency (seed 003 lead_conversion_funnel with the leads rule). */
    public List<FunnelRow> leadFunnel(DSLContext dsl, CurrentUser user) {
        return dsl.select(LEADS.STAGE, LEADS.CURRENCY, count(), sum(LEADS.ESTIMATED_VALUE))
                .from(LEADS)
                .where(LEADS.ORGANIZATION_ID.eq(user.organizationId()).and(RecordRules.leads(user).read()))
                .groupBy(LEADS.STAGE, LEADS.CURRENCY)
                .fetch(r -> new FunnelRow(r.value1(), r.value2(), r.value3(), nz(r.value4())));
    }

    private static Condition open(CurrentUser user, UUID pipelineId) {
        return DEALS.ORGANIZATION_ID.eq(user.organizationId())
                .and(pipeline(pipelineId))
                .and(DEALS.STATUS.eq("open"))
                .and(RecordRules.deals(user).read());
    }

    private static Condition pipeline(UUID pipelineId) {
        return pipelineId == null ? trueCondition() : DEALS.PIPELINE_ID.eq(pipelineId);
    }

    private static BigDecimal nz(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }
}
