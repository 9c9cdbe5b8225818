package org.deskcrm.deal;

import java.util.UUID;

/**
 * The moved deal's card, the stage it came from, and whether its column had to be renumbered
 * (then the other cards of that column have new versions: reload it).
 */
public record MoveResult(DealCard card, UUID fromStageId, boolean renumbered) {}
