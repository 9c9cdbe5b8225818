/**
 * Pipelines and their stages (seeds 000, 002, 004): reading them for the board, administering
 * them (create, rename, reorder, recolor, archive; default probability; closed/won flags), and
 * the sales forecast built from deals and their stage history.
 */
package org.deskcrm.pipeline;
