package org.deskcrm.activity.persistence;

import static org.deskcrm.db.Tables.ACTIVITIES;
import static org.deskcrm.db.Tables.COMPANIES;
import static org.deskcrm.db.Tables.CONTACTS;
import static org.deskcrm.db.Tables.USERS;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.deskcrm.activity.Activity;
import org.deskcrm.activity.ActivityDraft;
import org.deskcrm.activity.ActivityType;
import org.deskcrm.db.tables.records.ActivitiesRecord;
import org.deskcrm.platform.persistence.SyncColumns;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.rules.RecordRules;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/** Activities and tasks; every read applies the activities record rule. */
public final class ActivityRepository {
    private static final SyncColumns<ActivitiesRecord> SYNC = new SyncColumns<>(ACTIVITIES);

    public Optional<Activity> find(DSLContext dsl, CurrentUser user, UUID id) {
        return select(dsl).where(ACTIVITIES.ID.eq(id).and(RecordRules.activities(user).read()))
                .fetchOptional(ActivityRepository::toActivity);
    }

    public ActivitiesRecord loadRaw(DSLContext dsl, UUID id) {
        return dsl.fetchOne(ACTIVITIES, ACTIVITIES.ID.eq(id));
    }

    public boolean writable(DSLContext dsl, CurrentUser user, UUID id) {
        return dsl.fetchExists(ACTIVITIES, ACTIVITIES.ID.eq(id).and(RecordRules.activities(user).write()));
    }

    /**
     * A record's timeline, newest first; keyset paging: pass the last activity of the previous page
     * as {@code after}. {@code subject} is one of companyId/contactId/dealId/leadId conditions.
     */
    public List<Activity> timeline(DSLContext dsl, CurrentUser user, Condition subject, Activity after, int limit) {
        Condition c = subject.and(RecordRules.activities(user).read());
        if (after != null) {
            c = c.and(DSL.row(ACTIVITIES.OCCURRED_AT, ACTIVITIES.ID).lt(after.occurredAt(), after.id()));
        }
        return select(dsl).where(c)
                .orderBy(ACTIVITIES.OCCURRED_AT.desc(), ACTIVITIES.ID.desc())
                .limit(limit)
                .fetch(ActivityRepository::toActivity);
    }

    public static Condition ofCompany(UUID id) {
        return ACTIVITIES.COMPANY_ID.eq(id);
    }

    public static Condition ofContact(UUID id) {
        return ACTIVITIES.CONTACT_ID.eq(id);
    }

    public static Condition ofDeal(UUID id) {
        return ACTIVITIES.DEAL_ID.eq(id);
    }

    public static Condition ofLead(UUID id) {
        return ACTIVITIES.LEAD_ID.eq(id);
    }

    /** Tasks with a due date in [from, to) that the user can see, optionally only one assignee's; soonest first. */
    public List<Activity> tasksDue(DSLContext dsl, CurrentUser user, UUID assigneeId, OffsetDateTime from,
            OffsetDateTime to, boolean openOnly, int limit) {
        Condition c = ACTIVITIES.IS_TASK.isTrue().and(RecordRules.activities(user).read());
        if (assigneeId != null) {
            c = c.and(ACTIVITIES.ASSIGNEE_ID.eq(assigneeId));
        }
        if (from != null) {
            c = c.and(ACTIVITIES.DUE_AT.ge(from));
        }
        if (to != null) {
            c = c.and(ACTIVITIES.DUE_AT.lt(to));
        }
        if (openOnly) {
            c = c.and(ACTIVITIES.TASK_STATUS.notIn("completed", "cancelled"));
        }
        return select(dsl).where(c).orderBy(ACTIVITIES.DUE_AT.asc().nullsLast(), ACTIVITIES.ID).limit(limit)
                .fetch(ActivityRepository::toActivity);
    }

    public void insert(DSLContext dsl, UUID organizationId, UUID id, ActivityDraft d, OffsetDateTime occurredAt, UUID createdBy) {
        var now = SyncColumns.now();
        dsl.insertInto(ACTIVITIES)
                .set(ACTIVITIES.ID, id)
                .set(ACTIVITIES.ORGANIZATION_ID, organizationId)
                .set(ACTIVITIES.TYPE, d.type().dbName())
                .set(ACTIVITIES.SUBJECT, d.subject())
                .set(ACTIVITIES.DESCRIPTION, d.description())
                .set(ACTIVITIES.COMPANY_ID, d.companyId())
                .set(ACTIVITIES.CONTACT_ID, d.contactId())
                .set(ACTIVITIES.DEAL_ID, d.dealId())
                .set(ACTIVITIES.LEAD_ID, d.leadId())
                .set(ACTIVITIES.OCCURRED_AT, occurredAt)
                .set(ACTIVITIES.DURATION_MINUTES, d.durationMinutes())
                .set(ACTIVITIES.OUTCOME, d.outcome())
                .set(ACTIVITIES.IS_TASK, d.task())
                .set(ACTIVITIES.TASK_STATUS, d.task() ? "pending" : null)
                .set(ACTIVITIES.PRIORITY, d.priority())
                .set(ACTIVITIES.DUE_AT, d.dueAt())
                .set(ACTIVITIES.ASSIGNEE_ID, d.assigneeId())
                .set(ACTIVITIES.CREATED_AT, now)
                .set(ACTIVITIES.UPDATED_AT, now)
                .set(ACTIVITIES.CREATED_BY, createdBy)
                .execute();
    }

    public void update(DSLContext dsl, UUID id, long version, ActivityDraft d, OffsetDateTime occurredAt) {
        SYNC.updateChecked(dsl, id, version, u -> u
                .set(ACTIVITIES.TYPE, d.type().dbName())
                .set(ACTIVITIES.SUBJECT, d.subject())
                .set(ACTIVITIES.DESCRIPTION, d.description())
                .set(ACTIVITIES.COMPANY_ID, d.companyId())
                .set(ACTIVITIES.CONTACT_ID, d.contactId())
                .set(ACTIVITIES.DEAL_ID, d.dealId())
                .set(ACTIVITIES.LEAD_ID, d.leadId())
                .set(ACTIVITIES.OCCURRED_AT, occurredAt)
                .set(ACTIVITIES.DURATION_MINUTES, d.durationMinutes())
                .set(ACTIVITIES.OUTCOME, d.outcome())
                .set(ACTIVITIES.PRIORITY, d.priority())
                .set(ACTIVITIES.DUE_AT, d.dueAt())
                .set(ACTIVITIES.ASSIGNEE_ID, d.assigneeId()));
    }

    public void setTaskStatus(DSLContext dsl, UUID id, long version, String status, OffsetDateTime completedAt) {
        SYNC.updateChecked(dsl, id, version, u -> u
                .set(ACTIVITIES.TASK_STATUS, status)
                .set(ACTIVITIES.COMPLETED_AT, completedAt));
    }

    public void softDelete(DSLContext dsl, UUID id, long version) {
        SYNC.softDelete(dsl, id, version);
    }

    /** Seed rule: logging a call/e-mail/meeting moves "last contacted" forward, never back. */
    public void touchLastContacted(DSLContext dsl, UUID companyId, UUID contactId, OffsetDateTime at) {
        if (companyId != null) {
            dsl.update(COMPANIES)
                    .set(COMPANIES.LAST_CONTACTED_AT, at)
                    .where(COMPANIES.ID.eq(companyId)
                            .and(COMPANIES.LAST_CONTACTED_AT.isNull().or(COMPANIES.LAST_CONTACTED_AT.lt(at))))
                    .execute();
        }
        if (contactId != null) {
            dsl.update(CONTACTS)
                    .set(CONTACTS.LAST_CONTACTED_AT, at)
                    .where(CONTACTS.ID.eq(contactId)
                            .and(CONTACTS.LAST_CONTACTED_AT.isNull().or(CONTACTS.LAST_CONTACTED_AT.lt(at))))
                    .execute();
        }
    }

    /** The columns {@link #toActivity} reads (a timeline fetches hundreds of rows: no unused columns). */
    private static final org.jooq.SelectField<?>[] COLUMNS = {ACTIVITIES.ID, ACTIVITIES.TYPE, ACTIVITIES.SUBJECT,
        ACTIVITIES.DESCRIPTION, ACTIVITIES.COMPANY_ID, ACTIVITIES.CONTACT_ID, ACTIVITIES.DEAL_ID, ACTIVITIES.LEAD_ID,
        ACTIVITIES.OCCURRED_AT, ACTIVITIES.DURATION_MINUTES, ACTIVITIES.OUTCOME, ACTIVITIES.IS_TASK, ACTIVITIES.TASK_STATUS,
        ACTIVITIES.PRIORITY, ACTIVITIES.DUE_AT, ACTIVITIES.COMPLETED_AT, ACTIVITIES.ASSIGNEE_ID, ACTIVITIES.CREATED_BY,
        USERS.FULL_NAME, ACTIVITIES.VERSION};

    private static org.jooq.SelectOnConditionStep<Record> select(DSLContext dsl) {
        return dsl.select(COLUMNS)
                .from(ACTIVITIES)
                .leftJoin(USERS).on(USERS.ID.eq(ACTIVITIES.CREATED_BY));
    }

    private static Activity toActivity(Record r) {
        return new Activity(r.get(ACTIVITIES.ID), ActivityType.fromDb(r.get(ACTIVITIES.TYPE)), r.get(ACTIVITIES.SUBJECT),
                r.get(ACTIVITIES.DESCRIPTION), r.get(ACTIVITIES.COMPANY_ID), r.get(ACTIVITIES.CONTACT_ID),
                r.get(ACTIVITIES.DEAL_ID), r.get(ACTIVITIES.LEAD_ID), r.get(ACTIVITIES.OCCURRED_AT),
                r.get(ACTIVITIES.DURATION_MINUTES), r.get(ACTIVITIES.OUTCOME), r.get(ACTIVITIES.IS_TASK),
                r.get(ACTIVITIES.TASK_STATUS), r.get(ACTIVITIES.PRIORITY), r.get(ACTIVITIES.DUE_AT),
                r.get(ACTIVITIES.COMPLETED_AT), r.get(ACTIVITIES.ASSIGNEE_ID), r.get(ACTIVITIES.CREATED_BY),
                r.get(USERS.FULL_NAME), r.get(ACTIVITIES.VERSION));
    }
}
