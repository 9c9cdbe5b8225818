/**
 * The pipeline screen: kanban board (virtualized columns, mouse and keyboard moves), deal list,
 * forecast, the deal page and pipeline/stage administration; {@link org.deskcrm.pipeline.ui.PipelineFeature}
 * wires them (and the dashboard) into the app.
 */
package org.deskcrm.pipeline.ui;
