package org.deskcrm.activity;

import java.util.UUID;

/** What a user enters for a note. {@code noteType}: general, call_log, meeting_summary, important. */
public record NoteDraft(UUID companyId, UUID contactId, UUID dealId, UUID leadId, String title, String body,
        String noteType, boolean pinned) {

    public static NoteDraft on(UUID companyId, UUID contactId, UUID dealId, String body) {
        return new NoteDraft(companyId, contactId, dealId, null, null, body, "general", false);
    }
}
