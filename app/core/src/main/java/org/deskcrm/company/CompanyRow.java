package org.deskcrm.company;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.deskcrm.tag.Tag;

/** One line of the companies list. */
public record CompanyRow(
        UUID id,
        String name,
        String domain,
        String email,
        String phone,
        String city,
        String country,
        String industryName,
        String status,
        String clientType,
        String lifecycleStage,
        int leadScore,
        String leadQuality,
        int engagementScore,
        UUID ownerId,
        String ownerName,
        OffsetDateTime lastContactedAt,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        List<Tag> tags,
        long version) {

    public CompanyRow withTags(List<Tag> t) {
        return new CompanyRow(id, name, domain, email, phone, city, country, industryName, status, clientType, lifecycleStage,
                leadScore, leadQuality, engagementScore, ownerId, ownerName, lastContactedAt, createdAt, updatedAt, t, version);
    }
}
