package org.deskcrm.lead.persistence;

import static org.deskcrm.db.Tables.LEADS;
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
import org.deskcrm.db.tables.Users;
import org.deskcrm.db.tables.records.LeadsRecord;
import org.deskcrm.lead.Lead;
import org.deskcrm.lead.LeadDraft;
import org.deskcrm.lead.LeadRow;
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

/** Leads in SQL, under {@code RecordRules.leads(user)}; lists and search as for contacts. */
public final class LeadRepository {
    public static final String ENTITY = "lead";
    private static final SyncColumns<LeadsRecord> SYNC = new SyncColumns<>(LEADS);
    private static final Users OWNER = USERS.as("owner");
    private static final Users CREATOR = USERS.as("creator");

    public static final Map<String, Field<?>> SORT_KEYS = Map.of(
            "name", LEADS.FULL_NAME_LC,
            "company", LEADS.COMPANY_NAME_LC,
            "score", LEADS.SCORE,
            "estimated_value", LEADS.ESTIMATED_VALUE,
            "expected_close", LEADS.EXPECTED_CLOSE_DATE,
            "created", LEADS.CREATED_AT,
            "updated", LEADS.UPDATED_AT);
    private static final Set<Field<?>> NULLABLE = Set.of(LEADS.COMPANY_NAME_LC, LEADS.ESTIMATED_VALUE, LEADS.EXPECTED_CLOSE_DATE);

    private static final Filters FILTERS = new Filters(ENTITY, LEADS.ID, LEADS.STATUS, LEADS.OWNER_ID, null,
            LEADS.LIFECYCLE_STAGE, LEADS.QUALITY, LEADS.STAGE, null, null);

    private final TagRepository tags;

    public LeadRepository(TagRepository tags) {
        this.tags = tags;
    }

    private static final RowSource<LeadRow> ROWS = new RowSource<>() {
        @Override
        public SelectJoinStep<Record> select(DSLContext dsl) {
            return dsl.select(new SelectFieldOrAsterisk[] {LEADS.ID, LEADS.FIRST_NAME, LEADS.LAST_NAME, LEADS.EMAIL, LEADS.PHONE,
                            LEADS.COMPANY_NAME, LEADS.JOB_TITLE, LEADS.SOURCE, LEADS.STATUS, LEADS.STAGE, LEADS.LIFECYCLE_STAGE,
                            LEADS.SCORE, LEADS.QUALITY, LEADS.ESTIMATED_VALUE, LEADS.CURRENCY, LEADS.EXPECTED_CLOSE_DATE,
                            LEADS.OWNER_ID, OWNER.FULL_NAME, LEADS.CREATED_AT, LEADS.UPDATED_AT, LEADS.VERSION,
                            LEADS.FULL_NAME_LC, LEADS.LAST_NAME_LC, LEADS.EMAIL_LC, LEADS.PHONE_DIGITS, LEADS.COMPANY_NAME_LC,
                            LEADS.ORGANIZATION_ID})
                    .from(LEADS)
                    .leftJoin(OWNER).on(OWNER.ID.eq(LEADS.OWNER_ID));
        }

        @Override
        public LeadRow map(Record r) {
            return new LeadRow(r.get(LEADS.ID), r.get(LEADS.FIRST_NAME), r.get(LEADS.LAST_NAME), r.get(LEADS.EMAIL),
                    r.get(LEADS.PHONE), r.get(LEADS.COMPANY_NAME), r.get(LEADS.JOB_TITLE), r.get(LEADS.SOURCE),
                    r.get(LEADS.STATUS), r.get(LEADS.STAGE), r.get(LEADS.LIFECYCLE_STAGE), r.get(LEADS.SCORE),
                    r.get(LEADS.QUALITY), r.get(LEADS.ESTIMATED_VALUE), r.get(LEADS.CURRENCY),
                    r.get(LEADS.EXPECTED_CLOSE_DATE), r.get(LEADS.OWNER_ID), r.get(OWNER.FULL_NAME), r.get(LEADS.CREATED_AT),
                    r.get(LEADS.UPDATED_AT), List.of(), r.get(LEADS.VERSION));
        }
    };

    private static final RowSource<UUID> IDS = new RowSource<>() {
        @Override
        public SelectJoinStep<Record> select(DSLContext dsl) {
            return dsl.select(new SelectFieldOrAsterisk[] {LEADS.ID, LEADS.FULL_NAME_LC, LEADS.LAST_NAME_LC, LEADS.EMAIL_LC,
                    LEADS.PHONE_DIGITS, LEADS.COMPANY_NAME_LC, LEADS.SCORE, LEADS.ESTIMATED_VALUE, LEADS.EXPECTED_CLOSE_DATE,
                    LEADS.CREATED_AT, LEADS.UPDATED_AT, LEADS.ORGANIZATION_ID}).from(LEADS);
        }

        @Override
        public UUID map(Record r) {
            return r.get(LEADS.ID);
        }
    };

    public Page<LeadRow> page(DSLContext dsl, CurrentUser user, ListQuery q, Object cursor, int limit, OffsetDateTime now) {
        Page<LeadRow> page = StreamPager.page(dsl, streams(dsl, ROWS, LeadRow::id, user, q, now), cursor, limit);
        var tagMap = tags.tagsOf(dsl, user.organizationId(), ENTITY, page.rows().stream().map(LeadRow::id).toList());
        return new Page<>(page.rows().stream().map(r -> r.withTags(tagMap.getOrDefault(r.id(), List.of()))).toList(),
                page.next());
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
            return Counts.capped(dsl, LEADS, base, ListCount.CAP);
        }
        long total = 0;
        boolean atLeast = false;
        for (Condition match : matches(dsl, user, q.search())) {
            ListCount part = Counts.capped(dsl, LEADS, base.and(match), ListCount.CAP);
            total += part.value();
            atLeast |= part.atLeast();
        }
        return total > ListCount.CAP ? new ListCount(ListCount.CAP, true) : new ListCount(total, atLeast);
    }

    private Condition base(CurrentUser user, ListQuery q, OffsetDateTime now) {
        return LEADS.ORGANIZATION_ID.eq(user.organizationId())
                .and(RecordRules.leads(user).read())
                .and(FILTERS.apply(q.filter(), user.userId(), now));
    }

    /** The search keys in stream order: full name, last name, e-mail, phone, company. */
    private List<Map.Entry<Field<String>, String>> keys(String text) {
        String name = Normalize.key(text);
        String email = text == null || text.isBlank() ? null : text.strip().toLowerCase(java.util.Locale.ROOT);
        String digits = Prefix.phoneDigits(text);
        List<Map.Entry<Field<String>, String>> out = new ArrayList<>();
        if (name != null) {
            out.add(Map.entry(LEADS.FULL_NAME_LC, name));
            out.add(Map.entry(LEADS.LAST_NAME_LC, name));
        }
        if (email != null) {
            out.add(Map.entry(LEADS.EMAIL_LC, email));
        }
        if (digits != null) {
            out.add(Map.entry(LEADS.PHONE_DIGITS, digits));
        }
        if (name != null) {
            out.add(Map.entry(LEADS.COMPANY_NAME_LC, name));
        }
        return out;
    }

    private <T> List<RowStream<T>> streams(DSLContext dsl, RowSource<T> source, Function<T, UUID> idOf, CurrentUser user,
            ListQuery q, OffsetDateTime now) {
        Condition base = base(user, q, now);
        if (!q.searching()) {
            Field<?> key = SORT_KEYS.get(q.sort().key());
            if (key == null) {
                throw new IllegalArgumentException("Leads cannot be sorted by " + q.sort().key());
            }
            return KeysetStream.sorted(source, base, LEADS.ORGANIZATION_ID, key, NULLABLE.contains(key), LEADS.ID,
                    q.sort().descending());
        }
        List<RowStream<T>> streams = new ArrayList<>();
        Condition seen = DSL.noCondition();
        for (var k : keys(q.search())) {
            streams.add(KeysetStream.nonNull(source, base.and(Prefix.of(k.getKey(), k.getValue())).and(seen),
                    LEADS.ORGANIZATION_ID, k.getKey(), false, LEADS.ID, false));
            seen = seen.and(Prefix.not(k.getKey(), k.getValue()));
        }
        String name = Normalize.key(q.search());
        if (name != null) {
            List<UUID> earlier = new ArrayList<>();
            for (UUID tag : tags.idsByPrefix(dsl, user, name, 5)) {
                Condition where = base.and(seen);
                if (!earlier.isEmpty()) {
                    where = where.and(LEADS.ID.notIn(TagRepository.withAnyTag(ENTITY, List.copyOf(earlier))));
                }
                streams.add(new TaggedStream<>(source, where, LEADS.ID, idOf, tags, user.organizationId(), ENTITY, tag));
                earlier.add(tag);
            }
        }
        return streams;
    }

    private List<Condition> matches(DSLContext dsl, CurrentUser user, String text) {
        List<Condition> out = new ArrayList<>();
        Condition seen = DSL.noCondition();
        for (var k : keys(text)) {
            out.add(Prefix.of(k.getKey(), k.getValue()).and(seen));
            seen = seen.and(Prefix.not(k.getKey(), k.getValue()));
        }
        String name = Normalize.key(text);
        List<UUID> tagIds = name == null ? List.of() : tags.idsByPrefix(dsl, user, name, 5);
        if (!tagIds.isEmpty()) {
            out.add(LEADS.ID.in(TagRepository.withAnyTag(ENTITY, tagIds)).and(seen));
        }
        return out;
    }

    // ---------------------------------------------------------------- one lead

    public Optional<Lead> find(DSLContext dsl, CurrentUser user, UUID id, Map<UUID, Object> custom) {
        Optional<Record> found = dsl.select(LEADS.fields()).select(OWNER.FULL_NAME, CREATOR.FULL_NAME)
                .from(LEADS)
                .leftJoin(OWNER).on(OWNER.ID.eq(LEADS.OWNER_ID))
                .leftJoin(CREATOR).on(CREATOR.ID.eq(LEADS.CREATED_BY))
                .where(LEADS.ID.eq(id).and(RecordRules.leads(user).read()))
                .fetchOptional();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Record r = found.get();
        LeadsRecord l = r.into(LEADS);
        List<Tag> tagList = tags.tagsOf(dsl, user.organizationId(), ENTITY, id);
        return Optional.of(new Lead(l.getId(), l.getVersion(),
                toDraft(l, new LinkedHashSet<>(tagList.stream().map(Tag::id).toList()), custom), r.get(OWNER.FULL_NAME),
                l.getConvertedAt(), l.getConvertedCompanyId(), l.getConvertedContactId(), l.getConvertedDealId(),
                l.getCreatedAt(), l.getUpdatedAt(), r.get(CREATOR.FULL_NAME), tagList, writable(dsl, user, id)));
    }

    public static LeadDraft toDraft(LeadsRecord l, Set<UUID> tagIds, Map<UUID, Object> custom) {
        Map<String, Object> v = new LinkedHashMap<>();
        for (String key : LeadDraft.named("x", null, null, null).values().keySet()) {
            Field<?> f = LEADS.field(key);
            if (f != null) {
                v.put(key, l.get(f));
            }
        }
        v.put("tags", tagIds);
        FieldMap.putCustom(v, custom);
        return LeadDraft.of(v);
    }

    public LeadsRecord loadRaw(DSLContext dsl, UUID id) {
        return dsl.fetchOne(LEADS, LEADS.ID.eq(id));
    }

    public Map<UUID, LeadsRecord> loadRaw(DSLContext dsl, Collection<UUID> ids) {
        Map<UUID, LeadsRecord> out = new LinkedHashMap<>();
        dsl.selectFrom(LEADS).where(LEADS.ID.in(ids)).forEach(r -> out.put(r.getId(), r));
        return out;
    }

    public boolean readable(DSLContext dsl, CurrentUser user, UUID id) {
        return dsl.fetchExists(LEADS, LEADS.ID.eq(id).and(RecordRules.leads(user).read()));
    }

    public boolean writable(DSLContext dsl, CurrentUser user, UUID id) {
        return dsl.fetchExists(LEADS, LEADS.ID.eq(id).and(RecordRules.leads(user).write()));
    }

    public List<UUID> writableAmong(DSLContext dsl, CurrentUser user, Collection<UUID> ids) {
        return dsl.select(LEADS.ID).from(LEADS).where(LEADS.ID.in(ids).and(RecordRules.leads(user).write())).fetch(LEADS.ID);
    }

    public void insert(DSLContext dsl, UUID organizationId, UUID id, LeadDraft d, UUID userId, OffsetDateTime now) {
        dsl.insertInto(LEADS)
                .set(LEADS.ID, id)
                .set(LEADS.ORGANIZATION_ID, organizationId)
                .set(columns(d))
                .set(LEADS.CREATED_AT, now)
                .set(LEADS.UPDATED_AT, now)
                .set(LEADS.CREATED_BY, userId)
                .execute();
    }

    @SuppressWarnings("unchecked")
    public void update(DSLContext dsl, UUID id, long version, LeadDraft d) {
        Map<Field<?>, Object> cols = columns(d);
        SYNC.updateChecked(dsl, id, version, u -> {
            org.jooq.UpdateSetMoreStep<LeadsRecord> step = null;
            for (var e : cols.entrySet()) {
                Field<Object> f = (Field<Object>) e.getKey();
                step = step == null ? u.set(f, e.getValue()) : step.set(f, e.getValue());
            }
            return step;
        });
    }

    private static Map<Field<?>, Object> columns(LeadDraft d) {
        Map<Field<?>, Object> m = new LinkedHashMap<>();
        m.put(LEADS.FIRST_NAME, d.firstName());
        m.put(LEADS.LAST_NAME, d.lastName());
        m.put(LEADS.FULL_NAME_LC, Normalize.fullName(d.firstName(), d.lastName()));
        m.put(LEADS.LAST_NAME_LC, Normalize.key(d.lastName()));
        m.put(LEADS.EMAIL, d.email());
        m.put(LEADS.EMAIL_LC, Normalize.email(d.email()));
        m.put(LEADS.PHONE, d.phone());
        m.put(LEADS.PHONE_DIGITS, Normalize.phoneDigits(d.phone()));
        m.put(LEADS.COMPANY_NAME, d.companyName());
        m.put(LEADS.COMPANY_NAME_LC, Normalize.key(d.companyName()));
        m.put(LEADS.JOB_TITLE, d.jobTitle());
        m.put(LEADS.SOURCE, d.source());
        m.put(LEADS.STATUS, d.status());
        m.put(LEADS.STAGE, d.stage());
        m.put(LEADS.LIFECYCLE_STAGE, d.lifecycleStage());
        m.put(LEADS.SCORE, d.score());
        m.put(LEADS.QUALITY, d.quality());
        m.put(LEADS.ESTIMATED_VALUE, d.estimatedValue());
        m.put(LEADS.CURRENCY, d.currency());
        m.put(LEADS.EXPECTED_CLOSE_DATE, d.expectedCloseDate());
        m.put(LEADS.OWNER_ID, d.ownerId());
        m.put(LEADS.NOTES, d.notes());
        return m;
    }

    public void softDelete(DSLContext dsl, UUID id, long version) {
        SYNC.softDelete(dsl, id, version);
    }

    /** Bulk owner change (the caller has checked the rule for each id and audits the change). */
    public int setOwner(DSLContext dsl, Collection<UUID> ids, UUID ownerId) {
        return setColumn(dsl, ids, LEADS.OWNER_ID, ownerId);
    }

    /** Bulk status change (the caller has validated the status and checked the rule for each id). */
    public int setStatus(DSLContext dsl, Collection<UUID> ids, String status) {
        return setColumn(dsl, ids, LEADS.STATUS, status);
    }

    private <V> int setColumn(DSLContext dsl, Collection<UUID> ids, Field<V> field, V value) {
        return dsl.update(LEADS)
                .set(field, value)
                .set(LEADS.VERSION, LEADS.VERSION.plus(1))
                .set(LEADS.UPDATED_AT, SyncColumns.now())
                .where(LEADS.ID.in(ids).and(LEADS.DELETED_AT.isNull()).and(LEADS.STATUS.ne("converted")))
                .execute();
    }

    /** Marks a lead converted (version-checked). */
    public void markConverted(DSLContext dsl, UUID id, long version, OffsetDateTime at, UUID companyId, UUID contactId,
            UUID dealId) {
        SYNC.updateChecked(dsl, id, version, u -> u
                .set(LEADS.STATUS, "converted")
                .set(LEADS.CONVERTED_AT, at)
                .set(LEADS.CONVERTED_COMPANY_ID, companyId)
                .set(LEADS.CONVERTED_CONTACT_ID, contactId)
                .set(LEADS.CONVERTED_DEAL_ID, dealId));
    }
}
