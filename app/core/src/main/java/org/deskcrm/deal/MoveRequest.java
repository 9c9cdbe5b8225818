package org.deskcrm.deal;

import java.util.UUID;

/**
 * Moves a deal (at {@code expectedVersion}) to a stage and a place in its column: right after
 * {@code afterDealId}, or right before {@code beforeDealId}, or (both null) at the end. Entering a
 * lost stage needs a {@code reason}; for a won stage it is optional. {@code note} goes into the
 * stage history.
 */
public record MoveRequest(UUID dealId, long expectedVersion, UUID toStageId, UUID afterDealId, UUID beforeDealId,
        String note, String reason, String reasonDetails, String competitor) {

    public static MoveRequest toStage(DealCard card, UUID stageId) {
        return new MoveRequest(card.id(), card.version(), stageId, null, null, null, null, null, null);
    }

    public MoveRequest withReason(String r) {
        return new MoveRequest(dealId, expectedVersion, toStageId, afterDealId, beforeDealId, note, r, reasonDetails, competitor);
    }

    public MoveRequest after(UUID id) {
        return new MoveRequest(dealId, expectedVersion, toStageId, id, null, note, reason, reasonDetails, competitor);
    }

    public MoveRequest before(UUID id) {
        return new MoveRequest(dealId, expectedVersion, toStageId, null, id, note, reason, reasonDetails, competitor);
    }
}
