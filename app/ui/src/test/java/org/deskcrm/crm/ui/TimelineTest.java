package org.deskcrm.crm.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.deskcrm.activity.Activity;
import org.deskcrm.activity.ActivityType;
import org.deskcrm.activity.Note;
import org.deskcrm.crm.Related;
import org.deskcrm.crm.RelatedRecords;
import org.deskcrm.crm.RelatedTimeline;
import org.deskcrm.crm.RelatedTimeline.Stream;
import org.deskcrm.crm.ui.Timeline.Entry;
import org.deskcrm.crm.ui.Timeline.Filter;
import org.deskcrm.crm.ui.Timeline.What;
import org.junit.jupiter.api.Test;

/** The merged timeline: one order newest first, activity paging never shows anything out of order, filters. */
class TimelineTest {
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final Instant NOW = Instant.parse("2026-05-20T10:00:00Z");

    private static OffsetDateTime at(String local) {
        return java.time.LocalDateTime.parse(local).atZone(OSLO).toOffsetDateTime();
    }

    private static int seq;

    /** Ids in creation order, so ties sort reproducibly. */
    private static UUID id() {
        return new UUID(0, ++seq);
    }

    private static Activity call(String subject, OffsetDateTime when) {
        return call(subject, when, id());
    }

    private static Activity call(String subject, OffsetDateTime when, UUID id) {
        return new Activity(id, ActivityType.CALL, subject, null, null, null, null, null, when, 10, "connected", false, null,
                null, null, null, null, null, "Carla", 1);
    }

    private static Note note(String body, OffsetDateTime when, boolean pinned) {
        return new Note(id(), null, null, null, null, null, body, "general", pinned, null, "Carla", when, when, 1);
    }

    private static Related.Deal deal(String name, String status, OffsetDateTime created, LocalDate closed) {
        return new Related.Deal(id(), name, "Proposal", "#000", status, new BigDecimal("12000.00"), "EUR", 50, null, "Carla",
                created, closed);
    }

    private static Related.Invoice invoice(String number, String status, LocalDate issued, LocalDate due, String balance,
            LocalDate paid) {
        return new Related.Invoice(id(), number, status, issued, due, new BigDecimal("500.00"), new BigDecimal(balance), "EUR", paid);
    }

    private static Related.Document document(String name, int version, OffsetDateTime created, OffsetDateTime signedAt) {
        return new Related.Document(id(), name, "contract", 1000, "application/pdf", version, signedAt != null, created, "Carla",
                signedAt);
    }

    private static Related.Event event(String title, OffsetDateTime starts) {
        return new Related.Event(id(), title, starts, starts.plusHours(1), false, "Hamburg", "scheduled");
    }

    /** What an entry is, for readable assertions: "DEAL_WON Big deal". */
    private static String label(Entry e) {
        return e.what() + " " + switch (e.item()) {
            case Activity a -> a.subject();
            case Note n -> n.body();
            case Related.Deal d -> d.name();
            case Related.Invoice i -> i.number();
            case Related.Document d -> d.fileName();
            case Related.Event ev -> ev.title();
            default -> "?";
        };
    }

    private static List<String> labels(Timeline.Page p) {
        return p.entries().stream().map(TimelineTest::label).toList();
    }

    // A company's history, newest first when merged
    private final Activity callMay19 = call("Call May 19", at("2026-05-19T14:00"));
    private final Activity callMay10 = call("Call May 10", at("2026-05-10T09:00"));
    private final Activity callApr02 = call("Call Apr 2", at("2026-04-02T11:00"));
    private final Note noteMay15 = note("Budget approved", at("2026-05-15T08:30"), false);
    private final Note pinned = note("Call before 10", at("2026-01-05T08:00"), true);
    private final Related.Document contract = document("Contract.pdf", 1, at("2026-05-12T16:00"), at("2026-05-18T09:00"));
    private final Related.Document offerV2 = document("Offer.pdf", 2, at("2026-03-01T10:00"), null);
    private final Related.Deal won = deal("Fleet renewal", "won", at("2026-03-20T10:00"), LocalDate.of(2026, 5, 16));
    private final Related.Deal open = deal("Warehouse", "open", at("2026-05-11T10:00"), null);
    private final Related.Invoice paid = invoice("INV-1", "paid", LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 15), "0",
            LocalDate.of(2026, 5, 14));
    private final Related.Invoice late = invoice("INV-2", "sent", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), "500", null);
    private final Related.Invoice draft = invoice(null, "draft", LocalDate.of(2026, 5, 19), LocalDate.of(2026, 6, 19), "500", null);
    private final Related.Event upcoming = event("Site visit", at("2026-06-02T13:00"));
    private final Related.Event past = event("Kick-off", at("2026-03-25T09:00"));

    /**
     * The entries core would page for these records (RelatedTimelineTest checks the SQL that picks
     * the steps), and the notes' entries.
     */
    private static List<Entry> others(List<Note> notes, RelatedRecords related) {
        List<Entry> out = new ArrayList<>(Timeline.notes(notes));
        if (related == null) {
            return out;
        }
        List<RelatedTimeline.Item> items = new ArrayList<>();
        for (var d : related.documents()) {
            items.add(new RelatedTimeline.Item(Stream.DOCUMENT_ADDED, d.createdAt(), d.id(), d));
            if (d.signedAt() != null) {
                items.add(new RelatedTimeline.Item(Stream.DOCUMENT_SIGNED, d.signedAt(), d.id(), d));
            }
        }
        for (var d : related.deals()) {
            items.add(new RelatedTimeline.Item(Stream.DEAL_CREATED, d.createdAt(), d.id(), d));
            if (d.closedOn() != null) {
                items.add(new RelatedTimeline.Item(Stream.DEAL_CLOSED, RelatedTimeline.startOf(d.closedOn(), OSLO), d.id(), d));
            }
        }
        LocalDate today = LocalDate.ofInstant(NOW, OSLO);
        for (var i : related.invoices()) {
            if ("draft".equals(i.status())) {
                continue;
            }
            items.add(new RelatedTimeline.Item(Stream.INVOICE_ISSUED, RelatedTimeline.startOf(i.issueDate(), OSLO), i.id(), i));
            if (i.paidDate() != null) {
                items.add(new RelatedTimeline.Item(Stream.INVOICE_PAID, RelatedTimeline.startOf(i.paidDate(), OSLO), i.id(), i));
            } else if (i.dueDate().isBefore(today) && i.balanceDue().signum() > 0) {
                items.add(new RelatedTimeline.Item(Stream.INVOICE_OVERDUE, RelatedTimeline.startOf(i.dueDate().plusDays(1), OSLO),
                        i.id(), i));
            }
        }
        for (var e : related.events()) {
            items.add(new RelatedTimeline.Item(Stream.EVENT, e.startsAt(), e.id(), e));
        }
        out.addAll(Timeline.of(items, NOW));
        return out;
    }

    private List<Entry> others() {
        var related = new RelatedRecords(List.of(won, open), List.of(paid, late, draft), List.of(upcoming, past),
                List.of(contract, offerV2));
        return others(List.of(pinned, noteMay15), related);
    }

    @Test
    void everythingInOneOrderNewestFirst() {
        var page = Timeline.merge(List.of(callMay19, callMay10, callApr02), false, others(), Filter.ALL);

        assertThat(labels(page)).containsExactly(
                "EVENT_UPCOMING Site visit",
                "ACTIVITY Call May 19",
                "DOCUMENT_SIGNED Contract.pdf",
                "DEAL_WON Fleet renewal",          // closed on May 16: a day, placed at its start
                "NOTE Budget approved",
                "INVOICE_PAID INV-1",
                "DOCUMENT_ATTACHED Contract.pdf",
                "DEAL_CREATED Warehouse",
                "ACTIVITY Call May 10",
                "INVOICE_ISSUED INV-1",
                "ACTIVITY Call Apr 2",
                "INVOICE_OVERDUE INV-2",           // due Mar 31, still open: overdue from Apr 1
                "EVENT_PAST Kick-off",
                "DEAL_CREATED Fleet renewal",
                "DOCUMENT_VERSION Offer.pdf",      // Mar 1 10:00
                "INVOICE_ISSUED INV-2");           // Mar 1, a day: its start
        assertThat(page.more()).isFalse();
        // the pinned note leads the timeline on its own and is not repeated; the draft invoice is not on it
        assertThat(labels(page)).noneMatch(l -> l.contains("Call before 10") || l.contains("null"));
        assertThat(page.entries()).filteredOn(e -> e.what() == What.DEAL_WON).singleElement()
                .satisfies(e -> assertThat(e.dateOnly()).isTrue());
    }

    @Test
    void pagingNeverShowsAnEntryOutOfOrder() {
        List<Entry> others = others();
        List<Activity> all = List.of(callMay19, callMay10, callApr02);
        var full = Timeline.merge(all, false, others, Filter.ALL);

        // first page: two activities, more to come -> nothing older than May 10 09:00 yet
        var first = Timeline.merge(all.subList(0, 2), true, others, Filter.ALL);
        assertThat(first.more()).isTrue();
        assertThat(first.entries()).last().satisfies(e -> assertThat(label(e)).isEqualTo("ACTIVITY Call May 10"));
        assertThat(first.entries()).allMatch(e -> !e.at().isBefore(callMay10.occurredAt()));
        // what the first page shows is exactly the start of the whole timeline: paging only appends
        assertThat(full.entries().subList(0, first.entries().size())).isEqualTo(first.entries());

        // the last page brings the rest, in order
        var last = Timeline.merge(all, false, others, Filter.ALL);
        assertThat(last.entries()).isEqualTo(full.entries());
    }

    @Test
    void anEntryAtTheSameMomentAsTheOldestLoadedActivityWaitsForTheNextPage() {
        var boundary = callMay10.occurredAt();
        var sameMoment = others(List.of(note("Same minute", boundary, false)), null);
        // the next page may hold another activity of that moment (keyset: same time, smaller id)
        var twin = call("Twin call", boundary, new UUID(0, 0));

        var first = Timeline.merge(List.of(callMay19, callMay10), true, sameMoment, Filter.ALL);
        assertThat(labels(first)).containsExactly("ACTIVITY Call May 19", "ACTIVITY Call May 10");

        var next = Timeline.merge(List.of(callMay19, callMay10, twin), false, sameMoment, Filter.ALL);
        assertThat(labels(next)).containsExactly("ACTIVITY Call May 19", "ACTIVITY Call May 10", "ACTIVITY Twin call",
                "NOTE Same minute");
    }

    @Test
    void aFilterShowsOneKind() {
        List<Entry> others = others();
        List<Activity> firstPage = List.of(callMay19, callMay10);

        var deals = Timeline.merge(firstPage, true, others, Filter.DEALS);
        // without activities there is nothing to page: every deal entry shows, even older than the loaded activities
        assertThat(labels(deals)).containsExactly("DEAL_WON Fleet renewal", "DEAL_CREATED Warehouse", "DEAL_CREATED Fleet renewal");
        assertThat(deals.more()).isFalse();

        var activities = Timeline.merge(firstPage, true, others, Filter.ACTIVITIES);
        assertThat(labels(activities)).containsExactly("ACTIVITY Call May 19", "ACTIVITY Call May 10");
        assertThat(activities.more()).isTrue();

        assertThat(labels(Timeline.merge(firstPage, true, others, Filter.INVOICES)))
                .containsExactly("INVOICE_PAID INV-1", "INVOICE_ISSUED INV-1", "INVOICE_OVERDUE INV-2", "INVOICE_ISSUED INV-2");
        assertThat(labels(Timeline.merge(firstPage, true, others, Filter.DOCUMENTS)))
                .containsExactly("DOCUMENT_SIGNED Contract.pdf", "DOCUMENT_ATTACHED Contract.pdf", "DOCUMENT_VERSION Offer.pdf");
        assertThat(labels(Timeline.merge(firstPage, true, others, Filter.EVENTS)))
                .containsExactly("EVENT_UPCOMING Site visit", "EVENT_PAST Kick-off");
        assertThat(labels(Timeline.merge(firstPage, true, others, Filter.NOTES))).containsExactly("NOTE Budget approved");
    }

    @Test
    void onlyTheFirstPinnedNotesLeadTheRestStayInTheFlow() {
        List<Note> notes = new ArrayList<>();
        for (int i = 1; i <= Timeline.PINNED_SHOWN + 1; i++) {
            notes.add(note("Pinned " + i, at("2026-05-0" + i + "T12:00"), true));
        }
        assertThat(Timeline.pinned(notes)).hasSize(Timeline.PINNED_SHOWN);
        var flow = Timeline.merge(List.of(), false, others(notes, null), Filter.ALL);
        assertThat(labels(flow)).containsExactly("NOTE Pinned " + (Timeline.PINNED_SHOWN + 1));
    }

    @Test
    void ofOneItemOnOneDayTheLaterStepComesFirst() {
        var sameDay = invoice("INV-9", "paid", LocalDate.of(2026, 5, 4), LocalDate.of(2026, 6, 4), "0", LocalDate.of(2026, 5, 4));
        var related = new RelatedRecords(List.of(), List.of(sameDay), List.of(), List.of());
        assertThat(labels(Timeline.merge(List.of(), false, others(List.of(), related), Filter.ALL)))
                .containsExactly("INVOICE_PAID INV-9", "INVOICE_ISSUED INV-9");
    }

    @Test
    void leadsHaveActivitiesAndNotesOnly() {
        var page = Timeline.merge(List.of(callMay10), false, others(List.of(noteMay15), null), Filter.ALL);
        assertThat(labels(page)).containsExactly("NOTE Budget approved", "ACTIVITY Call May 10");
    }
}
