package org.deskcrm.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.deskcrm.activity.Activity;
import org.deskcrm.activity.ActivityService;
import org.deskcrm.calendar.Recurrences;
import org.deskcrm.dashboard.persistence.DashboardRepository;
import org.deskcrm.dashboard.persistence.DashboardRepository.EventRow;
import org.deskcrm.deal.DealCard;
import org.deskcrm.deal.persistence.DealRepository;
import org.deskcrm.pipeline.Forecast;
import org.deskcrm.pipeline.ForecastService;
import org.deskcrm.security.Action;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.Resource;
import org.jooq.DSLContext;

/**
 * One method per dashboard card, each a short read with the user's record rules; the UI runs
 * them as separate background tasks so a slow card never holds up the others. Days ("this
 * month", "today") are those of the user's time zone.
 */
public final class DashboardService {
    private final DSLContext dsl;
    private final DashboardRepository repository;
    private final DealRepository deals;
    private final ForecastService forecasts;
    private final ActivityService activities;
    private final Clock clock;

    public DashboardService(DSLContext dsl, DashboardRepository repository, DealRepository deals, ForecastService forecasts,
            ActivityService activities, Clock clock) {
        this.dsl = dsl;
        this.repository = repository;
        this.deals = deals;
        this.forecasts = forecasts;
        this.activities = activities;
        this.clock = clock;
    }

    public String organizationCurrency(CurrentUser user) {
        return deals.organization(dsl, user.organizationId()).currency();
    }

    /** Open deals: count, value and weighted value in the organization currency. */
    public Dashboard.MoneySummary openPipeline(CurrentUser user) {
        return Dashboard.MoneySummary.of(organizationCurrency(user),
                user.can(Resource.DEALS, Action.READ) ? repository.openPipeline(dsl, user) : List.of());
    }

    /** Deals won since the first of this month. */
    public Dashboard.MoneySummary wonThisMonth(CurrentUser user, ZoneId zone) {
        LocalDate today = today(zone);
        return Dashboard.MoneySummary.of(organizationCurrency(user), user.can(Resource.DEALS, Action.READ)
                ? repository.won(dsl, user, today.withDayOfMonth(1), today) : List.of());
    }

    /** Won / closed over the last 90 days. */
    public Forecast.WinRate winRate90(CurrentUser user, ZoneId zone) {
        LocalDate today = today(zone);
        return forecasts.winRate(user, null, today.minusDays(89), today);
    }

    /** Open deals expected to close this month (overdue ones of the month included), soonest first. */
    public List<DealCard> closingThisMonth(CurrentUser user, ZoneId zone, int limit) {
        if (!user.can(Resource.DEALS, Action.READ)) {
            return List.of();
        }
        LocalDate today = today(zone);
        return deals.closingBetween(dsl, user, today.withDayOfMonth(1), today.with(TemporalAdjusters.lastDayOfMonth()), limit);
    }

    /** The user's open tasks due by the end of today (overdue ones first). */
    public List<Activity> myTasks(CurrentUser user, ZoneId zone, int limit) {
        if (!user.can(Resource.ACTIVITIES, Action.READ)) {
            return List.of();
        }
        OffsetDateTime endOfToday = today(zone).plusDays(1).atStartOfDay(zone).toOffsetDateTime()
                .withOffsetSameInstant(ZoneOffset.UTC);
        return activities.tasksDue(user, user.userId(), null, endOfToday, true, limit);
    }

    /** Marks a task of the "my tasks" card done. */
    public Activity completeTask(CurrentUser user, Activity task) {
        return activities.complete(user, task.id(), task.version(), true);
    }

    /** Unpaid invoices past their due date: count and balance in the organization currency. */
    public Dashboard.MoneySummary overdueInvoices(CurrentUser user, ZoneId zone) {
        return Dashboard.MoneySummary.of(organizationCurrency(user), user.can(Resource.INVOICES, Action.READ)
                ? repository.overdueInvoices(dsl, user, today(zone)) : List.of());
    }

    /**
     * Event occurrences starting in the next {@code days} days: single events, recurring series
     * expanded (RRULE), changed occurrences in place of the ones they replace, cancelled ones left out.
     */
    public List<Dashboard.UpcomingEvent> upcomingEvents(CurrentUser user, ZoneId zone, int days, int limit) {
        if (!user.can(Resource.EVENTS, Action.READ)) {
            return List.of();
        }
        OffsetDateTime from = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        OffsetDateTime to = from.plusDays(days);
        List<EventRow> rows = repository.eventsAround(dsl, user, from, to, 500);
        Set<String> replaced = new HashSet<>();
        for (EventRow r : rows) {
            if (r.recurrenceParentId() != null && r.originalStart() != null) {
                replaced.add(r.recurrenceParentId() + "@" + r.originalStart().toInstant());
            }
        }
        List<Dashboard.UpcomingEvent> out = new ArrayList<>();
        for (EventRow r : rows) {
            if ("cancelled".equals(r.status())) {
                continue;
            }
            if (r.recurrenceRule() == null) {
                if (r.startsAt().isBefore(to) && r.endsAt().isAfter(from)) {
                    out.add(new Dashboard.UpcomingEvent(r.id(), r.title(), r.startsAt(), r.endsAt(), r.allDay(), r.location(),
                            r.companyName()));
                }
                continue;
            }
            for (OffsetDateTime start : occurrences(r, from, to)) {
                if (!replaced.contains(r.id() + "@" + start.toInstant())) {
                    var length = java.time.Duration.between(r.startsAt(), r.endsAt());
                    out.add(new Dashboard.UpcomingEvent(r.id(), r.title(), start, start.plus(length), r.allDay(), r.location(),
                            r.companyName()));
                }
            }
        }
        out.sort(Comparator.comparing(Dashboard.UpcomingEvent::startsAt));
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : List.copyOf(out);
    }

    private static List<OffsetDateTime> occurrences(EventRow r, OffsetDateTime from, OffsetDateTime to) {
        ZoneId eventZone;
        try {
            eventZone = r.timezone() == null ? ZoneOffset.UTC : ZoneId.of(r.timezone());
        } catch (java.time.DateTimeException e) {
            eventZone = ZoneOffset.UTC;
        }
        try {
            var length = java.time.Duration.between(r.startsAt(), r.endsAt());
            List<OffsetDateTime> out = new ArrayList<>();
            for (ZonedDateTime start : Recurrences.starts(r.recurrenceRule(), r.startsAt().atZoneSameInstant(eventZone), length,
                    from.toInstant(), to.toInstant(), 50)) {
                out.add(start.toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC));
            }
            return out;
        } catch (RuntimeException e) {
            // A rule that does not parse (imported from elsewhere) shows its first occurrence only.
            return r.startsAt().isBefore(to) && r.endsAt().isAfter(from) ? List.of(r.startsAt()) : List.of();
        }
    }

    /** The newest activities the user can see. */
    public List<Dashboard.RecentActivity> recentActivity(CurrentUser user, int limit) {
        if (!user.can(Resource.ACTIVITIES, Action.READ)) {
            return List.of();
        }
        return repository.recentActivity(dsl, user, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC), limit);
    }

    public LocalDate today(ZoneId zone) {
        return LocalDate.now(clock.withZone(zone));
    }
}
