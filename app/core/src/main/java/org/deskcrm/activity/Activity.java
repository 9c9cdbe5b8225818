package org.deskcrm.activity;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A logged interaction (call, e-mail, meeting, ...) or a task, linked to the CRM records it concerns. */
public record Activity(
        UUID id,
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
        String taskStatus,
        String priority,
        OffsetDateTime dueAt,
        OffsetDateTime completedAt,
        UUID assigneeId,
        UUID createdBy,
        String createdByName,
        long version) {

    public boolean isOpenTask() {
        return task && !"completed".equals(taskStatus) && !"cancelled".equals(taskStatus);
    }

    public boolean isOverdue(OffsetDateTime now) {
        return isOpenTask() && dueAt != null && dueAt.isBefore(now);
    }
}
