package org.deskcrm.deal;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One stage change of a deal; {@code fromStageName} is null for the first placement. */
public record StageHistoryEntry(UUID id, UUID fromStageId, String fromStageName, UUID toStageId, String toStageName,
        UUID changedBy, String changedByName, OffsetDateTime changedAt, String note, Duration timeInPreviousStage) {}
