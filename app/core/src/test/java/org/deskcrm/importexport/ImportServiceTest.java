package org.deskcrm.importexport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.deskcrm.db.Tables.AUDIT_LOG;
import static org.deskcrm.db.Tables.COMPANIES;
import static org.deskcrm.db.Tables.CONTACTS;
import static org.deskcrm.db.Tables.ENTITY_TAGS;
import static org.deskcrm.db.Tables.TAGS;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.deskcrm.db.tables.records.CompaniesRecord;
import org.deskcrm.db.tables.records.ContactsRecord;
import org.deskcrm.importexport.persistence.ImportRepository;
import org.deskcrm.platform.db.Database;
import org.deskcrm.platform.id.Ids;
import org.deskcrm.platform.task.ProgressSink;
import org.deskcrm.platform.text.Normalize;
import org.deskcrm.security.AccessDeniedException;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.Role;
import org.deskcrm.testing.BothDatabases;
import org.deskcrm.testing.Fixtures;
import org.deskcrm.testing.TestWorkspace;
import org.jooq.DSLContext;

class ImportServiceTest {

    static ImportService service(TestWorkspace ws) {
        return new ImportService(ws.db.dsl(), new ImportRepository(), ws.users, ws.audit);
    }

    static ImportSource csv(ImportService service, Path file, ImportTarget target) {
        CsvLayout layout = service.sniff(file);
        return new CsvImportSource(file, layout, service.detectMapping(layout, target));
    }

    private static ContactsRecord contact(DSLContext dsl, TestWorkspace ws, String email) {
        return dsl.selectFrom(CONTACTS).where(CONTACTS.ORGANIZATION_ID.eq(ws.organizationId)
                .and(CONTACTS.EMAIL_LC.eq(email))).fetchOne();
    }

    private static int count(DSLContext dsl, org.jooq.Table<?> table, org.jooq.Field<java.util.UUID> org, TestWorkspace ws) {
        return dsl.fetchCount(table, org.eq(ws.organizationId));
    }

    private static List<String> importAudits(DSLContext dsl, TestWorkspace ws) {
        return dsl.select(AUDIT_LOG.NEW_VALUES).from(AUDIT_LOG)
                .where(AUDIT_LOG.ORGANIZATION_ID.eq(ws.organizationId).and(AUDIT_LOG.ACTION.eq("import")))
                .fetch(AUDIT_LOG.NEW_VALUES);
    }

    @BothDatabases
    void googleExportWithABadRowIsRefusedWholeUnlessTheUserSkipsIt(Database db) throws Exception {
        var ws = new TestWorkspace(db);
        var sales = ws.as(Role.SALES);
        var service = service(ws);
        var source = csv(service, Samples.copy("google-contacts.csv"), ImportTarget.CONTACTS);

        ImportSummary preview = service.preview(sales, source, new ImportOptions(DuplicatePolicy.SKIP, null, false), ProgressSink.NONE);
        assertThat(preview.rows()).isEqualTo(4);
        assertThat(preview.created()).isEqualTo(3);
        assertThat(preview.companiesCreated()).isEqualTo(2);
        assertThat(preview.tagsCreated()).isEqualTo(2);
        assertThat(preview.errors()).singleElement().satisfies(e -> {
            assertThat(e.location()).isEqualTo(5);
            assertThat(e.message()).contains("not-an-email").contains("not a valid e-mail");
        });
        assertThat(preview.committed()).isFalse();
        assertThat(count(db.dsl(), CONTACTS, CONTACTS.ORGANIZATION_ID, ws)).isZero();

        assertThatThrownBy(() -> service.importFile(sales, source, new ImportOptions(DuplicatePolicy.SKIP, null, false), 4,
                ProgressSink.NONE))
                .isInstanceOf(ImportRejectedException.class)
                .hasMessageContaining("1 row has an error")
                .satisfies(e -> assertThat(((ImportRejectedException) e).summary().errors()).hasSize(1));
        assertThat(count(db.dsl(), CONTACTS, CONTACTS.ORGANIZATION_ID, ws)).isZero();
        assertThat(count(db.dsl(), COMPANIES, COMPANIES.ORGANIZATION_ID, ws)).isZero();
        assertThat(count(db.dsl(), TAGS, TAGS.ORGANIZATION_ID, ws)).isZero();
        assertThat(importAudits(db.dsl(), ws)).isEmpty();

        ImportSummary done = service.importFile(sales, source, new ImportOptions(DuplicatePolicy.SKIP, null, true), 4,
                ProgressSink.NONE);
        assertThat(done.created()).isEqualTo(3);
        assertThat(done.failed()).isEqualTo(1);
        ContactsRecord grace = contact(db.dsl(), ws, "grace.hopper@navylab.example");
        assertThat(grace.getFirstName()).isEqualTo("Grace");
        assertThat(grace.getFullNameLc()).isEqualTo("grace hopper");
        assertThat(grace.getLastNameLc()).isEqualTo("hopper");
        assertThat(grace.getPhone()).isEqualTo("+1 202 555 0101");
        assertThat(grace.getPhoneDigits()).isEqualTo("12025550101");
        assertThat(grace.getMobile()).isEqualTo("+1 202 555 0199");
        assertThat(grace.getJobTitle()).isEqualTo("Rear Admiral");
        assertThat(grace.getBirthday()).isEqualTo(LocalDate.of(1906, 12, 9));
        assertThat(grace.getCity()).isEqualTo("Arlington");
        assertThat(grace.getOwnerId()).isEqualTo(sales.userId());
        assertThat(contact(db.dsl(), ws, "alan@bletchley.example").getBirthday()).isNull();
        ContactsRecord katherine = contact(db.dsl(), ws, "kjohnson@navylab.example");
        assertThat(katherine.getCompanyId()).isEqualTo(grace.getCompanyId());
        CompaniesRecord navy = db.dsl().fetchOne(COMPANIES, COMPANIES.ID.eq(grace.getCompanyId()));
        assertThat(navy.getName()).isEqualTo("Navy Computing Lab");
        assertThat(navy.getNameLc()).isEqualTo("navy computing lab");
        assertThat(navy.getOwnerId()).isEqualTo(sales.userId());
        assertThat(db.dsl().select(TAGS.NAME, TAGS.USAGE_COUNT).from(TAGS).where(TAGS.ORGANIZATION_ID.eq(ws.organizationId))
                .orderBy(TAGS.NAME).fetch().map(r -> r.value1() + "=" + r.value2())).containsExactly("Speakers=2", "VIP=1");
        assertThat(importAudits(db.dsl(), ws)).singleElement().satisfies(json -> assertThat(json)
                .contains("\"file\":\"google-contacts.csv\"").contains("\"created\":3").contains("\"failed\":1")
                .contains("\"companies_created\":2"));

        Path report = Files.createTempDirectory("report").resolve("errors.csv");
        service.writeErrorReport(source, done.errors(), report);
        List<String> lines = Files.readAllLines(report);
        assertThat(lines.get(0)).startsWith("\uFEFFLine,Problem,First Name");
        assertThat(lines.get(1)).startsWith("5,").contains("not-an-email");
    }

    @BothDatabases
    void outlookExportLandsInTheRightFields(Database db) {
        var ws = new TestWorkspace(db);
        var service = service(ws);
        var source = csv(service, Samples.copy("outlook-contacts.csv"), ImportTarget.CONTACTS);
        ImportSummary done = service.importFile(ws.admin, source, new ImportOptions(DuplicatePolicy.SKIP, ws.as(Role.MANAGER).userId(), false),
                -1, ProgressSink.NONE);
        assertThat(done.created()).isEqualTo(2);
        ContactsRecord m = contact(db.dsl(), ws, "margaret@apollo.example");
        assertThat(m.getPhone()).isEqualTo("+1 617 555 0100");
        assertThat(m.getMobile()).isEqualTo("+1 617 555 0123");
        assertThat(m.getJobTitle()).isEqualTo("Director");
        assertThat(m.getDepartment()).isEqualTo("Software Engineering");
        assertThat(m.getAddressLine1()).isEqualTo("77 Mass Ave");
        assertThat(m.getAddressLine2()).isEqualTo("Building 10");
        assertThat(m.getPostalCode()).isEqualTo("02139");
        assertThat(m.getCountry()).isEqualTo("United States");
        assertThat(m.getBirthday()).isEqualTo(LocalDate.of(1936, 8, 17));
        assertThat(m.getWebsite()).isEqualTo("https://apollo.example");
        assertThat(m.getOwnerId()).isEqualTo(ws.as(Role.MANAGER).userId());
        assertThat(db.dsl().select(TAGS.NAME).from(TAGS).join(ENTITY_TAGS).on(ENTITY_TAGS.TAG_ID.eq(TAGS.ID))
                .where(ENTITY_TAGS.ENTITY_ID.eq(m.getId())).orderBy(TAGS.NAME).fetch(TAGS.NAME))
                .containsExactly("Customers", "Key accounts");
        assertThat(contact(db.dsl(), ws, "linus@kernel.example").getBirthday()).isNull();
    }

    @BothDatabases
    void duplicatesAreSkippedUpdatedOrCreatedByEmailThenPhone(Database db) {
        var ws = new TestWorkspace(db);
        var sales = ws.as(Role.SALES);
        var dsl = db.dsl();
        var dup = Fixtures.contact(dsl, ws.organizationId, null, "Dana", "Dup", sales.userId());
        dsl.update(CONTACTS).set(CONTACTS.EMAIL, "Dup@Example.com").set(CONTACTS.EMAIL_LC, "dup@example.com")
                .set(CONTACTS.JOB_TITLE, "Engineer").set(CONTACTS.CITY, "Oslo").where(CONTACTS.ID.eq(dup)).execute();
        var byPhone = Fixtures.contact(dsl, ws.organizationId, null, "Pat", "Phone", sales.userId());
        dsl.update(CONTACTS).set(CONTACTS.PHONE, "+1 555 0100").set(CONTACTS.PHONE_DIGITS, "15550100")
                .where(CONTACTS.ID.eq(byPhone)).execute();
        var theirs = Fixtures.contact(dsl, ws.organizationId, null, "Tia", "Theirs", ws.sales2.userId());
        dsl.update(CONTACTS).set(CONTACTS.EMAIL, "theirs@example.com").set(CONTACTS.EMAIL_LC, "theirs@example.com")
                .where(CONTACTS.ID.eq(theirs)).execute();
        Path file = Samples.write("dups.csv", """
                First name,Last name,E-mail,Phone,Job title,City
                Dana,Dup,DUP@example.com,,CTO,
                Pat,Phone,,(1) 555-0100,Buyer,Bergen
                Nina,New,new@example.com,,,
                Tia,Theirs,theirs@example.com,,,
                """);
        var service = service(ws);
        var source = csv(service, file, ImportTarget.CONTACTS);

        ImportSummary skip = service.preview(sales, source, new ImportOptions(DuplicatePolicy.SKIP, null, false), ProgressSink.NONE);
        assertThat(skip.created()).isEqualTo(1);
        assertThat(skip.skipped()).isEqualTo(3);
        assertThat(skip.failed()).isZero();
        assertThat(skip.preview()).extracting(RowResult::location, RowResult::outcome, RowResult::matchedId).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2L, RowOutcome.SKIP, dup),
                org.assertj.core.groups.Tuple.tuple(3L, RowOutcome.SKIP, byPhone),
                org.assertj.core.groups.Tuple.tuple(4L, RowOutcome.CREATE, null),
                org.assertj.core.groups.Tuple.tuple(5L, RowOutcome.SKIP, theirs));

        ImportSummary create = service.preview(sales, source, new ImportOptions(DuplicatePolicy.CREATE, null, false), ProgressSink.NONE);
        assertThat(create.created()).isEqualTo(2);
        assertThat(create.errors()).extracting(RowResult::location).containsExactly(2L, 5L);
        assertThat(create.errors().get(0).message()).contains("already has the e-mail address");

        ImportSummary update = service.importFile(sales, source, new ImportOptions(DuplicatePolicy.UPDATE, null, true), 4,
                ProgressSink.NONE);
        assertThat(update.updated()).isEqualTo(2);
        assertThat(update.created()).isEqualTo(1);
        assertThat(update.errors()).singleElement().satisfies(e -> {
            assertThat(e.location()).isEqualTo(5);
            assertThat(e.message()).contains("may not change");
        });
        ContactsRecord d = dsl.fetchOne(CONTACTS, CONTACTS.ID.eq(dup));
        assertThat(d.getJobTitle()).isEqualTo("CTO");
        assertThat(d.getCity()).as("a blank cell never erases data").isEqualTo("Oslo");
        assertThat(d.getEmail()).isEqualTo("DUP@example.com");
        assertThat(d.getVersion()).isEqualTo(2L);
        ContactsRecord p = dsl.fetchOne(CONTACTS, CONTACTS.ID.eq(byPhone));
        assertThat(p.getJobTitle()).isEqualTo("Buyer");
        assertThat(p.getCity()).isEqualTo("Bergen");
        assertThat(dsl.fetchOne(CONTACTS, CONTACTS.ID.eq(theirs)).getVersion()).isEqualTo(1L);
    }

    @BothDatabases
    void cancellingHalfWayLeavesNothingBehind(Database db) {
        var ws = new TestWorkspace(db);
        StringBuilder csv = new StringBuilder("First name,Last name,E-mail,Company,Tags\n");
        for (int i = 0; i < 4500; i++) {
            csv.append("Person,").append(i).append(",p").append(i).append("@cancel.example,Company ").append(i % 7)
                    .append(",Cancelled\n");
        }
        var service = service(ws);
        var source = csv(service, Samples.write("cancel.csv", csv.toString()), ImportTarget.CONTACTS);
        AtomicInteger updates = new AtomicInteger();
        ProgressSink cancelAfterTwoChunks = new ProgressSink() {
            @Override
            public void update(long done, long total, String message) {
                updates.incrementAndGet();
            }

            @Override
            public boolean isCancelled() {
                return updates.get() >= 3;
            }
        };
        assertThatThrownBy(() -> service.importFile(ws.admin, source, new ImportOptions(DuplicatePolicy.SKIP, null, false),
                4500, cancelAfterTwoChunks)).isInstanceOf(CancellationException.class);
        assertThat(updates.get()).isGreaterThanOrEqualTo(3);
        assertThat(count(db.dsl(), CONTACTS, CONTACTS.ORGANIZATION_ID, ws)).isZero();
        assertThat(count(db.dsl(), COMPANIES, COMPANIES.ORGANIZATION_ID, ws)).isZero();
        assertThat(count(db.dsl(), TAGS, TAGS.ORGANIZATION_ID, ws)).isZero();
        assertThat(importAudits(db.dsl(), ws)).isEmpty();
    }

    @BothDatabases
    void tenThousandRowsImportInOneGoWithSearchKeysCompaniesTagsAndOneAuditRow(Database db) {
        var ws = new TestWorkspace(db);
        var sales = ws.as(Role.SALES);
        StringBuilder csv = new StringBuilder("First name,Last name,E-mail,Phone,Company,Tags\n");
        for (int i = 0; i < 10_000; i++) {
            csv.append("Émile").append(',').append("Zola ").append(i).append(',').append("Emile.").append(i)
                    .append("@Bulk.Example,+33 1 ").append(String.format("%06d", i)).append(",Maison ").append(i % 250)
                    .append(',').append(i % 2 == 0 ? "Even" : "Odd; Bulk").append('\n');
        }
        var service = service(ws);
        var source = csv(service, Samples.write("bulk.csv", csv.toString()), ImportTarget.CONTACTS);
        ImportSummary preview = service.preview(sales, source, new ImportOptions(DuplicatePolicy.SKIP, null, false), ProgressSink.NONE);
        assertThat(preview.created()).isEqualTo(10_000);
        assertThat(preview.preview()).hasSize(ImportJob.PREVIEW_ROWS);
        ImportSummary done = service.importFile(sales, source, new ImportOptions(DuplicatePolicy.SKIP, ws.admin.userId(), false),
                preview.rows(), ProgressSink.NONE);
        assertThat(done.created()).isEqualTo(10_000);
        assertThat(done.companiesCreated()).isEqualTo(250);
        var dsl = db.dsl();
        assertThat(dsl.fetchCount(CONTACTS, CONTACTS.ORGANIZATION_ID.eq(ws.organizationId).and(CONTACTS.OWNER_ID.eq(sales.userId()))))
                .as("sales reps own what they import").isEqualTo(10_000);
        assertThat(count(dsl, COMPANIES, COMPANIES.ORGANIZATION_ID, ws)).isEqualTo(250);
        ContactsRecord one = contact(dsl, ws, "emile.1234@bulk.example");
        assertThat(one.getFullNameLc()).isEqualTo(Normalize.fullName("Émile", "Zola 1234")).isEqualTo("emile zola 1234");
        assertThat(one.getPhoneDigits()).isEqualTo("331001234");
        assertThat(dsl.select(COMPANIES.NAME).from(COMPANIES).where(COMPANIES.ID.eq(one.getCompanyId())).fetchOne(COMPANIES.NAME))
                .isEqualTo("Maison 234");
        assertThat(dsl.select(TAGS.NAME, TAGS.USAGE_COUNT).from(TAGS).where(TAGS.ORGANIZATION_ID.eq(ws.organizationId))
                .orderBy(TAGS.NAME).fetch().map(r -> r.value1() + "=" + r.value2())).containsExactly("Bulk=5000", "Even=5000", "Odd=5000");
        assertThat(importAudits(dsl, ws)).hasSize(1);
        assertThat(dsl.fetchCount(AUDIT_LOG, AUDIT_LOG.ORGANIZATION_ID.eq(ws.organizationId).and(AUDIT_LOG.TABLE_NAME.eq("contacts"))))
                .as("one audit row per import, not per row").isEqualTo(1);

        // Importing the same file again only finds duplicates.
        ImportSummary again = service.preview(sales, source, new ImportOptions(DuplicatePolicy.SKIP, null, false), ProgressSink.NONE);
        assertThat(again.skipped()).isEqualTo(10_000);
        assertThat(again.companiesCreated()).isZero();
    }

    @BothDatabases
    void importNeedsThePermissionAndOwnersFollowTheRules(Database db) {
        var ws = new TestWorkspace(db);
        var service = service(ws);
        var source = csv(service, Samples.copy("plain-contacts.csv"), ImportTarget.CONTACTS);
        var options = new ImportOptions(DuplicatePolicy.SKIP, null, true);
        assertThatThrownBy(() -> service.preview(ws.as(Role.VIEWER), source, options, ProgressSink.NONE))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.importFile(ws.as(Role.SUPPORT), source, options, -1, ProgressSink.NONE))
                .isInstanceOf(AccessDeniedException.class);
        CurrentUser manager = ws.as(Role.MANAGER);
        assertThatThrownBy(() -> service.importFile(manager, source, new ImportOptions(DuplicatePolicy.SKIP, ws.admin.userId(), true),
                -1, ProgressSink.NONE)).isInstanceOf(AccessDeniedException.class);
        assertThat(service.assignableOwners(ws.as(Role.SALES)).keySet()).containsExactly(ws.as(Role.SALES).userId());
        assertThat(service.assignableOwners(manager).keySet())
                .contains(manager.userId(), ws.as(Role.SALES).userId(), ws.sales2.userId())
                .doesNotContain(ws.admin.userId());

        ImportSummary done = service.importFile(manager, source, new ImportOptions(DuplicatePolicy.SKIP, ws.sales2.userId(), true),
                -1, ProgressSink.NONE);
        assertThat(done.created()).isEqualTo(3);
        assertThat(done.errors()).singleElement().satisfies(e -> assertThat(e.message()).isEqualTo("The row has no name."));
        ContactsRecord ada = contact(db.dsl(), ws, "ada@analytical.example");
        assertThat(ada.getFirstName()).isEqualTo("Ada");
        assertThat(ada.getLastName()).isEqualTo("Lovelace");
        assertThat(ada.getOwnerId()).isEqualTo(ws.sales2.userId());
    }

    @BothDatabases
    void companiesImportMatchesIndustriesAndUpdatesByName(Database db) {
        var ws = new TestWorkspace(db);
        var existing = Fixtures.company(db.dsl(), ws.organizationId, "Analytical Engines", null, "active");
        var service = service(ws);
        var source = csv(service, Samples.copy("plain-companies.csv"), ImportTarget.COMPANIES);
        ImportSummary done = service.importFile(ws.admin, source, new ImportOptions(DuplicatePolicy.UPDATE, null, true), -1,
                ProgressSink.NONE);
        assertThat(done.updated()).isEqualTo(1);
        assertThat(done.created()).isEqualTo(1);
        assertThat(done.errors()).singleElement().satisfies(e -> {
            assertThat(e.location()).isEqualTo(4);
            assertThat(e.message()).contains("Unknown industry \"Bakery\"");
        });
        CompaniesRecord ae = db.dsl().fetchOne(COMPANIES, COMPANIES.ID.eq(existing));
        assertThat(ae.getDomain()).isEqualTo("analytical.example");
        assertThat(ae.getCompanySize()).isEqualTo("11-50");
        assertThat(ae.getAnnualRevenue()).isEqualByComparingTo("1250000");
        assertThat(ae.getIndustryId()).isNotNull();
        assertThat(ae.getVersion()).isEqualTo(2L);
        CompaniesRecord fh = db.dsl().fetchOne(COMPANIES, COMPANIES.ORGANIZATION_ID.eq(ws.organizationId)
                .and(COMPANIES.NAME_LC.eq("frequency hopping inc.")));
        assertThat(fh.getCompanySize()).isEqualTo("11-50");
        assertThat(fh.getCountry()).isEqualTo("Austria");
        assertThat(fh.getOwnerId()).isEqualTo(ws.admin.userId());
        assertThat(importAudits(db.dsl(), ws)).singleElement().satisfies(j -> assertThat(j).contains("\"updated\":1"));
        assertThat(Ids.newId()).isNotNull();
    }
}
