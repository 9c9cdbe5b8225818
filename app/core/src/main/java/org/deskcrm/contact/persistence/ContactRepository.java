package org.deskcrm.contact.persistence;

import static org.deskcrm.db.Tables.COMPANIES;
import static org.deskcrm.db.Tables.CONTACTS;
import static org.deskcrm.db.Tables.USERS;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.deskcrm.contact.Contact;
import org.deskcrm.contact.ContactDraft;
import org.deskcrm.contact.ContactRow;
import org.deskcrm.crm.FieldMap;
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
import org.deskcrm.db.tables.Companies;
import org.deskcrm.db.tables.Users;
import org.deskcrm.db.tables.records.ContactsRecord;
import org.deskcrm.platform.persistence.StaleRecordException;
import org.deskcrm.platform.persistence.SyncColumns;
import org.deskcrm.platform.text.Normalize;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.rules.RecordRules;
import org.deskcrm.tag.Tag;
import org.deskcrm.tag.persistence.TagRepository;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectFieldOrAsterisk;
import org.jooq.SelectJoinStep;
import org.jooq.impl.DSL;

/**
 * Contacts in SQL, under {@code RecordRules.contacts(user)}. Lists page with keyset streams;
 * search chains name, last name, e-mail, phone, company and tag streams, each an index range.
 * The search keys (SR-4) and {@code primary_of_company_id} (SR-5) are written with every change.
 */
public final class ContactRepository {
    public static final String ENTITY = "contact";
    private static final SyncColumns<ContactsRecord> SYNC = new SyncColumns<>(CONTACTS);
    private static final Users OWNER = USERS.as("owner");
    private static final Users CREATOR = USERS.as("creator");
    private static final Companies CO = COMPANIES.as("co");

    public static final Map<String, Field<?>> SORT_KEYS = Map.of(
            "name", CONTACTS.FULL_NAME_LC,
            "last_name", CONTACTS.LAST_NAME_LC,
            "email", CONTACTS.EMAIL_LC,
            "last_contacted", CONTACTS.LAST_CONTACTED_AT,
            "lead_score", CONTACTS.LEAD_SCORE,
            "engagement", CONTACTS.ENGAGEMENT_SCORE,
            "created", CONTACTS.CREATED_AT,
            "updated", CONTACTS.UPDATED_AT);
    private static final Set<Field<?>> NULLABLE = Set.of(CONTACTS.LAST_NAME_LC, CONTACTS.EMAIL_LC, CONTACTS.LAST_CONTACTED_AT,
            CONTACTS.LEAD_SCORE);

    private static final Filters FILTERS = new Filters(ENTITY, CONTACTS.ID, CONTACTS.STATUS, CONTACTS.OWNER_ID, null,
            CONTACTS.LIFECYCLE_STAGE, CONTACTS.LEAD_QUALITY, null, CONTACTS.LAST_CONTACTED_AT, CONTACTS.IS_VIP);

    private final TagRepository tags;

    public ContactRepository(TagRepository tags) {
        this.tags = tags;
    }

    // ---------------------------------------------------------------- lists

    private static final RowSource<ContactRow> ROWS = new RowSource<>() {
        @Override
        public SelectJoinStep<Record> select(DSLContext dsl) {
            return dsl.select(new SelectFieldOrAsterisk[] {CONTACTS.ID, CONTACTS.FIRST_NAME, CONTACTS.LAST_NAME, CONTACTS.EMAIL,
                            CONTACTS.PHONE, CONTACTS.MOBILE, CONTACTS.JOB_TITLE, CONTACTS.COMPANY_ID, CO.NAME,
                            CONTACTS.COMPANY_NAME, CONTACTS.IS_PRIMARY, CONTACTS.IS_VIP, CONTACTS.IS_DECISION_MAKER,
                            CONTACTS.STATUS, CONTACTS.LIFECYCLE_STAGE, CONTACTS.LEAD_SCORE, CONTACTS.LEAD_QUALITY,
                            CONTACTS.ENGAGEMENT_SCORE, CONTACTS.OWNER_ID, OWNER.FULL_NAME, CONTACTS.LAST_CONTACTED_AT,
                            CONTACTS.CITY, CONTACTS.COUNTRY, CONTACTS.CREATED_AT, CONTACTS.UPDATED_AT, CONTACTS.VERSION,
                            CONTACTS.FULL_NAME_LC, CONTACTS.LAST_NAME_LC, CONTACTS.EMAIL_LC, CONTACTS.PHONE_DIGITS,
                            CONTACTS.ORGANIZATION_ID})
                    .from(CONTACTS)
                    .leftJoin(CO).on(CO.ID.eq(CONTACTS.COMPANY_ID))
                    .leftJoin(OWNER).on(OWNER.ID.eq(CONTACTS.OWNER_ID));
        }

        @Override
        public ContactRow map(Record r) {
            String phone = r.get(CONTACTS.PHONE) != null ? r.get(CONTACTS.PHONE) : r.get(CONTACTS.MOBILE);
            String company = r.get(CO.NAME) != null ? r.get(CO.NAME) : r.get(CONTACTS.COMPANY_NAME);
            return new ContactRow(r.get(CONTACTS.ID), r.get(CONTACTS.FIRST_NAME), r.get(CONTACTS.LAST_NAME),
                    r.get(CONTACTS.EMAIL), phone, r.get(CONTACTS.JOB_TITLE), r.get(CONTACTS.COMPANY_ID), company,
                    r.get(CONTACTS.IS_PRIMARY), r.get(CONTACTS.IS_VIP), r.get(CONTACTS.IS_DECISION_MAKER),
                    r.get(CONTACTS.STATUS), r.get(CONTACTS.LIFECYCLE_STAGE), r.get(CONTACTS.LEAD_SCORE),
                    r.get(CONTACTS.LEAD_QUALITY), r.get(CONTACTS.ENGAGEMENT_SCORE), r.get(CONTACTS.OWNER_ID),
                    r.get(OWNER.FULL_NAME), r.get(CONTACTS.LAST_CONTACTED_AT), r.get(CONTACTS.CITY),
                    r.get(CONTACTS.COUNTRY), r.get(CONTACTS.CREATED_AT), r.get(CONTACTS.UPDATED_AT), List.of(),
                    r.get(CONTACTS.VERSION));
        }
    };

    private static final RowSource<UUID> IDS = new RowSource<>() {
        @Override
        public SelectJoinStep<Record> select(DSLContext dsl) {
            return dsl.select(new SelectFieldOrAsterisk[] {CONTACTS.ID, CONTACTS.FULL_NAME_LC, CONTACTS.LAST_NAME_LC,
                    CONTACTS.EMAIL_LC, CONTACTS.PHONE_DIGITS, CONTACTS.LAST_CONTACTED_AT, CONTACTS.LEAD_SCORE,
                    CONTACTS.ENGAGEMENT_SCORE, CONTACTS.CREATED_AT, CONTACTS.UPDATED_AT, CONTACTS.ORGANIZATION_ID})
                    .from(CONTACTS);
        }

        @Override
        public UUID map(Record r) {
            return r.get(CONTACTS.ID);
        }
    };

    public Page<ContactRow> page(DSLContext dsl, CurrentUser user, ListQuery q, Object cursor, int limit, OffsetDateTime now) {
        Page<ContactRow> page = StreamPager.page(dsl, streams(dsl, ROWS, ContactRow::id, user, q, now), cursor, limit);
        return new Page<>(withTags(dsl, user, page.rows()), page.next());
    }

    private List<ContactRow> withTags(DSLContext dsl, CurrentUser user, List<ContactRow> rows) {
        var tagMap = tags.tagsOf(dsl, user.organizationId(), ENTITY, rows.stream().map(ContactRow::id).toList());
        return rows.stream().map(r -> r.withTags(tagMap.getOrDefault(r.id(), List.of()))).toList();
    }

    public List<UUID> ids(DSLContext dsl, CurrentUser user, ListQuery q, int max, OffsetDateTime now) {
        List<UUID> out = new ArrayList<>();
        Object cursor = null;
        do {
            Page<UUID> page = StreamPager.page(dsl, streams(dsl, IDS, id -> id, user, q, now), cursor,
                    Math.min(1000, max - out.size()));
            out.addAll(page.rows());
            cursor = page.next();
        } while (cursor != null && out.size() < max);
        return out;
    }

    public ListCount count(DSLContext dsl, CurrentUser user, ListQuery q, OffsetDateTime now) {
        Condition base = base(user, q, now);
        if (!q.searching()) {
            return Counts.capped(dsl, CONTACTS, base, ListCount.CAP);
        }
        long total = 0;
        boolean atLeast = false;
        for (Condition match : matches(dsl, user, q.search())) {
            ListCount part = Counts.capped(dsl, CONTACTS, base.and(match), ListCount.CAP);
            total += part.value();
            atLeast |= part.atLeast();
        }
        return total > ListCount.CAP ? new ListCount(ListCount.CAP, true) : new ListCount(total, atLeast);
    }

    /** Contacts of one company: the primary first, then by name. */
    public List<ContactRow> ofCompany(DSLContext dsl, CurrentUser user, UUID companyId, int limit) {
        List<ContactRow> rows = ROWS.select(dsl)
                .where(CONTACTS.ORGANIZATION_ID.eq(user.organizationId()).and(CONTACTS.COMPANY_ID.eq(companyId))
                        .and(RecordRules.contacts(user).read()))
                .orderBy(CONTACTS.IS_PRIMARY.desc(), CONTACTS.FULL_NAME_LC, CONTACTS.ID)
                .limit(limit)
                .fetch(ROWS::map);
        return withTags(dsl, user, rows);
    }

    /** Contacts by name prefix, for pickers. */
    public List<ContactRow> pick(DSLContext dsl, CurrentUser user, String text, UUID companyId, int limit) {
        Condition c = CONTACTS.ORGANIZATION_ID.eq(user.organizationId()).and(RecordRules.contactsReadForLists(user));
        if (companyId != null) {
            c = c.and(CONTACTS.COMPANY_ID.eq(companyId));
        }
        String key = Normalize.key(text);
        if (key != null) {
            c = c.and(Prefix.of(CONTACTS.FULL_NAME_LC, key));
        }
        return ROWS.select(dsl).where(c).orderBy(CONTACTS.ORGANIZATION_ID, CONTACTS.FULL_NAME_LC, CONTACTS.ID).limit(limit)
                .fetch(ROWS::map);
    }

    private Condition base(CurrentUser user, ListQuery q, OffsetDateTime now) {
        return CONTACTS.ORGANIZATION_ID.eq(user.organizationId())
                .and(RecordRules.contactsReadForLists(user))
                .and(FILTERS.apply(q.filter(), user.userId(), now));
    }

    private <T> List<RowStream<T>> streams(DSLContext dsl, RowSource<T> source, Function<T, UUID> idOf, CurrentUser user,
            ListQuery q, OffsetDateTime now) {
        Condition base = base(user, q, now);
        if (!q.searching()) {
            Field<?> key = SORT_KEYS.get(q.sort().key());
            if (key == null) {
                throw new IllegalArgumentException("Contacts cannot be sorted by " + q.sort().key());
            }
            return KeysetStream.sorted(source, base, CONTACTS.ORGANIZATION_ID, key, NULLABLE.contains(key), CONTACTS.ID,
                    q.sort().descending());
        }
        Keys k = Keys.of(q.search());
        List<RowStream<T>> streams = new ArrayList<>();
        Condition seen = DSL.noCondition();
        if (k.name() != null) {
            streams.add(keyStream(source, base, CONTACTS.FULL_NAME_LC, k.name(), seen));
            seen = seen.and(Prefix.not(CONTACTS.FULL_NAME_LC, k.name()));
            streams.add(keyStream(source, base, CONTACTS.LAST_NAME_LC, k.name(), seen));
            seen = seen.and(Prefix.not(CONTACTS.LAST_NAME_LC, k.name()));
        }
        if (k.email() != null) {
            streams.add(keyStream(source, base, CONTACTS.EMAIL_LC, k.email(), seen));
            seen = seen.and(Prefix.not(CONTACTS.EMAIL_LC, k.email()));
        }
        if (k.digits() != null) {
            streams.add(keyStream(source, base, CONTACTS.PHONE_DIGITS, k.digits(), seen));
            seen = seen.and(Prefix.not(CONTACTS.PHONE_DIGITS, k.digits()));
        }
        if (k.name() != null) {
            streams.add(new CompanyStream<>(source, base.and(seen), idOf, user.organizationId(), k.name()));
            seen = seen.and(CONTACTS.COMPANY_ID.isNull().or(CONTACTS.COMPANY_ID.notIn(companiesNamed(user, k.name()))));
            List<UUID> earlier = new ArrayList<>();
            for (UUID tag : tags.idsByPrefix(dsl, user, k.name(), 5)) {
                Condition where = base.and(seen);
                if (!earlier.isEmpty()) {
                    where = where.and(CONTACTS.ID.notIn(TagRepository.withAnyTag(ENTITY, List.copyOf(earlier))));
                }
                streams.add(new TaggedStream<>(source, where, CONTACTS.ID, idOf, tags, user.organizationId(), ENTITY, tag));
                earlier.add(tag);
            }
        }
        return streams;
    }

    private static <T> RowStream<T> keyStream(RowSource<T> source, Condition base, Field<String> key, String prefix,
            Condition seen) {
        return KeysetStream.nonNull(source, base.and(Prefix.of(key, prefix)).and(seen), CONTACTS.ORGANIZATION_ID, key, false,
                CONTACTS.ID, false);
    }

    private static org.jooq.Select<org.jooq.Record1<UUID>> companiesNamed(CurrentUser user, String prefix) {
        return DSL.select(CO.ID).from(CO).where(CO.ORGANIZATION_ID.eq(user.organizationId())
                .and(Prefix.of(CO.NAME_LC, prefix)).and(CO.DELETED_AT.isNull()));
    }

    private List<Condition> matches(DSLContext dsl, CurrentUser user, String text) {
        Keys k = Keys.of(text);
        List<Condition> out = new ArrayList<>();
        Condition seen = DSL.noCondition();
        if (k.name() != null) {
            out.add(Prefix.of(CONTACTS.FULL_NAME_LC, k.name()));
            seen = seen.and(Prefix.not(CONTACTS.FULL_NAME_LC, k.name()));
            out.add(Prefix.of(CONTACTS.LAST_NAME_LC, k.name()).and(seen));
            seen = seen.and(Prefix.not(CONTACTS.LAST_NAME_LC, k.name()));
        }
        if (k.email() != null) {
            out.add(Prefix.of(CONTACTS.EMAIL_LC, k.email()).and(seen));
            seen = seen.and(Prefix.not(CONTACTS.EMAIL_LC, k.email()));
        }
        if (k.digits() != null) {
            out.add(Prefix.of(CONTACTS.PHONE_DIGITS, k.digits()).and(seen));
            seen = seen.and(Prefix.not(CONTACTS.PHONE_DIGITS, k.digits()));
        }
        if (k.name() != null) {
            out.add(CONTACTS.COMPANY_ID.in(companiesNamed(user, k.name())).and(seen));
            seen = seen.and(CONTACTS.COMPANY_ID.isNull().or(CONTACTS.COMPANY_ID.notIn(companiesNamed(user, k.name()))));
            List<UUID> tagIds = tags.idsByPrefix(dsl, user, k.name(), 5);
            if (!tagIds.isEmpty()) {
                out.add(CONTACTS.ID.in(TagRepository.withAnyTag(ENTITY, tagIds)).and(seen));
            }
        }
        return out;
    }

    /** The normalized forms of a search text. */
    record Keys(String name, String email, String digits) {
        static Keys of(String text) {
            return new Keys(Normalize.key(text),
                    text == null || text.isBlank() ? null : text.strip().toLowerCase(java.util.Locale.ROOT),
                    Prefix.phoneDigits(text));
        }
    }

    /**
     * "Contacts whose company's name starts with ...": walks the matching companies in name order
     * (index range on companies) and reads each company's contacts by the (organization_id,
     * company_id, id) index, so the cost follows the matches, not the table. Position: the company
     * (name key and id) and the last contact id returned in it.
     */
    private static final class CompanyStream<T> implements RowStream<T> {
        private static final int COMPANY_BATCH = 20;
        private static final int MAX_QUERIES = 60;

        record Position(String companyKey, UUID companyId, UUID lastContactId) {}

        private final RowSource<T> source;
        private final Condition where;
        private final Function<T, UUID> idOf;
        private final UUID organizationId;
        private final String prefix;

        CompanyStream(RowSource<T> source, Condition where, Function<T, UUID> idOf, UUID organizationId, String prefix) {
            this.source = source;
            this.where = where;
            this.idOf = idOf;
            this.organizationId = organizationId;
            this.prefix = prefix;
        }

        @Override
        public Chunk<T> next(DSLContext dsl, Object position, int limit) {
            Position pos = (Position) position;
            List<T> rows = new ArrayList<>();
            int queries = 0;
            while (queries < MAX_QUERIES) {
                Condition c = CO.ORGANIZATION_ID.eq(organizationId).and(CO.DELETED_AT.isNull()).and(Prefix.of(CO.NAME_LC, prefix));
                if (pos != null) {
                    // Resume at the position's company (inclusive while contacts remain in it).
                    c = pos.lastContactId() != null
                            ? c.and(CO.NAME_LC.ge(pos.companyKey()).and(CO.NAME_LC.gt(pos.companyKey()).or(CO.ID.ge(pos.companyId()))))
                            : c.and(CO.NAME_LC.ge(pos.companyKey()).and(CO.NAME_LC.gt(pos.companyKey()).or(CO.ID.gt(pos.companyId()))));
                }
                var batch = dsl.select(CO.ID, CO.NAME_LC).from(CO).where(c).orderBy(CO.ORGANIZATION_ID, CO.NAME_LC, CO.ID)
                        .limit(COMPANY_BATCH).fetch();
                queries++;
                if (batch.isEmpty()) {
                    return new Chunk<>(rows, null);
                }
                for (var company : batch) {
                    UUID companyId = company.value1();
                    Condition cc = where.and(CONTACTS.COMPANY_ID.eq(companyId));
                    if (pos != null && pos.lastContactId() != null && companyId.equals(pos.companyId())) {
                        cc = cc.and(CONTACTS.ID.gt(pos.lastContactId()));
                    }
                    int need = limit - rows.size();
                    var found = source.select(dsl).where(cc)
                            .orderBy(CONTACTS.ORGANIZATION_ID, CONTACTS.COMPANY_ID, CONTACTS.ID)
                            .limit(need + 1).fetch();
                    queries++;
                    for (int i = 0; i < Math.min(need, found.size()); i++) {
                        rows.add(source.map(found.get(i)));
                    }
                    if (found.size() > need) {
                        return new Chunk<>(rows, new Position(company.value2(), companyId, idOf.apply(rows.getLast())));
                    }
                    pos = new Position(company.value2(), companyId, null);
                    if (rows.size() == limit || queries >= MAX_QUERIES) {
                        return new Chunk<>(rows, pos);
                    }
                }
                if (batch.size() < COMPANY_BATCH) {
                    return new Chunk<>(rows, null);
                }
            }
            return new Chunk<>(rows, pos);
        }
    }

    // ---------------------------------------------------------------- one contact

    /**
     * The contact if the user may read it (its read rule is part of the query, as is whether they
     * may change it); {@code custom} loads its custom field values, only for a readable contact.
     */
    public Optional<Contact> find(DSLContext dsl, CurrentUser user, UUID id, java.util.function.Supplier<Map<UUID, Object>> custom) {
        Field<Boolean> writable = DSL.field(RecordRules.contacts(user).write()).as("writable");
        Optional<Record> found = dsl.select(CONTACTS.fields()).select(CO.NAME, OWNER.FULL_NAME, CREATOR.FULL_NAME, writable)
                .from(CONTACTS)
                .leftJoin(CO).on(CO.ID.eq(CONTACTS.COMPANY_ID))
                .leftJoin(OWNER).on(OWNER.ID.eq(CONTACTS.OWNER_ID))
                .leftJoin(CREATOR).on(CREATOR.ID.eq(CONTACTS.CREATED_BY))
                .where(CONTACTS.ID.eq(id).and(RecordRules.contacts(user).read()))
                .fetchOptional();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Record r = found.get();
        ContactsRecord c = r.into(CONTACTS);
        List<Tag> tagList = tags.tagsOf(dsl, user.organizationId(), ENTITY, id);
        var tagIds = new LinkedHashSet<>(tagList.stream().map(Tag::id).toList());
        String company = r.get(CO.NAME) != null ? r.get(CO.NAME) : c.getCompanyName();
        return Optional.of(new Contact(c.getId(), c.getVersion(), toDraft(c, tagIds, custom.get()), company, r.get(OWNER.FULL_NAME),
                c.getEngagementScore(), c.getLastContactedAt(), c.getCreatedAt(), c.getUpdatedAt(), r.get(CREATOR.FULL_NAME),
                tagList, Boolean.TRUE.equals(r.get(writable))));
    }

    public static ContactDraft toDraft(ContactsRecord c, Set<UUID> tagIds, Map<UUID, Object> custom) {
        Map<String, Object> v = new LinkedHashMap<>();
        for (String key : ContactDraft.named("x", null, null, null).values().keySet()) {
            Field<?> f = CONTACTS.field(key);
            if (f != null) {
                v.put(key, c.get(f));
            }
        }
        v.put("tags", tagIds);
        FieldMap.putCustom(v, custom);
        return ContactDraft.of(v);
    }

    public ContactsRecord loadRaw(DSLContext dsl, UUID id) {
        return dsl.fetchOne(CONTACTS, CONTACTS.ID.eq(id));
    }

    public Map<UUID, ContactsRecord> loadRaw(DSLContext dsl, Collection<UUID> ids) {
        Map<UUID, ContactsRecord> out = new LinkedHashMap<>();
        dsl.selectFrom(CONTACTS).where(CONTACTS.ID.in(ids)).forEach(r -> out.put(r.getId(), r));
        return out;
    }

    public boolean readable(DSLContext dsl, CurrentUser user, UUID id) {
        return dsl.fetchExists(CONTACTS, CONTACTS.ID.eq(id).and(RecordRules.contacts(user).read()));
    }

    public boolean writable(DSLContext dsl, CurrentUser user, UUID id) {
        return dsl.fetchExists(CONTACTS, CONTACTS.ID.eq(id).and(RecordRules.contacts(user).write()));
    }

    public List<UUID> writableAmong(DSLContext dsl, CurrentUser user, Collection<UUID> ids) {
        return dsl.select(CONTACTS.ID).from(CONTACTS).where(CONTACTS.ID.in(ids).and(RecordRules.contacts(user).write()))
                .fetch(CONTACTS.ID);
    }

    /** The live contact holding an e-mail address in the organization (other than {@code except}). */
    public Optional<UUID> emailHolder(DSLContext dsl, UUID organizationId, String emailLc, UUID except) {
        Condition c = CONTACTS.ORGANIZATION_ID.eq(organizationId).and(CONTACTS.EMAIL_LC.eq(emailLc));
        if (except != null) {
            c = c.and(CONTACTS.ID.ne(except));
        }
        return dsl.select(CONTACTS.ID).from(CONTACTS).where(c).limit(1).fetchOptional(CONTACTS.ID);
    }

    /** SR-5: the company's current primary contact (other than {@code except}) stops being primary. Returns it, if any. */
    public Optional<UUID> demotePrimary(DSLContext dsl, UUID companyId, UUID except) {
        Optional<UUID> current = dsl.select(CONTACTS.ID).from(CONTACTS)
                .where(CONTACTS.PRIMARY_OF_COMPANY_ID.eq(companyId).and(except == null ? DSL.noCondition() : CONTACTS.ID.ne(except)))
                .fetchOptional(CONTACTS.ID);
        current.ifPresent(id -> dsl.update(CONTACTS)
                .set(CONTACTS.IS_PRIMARY, false)
                .set(CONTACTS.PRIMARY_OF_COMPANY_ID, (UUID) null)
                .set(CONTACTS.VERSION, CONTACTS.VERSION.plus(1))
                .set(CONTACTS.UPDATED_AT, SyncColumns.now())
                .where(CONTACTS.ID.eq(id))
                .execute());
        return current;
    }

    public void insert(DSLContext dsl, UUID organizationId, UUID id, ContactDraft d, UUID userId, OffsetDateTime now) {
        dsl.insertInto(CONTACTS)
                .set(CONTACTS.ID, id)
                .set(CONTACTS.ORGANIZATION_ID, organizationId)
                .set(columns(d))
                .set(CONTACTS.ENGAGEMENT_SCORE, 0)
                .set(CONTACTS.CREATED_AT, now)
                .set(CONTACTS.UPDATED_AT, now)
                .set(CONTACTS.CREATED_BY, userId)
                .execute();
    }

    @SuppressWarnings("unchecked")
    public void update(DSLContext dsl, UUID id, long version, ContactDraft d) {
        Map<Field<?>, Object> cols = columns(d);
        SYNC.updateChecked(dsl, id, version, u -> {
            org.jooq.UpdateSetMoreStep<ContactsRecord> step = null;
            for (var e : cols.entrySet()) {
                Field<Object> f = (Field<Object>) e.getKey();
                step = step == null ? u.set(f, e.getValue()) : step.set(f, e.getValue());
            }
            return step;
        });
    }

    /** Stored columns of a draft with the search keys (SR-4) and the primary slot (SR-5). */
    private static Map<Field<?>, Object> columns(ContactDraft d) {
        Map<Field<?>, Object> m = new LinkedHashMap<>();
        m.put(CONTACTS.FIRST_NAME, d.firstName());
        m.put(CONTACTS.LAST_NAME, d.lastName());
        m.put(CONTACTS.FULL_NAME_LC, Normalize.fullName(d.firstName(), d.lastName()));
        m.put(CONTACTS.LAST_NAME_LC, Normalize.key(d.lastName()));
        m.put(CONTACTS.EMAIL, d.email());
        m.put(CONTACTS.EMAIL_LC, Normalize.email(d.email()));
        m.put(CONTACTS.PHONE, d.phone());
        m.put(CONTACTS.MOBILE, d.mobile());
        m.put(CONTACTS.PHONE_DIGITS, Normalize.phoneDigits(d.phone() != null ? d.phone() : d.mobile()));
        m.put(CONTACTS.JOB_TITLE, d.jobTitle());
        m.put(CONTACTS.DEPARTMENT, d.department());
        m.put(CONTACTS.COMPANY_ID, d.companyId());
        m.put(CONTACTS.COMPANY_NAME, d.companyId() == null ? d.companyName() : null);
        m.put(CONTACTS.WEBSITE, d.website());
        m.put(CONTACTS.LINKEDIN_URL, d.linkedinUrl());
        m.put(CONTACTS.TWITTER_URL, d.twitterUrl());
        boolean primary = d.isPrimary() && d.companyId() != null;
        m.put(CONTACTS.IS_PRIMARY, primary);
        m.put(CONTACTS.PRIMARY_OF_COMPANY_ID, primary ? d.companyId() : null);
        m.put(CONTACTS.IS_VIP, d.isVip());
        m.put(CONTACTS.IS_DECISION_MAKER, d.isDecisionMaker());
        m.put(CONTACTS.INFLUENCE_LEVEL, d.influenceLevel());
        m.put(CONTACTS.COMMUNICATION_PREFERENCE, d.communicationPreference());
        m.put(CONTACTS.TIMEZONE, d.timezone());
        m.put(CONTACTS.LANGUAGE, d.language());
        m.put(CONTACTS.OPT_IN_EMAIL, d.optInEmail());
        m.put(CONTACTS.OPT_IN_SMS, d.optInSms());
        m.put(CONTACTS.OPT_IN_CALLS, d.optInCalls());
        m.put(CONTACTS.OPT_IN_AUTOMATIONS, d.optInAutomations());
        m.put(CONTACTS.STATUS, d.status());
        m.put(CONTACTS.LIFECYCLE_STAGE, d.lifecycleStage());
        m.put(CONTACTS.LEAD_SCORE, d.leadScore());
        m.put(CONTACTS.LEAD_QUALITY, d.leadQuality());
        m.put(CONTACTS.OWNER_ID, d.ownerId());
        m.put(CONTACTS.SOURCE, d.source());
        m.put(CONTACTS.ADDRESS_LINE1, d.addressLine1());
        m.put(CONTACTS.ADDRESS_LINE2, d.addressLine2());
        m.put(CONTACTS.CITY, d.city());
        m.put(CONTACTS.STATE, d.state());
        m.put(CONTACTS.POSTAL_CODE, d.postalCode());
        m.put(CONTACTS.COUNTRY, d.country());
        m.put(CONTACTS.BIRTHDAY, d.birthday());
        m.put(CONTACTS.NOTES, d.notes());
        return m;
    }

    /** Tombstones a contact, freeing its e-mail address and primary slot (SR-5). */
    public void softDelete(DSLContext dsl, UUID id, long version, OffsetDateTime at) {
        int n = dsl.update(CONTACTS)
                .set(CONTACTS.DELETED_AT, at)
                .set(CONTACTS.EMAIL_LC, (String) null)
                .set(CONTACTS.PRIMARY_OF_COMPANY_ID, (UUID) null)
                .set(CONTACTS.VERSION, CONTACTS.VERSION.plus(1))
                .set(CONTACTS.UPDATED_AT, at)
                .where(CONTACTS.ID.eq(id).and(CONTACTS.VERSION.eq(version)).and(CONTACTS.DELETED_AT.isNull()))
                .execute();
        if (n == 0) {
            throw new StaleRecordException("contacts", id, version);
        }
    }

    /** Bulk owner change (the caller has checked the rule for each id and audits the change). */
    public int setOwner(DSLContext dsl, Collection<UUID> ids, UUID ownerId) {
        return setColumn(dsl, ids, CONTACTS.OWNER_ID, ownerId);
    }

    /** Bulk status change (the caller has validated the status and checked the rule for each id). */
    public int setStatus(DSLContext dsl, Collection<UUID> ids, String status) {
        return setColumn(dsl, ids, CONTACTS.STATUS, status);
    }

    private <V> int setColumn(DSLContext dsl, Collection<UUID> ids, Field<V> field, V value) {
        return dsl.update(CONTACTS)
                .set(field, value)
                .set(CONTACTS.VERSION, CONTACTS.VERSION.plus(1))
                .set(CONTACTS.UPDATED_AT, SyncColumns.now())
                .where(CONTACTS.ID.in(ids).and(CONTACTS.DELETED_AT.isNull()))
                .execute();
    }
}
