package org.deskcrm.deal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.deskcrm.db.Tables.AUDIT_LOG;
import static org.deskcrm.db.Tables.DEALS;
import static org.deskcrm.db.Tables.DEAL_STAGE_HISTORY;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.deskcrm.platform.db.Database;
import org.deskcrm.platform.persistence.NotFoundException;
import org.deskcrm.platform.persistence.StaleRecordException;
import org.deskcrm.platform.persistence.ValidationException;
import org.deskcrm.security.AccessDeniedException;
import org.deskcrm.security.Role;
import org.deskcrm.testing.BothDatabases;

/** Stage moves (SR-8): close/reopen rules, history with durations, card order, versions and rules. */
class DealMoveTest {

    @BothDatabases
    void closingAndReopeningFollowTheStageRules(Database db) {
        var f = new DealFixture(db);
        var sales = f.ws.as(Role.SALES);
        var deal = f.deal(sales, "Acme renewal", "1000");
        assertThat(deal.stageName()).isEqualTo("Lead");
        assertThat(deal.probability()).isEqualTo(10);

        f.clock.advance(Duration.ofDays(2).plusHours(3));
        var qualified = f.move(sales, deal.id(), "Qualified").card();
        assertThat(qualified.probability()).isEqualTo(25);
        assertThat(qualified.expectedRevenue()).isEqualByComparingTo("250");
        assertThat(qualified.status()).isEqualTo(DealStatus.OPEN);

        f.clock.advance(Duration.ofDays(5));
        // Lost needs a reason; nothing changes without one.
        assertThatThrownBy(() -> f.move(sales, deal.id(), "Lost"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("why the deal was lost");
        assertThat(f.card(sales, deal.id()).stageId()).isEqualTo(f.stage("Qualified").id());

        var lostReq = MoveRequest.toStage(f.card(sales, deal.id()), f.stage("Lost").id()).withReason("Too expensive");
        var lost = f.deals.move(sales, lostReq).card();
        assertThat(lost.status()).isEqualTo(DealStatus.LOST);
        assertThat(lost.probability()).isZero();
        var lostDeal = f.deals.get(sales, deal.id());
        assertThat(lostDeal.actualCloseDate()).isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(lostDeal.lostReason()).isEqualTo("Too expensive");

        // Lost -> Won: still closed, the close date stays, the reasons swap.
        f.clock.advance(Duration.ofDays(1));
        var wonReq = MoveRequest.toStage(f.card(sales, deal.id()), f.stage("Won").id()).withReason("Price matched");
        f.deals.move(sales, wonReq);
        var won = f.deals.get(sales, deal.id());
        assertThat(won.status()).isEqualTo(DealStatus.WON);
        assertThat(won.probability()).isEqualTo(100);
        assertThat(won.actualCloseDate()).isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(won.wonReason()).isEqualTo("Price matched");
        assertThat(won.lostReason()).isNull();

        // Reopening clears the close date and the reasons.
        f.clock.advance(Duration.ofHours(4));
        f.move(sales, deal.id(), "Proposal");
        var reopened = f.deals.get(sales, deal.id());
        assertThat(reopened.status()).isEqualTo(DealStatus.OPEN);
        assertThat(reopened.actualCloseDate()).isNull();
        assertThat(reopened.wonReason()).isNull();
        assertThat(reopened.probability()).isEqualTo(50);

        var history = f.deals.history(sales, deal.id());
        assertThat(history).extracting(StageHistoryEntry::toStageName)
                .containsExactly("Lead", "Qualified", "Lost", "Won", "Proposal");
        assertThat(history.get(0).fromStageId()).isNull();
        assertThat(history.get(1).timeInPreviousStage()).isEqualTo(Duration.ofDays(2).plusHours(3));
        assertThat(history.get(2).timeInPreviousStage()).isEqualTo(Duration.ofDays(5));
        assertThat(history.get(2).note()).isEqualTo("Lost: Too expensive");
        assertThat(history.get(3).note()).isEqualTo("Won: Price matched");
        assertThat(history.get(4).timeInPreviousStage()).isEqualTo(Duration.ofHours(4));
        assertThat(history).allSatisfy(h -> assertThat(h.changedByName()).isEqualTo("Sales User"));
        assertThat(db.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.RECORD_ID.eq(deal.id()).and(AUDIT_LOG.ACTION.eq("stage_change"))))
                .isEqualTo(4);
    }

    @BothDatabases
    void cardsKeepTheirOrderWithinAColumnAndGapsAreRenumbered(Database db) {
        var f = new DealFixture(db);
        var sales = f.ws.as(Role.SALES);
        var a = f.deal(sales, "A", "1");
        var b = f.deal(sales, "B", "2");
        var c = f.deal(sales, "C", "3");
        assertThat(f.column(sales, "Lead")).containsExactly("A", "B", "C");

        var lead = f.stage("Lead").id();
        f.deals.move(sales, MoveRequest.toStage(f.card(sales, c.id()), lead).before(a.id()));
        assertThat(f.column(sales, "Lead")).containsExactly("C", "A", "B");
        f.deals.move(sales, MoveRequest.toStage(f.card(sales, a.id()), lead).after(b.id()));
        assertThat(f.column(sales, "Lead")).containsExactly("C", "B", "A");
        // Reordering is no stage change: no history row.
        assertThat(db.dsl().fetchCount(DEAL_STAGE_HISTORY, DEAL_STAGE_HISTORY.DEAL_ID.eq(a.id()))).isEqualTo(1);

        // Keep dropping cards right after C until the gap is used up: the column is renumbered, order kept.
        List<String> expected = new ArrayList<>(List.of("C", "B", "A"));
        boolean renumbered = false;
        for (int i = 0; i < 12 && !renumbered; i++) {
            var d = f.deal(sales, "N" + i, "1");
            expected.add(1, "N" + i);
            var result = f.deals.move(sales, MoveRequest.toStage(f.card(sales, d.id()), lead).after(c.id()));
            renumbered = result.renumbered();
            expected.remove("N" + i);
            expected.add(1, "N" + i);
        }
        assertThat(renumbered).isTrue();
        assertThat(f.column(sales, "Lead")).containsExactlyElementsOf(expected);

        // Into another column between two cards, and to an empty column's end.
        var x = f.deal(sales, "X", "1", "USD", "Proposal");
        var y = f.deal(sales, "Y", "1", "USD", "Proposal");
        f.deals.move(sales, MoveRequest.toStage(f.card(sales, b.id()), f.stage("Proposal").id()).after(x.id()));
        assertThat(f.column(sales, "Proposal")).containsExactly("X", "B", "Y");
        f.move(sales, y.id(), "Negotiation");
        assertThat(f.column(sales, "Negotiation")).containsExactly("Y");
    }

    @BothDatabases
    void aStaleCardIsRefusedAndOnlyWritersMayMove(Database db) {
        var f = new DealFixture(db);
        var sales = f.ws.as(Role.SALES);
        var deal = f.deal(sales, "Globex", "500");
        var old = f.card(sales, deal.id());
        f.move(sales, deal.id(), "Qualified");
        // Someone moved it meanwhile: the old card's move is refused and nothing changes.
        assertThatThrownBy(() -> f.deals.move(sales, MoveRequest.toStage(old, f.stage("Proposal").id())))
                .isInstanceOf(StaleRecordException.class).hasMessageContaining("changed by someone else");
        assertThat(f.card(sales, deal.id()).stageId()).isEqualTo(f.stage("Qualified").id());

        // Another rep can neither see nor move it; the viewer sees it read-only; the manager of its owner moves it.
        var current = f.card(sales, deal.id());
        assertThatThrownBy(() -> f.deals.move(f.ws.sales2, MoveRequest.toStage(current, f.stage("Proposal").id())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.deals.move(f.ws.as(Role.VIEWER), MoveRequest.toStage(current, f.stage("Proposal").id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(f.card(f.ws.as(Role.VIEWER), deal.id()).editable()).isFalse();
        var finance = f.card(f.ws.as(Role.FINANCE), deal.id());
        assertThat(finance.editable()).isFalse();
        assertThatThrownBy(() -> f.deals.move(f.ws.as(Role.FINANCE), MoveRequest.toStage(finance, f.stage("Proposal").id())))
                .isInstanceOf(AccessDeniedException.class);
        var manager = f.ws.as(Role.MANAGER);
        assertThat(f.card(manager, deal.id()).editable()).isTrue();
        f.deals.move(manager, MoveRequest.toStage(f.card(manager, deal.id()), f.stage("Proposal").id()));
        assertThat(db.dsl().fetchValue(DEALS.PROBABILITY, DEALS.ID.eq(deal.id()))).isEqualTo(50);
        assertThat(f.deals.history(sales, deal.id()).getLast().changedBy()).isEqualTo(manager.userId());
        assertThat(f.deals.history(f.ws.sales2, deal.id())).isEmpty();
        assertThat(db.dsl().fetchValue(DEALS.DEAL_VALUE, DEALS.ID.eq(deal.id()))).isEqualByComparingTo(new BigDecimal("500"));
    }
}
