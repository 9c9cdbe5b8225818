package org.deskcrm.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.deskcrm.activity.ActivityDraft;
import org.deskcrm.activity.ActivityType;
import org.deskcrm.company.CompanyDraft;
import org.deskcrm.contact.ContactDraft;
import org.deskcrm.crm.DuplicateMatch.Reason;
import org.deskcrm.lead.LeadDraft;
import org.deskcrm.platform.db.Database;
import org.deskcrm.security.Role;
import org.deskcrm.testing.BothDatabases;
import org.junit.jupiter.api.Test;
import org.deskcrm.testing.TestWorkspace;

class EngagementAndDuplicatesTest {
    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 5, 1, 12, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void theSeedFormula() {
        assertThat(EngagementScorer.score(0, null, NOW)).isZero();
        assertThat(EngagementScorer.score(3, NOW.minusHours(5), NOW)).isEqualTo(30);
        assertThat(EngagementScorer.score(3, NOW.minusDays(2).minusHours(1), NOW)).isEqualTo(26);
        assertThat(EngagementScorer.score(14, NOW.minusDays(1), NOW)).isEqualTo(98);
        assertThat(EngagementScorer.score(2, NOW.minusDays(20), NOW)).isZero();
        assertThat(EngagementScorer.score(0, NOW.minusDays(90), NOW)).isZero();
        assertThat(EngagementScorer.score(1, NOW.plusDays(3), NOW)).isEqualTo(10);
    }

    @BothDatabases
    void loggingActivitiesUpdatesTheScoresOfCompanyAndContact(Database db) {
        var ws = new TestWorkspace(db);
        var crm = new CrmServices(db.dsl(), ws.audit, Clock.systemUTC());
        var sales = ws.as(Role.SALES);
        var company = crm.companies.create(sales, CompanyDraft.named("Engaged", sales.userId()));
        var contact = crm.contacts.create(sales, ContactDraft.named("Eve", "Engel", company.id(), sales.userId()));
        assertThat(company.engagementScore()).isZero();
        var now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        crm.activities.log(sales, new ActivityDraft(ActivityType.CALL, "Call 1", null, company.id(), contact.id(), null, null,
                now.minusDays(3), 10, "connected", false, null, null, null));
        crm.activities.log(sales, new ActivityDraft(ActivityType.MEETING, "Meeting", null, company.id(), null, null, null,
                now.minusDays(3), 60, null, false, null, null, null));
        crm.activities.log(sales, new ActivityDraft(ActivityType.EMAIL, "Old e-mail", null, company.id(), contact.id(), null,
                null, now.minusDays(45), null, null, false, null, null, null));
        // 2 activities in 30 days, latest 3 days ago: 20 - 6.
        assertThat(crm.companies.get(sales, company.id()).engagementScore()).isEqualTo(14);
        // The contact: 1 recent, latest 3 days ago: 10 - 6.
        assertThat(crm.contacts.get(sales, contact.id()).engagementScore()).isEqualTo(4);
        assertThat(crm.contacts.get(sales, contact.id()).lastContactedAt().toInstant())
                .isEqualTo(now.minusDays(3).toInstant());
    }

    @BothDatabases
    void likelyDuplicatesAreFoundByEmailPhoneAndSimilarNames(Database db) {
        var ws = new TestWorkspace(db);
        var crm = new CrmServices(db.dsl(), ws.audit, Clock.systemUTC());
        var sales = ws.as(Role.SALES);
        var acme = crm.companies.create(sales, CompanyDraft.named("Acme, Inc.", sales.userId()).with("phone", "+1 555 010 7000"));
        var robert = crm.contacts.create(sales, ContactDraft.named("Robert", "Smith", acme.id(), sales.userId())
                .with("email", "rsmith@acme.example").with("phone", "555-010-7001"));

        var sameName = crm.contacts.duplicates(sales, ContactDraft.named("Rob", "smith", acme.id(), null), null);
        assertThat(sameName).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo(robert.id());
            assertThat(m.reasons()).containsExactly(Reason.SIMILAR_NAME);
            assertThat(m.detail()).contains("Acme, Inc.");
        });
        var sameEmail = crm.contacts.duplicates(sales, ContactDraft.named("Someone", "Else", null, null)
                .with("email", "RSmith@acme.example ").with("mobile", "(555) 010-7001"), null);
        assertThat(sameEmail).singleElement().satisfies(m -> assertThat(m.reasons())
                .containsExactlyInAnyOrder(Reason.SAME_EMAIL, Reason.SAME_PHONE));
        // A different company or first name is not a duplicate; the record itself is excluded when editing.
        assertThat(crm.contacts.duplicates(sales, ContactDraft.named("Robert", "Smith", null, null), null)).isEmpty();
        assertThat(crm.contacts.duplicates(sales, ContactDraft.named("Alice", "Smith", acme.id(), null), null)).isEmpty();
        assertThat(crm.contacts.duplicates(sales, robert.fields(), robert.id())).isEmpty();

        assertThat(crm.companies.duplicates(sales, CompanyDraft.named("ACME", null), null)).extracting(DuplicateMatch::id)
                .containsExactly(acme.id());
        assertThat(crm.companies.duplicates(sales, CompanyDraft.named("Acme Industries GmbH", null), null))
                .extracting(DuplicateMatch::id).containsExactly(acme.id());
        assertThat(crm.companies.duplicates(sales, CompanyDraft.named("Acmetrics", null), null)).isEmpty();
        assertThat(crm.companies.duplicates(sales, CompanyDraft.named("Other", null).with("phone", "15550107000"), null))
                .singleElement().satisfies(m -> assertThat(m.reasons()).containsExactly(Reason.SAME_PHONE));

        var lead = crm.leads.create(sales, LeadDraft.named("Nina", "Novak", "Novak Design", sales.userId()));
        assertThat(crm.leads.duplicates(sales, LeadDraft.named("nina", "NOVAK", null, null), null)).extracting(DuplicateMatch::id)
                .containsExactly(lead.id());
        assertThat(crm.leads.duplicates(sales, LeadDraft.named("Nina", "Novak", "Other Firm", null), null)).isEmpty();
        assertThat(crm.leads.duplicates(sales, LeadDraft.named("X", null, null, null).with("email", "rsmith@acme.example"), null))
                .extracting(DuplicateMatch::entityType).containsExactly("contact");
        // Rules hide other reps' records from the duplicate check as from everything else.
        assertThat(crm.contacts.duplicates(ws.sales2, ContactDraft.named("Rob", "Smith", acme.id(), null), null)).isEmpty();
    }
}
