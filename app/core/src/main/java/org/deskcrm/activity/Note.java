package org.deskcrm.activity;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A note on a company, contact, deal or lead; pinned notes are shown first. */
public record Note(UUID id, UUID companyId, UUID contactId, UUID dealId, UUID leadId, String title, String body,
        String noteType, boolean pinned, UUID createdBy, String createdByName, OffsetDateTime createdAt,
        OffsetDateTime updatedAt, long version) {}
