package org.deskcrm.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.deskcrm.db.Tables.ACTIVITIES;
import static org.deskcrm.db.Tables.AUDIT_LOG;
import static org.deskcrm.db.Tables.CALENDARS;
import static org.deskcrm.db.Tables.CAMPAIGNS;
import static org.deskcrm.db.Tables.CAMPAIGN_RECIPIENTS;
import static org.deskcrm.db.Tables.COMPANIES;
import static org.deskcrm.db.Tables.CONTACTS;
import static org.deskcrm.db.Tables.CUSTOM_FIELD_DEFINITIONS;
import static org.deskcrm.db.Tables.CUSTOM_FIELD_VALUES;
import static org.deskcrm.db.Tables.DEALS;
import static org.deskcrm.db.Tables.DOCUMENTS;
import static org.deskcrm.db.Tables.ENTITY_TAGS;
import static org.deskcrm.db.Tables.EVENTS;
import static org.deskcrm.db.Tables.EVENT_ATTENDEES;
import static org.deskcrm.db.Tables.INVOICES;
import static org.deskcrm.db.Tables.LEADS;
import static org.deskcrm.db.Tables.NOTES;
import static org.deskcrm.db.Tables.NOTIFICATIONS;
import static org.deskcrm.db.Tables.ORDERS;
import static org.deskcrm.db.Tables.PAYMENTS;
import static org.deskcrm.db.Tables.PROJECTS;
import static org.deskcrm.db.Tables.TAGS;
import static org.deskcrm.db.Tables.TICKETS;
import static org.deskcrm.db.Tables.TRANSACTIONS;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.deskcrm.db.tables.records.CompaniesRecord;
import org.deskcrm.db.tables.records.ContactsRecord;
import org.deskcrm.merge.persistence.MergeRepository;
import org.deskcrm.platform.db.Database;
import org.deskcrm.platform.id.Ids;
import org.deskcrm.platform.persistence.NotFoundException;
import org.deskcrm.platform.persistence.StaleRecordException;
import org.deskcrm.platform.text.Normalize;
import org.deskcrm.security.AccessDeniedException;
import org.deskcrm.security.Role;
import org.deskcrm.testing.BothDatabases;
import org.deskcrm.testing.Fixtures;
import org.deskcrm.testing.TestWorkspace;
import org.jooq.DSLContext;
import org.jooq.TableField;

class MergeServiceTest {

    private static MergeService service(TestWorkspace ws) {
        return new MergeService(ws.db.dsl(), new MergeRepository(), ws.audit);
    }

    /** Rows (live or not) in any table whose foreign key still points at the record. */
    private static Map<String, Integer> stillReferencing(DSLContext dsl, MergeKind kind, UUID id) {
        var out = new java.util.TreeMap<String, Integer>();
        for (TableField<?, UUID> fk : MergeRepository.references(kind)) {
            if (fk == CONTACTS.PRIMARY_OF_COMPANY_ID) {
                continue;
            }
            int n = dsl.fetchCount(fk.getTable(), fk.eq(id));
            if (n > 0) {
                out.merge(fk.getTable().getName() + "." + fk.getName(), n, Integer::sum);
            }
        }
        return out;
    }

    private static UUID tag(DSLContext dsl, UUID org, String name) {
        UUID id = Ids.newId();
        dsl.insertInto(TAGS).set(TAGS.ID, id).set(TAGS.ORGANIZATION_ID, org).set(TAGS.NAME, name).execute();
        return id;
    }

    private static void tagged(DSLContext dsl, UUID org, UUID tag, String type, UUID entity) {
        dsl.insertInto(ENTITY_TAGS).set(ENTITY_TAGS.TAG_ID, tag).set(ENTITY_TAGS.ENTITY_TYPE, type).set(ENTITY_TAGS.ENTITY_ID, entity)
                .set(ENTITY_TAGS.ORGANIZATION_ID, org).execute();
        dsl.update(TAGS).set(TAGS.USAGE_COUNT, TAGS.USAGE_COUNT.plus(1)).where(TAGS.ID.eq(tag)).execute();
    }

    private static UUID field(DSLContext dsl, UUID org, String type, String name) {
        UUID id = Ids.newId();
        dsl.insertInto(CUSTOM_FIELD_DEFINITIONS).set(CUSTOM_FIELD_DEFINITIONS.ID, id).set(CUSTOM_FIELD_DEFINITIONS.ORGANIZATION_ID, org)
                .set(CUSTOM_FIELD_DEFINITIONS.ENTITY_TYPE, type).set(CUSTOM_FIELD_DEFINITIONS.NAME, name)
                .set(CUSTOM_FIELD_DEFINITIONS.LABEL, name).set(CUSTOM_FIELD_DEFINITIONS.FIELD_TYPE, "text").execute();
        return id;
    }

    private static void value(DSLContext dsl, UUID org, UUID definition, UUID entity, String text) {
        dsl.insertInto(CUSTOM_FIELD_VALUES).set(CUSTOM_FIELD_VALUES.ID, Ids.newId()).set(CUSTOM_FIELD_VALUES.ORGANIZATION_ID, org)
                .set(CUSTOM_FIELD_VALUES.DEFINITION_ID, definition).set(CUSTOM_FIELD_VALUES.ENTITY_ID, entity)
                .set(CUSTOM_FIELD_VALUES.VALUE_TEXT, text).execute();
    }

    private static void primary(DSLContext dsl, UUID contact, UUID company) {
        dsl.update(CONTACTS).set(CONTACTS.IS_PRIMARY, true).set(CONTACTS.PRIMARY_OF_COMPANY_ID, company)
                .where(CONTACTS.ID.eq(contact)).execute();
    }

    private static void document(DSLContext dsl, UUID org, String type, UUID entity, UUID company) {
        dsl.insertInto(DOCUMENTS).set(DOCUMENTS.ID, Ids.newId()).set(DOCUMENTS.ORGANIZATION_ID, org).set(DOCUMENTS.ENTITY_TYPE, type)
                .set(DOCUMENTS.ENTITY_ID, entity).set(DOCUMENTS.COMPANY_ID, company).set(DOCUMENTS.FILE_NAME, "contract.pdf")
                .set(DOCUMENTS.CONTENT_HASH, "0".repeat(64)).set(DOCUMENTS.SIZE_BYTES, 10L).execute();
    }

    @BothDatabases
    void mergingTwoCompaniesMovesEveryRelatedRecordAndKeepsOnePrimaryContact(Database db) {
        var ws = new TestWorkspace(db);
        var dsl = db.dsl();
        UUID org = ws.organizationId;
        var sales = ws.as(Role.SALES);
        UUID keep = Fixtures.company(dsl, org, "Acme", sales.userId(), "active");
        UUID dup = Fixtures.company(dsl, org, "ACME Inc.", sales.userId(), "prospect");
        dsl.update(COMPANIES).set(COMPANIES.PHONE, "+1 555 0100").set(COMPANIES.TOTAL_ORDERS, 2)
                .set(COMPANIES.TOTAL_REVENUE, new BigDecimal("300")).set(COMPANIES.LIFETIME_VALUE, new BigDecimal("300"))
                .where(COMPANIES.ID.eq(keep)).execute();
        OffsetDateTime lastContact = OffsetDateTime.of(2026, 2, 1, 10, 0, 0, 0, ZoneOffset.UTC);
        dsl.update(COMPANIES).set(COMPANIES.WEBSITE, "https://acme.example").set(COMPANIES.EMAIL, "Info@Acme.example")
                .set(COMPANIES.PHONE, "+1 555 0199").set(COMPANIES.TOTAL_ORDERS, 1).set(COMPANIES.TOTAL_REVENUE, new BigDecimal("100"))
                .set(COMPANIES.LIFETIME_VALUE, new BigDecimal("150")).set(COMPANIES.LAST_CONTACTED_AT, lastContact)
                .set(COMPANIES.ECOMMERCE_CUSTOMER_ID, "shop-42")
                .where(COMPANIES.ID.eq(dup)).execute();
        UUID keepPrimary = Fixtures.contact(dsl, org, keep, "Kim", "Keep", sales.userId());
        primary(dsl, keepPrimary, keep);
        UUID dupPrimary = Fixtures.contact(dsl, org, dup, "Dora", "Dup", sales.userId());
        primary(dsl, dupPrimary, dup);
        UUID dupContact = Fixtures.contact(dsl, org, dup, "Dan", "Dup", sales.userId());

        UUID deal = Fixtures.deal(dsl, org, "Big deal", dup, sales.userId(), new BigDecimal("1000"));
        dsl.insertInto(ACTIVITIES).set(ACTIVITIES.ID, Ids.newId()).set(ACTIVITIES.ORGANIZATION_ID, org).set(ACTIVITIES.TYPE, "call")
                .set(ACTIVITIES.COMPANY_ID, dup).set(ACTIVITIES.CONTACT_ID, dupContact).execute();
        UUID polyActivity = Ids.newId();
        dsl.insertInto(ACTIVITIES).set(ACTIVITIES.ID, polyActivity).set(ACTIVITIES.ORGANIZATION_ID, org).set(ACTIVITIES.TYPE, "system")
                .set(ACTIVITIES.ENTITY_TYPE, "company").set(ACTIVITIES.ENTITY_ID, dup).execute();
        dsl.insertInto(NOTES).set(NOTES.ID, Ids.newId()).set(NOTES.ORGANIZATION_ID, org).set(NOTES.COMPANY_ID, dup)
                .set(NOTES.BODY, "Met at the fair").execute();
        document(dsl, org, "company", dup, dup);
        document(dsl, org, "deal", deal, dup);
        UUID order = Ids.newId();
        dsl.insertInto(ORDERS).set(ORDERS.ID, order).set(ORDERS.ORGANIZATION_ID, org).set(ORDERS.ORDER_NUMBER, "ORD-1")
                .set(ORDERS.COMPANY_ID, dup).execute();
        UUID invoice = Ids.newId();
        dsl.insertInto(INVOICES).set(INVOICES.ID, invoice).set(INVOICES.ORGANIZATION_ID, org).set(INVOICES.COMPANY_ID, dup)
                .set(INVOICES.DUE_DATE, LocalDate.now().plusDays(30)).execute();
        UUID payment = Ids.newId();
        dsl.insertInto(PAYMENTS).set(PAYMENTS.ID, payment).set(PAYMENTS.ORGANIZATION_ID, org).set(PAYMENTS.COMPANY_ID, dup)
                .set(PAYMENTS.AMOUNT, new BigDecimal("50")).execute();
        dsl.insertInto(TRANSACTIONS).set(TRANSACTIONS.ID, Ids.newId()).set(TRANSACTIONS.ORGANIZATION_ID, org)
                .set(TRANSACTIONS.COMPANY_ID, dup).set(TRANSACTIONS.AMOUNT, new BigDecimal("50")).execute();
        UUID calendar = Ids.newId();
        dsl.insertInto(CALENDARS).set(CALENDARS.ID, calendar).set(CALENDARS.ORGANIZATION_ID, org).set(CALENDARS.OWNER_ID, sales.userId())
                .set(CALENDARS.NAME, "Work").execute();
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(1);
        dsl.insertInto(EVENTS).set(EVENTS.ID, Ids.newId()).set(EVENTS.ORGANIZATION_ID, org).set(EVENTS.CALENDAR_ID, calendar)
                .set(EVENTS.TITLE, "Demo").set(EVENTS.STARTS_AT, start).set(EVENTS.ENDS_AT, start.plusHours(1))
                .set(EVENTS.COMPANY_ID, dup).execute();
        dsl.insertInto(LEADS).set(LEADS.ID, Ids.newId()).set(LEADS.ORGANIZATION_ID, org).set(LEADS.FIRST_NAME, "Lee")
                .set(LEADS.FULL_NAME_LC, "lee").set(LEADS.STATUS, "converted").set(LEADS.CONVERTED_AT, start)
                .set(LEADS.CONVERTED_COMPANY_ID, dup).execute();
        dsl.insertInto(PROJECTS).set(PROJECTS.ID, Ids.newId()).set(PROJECTS.ORGANIZATION_ID, org).set(PROJECTS.NAME, "Rollout")
                .set(PROJECTS.NAME_LC, "rollout").set(PROJECTS.COMPANY_ID, dup).execute();
        dsl.insertInto(TICKETS).set(TICKETS.ID, Ids.newId()).set(TICKETS.ORGANIZATION_ID, org).set(TICKETS.TICKET_NUMBER, "TKT-1")
                .set(TICKETS.SUBJECT, "Broken").set(TICKETS.DESCRIPTION, "It broke").set(TICKETS.COMPANY_ID, dup).execute();
        dsl.insertInto(NOTIFICATIONS).set(NOTIFICATIONS.ID, Ids.newId()).set(NOTIFICATIONS.ORGANIZATION_ID, org)
                .set(NOTIFICATIONS.USER_ID, sales.userId()).set(NOTIFICATIONS.TITLE, "Follow up")
                .set(NOTIFICATIONS.LINK_ENTITY_TYPE, "company").set(NOTIFICATIONS.LINK_ENTITY_ID, dup).execute();
        UUID shared = tag(dsl, org, "Key account");
        UUID only = tag(dsl, org, "Trade fair");
        tagged(dsl, org, shared, "company", keep);
        tagged(dsl, org, shared, "company", dup);
        tagged(dsl, org, only, "company", dup);
        UUID region = field(dsl, org, "company", "region");
        UUID segment = field(dsl, org, "company", "segment");
        value(dsl, org, region, keep, "North");
        value(dsl, org, region, dup, "South");
        value(dsl, org, segment, dup, "Enterprise");

        var service = service(ws);
        MergePreview preview = service.preview(sales, MergeKind.COMPANY, keep, dup);
        assertThat(preview.right().related()).containsEntry("deals", 1L).containsEntry("contacts", 2L)
                .containsEntry("invoices", 1L).containsEntry("entity_tags", 2L).containsEntry("custom_field_values", 2L);
        assertThat(preview.right().values()).containsEntry("website", "https://acme.example").containsEntry("name", "ACME Inc.");
        Set<String> take = preview.defaultTakeFromOther(keep);
        assertThat(take).contains("website", "email", "ecommerce_customer_id").doesNotContain("name", "phone");
        take = new java.util.HashSet<>(take);
        take.add("phone");
        assertThat(service.canMerge(sales, MergeKind.COMPANY, keep, dup)).isTrue();

        MergeResult result = service.merge(sales, new MergeRequest(MergeKind.COMPANY, keep, preview.left().version(), dup,
                preview.right().version(), take));

        assertThat(stillReferencing(dsl, MergeKind.COMPANY, dup)).as("every foreign key moved").isEmpty();
        assertThat(result.moved()).containsEntry("contacts", 2).containsEntry("deals", 1).containsEntry("notes", 1)
                .containsEntry("orders", 1).containsEntry("invoices", 1).containsEntry("payments", 1).containsEntry("transactions", 1)
                .containsEntry("events", 1).containsEntry("leads", 1).containsEntry("projects", 1).containsEntry("tickets", 1)
                .containsEntry("notifications", 1).containsEntry("entity_tags", 1).containsEntry("custom_field_values", 1)
                .containsEntry("activities", 2).containsEntry("documents", 2);
        assertThat(dsl.fetchValue(ACTIVITIES.ENTITY_ID, ACTIVITIES.ID.eq(polyActivity))).isEqualTo(keep);
        assertThat(dsl.fetchCount(DOCUMENTS, DOCUMENTS.ENTITY_TYPE.eq("company").and(DOCUMENTS.ENTITY_ID.eq(dup)))).isZero();

        CompaniesRecord merged = dsl.fetchOne(COMPANIES, COMPANIES.ID.eq(keep));
        assertThat(merged.getName()).isEqualTo("Acme");
        assertThat(merged.getWebsite()).isEqualTo("https://acme.example");
        assertThat(merged.getPhone()).isEqualTo("+1 555 0199");
        assertThat(merged.getEmailLc()).isEqualTo("info@acme.example");
        assertThat(merged.getEcommerceCustomerId()).isEqualTo("shop-42");
        assertThat(merged.getStatus()).isEqualTo("active");
        assertThat(merged.getTotalOrders()).isEqualTo(3);
        assertThat(merged.getTotalRevenue()).isEqualByComparingTo("400");
        assertThat(merged.getAverageOrderValue()).isEqualByComparingTo("133.3333");
        assertThat(merged.getLifetimeValue()).isEqualByComparingTo("450");
        assertThat(merged.getLastContactedAt().toInstant()).isEqualTo(lastContact.toInstant());
        assertThat(merged.getVersion()).isEqualTo(preview.left().version() + 1);
        CompaniesRecord gone = dsl.fetchOne(COMPANIES, COMPANIES.ID.eq(dup));
        assertThat(gone.getDeletedAt()).isNotNull();
        assertThat(gone.getEcommerceCustomerId()).isNull();

        ContactsRecord kim = dsl.fetchOne(CONTACTS, CONTACTS.ID.eq(keepPrimary));
        ContactsRecord dora = dsl.fetchOne(CONTACTS, CONTACTS.ID.eq(dupPrimary));
        assertThat(kim.getPrimaryOfCompanyId()).isEqualTo(keep);
        assertThat(dora.getIsPrimary()).isFalse();
        assertThat(dora.getPrimaryOfCompanyId()).isNull();
        assertThat(dora.getCompanyId()).isEqualTo(keep);
        assertThat(dsl.fetchCount(CONTACTS, CONTACTS.PRIMARY_OF_COMPANY_ID.eq(keep))).isEqualTo(1);

        assertThat(dsl.select(TAGS.NAME, TAGS.USAGE_COUNT).from(TAGS).where(TAGS.ORGANIZATION_ID.eq(org)).orderBy(TAGS.NAME).fetch()
                .map(r -> r.value1() + "=" + r.value2())).containsExactly("Key account=1", "Trade fair=1");
        assertThat(dsl.fetchCount(ENTITY_TAGS, ENTITY_TAGS.ENTITY_ID.eq(keep).and(ENTITY_TAGS.DELETED_AT.isNull()))).isEqualTo(2);
        assertThat(dsl.select(CUSTOM_FIELD_VALUES.VALUE_TEXT).from(CUSTOM_FIELD_VALUES)
                .where(CUSTOM_FIELD_VALUES.ENTITY_ID.eq(keep).and(CUSTOM_FIELD_VALUES.DELETED_AT.isNull()))
                .orderBy(CUSTOM_FIELD_VALUES.VALUE_TEXT).fetch(CUSTOM_FIELD_VALUES.VALUE_TEXT))
                .as("the survivor's value wins; values only the other had move over").containsExactly("Enterprise", "North");

        var audit = dsl.select(AUDIT_LOG.RECORD_ID, AUDIT_LOG.ACTION, AUDIT_LOG.NEW_VALUES).from(AUDIT_LOG)
                .where(AUDIT_LOG.ORGANIZATION_ID.eq(org).and(AUDIT_LOG.TABLE_NAME.eq("companies"))).fetch();
        assertThat(audit).hasSize(2);
        assertThat(audit).anySatisfy(r -> {
            assertThat(r.value1()).isEqualTo(keep);
            assertThat(r.value2()).isEqualTo("merge");
            assertThat(r.value3()).contains("\"merged_from\":\"" + dup + "\"").contains("acme.example").doesNotContain("\"name\"");
        });
        assertThat(audit).anySatisfy(r -> {
            assertThat(r.value1()).isEqualTo(dup);
            assertThat(r.value2()).isEqualTo("merge");
            assertThat(r.value3()).contains("\"merged_into\":\"" + keep + "\"").contains("\"deals\":1");
        });
    }

    @BothDatabases
    void mergingTwoContactsKeepsThePrimarySlotAndTheChosenEmail(Database db) {
        var ws = new TestWorkspace(db);
        var dsl = db.dsl();
        UUID org = ws.organizationId;
        var sales = ws.as(Role.SALES);
        UUID company = Fixtures.company(dsl, org, "Globex", sales.userId(), "active");
        UUID keep = Fixtures.contact(dsl, org, company, "Hank", "Scorpio", sales.userId());
        UUID dup = Fixtures.contact(dsl, org, company, "Henry", "Scorpio", sales.userId());
        dsl.update(CONTACTS).set(CONTACTS.EMAIL, "hank@old.example").set(CONTACTS.EMAIL_LC, "hank@old.example")
                .set(CONTACTS.JOB_TITLE, "CEO").where(CONTACTS.ID.eq(keep)).execute();
        dsl.update(CONTACTS).set(CONTACTS.EMAIL, "Hank@Globex.example").set(CONTACTS.EMAIL_LC, "hank@globex.example")
                .set(CONTACTS.MOBILE, "+1 555 0142").set(CONTACTS.IS_VIP, true).where(CONTACTS.ID.eq(dup)).execute();
        primary(dsl, dup, company);

        UUID deal = Fixtures.deal(dsl, org, "Doomsday device", company, sales.userId(), BigDecimal.TEN);
        dsl.update(DEALS).set(DEALS.CONTACT_ID, dup).where(DEALS.ID.eq(deal)).execute();
        dsl.insertInto(NOTES).set(NOTES.ID, Ids.newId()).set(NOTES.ORGANIZATION_ID, org).set(NOTES.CONTACT_ID, dup)
                .set(NOTES.BODY, "Likes hammocks").execute();
        dsl.insertInto(ACTIVITIES).set(ACTIVITIES.ID, Ids.newId()).set(ACTIVITIES.ORGANIZATION_ID, org).set(ACTIVITIES.TYPE, "email")
                .set(ACTIVITIES.CONTACT_ID, dup).set(ACTIVITIES.ENTITY_TYPE, "contact").set(ACTIVITIES.ENTITY_ID, dup).execute();
        document(dsl, org, "contact", dup, company);
        dsl.insertInto(ORDERS).set(ORDERS.ID, Ids.newId()).set(ORDERS.ORGANIZATION_ID, org).set(ORDERS.ORDER_NUMBER, "ORD-9")
                .set(ORDERS.CONTACT_ID, dup).execute();
        dsl.insertInto(LEADS).set(LEADS.ID, Ids.newId()).set(LEADS.ORGANIZATION_ID, org).set(LEADS.FIRST_NAME, "Henry")
                .set(LEADS.FULL_NAME_LC, "henry").set(LEADS.STATUS, "converted").set(LEADS.CONVERTED_AT, OffsetDateTime.now())
                .set(LEADS.CONVERTED_CONTACT_ID, dup).execute();
        UUID calendar = Ids.newId();
        dsl.insertInto(CALENDARS).set(CALENDARS.ID, calendar).set(CALENDARS.ORGANIZATION_ID, org).set(CALENDARS.OWNER_ID, sales.userId())
                .set(CALENDARS.NAME, "Work").execute();
        UUID event = Ids.newId();
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC);
        dsl.insertInto(EVENTS).set(EVENTS.ID, event).set(EVENTS.ORGANIZATION_ID, org).set(EVENTS.CALENDAR_ID, calendar)
                .set(EVENTS.TITLE, "Lunch").set(EVENTS.STARTS_AT, start).set(EVENTS.ENDS_AT, start.plusHours(1)).execute();
        dsl.insertInto(EVENT_ATTENDEES).set(EVENT_ATTENDEES.ID, Ids.newId()).set(EVENT_ATTENDEES.ORGANIZATION_ID, org)
                .set(EVENT_ATTENDEES.EVENT_ID, event).set(EVENT_ATTENDEES.CONTACT_ID, dup).execute();
        UUID both = Ids.newId();
        UUID onlyDup = Ids.newId();
        for (UUID c : new UUID[] {both, onlyDup}) {
            dsl.insertInto(CAMPAIGNS).set(CAMPAIGNS.ID, c).set(CAMPAIGNS.ORGANIZATION_ID, org).set(CAMPAIGNS.NAME, "Spring " + c)
                    .set(CAMPAIGNS.CHANNEL, "email").execute();
        }
        dsl.insertInto(CAMPAIGN_RECIPIENTS).set(CAMPAIGN_RECIPIENTS.ID, Ids.newId()).set(CAMPAIGN_RECIPIENTS.ORGANIZATION_ID, org)
                .set(CAMPAIGN_RECIPIENTS.CAMPAIGN_ID, both).set(CAMPAIGN_RECIPIENTS.CONTACT_ID, keep)
                .set(CAMPAIGN_RECIPIENTS.ADDRESS, "hank@old.example").execute();
        dsl.insertInto(CAMPAIGN_RECIPIENTS).set(CAMPAIGN_RECIPIENTS.ID, Ids.newId()).set(CAMPAIGN_RECIPIENTS.ORGANIZATION_ID, org)
                .set(CAMPAIGN_RECIPIENTS.CAMPAIGN_ID, both).set(CAMPAIGN_RECIPIENTS.CONTACT_ID, dup)
                .set(CAMPAIGN_RECIPIENTS.ADDRESS, "hank@globex.example").execute();
        dsl.insertInto(CAMPAIGN_RECIPIENTS).set(CAMPAIGN_RECIPIENTS.ID, Ids.newId()).set(CAMPAIGN_RECIPIENTS.ORGANIZATION_ID, org)
                .set(CAMPAIGN_RECIPIENTS.CAMPAIGN_ID, onlyDup).set(CAMPAIGN_RECIPIENTS.CONTACT_ID, dup)
                .set(CAMPAIGN_RECIPIENTS.ADDRESS, "hank@globex.example").execute();
        UUID vip = tag(dsl, org, "VIP");
        tagged(dsl, org, vip, "contact", dup);

        var service = service(ws);
        MergePreview preview = service.preview(sales, MergeKind.CONTACT, keep, dup);
        assertThat(preview.left().values()).containsEntry("company", "Globex").containsEntry("is_vip", false);
        Set<String> take = new java.util.HashSet<>(preview.defaultTakeFromOther(keep));
        assertThat(take).contains("mobile").doesNotContain("email", "job_title");
        take.add("email");
        take.add("is_vip");
        MergeResult result = service.merge(sales, new MergeRequest(MergeKind.CONTACT, keep, preview.left().version(), dup,
                preview.right().version(), take));

        assertThat(stillReferencing(dsl, MergeKind.CONTACT, dup))
                .as("only the campaign both were in keeps its row (one recipient per campaign)")
                .containsExactly(Map.entry("campaign_recipients.contact_id", 1));
        assertThat(result.moved()).containsEntry("deals", 1).containsEntry("notes", 1).containsEntry("activities", 1)
                .containsEntry("documents", 1).containsEntry("orders", 1).containsEntry("leads", 1).containsEntry("event_attendees", 1)
                .containsEntry("campaign_recipients", 1).containsEntry("entity_tags", 1);
        ContactsRecord hank = dsl.fetchOne(CONTACTS, CONTACTS.ID.eq(keep));
        assertThat(hank.getEmail()).isEqualTo("Hank@Globex.example");
        assertThat(hank.getEmailLc()).isEqualTo("hank@globex.example");
        assertThat(hank.getFirstName()).isEqualTo("Hank");
        assertThat(hank.getJobTitle()).isEqualTo("CEO");
        assertThat(hank.getMobile()).isEqualTo("+1 555 0142");
        assertThat(hank.getPhoneDigits()).isEqualTo(Normalize.phoneDigits("+1 555 0142"));
        assertThat(hank.getIsVip()).isTrue();
        assertThat(hank.getIsPrimary()).as("the company keeps a primary contact").isTrue();
        assertThat(hank.getPrimaryOfCompanyId()).isEqualTo(company);
        ContactsRecord henry = dsl.fetchOne(CONTACTS, CONTACTS.ID.eq(dup));
        assertThat(henry.getDeletedAt()).isNotNull();
        assertThat(henry.getEmailLc()).isNull();
        assertThat(henry.getPrimaryOfCompanyId()).isNull();
        assertThat(dsl.fetchCount(AUDIT_LOG, AUDIT_LOG.ORGANIZATION_ID.eq(org).and(AUDIT_LOG.TABLE_NAME.eq("contacts")))).isEqualTo(2);
    }

    @BothDatabases
    void mergeNeedsWriteAccessToBothAndAFreshCopy(Database db) {
        var ws = new TestWorkspace(db);
        var dsl = db.dsl();
        var sales = ws.as(Role.SALES);
        UUID mine = Fixtures.company(dsl, ws.organizationId, "Mine", sales.userId(), "active");
        UUID mine2 = Fixtures.company(dsl, ws.organizationId, "Mine too", sales.userId(), "active");
        UUID open = Fixtures.company(dsl, ws.organizationId, "Unassigned", null, "active");
        UUID theirs = Fixtures.company(dsl, ws.organizationId, "Theirs", ws.sales2.userId(), "active");
        var service = service(ws);
        assertThatThrownBy(() -> service.preview(sales, MergeKind.COMPANY, mine, theirs)).isInstanceOf(NotFoundException.class);
        assertThat(service.canMerge(sales, MergeKind.COMPANY, mine, open)).as("sales may read but not change unassigned").isFalse();
        MergePreview p = service.preview(sales, MergeKind.COMPANY, mine, open);
        assertThatThrownBy(() -> service.merge(sales, new MergeRequest(MergeKind.COMPANY, mine, p.left().version(), open,
                p.right().version(), Set.of()))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.merge(ws.as(Role.VIEWER), new MergeRequest(MergeKind.COMPANY, mine, 1, mine2, 1, Set.of())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.preview(sales, MergeKind.COMPANY, mine, mine)).hasMessageContaining("two different");

        MergePreview fresh = service.preview(sales, MergeKind.COMPANY, mine, mine2);
        dsl.update(COMPANIES).set(COMPANIES.NOTES, "edited meanwhile").set(COMPANIES.VERSION, COMPANIES.VERSION.plus(1))
                .where(COMPANIES.ID.eq(mine2)).execute();
        assertThatThrownBy(() -> service.merge(sales, new MergeRequest(MergeKind.COMPANY, mine, fresh.left().version(), mine2,
                fresh.right().version(), Set.of()))).isInstanceOf(StaleRecordException.class).hasMessageContaining("changed by someone else");
        assertThat(dsl.fetchValue(COMPANIES.DELETED_AT, COMPANIES.ID.eq(mine2))).isNull();
        assertThat(dsl.fetchValue(COMPANIES.VERSION, COMPANIES.ID.eq(mine))).isEqualTo(1L);
    }
}
