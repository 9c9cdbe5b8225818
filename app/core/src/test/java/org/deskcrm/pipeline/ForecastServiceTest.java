package org.deskcrm.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.deskcrm.db.Tables.LEADS;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.UUID;
import org.deskcrm.deal.DealDraft;
import org.deskcrm.deal.DealFixture;
import org.deskcrm.deal.MoveRequest;
import org.deskcrm.deal.persistence.DealRepository;
import org.deskcrm.pipeline.Forecast.Bucket;
import org.deskcrm.pipeline.persistence.ForecastRepository;
import org.deskcrm.platform.db.Database;
import org.deskcrm.platform.id.Ids;
import org.deskcrm.platform.task.ProgressSink;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.Role;
import org.deskcrm.testing.BothDatabases;

/** The forecast on a known data set: every number checked, on both databases, with the rules applied. */
class ForecastServiceTest {

    @BothDatabases
    void forecastNumbersOnAKnownDataSet(Database db) {
        var f = new DealFixture(db);
        var admin = f.ws.admin;
        var sales = f.ws.as(Role.SALES);
        var p = f.sales.id();
        // t0 = 2026-03-02 09:00 UTC
        deal(f, admin, "A", "1000", "USD", "Lead", LocalDate.of(2026, 3, 20));
        deal(f, sales, "B", "2000", "USD", "Proposal", LocalDate.of(2026, 4, 15));
        deal(f, admin, "C", "500", "EUR", "Qualified", LocalDate.of(2026, 3, 10));
        deal(f, admin, "D", "3000", "USD", "Negotiation", LocalDate.of(2026, 2, 10));
        deal(f, admin, "E", "400", "USD", "Lead", null);
        var w1 = deal(f, admin, "W1", "1000", "USD", "Lead", null);
        var w2 = deal(f, admin, "W2", "3000", "USD", "Lead", null);
        var l1 = deal(f, admin, "L1", "800", "USD", "Lead", null);
        f.clock.advance(Duration.ofDays(1));
        f.move(admin, w2, "Qualified");
        f.clock.advance(Duration.ofDays(2));
        f.move(admin, w1, "Qualified");
        f.clock.advance(Duration.ofDays(1));
        f.deals.move(admin, MoveRequest.toStage(f.card(admin, l1), f.stage("Lost").id()).withReason("No budget"));
        f.clock.advance(Duration.ofDays(1));
        f.move(admin, w1, "Won");
        f.clock.advance(Duration.ofDays(1));
        f.move(admin, w2, "Won");
        lead(f, "prospect", "100", "USD");
        lead(f, "prospect", "200", null);
        lead(f, "prospect", "300", "EUR");
        lead(f, "qualified", "1000", "USD");
        lead(f, "closed_won", "500", "USD");

        var service = new ForecastService(db.dsl(), new ForecastRepository(), new DealRepository());
        var fc = service.forecast(admin, p, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), YearMonth.of(2026, 3), 3,
                ZoneOffset.UTC, ProgressSink.NONE);
        assertThat(fc.organizationCurrency()).isEqualTo("USD");

        var usd = fc.monthsIn("USD");
        assertThat(usd).extracting(Forecast.MonthForecast::bucket)
                .containsExactly(Bucket.OVERDUE, Bucket.MONTH, Bucket.MONTH, Bucket.MONTH, Bucket.NO_DATE);
        assertThat(usd.get(0).weighted()).isEqualByComparingTo("2250");
        assertThat(usd.get(1).month()).isEqualTo(YearMonth.of(2026, 3));
        assertThat(usd.get(1).total()).isEqualByComparingTo("1000");
        assertThat(usd.get(1).weighted()).isEqualByComparingTo("100");
        assertThat(usd.get(2).weighted()).isEqualByComparingTo("1000");
        assertThat(usd.get(3).count()).isZero();
        assertThat(usd.get(4).total()).isEqualByComparingTo("400");
        assertThat(fc.monthsIn("EUR")).hasSize(3);
        assertThat(fc.monthsIn("EUR").getFirst().weighted()).isEqualByComparingTo("125");
        assertThat(fc.openDealsInOtherCurrencies("USD")).isEqualTo(1);

        assertThat(fc.owners()).hasSize(3);
        var top = fc.owners().getFirst();
        assertThat(top.ownerId()).isEqualTo(admin.userId());
        assertThat(top.currency()).isEqualTo("USD");
        assertThat(top.count()).isEqualTo(3);
        assertThat(top.total()).isEqualByComparingTo("4400");
        assertThat(top.weighted()).isEqualByComparingTo("2390");
        assertThat(fc.owners().get(1).ownerName()).isEqualTo("Sales User");

        assertThat(fc.winRate().won()).isEqualTo(2);
        assertThat(fc.winRate().lost()).isEqualTo(1);
        assertThat(fc.winRate().percent()).isCloseTo(66.667, within(0.01));
        assertThat(fc.dealSizes()).singleElement().satisfies(s -> {
            assertThat(s.currency()).isEqualTo("USD");
            assertThat(s.won()).isEqualTo(2);
            assertThat(s.average()).isEqualByComparingTo("2000");
        });
        assertThat(fc.stageDurations()).extracting(Forecast.StageDuration::stageName).containsExactly("Lead", "Qualified");
        assertThat(fc.stageDurations().get(0).moves()).isEqualTo(3);
        assertThat(fc.stageDurations().get(0).averageDays()).isCloseTo(8.0 / 3, within(0.001));
        assertThat(fc.stageDurations().get(1).averageDays()).isCloseTo(3.5, within(0.001));
        assertThat(fc.cycle().deals()).isEqualTo(2);
        assertThat(fc.cycle().averageDays()).isCloseTo(5.5, within(0.001));
        assertThat(fc.cycle().medianDays()).isCloseTo(5.5, within(0.001));

        assertThat(fc.funnel()).extracting(Forecast.FunnelStage::stage).containsExactlyElementsOf(ForecastService.LEAD_STAGES);
        assertThat(fc.funnel().get(0).leads()).isEqualTo(3);
        assertThat(fc.funnel().get(0).value()).isEqualByComparingTo("300");
        assertThat(fc.funnel().get(0).otherCurrencyLeads()).isEqualTo(1);
        assertThat(fc.funnel().get(4).value()).isEqualByComparingTo("500");

        // A period without closes; and the sales rep's forecast only counts their own deal.
        var april = service.forecast(admin, p, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30), YearMonth.of(2026, 4), 2,
                ZoneOffset.UTC, ProgressSink.NONE);
        assertThat(april.winRate().percent()).isNull();
        assertThat(april.cycle().deals()).isZero();
        var mine = service.forecast(sales, p, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), YearMonth.of(2026, 3), 3,
                ZoneOffset.UTC, ProgressSink.NONE);
        assertThat(mine.owners()).singleElement().satisfies(o -> assertThat(o.total()).isEqualByComparingTo("2000"));
        assertThat(mine.winRate().won()).isZero();
        assertThat(service.winRate(admin, null, LocalDate.of(2026, 3, 7), LocalDate.of(2026, 3, 8)).percent()).isEqualTo(100.0);
    }

    private static UUID deal(DealFixture f, CurrentUser user, String name, String value, String currency, String stage,
            LocalDate close) {
        return f.deals.create(user, DealDraft.of(name, null, new BigDecimal(value)).withValue(new BigDecimal(value), currency)
                .withStage(f.sales.id(), f.stage(stage).id()).withCloseDate(close)).id();
    }

    private static void lead(DealFixture f, String stage, String value, String currency) {
        f.db.dsl().insertInto(LEADS)
                .set(LEADS.ID, Ids.newId())
                .set(LEADS.ORGANIZATION_ID, f.ws.organizationId)
                .set(LEADS.FIRST_NAME, "Lead " + stage)
                .set(LEADS.FULL_NAME_LC, "lead " + stage)
                .set(LEADS.STAGE, stage)
                .set(LEADS.ESTIMATED_VALUE, new BigDecimal(value))
                .set(LEADS.CURRENCY, currency)
                .execute();
    }
}
