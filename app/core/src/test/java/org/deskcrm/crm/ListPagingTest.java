package org.deskcrm.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.deskcrm.db.Tables.COMPANIES;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.deskcrm.company.CompanyDraft;
import org.deskcrm.company.CompanyRow;
import org.deskcrm.contact.ContactDraft;
import org.deskcrm.contact.ContactRow;
import org.deskcrm.crm.persistence.UuidOrder;
import org.deskcrm.db.tables.records.CompaniesRecord;
import org.deskcrm.lead.LeadDraft;
import org.deskcrm.lead.LeadRow;
import org.deskcrm.platform.db.Database;
import org.deskcrm.platform.persistence.SyncColumns;
import org.deskcrm.security.Role;
import org.deskcrm.testing.BothDatabases;
import org.deskcrm.testing.TestWorkspace;

/** Keyset paging, search streams, filters and counts of the lists, on both databases. */
class ListPagingTest {

    private static <T> List<T> all(Function<Object, Page<T>> pageAfter) {
        List<T> rows = new ArrayList<>();
        Object cursor = null;
        int pages = 0;
        do {
            Page<T> p = pageAfter.apply(cursor);
            rows.addAll(p.rows());
            cursor = p.next();
            assertThat(++pages).as("pages").isLessThan(500);
        } while (cursor != null);
        return rows;
    }

    @BothDatabases
    void everySortKeyPagesThroughAllRowsInOrderWithTiesAndEmptyValuesLast(Database db) {
        var ws = new TestWorkspace(db);
        var crm = new CrmServices(db.dsl(), ws.audit, Clock.systemUTC());
        var admin = ws.admin;
        // 131 rows, names repeating (ties broken by id), a third without last-contacted date.
        CrmFixtures.companies(db.dsl(), ws.organizationId, admin.userId(), 131, "Beta", "alpha", "Ärger", "beta", "Zulu", "gamma");
        List<CompaniesRecord> stored = db.dsl().selectFrom(COMPANIES).where(COMPANIES.ORGANIZATION_ID.eq(ws.organizationId)).fetch();
        assertThat(stored).hasSize(131);
        for (String key : List.of("name", "last_contacted", "lead_score", "engagement", "created", "updated")) {
            for (boolean desc : List.of(false, true)) {
                var q = ListQuery.sortedBy(new SortOrder(key, desc));
                List<UUID> paged = all(c -> crm.companies.page(admin, q, c, 7)).stream().map(CompanyRow::id).toList();
                assertThat(paged).as(key + (desc ? " desc" : " asc")).hasSize(131).doesNotHaveDuplicates()
                        .containsExactlyElementsOf(expected(stored, key, desc));
            }
        }
        // Ids for "select all" follow the same order and stop at the maximum.
        var byName = ListQuery.sortedBy(SortOrder.asc("name"));
        assertThat(crm.companies.ids(admin, byName, 50)).containsExactlyElementsOf(expected(stored, "name", false).subList(0, 50));
        assertThat(crm.companies.count(admin, byName)).isEqualTo(new ListCount(131, false));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<UUID> expected(List<CompaniesRecord> rows, String key, boolean desc) {
        Function<CompaniesRecord, Comparable> k = switch (key) {
            case "name" -> CompaniesRecord::getNameLc;
            case "last_contacted" -> r -> r.getLastContactedAt() == null ? null : r.getLastContactedAt().toInstant();
            case "lead_score" -> CompaniesRecord::getLeadScore;
            case "engagement" -> CompaniesRecord::getEngagementScore;
            case "created" -> r -> r.getCreatedAt().toInstant();
            default -> r -> r.getUpdatedAt().toInstant();
        };
        Comparator<CompaniesRecord> byKey = (a, b) -> {
            Comparable x = k.apply(a);
            Comparable y = k.apply(b);
            if (x == null || y == null) {
                return x == null && y == null ? 0 : x == null ? 1 : -1; // empty values last, whatever the direction
            }
            return desc ? y.compareTo(x) : x.compareTo(y);
        };
        Comparator<CompaniesRecord> byId = Comparator.comparing(CompaniesRecord::getId, UuidOrder.UNSIGNED);
        return rows.stream().sorted(byKey.thenComparing(desc ? byId.reversed() : byId)).map(CompaniesRecord::getId).toList();
    }

    @BothDatabases
    void contactSearchChainsNameEmailPhoneCompanyAndTagMatchesWithoutDuplicates(Database db) {
        var ws = new TestWorkspace(db);
        var crm = new CrmServices(db.dsl(), ws.audit, Clock.systemUTC());
        var sales = ws.as(Role.SALES);
        var vendor = crm.tags.create(ws.admin, "Vendor", "#10B981");
        var mar = crm.companies.create(sales, CompanyDraft.named("Marlin Logistics", sales.userId()));
        var byFirst = crm.contacts.create(sales, ContactDraft.named("Mara", "Jade", null, sales.userId()));
        var byLast = crm.contacts.create(sales, ContactDraft.named("Ted", "Marsh", null, sales.userId()));
        var byEmail = crm.contacts.create(sales, ContactDraft.named("Ola", "Nordmann", null, sales.userId())
                .with("email", "mar.keting@example.org"));
        var byCompany = crm.contacts.create(sales, ContactDraft.named("Zed", "Alpha", mar.id(), sales.userId()));
        var both = crm.contacts.create(sales, ContactDraft.named("Marek", "Marsh", mar.id(), sales.userId())
                .with("email", "marek@example.org"));
        var byTag = crm.contacts.create(sales, ContactDraft.named("Uli", "Stein", null, sales.userId())
                .with("tags", Set.of(vendor.id())));
        crm.contacts.create(sales, ContactDraft.named("Nobody", "Matches", null, sales.userId()));
        var q = ListQuery.sortedBy(SortOrder.asc("name")).withSearch("MAR");
        List<UUID> found = all(c -> crm.contacts.page(sales, q, c, 2)).stream().map(ContactRow::id).toList();
        assertThat(found).containsExactly(byFirst.id(), both.id(), byLast.id(), byEmail.id(), byCompany.id());
        assertThat(crm.contacts.count(sales, q)).isEqualTo(new ListCount(5, false));
        assertThat(crm.contacts.page(sales, q.withSearch("vend"), null, 10).rows()).extracting(ContactRow::id)
                .containsExactly(byTag.id());

        crm.contacts.update(sales, byLast.id(), byLast.version(), byLast.fields().with("phone", "+44 20 7946 0018"));
        assertThat(crm.contacts.page(sales, q.withSearch("+44 20 79"), null, 10).rows()).extracting(ContactRow::id)
                .containsExactly(byLast.id());
        // Filters narrow a search too.
        var vip = crm.contacts.get(sales, both.id());
        crm.contacts.update(sales, both.id(), vip.version(), vip.fields().with("is_vip", true));
        assertThat(crm.contacts.page(sales, q.withFilter(RecordFilter.NONE.withVipOnly(true)), null, 10).rows())
                .extracting(ContactRow::id).containsExactly(both.id());
    }

    @BothDatabases
    void filtersCombineAndRecencyUsesTheLastContactedDate(Database db) {
        var ws = new TestWorkspace(db);
        var crm = new CrmServices(db.dsl(), ws.audit, Clock.systemUTC());
        var manager = ws.as(Role.MANAGER);
        var hot = crm.tags.create(ws.admin, "Hot account", "#EF4444");
        var industry = crm.companies.industries(manager).get(2);
        var a = crm.companies.create(manager, CompanyDraft.named("A-One", manager.userId()).with("status", "prospect")
                .with("industry_id", industry.id()).with("lifecycle_stage", "mql").with("tags", Set.of(hot.id())));
        var b = crm.companies.create(manager, CompanyDraft.named("B-Two", null).with("lead_quality", "hot"));
        var c = crm.companies.create(manager, CompanyDraft.named("C-Three", ws.sales2.userId()).with("status", "churned"));
        OffsetDateTime now = SyncColumns.now();
        db.dsl().update(COMPANIES).set(COMPANIES.LAST_CONTACTED_AT, now.minusDays(3)).where(COMPANIES.ID.eq(a.id())).execute();
        db.dsl().update(COMPANIES).set(COMPANIES.LAST_CONTACTED_AT, now.minusDays(45)).where(COMPANIES.ID.eq(b.id())).execute();
        var q = ListQuery.sortedBy(SortOrder.asc("name"));
        Function<RecordFilter, List<UUID>> ids = f -> crm.companies.page(manager, q.withFilter(f), null, 50).rows().stream()
                .map(CompanyRow::id).toList();
        assertThat(ids.apply(RecordFilter.NONE)).containsExactly(a.id(), b.id(), c.id());
        assertThat(ids.apply(RecordFilter.NONE.withStatuses(Set.of("prospect", "churned")))).containsExactly(a.id(), c.id());
        assertThat(ids.apply(RecordFilter.NONE.withOwner(OwnerFilter.MINE))).containsExactly(a.id());
        assertThat(ids.apply(RecordFilter.NONE.withOwner(OwnerFilter.UNASSIGNED))).containsExactly(b.id());
        assertThat(ids.apply(RecordFilter.NONE.withOwner(OwnerFilter.user(ws.sales2.userId())))).containsExactly(c.id());
        assertThat(ids.apply(RecordFilter.NONE.withIndustryIds(Set.of(industry.id())))).containsExactly(a.id());
        assertThat(ids.apply(RecordFilter.NONE.withLifecycleStages(Set.of("mql")))).containsExactly(a.id());
        assertThat(ids.apply(RecordFilter.NONE.withTagIds(Set.of(hot.id())))).containsExactly(a.id());
        assertThat(ids.apply(RecordFilter.NONE.withQualities(Set.of("hot")))).containsExactly(b.id());
        assertThat(ids.apply(RecordFilter.NONE.withLastContacted(Recency.WITHIN_7_DAYS))).containsExactly(a.id());
        assertThat(ids.apply(RecordFilter.NONE.withLastContacted(Recency.OVER_30_DAYS))).containsExactly(b.id());
        assertThat(ids.apply(RecordFilter.NONE.withLastContacted(Recency.NEVER))).containsExactly(c.id());
        assertThat(crm.companies.count(manager, q.withFilter(RecordFilter.NONE.withOwner(OwnerFilter.MINE))).value()).isEqualTo(1);
        // The sales rep sees unassigned companies and their own, not sales2's.
        assertThat(crm.companies.page(ws.as(Role.SALES), q, null, 50).rows()).extracting(CompanyRow::id).containsExactly(b.id());
    }

    @BothDatabases
    void leadsPageBySortAndSearchByCompanyName(Database db) {
        var ws = new TestWorkspace(db);
        var crm = new CrmServices(db.dsl(), ws.audit, Clock.systemUTC());
        var sales = ws.as(Role.SALES);
        Set<UUID> created = new HashSet<>();
        for (int i = 0; i < 23; i++) {
            created.add(crm.leads.create(sales, LeadDraft.named("Lead" + (i % 4), "N" + i, i % 2 == 0 ? "Orbit Labs" : null,
                    sales.userId()).with("score", i * 3)).id());
        }
        var byScore = ListQuery.sortedBy(SortOrder.desc("score"));
        List<LeadRow> rows = all(c -> crm.leads.page(sales, byScore, c, 5));
        assertThat(rows).extracting(LeadRow::id).containsExactlyInAnyOrderElementsOf(created);
        assertThat(rows).extracting(LeadRow::score).isSortedAccordingTo(Comparator.reverseOrder());
        var byCompany = ListQuery.sortedBy(SortOrder.asc("company"));
        List<LeadRow> companyOrder = all(c -> crm.leads.page(sales, byCompany, c, 4));
        assertThat(companyOrder).hasSize(23);
        assertThat(companyOrder.subList(0, 12)).allMatch(r -> "Orbit Labs".equals(r.companyName()));
        assertThat(companyOrder.subList(12, 23)).allMatch(r -> r.companyName() == null);
        assertThat(crm.leads.page(sales, byScore.withSearch("orbit"), null, 50).rows()).hasSize(12);
        assertThat(crm.leads.count(ws.sales2, byScore).value()).isZero();
    }
}
