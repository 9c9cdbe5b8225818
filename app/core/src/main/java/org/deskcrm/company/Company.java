package org.deskcrm.company;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.deskcrm.tag.Tag;

/**
 * A company as its record view shows it: the editable fields, the values the app maintains
 * (scores, last contacted, revenue roll-ups) and whether the current user may change it.
 */
public record Company(
        UUID id,
        long version,
        CompanyDraft fields,
        String industryName,
        String ownerName,
        int engagementScore,
        OffsetDateTime lastContactedAt,
        OffsetDateTime firstContactedAt,
        int totalOrders,
        BigDecimal totalRevenue,
        BigDecimal averageOrderValue,
        BigDecimal lifetimeValue,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        String createdByName,
        List<Tag> tags,
        boolean writable) {

    public String name() {
        return fields.name();
    }
}
