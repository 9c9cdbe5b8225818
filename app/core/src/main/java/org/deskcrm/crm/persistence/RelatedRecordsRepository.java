package org.deskcrm.crm.persistence;

import static org.deskcrm.db.Tables.DEALS;
import static org.deskcrm.db.Tables.DOCUMENTS;
import static org.deskcrm.db.Tables.EVENTS;
import static org.deskcrm.db.Tables.INVOICES;
import static org.deskcrm.db.Tables.PIPELINE_STAGES;
import static org.deskcrm.db.Tables.USERS;

import java.util.List;
import java.util.UUID;
import org.deskcrm.crm.Related;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.rules.RecordRules;
import org.jooq.Condition;
import org.jooq.DSLContext;

/**
 * Read-only access to the deals, invoices, events and documents of a company or contact, each
 * query narrowed by that entity's record rule (a sales rep sees only the deals they may see,
 * even on their own company). Other features own writing these tables.
 */
public final class RelatedRecordsRepository {

    public List<Related.Deal> dealsOfCompany(DSLContext dsl, CurrentUser user, UUID companyId, int limit) {
        return deals(dsl, user, DEALS.COMPANY_ID.eq(companyId), limit);
    }

    public List<Related.Deal> dealsOfContact(DSLContext dsl, CurrentUser user, UUID contactId, int limit) {
        return deals(dsl, user, DEALS.CONTACT_ID.eq(contactId), limit);
    }

    private List<Related.Deal> deals(DSLContext dsl, CurrentUser user, Condition subject, int limit) {
        return dsl.select(DEALS.ID, DEALS.NAME, PIPELINE_STAGES.NAME, PIPELINE_STAGES.COLOR, DEALS.STATUS, DEALS.DEAL_VALUE,
                        DEALS.CURRENCY, DEALS.PROBABILITY, DEALS.EXPECTED_CLOSE_DATE, USERS.FULL_NAME, DEALS.CREATED_AT, DEALS.ACTUAL_CLOSE_DATE)
                .from(DEALS)
                .join(PIPELINE_STAGES).on(PIPELINE_STAGES.ID.eq(DEALS.STAGE_ID))
                .leftJoin(USERS).on(USERS.ID.eq(DEALS.OWNER_ID))
                .where(subject.and(DEALS.ORGANIZATION_ID.eq(user.organizationId())).and(RecordRules.deals(user).read()))
                .orderBy(org.jooq.impl.DSL.when(DEALS.STATUS.eq("open"), 0).otherwise(1), DEALS.EXPECTED_CLOSE_DATE.asc().nullsLast(),
                        DEALS.ID)
                .limit(limit)
                .fetch(r -> new Related.Deal(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(),
                        r.value8(), r.value9(), r.value10(), r.value11(), r.value12()));
    }

    public List<Related.Invoice> invoicesOfCompany(DSLContext dsl, CurrentUser user, UUID companyId, int limit) {
        return invoices(dsl, user, INVOICES.COMPANY_ID.eq(companyId), limit);
    }

    public List<Related.Invoice> invoicesOfContact(DSLContext dsl, CurrentUser user, UUID contactId, int limit) {
        return invoices(dsl, user, INVOICES.CONTACT_ID.eq(contactId), limit);
    }

    private List<Related.Invoice> invoices(DSLContext dsl, CurrentUser user, Condition subject, int limit) {
        return dsl.select(INVOICES.ID, INVOICES.INVOICE_NUMBER, INVOICES.STATUS, INVOICES.ISSUE_DATE, INVOICES.DUE_DATE,
                        INVOICES.TOTAL, INVOICES.BALANCE_DUE, INVOICES.CURRENCY, INVOICES.PAID_DATE)
                .from(INVOICES)
                .where(subject.and(INVOICES.ORGANIZATION_ID.eq(user.organizationId())).and(RecordRules.invoices(user).read()))
                .orderBy(INVOICES.ISSUE_DATE.desc(), INVOICES.ID.desc())
                .limit(limit)
                .fetch(r -> new Related.Invoice(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8(), r.value9()));
    }

    public List<Related.Event> eventsOfCompany(DSLContext dsl, CurrentUser user, UUID companyId, int limit) {
        return events(dsl, user, EVENTS.COMPANY_ID.eq(companyId), limit);
    }

    public List<Related.Event> eventsOfContact(DSLContext dsl, CurrentUser user, UUID contactId, int limit) {
        return events(dsl, user, EVENTS.CONTACT_ID.eq(contactId), limit);
    }

    private List<Related.Event> events(DSLContext dsl, CurrentUser user, Condition subject, int limit) {
        return dsl.select(EVENTS.ID, EVENTS.TITLE, EVENTS.STARTS_AT, EVENTS.ENDS_AT, EVENTS.ALL_DAY, EVENTS.LOCATION, EVENTS.STATUS)
                .from(EVENTS)
                .where(subject.and(EVENTS.ORGANIZATION_ID.eq(user.organizationId())).and(RecordRules.events(user).read()))
                .orderBy(EVENTS.STARTS_AT.desc(), EVENTS.ID.desc())
                .limit(limit)
                .fetch(r -> new Related.Event(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7()));
    }

    /** Documents attached to the company or to anything of the company (its deals, contacts...). */
    public List<Related.Document> documentsOfCompany(DSLContext dsl, CurrentUser user, UUID companyId, int limit) {
        return documents(dsl, user, DOCUMENTS.COMPANY_ID.eq(companyId), limit);
    }

    public List<Related.Document> documentsOf(DSLContext dsl, CurrentUser user, String entityType, UUID entityId, int limit) {
        return documents(dsl, user, DOCUMENTS.ENTITY_TYPE.eq(entityType).and(DOCUMENTS.ENTITY_ID.eq(entityId)), limit);
    }

    private List<Related.Document> documents(DSLContext dsl, CurrentUser user, Condition subject, int limit) {
        return dsl.select(DOCUMENTS.ID, DOCUMENTS.FILE_NAME, DOCUMENTS.DOCUMENT_TYPE, DOCUMENTS.SIZE_BYTES, DOCUMENTS.MIME_TYPE,
                        DOCUMENTS.DOC_VERSION, DOCUMENTS.IS_SIGNED, DOCUMENTS.CREATED_AT, USERS.FULL_NAME, DOCUMENTS.SIGNED_AT)
                .from(DOCUMENTS)
                .leftJoin(USERS).on(USERS.ID.eq(DOCUMENTS.UPLOADED_BY))
                .where(subject.and(DOCUMENTS.ORGANIZATION_ID.eq(user.organizationId())).and(RecordRules.documents(user).read()))
                .orderBy(DOCUMENTS.CREATED_AT.desc(), DOCUMENTS.ID.desc())
                .limit(limit)
                .fetch(r -> new Related.Document(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8(), r.value9(), r.value10()));
    }
}
