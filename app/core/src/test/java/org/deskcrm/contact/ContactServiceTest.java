package org.deskcrm.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import org.deskcrm.company.CompanyDraft;
import org.deskcrm.crm.CrmServices;
import org.deskcrm.crm.ListQuery;
import org.deskcrm.crm.SortOrder;
import org.deskcrm.platform.db.Database;
import org.deskcrm.platform.persistence.NotFoundException;
import org.deskcrm.platform.persistence.StaleRecordException;
import org.deskcrm.platform.persistence.ValidationException;
import org.deskcrm.security.Role;
import org.deskcrm.testing.BothDatabases;
import org.deskcrm.testing.TestWorkspace;

class ContactServiceTest {

    @BothDatabases
    void oneCompanyHasOnePrimaryContactAndMovingAContactClearsIt(Database db) {
        var ws = new TestWorkspace(db);
        var crm = new CrmServices(db.dsl(), ws.audit, Clock.systemUTC());
        var sales = ws.as(Role.SALES);
        var acme = crm.companies.create(sales, CompanyDraft.named("Acme", sales.userId()));
        var other = crm.companies.create(sales, CompanyDraft.named("Other", sales.userId()));
        var ann = crm.contacts.create(sales, ContactDraft.named("Ann", "Lee", acme.id(), sales.userId()).with("is_primary", true));
        var bob = crm.contacts.create(sales, ContactDraft.named("Bob", "Ray", acme.id(), sales.userId()).with("is_primary", true));
        assertThat(crm.contacts.get(sales, bob.id()).fields().isPrimary()).isTrue();
        var annNow = crm.contacts.get(sales, ann.id());
        assertThat(annNow.fields().isPrimary()).isFalse();
        assertThat(annNow.version()).isEqualTo(ann.version() + 1);
        assertThat(crm.contacts.forCompany(sales, acme.id(), 10)).extracting(ContactRow::firstName).containsExactly("Bob", "Ann");

        crm.contacts.makePrimary(sales, ann.id(), annNow.version());
        assertThat(crm.contacts.get(sales, ann.id()).fields().isPrimary()).isTrue();
        var bobNow = crm.contacts.get(sales, bob.id());
        assertThat(bobNow.fields().isPrimary()).isFalse();

        var annPrimary = crm.contacts.get(sales, ann.id());
        var moved = crm.contacts.update(sales, ann.id(), annPrimary.version(), annPrimary.fields().with("company_id", other.id()));
        assertThat(moved.fields().isPrimary()).isFalse();
        assertThat(moved.companyDisplayName()).isEqualTo("Other");
        assertThatThrownBy(() -> crm.contacts.create(sales, ContactDraft.named("Cy", null, null, sales.userId())
                .with("is_primary", true))).isInstanceOf(ValidationException.class);
    }

    @BothDatabases
    void oneLiveContactPerEmailAndClearMessagesForBadFields(Database db) {
        var ws = new TestWorkspace(db);
        var crm = new CrmServices(db.dsl(), ws.audit, Clock.systemUTC());
        var sales = ws.as(Role.SALES);
        var first = crm.contacts.create(sales, ContactDraft.named("Dana", "Scully", null, sales.userId())
                .with("email", "dana@fbi.example").with("timezone", "America/New_York").with("language", "en-US")
                .with("opt_in_sms", false).with("influence_level", "high").with("is_vip", true));
        assertThat(first.fields().optInSms()).isFalse();
        assertThat(first.fields().optInEmail()).isTrue();
        assertThat(first.fields().timezone()).isEqualTo("America/New_York");
        assertThatThrownBy(() -> crm.contacts.create(sales, ContactDraft.named("D.", "Scully", null, sales.userId())
                .with("email", " DANA@fbi.example ")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors().get("email"))
                        .contains("already has this e-mail"));
        assertThatThrownBy(() -> crm.contacts.create(sales, ContactDraft.named("X", null, null, sales.userId())
                .with("timezone", "Mars/Olympus").with("language", "english!").with("birthday", LocalDate.now().plusDays(3))
                .with("communication_preference", "pigeon").with("phone", "call me")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsKeys("timezone", "language", "birthday", "communication_preference", "phone"));
        crm.contacts.delete(ws.as(Role.MANAGER), first.id(), first.version());
        var again = crm.contacts.create(sales, ContactDraft.named("Dana", "Scully", null, sales.userId())
                .with("email", "dana@fbi.example"));
        assertThat(again.id()).isNotEqualTo(first.id());
    }

    @BothDatabases
    void staleEditsAreRefusedAndOthersContactsStayInvisible(Database db) {
        var ws = new TestWorkspace(db);
        var crm = new CrmServices(db.dsl(), ws.audit, Clock.systemUTC());
        var sales = ws.as(Role.SALES);
        var theirCompany = crm.companies.create(ws.sales2, CompanyDraft.named("Theirs Inc", ws.sales2.userId()));
        var theirs = crm.contacts.create(ws.sales2, ContactDraft.named("Quinn", "Hidden", theirCompany.id(), ws.sales2.userId()));
        var mine = crm.contacts.create(sales, ContactDraft.named("Quincy", "Mine", null, sales.userId()));
        var q = ListQuery.sortedBy(SortOrder.asc("name"));
        assertThat(crm.contacts.page(sales, q.withSearch("qu"), null, 50).rows()).extracting(ContactRow::id)
                .containsExactly(mine.id());
        assertThat(crm.contacts.page(sales, q.withSearch("theirs"), null, 50).rows()).isEmpty();
        assertThat(crm.contacts.count(sales, q).value()).isEqualTo(1);
        assertThatThrownBy(() -> crm.contacts.get(sales, theirs.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> crm.contacts.create(sales, ContactDraft.named("Sneaky", null, theirCompany.id(), sales.userId())))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors()).containsKey("company_id"));

        crm.contacts.update(sales, mine.id(), mine.version(), mine.fields().with("job_title", "CTO"));
        assertThatThrownBy(() -> crm.contacts.update(sales, mine.id(), mine.version(), mine.fields().with("job_title", "CEO")))
                .isInstanceOf(StaleRecordException.class);
        assertThat(crm.contacts.get(sales, mine.id()).fields().jobTitle()).isEqualTo("CTO");
    }

    @BothDatabases
    void aContactSaysWhetherTheReaderMayChangeIt(Database db) {
        var ws = new TestWorkspace(db);
        var crm = new CrmServices(db.dsl(), ws.audit, Clock.systemUTC());
        var sales = ws.as(Role.SALES);
        var unassigned = crm.companies.create(ws.admin, CompanyDraft.named("Open Accounts Ltd", null));
        // visible to the sales rep (unassigned company) but theirs to change only if they own it or the contact
        var colleagues = crm.contacts.create(ws.admin, ContactDraft.named("Rhea", "Colleague", unassigned.id(), ws.sales2.userId()));
        var mine = crm.contacts.create(sales, ContactDraft.named("Remy", "Mine", null, sales.userId()));

        assertThat(crm.contacts.get(sales, colleagues.id()).writable()).isFalse();
        assertThat(crm.contacts.get(ws.admin, colleagues.id()).writable()).isTrue();
        assertThat(crm.contacts.get(sales, mine.id()).writable()).isTrue();
        assertThatThrownBy(() -> crm.contacts.get(ws.sales2, mine.id())).isInstanceOf(NotFoundException.class);
    }
}
