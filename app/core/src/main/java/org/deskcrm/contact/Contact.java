package org.deskcrm.contact;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.deskcrm.tag.Tag;

/** A contact as the record view shows it. {@code companyDisplayName} is the linked company's name or the free text. */
public record Contact(
        UUID id,
        long version,
        ContactDraft fields,
        String companyDisplayName,
        String ownerName,
        int engagementScore,
        OffsetDateTime lastContactedAt,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        String createdByName,
        List<Tag> tags,
        boolean writable) {

    public String fullName() {
        return (fields.firstName() + (fields.lastName() == null ? "" : " " + fields.lastName())).strip();
    }
}
