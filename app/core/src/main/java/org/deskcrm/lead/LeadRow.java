package org.deskcrm.lead;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.deskcrm.tag.Tag;

/** One line of the leads list. */
public record LeadRow(
        UUID id,
        String firstName,
        String lastName,
        String email,
        String phone,
        String companyName,
        String jobTitle,
        String source,
        String status,
        String stage,
        String lifecycleStage,
        int score,
        String quality,
        BigDecimal estimatedValue,
        String currency,
        LocalDate expectedCloseDate,
        UUID ownerId,
        String ownerName,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        List<Tag> tags,
        long version) {

    public String fullName() {
        return (firstName + (lastName == null ? "" : " " + lastName)).strip();
    }

    public LeadRow withTags(List<Tag> t) {
        return new LeadRow(id, firstName, lastName, email, phone, companyName, jobTitle, source, status, stage, lifecycleStage,
                score, quality, estimatedValue, currency, expectedCloseDate, ownerId, ownerName, createdAt, updatedAt, t, version);
    }
}
