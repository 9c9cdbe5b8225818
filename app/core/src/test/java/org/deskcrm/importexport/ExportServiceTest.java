package org.deskcrm.importexport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.deskcrm.db.Tables.AUDIT_LOG;
import static org.deskcrm.db.Tables.CONTACTS;
import static org.deskcrm.db.Tables.ENTITY_TAGS;
import static org.deskcrm.db.Tables.LEADS;
import static org.deskcrm.db.Tables.TAGS;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.deskcrm.crm.ListQuery;
import org.deskcrm.crm.OwnerFilter;
import org.deskcrm.crm.RecordFilter;
import org.deskcrm.crm.SortOrder;
import org.deskcrm.importexport.persistence.ExportRepository;
import org.deskcrm.importexport.persistence.ImportRepository;
import org.deskcrm.platform.db.Database;
import org.deskcrm.platform.id.Ids;
import org.deskcrm.platform.task.ProgressSink;
import org.deskcrm.platform.text.Normalize;
import org.deskcrm.security.AccessDeniedException;
import org.deskcrm.security.Role;
import org.deskcrm.testing.BothDatabases;
import org.deskcrm.testing.Fixtures;
import org.deskcrm.testing.TestWorkspace;
import org.jooq.DSLContext;

class ExportServiceTest {
    private static final SortOrder SORT = SortOrder.asc("name");

    static ExportService service(TestWorkspace ws) {
        return new ExportService(ws.db.dsl(), new ExportRepository(), ws.audit);
    }

    static List<CSVRecord> read(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file)) {
            if (r.read() != '\uFEFF') {
                throw new AssertionError("no BOM");
            }
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }

    static Path target(String name) throws IOException {
        return Files.createTempDirectory("deskcrm-export-").resolve(name);
    }

    private static void set(DSLContext dsl, UUID contact, String email, String status) {
        dsl.update(CONTACTS).set(CONTACTS.EMAIL, email).set(CONTACTS.EMAIL_LC, Normalize.email(email)).set(CONTACTS.STATUS, status)
                .where(CONTACTS.ID.eq(contact)).execute();
    }

    @BothDatabases
    void aSalesRepsExportNeverHoldsAnotherRepsContacts(Database db) throws Exception {
        var ws = new TestWorkspace(db);
        var dsl = db.dsl();
        var sales = ws.as(Role.SALES);
        var mine = Fixtures.company(dsl, ws.organizationId, "Mine Inc", sales.userId(), "active");
        var theirs = Fixtures.company(dsl, ws.organizationId, "Theirs Inc", ws.sales2.userId(), "active");
        var open = Fixtures.company(dsl, ws.organizationId, "Open Inc", null, "active");
        Fixtures.contact(dsl, ws.organizationId, mine, "Mia", "Mine", sales.userId());
        Fixtures.contact(dsl, ws.organizationId, open, "Olli", "Open", ws.sales2.userId());
        Fixtures.contact(dsl, ws.organizationId, null, "Sol", "Standalone", sales.userId());
        Fixtures.contact(dsl, ws.organizationId, theirs, "Tom", "Theirs", ws.sales2.userId());
        Fixtures.contact(dsl, ws.organizationId, null, "Tess", "Theirs", ws.sales2.userId());
        var other = new TestWorkspace(db); // another organization's data never leaks either
        Fixtures.contact(dsl, other.organizationId, null, "Xena", "Elsewhere", null);

        Path file = target("contacts.csv");
        ExportResult result = service(ws).exportContacts(sales, ContactExportQuery.all(), ZoneId.of("Europe/Berlin"), file,
                ProgressSink.NONE);
        List<String> names = read(file).stream().map(r -> r.get("First name") + " " + r.get("Last name")).toList();
        assertThat(names).containsExactly("Mia Mine", "Olli Open", "Sol Standalone");
        assertThat(result.rows()).isEqualTo(3);
        assertThat(read(file).get(0).get("Company")).isEqualTo("Mine Inc");

        Path all = target("all.csv");
        service(ws).exportContacts(ws.admin, ContactExportQuery.all(), ZoneId.of("UTC"), all, ProgressSink.NONE);
        assertThat(read(all)).hasSize(5);
        assertThat(dsl.select(AUDIT_LOG.USER_ID, AUDIT_LOG.NEW_VALUES).from(AUDIT_LOG)
                .where(AUDIT_LOG.ORGANIZATION_ID.eq(ws.organizationId).and(AUDIT_LOG.ACTION.eq("export"))
                        .and(AUDIT_LOG.TABLE_NAME.eq("contacts")))
                .orderBy(AUDIT_LOG.CREATED_AT).fetch().map(r -> r.value1() + " " + r.value2()))
                .hasSize(2)
                .first().satisfies(s -> assertThat(s).startsWith(sales.userId().toString()).contains("\"rows\":3")
                        .contains("\"file\":\"contacts.csv\""));

        assertThatThrownBy(() -> service(ws).exportContacts(ws.as(Role.SUPPORT), ContactExportQuery.all(), file, ProgressSink.NONE))
                .isInstanceOf(AccessDeniedException.class);
    }

    @BothDatabases
    void formulasAreNeutralisedAndFiltersApply(Database db) throws Exception {
        var ws = new TestWorkspace(db);
        var dsl = db.dsl();
        var evil = Fixtures.contact(dsl, ws.organizationId, null, "=HYPERLINK(\"http://evil.example\",\"click\")", "+Plus", null);
        dsl.update(CONTACTS).set(CONTACTS.JOB_TITLE, "@SUM(A1)").set(CONTACTS.NOTES, "-2+3").set(CONTACTS.DEPARTMENT, "\tTabbed")
                .set(CONTACTS.CITY, "\rReturn").set(CONTACTS.PHONE, "+49 30 1234").where(CONTACTS.ID.eq(evil)).execute();
        var anna = Fixtures.contact(dsl, ws.organizationId, null, "Anna", "Alpha", null);
        set(dsl, anna, "anna@alpha.example", "customer");
        var bert = Fixtures.contact(dsl, ws.organizationId, null, "Bert", "Beta", null);
        set(dsl, bert, "bert@beta.example", "lead");
        UUID vip = Ids.newId();
        dsl.insertInto(TAGS).set(TAGS.ID, vip).set(TAGS.ORGANIZATION_ID, ws.organizationId).set(TAGS.NAME, "VIP").execute();
        dsl.insertInto(ENTITY_TAGS).set(ENTITY_TAGS.TAG_ID, vip).set(ENTITY_TAGS.ENTITY_TYPE, "contact")
                .set(ENTITY_TAGS.ENTITY_ID, bert).set(ENTITY_TAGS.ORGANIZATION_ID, ws.organizationId).execute();

        Path file = target("evil.csv");
        service(ws).exportContacts(ws.admin, new ContactExportQuery("=hyp", RecordFilter.NONE, null), ZoneId.of("UTC"), file,
                ProgressSink.NONE);
        CSVRecord row = read(file).getFirst();
        assertThat(row.get("First name")).isEqualTo("'=HYPERLINK(\"http://evil.example\",\"click\")");
        assertThat(row.get("Last name")).isEqualTo("'+Plus");
        assertThat(row.get("Job title")).isEqualTo("'@SUM(A1)");
        assertThat(row.get("Notes")).isEqualTo("'-2+3");
        assertThat(row.get("Department")).isEqualTo("'\tTabbed");
        assertThat(row.get("City")).isEqualTo("'\rReturn");
        assertThat(row.get("Phone")).isEqualTo("'+49 30 1234");
        assertThat(CsvExporter.neutralize("plain")).isEqualTo("plain");

        Path bySearch = target("search.csv");
        service(ws).exportContacts(ws.admin, new ContactExportQuery("ann", RecordFilter.NONE, null), ZoneId.of("UTC"), bySearch,
                ProgressSink.NONE);
        assertThat(read(bySearch)).extracting(r -> r.get("E-mail")).containsExactly("anna@alpha.example");
        Path byStatus = target("status.csv");
        service(ws).exportContacts(ws.admin, ContactExportQuery.of(ListQuery.sortedBy(SORT).withFilter(RecordFilter.NONE.withStatuses(Set.of("lead")))), ZoneId.of("UTC"), byStatus,
                ProgressSink.NONE);
        assertThat(read(byStatus)).extracting(r -> r.get("Tags")).containsExactly("VIP");
        Path byTag = target("tag.csv");
        service(ws).exportContacts(ws.admin, new ContactExportQuery(null, RecordFilter.NONE.withTagIds(Set.of(vip)), null), ZoneId.of("UTC"), byTag,
                ProgressSink.NONE);
        assertThat(read(byTag)).extracting(r -> r.get("First name")).containsExactly("Bert");
        Path byTagSearch = target("tagsearch.csv");
        service(ws).exportContacts(ws.admin, new ContactExportQuery("vi", RecordFilter.NONE, null), ZoneId.of("UTC"), byTagSearch,
                ProgressSink.NONE);
        assertThat(read(byTagSearch)).as("search matches tag names like the list").extracting(r -> r.get("First name"))
                .containsExactly("Bert");
        Path mine = target("mine.csv");
        service(ws).exportContacts(ws.admin, new ContactExportQuery(null, RecordFilter.NONE.withOwner(OwnerFilter.MINE), null),
                ZoneId.of("UTC"), mine, ProgressSink.NONE);
        assertThat(read(mine)).isEmpty();
        Path selected = target("selected.csv");
        service(ws).exportContacts(ws.admin, ContactExportQuery.selected(List.of(anna, evil)), ZoneId.of("UTC"), selected,
                ProgressSink.NONE);
        assertThat(read(selected)).hasSize(2);
    }

    @BothDatabases
    void cancellingAnExportLeavesNoFile(Database db) throws Exception {
        var ws = new TestWorkspace(db);
        var dsl = db.dsl();
        for (int i = 0; i < 2100; i++) {
            Fixtures.contact(dsl, ws.organizationId, null, "Many", "Row " + i, null);
        }
        Path file = target("cancelled.csv");
        ProgressSink cancelSoon = new ProgressSink() {
            private long done;

            @Override
            public void update(long d, long total, String message) {
                done = d;
                assertThat(total).isEqualTo(2100);
            }

            @Override
            public boolean isCancelled() {
                return done >= 1000;
            }
        };
        assertThatThrownBy(() -> service(ws).exportContacts(ws.admin, ContactExportQuery.all(), file, cancelSoon))
                .isInstanceOf(CancellationException.class);
        try (var files = Files.list(file.getParent())) {
            assertThat(files.toList()).isEmpty();
        }
        assertThat(dsl.fetchCount(AUDIT_LOG, AUDIT_LOG.ORGANIZATION_ID.eq(ws.organizationId).and(AUDIT_LOG.ACTION.eq("export")))).isZero();
    }

    @BothDatabases
    void companiesAndLeadsExportWithTheirRules(Database db) throws Exception {
        var ws = new TestWorkspace(db);
        var dsl = db.dsl();
        var sales = ws.as(Role.SALES);
        Fixtures.company(dsl, ws.organizationId, "=Mine Corp", sales.userId(), "active");
        Fixtures.company(dsl, ws.organizationId, "Theirs Corp", ws.sales2.userId(), "active");
        for (var owner : List.of(sales.userId(), ws.sales2.userId())) {
            dsl.insertInto(LEADS).set(LEADS.ID, Ids.newId()).set(LEADS.ORGANIZATION_ID, ws.organizationId)
                    .set(LEADS.FIRST_NAME, owner.equals(sales.userId()) ? "Lena" : "Lars").set(LEADS.FULL_NAME_LC, "x")
                    .set(LEADS.OWNER_ID, owner).execute();
        }
        Path companies = target("companies.csv");
        service(ws).exportCompanies(sales, CompanyExportQuery.all(), ZoneId.of("UTC"), companies, ProgressSink.NONE);
        assertThat(read(companies)).extracting(r -> r.get("Name")).containsExactly("'=Mine Corp");
        Path leads = target("leads.csv");
        service(ws).exportLeads(sales, LeadExportQuery.all(), ZoneId.of("UTC"), leads, ProgressSink.NONE);
        assertThat(read(leads)).extracting(r -> r.get("First name")).containsExactly("Lena");
    }

    @BothDatabases
    void anExportImportsBackIntoAnotherOrganization(Database db) throws Exception {
        var ws = new TestWorkspace(db);
        var imports = new ImportService(db.dsl(), new ImportRepository(), ws.users, ws.audit);
        var source = ImportServiceTest.csv(imports, Samples.copy("google-contacts.csv"), ImportTarget.CONTACTS);
        imports.importFile(ws.admin, source, new ImportOptions(DuplicatePolicy.SKIP, null, true), -1, ProgressSink.NONE);
        Path file = target("roundtrip.csv");
        service(ws).exportContacts(ws.admin, ContactExportQuery.all(), ZoneId.of("UTC"), file, ProgressSink.NONE);

        var other = new TestWorkspace(db);
        var back = ImportServiceTest.csv(imports, file, ImportTarget.CONTACTS);
        ImportSummary summary = imports.importFile(other.admin, back, new ImportOptions(DuplicatePolicy.SKIP, null, false), -1,
                ProgressSink.NONE);
        assertThat(summary.created()).isEqualTo(3);
        List<String> before = snapshot(db.dsl(), ws.organizationId);
        assertThat(snapshot(db.dsl(), other.organizationId)).isEqualTo(before);
        assertThat(new ArrayList<>(before)).hasSize(3);
    }

    private static List<String> snapshot(DSLContext dsl, UUID org) {
        return dsl.select(CONTACTS.FIRST_NAME, CONTACTS.LAST_NAME, CONTACTS.EMAIL, CONTACTS.PHONE, CONTACTS.MOBILE,
                        CONTACTS.JOB_TITLE, CONTACTS.DEPARTMENT, CONTACTS.CITY, CONTACTS.POSTAL_CODE, CONTACTS.BIRTHDAY,
                        CONTACTS.WEBSITE, CONTACTS.NOTES)
                .from(CONTACTS).where(CONTACTS.ORGANIZATION_ID.eq(org)).orderBy(CONTACTS.FULL_NAME_LC)
                .fetch().map(r -> r.formatCSV(false));
    }
}
