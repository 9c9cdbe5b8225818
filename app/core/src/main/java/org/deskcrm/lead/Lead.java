package org.deskcrm.lead;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.deskcrm.tag.Tag;

/** A lead as its record view shows it, with where it went when converted. */
public record Lead(
        UUID id,
        long version,
        LeadDraft fields,
        String ownerName,
        OffsetDateTime convertedAt,
        UUID convertedCompanyId,
        UUID convertedContactId,
        UUID convertedDealId,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        String createdByName,
        List<Tag> tags,
        boolean writable) {

    public boolean converted() {
        return "converted".equals(fields.status());
    }

    public String fullName() {
        return (fields.firstName() + (fields.lastName() == null ? "" : " " + fields.lastName())).strip();
    }
}
