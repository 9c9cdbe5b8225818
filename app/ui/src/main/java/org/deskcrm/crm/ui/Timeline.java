package org.deskcrm.crm.ui;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.deskcrm.activity.Activity;
import org.deskcrm.activity.Note;
import org.deskcrm.crm.Related;
import org.deskcrm.crm.RelatedRecords;

/**
 * The record's one chronological timeline (newest first): activities interleaved with notes,
 * documents (attached, new version, signed), deals (created, won, lost), invoices (issued, paid,
 * overdue) and events (upcoming and past). Pure: no JavaFX, no database.
 *
 * <p>Activities come in keyset pages; everything else is loaded at once. So that nothing shows out
 * of order, an entry of another kind older than the oldest loaded activity is held back while
 * older activities remain to be paged in ("More"); once the last page is in, all of them show.
 * Pinned notes lead the timeline in their own strip and are not repeated in the flow.
 */
public final class Timeline {
    /** How many pinned notes lead the timeline (the rest are in the flow by date, and all in the Notes tab). */
    public static final int PINNED_SHOWN = 3;

    private Timeline() {}

    public enum Kind { ACTIVITY, NOTE, DOCUMENT, DEAL, INVOICE, EVENT }

    /** What happened, i.e. which line an entry shows. */
    public enum What {
        ACTIVITY(Kind.ACTIVITY), NOTE(Kind.NOTE),
        DOCUMENT_ATTACHED(Kind.DOCUMENT), DOCUMENT_VERSION(Kind.DOCUMENT), DOCUMENT_SIGNED(Kind.DOCUMENT),
        DEAL_CREATED(Kind.DEAL), DEAL_WON(Kind.DEAL), DEAL_LOST(Kind.DEAL),
        INVOICE_ISSUED(Kind.INVOICE), INVOICE_PAID(Kind.INVOICE), INVOICE_OVERDUE(Kind.INVOICE),
        EVENT_UPCOMING(Kind.EVENT), EVENT_PAST(Kind.EVENT);

        private final Kind kind;

        What(Kind kind) {
            this.kind = kind;
        }

        public Kind kind() {
            return kind;
        }
    }

    /** The timeline filter: everything or one kind. */
    public enum Filter {
        ALL(null), ACTIVITIES(Kind.ACTIVITY), NOTES(Kind.NOTE), DOCUMENTS(Kind.DOCUMENT), DEALS(Kind.DEAL),
        INVOICES(Kind.INVOICE), EVENTS(Kind.EVENT);

        private final Kind only;

        Filter(Kind only) {
            this.only = only;
        }

        public boolean accepts(Kind k) {
            return only == null || only == k;
        }
    }

    /**
     * One line of the timeline. {@code at} orders it; a {@code dateOnly} entry (an invoice's issue
     * date, a deal's close date, an all-day event) is placed at the start of its day in the
     * workspace zone and shows the date without a time. {@code item} is the Activity, Note or
     * Related record behind it.
     */
    public record Entry(What what, OffsetDateTime at, boolean dateOnly, UUID id, Object item) {
        public Kind kind() {
            return what.kind();
        }
    }

    /**
     * Newest first; at the same moment activities before the rest, and of one item the later step
     * first (an invoice issued and paid on one day: paid above issued); then by id, so the order is stable.
     */
    public static final Comparator<Entry> NEWEST_FIRST = Comparator.comparing(Entry::at, Comparator.reverseOrder())
            .thenComparing(e -> e.kind().ordinal())
            .thenComparing(e -> e.what().ordinal(), Comparator.reverseOrder())
            .thenComparing(Entry::id, Comparator.reverseOrder());

    /** The pinned notes that lead the timeline (the first {@link #PINNED_SHOWN}, in the order given). */
    public static List<Note> pinned(List<Note> notes) {
        return notes.stream().filter(Note::pinned).limit(PINNED_SHOWN).toList();
    }

    public static Entry of(Activity a) {
        return new Entry(What.ACTIVITY, a.occurredAt(), false, a.id(), a);
    }

    /**
     * The entries of everything but activities (unsorted): notes not already leading the timeline,
     * and the related records (null for records without any, e.g. leads).
     *
     * @param now decides which events are upcoming and which invoices are overdue
     */
    public static List<Entry> others(List<Note> notes, RelatedRecords related, ZoneId zone, Instant now) {
        List<Entry> out = new ArrayList<>();
        Set<UUID> leading = new HashSet<>();
        pinned(notes).forEach(n -> leading.add(n.id()));
        for (Note n : notes) {
            if (!leading.contains(n.id()) && n.createdAt() != null) {
                out.add(new Entry(What.NOTE, n.createdAt(), false, n.id(), n));
            }
        }
        if (related == null) {
            return out;
        }
        LocalDate today = LocalDate.ofInstant(now, zone);
        for (Related.Document d : related.documents()) {
            if (d.createdAt() != null) {
                out.add(new Entry(d.docVersion() > 1 ? What.DOCUMENT_VERSION : What.DOCUMENT_ATTACHED, d.createdAt(), false, d.id(), d));
            }
            if (d.signed() && d.signedAt() != null) {
                out.add(new Entry(What.DOCUMENT_SIGNED, d.signedAt(), false, d.id(), d));
            }
        }
        for (Related.Deal d : related.deals()) {
            if (d.createdAt() != null) {
                out.add(new Entry(What.DEAL_CREATED, d.createdAt(), false, d.id(), d));
            }
            if (d.closedOn() != null && !"open".equals(d.status())) {
                out.add(new Entry("won".equals(d.status()) ? What.DEAL_WON : What.DEAL_LOST, startOf(d.closedOn(), zone), true,
                        d.id(), d));
            }
        }
        for (Related.Invoice i : related.invoices()) {
            if ("draft".equals(i.status()) || i.issueDate() == null) {
                continue; // a draft is not sent to anyone yet: it is in the Invoices tab only
            }
            out.add(new Entry(What.INVOICE_ISSUED, startOf(i.issueDate(), zone), true, i.id(), i));
            if (i.paidDate() != null) {
                out.add(new Entry(What.INVOICE_PAID, startOf(i.paidDate(), zone), true, i.id(), i));
            } else if (overdue(i, today)) {
                // overdue from the day after the due date
                out.add(new Entry(What.INVOICE_OVERDUE, startOf(i.dueDate().plusDays(1), zone), true, i.id(), i));
            }
        }
        for (Related.Event e : related.events()) {
            if (e.startsAt() != null) {
                What w = e.startsAt().toInstant().isAfter(now) ? What.EVENT_UPCOMING : What.EVENT_PAST;
                out.add(new Entry(w, e.startsAt(), e.allDay(), e.id(), e));
            }
        }
        return out;
    }

    /** An issued invoice with money still due after its due date (or marked overdue). */
    static boolean overdue(Related.Invoice i, LocalDate today) {
        if ("overdue".equals(i.status())) {
            return i.dueDate() != null;
        }
        boolean open = "sent".equals(i.status()) || "partially_paid".equals(i.status());
        return open && i.dueDate() != null && i.dueDate().isBefore(today) && i.balanceDue() != null
                && i.balanceDue().compareTo(BigDecimal.ZERO) > 0;
    }

    private static OffsetDateTime startOf(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toOffsetDateTime();
    }

    /** What the timeline shows: the merged entries and whether "More" is useful. */
    public record Page(List<Entry> entries, boolean more) {}

    /**
     * Merges the loaded activities (newest first, as paged) with the other entries, newest first.
     * While older activities remain ({@code moreActivities}) and the filter shows activities, entries
     * not newer than the oldest loaded activity wait for the next page (at the same moment an
     * activity sorts first, and the next page may hold another one of that moment). A filter without activities shows
     * all of its entries at once (and needs no "More").
     */
    public static Page merge(List<Activity> activities, boolean moreActivities, List<Entry> others, Filter filter) {
        boolean withActivities = filter.accepts(Kind.ACTIVITY);
        OffsetDateTime boundary = withActivities && moreActivities && !activities.isEmpty()
                ? activities.getLast().occurredAt() : null;
        List<Entry> out = new ArrayList<>();
        if (withActivities) {
            activities.forEach(a -> out.add(of(a)));
        }
        for (Entry e : others) {
            if (filter.accepts(e.kind()) && (boundary == null || e.at().isAfter(boundary))) {
                out.add(e);
            }
        }
        out.sort(NEWEST_FIRST);
        return new Page(List.copyOf(out), withActivities && moreActivities);
    }
}
