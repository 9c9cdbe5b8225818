package org.deskcrm.dashboard.persistence;

import static org.deskcrm.db.Tables.ACTIVITIES;
import static org.deskcrm.db.Tables.COMPANIES;
import static org.deskcrm.db.Tables.DEALS;
import static org.deskcrm.db.Tables.EVENTS;
import static org.deskcrm.db.Tables.INVOICES;
import static org.deskcrm.db.Tables.USERS;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.sum;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.deskcrm.dashboard.Dashboard;
import org.deskcrm.deal.CurrencyTotal;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.rules.RecordRules;
import org.jooq.DSLContext;

/** The dashboard's queries; each applies the record rule of the table it reads. */
public final class DashboardRepository {

    /** A stored event row: a single event, an exception occurrence, or a recurring series. */
    public record EventRow(UUID id, String title, OffsetDateTime startsAt, OffsetDateTime endsAt, boolean allDay,
            String location, String companyName, String recurrenceRule, String timezone, String status,
            UUID recurrenceParentId, OffsetDateTime originalStart) {}

    /** Open deals by currency: count, value, weighted value. */
    public List<CurrencyTotal> openPipeline(DSLContext dsl, CurrentUser user) {
        return dsl.select(DEALS.CURRENCY, count(), sum(DEALS.DEAL_VALUE), sum(DEALS.EXPECTED_REVENUE))
                .from(DEALS)
                .where(DEALS.ORGANIZATION_ID.eq(user.organizationId()).and(DEALS.STATUS.eq("open"))
                        .and(RecordRules.deals(user).read()))
                .groupBy(DEALS.CURRENCY)
                .fetch(r -> new CurrencyTotal(r.value1(), r.value2(), nz(r.value3()), nz(r.value4())));
    }

    /** Deals won with an actual close date in [from, to], by currency. */
    public List<CurrencyTotal> won(DSLContext dsl, CurrentUser user, LocalDate from, LocalDate to) {
        return dsl.select(DEALS.CURRENCY, count(), sum(DEALS.DEAL_VALUE), sum(DEALS.EXPECTED_REVENUE))
                .from(DEALS)
                .where(DEALS.ORGANIZATION_ID.eq(user.organizationId()).and(DEALS.STATUS.eq("won"))
                        .and(DEALS.ACTUAL_CLOSE_DATE.between(from, to))
                        .and(RecordRules.deals(user).read()))
                .groupBy(DEALS.CURRENCY)
                .fetch(r -> new CurrencyTotal(r.value1(), r.value2(), nz(r.value3()), nz(r.value4())));
    }

    /**
     * Unpaid invoices past due: status overdue, or sent / partially paid with a due date before
     * today and a balance; amount = balance due, by currency.
     */
    public List<CurrencyTotal> overdueInvoices(DSLContext dsl, CurrentUser user, LocalDate today) {
        return dsl.select(INVOICES.CURRENCY, count(), sum(INVOICES.BALANCE_DUE))
                .from(INVOICES)
                .where(INVOICES.ORGANIZATION_ID.eq(user.organizationId())
                        .and(INVOICES.STATUS.eq("overdue")
                                .or(INVOICES.STATUS.in("sent", "partially_paid")
                                        .and(INVOICES.DUE_DATE.lt(today))
                                        .and(INVOICES.BALANCE_DUE.gt(BigDecimal.ZERO))))
                        .and(RecordRules.invoices(user).read()))
                .groupBy(INVOICES.CURRENCY)
                .fetch(r -> new CurrencyTotal(r.value1(), r.value2(), nz(r.value3()), nz(r.value3())));
    }

    /**
     * Events that may have an occurrence in [from, to): single events and exception occurrences
     * starting in the window, and recurring series that started before its end and run past its start.
     */
    public List<EventRow> eventsAround(DSLContext dsl, CurrentUser user, OffsetDateTime from, OffsetDateTime to, int limit) {
        var single = EVENTS.RECURRENCE_RULE.isNull().and(EVENTS.STARTS_AT.lt(to)).and(EVENTS.ENDS_AT.gt(from));
        var series = EVENTS.RECURRENCE_RULE.isNotNull().and(EVENTS.STARTS_AT.lt(to))
                .and(EVENTS.RECURRENCE_UNTIL.isNull().or(EVENTS.RECURRENCE_UNTIL.gt(from)));
        var exceptions = EVENTS.RECURRENCE_PARENT_ID.isNotNull().and(EVENTS.ORIGINAL_START.lt(to.plusDays(1)))
                .and(EVENTS.ORIGINAL_START.gt(from.minusDays(1)));
        return dsl.select(EVENTS.ID, EVENTS.TITLE, EVENTS.STARTS_AT, EVENTS.ENDS_AT, EVENTS.ALL_DAY, EVENTS.LOCATION,
                        COMPANIES.NAME, EVENTS.RECURRENCE_RULE, EVENTS.TIMEZONE, EVENTS.STATUS, EVENTS.RECURRENCE_PARENT_ID,
                        EVENTS.ORIGINAL_START)
                .from(EVENTS)
                .leftJoin(COMPANIES).on(COMPANIES.ID.eq(EVENTS.COMPANY_ID))
                .where(EVENTS.ORGANIZATION_ID.eq(user.organizationId())
                        .and(single.or(series).or(exceptions))
                        .and(RecordRules.events(user).read()))
                .orderBy(EVENTS.STARTS_AT, EVENTS.ID)
                .limit(limit)
                .fetch(r -> new EventRow(r.value1(), r.value2(), r.value3(), r.value4(), Boolean.TRUE.equals(r.value5()),
                        r.value6(), r.value7(), r.value8(), r.value9(), r.value10(), r.value11(), r.value12()));
    }

    /** The newest non-task activities the user can see. */
    public List<Dashboard.RecentActivity> recentActivity(DSLContext dsl, CurrentUser user, OffsetDateTime now, int limit) {
        return dsl.select(ACTIVITIES.ID, ACTIVITIES.TYPE, ACTIVITIES.SUBJECT, ACTIVITIES.OCCURRED_AT, USERS.FULL_NAME,
                        ACTIVITIES.DEAL_ID, DEALS.NAME, ACTIVITIES.COMPANY_ID, COMPANIES.NAME)
                .from(ACTIVITIES)
                .leftJoin(USERS).on(USERS.ID.eq(ACTIVITIES.CREATED_BY))
                .leftJoin(DEALS).on(DEALS.ID.eq(ACTIVITIES.DEAL_ID))
                .leftJoin(COMPANIES).on(COMPANIES.ID.eq(ACTIVITIES.COMPANY_ID))
                .where(ACTIVITIES.ORGANIZATION_ID.eq(user.organizationId())
                        .and(ACTIVITIES.IS_TASK.isFalse())
                        .and(ACTIVITIES.OCCURRED_AT.le(now))
                        .and(RecordRules.activities(user).read()))
                .orderBy(ACTIVITIES.OCCURRED_AT.desc(), ACTIVITIES.ID.desc())
                .limit(limit)
                .fetch(r -> new Dashboard.RecentActivity(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6(), r.value7(), r.value8(), r.value9()));
    }

    private static BigDecimal nz(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }
}
