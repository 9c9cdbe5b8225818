package org.deskcrm.importexport.persistence;

import static org.deskcrm.db.Tables.COMPANIES;
import static org.deskcrm.db.Tables.CONTACTS;
import static org.deskcrm.db.Tables.ENTITY_TAGS;
import static org.deskcrm.db.Tables.INDUSTRIES;
import static org.deskcrm.db.Tables.LEADS;
import static org.deskcrm.db.Tables.TAGS;
import static org.deskcrm.db.Tables.USERS;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.deskcrm.db.tables.Companies;
import org.deskcrm.db.tables.Users;
import org.deskcrm.importexport.CompanyExportQuery;
import org.deskcrm.importexport.ContactExportQuery;
import org.deskcrm.importexport.ExportRows.CompanyLine;
import org.deskcrm.importexport.ExportRows.ContactLine;
import org.deskcrm.importexport.ExportRows.LeadLine;
import org.deskcrm.importexport.LeadExportQuery;
import org.deskcrm.crm.persistence.Filters;
import org.deskcrm.crm.persistence.Prefix;
import org.deskcrm.platform.text.Normalize;
import org.deskcrm.tag.persistence.TagRepository;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.rules.RecordRules;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.TableField;
import org.jooq.impl.DSL;

/**
 * The queries behind exports. Each carries the user's record rule, so an export holds exactly
 * what the user may see, and streams its rows through a cursor ({@code fetchSize} 1000) so a
 * million contacts take constant memory. Callers run them inside a transaction (PostgreSQL only
 * streams with auto-commit off).
 */
public final class ExportRepository {
    private static final int FETCH_SIZE = 1000;
    private static final Companies CO = COMPANIES.as("x_company");
    private static final Users OWNER = USERS.as("x_owner");
    /** The same filter columns as the list screens (see ContactRepository, CompanyRepository, LeadRepository). */
    private static final Filters CONTACT_FILTERS = new Filters("contact", CONTACTS.ID, CONTACTS.STATUS, CONTACTS.OWNER_ID, null,
            CONTACTS.LIFECYCLE_STAGE, CONTACTS.LEAD_QUALITY, null, CONTACTS.LAST_CONTACTED_AT, CONTACTS.IS_VIP);
    private static final Filters COMPANY_FILTERS = new Filters("company", COMPANIES.ID, COMPANIES.STATUS, COMPANIES.OWNER_ID,
            COMPANIES.INDUSTRY_ID, COMPANIES.LIFECYCLE_STAGE, COMPANIES.LEAD_QUALITY, null, COMPANIES.LAST_CONTACTED_AT, null);
    private static final Filters LEAD_FILTERS = new Filters("lead", LEADS.ID, LEADS.STATUS, LEADS.OWNER_ID, null,
            LEADS.LIFECYCLE_STAGE, LEADS.QUALITY, LEADS.STAGE, null, null);

    private final TagRepository tags = new TagRepository();

    // ------------------------------------------------------------------ contacts

    public long countContacts(DSLContext dsl, CurrentUser user, ContactExportQuery q) {
        return dsl.selectCount().from(CONTACTS).leftJoin(CO).on(CO.ID.eq(CONTACTS.COMPANY_ID))
                .where(contactCondition(dsl, user, q)).fetchSingle().value1();
    }

    public void streamContacts(DSLContext dsl, CurrentUser user, ContactExportQuery q, Consumer<ContactLine> sink) {
        Field<String> tags = tagList("contact", CONTACTS.ID);
        try (Cursor<? extends Record> c = dsl.select(CONTACTS.ID, CONTACTS.FIRST_NAME, CONTACTS.LAST_NAME, CONTACTS.EMAIL,
                        CONTACTS.PHONE, CONTACTS.MOBILE, CONTACTS.JOB_TITLE, CONTACTS.DEPARTMENT,
                        DSL.coalesce(CO.NAME, CONTACTS.COMPANY_NAME).as("company"), CONTACTS.WEBSITE, CONTACTS.LINKEDIN_URL,
                        CONTACTS.ADDRESS_LINE1, CONTACTS.ADDRESS_LINE2, CONTACTS.CITY, CONTACTS.STATE, CONTACTS.POSTAL_CODE,
                        CONTACTS.COUNTRY, CONTACTS.BIRTHDAY, CONTACTS.STATUS, CONTACTS.LIFECYCLE_STAGE, CONTACTS.LEAD_SCORE,
                        CONTACTS.SOURCE, tags, OWNER.FULL_NAME, CONTACTS.IS_VIP, CONTACTS.IS_DECISION_MAKER, CONTACTS.NOTES,
                        CONTACTS.CREATED_AT, CONTACTS.UPDATED_AT)
                .from(CONTACTS)
                .leftJoin(CO).on(CO.ID.eq(CONTACTS.COMPANY_ID))
                .leftJoin(OWNER).on(OWNER.ID.eq(CONTACTS.OWNER_ID))
                .where(contactCondition(dsl, user, q))
                .orderBy(CONTACTS.FULL_NAME_LC, CONTACTS.ID)
                .fetchSize(FETCH_SIZE)
                .fetchLazy()) {
            for (Record r : c) {
                sink.accept(new ContactLine(r.get(CONTACTS.ID), r.get(CONTACTS.FIRST_NAME), r.get(CONTACTS.LAST_NAME),
                        r.get(CONTACTS.EMAIL), r.get(CONTACTS.PHONE), r.get(CONTACTS.MOBILE), r.get(CONTACTS.JOB_TITLE),
                        r.get(CONTACTS.DEPARTMENT), r.get("company", String.class), r.get(CONTACTS.WEBSITE),
                        r.get(CONTACTS.LINKEDIN_URL), r.get(CONTACTS.ADDRESS_LINE1), r.get(CONTACTS.ADDRESS_LINE2),
                        r.get(CONTACTS.CITY), r.get(CONTACTS.STATE), r.get(CONTACTS.POSTAL_CODE), r.get(CONTACTS.COUNTRY),
                        r.get(CONTACTS.BIRTHDAY), r.get(CONTACTS.STATUS), r.get(CONTACTS.LIFECYCLE_STAGE),
                        r.get(CONTACTS.LEAD_SCORE), r.get(CONTACTS.SOURCE), r.get(tags), r.get(OWNER.FULL_NAME),
                        Boolean.TRUE.equals(r.get(CONTACTS.IS_VIP)), Boolean.TRUE.equals(r.get(CONTACTS.IS_DECISION_MAKER)),
                        r.get(CONTACTS.NOTES), r.get(CONTACTS.CREATED_AT), r.get(CONTACTS.UPDATED_AT)));
            }
        }
    }

    private Condition contactCondition(DSLContext dsl, CurrentUser user, ContactExportQuery q) {
        Condition c = RecordRules.contacts(user).read().and(CONTACT_FILTERS.apply(q.filter(), user.userId(), now()));
        if (q.ids() != null) {
            c = c.and(q.ids().isEmpty() ? DSL.falseCondition() : CONTACTS.ID.in(q.ids()));
        }
        String key = Normalize.key(q.search());
        if (key != null) {
            List<Condition> any = new ArrayList<>();
            any.add(Prefix.of(CONTACTS.FULL_NAME_LC, key));
            any.add(Prefix.of(CONTACTS.LAST_NAME_LC, key));
            any.add(Prefix.of(CONTACTS.EMAIL_LC, q.search().strip().toLowerCase(java.util.Locale.ROOT)));
            String digits = Prefix.phoneDigits(q.search());
            if (digits != null) {
                any.add(Prefix.of(CONTACTS.PHONE_DIGITS, digits));
            }
            any.add(Prefix.of(CO.NAME_LC, key));
            any.add(taggedLike(dsl, user, "contact", CONTACTS.ID, key));
            c = c.and(DSL.or(any));
        }
        return c;
    }

    // ------------------------------------------------------------------ companies

    public long countCompanies(DSLContext dsl, CurrentUser user, CompanyExportQuery q) {
        return dsl.selectCount().from(COMPANIES).where(companyCondition(dsl, user, q)).fetchSingle().value1();
    }

    public void streamCompanies(DSLContext dsl, CurrentUser user, CompanyExportQuery q, Consumer<CompanyLine> sink) {
        Field<String> tags = tagList("company", COMPANIES.ID);
        try (Cursor<? extends Record> c = dsl.select(COMPANIES.ID, COMPANIES.NAME, COMPANIES.LEGAL_NAME, COMPANIES.DOMAIN,
                        COMPANIES.EMAIL, COMPANIES.PHONE, COMPANIES.WEBSITE, INDUSTRIES.NAME, COMPANIES.COMPANY_SIZE,
                        COMPANIES.ANNUAL_REVENUE, COMPANIES.TAX_ID, COMPANIES.ADDRESS_LINE1, COMPANIES.ADDRESS_LINE2,
                        COMPANIES.CITY, COMPANIES.STATE, COMPANIES.POSTAL_CODE, COMPANIES.COUNTRY, COMPANIES.STATUS,
                        COMPANIES.LIFECYCLE_STAGE, COMPANIES.LEAD_SCORE, COMPANIES.LEAD_QUALITY, COMPANIES.SOURCE, tags,
                        OWNER.FULL_NAME, COMPANIES.NOTES, COMPANIES.CREATED_AT, COMPANIES.UPDATED_AT)
                .from(COMPANIES)
                .leftJoin(INDUSTRIES).on(INDUSTRIES.ID.eq(COMPANIES.INDUSTRY_ID))
                .leftJoin(OWNER).on(OWNER.ID.eq(COMPANIES.OWNER_ID))
                .where(companyCondition(dsl, user, q))
                .orderBy(COMPANIES.NAME_LC, COMPANIES.ID)
                .fetchSize(FETCH_SIZE)
                .fetchLazy()) {
            for (Record r : c) {
                sink.accept(new CompanyLine(r.get(COMPANIES.ID), r.get(COMPANIES.NAME), r.get(COMPANIES.LEGAL_NAME),
                        r.get(COMPANIES.DOMAIN), r.get(COMPANIES.EMAIL), r.get(COMPANIES.PHONE), r.get(COMPANIES.WEBSITE),
                        r.get(INDUSTRIES.NAME), r.get(COMPANIES.COMPANY_SIZE), r.get(COMPANIES.ANNUAL_REVENUE),
                        r.get(COMPANIES.TAX_ID), r.get(COMPANIES.ADDRESS_LINE1), r.get(COMPANIES.ADDRESS_LINE2),
                        r.get(COMPANIES.CITY), r.get(COMPANIES.STATE), r.get(COMPANIES.POSTAL_CODE), r.get(COMPANIES.COUNTRY),
                        r.get(COMPANIES.STATUS), r.get(COMPANIES.LIFECYCLE_STAGE), r.get(COMPANIES.LEAD_SCORE),
                        r.get(COMPANIES.LEAD_QUALITY), r.get(COMPANIES.SOURCE), r.get(tags), r.get(OWNER.FULL_NAME),
                        r.get(COMPANIES.NOTES), r.get(COMPANIES.CREATED_AT), r.get(COMPANIES.UPDATED_AT)));
            }
        }
    }

    private Condition companyCondition(DSLContext dsl, CurrentUser user, CompanyExportQuery q) {
        Condition c = RecordRules.companies(user).read().and(COMPANY_FILTERS.apply(q.filter(), user.userId(), now()));
        if (q.ids() != null) {
            c = c.and(q.ids().isEmpty() ? DSL.falseCondition() : COMPANIES.ID.in(q.ids()));
        }
        String key = Normalize.key(q.search());
        if (key != null) {
            List<Condition> any = new ArrayList<>();
            any.add(Prefix.of(COMPANIES.NAME_LC, key));
            any.add(Prefix.of(COMPANIES.EMAIL_LC, q.search().strip().toLowerCase(java.util.Locale.ROOT)));
            any.add(taggedLike(dsl, user, "company", COMPANIES.ID, key));
            c = c.and(DSL.or(any));
        }
        return c;
    }

    // ------------------------------------------------------------------ leads

    public long countLeads(DSLContext dsl, CurrentUser user, LeadExportQuery q) {
        return dsl.selectCount().from(LEADS).where(leadCondition(dsl, user, q)).fetchSingle().value1();
    }

    public void streamLeads(DSLContext dsl, CurrentUser user, LeadExportQuery q, Consumer<LeadLine> sink) {
        try (Cursor<? extends Record> c = dsl.select(LEADS.ID, LEADS.FIRST_NAME, LEADS.LAST_NAME, LEADS.EMAIL, LEADS.PHONE,
                        LEADS.COMPANY_NAME, LEADS.JOB_TITLE, LEADS.STATUS, LEADS.STAGE, LEADS.SCORE, LEADS.QUALITY,
                        LEADS.ESTIMATED_VALUE, LEADS.CURRENCY, LEADS.EXPECTED_CLOSE_DATE, LEADS.SOURCE, OWNER.FULL_NAME,
                        LEADS.NOTES, LEADS.CREATED_AT)
                .from(LEADS)
                .leftJoin(OWNER).on(OWNER.ID.eq(LEADS.OWNER_ID))
                .where(leadCondition(dsl, user, q))
                .orderBy(LEADS.FULL_NAME_LC, LEADS.ID)
                .fetchSize(FETCH_SIZE)
                .fetchLazy()) {
            for (Record r : c) {
                sink.accept(new LeadLine(r.get(LEADS.ID), r.get(LEADS.FIRST_NAME), r.get(LEADS.LAST_NAME), r.get(LEADS.EMAIL),
                        r.get(LEADS.PHONE), r.get(LEADS.COMPANY_NAME), r.get(LEADS.JOB_TITLE), r.get(LEADS.STATUS),
                        r.get(LEADS.STAGE), r.get(LEADS.SCORE), r.get(LEADS.QUALITY), r.get(LEADS.ESTIMATED_VALUE),
                        r.get(LEADS.CURRENCY), r.get(LEADS.EXPECTED_CLOSE_DATE), r.get(LEADS.SOURCE), r.get(OWNER.FULL_NAME),
                        r.get(LEADS.NOTES), r.get(LEADS.CREATED_AT)));
            }
        }
    }

    private Condition leadCondition(DSLContext dsl, CurrentUser user, LeadExportQuery q) {
        Condition c = RecordRules.leads(user).read().and(LEAD_FILTERS.apply(q.filter(), user.userId(), now()));
        if (q.ids() != null) {
            c = c.and(q.ids().isEmpty() ? DSL.falseCondition() : LEADS.ID.in(q.ids()));
        }
        String key = Normalize.key(q.search());
        if (key != null) {
            List<Condition> any = new ArrayList<>();
            any.add(Prefix.of(LEADS.FULL_NAME_LC, key));
            any.add(Prefix.of(LEADS.LAST_NAME_LC, key));
            any.add(Prefix.of(LEADS.EMAIL_LC, q.search().strip().toLowerCase(java.util.Locale.ROOT)));
            String digits = Prefix.phoneDigits(q.search());
            if (digits != null) {
                any.add(Prefix.of(LEADS.PHONE_DIGITS, digits));
            }
            any.add(taggedLike(dsl, user, "lead", LEADS.ID, key));
            c = c.and(DSL.or(any));
        }
        return c;
    }

    // ------------------------------------------------------------------ helpers

    /** Records carrying a tag whose name starts with the search text (as the lists match tags). */
    private Condition taggedLike(DSLContext dsl, CurrentUser user, String entityType, TableField<?, UUID> id, String key) {
        List<UUID> tagIds = tags.idsByPrefix(dsl, user, key, 5);
        return tagIds.isEmpty() ? DSL.falseCondition() : id.in(TagRepository.withAnyTag(entityType, tagIds));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** "Key account, VIP": the record's live tags, alphabetically. */
    private static Field<String> tagList(String entityType, TableField<?, UUID> id) {
        var et = ENTITY_TAGS.as("x_et");
        var t = TAGS.as("x_tag");
        return DSL.field(DSL.select(DSL.listAgg(t.NAME, ", ").withinGroupOrderBy(t.NAME))
                .from(et).join(t).on(t.ID.eq(et.TAG_ID))
                .where(et.ENTITY_TYPE.eq(entityType).and(et.ENTITY_ID.eq(id)).and(et.DELETED_AT.isNull())
                        .and(t.DELETED_AT.isNull()))).as("tags");
    }
}
