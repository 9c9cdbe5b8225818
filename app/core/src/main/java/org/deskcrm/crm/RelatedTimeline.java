package org.deskcrm.crm;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * What the deals, invoices, events and documents of a company or contact put on its timeline,
 * read in keyset pages in one order (newest first) so that nothing is held back or dropped.
 *
 * <p>One related record can put more than one entry on the timeline (a deal created and later
 * won); each such step is a {@link Stream} with its own date column. A page merges all streams.
 */
public final class RelatedTimeline {
    private RelatedTimeline() {}

    /**
     * The steps related records show on a timeline. {@code kind} orders kinds at the same moment
     * (documents, deals, invoices, events); {@code step} puts the later step of one item first.
     */
    public enum Stream {
        /** A document (first or new version) attached, at {@code created_at}. */
        DOCUMENT_ADDED(0, 0, false),
        /** A document signed, at {@code signed_at}. */
        DOCUMENT_SIGNED(0, 1, false),
        /** A deal created, at {@code created_at}. */
        DEAL_CREATED(1, 0, false),
        /** A deal won, lost or abandoned, on {@code actual_close_date}. */
        DEAL_CLOSED(1, 1, true),
        /** An invoice issued (drafts are not), on {@code issue_date}. */
        INVOICE_ISSUED(2, 0, true),
        /** An issued invoice paid, on {@code paid_date}. */
        INVOICE_PAID(2, 1, true),
        /** An unpaid issued invoice overdue, from the day after {@code due_date}. */
        INVOICE_OVERDUE(2, 2, true),
        /** An event, at {@code starts_at}. */
        EVENT(3, 0, false);

        private final int kind;
        private final int step;
        private final boolean dateOnly;

        Stream(int kind, int step, boolean dateOnly) {
            this.kind = kind;
            this.step = step;
            this.dateOnly = dateOnly;
        }

        public int kind() {
            return kind;
        }

        public int step() {
            return step;
        }

        /** Dated by a day (placed at the start of that day in the workspace zone), not a moment. */
        public boolean dateOnly() {
            return dateOnly;
        }

        /**
         * At the same moment: negative when an entry of this stream comes before (newer side) one
         * of {@code other}, positive when after, 0 for the same stream.
         */
        public int tieOrder(Stream other) {
            int c = Integer.compare(kind, other.kind);
            return c != 0 ? c : Integer.compare(other.step, step);
        }
    }

    /**
     * One entry: its stream, when it is placed, and the record behind it (a {@link Related.Deal},
     * {@link Related.Invoice}, {@link Related.Event} or {@link Related.Document}).
     */
    public record Item(Stream stream, OffsetDateTime at, UUID id, Object record) {
        public Cursor cursor() {
            return new Cursor(at, stream, id);
        }
    }

    /** Where a page ends: the next page starts after this entry. */
    public record Cursor(OffsetDateTime at, Stream stream, UUID id) {}

    /** A page of entries, newest first; {@code more} when older ones remain. */
    public record Page(List<Item> items, boolean more) {
        /** The cursor for the next page (null when the page is empty). */
        public Cursor next() {
            return items.isEmpty() ? null : items.getLast().cursor();
        }
    }

    /** UUIDs as the databases order them (unsigned, most significant bits first). */
    public static final Comparator<UUID> UUID_ORDER = (a, b) -> {
        int c = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return c != 0 ? c : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    };

    /** Newest first (by instant, whatever the offset); at the same moment by {@link Stream#tieOrder}; then by id, descending. */
    public static final Comparator<Item> NEWEST_FIRST = Comparator.comparing((Item i) -> i.at().toInstant(), Comparator.reverseOrder())
            .thenComparing(Item::stream, Stream::tieOrder)
            .thenComparing(Item::id, UUID_ORDER.reversed());

    /** Where an entry dated by a day is placed: the start of that day in the workspace zone. */
    public static OffsetDateTime startOf(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toOffsetDateTime();
    }
}
