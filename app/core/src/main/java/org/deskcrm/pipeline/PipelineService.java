package org.deskcrm.pipeline;

import java.util.List;
import java.util.UUID;
import org.deskcrm.pipeline.persistence.PipelineRepository;
import org.deskcrm.platform.persistence.NotFoundException;
import org.deskcrm.security.Action;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.Resource;
import org.jooq.DSLContext;

/** Pipelines and stages as every member sees them (for the board, pickers and reports). */
public final class PipelineService {
    private final DSLContext dsl;
    private final PipelineRepository pipelines;

    public PipelineService(DSLContext dsl, PipelineRepository pipelines) {
        this.dsl = dsl;
        this.pipelines = pipelines;
    }

    /** Active pipelines, the default first... in the admin's order. */
    public List<Pipeline> pipelines(CurrentUser user) {
        return pipelines.pipelines(dsl, user, false);
    }

    /** Active and archived pipelines (stage administration). */
    public List<Pipeline> allPipelines(CurrentUser user) {
        return pipelines.pipelines(dsl, user, true);
    }

    public Pipeline pipeline(CurrentUser user, UUID id) {
        return pipelines.pipeline(dsl, user, id)
                .orElseThrow(() -> new NotFoundException("This pipeline does not exist any more or you may not see it."));
    }

    /** The pipeline new deals go to, or the first active one. */
    public Pipeline defaultPipeline(CurrentUser user) {
        return pipelines.defaultPipeline(dsl, user)
                .orElseThrow(() -> new NotFoundException("There is no active pipeline. An administrator can create one."));
    }

    /** The columns of the board: active stages in order. */
    public List<PipelineStage> stages(CurrentUser user, UUID pipelineId) {
        return pipelines.stages(dsl, user, pipelineId, false);
    }

    /** Every stage, archived ones included (history and administration). */
    public List<PipelineStage> allStages(CurrentUser user, UUID pipelineId) {
        return pipelines.stages(dsl, user, pipelineId, true);
    }

    /** Whether the user may administer pipelines and stages (the UI shows the admin dialog). */
    public static boolean canManage(CurrentUser user) {
        return user.can(Resource.PIPELINES, Action.MANAGE_STAGES) && user.isAdmin();
    }
}
