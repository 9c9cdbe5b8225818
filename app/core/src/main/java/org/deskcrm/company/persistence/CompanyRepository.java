package org.deskcrm.company.persistence;

import static org.deskcrm.db.Tables.ACTIVITIES;
import static org.deskcrm.db.Tables.COMPANIES;
import static org.deskcrm.db.Tables.CONTACTS;
import static org.deskcrm.db.Tables.DEALS;
import static org.deskcrm.db.Tables.DEAL_ASSIGNEES;
import static org.deskcrm.db.Tables.DEAL_PRODUCTS;
import static org.deskcrm.db.Tables.DOCUMENTS;
import static org.deskcrm.db.Tables.INDUSTRIES;
import static org.deskcrm.db.Tables.INVOICES;
import static org.deskcrm.db.Tables.NOTES;
import static org.deskcrm.db.Tables.PAYMENTS;
import static org.deskcrm.db.Tables.USERS;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.deskcrm.company.Company;
import org.deskcrm.company.CompanyDraft;
import org.deskcrm.company.CompanyRow;
import org.deskcrm.company.Industry;
import org.deskcrm.crm.ListCount;
import org.deskcrm.crm.ListQuery;
import org.deskcrm.crm.Page;
import org.deskcrm.crm.persistence.Counts;
import org.deskcrm.crm.persistence.Filters;
import org.deskcrm.crm.persistence.KeysetStream;
import org.deskcrm.crm.persistence.Prefix;
import org.deskcrm.crm.persistence.RowSource;
import org.deskcrm.crm.persistence.RowStream;
import org.deskcrm.crm.persistence.StreamPager;
import org.deskcrm.crm.persistence.TaggedStream;
import org.deskcrm.db.tables.Users;
import org.deskcrm.db.tables.records.CompaniesRecord;
import org.deskcrm.platform.persistence.SyncColumns;
import org.deskcrm.platform.text.Normalize;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.rules.RecordRules;
import org.deskcrm.tag.persistence.TagRepository;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectJoinStep;
import org.jooq.UpdateSetFirstStep;
import org.jooq.UpdateSetMoreStep;
import org.jooq.impl.DSL;

/**
 * Companies in SQL. Every read carries {@code RecordRules.companies(user).read()}; lists page
 * with keyset streams over the {@code (organization_id, key, id)} indexes (V2, V12); search runs
 * one LIMITed index range per search key (name, e-mail, phone, tags) and chains them.
 */
public final class CompanyRepository {
    public static final String ENTITY = "company";
    private static final SyncColumns<CompaniesRecord> SYNC = new SyncColumns<>(COMPANIES);
    private static final Users OWNER = USERS.as("owner");
    private static final Users CREATOR = USERS.as("creator");

    /** Sortable keys of the list and their columns; all are indexed (organization_id, key, id). */
    public static final Map<String, Field<?>> SORT_KEYS = Map.of(
            "name", COMPANIES.NAME_LC,
            "last_contacted", COMPANIES.LAST_CONTACTED_AT,
            "lead_score", COMPANIES.LEAD_SCORE,
            "engagement", COMPANIES.ENGAGEMENT_SCORE,
            "created", COMPANIES.CREATED_AT,
            "updated", COMPANIES.UPDATED_AT);

    private static final Filters FILTERS = new Filters(ENTITY, COMPANIES.ID, COMPANIES.STATUS, COMPANIES.OWNER_ID,
            COMPANIES.INDUSTRY_ID, COMPANIES.LIFECYCLE_STAGE, COMPANIES.LEAD_QUALITY, null, COMPANIES.LAST_CONTACTED_AT, null);

    private final TagRepository tags;

    public CompanyRepository(TagRepository tags) {
        this.tags = tags;
    }

    // ---------------------------------------------------------------- lists

    private static final RowSource<CompanyRow> ROWS = new RowSource<>() {
        @Override
        public SelectJoinStep<Record> select(DSLContext dsl) {
            return dsl.select(COMPANIES.ID, COMPANIES.NAME, COMPANIES.NAME_LC, COMPANIES.DOMAIN, COMPANIES.EMAIL,
                            COMPANIES.PHONE, COMPANIES.CITY, COMPANIES.COUNTRY, INDUSTRIES.NAME, COMPANIES.STATUS,
                            COMPANIES.CLIENT_TYPE, COMPANIES.LIFECYCLE_STAGE, COMPANIES.LEAD_SCORE, COMPANIES.LEAD_QUALITY,
                            COMPANIES.ENGAGEMENT_SCORE, COMPANIES.OWNER_ID, OWNER.FULL_NAME, COMPANIES.LAST_CONTACTED_AT,
                            COMPANIES.CREATED_AT, COMPANIES.UPDATED_AT, COMPANIES.EMAIL_LC, COMPANIES.PHONE_DIGITS,
                            COMPANIES.VERSION)
                    .from(COMPANIES)
                    .leftJoin(INDUSTRIES).on(INDUSTRIES.ID.eq(COMPANIES.INDUSTRY_ID))
                    .leftJoin(OWNER).on(OWNER.ID.eq(COMPANIES.OWNER_ID));
        }

        @Override
        public CompanyRow map(Record r) {
            return new CompanyRow(r.get(COMPANIES.ID), r.get(COMPANIES.NAME), r.get(COMPANIES.DOMAIN), r.get(COMPANIES.EMAIL),
                    r.get(COMPANIES.PHONE), r.get(COMPANIES.CITY), r.get(COMPANIES.COUNTRY), r.get(INDUSTRIES.NAME),
                    r.get(COMPANIES.STATUS), r.get(COMPANIES.CLIENT_TYPE), r.get(COMPANIES.LIFECYCLE_STAGE),
                    r.get(COMPANIES.LEAD_SCORE), r.get(COMPANIES.LEAD_QUALITY), r.get(COMPANIES.ENGAGEMENT_SCORE),
                    r.get(COMPANIES.OWNER_ID), r.get(OWNER.FULL_NAME), r.get(COMPANIES.LAST_CONTACTED_AT),
                    r.get(COMPANIES.CREATED_AT), r.get(COMPANIES.UPDATED_AT), List.of(), r.get(COMPANIES.VERSION));
        }
    };

    private static final RowSource<UUID> IDS = new RowSource<>() {
        @Override
        public SelectJoinStep<Record> select(DSLContext dsl) {
            return dsl.select(new org.jooq.SelectFieldOrAsterisk[] {COMPANIES.ID, COMPANIES.NAME_LC,
                    COMPANIES.LAST_CONTACTED_AT, COMPANIES.LEAD_SCORE, COMPANIES.ENGAGEMENT_SCORE, COMPANIES.CREATED_AT,
                    COMPANIES.UPDATED_AT, COMPANIES.EMAIL_LC, COMPANIES.PHONE_DIGITS}).from(COMPANIES);
        }

        @Override
        public UUID map(Record r) {
            return r.get(COMPANIES.ID);
        }
    };

    public Page<CompanyRow> page(DSLContext dsl, CurrentUser user, ListQuery q, Object cursor, int limit, OffsetDateTime now) {
        Page<CompanyRow> page = StreamPager.page(dsl, streams(ROWS, CompanyRow::id, user, q, now, dsl), cursor, limit);
        var tagMap = tags.tagsOf(dsl, user.organizationId(), ENTITY, page.rows().stream().map(CompanyRow::id).toList());
        return new Page<>(page.rows().stream().map(r -> r.withTags(tagMap.getOrDefault(r.id(), List.of()))).toList(),
                page.next());
    }

    /** Ids of the rows the query matches, in list order, at most {@code max} (for "select all" bulk actions). */
    public List<UUID> ids(DSLContext dsl, CurrentUser user, ListQuery q, int max, OffsetDateTime now) {
        List<UUID> out = new ArrayList<>();
        Object cursor = null;
        do {
            Page<UUID> page = StreamPager.page(dsl, streams(IDS, id -> id, user, q, now, dsl), cursor, Math.min(1000, max - out.size()));
            out.addAll(page.rows());
            cursor = page.next();
        } while (cursor != null && out.size() < max);
        return out;
    }

    public ListCount count(DSLContext dsl, CurrentUser user, ListQuery q, OffsetDateTime now) {
        Condition base = base(user, q, now);
        if (!q.searching()) {
            return Counts.capped(dsl, COMPANIES, base, ListCount.CAP);
        }
        long total = 0;
        boolean atLeast = false;
        for (Condition match : searchConditions(dsl, user, q.search())) {
            ListCount part = Counts.capped(dsl, COMPANIES, base.and(match), ListCount.CAP);
            total += part.value();
            atLeast |= part.atLeast();
        }
        return total > ListCount.CAP ? new ListCount(ListCount.CAP, true) : new ListCount(total, atLeast);
    }

    private Condition base(CurrentUser user, ListQuery q, OffsetDateTime now) {
        return COMPANIES.ORGANIZATION_ID.eq(user.organizationId())
                .and(RecordRules.companies(user).read())
                .and(FILTERS.apply(q.filter(), user.userId(), now));
    }

    private <T> List<RowStream<T>> streams(RowSource<T> source, java.util.function.Function<T, UUID> idOf, CurrentUser user,
            ListQuery q, OffsetDateTime now, DSLContext dsl) {
        Condition base = base(user, q, now);
        if (!q.searching()) {
            Field<?> key = SORT_KEYS.get(q.sort().key());
            if (key == null) {
                throw new IllegalArgumentException("Companies cannot be sorted by " + q.sort().key());
            }
            boolean nullable = key == COMPANIES.LAST_CONTACTED_AT;
            return KeysetStream.sorted(source, base, COMPANIES.ORGANIZATION_ID, key, nullable, COMPANIES.ID,
                    q.sort().descending());
        }
        SearchKeys k = SearchKeys.of(q.search());
        List<RowStream<T>> streams = new ArrayList<>();
        Condition seen = DSL.noCondition();
        if (k.name() != null) {
            streams.add(KeysetStream.nonNull(source, base.and(Prefix.of(COMPANIES.NAME_LC, k.name())), COMPANIES.ORGANIZATION_ID,
                    COMPANIES.NAME_LC, false, COMPANIES.ID, false));
            seen = seen.and(Prefix.not(COMPANIES.NAME_LC, k.name()));
        }
        if (k.email() != null) {
            streams.add(KeysetStream.nonNull(source, base.and(Prefix.of(COMPANIES.EMAIL_LC, k.email())).and(seen),
                    COMPANIES.ORGANIZATION_ID, COMPANIES.EMAIL_LC, false, COMPANIES.ID, false));
            seen = seen.and(Prefix.not(COMPANIES.EMAIL_LC, k.email()));
        }
        if (k.digits() != null) {
            streams.add(KeysetStream.nonNull(source, base.and(Prefix.of(COMPANIES.PHONE_DIGITS, k.digits())).and(seen),
                    COMPANIES.ORGANIZATION_ID, COMPANIES.PHONE_DIGITS, false, COMPANIES.ID, false));
            seen = seen.and(Prefix.not(COMPANIES.PHONE_DIGITS, k.digits()));
        }
        List<UUID> earlierTags = new ArrayList<>();
        for (UUID tag : k.name() == null ? List.<UUID>of() : tags.idsByPrefix(dsl, user, k.name(), 5)) {
            Condition where = base.and(seen);
            if (!earlierTags.isEmpty()) {
                where = where.and(COMPANIES.ID.notIn(TagRepository.withAnyTag(ENTITY, List.copyOf(earlierTags))));
            }
            streams.add(new TaggedStream<>(source, where, COMPANIES.ID, idOf, tags, user.organizationId(), ENTITY, tag));
            earlierTags.add(tag);
        }
        return streams;
    }

    /** The disjoint match conditions of a search (for counting). */
    private List<Condition> searchConditions(DSLContext dsl, CurrentUser user, String text) {
        SearchKeys k = SearchKeys.of(text);
        List<Condition> out = new ArrayList<>();
        Condition seen = DSL.noCondition();
        if (k.name() != null) {
            out.add(Prefix.of(COMPANIES.NAME_LC, k.name()));
            seen = seen.and(Prefix.not(COMPANIES.NAME_LC, k.name()));
        }
        if (k.email() != null) {
            out.add(Prefix.of(COMPANIES.EMAIL_LC, k.email()).and(seen));
            seen = seen.and(Prefix.not(COMPANIES.EMAIL_LC, k.email()));
        }
        if (k.digits() != null) {
            out.add(Prefix.of(COMPANIES.PHONE_DIGITS, k.digits()).and(seen));
            seen = seen.and(Prefix.not(COMPANIES.PHONE_DIGITS, k.digits()));
        }
        List<UUID> tagIds = k.name() == null ? List.of() : tags.idsByPrefix(dsl, user, k.name(), 5);
        if (!tagIds.isEmpty()) {
            out.add(COMPANIES.ID.in(TagRepository.withAnyTag(ENTITY, tagIds)).and(seen));
        }
        return out;
    }

    /** The normalized forms of a search text: name key, e-mail key, phone digits (when it looks like a number). */
    public record SearchKeys(String name, String email, String digits) {
        public static SearchKeys of(String text) {
            String name = Normalize.key(text);
            String email = text == null || text.isBlank() ? null : text.strip().toLowerCase(Locale.ROOT);
            return new SearchKeys(name, email, Prefix.phoneDigits(text));
        }
    }

    // ---------------------------------------------------------------- one company

    public Optional<Company> find(DSLContext dsl, CurrentUser user, UUID id, Map<UUID, Object> custom) {
        Optional<Record> found = dsl.select(COMPANIES.fields()).select(INDUSTRIES.NAME, OWNER.FULL_NAME, CREATOR.FULL_NAME)
                .from(COMPANIES)
                .leftJoin(INDUSTRIES).on(INDUSTRIES.ID.eq(COMPANIES.INDUSTRY_ID))
                .leftJoin(OWNER).on(OWNER.ID.eq(COMPANIES.OWNER_ID))
                .leftJoin(CREATOR).on(CREATOR.ID.eq(COMPANIES.CREATED_BY))
                .where(COMPANIES.ID.eq(id).and(RecordRules.companies(user).read()))
                .fetchOptional();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Record r = found.get();
        CompaniesRecord c = r.into(COMPANIES);
        var tagList = tags.tagsOf(dsl, user.organizationId(), ENTITY, id);
        var tagIds = new java.util.LinkedHashSet<>(tagList.stream().map(org.deskcrm.tag.Tag::id).toList());
        return Optional.of(new Company(c.getId(), c.getVersion(), toDraft(c, tagIds, custom), r.get(INDUSTRIES.NAME),
                r.get(OWNER.FULL_NAME), c.getEngagementScore(), c.getLastContactedAt(), c.getFirstContactedAt(),
                c.getTotalOrders(), c.getTotalRevenue(), c.getAverageOrderValue(), c.getLifetimeValue(), c.getCreatedAt(),
                c.getUpdatedAt(), r.get(CREATOR.FULL_NAME), tagList,
                writable(dsl, user, id)));
    }

    /** The fields of a stored row as a draft, with the record's tags and custom values. */
    public static CompanyDraft toDraft(CompaniesRecord c, java.util.Set<UUID> tagIds, Map<UUID, Object> custom) {
        Map<String, Object> v = new LinkedHashMap<>();
        for (String key : CompanyDraft.named("x", null).values().keySet()) {
            Field<?> f = COMPANIES.field(key);
            if (f != null) {
                v.put(key, c.get(f));
            }
        }
        v.put("tags", tagIds);
        org.deskcrm.crm.FieldMap.putCustom(v, custom);
        return CompanyDraft.of(v);
    }

    public CompaniesRecord loadRaw(DSLContext dsl, UUID id) {
        return dsl.fetchOne(COMPANIES, COMPANIES.ID.eq(id));
    }

    public boolean readable(DSLContext dsl, CurrentUser user, UUID id) {
        return dsl.fetchExists(COMPANIES, COMPANIES.ID.eq(id).and(RecordRules.companies(user).read()));
    }

    public boolean writable(DSLContext dsl, CurrentUser user, UUID id) {
        return dsl.fetchExists(COMPANIES, COMPANIES.ID.eq(id).and(RecordRules.companies(user).write()));
    }

    /** Of {@code ids}, those the user may change. */
    public List<UUID> writableAmong(DSLContext dsl, CurrentUser user, Collection<UUID> ids) {
        return dsl.select(COMPANIES.ID).from(COMPANIES).where(COMPANIES.ID.in(ids).and(RecordRules.companies(user).write()))
                .fetch(COMPANIES.ID);
    }

    public Map<UUID, CompaniesRecord> loadRaw(DSLContext dsl, Collection<UUID> ids) {
        Map<UUID, CompaniesRecord> out = new LinkedHashMap<>();
        dsl.selectFrom(COMPANIES).where(COMPANIES.ID.in(ids)).forEach(r -> out.put(r.getId(), r));
        return out;
    }

    public void insert(DSLContext dsl, UUID organizationId, UUID id, CompanyDraft d, UUID userId, OffsetDateTime now) {
        dsl.insertInto(COMPANIES)
                .set(COMPANIES.ID, id)
                .set(COMPANIES.ORGANIZATION_ID, organizationId)
                .set(columns(d))
                .set(COMPANIES.ENGAGEMENT_SCORE, 0)
                .set(COMPANIES.FIRST_CONTACTED_AT, now)
                .set(COMPANIES.CREATED_AT, now)
                .set(COMPANIES.UPDATED_AT, now)
                .set(COMPANIES.CREATED_BY, userId)
                .execute();
    }

    public void update(DSLContext dsl, UUID id, long version, CompanyDraft d) {
        Map<Field<?>, Object> cols = columns(d);
        SYNC.updateChecked(dsl, id, version, u -> setAll(u, cols));
    }

    @SuppressWarnings("unchecked")
    private static UpdateSetMoreStep<CompaniesRecord> setAll(UpdateSetFirstStep<CompaniesRecord> u, Map<Field<?>, Object> cols) {
        UpdateSetMoreStep<CompaniesRecord> step = null;
        for (var e : cols.entrySet()) {
            Field<Object> f = (Field<Object>) e.getKey();
            step = step == null ? u.set(f, e.getValue()) : step.set(f, e.getValue());
        }
        return step;
    }

    /** The stored columns of a draft, search keys included (SR-4). */
    private static Map<Field<?>, Object> columns(CompanyDraft d) {
        Map<Field<?>, Object> m = new LinkedHashMap<>();
        m.put(COMPANIES.NAME, d.name());
        m.put(COMPANIES.NAME_LC, Normalize.key(d.name()));
        m.put(COMPANIES.LEGAL_NAME, d.legalName());
        m.put(COMPANIES.DOMAIN, d.domain());
        m.put(COMPANIES.EMAIL, d.email());
        m.put(COMPANIES.EMAIL_LC, Normalize.email(d.email()));
        m.put(COMPANIES.PHONE, d.phone());
        m.put(COMPANIES.PHONE_DIGITS, Normalize.phoneDigits(d.phone() != null ? d.phone() : d.secondaryPhone()));
        m.put(COMPANIES.SECONDARY_PHONE, d.secondaryPhone());
        m.put(COMPANIES.WEBSITE, d.website());
        m.put(COMPANIES.INDUSTRY_ID, d.industryId());
        m.put(COMPANIES.COMPANY_SIZE, d.companySize());
        m.put(COMPANIES.STATUS, d.status());
        m.put(COMPANIES.CLIENT_TYPE, d.clientType());
        m.put(COMPANIES.LIFECYCLE_STAGE, d.lifecycleStage());
        m.put(COMPANIES.LEAD_SCORE, d.leadScore());
        m.put(COMPANIES.LEAD_QUALITY, d.leadQuality());
        m.put(COMPANIES.HEALTH_SCORE, d.healthScore());
        m.put(COMPANIES.CHURN_RISK, d.churnRisk());
        m.put(COMPANIES.ANNUAL_EVENTS, d.annualEvents());
        m.put(COMPANIES.ANNUAL_REVENUE, d.annualRevenue());
        m.put(COMPANIES.CURRENCY, d.currency());
        m.put(COMPANIES.ADDRESS_LINE1, d.addressLine1());
        m.put(COMPANIES.ADDRESS_LINE2, d.addressLine2());
        m.put(COMPANIES.CITY, d.city());
        m.put(COMPANIES.STATE, d.state());
        m.put(COMPANIES.POSTAL_CODE, d.postalCode());
        m.put(COMPANIES.COUNTRY, d.country());
        m.put(COMPANIES.BILLING_ADDRESS_LINE1, d.billingAddressLine1());
        m.put(COMPANIES.BILLING_ADDRESS_LINE2, d.billingAddressLine2());
        m.put(COMPANIES.BILLING_CITY, d.billingCity());
        m.put(COMPANIES.BILLING_STATE, d.billingState());
        m.put(COMPANIES.BILLING_POSTAL_CODE, d.billingPostalCode());
        m.put(COMPANIES.BILLING_COUNTRY, d.billingCountry());
        m.put(COMPANIES.NOTES, d.notes());
        m.put(COMPANIES.PAYMENT_TERMS, d.paymentTerms());
        m.put(COMPANIES.CREDIT_LIMIT, d.creditLimit());
        m.put(COMPANIES.TAX_ID, d.taxId());
        m.put(COMPANIES.SOURCE, d.source());
        m.put(COMPANIES.NEXT_FOLLOW_UP_AT, d.nextFollowUpAt());
        m.put(COMPANIES.OWNER_ID, d.ownerId());
        return m;
    }

    /** Bulk: sets one column on rows (version +1, updated_at now); callers pass only writable ids. */
    /** Bulk owner change (the caller has checked the rule for each id and audits the change). */
    public int setOwner(DSLContext dsl, Collection<UUID> ids, UUID ownerId) {
        return setColumn(dsl, ids, COMPANIES.OWNER_ID, ownerId);
    }

    /** Bulk status change (the caller has validated the status and checked the rule for each id). */
    public int setStatus(DSLContext dsl, Collection<UUID> ids, String status) {
        return setColumn(dsl, ids, COMPANIES.STATUS, status);
    }

    private <V> int setColumn(DSLContext dsl, Collection<UUID> ids, Field<V> field, V value) {
        return dsl.update(COMPANIES)
                .set(field, value)
                .set(COMPANIES.VERSION, COMPANIES.VERSION.plus(1))
                .set(COMPANIES.UPDATED_AT, SyncColumns.now())
                .where(COMPANIES.ID.in(ids).and(COMPANIES.DELETED_AT.isNull()))
                .execute();
    }

    // ---------------------------------------------------------------- delete (SR-2)

    /** True while the company has issued (not draft or cancelled) invoices or payments: deleting is refused. */
    public boolean hasFinancialRecords(DSLContext dsl, UUID companyId) {
        return dsl.fetchExists(INVOICES, INVOICES.COMPANY_ID.eq(companyId).and(INVOICES.DELETED_AT.isNull())
                        .and(INVOICES.STATUS.notIn("draft", "cancelled")))
                || dsl.fetchExists(PAYMENTS, PAYMENTS.COMPANY_ID.eq(companyId).and(PAYMENTS.DELETED_AT.isNull()));
    }

    /** What a company delete took with it. */
    public record Cascade(List<UUID> contactIds, int deals, int notes, int documents, int activities) {}

    /**
     * Tombstones the company and, with the same instant, its contacts (freeing their e-mail and
     * primary slot), deals (with their products and assignees), notes, documents and activities.
     */
    public Cascade deleteCascade(DSLContext dsl, UUID id, long version, OffsetDateTime at) {
        int n = dsl.update(COMPANIES)
                .set(COMPANIES.DELETED_AT, at)
                .set(COMPANIES.VERSION, COMPANIES.VERSION.plus(1))
                .set(COMPANIES.UPDATED_AT, at)
                .where(COMPANIES.ID.eq(id).and(COMPANIES.VERSION.eq(version)).and(COMPANIES.DELETED_AT.isNull()))
                .execute();
        if (n == 0) {
            throw new org.deskcrm.platform.persistence.StaleRecordException("companies", id, version);
        }
        List<UUID> contactIds = dsl.select(CONTACTS.ID).from(CONTACTS)
                .where(CONTACTS.COMPANY_ID.eq(id).and(CONTACTS.DELETED_AT.isNull())).fetch(CONTACTS.ID);
        if (!contactIds.isEmpty()) {
            dsl.update(CONTACTS)
                    .set(CONTACTS.DELETED_AT, at)
                    .set(CONTACTS.EMAIL_LC, (String) null)
                    .set(CONTACTS.PRIMARY_OF_COMPANY_ID, (UUID) null)
                    .set(CONTACTS.VERSION, CONTACTS.VERSION.plus(1))
                    .set(CONTACTS.UPDATED_AT, at)
                    .where(CONTACTS.ID.in(contactIds))
                    .execute();
        }
        List<UUID> dealIds = dsl.select(DEALS.ID).from(DEALS).where(DEALS.COMPANY_ID.eq(id).and(DEALS.DELETED_AT.isNull()))
                .fetch(DEALS.ID);
        if (!dealIds.isEmpty()) {
            dsl.update(DEALS).set(DEALS.DELETED_AT, at).set(DEALS.VERSION, DEALS.VERSION.plus(1)).set(DEALS.UPDATED_AT, at)
                    .where(DEALS.ID.in(dealIds)).execute();
            dsl.update(DEAL_PRODUCTS).set(DEAL_PRODUCTS.DELETED_AT, at).set(DEAL_PRODUCTS.VERSION, DEAL_PRODUCTS.VERSION.plus(1))
                    .set(DEAL_PRODUCTS.UPDATED_AT, at)
                    .where(DEAL_PRODUCTS.DEAL_ID.in(dealIds).and(DEAL_PRODUCTS.DELETED_AT.isNull())).execute();
            dsl.update(DEAL_ASSIGNEES).set(DEAL_ASSIGNEES.DELETED_AT, at)
                    .set(DEAL_ASSIGNEES.VERSION, DEAL_ASSIGNEES.VERSION.plus(1)).set(DEAL_ASSIGNEES.UPDATED_AT, at)
                    .where(DEAL_ASSIGNEES.DEAL_ID.in(dealIds).and(DEAL_ASSIGNEES.DELETED_AT.isNull())).execute();
        }
        Condition ofCompany = NOTES.COMPANY_ID.eq(id);
        if (!contactIds.isEmpty()) {
            ofCompany = ofCompany.or(NOTES.CONTACT_ID.in(contactIds));
        }
        if (!dealIds.isEmpty()) {
            ofCompany = ofCompany.or(NOTES.DEAL_ID.in(dealIds));
        }
        int notes = dsl.update(NOTES).set(NOTES.DELETED_AT, at).set(NOTES.VERSION, NOTES.VERSION.plus(1))
                .set(NOTES.UPDATED_AT, at)
                .where(ofCompany.and(NOTES.DELETED_AT.isNull()).and(NOTES.ORGANIZATION_ID.eq(loadOrg(dsl, id))))
                .execute();
        int documents = dsl.update(DOCUMENTS).set(DOCUMENTS.DELETED_AT, at).set(DOCUMENTS.VERSION, DOCUMENTS.VERSION.plus(1))
                .set(DOCUMENTS.UPDATED_AT, at)
                .where(DOCUMENTS.COMPANY_ID.eq(id).and(DOCUMENTS.DELETED_AT.isNull()))
                .execute();
        Condition acts = ACTIVITIES.COMPANY_ID.eq(id);
        if (!contactIds.isEmpty()) {
            acts = acts.or(ACTIVITIES.CONTACT_ID.in(contactIds));
        }
        if (!dealIds.isEmpty()) {
            acts = acts.or(ACTIVITIES.DEAL_ID.in(dealIds));
        }
        int activities = dsl.update(ACTIVITIES).set(ACTIVITIES.DELETED_AT, at)
                .set(ACTIVITIES.VERSION, ACTIVITIES.VERSION.plus(1)).set(ACTIVITIES.UPDATED_AT, at)
                .where(acts.and(ACTIVITIES.DELETED_AT.isNull()).and(ACTIVITIES.ORGANIZATION_ID.eq(loadOrg(dsl, id))))
                .execute();
        return new Cascade(contactIds, dealIds.size(), notes, documents, activities);
    }

    private static UUID loadOrg(DSLContext dsl, UUID id) {
        return dsl.select(COMPANIES.ORGANIZATION_ID).from(COMPANIES).where(COMPANIES.ID.eq(id)).fetchSingle().value1();
    }

    // ---------------------------------------------------------------- picklists

    public List<Industry> industries(DSLContext dsl, CurrentUser user) {
        return dsl.select(INDUSTRIES.ID, INDUSTRIES.NAME).from(INDUSTRIES)
                .where(RecordRules.industries(user).read().and(INDUSTRIES.IS_ACTIVE.isTrue()))
                .orderBy(INDUSTRIES.NAME)
                .fetch(r -> new Industry(r.value1(), r.value2()));
    }

    public boolean industryVisible(DSLContext dsl, CurrentUser user, UUID industryId) {
        return dsl.fetchExists(INDUSTRIES, INDUSTRIES.ID.eq(industryId).and(RecordRules.industries(user).read()));
    }

    /** Companies by name prefix for pickers (contact form, lead conversion). */
    public List<CompanyRow> pick(DSLContext dsl, CurrentUser user, String text, int limit) {
        String key = Normalize.key(text);
        Condition c = COMPANIES.ORGANIZATION_ID.eq(user.organizationId()).and(RecordRules.companies(user).read());
        if (key != null) {
            c = c.and(Prefix.of(COMPANIES.NAME_LC, key));
        }
        return ROWS.select(dsl).where(c).orderBy(COMPANIES.ORGANIZATION_ID, COMPANIES.NAME_LC, COMPANIES.ID).limit(limit)
                .fetch(ROWS::map);
    }
}
