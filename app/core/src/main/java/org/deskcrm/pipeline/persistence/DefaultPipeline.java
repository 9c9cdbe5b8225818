package org.deskcrm.pipeline.persistence;

import static org.deskcrm.db.Tables.PIPELINES;
import static org.deskcrm.db.Tables.PIPELINE_STAGES;

import java.util.List;
import java.util.UUID;
import org.deskcrm.platform.id.Ids;
import org.deskcrm.security.OrganizationInitializer;
import org.jooq.DSLContext;

/**
 * The default sales pipeline of a new organization: seed 000's six deal stages with their
 * probabilities and colours (lead 10 %, qualified 25 %, proposal 50 %, negotiation 75 %,
 * won 100 %, lost 0 %), "won" and "lost" closed, "won" won.
 */
public final class DefaultPipeline implements OrganizationInitializer {

    /** One default stage. */
    public record StageSeed(String name, int probability, String color, boolean closed, boolean won) {}

    public static final List<StageSeed> STAGES = List.of(
            new StageSeed("Lead", 10, "#6366f1", false, false),
            new StageSeed("Qualified", 25, "#8b5cf6", false, false),
            new StageSeed("Proposal", 50, "#ec4899", false, false),
            new StageSeed("Negotiation", 75, "#f59e0b", false, false),
            new StageSeed("Won", 100, "#10b981", true, true),
            new StageSeed("Lost", 0, "#ef4444", true, false));

    @Override
    public void initialize(DSLContext tx, UUID organizationId, UUID adminUserId) {
        UUID pipelineId = Ids.newId();
        tx.insertInto(PIPELINES)
                .set(PIPELINES.ID, pipelineId)
                .set(PIPELINES.ORGANIZATION_ID, organizationId)
                .set(PIPELINES.NAME, "Sales")
                .set(PIPELINES.TYPE, "sales")
                .set(PIPELINES.IS_DEFAULT, true)
                .set(PIPELINES.POSITION, 0)
                .set(PIPELINES.CREATED_BY, adminUserId)
                .execute();
        int position = 0;
        for (StageSeed s : STAGES) {
            tx.insertInto(PIPELINE_STAGES)
                    .set(PIPELINE_STAGES.ID, Ids.newId())
                    .set(PIPELINE_STAGES.ORGANIZATION_ID, organizationId)
                    .set(PIPELINE_STAGES.PIPELINE_ID, pipelineId)
                    .set(PIPELINE_STAGES.NAME, s.name())
                    .set(PIPELINE_STAGES.POSITION, position++)
                    .set(PIPELINE_STAGES.COLOR, s.color())
                    .set(PIPELINE_STAGES.DEFAULT_PROBABILITY, s.probability())
                    .set(PIPELINE_STAGES.IS_CLOSED, s.closed())
                    .set(PIPELINE_STAGES.IS_WON, s.won())
                    .set(PIPELINE_STAGES.CREATED_BY, adminUserId)
                    .execute();
        }
    }
}
