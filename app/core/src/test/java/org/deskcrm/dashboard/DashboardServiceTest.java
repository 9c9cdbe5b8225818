package org.deskcrm.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.deskcrm.db.Tables.CALENDARS;
import static org.deskcrm.db.Tables.EVENTS;
import static org.deskcrm.db.Tables.INVOICES;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.deskcrm.activity.ActivityDraft;
import org.deskcrm.activity.ActivityService;
import org.deskcrm.activity.persistence.ActivityRepository;
import org.deskcrm.dashboard.persistence.DashboardRepository;
import org.deskcrm.deal.DealDraft;
import org.deskcrm.deal.DealService;
import org.deskcrm.deal.persistence.DealRepository;
import org.deskcrm.pipeline.ForecastService;
import org.deskcrm.pipeline.PipelineService;
import org.deskcrm.pipeline.persistence.ForecastRepository;
import org.deskcrm.pipeline.persistence.PipelineRepository;
import org.deskcrm.platform.db.Database;
import org.deskcrm.platform.id.Ids;
import org.deskcrm.security.Role;
import org.deskcrm.security.persistence.RecordAccess;
import org.deskcrm.testing.BothDatabases;
import org.deskcrm.testing.Fixtures;
import org.deskcrm.testing.TestWorkspace;

/** Every dashboard card's numbers for the signed-in user, with their rules. */
class DashboardServiceTest {

    @BothDatabases
    void cardsShowTheUsersNumbers(Database db) {
        var ws = new TestWorkspace(db);
        var admin = ws.admin;
        Clock clock = Clock.systemUTC();
        var activities = new ActivityService(db.dsl(), new ActivityRepository(), new RecordAccess(), ws.audit, clock, List.of());
        var deals = DealService.create(db.dsl(), ws.audit, clock);
        var dashboard = new DashboardService(db.dsl(), new DashboardRepository(), new DealRepository(),
                new ForecastService(db.dsl(), new ForecastRepository(), new DealRepository()), activities, clock);
        var pipeline = new PipelineService(db.dsl(), new PipelineRepository()).defaultPipeline(admin);
        var stages = new PipelineService(db.dsl(), new PipelineRepository()).stages(admin, pipeline.id());
        LocalDate today = LocalDate.now(clock);
        var company = Fixtures.company(db.dsl(), ws.organizationId, "Umbrella", admin.userId(), "active");

        var open = deals.create(admin, DealDraft.of("Umbrella rollout", company, new BigDecimal("1000")).withCloseDate(today));
        deals.create(admin, DealDraft.of("Euro deal", null, new BigDecimal("500")).withValue(new BigDecimal("500"), "EUR"));
        deals.create(admin, DealDraft.of("Signed", null, new BigDecimal("2500"))
                .withStage(pipeline.id(), stages.stream().filter(s -> s.won()).findFirst().orElseThrow().id()));

        var pipelineCard = dashboard.openPipeline(admin);
        assertThat(pipelineCard.count()).isEqualTo(1);
        assertThat(pipelineCard.total()).isEqualByComparingTo("1000");
        assertThat(pipelineCard.weighted()).isEqualByComparingTo("100");
        assertThat(pipelineCard.otherCurrencyCount()).isEqualTo(1);
        assertThat(dashboard.wonThisMonth(admin, ZoneOffset.UTC).total()).isEqualByComparingTo("2500");
        assertThat(dashboard.winRate90(admin, ZoneOffset.UTC).percent()).isEqualTo(100.0);
        assertThat(dashboard.closingThisMonth(admin, ZoneOffset.UTC, 10)).extracting(c -> c.name()).containsExactly("Umbrella rollout");
        assertThat(dashboard.openPipeline(ws.as(Role.SALES)).count()).isZero();

        var now = OffsetDateTime.now(clock);
        var overdue = activities.log(admin, ActivityDraft.task("Send contract", now.minusDays(1), admin.userId(), company, null, open.id()));
        activities.log(admin, ActivityDraft.task("Next week", now.plusDays(3), admin.userId(), company, null, null));
        assertThat(dashboard.myTasks(admin, ZoneOffset.UTC, 10)).extracting(a -> a.subject()).containsExactly("Send contract");
        dashboard.completeTask(admin, overdue);
        assertThat(dashboard.myTasks(admin, ZoneOffset.UTC, 10)).isEmpty();

        invoice(db, ws.organizationId, company, "INV-1", "sent", today.minusDays(10), "150", "USD");
        invoice(db, ws.organizationId, company, "INV-2", "overdue", today.minusDays(3), "50", "USD");
        invoice(db, ws.organizationId, company, "INV-3", "paid", today.minusDays(30), "0", "USD");
        invoice(db, ws.organizationId, company, "INV-4", "sent", today.plusDays(10), "80", "USD");
        invoice(db, ws.organizationId, company, "INV-5", "overdue", today.minusDays(3), "70", "EUR");
        var invoices = dashboard.overdueInvoices(admin, ZoneOffset.UTC);
        assertThat(invoices.count()).isEqualTo(2);
        assertThat(invoices.total()).isEqualByComparingTo("200");
        assertThat(invoices.otherCurrencyCount()).isEqualTo(1);
        assertThat(dashboard.overdueInvoices(ws.as(Role.SALES), ZoneOffset.UTC).count()).isZero();

        UUID calendar = Ids.newId();
        db.dsl().insertInto(CALENDARS).set(CALENDARS.ID, calendar).set(CALENDARS.ORGANIZATION_ID, ws.organizationId)
                .set(CALENDARS.OWNER_ID, admin.userId()).set(CALENDARS.NAME, "Ada").execute();
        var base = now.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        event(db, ws.organizationId, calendar, admin.userId(), "Quarterly review", base.plusDays(2), null, null, null, "scheduled");
        UUID standup = event(db, ws.organizationId, calendar, admin.userId(), "Stand-up", base.minusDays(3).plusHours(1),
                "FREQ=DAILY;COUNT=30", null, null, "scheduled");
        event(db, ws.organizationId, calendar, admin.userId(), "Stand-up", base.plusDays(1).plusHours(1), null, standup,
                base.plusDays(1).plusHours(1), "cancelled");
        event(db, ws.organizationId, calendar, admin.userId(), "Old meeting", base.minusDays(5), null, null, null, "scheduled");
        var events = dashboard.upcomingEvents(admin, ZoneOffset.UTC, 7, 20);
        assertThat(events).extracting(e -> e.title()).containsOnly("Quarterly review", "Stand-up");
        assertThat(events.stream().filter(e -> e.title().equals("Stand-up")).count()).isEqualTo(6);
        assertThat(events.stream().map(e -> e.startsAt().toInstant()).toList())
                .doesNotContain(base.plusDays(1).plusHours(1).toInstant());
        assertThat(events).isSortedAccordingTo((a, b) -> a.startsAt().compareTo(b.startsAt()));

        activities.log(admin, ActivityDraft.call("Kick-off call", company, null, "connected", 20));
        var recent = dashboard.recentActivity(admin, 5);
        assertThat(recent).first().satisfies(a -> {
            assertThat(a.subject()).isEqualTo("Kick-off call");
            assertThat(a.companyName()).isEqualTo("Umbrella");
            assertThat(a.byName()).isEqualTo("Ada Admin");
        });
        assertThat(dashboard.recentActivity(ws.sales2, 5)).isEmpty();
    }

    private static void invoice(Database db, UUID org, UUID company, String number, String status, LocalDate due, String balance,
            String currency) {
        db.dsl().insertInto(INVOICES)
                .set(INVOICES.ID, Ids.newId())
                .set(INVOICES.ORGANIZATION_ID, org)
                .set(INVOICES.INVOICE_NUMBER, number)
                .set(INVOICES.COMPANY_ID, company)
                .set(INVOICES.STATUS, status)
                .set(INVOICES.ISSUE_DATE, due.minusDays(30))
                .set(INVOICES.DUE_DATE, due)
                .set(INVOICES.TOTAL, new BigDecimal("500"))
                .set(INVOICES.BALANCE_DUE, new BigDecimal(balance))
                .set(INVOICES.CURRENCY, currency)
                .execute();
    }

    private static UUID event(Database db, UUID org, UUID calendar, UUID owner, String title, OffsetDateTime start, String rule,
            UUID parent, OffsetDateTime originalStart, String status) {
        UUID id = Ids.newId();
        db.dsl().insertInto(EVENTS)
                .set(EVENTS.ID, id)
                .set(EVENTS.ORGANIZATION_ID, org)
                .set(EVENTS.CALENDAR_ID, calendar)
                .set(EVENTS.OWNER_ID, owner)
                .set(EVENTS.TITLE, title)
                .set(EVENTS.STARTS_AT, start)
                .set(EVENTS.ENDS_AT, start.plusMinutes(30))
                .set(EVENTS.RECURRENCE_RULE, rule)
                .set(EVENTS.RECURRENCE_PARENT_ID, parent)
                .set(EVENTS.ORIGINAL_START, originalStart)
                .set(EVENTS.STATUS, status)
                .execute();
        return id;
    }
}
