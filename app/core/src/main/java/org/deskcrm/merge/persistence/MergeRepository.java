package org.deskcrm.merge.persistence;

import static org.deskcrm.db.Tables.ACTIVITIES;
import static org.deskcrm.db.Tables.CAMPAIGN_RECIPIENTS;
import static org.deskcrm.db.Tables.COMPANIES;
import static org.deskcrm.db.Tables.CONTACTS;
import static org.deskcrm.db.Tables.CUSTOM_FIELD_DEFINITIONS;
import static org.deskcrm.db.Tables.CUSTOM_FIELD_VALUES;
import static org.deskcrm.db.Tables.DOCUMENTS;
import static org.deskcrm.db.Tables.ENTITY_TAGS;
import static org.deskcrm.db.Tables.INDUSTRIES;
import static org.deskcrm.db.Tables.NOTIFICATIONS;
import static org.deskcrm.db.Tables.TAGS;
import static org.deskcrm.db.Tables.USERS;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.deskcrm.db.DefaultSchema;
import org.deskcrm.db.tables.records.CompaniesRecord;
import org.deskcrm.db.tables.records.ContactsRecord;
import org.deskcrm.merge.MergeCandidate;
import org.deskcrm.merge.MergeKind;
import org.deskcrm.platform.persistence.StaleRecordException;
import org.deskcrm.platform.persistence.SyncColumns;
import org.deskcrm.platform.text.Normalize;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.rules.RecordRules;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.ForeignKey;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.UpdateSetMoreStep;
import org.jooq.impl.DSL;

/**
 * The SQL of merging two companies or two contacts. Related rows are found from the schema
 * itself: every foreign key that points at {@code companies} or {@code contacts} in the generated
 * jOOQ model is moved, so a table added by a later migration is merged without touching this
 * class. A few references need more than an UPDATE and are handled by name: the primary-contact
 * column (one per company), campaign recipients (one per campaign and contact), tags and custom
 * field values (one per record), and the polymorphic entity_type/entity_id pairs of activities,
 * documents and notifications.
 */
public final class MergeRepository {

    /** A mergeable field: its key (the dialog's row) and the columns it carries together. */
    public record FieldDef(String key, List<TableField<?, ?>> columns) {}

    private static FieldDef f(String key, TableField<?, ?>... columns) {
        return new FieldDef(key, List.of(columns));
    }

    static final List<FieldDef> CONTACT_FIELDS = List.of(
            f("first_name", CONTACTS.FIRST_NAME),
            f("last_name", CONTACTS.LAST_NAME),
            f("email", CONTACTS.EMAIL),
            f("phone", CONTACTS.PHONE),
            f("mobile", CONTACTS.MOBILE),
            f("company", CONTACTS.COMPANY_ID, CONTACTS.COMPANY_NAME),
            f("job_title", CONTACTS.JOB_TITLE),
            f("department", CONTACTS.DEPARTMENT),
            f("owner", CONTACTS.OWNER_ID),
            f("status", CONTACTS.STATUS),
            f("lifecycle_stage", CONTACTS.LIFECYCLE_STAGE),
            f("lead_score", CONTACTS.LEAD_SCORE),
            f("lead_quality", CONTACTS.LEAD_QUALITY),
            f("is_vip", CONTACTS.IS_VIP),
            f("is_decision_maker", CONTACTS.IS_DECISION_MAKER),
            f("influence_level", CONTACTS.INFLUENCE_LEVEL),
            f("communication_preference", CONTACTS.COMMUNICATION_PREFERENCE),
            f("timezone", CONTACTS.TIMEZONE),
            f("language", CONTACTS.LANGUAGE),
            f("opt_in_email", CONTACTS.OPT_IN_EMAIL),
            f("opt_in_sms", CONTACTS.OPT_IN_SMS),
            f("opt_in_calls", CONTACTS.OPT_IN_CALLS),
            f("opt_in_automations", CONTACTS.OPT_IN_AUTOMATIONS),
            f("website", CONTACTS.WEBSITE),
            f("linkedin_url", CONTACTS.LINKEDIN_URL),
            f("twitter_url", CONTACTS.TWITTER_URL),
            f("address", CONTACTS.ADDRESS_LINE1, CONTACTS.ADDRESS_LINE2, CONTACTS.CITY, CONTACTS.STATE,
                    CONTACTS.POSTAL_CODE, CONTACTS.COUNTRY),
            f("birthday", CONTACTS.BIRTHDAY),
            f("source", CONTACTS.SOURCE),
            f("notes", CONTACTS.NOTES));

    static final List<FieldDef> COMPANY_FIELDS = List.of(
            f("name", COMPANIES.NAME),
            f("legal_name", COMPANIES.LEGAL_NAME),
            f("domain", COMPANIES.DOMAIN),
            f("email", COMPANIES.EMAIL),
            f("phone", COMPANIES.PHONE),
            f("secondary_phone", COMPANIES.SECONDARY_PHONE),
            f("website", COMPANIES.WEBSITE),
            f("industry", COMPANIES.INDUSTRY_ID),
            f("company_size", COMPANIES.COMPANY_SIZE),
            f("owner", COMPANIES.OWNER_ID),
            f("status", COMPANIES.STATUS),
            f("client_type", COMPANIES.CLIENT_TYPE),
            f("lifecycle_stage", COMPANIES.LIFECYCLE_STAGE),
            f("lead_score", COMPANIES.LEAD_SCORE),
            f("lead_quality", COMPANIES.LEAD_QUALITY),
            f("health_score", COMPANIES.HEALTH_SCORE),
            f("churn_risk", COMPANIES.CHURN_RISK),
            f("annual_revenue", COMPANIES.ANNUAL_REVENUE),
            f("annual_events", COMPANIES.ANNUAL_EVENTS),
            f("address", COMPANIES.ADDRESS_LINE1, COMPANIES.ADDRESS_LINE2, COMPANIES.CITY, COMPANIES.STATE,
                    COMPANIES.POSTAL_CODE, COMPANIES.COUNTRY),
            f("billing_address", COMPANIES.BILLING_ADDRESS_LINE1, COMPANIES.BILLING_ADDRESS_LINE2, COMPANIES.BILLING_CITY,
                    COMPANIES.BILLING_STATE, COMPANIES.BILLING_POSTAL_CODE, COMPANIES.BILLING_COUNTRY),
            f("payment_terms", COMPANIES.PAYMENT_TERMS),
            f("credit_limit", COMPANIES.CREDIT_LIMIT),
            f("currency", COMPANIES.CURRENCY),
            f("tax_id", COMPANIES.TAX_ID),
            f("source", COMPANIES.SOURCE),
            f("ecommerce_customer_id", COMPANIES.ECOMMERCE_CUSTOMER_ID),
            f("next_follow_up_at", COMPANIES.NEXT_FOLLOW_UP_AT),
            f("notes", COMPANIES.NOTES));

    public List<String> fieldKeys(MergeKind kind) {
        return fields(kind).stream().map(FieldDef::key).toList();
    }

    private static List<FieldDef> fields(MergeKind kind) {
        return kind == MergeKind.CONTACT ? CONTACT_FIELDS : COMPANY_FIELDS;
    }

    // ------------------------------------------------------------------ reading

    /** The record as the merge dialog shows it, if the user can see it. */
    public Optional<MergeCandidate> load(DSLContext dsl, CurrentUser user, MergeKind kind, UUID id) {
        Record r = kind == MergeKind.CONTACT
                ? dsl.selectFrom(CONTACTS).where(CONTACTS.ID.eq(id).and(RecordRules.contacts(user).read())).fetchOne()
                : dsl.selectFrom(COMPANIES).where(COMPANIES.ID.eq(id).and(RecordRules.companies(user).read())).fetchOne();
        if (r == null) {
            return Optional.empty();
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (FieldDef fd : fields(kind)) {
            values.put(fd.key(), display(dsl, fd, r));
        }
        long version = r.get(kind == MergeKind.CONTACT ? CONTACTS.VERSION : COMPANIES.VERSION);
        String name = kind == MergeKind.CONTACT
                ? (r.get(CONTACTS.FIRST_NAME) + " " + Objects.toString(r.get(CONTACTS.LAST_NAME), "")).strip()
                : r.get(COMPANIES.NAME);
        return Optional.of(new MergeCandidate(kind, id, version, name, values,
                relatedCounts(dsl, kind, r.get(kind == MergeKind.CONTACT ? CONTACTS.ORGANIZATION_ID : COMPANIES.ORGANIZATION_ID), id)));
    }

    private static Object display(DSLContext dsl, FieldDef fd, Record r) {
        TableField<?, ?> first = fd.columns().get(0);
        if (fd.columns().size() > 1 && first != CONTACTS.COMPANY_ID) {
            List<String> parts = new ArrayList<>();
            for (TableField<?, ?> c : fd.columns()) {
                Object v = r.get(c);
                if (v != null && !v.toString().isBlank()) {
                    parts.add(v.toString());
                }
            }
            return parts.isEmpty() ? null : String.join(", ", parts);
        }
        if (first == CONTACTS.COMPANY_ID) {
            UUID companyId = r.get(CONTACTS.COMPANY_ID);
            return companyId == null ? r.get(CONTACTS.COMPANY_NAME)
                    : dsl.select(COMPANIES.NAME).from(COMPANIES).where(COMPANIES.ID.eq(companyId)).fetchOne(COMPANIES.NAME);
        }
        if (first == CONTACTS.OWNER_ID || first == COMPANIES.OWNER_ID) {
            UUID owner = (UUID) r.get(first);
            return owner == null ? null : dsl.select(USERS.FULL_NAME).from(USERS).where(USERS.ID.eq(owner)).fetchOne(USERS.FULL_NAME);
        }
        if (first == COMPANIES.INDUSTRY_ID) {
            UUID industry = r.get(COMPANIES.INDUSTRY_ID);
            return industry == null ? null
                    : dsl.select(INDUSTRIES.NAME).from(INDUSTRIES).where(INDUSTRIES.ID.eq(industry)).fetchOne(INDUSTRIES.NAME);
        }
        return r.get(first);
    }

    public boolean writable(DSLContext dsl, CurrentUser user, MergeKind kind, UUID id) {
        return kind == MergeKind.CONTACT
                ? dsl.fetchExists(CONTACTS, CONTACTS.ID.eq(id).and(RecordRules.contacts(user).write()))
                : dsl.fetchExists(COMPANIES, COMPANIES.ID.eq(id).and(RecordRules.companies(user).write()));
    }

    public Record loadRaw(DSLContext dsl, MergeKind kind, UUID id) {
        return kind == MergeKind.CONTACT ? dsl.fetchOne(CONTACTS, CONTACTS.ID.eq(id)) : dsl.fetchOne(COMPANIES, COMPANIES.ID.eq(id));
    }

    /** Rows of other tables that point at the record (live or not), by table; zero counts are left out. */
    public Map<String, Long> relatedCounts(DSLContext dsl, MergeKind kind, UUID organizationId, UUID id) {
        Map<String, Long> counts = new TreeMap<>();
        for (TableField<?, UUID> fk : references(kind)) {
            if (fk == CONTACTS.PRIMARY_OF_COMPANY_ID) {
                continue;
            }
            long n = dsl.selectCount().from(fk.getTable()).where(fk.eq(id)).fetchSingle().value1();
            if (n > 0) {
                counts.merge(fk.getTable().getName(), n, Long::sum);
            }
        }
        polymorphic(kind, organizationId, id).forEach((table, cond) -> {
            long n = dsl.fetchCount(table, cond);
            if (n > 0) {
                counts.merge(table.getName(), n, Long::sum);
            }
        });
        return counts;
    }

    /** Every foreign-key column in the schema that references the kind's table. */
    public static List<TableField<?, UUID>> references(MergeKind kind) {
        Table<?> target = kind == MergeKind.CONTACT ? CONTACTS : COMPANIES;
        List<TableField<?, UUID>> out = new ArrayList<>();
        for (Table<?> t : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
            for (ForeignKey<?, ?> fk : t.getReferences()) {
                if (fk.getKey().getTable().getName().equals(target.getName()) && fk.getFields().size() == 1) {
                    @SuppressWarnings("unchecked")
                    TableField<?, UUID> col = (TableField<?, UUID>) fk.getFields().get(0);
                    out.add(col);
                }
            }
        }
        return out;
    }

    private static Map<Table<?>, Condition> polymorphic(MergeKind kind, UUID organizationId, UUID id) {
        String type = kind.entityType();
        Map<Table<?>, Condition> m = new LinkedHashMap<>();
        m.put(ENTITY_TAGS, ENTITY_TAGS.ENTITY_TYPE.eq(type).and(ENTITY_TAGS.ENTITY_ID.eq(id)).and(ENTITY_TAGS.DELETED_AT.isNull()));
        m.put(CUSTOM_FIELD_VALUES, CUSTOM_FIELD_VALUES.ENTITY_ID.eq(id).and(CUSTOM_FIELD_VALUES.DELETED_AT.isNull())
                .and(CUSTOM_FIELD_VALUES.DEFINITION_ID.in(definitions(kind, organizationId))));
        // Activities and documents are usually linked through company_id/contact_id (counted above);
        // these are the ones linked only through the polymorphic pair.
        m.put(ACTIVITIES, ACTIVITIES.ENTITY_TYPE.eq(type).and(ACTIVITIES.ENTITY_ID.eq(id))
                .and(kind == MergeKind.CONTACT ? ACTIVITIES.CONTACT_ID.isDistinctFrom(id) : ACTIVITIES.COMPANY_ID.isDistinctFrom(id)));
        m.put(DOCUMENTS, DOCUMENTS.ENTITY_TYPE.eq(type).and(DOCUMENTS.ENTITY_ID.eq(id))
                .and(kind == MergeKind.CONTACT ? DSL.trueCondition() : DOCUMENTS.COMPANY_ID.isDistinctFrom(id)));
        return m;
    }

    private static org.jooq.Select<org.jooq.Record1<UUID>> definitions(MergeKind kind, UUID organizationId) {
        return DSL.select(CUSTOM_FIELD_DEFINITIONS.ID).from(CUSTOM_FIELD_DEFINITIONS)
                .where(CUSTOM_FIELD_DEFINITIONS.ORGANIZATION_ID.eq(organizationId)
                        .and(CUSTOM_FIELD_DEFINITIONS.ENTITY_TYPE.eq(kind.entityType())));
    }

    // ------------------------------------------------------------------ writing: the two records

    /**
     * Contacts: tombstones the other contact (freeing its e-mail address and primary slot), then
     * writes the survivor with the chosen fields, both version-checked. The survivor is the
     * company's primary contact when the side whose company it keeps was (SR-5).
     */
    public void writeContacts(DSLContext tx, UUID survivorId, long survivorVersion, UUID otherId, long otherVersion,
            Set<String> fromOther) {
        ContactsRecord s = tx.fetchOne(CONTACTS, CONTACTS.ID.eq(survivorId));
        ContactsRecord o = tx.fetchOne(CONTACTS, CONTACTS.ID.eq(otherId));
        if (s == null || o == null) {
            throw new StaleRecordException("contacts", s == null ? survivorId : otherId, s == null ? survivorVersion : otherVersion);
        }
        OffsetDateTime now = SyncColumns.now();
        int n = tx.update(CONTACTS)
                .set(CONTACTS.DELETED_AT, now)
                .set(CONTACTS.EMAIL_LC, (String) null)
                .set(CONTACTS.IS_PRIMARY, false)
                .set(CONTACTS.PRIMARY_OF_COMPANY_ID, (UUID) null)
                .set(CONTACTS.VERSION, CONTACTS.VERSION.plus(1))
                .set(CONTACTS.UPDATED_AT, now)
                .where(CONTACTS.ID.eq(otherId).and(CONTACTS.VERSION.eq(otherVersion)).and(CONTACTS.DELETED_AT.isNull()))
                .execute();
        if (n == 0) {
            throw new StaleRecordException("contacts", otherId, otherVersion);
        }
        ContactsRecord merged = s.copy();
        merged.changed(false);
        for (FieldDef fd : CONTACT_FIELDS) {
            if (fromOther.contains(fd.key())) {
                for (TableField<?, ?> c : fd.columns()) {
                    copy(merged, o, c);
                }
            }
        }
        UUID company = merged.getCompanyId();
        boolean primary = company != null
                && (Boolean.TRUE.equals(s.getIsPrimary()) && company.equals(s.getCompanyId())
                        || Boolean.TRUE.equals(o.getIsPrimary()) && company.equals(o.getCompanyId()));
        if (primary) {
            tx.update(CONTACTS)
                    .set(CONTACTS.IS_PRIMARY, false)
                    .set(CONTACTS.PRIMARY_OF_COMPANY_ID, (UUID) null)
                    .set(CONTACTS.VERSION, CONTACTS.VERSION.plus(1))
                    .set(CONTACTS.UPDATED_AT, now)
                    .where(CONTACTS.PRIMARY_OF_COMPANY_ID.eq(company).and(CONTACTS.ID.ne(survivorId)))
                    .execute();
        }
        setIfChanged(merged, CONTACTS.IS_PRIMARY, primary || Boolean.TRUE.equals(merged.getIsPrimary()) && company == null);
        setIfChanged(merged, CONTACTS.PRIMARY_OF_COMPANY_ID, primary ? company : null);
        setIfChanged(merged, CONTACTS.FULL_NAME_LC, Normalize.fullName(merged.getFirstName(), merged.getLastName()));
        setIfChanged(merged, CONTACTS.LAST_NAME_LC, Normalize.key(merged.getLastName()));
        setIfChanged(merged, CONTACTS.EMAIL_LC, Normalize.email(merged.getEmail()));
        String digits = Normalize.phoneDigits(merged.getPhone());
        setIfChanged(merged, CONTACTS.PHONE_DIGITS, digits != null ? digits : Normalize.phoneDigits(merged.getMobile()));
        setIfChanged(merged, CONTACTS.LAST_CONTACTED_AT, latest(s.getLastContactedAt(), o.getLastContactedAt()));
        setIfChanged(merged, CONTACTS.ENGAGEMENT_SCORE, Math.max(s.getEngagementScore(), o.getEngagementScore()));
        if (merged.getCompanyId() != null) {
            setIfChanged(merged, CONTACTS.COMPANY_NAME, null);
        }
        updateChecked(tx, CONTACTS, merged, CONTACTS.ID, CONTACTS.VERSION, CONTACTS.UPDATED_AT, CONTACTS.DELETED_AT,
                survivorId, survivorVersion, now);
    }

    /**
     * Companies: tombstones the other company, then writes the survivor with the chosen fields,
     * sums the order and revenue roll-ups (SR-10/11: both sets of orders now belong to it) and keeps
     * the latest contact date, both version-checked.
     */
    public void writeCompanies(DSLContext tx, UUID survivorId, long survivorVersion, UUID otherId, long otherVersion,
            Set<String> fromOther) {
        CompaniesRecord s = tx.fetchOne(COMPANIES, COMPANIES.ID.eq(survivorId));
        CompaniesRecord o = tx.fetchOne(COMPANIES, COMPANIES.ID.eq(otherId));
        if (s == null || o == null) {
            throw new StaleRecordException("companies", s == null ? survivorId : otherId, s == null ? survivorVersion : otherVersion);
        }
        OffsetDateTime now = SyncColumns.now();
        boolean takesExternalId = fromOther.contains("ecommerce_customer_id");
        UpdateSetMoreStep<CompaniesRecord> tomb = tx.update(COMPANIES)
                .set(COMPANIES.DELETED_AT, now)
                .set(COMPANIES.VERSION, COMPANIES.VERSION.plus(1))
                .set(COMPANIES.UPDATED_AT, now);
        if (takesExternalId) {
            tomb = tomb.set(COMPANIES.ECOMMERCE_CUSTOMER_ID, (String) null); // unique per organization, tombstones included
        }
        int n = tomb.where(COMPANIES.ID.eq(otherId).and(COMPANIES.VERSION.eq(otherVersion)).and(COMPANIES.DELETED_AT.isNull()))
                .execute();
        if (n == 0) {
            throw new StaleRecordException("companies", otherId, otherVersion);
        }
        CompaniesRecord merged = s.copy();
        merged.changed(false);
        for (FieldDef fd : COMPANY_FIELDS) {
            if (fromOther.contains(fd.key())) {
                for (TableField<?, ?> c : fd.columns()) {
                    copy(merged, o, c);
                }
            }
        }
        setIfChanged(merged, COMPANIES.NAME_LC, Normalize.key(merged.getName()));
        setIfChanged(merged, COMPANIES.EMAIL_LC, Normalize.email(merged.getEmail()));
        int orders = s.getTotalOrders() + o.getTotalOrders();
        BigDecimal revenue = s.getTotalRevenue().add(o.getTotalRevenue());
        setIfChanged(merged, COMPANIES.TOTAL_ORDERS, orders);
        setIfChanged(merged, COMPANIES.TOTAL_REVENUE, revenue);
        setIfChanged(merged, COMPANIES.AVERAGE_ORDER_VALUE,
                orders == 0 ? BigDecimal.ZERO : revenue.divide(BigDecimal.valueOf(orders), 4, RoundingMode.HALF_UP));
        setIfChanged(merged, COMPANIES.LIFETIME_VALUE, s.getLifetimeValue().add(o.getLifetimeValue()));
        setIfChanged(merged, COMPANIES.LAST_CONTACTED_AT, latest(s.getLastContactedAt(), o.getLastContactedAt()));
        setIfChanged(merged, COMPANIES.FIRST_CONTACTED_AT, earliest(s.getFirstContactedAt(), o.getFirstContactedAt()));
        setIfChanged(merged, COMPANIES.ENGAGEMENT_SCORE, Math.max(s.getEngagementScore(), o.getEngagementScore()));
        updateChecked(tx, COMPANIES, merged, COMPANIES.ID, COMPANIES.VERSION, COMPANIES.UPDATED_AT, COMPANIES.DELETED_AT,
                survivorId, survivorVersion, now);
    }

    // ------------------------------------------------------------------ writing: related rows

    /** Moves every row that references {@code otherId} to {@code survivorId}; returns the moved rows by table. */
    public Map<String, Integer> moveRelated(DSLContext tx, MergeKind kind, UUID organizationId, UUID survivorId, UUID otherId,
            UUID userId) {
        Map<String, Integer> moved = new TreeMap<>();
        OffsetDateTime now = SyncColumns.now();
        if (kind == MergeKind.COMPANY) {
            moveContactsOfCompany(tx, survivorId, otherId, now, moved);
        }
        for (TableField<?, UUID> fk : references(kind)) {
            if (fk == CONTACTS.PRIMARY_OF_COMPANY_ID || fk == CONTACTS.COMPANY_ID || fk == CAMPAIGN_RECIPIENTS.CONTACT_ID) {
                continue; // handled with their uniqueness rules
            }
            count(moved, fk.getTable().getName(), moveColumn(tx, fk, survivorId, otherId, null, now));
        }
        if (kind == MergeKind.CONTACT) {
            count(moved, CAMPAIGN_RECIPIENTS.getName(), moveColumn(tx, CAMPAIGN_RECIPIENTS.CONTACT_ID, survivorId, otherId,
                    CAMPAIGN_RECIPIENTS.CAMPAIGN_ID.notIn(DSL.select(CAMPAIGN_RECIPIENTS.as("cr").CAMPAIGN_ID)
                            .from(CAMPAIGN_RECIPIENTS.as("cr")).where(CAMPAIGN_RECIPIENTS.as("cr").CONTACT_ID.eq(survivorId))),
                    now));
        }
        String type = kind.entityType();
        // The polymorphic pair: rows already moved through their company_id/contact_id are not counted twice.
        Field<UUID> activityFk = kind == MergeKind.CONTACT ? ACTIVITIES.CONTACT_ID : ACTIVITIES.COMPANY_ID;
        Condition activityOf = ACTIVITIES.ORGANIZATION_ID.eq(organizationId).and(ACTIVITIES.ENTITY_TYPE.eq(type))
                .and(ACTIVITIES.ENTITY_ID.eq(otherId));
        count(moved, ACTIVITIES.getName(), moveEntityId(tx, ACTIVITIES, ACTIVITIES.ENTITY_ID, ACTIVITIES.VERSION,
                ACTIVITIES.UPDATED_AT, activityOf.and(activityFk.isDistinctFrom(survivorId)), survivorId, now));
        moveEntityId(tx, ACTIVITIES, ACTIVITIES.ENTITY_ID, ACTIVITIES.VERSION, ACTIVITIES.UPDATED_AT, activityOf, survivorId, now);
        Condition documentOf = DOCUMENTS.ORGANIZATION_ID.eq(organizationId).and(DOCUMENTS.ENTITY_TYPE.eq(type))
                .and(DOCUMENTS.ENTITY_ID.eq(otherId));
        count(moved, DOCUMENTS.getName(), moveEntityId(tx, DOCUMENTS, DOCUMENTS.ENTITY_ID, DOCUMENTS.VERSION,
                DOCUMENTS.UPDATED_AT, kind == MergeKind.COMPANY ? documentOf.and(DOCUMENTS.COMPANY_ID.isDistinctFrom(survivorId))
                        : documentOf, survivorId, now));
        moveEntityId(tx, DOCUMENTS, DOCUMENTS.ENTITY_ID, DOCUMENTS.VERSION, DOCUMENTS.UPDATED_AT, documentOf, survivorId, now);
        count(moved, NOTIFICATIONS.getName(), tx.update(NOTIFICATIONS).set(NOTIFICATIONS.LINK_ENTITY_ID, survivorId)
                .set(NOTIFICATIONS.VERSION, NOTIFICATIONS.VERSION.plus(1)).set(NOTIFICATIONS.UPDATED_AT, now)
                .where(NOTIFICATIONS.ORGANIZATION_ID.eq(organizationId).and(NOTIFICATIONS.LINK_ENTITY_TYPE.eq(type))
                        .and(NOTIFICATIONS.LINK_ENTITY_ID.eq(otherId)))
                .execute());
        count(moved, ENTITY_TAGS.getName(), moveTags(tx, type, survivorId, otherId, now));
        count(moved, CUSTOM_FIELD_VALUES.getName(), moveCustomValues(tx, kind, organizationId, survivorId, otherId, now));
        return moved;
    }

    /**
     * The other company's contacts join the survivor. Its primary contact stays primary only when
     * the survivor has none (one primary per company, SR-5).
     */
    private static void moveContactsOfCompany(DSLContext tx, UUID survivorId, UUID otherId, OffsetDateTime now,
            Map<String, Integer> moved) {
        boolean survivorHasPrimary = tx.fetchExists(CONTACTS, CONTACTS.PRIMARY_OF_COMPANY_ID.eq(survivorId));
        if (survivorHasPrimary) {
            tx.update(CONTACTS)
                    .set(CONTACTS.IS_PRIMARY, false)
                    .set(CONTACTS.PRIMARY_OF_COMPANY_ID, (UUID) null)
                    .set(CONTACTS.VERSION, CONTACTS.VERSION.plus(1))
                    .set(CONTACTS.UPDATED_AT, now)
                    .where(CONTACTS.PRIMARY_OF_COMPANY_ID.eq(otherId))
                    .execute();
        }
        int n = tx.update(CONTACTS)
                .set(CONTACTS.COMPANY_ID, survivorId)
                .set(CONTACTS.PRIMARY_OF_COMPANY_ID, DSL.when(CONTACTS.PRIMARY_OF_COMPANY_ID.eq(otherId), DSL.val(survivorId))
                        .otherwise(CONTACTS.PRIMARY_OF_COMPANY_ID))
                .set(CONTACTS.VERSION, CONTACTS.VERSION.plus(1))
                .set(CONTACTS.UPDATED_AT, now)
                .where(CONTACTS.COMPANY_ID.eq(otherId))
                .execute();
        count(moved, CONTACTS.getName(), n);
    }

    private static <R extends Record> int moveEntityId(DSLContext tx, Table<R> table, TableField<R, UUID> entityId,
            TableField<R, Long> version, TableField<R, OffsetDateTime> updatedAt, Condition where, UUID survivorId,
            OffsetDateTime now) {
        return tx.update(table).set(entityId, survivorId).set(version, version.plus(1)).set(updatedAt, now).where(where).execute();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int moveColumn(DSLContext tx, TableField<?, UUID> fk, UUID survivorId, UUID otherId, Condition extra,
            OffsetDateTime now) {
        Table table = fk.getTable();
        UpdateSetMoreStep step = tx.update(table).set((Field) fk, survivorId);
        Field<Long> version = (Field<Long>) table.field("version");
        if (version != null && version.getType() == Long.class) {
            step = step.set(version, version.plus(1));
        }
        Field<OffsetDateTime> updatedAt = (Field<OffsetDateTime>) table.field("updated_at");
        if (updatedAt != null) {
            step = step.set(updatedAt, now);
        }
        Condition where = fk.eq(otherId);
        if (extra != null) {
            where = where.and(extra);
        }
        return step.where(where).execute();
    }

    /** Tags of the other record move over; where the survivor already has the tag, the other's assignment is tombstoned. */
    private static int moveTags(DSLContext tx, String type, UUID survivorId, UUID otherId, OffsetDateTime now) {
        Map<UUID, Boolean> survivorTags = new HashMap<>(); // tag -> live?
        tx.select(ENTITY_TAGS.TAG_ID, ENTITY_TAGS.DELETED_AT).from(ENTITY_TAGS)
                .where(ENTITY_TAGS.ENTITY_TYPE.eq(type).and(ENTITY_TAGS.ENTITY_ID.eq(survivorId)))
                .forEach(r -> survivorTags.put(r.value1(), r.value2() == null));
        List<UUID> otherLive = tx.select(ENTITY_TAGS.TAG_ID).from(ENTITY_TAGS)
                .where(ENTITY_TAGS.ENTITY_TYPE.eq(type).and(ENTITY_TAGS.ENTITY_ID.eq(otherId)).and(ENTITY_TAGS.DELETED_AT.isNull()))
                .fetch(ENTITY_TAGS.TAG_ID);
        Set<UUID> touched = new HashSet<>();
        int moved = 0;
        for (UUID tag : otherLive) {
            Boolean live = survivorTags.get(tag);
            Condition otherRow = ENTITY_TAGS.TAG_ID.eq(tag).and(ENTITY_TAGS.ENTITY_TYPE.eq(type)).and(ENTITY_TAGS.ENTITY_ID.eq(otherId));
            if (live == null) {
                tx.update(ENTITY_TAGS).set(ENTITY_TAGS.ENTITY_ID, survivorId).set(ENTITY_TAGS.VERSION, ENTITY_TAGS.VERSION.plus(1))
                        .set(ENTITY_TAGS.UPDATED_AT, now).where(otherRow).execute();
                moved++;
            } else {
                if (!live) {
                    tx.update(ENTITY_TAGS).set(ENTITY_TAGS.DELETED_AT, (OffsetDateTime) null)
                            .set(ENTITY_TAGS.VERSION, ENTITY_TAGS.VERSION.plus(1)).set(ENTITY_TAGS.UPDATED_AT, now)
                            .where(ENTITY_TAGS.TAG_ID.eq(tag).and(ENTITY_TAGS.ENTITY_TYPE.eq(type))
                                    .and(ENTITY_TAGS.ENTITY_ID.eq(survivorId)))
                            .execute();
                    moved++;
                }
                tx.update(ENTITY_TAGS).set(ENTITY_TAGS.DELETED_AT, now).set(ENTITY_TAGS.VERSION, ENTITY_TAGS.VERSION.plus(1))
                        .set(ENTITY_TAGS.UPDATED_AT, now).where(otherRow).execute();
            }
            touched.add(tag);
        }
        refreshTagUsage(tx, touched);
        return moved;
    }

    /** Custom field values: the survivor's value wins where both have one; values only the other has move over. */
    private static int moveCustomValues(DSLContext tx, MergeKind kind, UUID organizationId, UUID survivorId, UUID otherId,
            OffsetDateTime now) {
        Map<UUID, Record> survivorValues = new HashMap<>(); // definition -> row
        tx.select(CUSTOM_FIELD_VALUES.DEFINITION_ID, CUSTOM_FIELD_VALUES.ID, CUSTOM_FIELD_VALUES.DELETED_AT)
                .from(CUSTOM_FIELD_VALUES)
                .where(CUSTOM_FIELD_VALUES.ENTITY_ID.eq(survivorId).and(CUSTOM_FIELD_VALUES.DEFINITION_ID.in(definitions(kind, organizationId))))
                .forEach(r -> survivorValues.put(r.value1(), r));
        int moved = 0;
        for (var other : tx.selectFrom(CUSTOM_FIELD_VALUES)
                .where(CUSTOM_FIELD_VALUES.ENTITY_ID.eq(otherId).and(CUSTOM_FIELD_VALUES.DELETED_AT.isNull())
                        .and(CUSTOM_FIELD_VALUES.DEFINITION_ID.in(definitions(kind, organizationId))))
                .fetch()) {
            Record mine = survivorValues.get(other.getDefinitionId());
            if (mine == null) {
                tx.update(CUSTOM_FIELD_VALUES).set(CUSTOM_FIELD_VALUES.ENTITY_ID, survivorId)
                        .set(CUSTOM_FIELD_VALUES.VERSION, CUSTOM_FIELD_VALUES.VERSION.plus(1))
                        .set(CUSTOM_FIELD_VALUES.UPDATED_AT, now)
                        .where(CUSTOM_FIELD_VALUES.ID.eq(other.getId())).execute();
                moved++;
                continue;
            }
            if (mine.get(CUSTOM_FIELD_VALUES.DELETED_AT) != null) {
                // The survivor's value was removed: its row (unique per definition and record) takes the other's value.
                tx.update(CUSTOM_FIELD_VALUES)
                        .set(CUSTOM_FIELD_VALUES.VALUE_TEXT, other.getValueText())
                        .set(CUSTOM_FIELD_VALUES.VALUE_NUMBER, other.getValueNumber())
                        .set(CUSTOM_FIELD_VALUES.VALUE_DATE, other.getValueDate())
                        .set(CUSTOM_FIELD_VALUES.VALUE_BOOLEAN, other.getValueBoolean())
                        .set(CUSTOM_FIELD_VALUES.DELETED_AT, (OffsetDateTime) null)
                        .set(CUSTOM_FIELD_VALUES.VERSION, CUSTOM_FIELD_VALUES.VERSION.plus(1))
                        .set(CUSTOM_FIELD_VALUES.UPDATED_AT, now)
                        .where(CUSTOM_FIELD_VALUES.ID.eq(mine.get(CUSTOM_FIELD_VALUES.ID))).execute();
                moved++;
            }
            tx.update(CUSTOM_FIELD_VALUES).set(CUSTOM_FIELD_VALUES.DELETED_AT, now)
                    .set(CUSTOM_FIELD_VALUES.VERSION, CUSTOM_FIELD_VALUES.VERSION.plus(1))
                    .set(CUSTOM_FIELD_VALUES.UPDATED_AT, now)
                    .where(CUSTOM_FIELD_VALUES.ID.eq(other.getId())).execute();
        }
        return moved;
    }

    private static void refreshTagUsage(DSLContext tx, Collection<UUID> tagIds) {
        if (tagIds.isEmpty()) {
            return;
        }
        var et = ENTITY_TAGS.as("et");
        tx.update(TAGS)
                .set(TAGS.USAGE_COUNT, DSL.field(DSL.selectCount().from(et).where(et.TAG_ID.eq(TAGS.ID).and(et.DELETED_AT.isNull())))
                        .cast(Integer.class))
                .where(TAGS.ID.in(tagIds))
                .execute();
    }

    /** Documents attached to the merged contact follow its company, which their visibility depends on. */
    public void alignContactDocuments(DSLContext tx, UUID contactId) {
        UUID company = tx.select(CONTACTS.COMPANY_ID).from(CONTACTS).where(CONTACTS.ID.eq(contactId)).fetchOne(CONTACTS.COMPANY_ID);
        tx.update(DOCUMENTS).set(DOCUMENTS.COMPANY_ID, company).set(DOCUMENTS.VERSION, DOCUMENTS.VERSION.plus(1))
                .set(DOCUMENTS.UPDATED_AT, SyncColumns.now())
                .where(DOCUMENTS.ENTITY_TYPE.eq("contact").and(DOCUMENTS.ENTITY_ID.eq(contactId))
                        .and(DOCUMENTS.COMPANY_ID.isDistinctFrom(company)))
                .execute();
    }

    // ------------------------------------------------------------------ helpers

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void copy(Record into, Record from, TableField<?, ?> column) {
        Object v = from.get(column);
        if (!Objects.equals(into.get(column), v)) {
            into.set((Field) column, v);
        }
    }

    private static <T> void setIfChanged(Record r, Field<T> field, T value) {
        if (!Objects.equals(r.get(field), value)) {
            r.set(field, value);
        }
    }

    private static <R extends Record> void updateChecked(DSLContext tx, Table<R> table, R merged, TableField<R, UUID> id,
            TableField<R, Long> version, TableField<R, OffsetDateTime> updatedAt, TableField<R, OffsetDateTime> deletedAt,
            UUID recordId, long expectedVersion, OffsetDateTime now) {
        Map<Field<?>, Object> changes = new LinkedHashMap<>();
        for (Field<?> f : merged.fields()) {
            if (merged.changed(f)) {
                changes.put(f, merged.get(f));
            }
        }
        changes.put(version, version.plus(1));
        changes.put(updatedAt, now);
        int n = tx.update(table).set(changes)
                .where(id.eq(recordId).and(version.eq(expectedVersion)).and(deletedAt.isNull()))
                .execute();
        if (n == 0) {
            throw new StaleRecordException(table.getName(), recordId, expectedVersion);
        }
    }

    private static void count(Map<String, Integer> moved, String table, int n) {
        if (n > 0) {
            moved.merge(table, n, Integer::sum);
        }
    }

    private static OffsetDateTime latest(OffsetDateTime a, OffsetDateTime b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    private static OffsetDateTime earliest(OffsetDateTime a, OffsetDateTime b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }
}
