package org.deskcrm.contact;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.deskcrm.tag.Tag;

/** One line of the contacts list. */
public record ContactRow(
        UUID id,
        String firstName,
        String lastName,
        String email,
        String phone,
        String jobTitle,
        UUID companyId,
        String companyName,
        boolean primary,
        boolean vip,
        boolean decisionMaker,
        String status,
        String lifecycleStage,
        Integer leadScore,
        String leadQuality,
        int engagementScore,
        UUID ownerId,
        String ownerName,
        OffsetDateTime lastContactedAt,
        String city,
        String country,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        List<Tag> tags,
        long version) {

    public String fullName() {
        return (firstName + (lastName == null ? "" : " " + lastName)).strip();
    }

    public ContactRow withTags(List<Tag> t) {
        return new ContactRow(id, firstName, lastName, email, phone, jobTitle, companyId, companyName, primary, vip,
                decisionMaker, status, lifecycleStage, leadScore, leadQuality, engagementScore, ownerId, ownerName,
                lastContactedAt, city, country, createdAt, updatedAt, t, version);
    }
}
