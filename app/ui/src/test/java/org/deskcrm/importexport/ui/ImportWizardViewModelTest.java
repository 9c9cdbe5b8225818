package org.deskcrm.importexport.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.deskcrm.db.Tables.CONTACTS;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.deskcrm.importexport.DuplicatePolicy;
import org.deskcrm.importexport.ImportField;
import org.deskcrm.importexport.ImportTarget;
import org.deskcrm.importexport.RowOutcome;
import org.deskcrm.importexport.RowResult;
import org.deskcrm.importexport.SourceFormat;
import org.deskcrm.importexport.ui.ImportWizardViewModel.ColumnChoice;
import org.deskcrm.importexport.ui.ImportWizardViewModel.Outcome;
import org.deskcrm.importexport.ui.ImportWizardViewModel.Step;
import org.deskcrm.platform.db.Database;
import org.deskcrm.platform.db.DatabaseConfig;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.Role;
import org.deskcrm.testing.TestDatabases;
import org.deskcrm.testing.TestWorkspace;
import org.deskcrm.ui.i18n.Messages;
import org.deskcrm.ui.task.CancellingTaskRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import wizard's view model against the real services on a real H2 database. */
class ImportWizardViewModelTest {
    private static final String CSV = """
            Name,E-mail,Company,Phone
            Ada Lovelace,ada@engines.example,Analytical Engines,+44 20 7946 0000
            Bad Row,not-an-email,Analytical Engines,
            Grace Hopper,grace@navy.example,Navy Lab,+1 202 555 0101
            """;

    private final Messages messages = Messages.load(Locale.ENGLISH);
    private final CancellingTaskRunner tasks = new CancellingTaskRunner();
    private Database db;
    private TestWorkspace ws;
    private ImportExportServices services;
    private final List<String> reloads = new ArrayList<>();
    @TempDir Path dir;

    @BeforeEach
    void setUp() {
        db = TestDatabases.get(DatabaseConfig.Kind.H2);
        ws = new TestWorkspace(db);
        services = new ImportExportFeature(db.dsl(), ws.audit, ws.users).services();
    }

    private ImportWizardViewModel wizard(CurrentUser user, ImportTarget target) {
        return new ImportWizardViewModel(services, user, target, tasks, messages, () -> reloads.add("reload"));
    }

    private int contacts() {
        return db.dsl().fetchCount(CONTACTS, CONTACTS.ORGANIZATION_ID.eq(ws.organizationId).and(CONTACTS.DELETED_AT.isNull()));
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void aBadRowRefusesTheWholeFileUnlessTheUserChoosesToImportTheOthers() throws Exception {
        var vm = wizard(ws.as(Role.SALES), ImportTarget.CONTACTS);
        vm.open(write("people.csv", CSV));

        assertThat(vm.stepProperty().get()).isEqualTo(Step.COLUMNS);
        assertThat(vm.formatProperty().get()).isEqualTo(SourceFormat.PLAIN);
        assertThat(vm.delimiterProperty().get()).isEqualTo(',');
        assertThat(vm.columns()).extracting(ColumnChoice::header).containsExactly("Name", "E-mail", "Company", "Phone");
        assertThat(vm.columns()).extracting(c -> c.fieldProperty().get())
                .containsExactly(ImportField.FULL_NAME, ImportField.EMAIL, ImportField.COMPANY, ImportField.PHONE);
        assertThat(vm.columns().get(1).samples()).contains("ada@engines.example").contains("not-an-email");
        assertThat(vm.mappingProblemProperty().get()).isEmpty();

        vm.next();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.PREVIEW);
        var preview = vm.previewProperty().get();
        assertThat(preview.rows()).isEqualTo(3);
        assertThat(preview.created()).isEqualTo(2);
        assertThat(preview.failed()).isEqualTo(1);
        assertThat(vm.previewRows()).extracting(RowResult::outcome)
                .containsExactly(RowOutcome.CREATE, RowOutcome.ERROR, RowOutcome.CREATE);
        assertThat(vm.previewTextProperty().get()).contains("3 rows").contains("2 new").contains("1 with problems");
        assertThat(vm.previewHintProperty().get()).contains("refused");
        assertThat(contacts()).isZero();

        // All or nothing (the default): refused, nothing written, the bad row with its line and reason.
        vm.startImport();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.RESULT);
        assertThat(vm.outcomeProperty().get()).isEqualTo(Outcome.REFUSED);
        assertThat(vm.resultTextProperty().get()).contains("nothing was imported");
        assertThat(vm.resultErrors()).singleElement().satisfies(r -> {
            assertThat(r.location()).isEqualTo(3);
            assertThat(r.message()).contains("not-an-email").contains("not a valid e-mail");
        });
        assertThat(contacts()).isZero();
        assertThat(reloads).isEmpty();

        // Back to the options: import the good rows, report the bad one.
        vm.back();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.PREVIEW);
        vm.skipInvalidRowsProperty().set(true);
        assertThat(vm.previewHintProperty().get()).contains("left out");
        vm.startImport();
        assertThat(vm.outcomeProperty().get()).isEqualTo(Outcome.IMPORTED);
        assertThat(vm.resultProperty().get().created()).isEqualTo(2);
        assertThat(vm.resultTextProperty().get()).startsWith("2 created").contains("1 rows with problems left out");
        assertThat(vm.resultErrors()).extracting(RowResult::location).containsExactly(3L);
        assertThat(contacts()).isEqualTo(2);
        assertThat(reloads).containsExactly("reload");

        // The error report: line, reason and the row as it was.
        Path report = dir.resolve(vm.suggestedReportName());
        vm.saveErrorReport(report);
        assertThat(vm.reportMessageProperty().get()).contains("people-problems.csv");
        List<String> lines = Files.readAllLines(report);
        assertThat(lines.get(0)).endsWith("Line,Problem,Name,E-mail,Company,Phone");
        assertThat(lines.get(1)).startsWith("3,").contains("not a valid e-mail").contains("Bad Row,not-an-email");
    }

    @Test
    void theMappingScreenNeedsANameColumnAndTakesTheUsersChoices() throws Exception {
        var vm = wizard(ws.admin, ImportTarget.CONTACTS);
        vm.open(write("people.csv", CSV));
        vm.columns().getFirst().fieldProperty().set(null);
        assertThat(vm.mappingProblemProperty().get()).contains("name");
        assertThat(vm.canGoNext()).isFalse();
        vm.next();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.COLUMNS);

        vm.columns().getFirst().fieldProperty().set(ImportField.FULL_NAME);
        vm.columns().get(2).fieldProperty().set(ImportField.JOB_TITLE); // "Company" becomes the job title
        vm.columns().get(3).fieldProperty().set(null); // phone left out
        assertThat(vm.canGoNext()).isTrue();
        vm.next();
        assertThat(vm.previewRows().getFirst().values())
                .containsEntry(ImportField.JOB_TITLE, "Analytical Engines")
                .doesNotContainKeys(ImportField.PHONE, ImportField.COMPANY);
        assertThat(vm.previewProperty().get().companiesCreated()).isZero();
    }

    @Test
    void aSemicolonFileIsSniffedAndTheLayoutCanBeChanged() throws Exception {
        var vm = wizard(ws.admin, ImportTarget.CONTACTS);
        vm.open(write("semi.csv", "First name;Last name;Email\nAda;Lovelace;ada@x.example\n"));
        assertThat(vm.delimiterProperty().get()).isEqualTo(';');
        assertThat(vm.columns()).hasSize(3);

        vm.changeLayout(vm.charsetProperty().get(), ',');
        assertThat(vm.delimiterProperty().get()).isEqualTo(',');
        assertThat(vm.columns()).singleElement().satisfies(c -> assertThat(c.header()).isEqualTo("First name;Last name;Email"));
        assertThat(vm.mappingProblemProperty().get()).isNotEmpty();
    }

    @Test
    void googleAndOutlookExportsAreRecognised() throws Exception {
        var vm = wizard(ws.admin, ImportTarget.CONTACTS);
        vm.open(write("google.csv", "First Name,Last Name,E-mail 1 - Label,E-mail 1 - Value,Organization Name,Labels\n"
                + "Grace,Hopper,* Work,grace@navy.example,Navy Lab,* myContacts\n"));
        assertThat(vm.formatProperty().get()).isEqualTo(SourceFormat.GOOGLE);
        assertThat(vm.columns().get(3).fieldProperty().get()).isEqualTo(ImportField.EMAIL);
        assertThat(vm.columns().get(2).fieldProperty().get()).isNull(); // the label column is not imported

        vm.open(write("outlook.csv", "First Name,Last Name,E-mail Address,Business Phone,Company,Job Title\n"
                + "Linus,Torvalds,linus@kernel.example,+1 503 555 0177,Kernel Labs,Maintainer\n"));
        assertThat(vm.formatProperty().get()).isEqualTo(SourceFormat.OUTLOOK);
        assertThat(vm.columns().get(3).fieldProperty().get()).isEqualTo(ImportField.PHONE);
    }

    @Test
    void likelyDuplicatesShowInThePreviewAndFollowTheChosenHandling() throws Exception {
        var first = wizard(ws.admin, ImportTarget.CONTACTS);
        first.open(write("one.csv", "Name,E-mail,Job title\nAda Lovelace,ada@engines.example,Analyst\n"));
        first.next();
        first.startImport();
        assertThat(contacts()).isEqualTo(1);

        var vm = wizard(ws.admin, ImportTarget.CONTACTS);
        vm.open(write("two.csv", "Name,E-mail,Job title\nAda Lovelace,ADA@engines.example,Countess\nNew Person,new@x.example,\n"));
        vm.next();
        assertThat(vm.previewRows()).extracting(RowResult::outcome).containsExactly(RowOutcome.SKIP, RowOutcome.CREATE);
        assertThat(vm.previewRows().getFirst().message()).contains("Already in the CRM");
        vm.problemsOnlyProperty().set(true);
        assertThat(vm.previewRows()).extracting(RowResult::location).containsExactly(2L);
        vm.problemsOnlyProperty().set(false);

        vm.policyProperty().set(DuplicatePolicy.UPDATE); // the preview runs again with the new handling
        assertThat(vm.previewRows()).extracting(RowResult::outcome).containsExactly(RowOutcome.UPDATE, RowOutcome.CREATE);
        vm.startImport();
        assertThat(vm.resultProperty().get().updated()).isEqualTo(1);
        assertThat(db.dsl().select(CONTACTS.JOB_TITLE).from(CONTACTS)
                .where(CONTACTS.ORGANIZATION_ID.eq(ws.organizationId).and(CONTACTS.EMAIL_LC.eq("ada@engines.example")))
                .fetchSingle(CONTACTS.JOB_TITLE)).isEqualTo("Countess");

        vm.policyProperty().set(DuplicatePolicy.CREATE);
        assertThat(vm.stepProperty().get()).isEqualTo(Step.RESULT); // options do not change a finished import
    }

    @Test
    void aVCardFileGoesStraightToThePreviewAndImports() throws Exception {
        var vm = wizard(ws.as(Role.SALES), ImportTarget.CONTACTS);
        vm.open(write("cards.vcf", """
                BEGIN:VCARD\r
                VERSION:3.0\r
                N:Lee;Ann;;;\r
                FN:Ann Lee\r
                EMAIL;TYPE=WORK:ann@acme.example\r
                ORG:Acme Ltd\r
                END:VCARD\r
                BEGIN:VCARD\r
                VERSION:4.0\r
                N:Kay;Bo;;;\r
                FN:Bo Kay\r
                TEL;TYPE=cell:+1 555 0100\r
                END:VCARD\r
                """));
        assertThat(vm.vcardProperty().get()).isTrue();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.PREVIEW);
        assertThat(vm.formatProperty().get()).isEqualTo(SourceFormat.VCARD);
        assertThat(vm.previewProperty().get().created()).isEqualTo(2);
        vm.back();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.PREVIEW); // no columns to go back to
        vm.startImport();
        assertThat(vm.outcomeProperty().get()).isEqualTo(Outcome.IMPORTED);
        assertThat(contacts()).isEqualTo(2);
    }

    @Test
    void cancellingTheImportWritesNothing() throws Exception {
        var vm = wizard(ws.admin, ImportTarget.CONTACTS);
        vm.open(write("people.csv", CSV.replace("not-an-email", "bad@row.example")));
        vm.next();
        assertThat(vm.previewProperty().get().failed()).isZero();
        tasks.cancelNext();
        vm.startImport();
        assertThat(tasks.cancelledCount()).isEqualTo(1);
        assertThat(vm.outcomeProperty().get()).isEqualTo(Outcome.CANCELLED);
        assertThat(vm.resultTextProperty().get()).contains("Nothing was written");
        assertThat(contacts()).isZero();
        assertThat(reloads).isEmpty();
        vm.back();
        vm.startImport();
        assertThat(contacts()).isEqualTo(3);
    }

    @Test
    void importNeedsTheImportAndCreatePermissions() throws Exception {
        assertThat(ImportWizardViewModel.mayImport(ws.as(Role.SALES), ImportTarget.CONTACTS)).isTrue();
        assertThat(ImportWizardViewModel.mayImport(ws.as(Role.VIEWER), ImportTarget.CONTACTS)).isFalse();
        assertThat(ImportWizardViewModel.mayImport(ws.as(Role.SUPPORT), ImportTarget.COMPANIES)).isFalse();

        // A user without the permission who gets to the wizard anyway is refused by the service, with a message.
        var vm = wizard(ws.as(Role.VIEWER), ImportTarget.CONTACTS);
        vm.open(write("people.csv", CSV));
        vm.next();
        assertThat(vm.previewProperty().get()).isNull();
        assertThat(vm.errorProperty().get()).isNotBlank();
        assertThat(contacts()).isZero();
    }

    @Test
    void aVCardFileCannotBeImportedAsCompanies() throws Exception {
        var vm = wizard(ws.admin, ImportTarget.COMPANIES);
        vm.open(write("cards.vcf", "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Lee\r\nEND:VCARD\r\n"));
        assertThat(vm.errorProperty().get()).contains("contacts list");
        assertThat(vm.canImport()).isFalse();
    }

    @Test
    void companiesImportWithTheirOwnMapping() throws Exception {
        var vm = wizard(ws.admin, ImportTarget.COMPANIES);
        vm.open(write("companies.csv", "Company name;Domain;City\nAnalytical Engines;analytical.example;London\n"));
        assertThat(vm.columns()).extracting(c -> c.fieldProperty().get())
                .containsExactly(ImportField.NAME, ImportField.DOMAIN, ImportField.CITY);
        vm.next();
        vm.startImport();
        assertThat(vm.resultProperty().get().created()).isEqualTo(1);
    }
}
