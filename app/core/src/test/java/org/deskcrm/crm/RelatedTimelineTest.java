package org.deskcrm.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.deskcrm.crm.RelatedTimeline.Item;
import org.deskcrm.crm.RelatedTimeline.Stream;
import org.deskcrm.platform.db.Database;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.Role;
import org.deskcrm.testing.BothDatabases;
import org.deskcrm.testing.Fixtures;
import org.deskcrm.testing.RelatedFixtures;
import org.deskcrm.testing.TestWorkspace;

/**
 * The related records' part of a company's or contact's timeline: every step of every deal,
 * invoice, event and document, newest first, in keyset pages that lose nothing at their
 * boundaries, each kind under its own record rule; and the tab lists that say how many there are.
 */
class RelatedTimelineTest {
    /** Not UTC, so "a day" placed at its start in the zone is not a UTC midnight. */
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 15);

    private static OffsetDateTime at(int month, int day, int hour) {
        return OffsetDateTime.of(2026, month, day, hour, 0, 0, 0, ZoneOffset.UTC);
    }

    private static OffsetDateTime startOf(LocalDate d) {
        return d.atStartOfDay(ZONE).toOffsetDateTime();
    }

    private static List<Item> all(CrmServices crm, CurrentUser user, UUID companyId, int pageSize) {
        List<Item> out = new ArrayList<>();
        RelatedTimeline.Cursor after = null;
        for (int guard = 0; guard < 1000; guard++) {
            var page = crm.companies.timeline(user, companyId, ZONE, TODAY, after, pageSize);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(pageSize);
            out.addAll(page.items());
            if (!page.more()) {
                return out;
            }
            assertThat(page.items()).hasSize(pageSize);
            after = page.next();
        }
        throw new AssertionError("the timeline never ended");
    }

    private static String key(Item i) {
        return i.stream() + "/" + i.id();
    }

    @BothDatabases
    void everyStepOfEveryKindIsPlacedByItsDateNewestFirstWithTheNewColumns(Database db) {
        var ws = new TestWorkspace(db);
        var crm = new CrmServices(db.dsl(), ws.audit, Clock.systemUTC());
        var sales = ws.as(Role.SALES);
        UUID org = ws.organizationId;
        UUID acme = Fixtures.company(db.dsl(), org, "Acme", sales.userId(), "active");
        var f = new RelatedFixtures(db.dsl(), org);

        UUID won = f.deal("Big deal", acme, null, sales.userId(), at(1, 10, 9), "won", LocalDate.of(2026, 3, 1));
        UUID open = f.deal("Open deal", acme, null, sales.userId(), at(3, 5, 12), "open", null);
        UUID paid = f.invoice("INV-1", acme, null, "paid", LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 2, 20), "0");
        UUID late = f.invoice("INV-2", acme, null, "sent", LocalDate.of(2026, 2, 10), LocalDate.of(2026, 3, 10), null, "120.50");
        UUID draft = f.invoice(null, acme, null, "draft", LocalDate.of(2026, 3, 14), LocalDate.of(2026, 4, 14), null, "500");
        UUID meeting = f.event("Kick-off", acme, null, sales.userId(), at(3, 20, 8));
        UUID contract = f.document("contract.pdf", "company", acme, acme, sales.userId(), 2, at(2, 25, 15), at(3, 2, 10));

        var page = crm.companies.timeline(sales, acme, ZONE, TODAY, null, 50);
        assertThat(page.more()).isFalse();
        assertThat(page.items()).extracting(RelatedTimelineTest::key).containsExactly(
                "EVENT/" + meeting,                  // 20 Mar (upcoming)
                "INVOICE_OVERDUE/" + late,           // from 11 Mar, the day after its due date
                "DEAL_CREATED/" + open,              // 5 Mar 12:00
                "DOCUMENT_SIGNED/" + contract,       // 2 Mar 10:00
                "DEAL_CLOSED/" + won,                // 1 Mar (a day)
                "DOCUMENT_ADDED/" + contract,        // 25 Feb
                "INVOICE_PAID/" + paid,              // 20 Feb
                "INVOICE_ISSUED/" + late,            // 10 Feb
                "INVOICE_ISSUED/" + paid,            // 1 Feb
                "DEAL_CREATED/" + won);              // 10 Jan
        assertThat(page.items()).extracting(RelatedTimeline.Item::id).doesNotContain(draft); // a draft is not issued
        // Days are placed at their start in the workspace zone; moments as stored.
        var closed = page.items().get(4);
        assertThat(closed.at().toInstant()).isEqualTo(startOf(LocalDate.of(2026, 3, 1)).toInstant());
        assertThat(page.items().get(1).at().toInstant()).isEqualTo(startOf(LocalDate.of(2026, 3, 11)).toInstant());

        // The columns the timeline needs come back on the records.
        var deal = (Related.Deal) closed.record();
        assertThat(deal.createdAt().toInstant()).isEqualTo(at(1, 10, 9).toInstant());
        assertThat(deal.closedOn()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(((Related.Invoice) page.items().get(6).record()).paidDate()).isEqualTo(LocalDate.of(2026, 2, 20));
        var doc = (Related.Document) page.items().get(3).record();
        assertThat(doc.signed()).isTrue();
        assertThat(doc.signedAt().toInstant()).isEqualTo(at(3, 2, 10).toInstant());
        assertThat(doc.createdAt().toInstant()).isEqualTo(at(2, 25, 15).toInstant());
        assertThat(doc.docVersion()).isEqualTo(2);
        assertThat(doc.uploadedByName()).isNotBlank();

        // The tab lists carry the same columns.
        var tabs = crm.companies.related(sales, acme, 100);
        assertThat(tabs.deals()).extracting(Related.Deal::id).containsExactly(open, won); // open first
        assertThat(tabs.deals().get(1).closedOn()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(tabs.deals().get(1).createdAt()).isNotNull();
        assertThat(tabs.invoices()).extracting(Related.Invoice::id).containsExactly(draft, late, paid);
        assertThat(tabs.invoices().get(2).paidDate()).isEqualTo(LocalDate.of(2026, 2, 20));
        assertThat(tabs.documents().getFirst().signedAt()).isNotNull();
        assertThat(tabs.capped()).isFalse();
        assertThat(tabs.dealCount()).isEqualTo(2);
        assertThat(tabs.invoiceCount()).isEqualTo(3);
    }

    /**
     * 130 deals and 70 invoices whose days interleave with the deals' moments (some at the very
     * start of a day, where the tie rule decides): read 25 at a time, nothing is lost, nothing
     * repeats, the order is that of one big read, and it is newest first.
     */
    @BothDatabases
    void pagesLoseNothingAtTheirBoundariesWhateverTheTies(Database db) {
        var ws = new TestWorkspace(db);
        var crm = new CrmServices(db.dsl(), ws.audit, Clock.systemUTC());
        var sales = ws.as(Role.SALES);
        UUID org = ws.organizationId;
        UUID acme = Fixtures.company(db.dsl(), org, "Acme", sales.userId(), "active");
        var f = new RelatedFixtures(db.dsl(), org);
        LocalDate base = LocalDate.of(2025, 6, 1);
        int expected = 0;
        for (int i = 0; i < 130; i++) {
            LocalDate day = base.plusDays(i / 3);
            // a third at the start of the day in the zone (ties with the invoices of that day), the rest later that day
            OffsetDateTime created = i % 3 == 0 ? startOf(day) : startOf(day).plusHours(i % 3 * 5);
            boolean closed = i % 4 == 0;
            f.deal("Deal " + i, acme, null, sales.userId(), created.withOffsetSameInstant(ZoneOffset.UTC), closed ? "lost" : "open",
                    closed ? day.plusDays(10) : null);
            expected += closed ? 2 : 1;
        }
        for (int i = 0; i < 70; i++) {
            LocalDate day = base.plusDays(i / 2);
            boolean isPaid = i % 2 == 0;
            f.invoice("INV-" + i, acme, null, isPaid ? "paid" : "sent", day, day.plusDays(30), isPaid ? day.plusDays(3) : null,
                    isPaid ? "0" : "10");
            expected += isPaid ? 2 : 2; // issued + paid, or issued + overdue (due long before TODAY)
        }

        var once = crm.companies.timeline(sales, acme, ZONE, TODAY, null, 10_000);
        assertThat(once.more()).isFalse();
        assertThat(once.items()).hasSize(expected);
        for (int i = 1; i < once.items().size(); i++) {
            var a = once.items().get(i - 1);
            var b = once.items().get(i);
            assertThat(a.at().toInstant()).isAfterOrEqualTo(b.at().toInstant());
            assertThat(RelatedTimeline.NEWEST_FIRST.compare(a, b)).isNegative();
        }
        // There are ties at one moment across kinds (a deal created at the start of the day an invoice was issued).
        var moments = new HashSet<java.time.Instant>();
        boolean tie = once.items().stream().anyMatch(i -> !moments.add(i.at().toInstant()));
        assertThat(tie).isTrue();

        for (int size : new int[] {25, 7, 1}) {
            var paged = all(crm, sales, acme, size);
            assertThat(paged).extracting(RelatedTimelineTest::key)
                    .as("pages of %d", size)
                    .containsExactlyElementsOf(once.items().stream().map(RelatedTimelineTest::key).toList());
        }

        // The tabs say how many there are instead of silently cutting at their limit.
        var tabs = crm.companies.related(sales, acme, 100);
        assertThat(tabs.deals()).hasSize(100);
        assertThat(tabs.dealCount()).isEqualTo(130);
        assertThat(tabs.invoices()).hasSize(70);
        assertThat(tabs.invoiceCount()).isEqualTo(70);
        assertThat(tabs.capped()).isTrue();
        assertThat(crm.companies.related(sales, acme, 200).capped()).isFalse();
    }

    @BothDatabases
    void aSalesRepDoesNotSeeAColleaguesDealOrInvoiceOnTheTimeline(Database db) {
        var ws = new TestWorkspace(db);
        var crm = new CrmServices(db.dsl(), ws.audit, Clock.systemUTC());
        var sales = ws.as(Role.SALES);
        var manager = ws.as(Role.MANAGER);
        UUID org = ws.organizationId;
        UUID mine = Fixtures.company(db.dsl(), org, "Mine Inc", sales.userId(), "active");
        UUID theirs = Fixtures.company(db.dsl(), org, "Theirs Ltd", ws.sales2.userId(), "active");
        UUID contact = Fixtures.contact(db.dsl(), org, mine, "Pat", "Shared", sales.userId());
        var f = new RelatedFixtures(db.dsl(), org);
        UUID myDeal = f.deal("My deal", mine, contact, sales.userId(), at(2, 1, 9), "open", null);
        UUID colleaguesDeal = f.deal("Their deal on my company", mine, contact, ws.sales2.userId(), at(2, 2, 9), "won",
                LocalDate.of(2026, 2, 20));
        UUID myInvoice = f.invoice("INV-M", mine, contact, "sent", LocalDate.of(2026, 2, 3), LocalDate.of(2026, 4, 3), null, "5");
        // billed to my contact, but on the colleague's company: the invoice follows its company's owner
        UUID colleaguesInvoice = f.invoice("INV-T", theirs, contact, "paid", LocalDate.of(2026, 2, 4), LocalDate.of(2026, 3, 4),
                LocalDate.of(2026, 2, 6), "0");

        var salesSees = crm.companies.timeline(sales, mine, ZONE, TODAY, null, 50).items();
        assertThat(salesSees).extracting(Item::id).containsOnly(myDeal, myInvoice).doesNotContain(colleaguesDeal);
        var onContact = crm.contacts.timeline(sales, contact, ZONE, TODAY, null, 50).items();
        assertThat(onContact).extracting(Item::id).containsOnly(myDeal, myInvoice);
        var tabs = crm.companies.related(sales, mine, 100);
        assertThat(tabs.dealCount()).isEqualTo(1);
        assertThat(tabs.deals()).extracting(Related.Deal::id).containsExactly(myDeal);
        assertThat(crm.contacts.related(sales, contact, 100).invoiceCount()).isEqualTo(1);

        // Their manager sees both reps' deals and invoices.
        var managerSees = crm.contacts.timeline(manager, contact, ZONE, TODAY, null, 50).items();
        assertThat(managerSees).extracting(RelatedTimelineTest::key).contains("DEAL_CLOSED/" + colleaguesDeal,
                "DEAL_CREATED/" + colleaguesDeal, "INVOICE_PAID/" + colleaguesInvoice, "INVOICE_ISSUED/" + colleaguesInvoice,
                "DEAL_CREATED/" + myDeal, "INVOICE_ISSUED/" + myInvoice);
        assertThat(managerSees.stream().map(Item::stream)).doesNotContain(Stream.INVOICE_OVERDUE);
    }
}
