package org.deskcrm.deal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One deal as its detail view shows it. Money is in {@code currency}; times are UTC. */
public record Deal(
        UUID id,
        UUID pipelineId,
        String pipelineName,
        UUID stageId,
        String stageName,
        long position,
        String name,
        String description,
        UUID companyId,
        String companyName,
        UUID contactId,
        String contactName,
        BigDecimal value,
        String currency,
        int probability,
        BigDecimal expectedRevenue,
        DealStatus status,
        LocalDate expectedCloseDate,
        LocalDate actualCloseDate,
        OffsetDateTime stageEnteredAt,
        String wonReason,
        String lostReason,
        String lostReasonDetails,
        String competitor,
        String source,
        String sourceDetail,
        String priority,
        UUID ownerId,
        String ownerName,
        String notes,
        List<String> tags,
        Map<UUID, Object> customValues,
        boolean hasProducts,
        boolean editable,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        long version) {

    public boolean isOpen() {
        return status == DealStatus.OPEN;
    }
}
