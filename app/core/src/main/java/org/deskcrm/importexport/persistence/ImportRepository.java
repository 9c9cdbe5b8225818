package org.deskcrm.importexport.persistence;

import static org.deskcrm.db.Tables.COMPANIES;
import static org.deskcrm.db.Tables.CONTACTS;
import static org.deskcrm.db.Tables.ENTITY_TAGS;
import static org.deskcrm.db.Tables.INDUSTRIES;
import static org.deskcrm.db.Tables.TAGS;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.deskcrm.db.tables.records.CompaniesRecord;
import org.deskcrm.db.tables.records.ContactsRecord;
import org.deskcrm.importexport.CompanyRow;
import org.deskcrm.importexport.ContactRow;
import org.deskcrm.platform.persistence.StaleRecordException;
import org.deskcrm.platform.persistence.SyncColumns;
import org.deskcrm.platform.text.Normalize;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.rules.RecordRules;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Row1;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.impl.DSL;

/**
 * Set-based reads and batched writes for imports: every lookup takes a whole chunk of keys
 * ({@code col IN (...)} on the (organization_id, key) indexes), every write is one JDBC batch per
 * chunk, so 100,000 rows cost a few hundred statements, not a few hundred thousand.
 */
public final class ImportRepository {

    /** An existing record a row matched, with the version the update will be checked against. */
    public record Match(UUID id, long version, String key) {}

    /** A tag by its search key; {@code deleted} tags are restored when used again (SR-3). */
    public record TagRef(UUID id, String name, boolean deleted) {}

    // ------------------------------------------------------------------ matching

    /** Live contacts of the organization by e-mail key; organization-wide, because the address is unique there. */
    public Map<String, Match> contactsByEmail(DSLContext dsl, UUID organizationId, Collection<String> emailKeys) {
        Map<String, Match> out = new HashMap<>();
        if (emailKeys.isEmpty()) {
            return out;
        }
        Table<Record1<String>> k = keys(emailKeys);
        dsl.select(CONTACTS.ID, CONTACTS.VERSION, CONTACTS.EMAIL_LC).from(k)
                .join(CONTACTS).on(CONTACTS.ORGANIZATION_ID.eq(organizationId).and(CONTACTS.EMAIL_LC.eq(key(k))))
                .where(CONTACTS.DELETED_AT.isNull())
                .forEach(r -> out.put(r.value3(), new Match(r.value1(), r.value2(), r.value3())));
        return out;
    }

    /** Contacts the user can see by phone digits; the oldest wins when several share a number. */
    public Map<String, Match> contactsByPhone(DSLContext dsl, CurrentUser user, Collection<String> digits, Set<UUID> exclude) {
        Map<String, Match> out = new HashMap<>();
        if (digits.isEmpty()) {
            return out;
        }
        Table<Record1<String>> k = keys(digits);
        dsl.select(CONTACTS.ID, CONTACTS.VERSION, CONTACTS.PHONE_DIGITS).from(k)
                .join(CONTACTS).on(CONTACTS.ORGANIZATION_ID.eq(user.organizationId()).and(CONTACTS.PHONE_DIGITS.eq(key(k))))
                .where(RecordRules.contacts(user).read())
                .orderBy(CONTACTS.ID)
                .forEach(r -> {
                    if (!exclude.contains(r.value1())) {
                        out.putIfAbsent(r.value3(), new Match(r.value1(), r.value2(), r.value3()));
                    }
                });
        return out;
    }

    public Set<UUID> writableContacts(DSLContext dsl, CurrentUser user, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(dsl.select(CONTACTS.ID).from(CONTACTS)
                .where(CONTACTS.ID.in(ids).and(RecordRules.contacts(user).write())).fetch(CONTACTS.ID));
    }

    /** Companies the user can see by name key; the oldest wins among namesakes. */
    public Map<String, Match> companiesByName(DSLContext dsl, CurrentUser user, Collection<String> nameKeys, Set<UUID> exclude) {
        return companiesBy(dsl, user, COMPANIES.NAME_LC, nameKeys, exclude);
    }

    public Map<String, Match> companiesByEmail(DSLContext dsl, CurrentUser user, Collection<String> emailKeys, Set<UUID> exclude) {
        return companiesBy(dsl, user, COMPANIES.EMAIL_LC, emailKeys, exclude);
    }

    private Map<String, Match> companiesBy(DSLContext dsl, CurrentUser user, TableField<CompaniesRecord, String> key,
            Collection<String> keys, Set<UUID> exclude) {
        Map<String, Match> out = new HashMap<>();
        if (keys.isEmpty()) {
            return out;
        }
        Table<Record1<String>> k = keys(keys);
        dsl.select(COMPANIES.ID, COMPANIES.VERSION, key).from(k)
                .join(COMPANIES).on(COMPANIES.ORGANIZATION_ID.eq(user.organizationId()).and(key.eq(key(k))))
                .where(RecordRules.companies(user).read())
                .orderBy(COMPANIES.CREATED_AT, COMPANIES.ID)
                .forEach(r -> {
                    if (!exclude.contains(r.value1())) {
                        out.putIfAbsent(r.value3(), new Match(r.value1(), r.value2(), r.value3()));
                    }
                });
        return out;
    }

    public Set<UUID> writableCompanies(DSLContext dsl, CurrentUser user, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(dsl.select(COMPANIES.ID).from(COMPANIES)
                .where(COMPANIES.ID.in(ids).and(RecordRules.companies(user).write())).fetch(COMPANIES.ID));
    }

    /** Live industries of the organization by name key. */
    public Map<String, UUID> industries(DSLContext dsl, CurrentUser user) {
        Map<String, UUID> out = new HashMap<>();
        dsl.select(INDUSTRIES.ID, INDUSTRIES.NAME).from(INDUSTRIES)
                .where(RecordRules.industries(user).read().and(INDUSTRIES.IS_ACTIVE.isTrue()))
                .forEach(r -> out.put(Normalize.key(r.value2()), r.value1()));
        return out;
    }

    /** Every tag of the organization (a small table), tombstones included, by name key. */
    public Map<String, TagRef> tags(DSLContext dsl, UUID organizationId) {
        Map<String, TagRef> out = new HashMap<>();
        dsl.select(TAGS.ID, TAGS.NAME, TAGS.DELETED_AT).from(TAGS).where(TAGS.ORGANIZATION_ID.eq(organizationId))
                .orderBy(TAGS.DELETED_AT.isNull().desc(), TAGS.CREATED_AT)
                .forEach(r -> out.putIfAbsent(Normalize.key(r.value2()), new TagRef(r.value1(), r.value2(), r.value3() != null)));
        return out;
    }

    // ------------------------------------------------------------------ writes

    public void insertTag(DSLContext dsl, UUID organizationId, UUID id, String name, String type, UUID createdBy) {
        OffsetDateTime now = SyncColumns.now();
        dsl.insertInto(TAGS)
                .set(TAGS.ID, id)
                .set(TAGS.ORGANIZATION_ID, organizationId)
                .set(TAGS.NAME, name)
                .set(TAGS.TYPE, type)
                .set(TAGS.CREATED_AT, now)
                .set(TAGS.UPDATED_AT, now)
                .set(TAGS.CREATED_BY, createdBy)
                .execute();
    }

    public void restoreTag(DSLContext dsl, UUID id) {
        dsl.update(TAGS).set(TAGS.DELETED_AT, (OffsetDateTime) null).set(TAGS.VERSION, TAGS.VERSION.plus(1))
                .set(TAGS.UPDATED_AT, SyncColumns.now()).where(TAGS.ID.eq(id)).execute();
    }

    private static final List<TableField<ContactsRecord, ?>> CONTACT_INSERT = List.of(
            CONTACTS.ID, CONTACTS.ORGANIZATION_ID, CONTACTS.COMPANY_ID, CONTACTS.FIRST_NAME, CONTACTS.LAST_NAME,
            CONTACTS.FULL_NAME_LC, CONTACTS.LAST_NAME_LC, CONTACTS.EMAIL, CONTACTS.EMAIL_LC, CONTACTS.PHONE,
            CONTACTS.PHONE_DIGITS, CONTACTS.MOBILE, CONTACTS.JOB_TITLE, CONTACTS.DEPARTMENT, CONTACTS.COMPANY_NAME,
            CONTACTS.WEBSITE, CONTACTS.LINKEDIN_URL, CONTACTS.ADDRESS_LINE1, CONTACTS.ADDRESS_LINE2, CONTACTS.CITY,
            CONTACTS.STATE, CONTACTS.POSTAL_CODE, CONTACTS.COUNTRY, CONTACTS.BIRTHDAY, CONTACTS.STATUS,
            CONTACTS.LIFECYCLE_STAGE, CONTACTS.LEAD_SCORE, CONTACTS.SOURCE, CONTACTS.NOTES, CONTACTS.OWNER_ID,
            CONTACTS.CREATED_AT, CONTACTS.UPDATED_AT, CONTACTS.CREATED_BY);

    /** New contacts, one JDBC batch. */
    public void insertContacts(DSLContext dsl, UUID organizationId, UUID ownerId, UUID createdBy, Map<UUID, ContactRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        OffsetDateTime now = SyncColumns.now();
        BatchBindStep batch = dsl.batch(dsl.insertInto(CONTACTS, CONTACT_INSERT).values(nulls(CONTACT_INSERT.size())));
        rows.forEach((id, r) -> batch.bind(id, organizationId, r.companyId(), r.firstName(), r.lastName(),
                Normalize.fullName(r.firstName(), r.lastName()), Normalize.key(r.lastName()), r.email(), Normalize.email(r.email()),
                r.phone(), phoneDigits(r.phone(), r.mobile()), r.mobile(), r.jobTitle(), r.department(),
                r.companyId() == null ? r.companyName() : null, r.website(), r.linkedinUrl(), r.addressLine1(),
                r.addressLine2(), r.city(), r.state(), r.postalCode(), r.country(), r.birthday(),
                r.status() == null ? "active" : r.status(), r.lifecycleStage(), r.leadScore(),
                r.source() == null ? "import" : r.source(), r.notes(), ownerId, now, now, createdBy));
        batch.execute();
    }

    /**
     * Fills existing contacts with the rows' non-null values, one JDBC batch; each update is
     * checked against the version seen when the row was matched. Moving a contact to another
     * company clears its primary flag (SR-5).
     */
    public void updateContacts(DSLContext dsl, Map<UUID, Long> versions, Map<UUID, ContactRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Map<UUID, ContactsRecord> existing = new HashMap<>();
        dsl.selectFrom(CONTACTS).where(CONTACTS.ID.in(rows.keySet())).forEach(r -> existing.put(r.getId(), r));
        List<TableField<ContactsRecord, ?>> fields = List.of(CONTACTS.FIRST_NAME, CONTACTS.LAST_NAME, CONTACTS.FULL_NAME_LC,
                CONTACTS.LAST_NAME_LC, CONTACTS.EMAIL, CONTACTS.EMAIL_LC, CONTACTS.PHONE, CONTACTS.PHONE_DIGITS, CONTACTS.MOBILE,
                CONTACTS.JOB_TITLE, CONTACTS.DEPARTMENT, CONTACTS.COMPANY_ID, CONTACTS.COMPANY_NAME, CONTACTS.IS_PRIMARY,
                CONTACTS.PRIMARY_OF_COMPANY_ID, CONTACTS.WEBSITE, CONTACTS.LINKEDIN_URL, CONTACTS.ADDRESS_LINE1,
                CONTACTS.ADDRESS_LINE2, CONTACTS.CITY, CONTACTS.STATE, CONTACTS.POSTAL_CODE, CONTACTS.COUNTRY,
                CONTACTS.BIRTHDAY, CONTACTS.STATUS, CONTACTS.LIFECYCLE_STAGE, CONTACTS.LEAD_SCORE, CONTACTS.SOURCE,
                CONTACTS.NOTES);
        BatchBindStep batch = dsl.batch(versionedUpdate(dsl, CONTACTS, fields, CONTACTS.VERSION, CONTACTS.UPDATED_AT, CONTACTS.ID));
        OffsetDateTime now = SyncColumns.now();
        List<UUID> order = new ArrayList<>();
        rows.forEach((id, r) -> {
            ContactsRecord e = existing.get(id);
            if (e == null) {
                throw new StaleRecordException("contacts", id, versions.get(id));
            }
            String first = or(r.firstName(), e.getFirstName());
            String last = or(r.lastName(), e.getLastName());
            String email = or(r.email(), e.getEmail());
            String phone = or(r.phone(), e.getPhone());
            String mobile = or(r.mobile(), e.getMobile());
            UUID companyId = or(r.companyId(), e.getCompanyId());
            boolean moved = r.companyId() != null && !r.companyId().equals(e.getCompanyId());
            String companyName = r.companyId() != null ? null : or(r.companyName(), e.getCompanyName());
            batch.bind(first, last, Normalize.fullName(first, last), Normalize.key(last), email, Normalize.email(email),
                    phone, phoneDigits(phone, mobile), mobile, or(r.jobTitle(), e.getJobTitle()),
                    or(r.department(), e.getDepartment()), companyId, companyId == null ? companyName : null,
                    moved ? Boolean.FALSE : e.getIsPrimary(), moved ? null : e.getPrimaryOfCompanyId(),
                    or(r.website(), e.getWebsite()), or(r.linkedinUrl(), e.getLinkedinUrl()),
                    or(r.addressLine1(), e.getAddressLine1()), or(r.addressLine2(), e.getAddressLine2()),
                    or(r.city(), e.getCity()), or(r.state(), e.getState()), or(r.postalCode(), e.getPostalCode()),
                    or(r.country(), e.getCountry()), or(r.birthday(), e.getBirthday()), or(r.status(), e.getStatus()),
                    or(r.lifecycleStage(), e.getLifecycleStage()), or(r.leadScore(), e.getLeadScore()),
                    or(r.source(), e.getSource()), or(r.notes(), e.getNotes()),
                    now, id, versions.get(id));
            order.add(id);
        });
        checkCounts("contacts", batch.execute(), order, versions);
    }

    private static final List<TableField<CompaniesRecord, ?>> COMPANY_INSERT = List.of(
            COMPANIES.ID, COMPANIES.ORGANIZATION_ID, COMPANIES.NAME, COMPANIES.NAME_LC, COMPANIES.LEGAL_NAME,
            COMPANIES.DOMAIN, COMPANIES.EMAIL, COMPANIES.EMAIL_LC, COMPANIES.PHONE, COMPANIES.WEBSITE,
            COMPANIES.INDUSTRY_ID, COMPANIES.COMPANY_SIZE, COMPANIES.ANNUAL_REVENUE, COMPANIES.TAX_ID,
            COMPANIES.ADDRESS_LINE1, COMPANIES.ADDRESS_LINE2, COMPANIES.CITY, COMPANIES.STATE, COMPANIES.POSTAL_CODE,
            COMPANIES.COUNTRY, COMPANIES.STATUS, COMPANIES.LIFECYCLE_STAGE, COMPANIES.LEAD_SCORE, COMPANIES.SOURCE,
            COMPANIES.NOTES, COMPANIES.OWNER_ID, COMPANIES.CREATED_AT, COMPANIES.UPDATED_AT, COMPANIES.CREATED_BY);

    public void insertCompanies(DSLContext dsl, UUID organizationId, UUID ownerId, UUID createdBy, Map<UUID, CompanyRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        OffsetDateTime now = SyncColumns.now();
        BatchBindStep batch = dsl.batch(dsl.insertInto(COMPANIES, COMPANY_INSERT).values(nulls(COMPANY_INSERT.size())));
        rows.forEach((id, r) -> batch.bind(id, organizationId, r.name(), Normalize.key(r.name()), r.legalName(),
                r.domain(), r.email(), Normalize.email(r.email()), r.phone(), r.website(), r.industryId(), r.companySize(),
                r.annualRevenue(), r.taxId(), r.addressLine1(), r.addressLine2(), r.city(), r.state(), r.postalCode(),
                r.country(), r.status() == null ? "active" : r.status(),
                r.lifecycleStage() == null ? "lead" : r.lifecycleStage(), r.leadScore() == null ? 0 : r.leadScore(),
                r.source() == null ? "import" : r.source(), r.notes(), ownerId, now, now, createdBy));
        batch.execute();
    }

    public void updateCompanies(DSLContext dsl, Map<UUID, Long> versions, Map<UUID, CompanyRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Map<UUID, CompaniesRecord> existing = new HashMap<>();
        dsl.selectFrom(COMPANIES).where(COMPANIES.ID.in(rows.keySet())).forEach(r -> existing.put(r.getId(), r));
        List<TableField<CompaniesRecord, ?>> fields = List.of(COMPANIES.NAME, COMPANIES.NAME_LC, COMPANIES.LEGAL_NAME,
                COMPANIES.DOMAIN, COMPANIES.EMAIL, COMPANIES.EMAIL_LC, COMPANIES.PHONE, COMPANIES.WEBSITE,
                COMPANIES.INDUSTRY_ID, COMPANIES.COMPANY_SIZE, COMPANIES.ANNUAL_REVENUE, COMPANIES.TAX_ID,
                COMPANIES.ADDRESS_LINE1, COMPANIES.ADDRESS_LINE2, COMPANIES.CITY, COMPANIES.STATE, COMPANIES.POSTAL_CODE,
                COMPANIES.COUNTRY, COMPANIES.STATUS, COMPANIES.LIFECYCLE_STAGE, COMPANIES.LEAD_SCORE, COMPANIES.SOURCE,
                COMPANIES.NOTES);
        BatchBindStep batch = dsl.batch(versionedUpdate(dsl, COMPANIES, fields, COMPANIES.VERSION, COMPANIES.UPDATED_AT, COMPANIES.ID));
        OffsetDateTime now = SyncColumns.now();
        List<UUID> order = new ArrayList<>();
        rows.forEach((id, r) -> {
            CompaniesRecord e = existing.get(id);
            if (e == null) {
                throw new StaleRecordException("companies", id, versions.get(id));
            }
            String name = or(r.name(), e.getName());
            String email = or(r.email(), e.getEmail());
            batch.bind(name, Normalize.key(name), or(r.legalName(), e.getLegalName()), or(r.domain(), e.getDomain()),
                    email, Normalize.email(email), or(r.phone(), e.getPhone()), or(r.website(), e.getWebsite()),
                    or(r.industryId(), e.getIndustryId()), or(r.companySize(), e.getCompanySize()),
                    or(r.annualRevenue(), e.getAnnualRevenue()), or(r.taxId(), e.getTaxId()),
                    or(r.addressLine1(), e.getAddressLine1()), or(r.addressLine2(), e.getAddressLine2()),
                    or(r.city(), e.getCity()), or(r.state(), e.getState()), or(r.postalCode(), e.getPostalCode()),
                    or(r.country(), e.getCountry()), or(r.status(), e.getStatus()),
                    or(r.lifecycleStage(), e.getLifecycleStage()), or(r.leadScore(), e.getLeadScore()),
                    or(r.source(), e.getSource()), or(r.notes(), e.getNotes()), now, id, versions.get(id));
            order.add(id);
        });
        checkCounts("companies", batch.execute(), order, versions);
    }

    /**
     * Adds tags to records (SR-22): new assignments are inserted, tombstoned ones restored, live
     * ones left alone. {@code assignments}: record id → tag ids.
     */
    public void assignTags(DSLContext dsl, UUID organizationId, UUID createdBy, String entityType,
            Map<UUID, Set<UUID>> assignments, boolean recordsAreNew) {
        if (assignments.isEmpty()) {
            return;
        }
        Map<UUID, Map<UUID, Boolean>> present = new HashMap<>(); // entity -> tag -> live?
        if (!recordsAreNew) {
            dsl.select(ENTITY_TAGS.ENTITY_ID, ENTITY_TAGS.TAG_ID, ENTITY_TAGS.DELETED_AT).from(ENTITY_TAGS)
                    .where(ENTITY_TAGS.ENTITY_TYPE.eq(entityType).and(ENTITY_TAGS.ENTITY_ID.in(assignments.keySet())))
                    .forEach(r -> present.computeIfAbsent(r.value1(), k -> new HashMap<>()).put(r.value2(), r.value3() == null));
        }
        OffsetDateTime now = SyncColumns.now();
        BatchBindStep insert = dsl.batch(dsl.insertInto(ENTITY_TAGS, ENTITY_TAGS.TAG_ID, ENTITY_TAGS.ENTITY_TYPE,
                ENTITY_TAGS.ENTITY_ID, ENTITY_TAGS.ORGANIZATION_ID, ENTITY_TAGS.CREATED_AT, ENTITY_TAGS.UPDATED_AT,
                ENTITY_TAGS.CREATED_BY).values((UUID) null, null, null, null, null, null, null));
        List<Object[]> restores = new ArrayList<>();
        int inserts = 0;
        for (var e : assignments.entrySet()) {
            Map<UUID, Boolean> has = present.getOrDefault(e.getKey(), Map.of());
            for (UUID tag : e.getValue()) {
                Boolean live = has.get(tag);
                if (live == null) {
                    insert.bind(tag, entityType, e.getKey(), organizationId, now, now, createdBy);
                    inserts++;
                } else if (!live) {
                    restores.add(new Object[] {tag, e.getKey()});
                }
            }
        }
        if (inserts > 0) {
            insert.execute();
        }
        if (!restores.isEmpty()) {
            BatchBindStep restore = dsl.batch(dsl.update(ENTITY_TAGS)
                    .set(ENTITY_TAGS.DELETED_AT, DSL.inline((OffsetDateTime) null))
                    .set(ENTITY_TAGS.VERSION, ENTITY_TAGS.VERSION.plus(DSL.inline(1L)))
                    .set(ENTITY_TAGS.UPDATED_AT, DSL.val(null, ENTITY_TAGS.UPDATED_AT))
                    .where(ENTITY_TAGS.TAG_ID.eq((UUID) null).and(ENTITY_TAGS.ENTITY_TYPE.eq(DSL.inline(entityType)))
                            .and(ENTITY_TAGS.ENTITY_ID.eq((UUID) null))));
            restores.forEach(r -> restore.bind(now, r[0], r[1]));
            restore.execute();
        }
    }

    /** tags.usage_count = live assignments (SR-22), for the tags an import touched. */
    public void refreshTagUsage(DSLContext dsl, Collection<UUID> tagIds) {
        if (tagIds.isEmpty()) {
            return;
        }
        var et = ENTITY_TAGS.as("et");
        dsl.update(TAGS)
                .set(TAGS.USAGE_COUNT, DSL.field(DSL.selectCount().from(et)
                        .where(et.TAG_ID.eq(TAGS.ID).and(et.DELETED_AT.isNull()))).cast(Integer.class))
                .where(TAGS.ID.in(tagIds))
                .execute();
    }

    // ------------------------------------------------------------------ helpers

    /**
     * The chunk's keys as a derived table to join on. H2 uses only the first column of an
     * (organization_id, key) index for {@code key IN (...)} and then scans the whole organization
     * (seconds per chunk at 100k contacts); a join on a VALUES table looks each key up in the index
     * on both databases.
     */
    private static Table<Record1<String>> keys(Collection<String> keys) {
        @SuppressWarnings("unchecked")
        Row1<String>[] rows = keys.stream().distinct().map(DSL::row).toArray(Row1[]::new);
        return DSL.values(rows).as("import_keys", "k");
    }

    private static Field<String> key(Table<Record1<String>> keys) {
        return keys.field("k", String.class);
    }

    /** UPDATE t SET f1 = ?, ..., version = version + 1, updated_at = ? WHERE id = ? AND version = ? (binds only). */
    private static <R extends Record> org.jooq.Query versionedUpdate(DSLContext dsl, Table<R> table,
            List<TableField<R, ?>> fields, TableField<R, Long> version, TableField<R, OffsetDateTime> updatedAt,
            TableField<R, UUID> id) {
        Map<Field<?>, Object> set = new LinkedHashMap<>();
        for (TableField<R, ?> f : fields) {
            set.put(f, DSL.val(null, f));
        }
        set.put(version, version.plus(DSL.inline(1L)));
        set.put(updatedAt, DSL.val(null, updatedAt));
        return dsl.update(table).set(set).where(id.eq((UUID) null).and(version.eq((Long) null)));
    }

    private static void checkCounts(String table, int[] counts, List<UUID> order, Map<UUID, Long> versions) {
        for (int i = 0; i < counts.length && i < order.size(); i++) {
            // Statement.SUCCESS_NO_INFO (-2) is a success whose count the driver did not report.
            if (counts[i] == 0) {
                throw new StaleRecordException(table, order.get(i), versions.get(order.get(i)));
            }
        }
    }

    private static Object[] nulls(int n) {
        return Arrays.copyOf(new Object[0], n);
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    static String phoneDigits(String phone, String mobile) {
        String d = Normalize.phoneDigits(phone);
        return d != null ? d : Normalize.phoneDigits(mobile);
    }
}
