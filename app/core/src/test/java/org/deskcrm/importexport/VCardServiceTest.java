package org.deskcrm.importexport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.deskcrm.db.Tables.CONTACTS;
import static org.deskcrm.db.Tables.ENTITY_TAGS;
import static org.deskcrm.db.Tables.TAGS;

import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.VCardVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.deskcrm.db.tables.records.ContactsRecord;
import org.deskcrm.importexport.persistence.ExportRepository;
import org.deskcrm.importexport.persistence.ImportRepository;
import org.deskcrm.platform.db.Database;
import org.deskcrm.platform.task.ProgressSink;
import org.deskcrm.security.Role;
import org.deskcrm.testing.BothDatabases;
import org.deskcrm.testing.TestWorkspace;
import org.jooq.DSLContext;

class VCardServiceTest {

    private static VCardService vcards(TestWorkspace ws) {
        var repo = new ExportRepository();
        return new VCardService(ws.db.dsl(), repo, new ExportService(ws.db.dsl(), repo, ws.audit));
    }

    private static ImportService imports(TestWorkspace ws) {
        return new ImportService(ws.db.dsl(), new ImportRepository(), ws.users, ws.audit);
    }

    @BothDatabases
    void aVCard30FileImportsWithThePreviewAndDuplicateHandling(Database db) {
        var ws = new TestWorkspace(db);
        var sales = ws.as(Role.SALES);
        ImportSource source = vcards(ws).source(Samples.copy("two-contacts-3.0.vcf"));
        var options = new ImportOptions(DuplicatePolicy.SKIP, null, false);
        ImportSummary preview = imports(ws).preview(sales, source, options, ProgressSink.NONE);
        assertThat(preview.created()).isEqualTo(2);
        assertThat(preview.preview()).extracting(RowResult::location).containsExactly(1L, 2L);
        imports(ws).importFile(sales, source, options, 2, ProgressSink.NONE);
        ContactsRecord marie = db.dsl().fetchOne(CONTACTS, CONTACTS.ORGANIZATION_ID.eq(ws.organizationId)
                .and(CONTACTS.EMAIL_LC.eq("marie@radium.example")));
        assertThat(marie.getFirstName()).isEqualTo("Marie");
        assertThat(marie.getLastName()).isEqualTo("Curie");
        assertThat(marie.getJobTitle()).isEqualTo("Director");
        assertThat(marie.getDepartment()).isEqualTo("Physics");
        assertThat(marie.getPhone()).isEqualTo("+33 1 5555 0101");
        assertThat(marie.getMobile()).isEqualTo("+33 6 5555 0102");
        assertThat(marie.getCity()).isEqualTo("Paris");
        assertThat(marie.getBirthday()).isEqualTo(LocalDate.of(1867, 11, 7));
        assertThat(marie.getNotes()).isEqualTo("Two Nobel prizes.");
        assertThat(marie.getCompanyId()).isNotNull();
        assertThat(tags(db.dsl(), marie.getId())).containsExactly("Nobel", "VIP");

        ImportSummary again = imports(ws).preview(sales, source, options, ProgressSink.NONE);
        assertThat(again.skipped()).isEqualTo(2);
    }

    @BothDatabases
    void roundTripThroughVCard30And40KeepsEveryField(Database db) throws Exception {
        var ws = new TestWorkspace(db);
        var source = ImportServiceTest.csv(imports(ws), Samples.copy("outlook-contacts.csv"), ImportTarget.CONTACTS);
        imports(ws).importFile(ws.admin, source, new ImportOptions(DuplicatePolicy.SKIP, null, false), -1, ProgressSink.NONE);
        List<String> original = snapshot(db.dsl(), ws.organizationId);

        for (VCardVersion version : List.of(VCardVersion.V3_0, VCardVersion.V4_0)) {
            Path file = Files.createTempDirectory("vcf").resolve("contacts.vcf");
            ExportResult result = vcards(ws).exportContacts(ws.admin, ContactExportQuery.all(), version, file, ProgressSink.NONE);
            assertThat(result.rows()).isEqualTo(2);
            List<VCard> cards = Ezvcard.parse(file).all();
            assertThat(cards).hasSize(2).allSatisfy(c -> assertThat(c.getVersion()).isEqualTo(version));
            assertThat(Files.readString(file)).contains("VERSION:" + version.getVersion());

            var other = new TestWorkspace(db);
            ImportSummary back = imports(other).importFile(other.admin, vcards(other).source(file),
                    new ImportOptions(DuplicatePolicy.SKIP, null, false), -1, ProgressSink.NONE);
            assertThat(back.created()).as(version.toString()).isEqualTo(2);
            assertThat(snapshot(db.dsl(), other.organizationId)).as(version.toString()).isEqualTo(original);
            UUID margaret = db.dsl().select(CONTACTS.ID).from(CONTACTS).where(CONTACTS.ORGANIZATION_ID.eq(other.organizationId)
                    .and(CONTACTS.EMAIL_LC.eq("margaret@apollo.example"))).fetchOne(CONTACTS.ID);
            assertThat(tags(db.dsl(), margaret)).containsExactly("Customers", "Key accounts");
        }
    }

    private static List<String> tags(DSLContext dsl, UUID contact) {
        return dsl.select(TAGS.NAME).from(TAGS).join(ENTITY_TAGS).on(ENTITY_TAGS.TAG_ID.eq(TAGS.ID))
                .where(ENTITY_TAGS.ENTITY_ID.eq(contact)).orderBy(TAGS.NAME).fetch(TAGS.NAME);
    }

    private static List<String> snapshot(DSLContext dsl, UUID org) {
        return dsl.select(CONTACTS.FIRST_NAME, CONTACTS.LAST_NAME, CONTACTS.EMAIL, CONTACTS.PHONE, CONTACTS.MOBILE,
                        CONTACTS.JOB_TITLE, CONTACTS.DEPARTMENT, CONTACTS.ADDRESS_LINE1, CONTACTS.ADDRESS_LINE2, CONTACTS.CITY,
                        CONTACTS.STATE, CONTACTS.POSTAL_CODE, CONTACTS.COUNTRY, CONTACTS.BIRTHDAY, CONTACTS.WEBSITE, CONTACTS.NOTES)
                .from(CONTACTS).where(CONTACTS.ORGANIZATION_ID.eq(org)).orderBy(CONTACTS.FULL_NAME_LC)
                .fetch().map(r -> r.formatCSV(false));
    }
}
