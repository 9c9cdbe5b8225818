package org.deskcrm.company;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.deskcrm.db.Tables.AUDIT_LOG;
import static org.deskcrm.db.Tables.CONTACTS;
import static org.deskcrm.db.Tables.INVOICES;
import static org.deskcrm.db.Tables.NOTES;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.deskcrm.activity.NoteDraft;
import org.deskcrm.contact.ContactDraft;
import org.deskcrm.crm.CrmServices;
import org.deskcrm.crm.ListQuery;
import org.deskcrm.crm.SortOrder;
import org.deskcrm.platform.db.Database;
import org.deskcrm.platform.id.Ids;
import org.deskcrm.platform.persistence.NotFoundException;
import org.deskcrm.platform.persistence.StaleRecordException;
import org.deskcrm.platform.persistence.ValidationException;
import org.deskcrm.security.AccessDeniedException;
import org.deskcrm.security.Role;
import org.deskcrm.testing.BothDatabases;
import org.deskcrm.testing.TestWorkspace;

class CompanyServiceTest {

    @BothDatabases
    void createValidatesEveryFieldAndReadsBackWhatWasSaved(Database db) {
        var ws = new TestWorkspace(db);
        var crm = new CrmServices(db.dsl(), ws.audit, Clock.systemUTC());
        var sales = ws.as(Role.SALES);
        var bad = CompanyDraft.named(" ", sales.userId()).with("email", "not-an-email").with("lead_score", 130)
                .with("website", "nowhere").with("currency", "EURO").with("status", "sleeping");
        assertThatThrownBy(() -> crm.companies.create(sales, bad))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsKeys("name", "email", "lead_score", "website", "currency", "status"));

        var industry = crm.companies.industries(sales).getFirst();
        var draft = CompanyDraft.named("Acme Robotics", sales.userId())
                .with("email", "Sales@Acme.example").with("phone", "+1 (555) 010-2000").with("industry_id", industry.id())
                .with("lifecycle_stage", "sql").with("lead_score", 70).with("annual_revenue", new BigDecimal("1250000.50"))
                .with("currency", "EUR").with("city", "Lyon");
        Company created = crm.companies.create(sales, draft);
        assertThat(created.name()).isEqualTo("Acme Robotics");
        assertThat(created.industryName()).isEqualTo(industry.name());
        assertThat(created.ownerName()).isEqualTo("Sales User");
        assertThat(created.fields().annualRevenue()).isEqualByComparingTo("1250000.5");
        assertThat(created.writable()).isTrue();
        assertThat(created.engagementScore()).isZero();
        assertThat(db.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.RECORD_ID.eq(created.id()).and(AUDIT_LOG.ACTION.eq("insert"))))
                .isEqualTo(1);
        // The search keys were written: e-mail and phone digits find it.
        assertThat(crm.companies.search(sales, "sales@acme", 5)).extracting(CompanyRow::id).containsExactly(created.id());
        assertThat(crm.companies.search(sales, "+1 555 010", 5)).extracting(CompanyRow::id).containsExactly(created.id());
    }

    @BothDatabases
    void aStaleSaveIsRefusedAndNothingIsOverwritten(Database db) {
        var ws = new TestWorkspace(db);
        var crm = new CrmServices(db.dsl(), ws.audit, Clock.systemUTC());
        var sales = ws.as(Role.SALES);
        var c = crm.companies.create(sales, CompanyDraft.named("Globex", sales.userId()));
        var theirs = crm.companies.update(ws.as(Role.MANAGER), c.id(), c.version(), c.fields().with("city", "Springfield"));
        assertThat(theirs.version()).isEqualTo(c.version() + 1);
        assertThatThrownBy(() -> crm.companies.update(sales, c.id(), c.version(), c.fields().with("city", "Shelbyville")))
                .isInstanceOf(StaleRecordException.class)
                .hasMessageContaining("changed by someone else");
        assertThat(crm.companies.get(sales, c.id()).fields().city()).isEqualTo("Springfield");
    }

    @BothDatabases
    void aSalesRepNeverSeesAnotherRepsCompanyInAnyReadPath(Database db) {
        var ws = new TestWorkspace(db);
        var crm = new CrmServices(db.dsl(), ws.audit, Clock.systemUTC());
        var sales = ws.as(Role.SALES);
        var theirs = crm.companies.create(ws.sales2, CompanyDraft.named("Zeta Hidden Corp", ws.sales2.userId())
                .with("email", "hidden@zeta.example"));
        var mine = crm.companies.create(sales, CompanyDraft.named("Zeta Mine Ltd", sales.userId()));
        var all = ListQuery.sortedBy(SortOrder.asc("name"));
        assertThat(crm.companies.page(sales, all, null, 100).rows()).extracting(CompanyRow::id)
                .contains(mine.id()).doesNotContain(theirs.id());
        assertThat(crm.companies.page(sales, all.withSearch("zeta"), null, 100).rows()).extracting(CompanyRow::id)
                .containsExactly(mine.id());
        assertThat(crm.companies.page(sales, all.withSearch("hidden@"), null, 100).rows()).isEmpty();
        assertThat(crm.companies.count(sales, all.withSearch("zeta")).value()).isEqualTo(1);
        assertThat(crm.companies.ids(sales, all, 1000)).doesNotContain(theirs.id());
        assertThat(crm.companies.pick(sales, "zeta", 10)).extracting(CompanyRow::id).containsExactly(mine.id());
        assertThat(crm.companies.duplicates(sales, CompanyDraft.named("Zeta Hidden", null), null)).isEmpty();
        assertThatThrownBy(() -> crm.companies.get(sales, theirs.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> crm.companies.related(sales, theirs.id(), 10)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> crm.companies.update(sales, theirs.id(), theirs.version(), theirs.fields()))
                .isInstanceOf(NotFoundException.class);
        // The manager of both sees both; a viewer only active companies.
        assertThat(crm.companies.count(ws.as(Role.MANAGER), all.withSearch("zeta")).value()).isEqualTo(2);
        assertThat(crm.companies.get(ws.as(Role.MANAGER), theirs.id()).writable()).isTrue();
        assertThat(crm.companies.get(ws.as(Role.VIEWER), theirs.id()).writable()).isFalse();
    }

    @BothDatabases
    void ownersFollowTheRulesAndTheUnassignedAreReadOnlyForSales(Database db) {
        var ws = new TestWorkspace(db);
        var crm = new CrmServices(db.dsl(), ws.audit, Clock.systemUTC());
        var sales = ws.as(Role.SALES);
        assertThatThrownBy(() -> crm.companies.create(sales, CompanyDraft.named("Not mine", ws.sales2.userId())))
                .isInstanceOf(AccessDeniedException.class);
        var unassigned = crm.companies.create(ws.admin, CompanyDraft.named("Open Account", null));
        assertThat(crm.companies.get(sales, unassigned.id()).writable()).isFalse();
        assertThatThrownBy(() -> crm.companies.update(sales, unassigned.id(), unassigned.version(), unassigned.fields()))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("not change");
        assertThatThrownBy(() -> crm.companies.create(ws.as(Role.VIEWER), CompanyDraft.named("x", null)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @BothDatabases
    void deletingACompanyTombstonesItsContactsAndNotesButNotWithInvoices(Database db) {
        var ws = new TestWorkspace(db);
        var crm = new CrmServices(db.dsl(), ws.audit, Clock.systemUTC());
        var manager = ws.as(Role.MANAGER);
        var company = crm.companies.create(manager, CompanyDraft.named("Initech", manager.userId()));
        var contact = crm.contacts.create(manager, ContactDraft.named("Peter", "Gibbons", company.id(), manager.userId())
                .with("email", "peter@initech.example"));
        crm.notes.add(manager, NoteDraft.on(company.id(), null, null, "TPS reports"));
        crm.companies.delete(manager, company.id(), company.version());
        assertThatThrownBy(() -> crm.companies.get(manager, company.id())).isInstanceOf(NotFoundException.class);
        var row = db.dsl().fetchOne(CONTACTS, CONTACTS.ID.eq(contact.id()));
        assertThat(row.getDeletedAt()).isNotNull();
        assertThat(row.getEmailLc()).isNull();
        assertThat(db.dsl().fetchCount(NOTES, NOTES.COMPANY_ID.eq(company.id()).and(NOTES.DELETED_AT.isNull()))).isZero();
        // The e-mail address is free again.
        crm.contacts.create(manager, ContactDraft.named("Peter", "Gibbons", null, manager.userId()).with("email", "peter@initech.example"));

        var billed = crm.companies.create(manager, CompanyDraft.named("Billed Co", manager.userId()));
        db.dsl().insertInto(INVOICES)
                .set(Map.of(INVOICES.ID, Ids.newId(), INVOICES.ORGANIZATION_ID, ws.organizationId, INVOICES.COMPANY_ID, billed.id(),
                        INVOICES.STATUS, "sent", INVOICES.INVOICE_NUMBER, "INV-T-1", INVOICES.ISSUE_DATE, LocalDate.now(),
                        INVOICES.DUE_DATE, LocalDate.now().plusDays(30)))
                .execute();
        assertThatThrownBy(() -> crm.companies.delete(manager, billed.id(), billed.version()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("invoices");
        assertThatThrownBy(() -> crm.companies.delete(ws.as(Role.SALES), billed.id(), billed.version()))
                .isInstanceOf(AccessDeniedException.class);
    }
}
