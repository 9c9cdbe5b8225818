package org.deskcrm.crm.persistence;

import static org.deskcrm.db.Tables.DEALS;
import static org.deskcrm.db.Tables.DOCUMENTS;
import static org.deskcrm.db.Tables.EVENTS;
import static org.deskcrm.db.Tables.INVOICES;
import static org.deskcrm.db.Tables.PIPELINE_STAGES;
import static org.deskcrm.db.Tables.USERS;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.deskcrm.crm.Related;
import org.deskcrm.crm.RelatedTimeline;
import org.deskcrm.crm.RelatedTimeline.Cursor;
import org.deskcrm.crm.RelatedTimeline.Item;
import org.deskcrm.crm.RelatedTimeline.Stream;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.rules.RecordRules;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.OrderField;
import org.jooq.impl.DSL;

/**
 * Read-only access to the deals, invoices, events and documents of a company or contact, each
 * query narrowed by that entity's record rule (a sales rep sees only the deals they may see,
 * even on their own company). Other features own writing these tables.
 *
 * <p>Two kinds of reads: the tab lists (first {@code limit} of each kind, with counts so the UI
 * can say "showing N of M"), and {@link #pageTimeline} — keyset pages of everything these records
 * put on the record's timeline, newest first, without a cap.
 */
public final class RelatedRecordsRepository {

    /** Whose related records: the subject condition of each table. */
    public record Subject(Condition deals, Condition invoices, Condition events, Condition documents) {
        public static Subject company(UUID companyId) {
            return new Subject(DEALS.COMPANY_ID.eq(companyId), INVOICES.COMPANY_ID.eq(companyId), EVENTS.COMPANY_ID.eq(companyId),
                    DOCUMENTS.COMPANY_ID.eq(companyId)); // documents of the company or of anything of it (its deals...)
        }

        public static Subject contact(UUID contactId) {
            return new Subject(DEALS.CONTACT_ID.eq(contactId), INVOICES.CONTACT_ID.eq(contactId), EVENTS.CONTACT_ID.eq(contactId),
                    DOCUMENTS.ENTITY_TYPE.eq("contact").and(DOCUMENTS.ENTITY_ID.eq(contactId)));
        }
    }

    // ---------------------------------------------------------------- tab lists

    public List<Related.Deal> dealsOfCompany(DSLContext dsl, CurrentUser user, UUID companyId, int limit) {
        return listDeals(dsl, user, Subject.company(companyId), limit);
    }

    public List<Related.Deal> dealsOfContact(DSLContext dsl, CurrentUser user, UUID contactId, int limit) {
        return listDeals(dsl, user, Subject.contact(contactId), limit);
    }

    /** Open deals first (soonest expected close first), then the closed ones. */
    public List<Related.Deal> listDeals(DSLContext dsl, CurrentUser user, Subject s, int limit) {
        return deals(dsl, user, s.deals(), limit, DSL.when(DEALS.STATUS.eq("open"), 0).otherwise(1),
                DEALS.EXPECTED_CLOSE_DATE.asc().nullsLast(), DEALS.ID);
    }

    public List<Related.Invoice> invoicesOfCompany(DSLContext dsl, CurrentUser user, UUID companyId, int limit) {
        return listInvoices(dsl, user, Subject.company(companyId), limit);
    }

    public List<Related.Invoice> invoicesOfContact(DSLContext dsl, CurrentUser user, UUID contactId, int limit) {
        return listInvoices(dsl, user, Subject.contact(contactId), limit);
    }

    public List<Related.Invoice> listInvoices(DSLContext dsl, CurrentUser user, Subject s, int limit) {
        return invoices(dsl, user, s.invoices(), limit, INVOICES.ISSUE_DATE.desc(), INVOICES.ID.desc());
    }

    public List<Related.Event> eventsOfCompany(DSLContext dsl, CurrentUser user, UUID companyId, int limit) {
        return listEvents(dsl, user, Subject.company(companyId), limit);
    }

    public List<Related.Event> eventsOfContact(DSLContext dsl, CurrentUser user, UUID contactId, int limit) {
        return listEvents(dsl, user, Subject.contact(contactId), limit);
    }

    public List<Related.Event> listEvents(DSLContext dsl, CurrentUser user, Subject s, int limit) {
        return events(dsl, user, s.events(), limit, EVENTS.STARTS_AT.desc(), EVENTS.ID.desc());
    }

    /** Documents attached to the company or to anything of the company (its deals, contacts...). */
    public List<Related.Document> documentsOfCompany(DSLContext dsl, CurrentUser user, UUID companyId, int limit) {
        return listDocuments(dsl, user, Subject.company(companyId), limit);
    }

    public List<Related.Document> documentsOf(DSLContext dsl, CurrentUser user, String entityType, UUID entityId, int limit) {
        return documents(dsl, user, DOCUMENTS.ENTITY_TYPE.eq(entityType).and(DOCUMENTS.ENTITY_ID.eq(entityId)), limit,
                DOCUMENTS.CREATED_AT.desc(), DOCUMENTS.ID.desc());
    }

    public List<Related.Document> listDocuments(DSLContext dsl, CurrentUser user, Subject s, int limit) {
        return documents(dsl, user, s.documents(), limit, DOCUMENTS.CREATED_AT.desc(), DOCUMENTS.ID.desc());
    }

    /** How many of each kind the user may see: deals, invoices, events, documents. */
    public long[] countAll(DSLContext dsl, CurrentUser user, Subject s) {
        var r = dsl.select(
                        DSL.field(dsl.selectCount().from(DEALS).where(dealsWhere(user, s.deals()))),
                        DSL.field(dsl.selectCount().from(INVOICES).where(invoicesWhere(user, s.invoices()))),
                        DSL.field(dsl.selectCount().from(EVENTS).where(eventsWhere(user, s.events()))),
                        DSL.field(dsl.selectCount().from(DOCUMENTS).where(documentsWhere(user, s.documents()))))
                .fetchOne();
        return new long[] {r.value1(), r.value2(), r.value3(), r.value4()};
    }

    // ---------------------------------------------------------------- timeline

    /**
     * The next page of timeline entries after {@code after} (null: the newest), newest first in
     * {@link RelatedTimeline#NEWEST_FIRST} order. Each stream is read by keyset on its date column
     * (limit + 1 rows), the streams are merged, and the first {@code limit} entries returned.
     *
     * @param zone the workspace zone: an entry dated by a day is placed at the start of that day
     * @param today decides which unpaid invoices are overdue
     */
    public RelatedTimeline.Page pageTimeline(DSLContext dsl, CurrentUser user, Subject s, ZoneId zone, LocalDate today,
            Cursor after, int limit) {
        int n = limit + 1;
        List<Item> all = new ArrayList<>();
        // documents: attached (or a new version), signed
        for (var d : documents(dsl, user, s.documents().and(after(Stream.DOCUMENT_ADDED, DOCUMENTS.CREATED_AT, DOCUMENTS.ID, after)),
                n, DOCUMENTS.CREATED_AT.desc(), DOCUMENTS.ID.desc())) {
            all.add(new Item(Stream.DOCUMENT_ADDED, d.createdAt(), d.id(), d));
        }
        for (var d : documents(dsl, user, s.documents().and(DOCUMENTS.IS_SIGNED.isTrue()).and(DOCUMENTS.SIGNED_AT.isNotNull())
                .and(after(Stream.DOCUMENT_SIGNED, DOCUMENTS.SIGNED_AT, DOCUMENTS.ID, after)), n, DOCUMENTS.SIGNED_AT.desc(), DOCUMENTS.ID.desc())) {
            all.add(new Item(Stream.DOCUMENT_SIGNED, d.signedAt(), d.id(), d));
        }
        // deals: created, closed (won, lost, abandoned)
        for (var d : deals(dsl, user, s.deals().and(after(Stream.DEAL_CREATED, DEALS.CREATED_AT, DEALS.ID, after)), n,
                DEALS.CREATED_AT.desc(), DEALS.ID.desc())) {
            all.add(new Item(Stream.DEAL_CREATED, d.createdAt(), d.id(), d));
        }
        for (var d : deals(dsl, user, s.deals().and(DEALS.STATUS.ne("open")).and(DEALS.ACTUAL_CLOSE_DATE.isNotNull())
                .and(afterDay(Stream.DEAL_CLOSED, DEALS.ACTUAL_CLOSE_DATE, 0, DEALS.ID, after, zone)), n,
                DEALS.ACTUAL_CLOSE_DATE.desc(), DEALS.ID.desc())) {
            all.add(new Item(Stream.DEAL_CLOSED, RelatedTimeline.startOf(d.closedOn(), zone), d.id(), d));
        }
        // invoices: issued (drafts are not sent to anyone yet), paid, overdue
        Condition issued = s.invoices().and(INVOICES.STATUS.ne("draft"));
        for (var i : invoices(dsl, user, issued.and(afterDay(Stream.INVOICE_ISSUED, INVOICES.ISSUE_DATE, 0, INVOICES.ID, after, zone)), n,
                INVOICES.ISSUE_DATE.desc(), INVOICES.ID.desc())) {
            all.add(new Item(Stream.INVOICE_ISSUED, RelatedTimeline.startOf(i.issueDate(), zone), i.id(), i));
        }
        for (var i : invoices(dsl, user, issued.and(INVOICES.PAID_DATE.isNotNull())
                .and(afterDay(Stream.INVOICE_PAID, INVOICES.PAID_DATE, 0, INVOICES.ID, after, zone)), n,
                INVOICES.PAID_DATE.desc(), INVOICES.ID.desc())) {
            all.add(new Item(Stream.INVOICE_PAID, RelatedTimeline.startOf(i.paidDate(), zone), i.id(), i));
        }
        Condition overdue = issued.and(INVOICES.PAID_DATE.isNull()).and(INVOICES.STATUS.eq("overdue")
                .or(INVOICES.STATUS.in("sent", "partially_paid").and(INVOICES.DUE_DATE.lt(today))
                        .and(INVOICES.BALANCE_DUE.gt(java.math.BigDecimal.ZERO))));
        for (var i : invoices(dsl, user, overdue.and(afterDay(Stream.INVOICE_OVERDUE, INVOICES.DUE_DATE, 1, INVOICES.ID, after, zone)), n,
                INVOICES.DUE_DATE.desc(), INVOICES.ID.desc())) {
            // overdue from the day after the due date
            all.add(new Item(Stream.INVOICE_OVERDUE, RelatedTimeline.startOf(i.dueDate().plusDays(1), zone), i.id(), i));
        }
        // events
        for (var e : events(dsl, user, s.events().and(after(Stream.EVENT, EVENTS.STARTS_AT, EVENTS.ID, after)), n,
                EVENTS.STARTS_AT.desc(), EVENTS.ID.desc())) {
            all.add(new Item(Stream.EVENT, e.startsAt(), e.id(), e));
        }
        all.sort(RelatedTimeline.NEWEST_FIRST);
        // Every stream gave its next limit + 1 entries: the first `limit` of the merge are the true
        // next ones; more than `limit` in all means more remain (fewer means every stream ran out).
        boolean more = all.size() > limit;
        return new RelatedTimeline.Page(List.copyOf(more ? all.subList(0, limit) : all), more);
    }

    /** Entries of stream {@code s} dated by a moment column that come after the cursor. */
    private static Condition after(Stream s, Field<OffsetDateTime> at, Field<UUID> id, Cursor c) {
        if (c == null) {
            return DSL.noCondition();
        }
        int tie = s.tieOrder(c.stream());
        if (tie == 0) {
            return DSL.row(at, id).lt(c.at(), c.id());
        }
        return tie > 0 ? at.le(c.at()) : at.lt(c.at());
    }

    /**
     * Entries of stream {@code s} dated by a day column (placed at the start of day + shift in the
     * zone) that come after the cursor.
     */
    private static Condition afterDay(Stream s, Field<LocalDate> day, int shift, Field<UUID> id, Cursor c, ZoneId zone) {
        if (c == null) {
            return DSL.noCondition();
        }
        LocalDate d = c.at().atZoneSameInstant(zone).toLocalDate();
        // An entry is placed at startOf(day + shift), which is <= the cursor's moment iff day + shift <= d;
        // it equals the cursor's moment only when that moment is the start of d.
        boolean startOfDay = RelatedTimeline.startOf(d, zone).toInstant().equals(c.at().toInstant());
        LocalDate last = d.minusDays(shift);
        int tie = s.tieOrder(c.stream());
        if (!startOfDay || tie > 0) {
            return day.le(last);
        }
        return tie == 0 ? DSL.row(day, id).lt(last, c.id()) : day.lt(last);
    }

    // ---------------------------------------------------------------- the queries

    private static Condition dealsWhere(CurrentUser user, Condition subject) {
        return subject.and(DEALS.ORGANIZATION_ID.eq(user.organizationId())).and(RecordRules.deals(user).read());
    }

    private static Condition invoicesWhere(CurrentUser user, Condition subject) {
        return subject.and(INVOICES.ORGANIZATION_ID.eq(user.organizationId())).and(RecordRules.invoices(user).read());
    }

    private static Condition eventsWhere(CurrentUser user, Condition subject) {
        return subject.and(EVENTS.ORGANIZATION_ID.eq(user.organizationId())).and(RecordRules.events(user).read());
    }

    private static Condition documentsWhere(CurrentUser user, Condition subject) {
        return subject.and(DOCUMENTS.ORGANIZATION_ID.eq(user.organizationId())).and(RecordRules.documents(user).read());
    }

    private List<Related.Deal> deals(DSLContext dsl, CurrentUser user, Condition subject, int limit, OrderField<?>... order) {
        return dsl.select(DEALS.ID, DEALS.NAME, PIPELINE_STAGES.NAME, PIPELINE_STAGES.COLOR, DEALS.STATUS, DEALS.DEAL_VALUE,
                        DEALS.CURRENCY, DEALS.PROBABILITY, DEALS.EXPECTED_CLOSE_DATE, USERS.FULL_NAME, DEALS.CREATED_AT, DEALS.ACTUAL_CLOSE_DATE)
                .from(DEALS)
                .join(PIPELINE_STAGES).on(PIPELINE_STAGES.ID.eq(DEALS.STAGE_ID))
                .leftJoin(USERS).on(USERS.ID.eq(DEALS.OWNER_ID))
                .where(dealsWhere(user, subject))
                .orderBy(order)
                .limit(limit)
                .fetch(r -> new Related.Deal(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(),
                        r.value8(), r.value9(), r.value10(), r.value11(), r.value12()));
    }

    private List<Related.Invoice> invoices(DSLContext dsl, CurrentUser user, Condition subject, int limit, OrderField<?>... order) {
        return dsl.select(INVOICES.ID, INVOICES.INVOICE_NUMBER, INVOICES.STATUS, INVOICES.ISSUE_DATE, INVOICES.DUE_DATE,
                        INVOICES.TOTAL, INVOICES.BALANCE_DUE, INVOICES.CURRENCY, INVOICES.PAID_DATE)
                .from(INVOICES)
                .where(invoicesWhere(user, subject))
                .orderBy(order)
                .limit(limit)
                .fetch(r -> new Related.Invoice(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8(), r.value9()));
    }

    private List<Related.Event> events(DSLContext dsl, CurrentUser user, Condition subject, int limit, OrderField<?>... order) {
        return dsl.select(EVENTS.ID, EVENTS.TITLE, EVENTS.STARTS_AT, EVENTS.ENDS_AT, EVENTS.ALL_DAY, EVENTS.LOCATION, EVENTS.STATUS)
                .from(EVENTS)
                .where(eventsWhere(user, subject))
                .orderBy(order)
                .limit(limit)
                .fetch(r -> new Related.Event(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7()));
    }

    private List<Related.Document> documents(DSLContext dsl, CurrentUser user, Condition subject, int limit, OrderField<?>... order) {
        return dsl.select(DOCUMENTS.ID, DOCUMENTS.FILE_NAME, DOCUMENTS.DOCUMENT_TYPE, DOCUMENTS.SIZE_BYTES, DOCUMENTS.MIME_TYPE,
                        DOCUMENTS.DOC_VERSION, DOCUMENTS.IS_SIGNED, DOCUMENTS.CREATED_AT, USERS.FULL_NAME, DOCUMENTS.SIGNED_AT)
                .from(DOCUMENTS)
                .leftJoin(USERS).on(USERS.ID.eq(DOCUMENTS.UPLOADED_BY))
                .where(documentsWhere(user, subject))
                .orderBy(order)
                .limit(limit)
                .fetch(r -> new Related.Document(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8(), r.value9(), r.value10()));
    }
}
