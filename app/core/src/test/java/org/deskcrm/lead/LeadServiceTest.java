package org.deskcrm.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.deskcrm.db.Tables.ACTIVITIES;
import static org.deskcrm.db.Tables.COMPANIES;
import static org.deskcrm.db.Tables.CONTACTS;
import static org.deskcrm.db.Tables.DEALS;
import static org.deskcrm.db.Tables.DEAL_STAGE_HISTORY;
import static org.deskcrm.db.Tables.NOTES;
import static org.deskcrm.db.Tables.PIPELINES;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import org.deskcrm.activity.ActivityDraft;
import org.deskcrm.activity.ActivityType;
import org.deskcrm.activity.NoteDraft;
import org.deskcrm.company.CompanyDraft;
import org.deskcrm.contact.ContactDraft;
import org.deskcrm.crm.CrmServices;
import org.deskcrm.platform.db.Database;
import org.deskcrm.platform.persistence.StaleRecordException;
import org.deskcrm.platform.persistence.ValidationException;
import org.deskcrm.security.Role;
import org.deskcrm.testing.BothDatabases;
import org.deskcrm.testing.TestWorkspace;

class LeadServiceTest {

    @BothDatabases
    void convertingCreatesCompanyContactAndDealAndKeepsTheHistory(Database db) {
        var ws = new TestWorkspace(db);
        var crm = new CrmServices(db.dsl(), ws.audit, Clock.systemUTC());
        var sales = ws.as(Role.SALES);
        var tag = crm.tags.create(sales, "Webinar", "#3B82F6");
        var lead = crm.leads.create(sales, LeadDraft.named("Lena", "Berg", "Berg Analytics", sales.userId())
                .with("email", "lena@berg.example").with("phone", "+49 30 1234567").with("score", 80).with("quality", "hot")
                .with("lifecycle_stage", "sql").with("estimated_value", new BigDecimal("12000")).with("currency", "EUR")
                .with("tags", Set.of(tag.id())));
        crm.activities.log(sales, new ActivityDraft(ActivityType.CALL, "Discovery call", null, null, null, null, lead.id(),
                null, 20, "connected", false, null, null, null));
        crm.notes.add(sales, new NoteDraft(null, null, null, lead.id(), null, "Budget approved", "general", true));
        var current = crm.leads.get(sales, lead.id());
        assertThatThrownBy(() -> crm.leads.convert(sales, lead.id(), current.version() - 1, LeadConversion.newCompany(null)))
                .isInstanceOf(StaleRecordException.class);

        var result = crm.leads.convert(sales, lead.id(), current.version(),
                LeadConversion.newCompany(null).withDeal("Berg Analytics rollout", null, null));
        assertThat(result.companyCreated()).isTrue();
        assertThat(result.contactCreated()).isTrue();
        var company = crm.companies.get(sales, result.companyId());
        assertThat(company.name()).isEqualTo("Berg Analytics");
        assertThat(company.fields().lifecycleStage()).isEqualTo("sql");
        var contact = crm.contacts.get(sales, result.contactId());
        assertThat(contact.fullName()).isEqualTo("Lena Berg");
        assertThat(contact.fields().isPrimary()).isTrue();
        assertThat(contact.fields().leadScore()).isEqualTo(80);
        assertThat(contact.tags()).extracting(t -> t.name()).containsExactly("Webinar");
        var deal = db.dsl().fetchOne(DEALS, DEALS.ID.eq(result.dealId()));
        assertThat(deal.getDealValue()).isEqualByComparingTo("12000");
        assertThat(deal.getCurrency()).isEqualTo("EUR");
        assertThat(deal.getProbability()).isEqualTo(10);
        assertThat(deal.getExpectedRevenue()).isEqualByComparingTo("1200");
        assertThat(deal.getOwnerId()).isEqualTo(sales.userId());
        assertThat(db.dsl().fetchCount(DEAL_STAGE_HISTORY, DEAL_STAGE_HISTORY.DEAL_ID.eq(deal.getId()))).isEqualTo(1);
        // The lead's history now shows on the contact and the company.
        assertThat(crm.activities.forContact(sales, contact.id(), null, 10)).extracting(a -> a.subject())
                .containsExactly("Discovery call");
        assertThat(crm.notes.forCompany(sales, company.id(), 10)).extracting(n -> n.body()).containsExactly("Budget approved");
        var converted = crm.leads.get(sales, lead.id());
        assertThat(converted.converted()).isTrue();
        assertThat(converted.convertedContactId()).isEqualTo(contact.id());
        assertThat(converted.convertedDealId()).isEqualTo(deal.getId());
        assertThatThrownBy(() -> crm.leads.update(sales, lead.id(), converted.version(), converted.fields()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("converted");
        assertThatThrownBy(() -> crm.leads.convert(sales, lead.id(), converted.version(), LeadConversion.newCompany("X")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("already converted");
    }

    @BothDatabases
    void aFailedConversionLeavesNothingBehind(Database db) {
        var ws = new TestWorkspace(db);
        var crm = new CrmServices(db.dsl(), ws.audit, Clock.systemUTC());
        var sales = ws.as(Role.SALES);
        var lead = crm.leads.create(sales, LeadDraft.named("Omar", "Fail", "Atomic Ltd", sales.userId()).with("email", "omar@atomic.example"));
        crm.activities.log(sales, new ActivityDraft(ActivityType.EMAIL, "Intro", null, null, null, null, lead.id(), null, null,
                null, false, null, null, null));
        // No default pipeline: the deal cannot be placed after company and contact were inserted.
        db.dsl().update(PIPELINES).set(PIPELINES.IS_DEFAULT, false).where(PIPELINES.ORGANIZATION_ID.eq(ws.organizationId)).execute();
        assertThatThrownBy(() -> crm.leads.convert(sales, lead.id(), lead.version(),
                LeadConversion.newCompany(null).withDeal(null, BigDecimal.TEN, "USD")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("default sales pipeline");
        assertThat(db.dsl().fetchCount(COMPANIES, COMPANIES.ORGANIZATION_ID.eq(ws.organizationId))).isZero();
        assertThat(db.dsl().fetchCount(CONTACTS, CONTACTS.ORGANIZATION_ID.eq(ws.organizationId))).isZero();
        assertThat(db.dsl().fetchCount(ACTIVITIES, ACTIVITIES.LEAD_ID.eq(lead.id()).and(ACTIVITIES.CONTACT_ID.isNotNull()))).isZero();
        var unchanged = crm.leads.get(sales, lead.id());
        assertThat(unchanged.converted()).isFalse();
        assertThat(unchanged.version()).isEqualTo(lead.version());
        // Without the deal the same conversion works.
        assertThat(crm.leads.convert(sales, lead.id(), lead.version(), LeadConversion.newCompany(null)).dealId()).isNull();
    }

    @BothDatabases
    void convertingIntoAnExistingCompanyAndContact(Database db) {
        var ws = new TestWorkspace(db);
        var crm = new CrmServices(db.dsl(), ws.audit, Clock.systemUTC());
        var sales = ws.as(Role.SALES);
        var company = crm.companies.create(sales, CompanyDraft.named("Existing GmbH", sales.userId()));
        var contact = crm.contacts.create(sales, ContactDraft.named("Paul", "Known", company.id(), sales.userId())
                .with("email", "paul@existing.example"));
        var lead = crm.leads.create(sales, LeadDraft.named("Paul", "Known", "Existing", sales.userId())
                .with("email", "paul@existing.example").with("expected_close_date", LocalDate.of(2026, 9, 30)));
        // A new contact would clash with the existing e-mail address: the message says so.
        assertThatThrownBy(() -> crm.leads.convert(sales, lead.id(), lead.version(),
                new LeadConversion(company.id(), null, null, false, null, null, null, null, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors()).containsKey("email"));
        var result = crm.leads.convert(sales, lead.id(), lead.version(),
                new LeadConversion(company.id(), null, contact.id(), false, null, null, null, null, null));
        assertThat(result).isEqualTo(new ConversionResult(company.id(), false, contact.id(), false, null));
        assertThat(crm.leads.get(sales, lead.id()).convertedContactId()).isEqualTo(contact.id());
        assertThat(db.dsl().fetchCount(CONTACTS, CONTACTS.ORGANIZATION_ID.eq(ws.organizationId))).isEqualTo(1);
        // Another rep cannot convert (or see) this lead.
        assertThatThrownBy(() -> crm.leads.get(ws.sales2, lead.id())).hasMessageContaining("does not exist");
    }
}
