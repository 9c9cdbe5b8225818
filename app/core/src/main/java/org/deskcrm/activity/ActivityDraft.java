package org.deskcrm.activity;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What a user enters to log an activity or create a task. A task is type TASK (or any type with
 * a due date and {@code task = true}); its status starts as "pending".
 */
public record ActivityDraft(
        ActivityType type,
        String subject,
        String description,
        UUID companyId,
        UUID contactId,
        UUID dealId,
        UUID leadId,
        OffsetDateTime occurredAt,
        Integer durationMinutes,
        String outcome,
        boolean task,
        String priority,
        OffsetDateTime dueAt,
        UUID assigneeId) {

    public static ActivityDraft call(String subject, UUID companyId, UUID contactId, String outcome, Integer minutes) {
        return new ActivityDraft(ActivityType.CALL, subject, null, companyId, contactId, null, null, null, minutes,
                outcome, false, null, null, null);
    }

    public static ActivityDraft task(String subject, OffsetDateTime dueAt, UUID assigneeId, UUID companyId,
            UUID contactId, UUID dealId) {
        return new ActivityDraft(ActivityType.TASK, subject, null, companyId, contactId, dealId, null, null, null, null,
                true, "medium", dueAt, assigneeId);
    }
}
