package org.deskcrm.deal;

import org.deskcrm.pipeline.PipelineStage;

/** A board column: the stage, its totals and its first page of cards. */
public record StageColumn(PipelineStage stage, StageTotals totals, CardPage page) {}
