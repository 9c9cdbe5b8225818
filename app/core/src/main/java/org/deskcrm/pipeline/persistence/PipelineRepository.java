package org.deskcrm.pipeline.persistence;

import static org.deskcrm.db.Tables.DEALS;
import static org.deskcrm.db.Tables.PIPELINES;
import static org.deskcrm.db.Tables.PIPELINE_STAGES;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.deskcrm.db.tables.records.PipelineStagesRecord;
import org.deskcrm.db.tables.records.PipelinesRecord;
import org.deskcrm.pipeline.Pipeline;
import org.deskcrm.pipeline.PipelineStage;
import org.deskcrm.pipeline.PipelineType;
import org.deskcrm.pipeline.StageDraft;
import org.deskcrm.platform.persistence.SyncColumns;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.rules.RecordRules;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;

/** Pipelines and stages; reads apply the pipelines / pipeline_stages record rules. */
public final class PipelineRepository {
    private static final GuardedWrite<PipelinesRecord> PIPELINE_WRITE = new GuardedWrite<>(PIPELINES, "pipeline");
    private static final GuardedWrite<PipelineStagesRecord> STAGE_WRITE = new GuardedWrite<>(PIPELINE_STAGES, "stage");

    // ------------------------------------------------------------------ reads

    public List<Pipeline> pipelines(DSLContext dsl, CurrentUser user, boolean includeArchived) {
        Condition c = RecordRules.pipelines(user).read();
        if (!includeArchived) {
            c = c.and(PIPELINES.ARCHIVED_AT.isNull());
        }
        return dsl.selectFrom(PIPELINES).where(c)
                .orderBy(PIPELINES.ARCHIVED_AT.isNotNull(), PIPELINES.POSITION, PIPELINES.NAME)
                .fetch(PipelineRepository::toPipeline);
    }

    public Optional<Pipeline> pipeline(DSLContext dsl, CurrentUser user, UUID id) {
        return dsl.selectFrom(PIPELINES).where(PIPELINES.ID.eq(id).and(RecordRules.pipelines(user).read()))
                .fetchOptional(PipelineRepository::toPipeline);
    }

    public Optional<Pipeline> defaultPipeline(DSLContext dsl, CurrentUser user) {
        return dsl.selectFrom(PIPELINES)
                .where(RecordRules.pipelines(user).read().and(PIPELINES.ARCHIVED_AT.isNull()))
                .orderBy(PIPELINES.IS_DEFAULT.desc(), PIPELINES.POSITION, PIPELINES.NAME)
                .limit(1)
                .fetchOptional(PipelineRepository::toPipeline);
    }

    public List<PipelineStage> stages(DSLContext dsl, CurrentUser user, UUID pipelineId, boolean includeArchived) {
        Condition c = PIPELINE_STAGES.PIPELINE_ID.eq(pipelineId).and(RecordRules.pipelineStages(user).read());
        if (!includeArchived) {
            c = c.and(PIPELINE_STAGES.ARCHIVED_AT.isNull());
        }
        return dsl.selectFrom(PIPELINE_STAGES).where(c).orderBy(PIPELINE_STAGES.POSITION)
                .fetch(PipelineRepository::toStage);
    }

    public Optional<PipelineStage> stage(DSLContext dsl, CurrentUser user, UUID stageId) {
        return dsl.selectFrom(PIPELINE_STAGES)
                .where(PIPELINE_STAGES.ID.eq(stageId).and(RecordRules.pipelineStages(user).read()))
                .fetchOptional(PipelineRepository::toStage);
    }

    public boolean pipelineNameTaken(DSLContext dsl, UUID organizationId, String name, UUID except) {
        Condition c = PIPELINES.ORGANIZATION_ID.eq(organizationId).and(PIPELINES.NAME.equalIgnoreCase(name));
        if (except != null) {
            c = c.and(PIPELINES.ID.ne(except));
        }
        return dsl.fetchExists(PIPELINES, c);
    }

    public boolean stageNameTaken(DSLContext dsl, UUID pipelineId, String name, UUID except) {
        Condition c = PIPELINE_STAGES.PIPELINE_ID.eq(pipelineId).and(PIPELINE_STAGES.NAME.equalIgnoreCase(name));
        if (except != null) {
            c = c.and(PIPELINE_STAGES.ID.ne(except));
        }
        return dsl.fetchExists(PIPELINE_STAGES, c);
    }

    public int openDealCount(DSLContext dsl, UUID organizationId, UUID stageId) {
        return dsl.fetchCount(DEALS, DEALS.ORGANIZATION_ID.eq(organizationId).and(DEALS.STAGE_ID.eq(stageId))
                .and(DEALS.STATUS.eq("open")).and(DEALS.DELETED_AT.isNull()));
    }

    public int liveDealCount(DSLContext dsl, UUID organizationId, UUID stageId) {
        return dsl.fetchCount(DEALS, DEALS.ORGANIZATION_ID.eq(organizationId).and(DEALS.STAGE_ID.eq(stageId))
                .and(DEALS.DELETED_AT.isNull()));
    }

    public int openDealCountInPipeline(DSLContext dsl, UUID organizationId, UUID pipelineId) {
        return dsl.fetchCount(DEALS, DEALS.ORGANIZATION_ID.eq(organizationId).and(DEALS.PIPELINE_ID.eq(pipelineId))
                .and(DEALS.STATUS.eq("open")).and(DEALS.DELETED_AT.isNull()));
    }

    public int nextPipelinePosition(DSLContext dsl, UUID organizationId) {
        Integer max = dsl.select(org.jooq.impl.DSL.max(PIPELINES.POSITION)).from(PIPELINES)
                .where(PIPELINES.ORGANIZATION_ID.eq(organizationId)).fetchOne(0, Integer.class);
        return max == null ? 0 : max + 1;
    }

    public PipelinesRecord loadPipeline(DSLContext dsl, UUID id) {
        return dsl.fetchOne(PIPELINES, PIPELINES.ID.eq(id));
    }

    public PipelineStagesRecord loadStage(DSLContext dsl, UUID id) {
        return dsl.fetchOne(PIPELINE_STAGES, PIPELINE_STAGES.ID.eq(id));
    }

    /** Every stage of the pipeline (archived and tombstoned too): positions are unique across them all. */
    public List<PipelineStagesRecord> allStageRows(DSLContext dsl, UUID pipelineId) {
        return dsl.selectFrom(PIPELINE_STAGES).where(PIPELINE_STAGES.PIPELINE_ID.eq(pipelineId))
                .orderBy(PIPELINE_STAGES.POSITION).fetch();
    }

    // ------------------------------------------------------------------ writes

    public void insertPipeline(DSLContext tx, UUID organizationId, UUID id, String name, String description,
            PipelineType type, int position, boolean isDefault, UUID createdBy) {
        var now = SyncColumns.now();
        tx.insertInto(PIPELINES)
                .set(PIPELINES.ID, id)
                .set(PIPELINES.ORGANIZATION_ID, organizationId)
                .set(PIPELINES.NAME, name)
                .set(PIPELINES.DESCRIPTION, description)
                .set(PIPELINES.TYPE, type.dbName())
                .set(PIPELINES.IS_DEFAULT, isDefault)
                .set(PIPELINES.POSITION, position)
                .set(PIPELINES.CREATED_AT, now)
                .set(PIPELINES.UPDATED_AT, now)
                .set(PIPELINES.CREATED_BY, createdBy)
                .execute();
    }

    public void updatePipeline(DSLContext tx, CurrentUser user, UUID id, long version, String name, String description,
            PipelineType type) {
        PIPELINE_WRITE.update(tx, RecordRules.pipelines(user), id, version, u -> u
                .set(PIPELINES.NAME, name)
                .set(PIPELINES.DESCRIPTION, description)
                .set(PIPELINES.TYPE, type.dbName()));
    }

    public void setPipelineArchived(DSLContext tx, CurrentUser user, UUID id, long version, OffsetDateTime archivedAt) {
        PIPELINE_WRITE.update(tx, RecordRules.pipelines(user), id, version, u -> u
                .set(PIPELINES.ARCHIVED_AT, archivedAt)
                .set(PIPELINES.IS_DEFAULT, archivedAt == null ? PIPELINES.IS_DEFAULT : org.jooq.impl.DSL.inline(false)));
    }

    /** Makes one pipeline the organization's default and clears the flag on the others (version-bumped). */
    public void setDefault(DSLContext tx, CurrentUser user, UUID id, long version) {
        tx.update(PIPELINES)
                .set(PIPELINES.IS_DEFAULT, false)
                .set(PIPELINES.VERSION, PIPELINES.VERSION.plus(1))
                .set(PIPELINES.UPDATED_AT, SyncColumns.now())
                .where(PIPELINES.ORGANIZATION_ID.eq(user.organizationId())
                        .and(PIPELINES.IS_DEFAULT.isTrue()).and(PIPELINES.ID.ne(id)))
                .execute();
        PIPELINE_WRITE.update(tx, RecordRules.pipelines(user), id, version, u -> u.set(PIPELINES.IS_DEFAULT, true));
    }

    public void insertStage(DSLContext tx, UUID organizationId, UUID pipelineId, UUID id, StageDraft d, int position,
            UUID createdBy) {
        var now = SyncColumns.now();
        tx.insertInto(PIPELINE_STAGES)
                .set(PIPELINE_STAGES.ID, id)
                .set(PIPELINE_STAGES.ORGANIZATION_ID, organizationId)
                .set(PIPELINE_STAGES.PIPELINE_ID, pipelineId)
                .set(PIPELINE_STAGES.NAME, d.name())
                .set(PIPELINE_STAGES.DESCRIPTION, d.description())
                .set(PIPELINE_STAGES.POSITION, position)
                .set(PIPELINE_STAGES.COLOR, d.color())
                .set(PIPELINE_STAGES.DEFAULT_PROBABILITY, d.defaultProbability())
                .set(PIPELINE_STAGES.IS_CLOSED, d.closed())
                .set(PIPELINE_STAGES.IS_WON, d.won())
                .set(PIPELINE_STAGES.CREATED_AT, now)
                .set(PIPELINE_STAGES.UPDATED_AT, now)
                .set(PIPELINE_STAGES.CREATED_BY, createdBy)
                .execute();
    }

    public void updateStage(DSLContext tx, CurrentUser user, UUID id, long version, StageDraft d) {
        STAGE_WRITE.update(tx, RecordRules.pipelineStages(user), id, version, u -> u
                .set(PIPELINE_STAGES.NAME, d.name())
                .set(PIPELINE_STAGES.DESCRIPTION, d.description())
                .set(PIPELINE_STAGES.COLOR, d.color())
                .set(PIPELINE_STAGES.DEFAULT_PROBABILITY, d.defaultProbability())
                .set(PIPELINE_STAGES.IS_CLOSED, d.closed())
                .set(PIPELINE_STAGES.IS_WON, d.won()));
    }

    public void setStageArchived(DSLContext tx, CurrentUser user, UUID id, long version, OffsetDateTime archivedAt) {
        STAGE_WRITE.update(tx, RecordRules.pipelineStages(user), id, version,
                u -> u.set(PIPELINE_STAGES.ARCHIVED_AT, archivedAt));
    }

    /**
     * Gives the stages of a pipeline the positions 0, 1, 2, ... in {@code order}. Positions are unique
     * per pipeline, so every stage first moves to a negative position, then to its final one (SR-9).
     * Stages whose position does not change are left alone.
     */
    public List<UUID> renumberStages(DSLContext tx, UUID pipelineId, List<UUID> order) {
        var rows = allStageRows(tx, pipelineId);
        List<UUID> changed = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            UUID id = order.get(i);
            int current = rows.stream().filter(r -> r.getId().equals(id)).findFirst().orElseThrow().getPosition();
            if (current != i) {
                changed.add(id);
            }
        }
        var now = SyncColumns.now();
        for (int i = 0; i < changed.size(); i++) {
            tx.update(PIPELINE_STAGES).set(PIPELINE_STAGES.POSITION, -(i + 1))
                    .where(PIPELINE_STAGES.ID.eq(changed.get(i))).execute();
        }
        for (UUID id : changed) {
            tx.update(PIPELINE_STAGES)
                    .set(PIPELINE_STAGES.POSITION, order.indexOf(id))
                    .set(PIPELINE_STAGES.VERSION, PIPELINE_STAGES.VERSION.plus(1))
                    .set(PIPELINE_STAGES.UPDATED_AT, now)
                    .where(PIPELINE_STAGES.ID.eq(id)).execute();
        }
        return changed;
    }

    // ------------------------------------------------------------------ mapping

    public static Pipeline toPipeline(Record r) {
        return new Pipeline(r.get(PIPELINES.ID), r.get(PIPELINES.NAME), r.get(PIPELINES.DESCRIPTION),
                PipelineType.fromDb(r.get(PIPELINES.TYPE)), r.get(PIPELINES.IS_DEFAULT), r.get(PIPELINES.POSITION),
                r.get(PIPELINES.ARCHIVED_AT), r.get(PIPELINES.VERSION));
    }

    public static PipelineStage toStage(Record r) {
        return new PipelineStage(r.get(PIPELINE_STAGES.ID), r.get(PIPELINE_STAGES.PIPELINE_ID), r.get(PIPELINE_STAGES.NAME),
                r.get(PIPELINE_STAGES.DESCRIPTION), r.get(PIPELINE_STAGES.POSITION), r.get(PIPELINE_STAGES.COLOR),
                r.get(PIPELINE_STAGES.DEFAULT_PROBABILITY), r.get(PIPELINE_STAGES.IS_CLOSED), r.get(PIPELINE_STAGES.IS_WON),
                r.get(PIPELINE_STAGES.ARCHIVED_AT), r.get(PIPELINE_STAGES.VERSION));
    }
}
