package org.deskcrm.pipeline.ui;

import java.util.UUID;

/** What the deal detail page should show: an existing deal, or a new one (optionally for a company, in a stage). */
public record DetailRequest(UUID dealId, UUID pipelineId, UUID stageId, UUID companyId) {

    public static DetailRequest existing(UUID dealId) {
        return new DetailRequest(dealId, null, null, null);
    }

    public static DetailRequest create(UUID pipelineId, UUID stageId, UUID companyId) {
        return new DetailRequest(null, pipelineId, stageId, companyId);
    }

    public boolean isNew() {
        return dealId == null;
    }
}
