package org.deskcrm.crm.ui;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.deskcrm.activity.Activity;
import org.deskcrm.activity.Note;
import org.deskcrm.crm.Related;
import org.deskcrm.crm.RelatedTimeline;

/**
 * The record's one chronological timeline (newest first): activities interleaved with notes,
 * documents (attached, new version, signed), deals (created, won, lost), invoices (issued, paid,
 * overdue) and events (upcoming and past). Pure: no JavaFX, no database.
 *
 * <p>Activities and the related records' steps come in keyset pages (two {@link Stream}s); notes
 * are loaded at once. So that nothing shows out of order, an entry is held back while the other
 * paged stream may still bring one before it ("More"); once the last pages are in, all of them show.
 * Pinned notes lead the timeline in their own strip and are not repeated in the flow.
 */
public final class Timeline {
    /** How many pinned notes lead the timeline (the rest are in the flow by date, and all in the Notes tab). */
    public static final int PINNED_SHOWN = 3;

    private Timeline() {}

    public enum Kind { ACTIVITY, NOTE, DOCUMENT, DEAL, INVOICE, EVENT }

    /** What happened, i.e. which line an entry shows. */
    public enum What {
        ACTIVITY(Kind.ACTIVITY, 0), NOTE(Kind.NOTE, 0),
        DOCUMENT_ATTACHED(Kind.DOCUMENT, 0), DOCUMENT_VERSION(Kind.DOCUMENT, 0), DOCUMENT_SIGNED(Kind.DOCUMENT, 1),
        DEAL_CREATED(Kind.DEAL, 0), DEAL_WON(Kind.DEAL, 1), DEAL_LOST(Kind.DEAL, 1),
        INVOICE_ISSUED(Kind.INVOICE, 0), INVOICE_PAID(Kind.INVOICE, 1), INVOICE_OVERDUE(Kind.INVOICE, 2),
        EVENT_UPCOMING(Kind.EVENT, 0), EVENT_PAST(Kind.EVENT, 0);

        private final Kind kind;
        private final int step;

        What(Kind kind, int step) {
            this.kind = kind;
            this.step = step;
        }

        public Kind kind() {
            return kind;
        }

        /** Of one item at one moment the later step comes first (as {@link RelatedTimeline.Stream#step()}). */
        public int step() {
            return step;
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
     * For the related records it is the order core pages them in ({@link RelatedTimeline#NEWEST_FIRST}).
     */
    public static final Comparator<Entry> NEWEST_FIRST = Comparator.comparing((Entry e) -> e.at().toInstant(), Comparator.reverseOrder())
            .thenComparing(e -> e.kind().ordinal())
            .thenComparing(e -> e.what().step(), Comparator.reverseOrder())
            .thenComparing(Entry::id, RelatedTimeline.UUID_ORDER.reversed());

    /** The pinned notes that lead the timeline (the first {@link #PINNED_SHOWN}, in the order given). */
    public static List<Note> pinned(List<Note> notes) {
        return notes.stream().filter(Note::pinned).limit(PINNED_SHOWN).toList();
    }

    public static Entry of(Activity a) {
        return new Entry(What.ACTIVITY, a.occurredAt(), false, a.id(), a);
    }

    /** The entries of the notes not already leading the timeline (unsorted). */
    public static List<Entry> notes(List<Note> notes) {
        List<Entry> out = new ArrayList<>();
        Set<UUID> leading = new HashSet<>();
        pinned(notes).forEach(n -> leading.add(n.id()));
        for (Note n : notes) {
            if (!leading.contains(n.id()) && n.createdAt() != null) {
                out.add(new Entry(What.NOTE, n.createdAt(), false, n.id(), n));
            }
        }
        return out;
    }

    /**
     * The entry of one step of a related record, as core pages them.
     *
     * @param now decides whether an event is upcoming or past
     */
    public static Entry of(RelatedTimeline.Item i, Instant now) {
        What what = switch (i.stream()) {
            case DOCUMENT_ADDED -> ((Related.Document) i.record()).docVersion() > 1 ? What.DOCUMENT_VERSION : What.DOCUMENT_ATTACHED;
            case DOCUMENT_SIGNED -> What.DOCUMENT_SIGNED;
            case DEAL_CREATED -> What.DEAL_CREATED;
            case DEAL_CLOSED -> "won".equals(((Related.Deal) i.record()).status()) ? What.DEAL_WON : What.DEAL_LOST;
            case INVOICE_ISSUED -> What.INVOICE_ISSUED;
            case INVOICE_PAID -> What.INVOICE_PAID;
            case INVOICE_OVERDUE -> What.INVOICE_OVERDUE;
            case EVENT -> i.at().toInstant().isAfter(now) ? What.EVENT_UPCOMING : What.EVENT_PAST;
        };
        boolean dateOnly = i.stream().dateOnly() || i.record() instanceof Related.Event e && e.allDay();
        return new Entry(what, i.at(), dateOnly, i.id(), i.record());
    }

    /** The entries of a page of related steps. */
    public static List<Entry> of(List<RelatedTimeline.Item> items, Instant now) {
        return items.stream().map(i -> of(i, now)).toList();
    }

    /** What the timeline shows: the merged entries and whether "More" is useful. */
    public record Page(List<Entry> entries, boolean more) {}

    /** Entries read in keyset pages, newest first: those loaded so far and whether older ones remain. */
    public record Stream(List<Entry> loaded, boolean more, Set<Kind> kinds) {
        public static final Set<Kind> RELATED = java.util.EnumSet.of(Kind.DOCUMENT, Kind.DEAL, Kind.INVOICE, Kind.EVENT);

        /** Everything there is (nothing left to page in). */
        public static Stream complete(List<Entry> all) {
            return new Stream(all, false, Set.of());
        }
    }

    /**
     * Merges paged streams (activities, the related records' steps) and complete ones (notes),
     * newest first. So that nothing shows out of order, an entry is shown only if it comes before
     * the last loaded entry of every other stream that still has more (and whose kinds the filter
     * shows): what that stream has not loaded yet may come before it. "More" is useful while such
     * a stream remains.
     */
    public static Page merge(List<Stream> streams, Filter filter) {
        List<Entry> out = new ArrayList<>();
        List<Stream> open = new ArrayList<>();
        for (Stream s : streams) {
            if (s.more() && s.kinds().stream().anyMatch(filter::accepts)) {
                open.add(s);
            }
        }
        for (Stream s : streams) {
            for (Entry e : s.loaded()) {
                if (!filter.accepts(e.kind())) {
                    continue;
                }
                boolean inOrder = true;
                for (Stream o : open) {
                    if (o != s && (o.loaded().isEmpty() || NEWEST_FIRST.compare(e, o.loaded().getLast()) >= 0)) {
                        inOrder = false;
                        break;
                    }
                }
                if (inOrder) {
                    out.add(e);
                }
            }
        }
        out.sort(NEWEST_FIRST);
        return new Page(List.copyOf(out), !open.isEmpty());
    }

    /**
     * The activities (newest first, as paged) with the other entries: the older way of merging, when
     * only activities are paged and everything else is loaded at once.
     */
    public static Page merge(List<Activity> activities, boolean moreActivities, List<Entry> others, Filter filter) {
        return merge(List.of(new Stream(activities.stream().map(Timeline::of).toList(), moreActivities, Set.of(Kind.ACTIVITY)),
                Stream.complete(others)), filter);
    }
}
