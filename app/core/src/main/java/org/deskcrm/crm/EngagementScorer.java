package org.deskcrm.crm;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.deskcrm.activity.Activity;
import org.deskcrm.activity.ActivityObserver;
import org.deskcrm.crm.persistence.EngagementRepository;
import org.deskcrm.security.CurrentUser;
import org.jooq.DSLContext;

/**
 * The engagement score of seed 002 ({@code calculate_organizer_engagement}, SR-16), kept on
 * companies and contacts:
 * <pre>
 *   score = max(0, min(100, 10 x live activities in the last 30 days) - min(50, 2 x days since the latest activity))
 * </pre>
 * and 0 when there has been no activity at all. "Days since" counts whole days, like
 * {@code EXTRACT(DAY FROM now() - max(activity_date))}; an activity dated in the future counts as today.
 * Recomputed in the transaction that logs an activity (as an {@link ActivityObserver}) and when the
 * company or contact is saved (the seed's BEFORE UPDATE trigger).
 */
public final class EngagementScorer implements ActivityObserver {
    private final EngagementRepository repository;
    private final Clock clock;

    public EngagementScorer(EngagementRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** The formula itself. */
    public static int score(int recentActivities, OffsetDateTime latestActivity, OffsetDateTime now) {
        if (latestActivity == null) {
            return 0;
        }
        long days = Math.max(0, Duration.between(latestActivity, now).toDays());
        long score = Math.min(100, 10L * recentActivities) - Math.min(50, 2 * days);
        return (int) Math.max(0, score);
    }

    @Override
    public void logged(DSLContext tx, CurrentUser user, Activity activity) {
        if (activity.companyId() != null) {
            recomputeCompany(tx, user.organizationId(), activity.companyId());
        }
        if (activity.contactId() != null) {
            recomputeContact(tx, user.organizationId(), activity.contactId());
        }
    }

    public int recomputeCompany(DSLContext tx, UUID organizationId, UUID companyId) {
        OffsetDateTime now = now();
        var in = repository.ofCompany(tx, organizationId, companyId, now.minusDays(30));
        int score = score(in.recentActivities(), in.latestActivity(), now);
        repository.setCompanyScore(tx, companyId, score);
        return score;
    }

    public int recomputeContact(DSLContext tx, UUID organizationId, UUID contactId) {
        OffsetDateTime now = now();
        var in = repository.ofContact(tx, organizationId, contactId, now.minusDays(30));
        int score = score(in.recentActivities(), in.latestActivity(), now);
        repository.setContactScore(tx, contactId, score);
        return score;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
