package org.deskcrm.activity;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.deskcrm.activity.persistence.ActivityRepository;
import org.deskcrm.audit.AuditAction;
import org.deskcrm.audit.AuditLog;
import org.deskcrm.platform.id.Ids;
import org.deskcrm.platform.persistence.NotFoundException;
import org.deskcrm.platform.persistence.ValidationException;
import org.deskcrm.security.AccessDeniedException;
import org.deskcrm.security.Action;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.Resource;
import org.deskcrm.security.persistence.RecordAccess;
import org.deskcrm.security.persistence.RecordAccess.Linked;
import org.jooq.DSLContext;

/**
 * Logging calls, e-mails and meetings, and managing tasks, on companies, contacts, deals and
 * leads. Logging a customer interaction moves the company's and contact's "last contacted"
 * forward (seeds 001/002) and notifies observers (engagement score) in the same transaction.
 */
public final class ActivityService {
    private static final int MAX_SUBJECT = 500;

    private final DSLContext dsl;
    private final ActivityRepository activities;
    private final RecordAccess access;
    private final AuditLog audit;
    private final Clock clock;
    private final List<ActivityObserver> observers;

    public ActivityService(DSLContext dsl, ActivityRepository activities, RecordAccess access, AuditLog audit, Clock clock,
            List<ActivityObserver> observers) {
        this.dsl = dsl;
        this.activities = activities;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
        this.observers = List.copyOf(observers);
    }

    public Activity log(CurrentUser user, ActivityDraft draft) {
        user.require(Resource.ACTIVITIES, Action.CREATE);
        validate(draft);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            requireLinksReadable(tx, user, draft);
            UUID id = Ids.newId();
            OffsetDateTime at = draft.occurredAt() != null ? draft.occurredAt().withOffsetSameInstant(ZoneOffset.UTC) : now();
            activities.insert(tx, user.organizationId(), id, draft, at, user.userId());
            if (ActivityType.CONTACTING.contains(draft.type()) && !draft.task()) {
                activities.touchLastContacted(tx, draft.companyId(), draft.contactId(), at);
            }
            Activity saved = activities.find(tx, user, id).orElseThrow();
            audit.record(tx, user, "activities", id, AuditAction.INSERT, null, activities.loadRaw(tx, id));
            for (ActivityObserver o : observers) {
                o.logged(tx, user, saved);
            }
            return saved;
        });
    }

    public Activity update(CurrentUser user, UUID id, long version, ActivityDraft draft) {
        user.require(Resource.ACTIVITIES, Action.UPDATE);
        validate(draft);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            requireWritable(tx, user, id);
            requireLinksReadable(tx, user, draft);
            var before = activities.loadRaw(tx, id);
            OffsetDateTime at = draft.occurredAt() != null ? draft.occurredAt().withOffsetSameInstant(ZoneOffset.UTC)
                    : before.getOccurredAt();
            activities.update(tx, id, version, draft, at);
            audit.record(tx, user, "activities", id, AuditAction.UPDATE, before, activities.loadRaw(tx, id));
            return activities.find(tx, user, id).orElseThrow();
        });
    }

    /** Marks a task done (or reopens it with {@code done = false}). */
    public Activity complete(CurrentUser user, UUID id, long version, boolean done) {
        user.require(Resource.ACTIVITIES, Action.UPDATE);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            requireWritable(tx, user, id);
            var before = activities.loadRaw(tx, id);
            if (!Boolean.TRUE.equals(before.getIsTask())) {
                throw new ValidationException("", "Only tasks can be completed.");
            }
            activities.setTaskStatus(tx, id, version, done ? "completed" : "pending", done ? now() : null);
            audit.record(tx, user, "activities", id, AuditAction.UPDATE, before, activities.loadRaw(tx, id));
            return activities.find(tx, user, id).orElseThrow();
        });
    }

    public void delete(CurrentUser user, UUID id, long version) {
        user.require(Resource.ACTIVITIES, Action.DELETE);
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            requireWritable(tx, user, id);
            var before = activities.loadRaw(tx, id);
            activities.softDelete(tx, id, version);
            audit.record(tx, user, "activities", id, AuditAction.DELETE, before, null);
        });
    }

    public List<Activity> forCompany(CurrentUser user, UUID companyId, Activity after, int limit) {
        return activities.timeline(dsl, user, ActivityRepository.ofCompany(companyId), after, limit);
    }

    public List<Activity> forContact(CurrentUser user, UUID contactId, Activity after, int limit) {
        return activities.timeline(dsl, user, ActivityRepository.ofContact(contactId), after, limit);
    }

    public List<Activity> forDeal(CurrentUser user, UUID dealId, Activity after, int limit) {
        return activities.timeline(dsl, user, ActivityRepository.ofDeal(dealId), after, limit);
    }

    public List<Activity> forLead(CurrentUser user, UUID leadId, Activity after, int limit) {
        return activities.timeline(dsl, user, ActivityRepository.ofLead(leadId), after, limit);
    }

    /** Tasks due in [from, to) visible to the user (for the calendar and the dashboard). */
    public List<Activity> tasksDue(CurrentUser user, UUID assigneeId, OffsetDateTime from, OffsetDateTime to,
            boolean openOnly, int limit) {
        return activities.tasksDue(dsl, user, assigneeId, from, to, openOnly, limit);
    }

    public Activity get(CurrentUser user, UUID id) {
        return activities.find(dsl, user, id)
                .orElseThrow(() -> new NotFoundException("This activity does not exist or you may not see it."));
    }

    private void requireWritable(DSLContext tx, CurrentUser user, UUID id) {
        if (!activities.writable(tx, user, id)) {
            if (activities.find(tx, user, id).isPresent()) {
                throw new AccessDeniedException("You may not change this activity.");
            }
            throw new NotFoundException("This activity does not exist or you may not see it.");
        }
    }

    private void requireLinksReadable(DSLContext tx, CurrentUser user, ActivityDraft d) {
        access.requireReadable(tx, user, Linked.COMPANY, d.companyId());
        access.requireReadable(tx, user, Linked.CONTACT, d.contactId());
        access.requireReadable(tx, user, Linked.DEAL, d.dealId());
        access.requireReadable(tx, user, Linked.LEAD, d.leadId());
    }

    private static void validate(ActivityDraft d) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (d.type() == null) {
            errors.put("type", "Choose what kind of activity this is.");
        }
        if (d.subject() == null || d.subject().isBlank()) {
            errors.put("subject", d.task() ? "Say what needs to be done." : "Enter a subject.");
        } else if (d.subject().length() > MAX_SUBJECT) {
            errors.put("subject", "The subject may have at most " + MAX_SUBJECT + " characters.");
        }
        if (d.type() == ActivityType.TASK && !d.task()) {
            errors.put("type", "A task must be marked as a task.");
        }
        if (d.durationMinutes() != null && d.durationMinutes() < 0) {
            errors.put("duration", "The duration cannot be negative.");
        }
        if (d.companyId() == null && d.contactId() == null && d.dealId() == null && d.leadId() == null && !d.task()) {
            errors.put("", "Link the activity to a company, contact, deal or lead.");
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
