package org.deskcrm.crm.persistence;

import static org.deskcrm.db.Tables.ACTIVITIES;
import static org.deskcrm.db.Tables.COMPANIES;
import static org.deskcrm.db.Tables.CONTACTS;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Reads the activity figures of the engagement score and stores the score (an app-maintained column). */
public final class EngagementRepository {

    /** Live activities of the subject after {@code since} and the time of its latest live activity (null: none). */
    public record Inputs(int recentActivities, OffsetDateTime latestActivity) {}

    public Inputs ofCompany(DSLContext dsl, UUID organizationId, UUID companyId, OffsetDateTime since) {
        return inputs(dsl, ACTIVITIES.ORGANIZATION_ID.eq(organizationId).and(ACTIVITIES.COMPANY_ID.eq(companyId)), since);
    }

    public Inputs ofContact(DSLContext dsl, UUID organizationId, UUID contactId, OffsetDateTime since) {
        return inputs(dsl, ACTIVITIES.ORGANIZATION_ID.eq(organizationId).and(ACTIVITIES.CONTACT_ID.eq(contactId)), since);
    }

    private static Inputs inputs(DSLContext dsl, Condition subject, OffsetDateTime since) {
        Condition live = subject.and(ACTIVITIES.DELETED_AT.isNull());
        int recent = dsl.fetchCount(ACTIVITIES, live.and(ACTIVITIES.OCCURRED_AT.gt(since)));
        OffsetDateTime latest = dsl.select(DSL.max(ACTIVITIES.OCCURRED_AT)).from(ACTIVITIES).where(live).fetchSingle().value1();
        return new Inputs(recent, latest);
    }

    /** Stores a company's score; no row version change (a derived value, like last_contacted_at). */
    public void setCompanyScore(DSLContext dsl, UUID companyId, int score) {
        dsl.update(COMPANIES).set(COMPANIES.ENGAGEMENT_SCORE, score)
                .where(COMPANIES.ID.eq(companyId).and(COMPANIES.ENGAGEMENT_SCORE.ne(score)))
                .execute();
    }

    public void setContactScore(DSLContext dsl, UUID contactId, int score) {
        dsl.update(CONTACTS).set(CONTACTS.ENGAGEMENT_SCORE, score)
                .where(CONTACTS.ID.eq(contactId).and(CONTACTS.ENGAGEMENT_SCORE.ne(score)))
                .execute();
    }
}
