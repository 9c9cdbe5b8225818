package org.deskcrm.deal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.deskcrm.platform.db.Database;
import org.deskcrm.platform.task.ProgressSink;
import org.deskcrm.security.Role;
import org.deskcrm.testing.BothDatabases;

/** The board's column queries: keyset pages, totals per currency, filters, the editable flag, the list. */
class BoardQueryTest {

    @BothDatabases
    void columnsPageByKeysetAndTotalPerCurrency(Database db) {
        var f = new DealFixture(db);
        var admin = f.ws.admin;
        for (int i = 1; i <= 5; i++) {
            f.deal(admin, "Deal " + i, Integer.toString(i * 100), "USD", "Qualified");
        }
        f.deal(admin, "Euro deal", "1000", "EUR", "Qualified");
        f.deal(admin, "Won deal", "700", "USD", "Won");

        var board = f.deals.board(admin, f.sales.id(), BoardFilter.NONE, 4, ProgressSink.NONE);
        assertThat(board).extracting(c -> c.stage().name())
                .containsExactly("Lead", "Qualified", "Proposal", "Negotiation", "Won", "Lost");
        var qualified = board.get(1);
        assertThat(qualified.totals().count()).isEqualTo(6);
        var usd = qualified.totals().in("USD");
        assertThat(usd.count()).isEqualTo(5);
        assertThat(usd.total()).isEqualByComparingTo("1500");
        assertThat(usd.weighted()).isEqualByComparingTo("375");
        assertThat(qualified.totals().others("USD")).singleElement().satisfies(e -> {
            assertThat(e.currency()).isEqualTo("EUR");
            assertThat(e.total()).isEqualByComparingTo("1000");
            assertThat(e.weighted()).isEqualByComparingTo("250");
        });
        assertThat(qualified.page().cards()).extracting(DealCard::name).containsExactly("Deal 1", "Deal 2", "Deal 3", "Deal 4");
        assertThat(qualified.page().hasMore()).isTrue();
        assertThat(qualified.page().cards()).allSatisfy(c -> assertThat(c.editable()).isTrue());
        var next = f.deals.column(admin, f.sales.id(), f.stage("Qualified").id(), BoardFilter.NONE,
                qualified.page().cards().getLast(), 4);
        assertThat(next.cards()).extracting(DealCard::name).containsExactly("Deal 5", "Euro deal");
        assertThat(next.hasMore()).isFalse();
        assertThat(board.get(4).totals().in("USD").total()).isEqualByComparingTo("700");
        assertThat(board.get(0).totals().count()).isZero();
        assertThat(board.get(0).page().cards()).isEmpty();
    }

    @BothDatabases
    void filtersNarrowCardsAndTotalsAndRulesDecideWhoSeesAndDrags(Database db) {
        var f = new DealFixture(db);
        var sales = f.ws.as(Role.SALES);
        var sales2 = f.ws.sales2;
        var a = f.deals.create(sales, DealDraft.of("Alpha", null, new BigDecimal("100"))
                .withCloseDate(LocalDate.of(2026, 3, 31)).withTags(List.of("Hot", "Enterprise")));
        f.deals.create(sales, DealDraft.of("Beta", null, new BigDecimal("5000"))
                .withCloseDate(LocalDate.of(2026, 5, 15)).withTags(List.of("hot")));
        f.deals.create(sales2, DealDraft.of("Gamma", null, new BigDecimal("250"))
                .withCloseDate(LocalDate.of(2026, 4, 10)));
        var lead = f.stage("Lead").id();
        var hot = f.deals.tags(f.ws.admin).stream().filter(t -> t.name().equals("Hot")).findFirst().orElseThrow();
        assertThat(f.deals.get(sales, a.id()).tags()).containsExactly("Enterprise", "Hot");

        var admin = f.ws.admin;
        assertThat(names(f, admin, BoardFilter.NONE)).containsExactly("Alpha", "Beta", "Gamma");
        assertThat(names(f, admin, BoardFilter.NONE.withOwner(sales2.userId()))).containsExactly("Gamma");
        assertThat(names(f, admin, BoardFilter.NONE.withTag(hot.id()))).containsExactly("Alpha", "Beta");
        assertThat(names(f, admin, BoardFilter.NONE.withCloseDates(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 5, 15))))
                .containsExactly("Beta", "Gamma");
        assertThat(names(f, admin, BoardFilter.NONE.withValues(new BigDecimal("200"), new BigDecimal("1000"))))
                .containsExactly("Gamma");
        assertThat(f.deals.totals(admin, f.sales.id(), lead, BoardFilter.NONE.withTag(hot.id())).in("USD").total())
                .isEqualByComparingTo("5100");

        // Record rules: each rep sees their own deals; totals count only what they see.
        assertThat(names(f, sales, BoardFilter.NONE)).containsExactly("Alpha", "Beta");
        assertThat(f.deals.totals(sales2, f.sales.id(), lead, BoardFilter.NONE).in("USD").total()).isEqualByComparingTo("250");
        // The viewer sees everything read-only, the manager can drag the team's deals.
        var viewerCards = f.deals.column(f.ws.as(Role.VIEWER), f.sales.id(), lead, BoardFilter.NONE, null, 50).cards();
        assertThat(viewerCards).hasSize(3).allSatisfy(c -> assertThat(c.editable()).isFalse());
        var managerCards = f.deals.column(f.ws.as(Role.MANAGER), f.sales.id(), lead, BoardFilter.NONE, null, 50).cards();
        assertThat(managerCards).hasSize(3).allSatisfy(c -> assertThat(c.editable()).isTrue());

        // The list: same deals, sorted by value descending, paged by keyset.
        var first = f.deals.list(admin, f.sales.id(), BoardFilter.NONE, ListSort.VALUE_DESC, null, 2);
        assertThat(first.cards()).extracting(DealCard::name).containsExactly("Beta", "Gamma");
        var second = f.deals.list(admin, f.sales.id(), BoardFilter.NONE, ListSort.VALUE_DESC, first.cards().getLast(), 2);
        assertThat(second.cards()).extracting(DealCard::name).containsExactly("Alpha");
        assertThat(f.deals.list(admin, f.sales.id(), BoardFilter.NONE, ListSort.CLOSE_DATE, null, 10).cards())
                .extracting(DealCard::name).containsExactly("Alpha", "Gamma", "Beta");
        assertThat(f.deals.list(admin, f.sales.id(), BoardFilter.NONE.withNamePrefix("ga"), ListSort.NAME, null, 10).cards())
                .extracting(DealCard::name).containsExactly("Gamma");
        assertThat(f.deals.search(sales, "alp", 10)).extracting(h -> h.name()).containsExactly("Alpha");
        assertThat(f.deals.search(sales2, "alp", 10)).isEmpty();
    }

    private static List<String> names(DealFixture f, org.deskcrm.security.CurrentUser user, BoardFilter filter) {
        return f.deals.column(user, f.sales.id(), f.stage("Lead").id(), filter, null, 50).cards().stream()
                .map(DealCard::name).sorted().toList();
    }
}
