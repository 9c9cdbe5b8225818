package org.deskcrm.testing;

import static org.deskcrm.db.Tables.CALENDARS;
import static org.deskcrm.db.Tables.DEALS;
import static org.deskcrm.db.Tables.DOCUMENTS;
import static org.deskcrm.db.Tables.EVENTS;
import static org.deskcrm.db.Tables.INVOICES;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.deskcrm.platform.id.Ids;
import org.jooq.DSLContext;

/** Deals, invoices, events and documents of a company or contact, with the dates a timeline places them by. */
public final class RelatedFixtures {
    private final DSLContext dsl;
    private final UUID org;
    private UUID calendar;

    public RelatedFixtures(DSLContext dsl, UUID organizationId) {
        this.dsl = dsl;
        this.org = organizationId;
    }

    /** A deal created at {@code createdAt}; closed (status won/lost) on {@code closedOn} unless null. */
    public UUID deal(String name, UUID companyId, UUID contactId, UUID ownerId, OffsetDateTime createdAt, String status,
            LocalDate closedOn) {
        UUID id = Fixtures.deal(dsl, org, name, companyId, ownerId, new BigDecimal("1000"));
        dsl.update(DEALS).set(DEALS.CONTACT_ID, contactId).set(DEALS.CREATED_AT, createdAt).set(DEALS.STATUS, status)
                .set(DEALS.ACTUAL_CLOSE_DATE, closedOn).where(DEALS.ID.eq(id)).execute();
        return id;
    }

    public UUID invoice(String number, UUID companyId, UUID contactId, String status, LocalDate issued, LocalDate due,
            LocalDate paid, String balance) {
        UUID id = Ids.newId();
        dsl.insertInto(INVOICES).set(INVOICES.ID, id).set(INVOICES.ORGANIZATION_ID, org).set(INVOICES.INVOICE_NUMBER, number)
                .set(INVOICES.COMPANY_ID, companyId).set(INVOICES.CONTACT_ID, contactId).set(INVOICES.STATUS, status)
                .set(INVOICES.ISSUE_DATE, issued).set(INVOICES.DUE_DATE, due).set(INVOICES.PAID_DATE, paid)
                .set(INVOICES.TOTAL, new BigDecimal("500")).set(INVOICES.BALANCE_DUE, new BigDecimal(balance))
                .set(INVOICES.CURRENCY, "EUR").execute();
        return id;
    }

    public UUID event(String title, UUID companyId, UUID contactId, UUID ownerId, OffsetDateTime startsAt) {
        if (calendar == null) {
            calendar = Ids.newId();
            dsl.insertInto(CALENDARS).set(CALENDARS.ID, calendar).set(CALENDARS.ORGANIZATION_ID, org)
                    .set(CALENDARS.OWNER_ID, ownerId).set(CALENDARS.NAME, "Work").execute();
        }
        UUID id = Ids.newId();
        dsl.insertInto(EVENTS).set(EVENTS.ID, id).set(EVENTS.ORGANIZATION_ID, org).set(EVENTS.CALENDAR_ID, calendar)
                .set(EVENTS.OWNER_ID, ownerId).set(EVENTS.TITLE, title).set(EVENTS.STARTS_AT, startsAt)
                .set(EVENTS.ENDS_AT, startsAt.plusHours(1)).set(EVENTS.COMPANY_ID, companyId).set(EVENTS.CONTACT_ID, contactId)
                .execute();
        return id;
    }

    /** A document attached to {@code entityType}/{@code entityId} of the company; signed at {@code signedAt} unless null. */
    public UUID document(String fileName, String entityType, UUID entityId, UUID companyId, UUID uploadedBy, int version,
            OffsetDateTime createdAt, OffsetDateTime signedAt) {
        UUID id = Ids.newId();
        dsl.insertInto(DOCUMENTS).set(DOCUMENTS.ID, id).set(DOCUMENTS.ORGANIZATION_ID, org).set(DOCUMENTS.ENTITY_TYPE, entityType)
                .set(DOCUMENTS.ENTITY_ID, entityId).set(DOCUMENTS.COMPANY_ID, companyId).set(DOCUMENTS.FILE_NAME, fileName)
                .set(DOCUMENTS.CONTENT_HASH, "0".repeat(64)).set(DOCUMENTS.SIZE_BYTES, 10L).set(DOCUMENTS.DOC_VERSION, version)
                .set(DOCUMENTS.UPLOADED_BY, uploadedBy).set(DOCUMENTS.CREATED_BY, uploadedBy).set(DOCUMENTS.CREATED_AT, createdAt)
                .set(DOCUMENTS.IS_SIGNED, signedAt != null).set(DOCUMENTS.SIGNED_AT, signedAt).execute();
        return id;
    }
}
