package org.deskcrm.deal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A deal as a board card or list row: what the card shows, where it sits, its version (for
 * version-checked moves) and whether this user may change (drag) it.
 */
public record DealCard(
        UUID id,
        UUID stageId,
        String name,
        UUID companyId,
        String companyName,
        BigDecimal value,
        String currency,
        int probability,
        BigDecimal expectedRevenue,
        UUID ownerId,
        String ownerName,
        LocalDate expectedCloseDate,
        OffsetDateTime stageEnteredAt,
        OffsetDateTime lastActivityAt,
        DealStatus status,
        String priority,
        long position,
        OffsetDateTime updatedAt,
        long version,
        boolean editable) {

    /** An open deal whose expected close date has passed. */
    public boolean overdue(LocalDate today) {
        return status == DealStatus.OPEN && expectedCloseDate != null && expectedCloseDate.isBefore(today);
    }

    /** An open deal with no stage change and no activity for {@code staleDays} days. */
    public boolean stale(OffsetDateTime now, int staleDays) {
        if (status != DealStatus.OPEN || staleDays <= 0) {
            return false;
        }
        OffsetDateTime last = stageEnteredAt;
        if (lastActivityAt != null && (last == null || lastActivityAt.isAfter(last))) {
            last = lastActivityAt;
        }
        return last != null && Duration.between(last, now).toDays() >= staleDays;
    }

    /** Whole days in the current stage. */
    public long daysInStage(OffsetDateTime now) {
        return stageEnteredAt == null ? 0 : Math.max(0, Duration.between(stageEnteredAt, now).toDays());
    }
}
