package org.deskcrm.importexport.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.deskcrm.crm.CrmServices;
import org.deskcrm.crm.ListQuery;
import org.deskcrm.crm.RecordFilter;
import org.deskcrm.crm.SortOrder;
import org.deskcrm.importexport.DuplicatePolicy;
import org.deskcrm.importexport.ImportOptions;
import org.deskcrm.importexport.ImportTarget;
import org.deskcrm.importexport.ui.ExportViewModel.Format;
import org.deskcrm.importexport.ui.ExportViewModel.Scope;
import org.deskcrm.platform.db.Database;
import org.deskcrm.platform.db.DatabaseConfig;
import org.deskcrm.platform.task.ProgressSink;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.Role;
import org.deskcrm.testing.TestDatabases;
import org.deskcrm.testing.TestWorkspace;
import org.deskcrm.ui.i18n.Messages;
import org.deskcrm.ui.task.CancellingTaskRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export sheet's view model against the real services on a real H2 database. */
class ExportViewModelTest {
    private final Messages messages = Messages.load(Locale.ENGLISH);
    private final CancellingTaskRunner tasks = new CancellingTaskRunner();
    private Database db;
    private TestWorkspace ws;
    private ImportExportServices services;
    @TempDir Path dir;

    @BeforeEach
    void setUp() throws Exception {
        db = TestDatabases.get(DatabaseConfig.Kind.H2);
        ws = new TestWorkspace(db);
        services = new ImportExportFeature(db.dsl(), ws.audit, ws.users).services();
        seed(ws.as(Role.SALES), "Name,E-mail,Company\n"
                + "Ada Lovelace,ada@engines.example,Analytical Engines\n"
                + "=HYPERLINK(\"http://evil.example\"),formula@x.example,\n");
        seed(ws.sales2, "Name,E-mail,Company\nGrace Hopper,grace@navy.example,Navy Lab\n");
    }

    private void seed(CurrentUser user, String csv) throws Exception {
        Path file = Files.writeString(Files.createTempFile(dir, "seed", ".csv"), csv);
        var imports = services.imports();
        var layout = imports.sniff(file);
        var source = new org.deskcrm.importexport.CsvImportSource(file, layout, imports.detectMapping(layout, ImportTarget.CONTACTS));
        imports.importFile(user, source, new ImportOptions(DuplicatePolicy.SKIP, null, false), -1, ProgressSink.NONE);
    }

    private ExportViewModel vm(CurrentUser user, String entity) {
        return new ExportViewModel(services, user, entity, tasks, messages, ZoneId.of("Europe/Vienna"));
    }

    private static ListQuery query(String search) {
        return new ListQuery(search, RecordFilter.NONE, SortOrder.asc("name"));
    }

    @Test
    void theListIsExportedAsTheUserMaySeeItWithFormulasNeutralised() throws Exception {
        var vm = vm(ws.as(Role.SALES), "contacts");
        Path file = dir.resolve(vm.suggestedName(LocalDate.of(2025, 3, 1)));
        assertThat(file.getFileName().toString()).isEqualTo("contacts-2025-03-01.csv");
        vm.export(query(""), List.of(), file);

        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.resultProperty().get().rows()).isEqualTo(2);
        assertThat(vm.resultTextProperty().get()).isEqualTo("Exported 2 contacts to contacts-2025-03-01.csv.");
        String csv = Files.readString(file);
        assertThat(csv).contains("ada@engines.example").contains("'=HYPERLINK").doesNotContain("grace@navy.example");

        // The manager sees the whole team.
        var manager = vm(ws.as(Role.MANAGER), "contacts");
        manager.export(query(""), List.of(), dir.resolve("team.csv"));
        assertThat(manager.resultProperty().get().rows()).isEqualTo(3);
    }

    @Test
    void theListsSearchAndTheSelectionDecideWhatIsExported() throws Exception {
        var vm = vm(ws.admin, "contacts");
        vm.export(query("grace"), List.of(), dir.resolve("search.csv"));
        assertThat(Files.readString(dir.resolve("search.csv"))).contains("Grace").doesNotContain("Ada");

        List<UUID> ids = adaId();
        vm.scopeProperty().set(Scope.SELECTED);
        vm.export(query("grace"), ids, dir.resolve("selected.csv"));
        assertThat(vm.resultProperty().get().rows()).isEqualTo(1);
        assertThat(Files.readString(dir.resolve("selected.csv"))).contains("Ada").doesNotContain("Grace");
    }

    private List<UUID> adaId() {
        var crm = new CrmServices(db.dsl(), ws.audit, java.time.Clock.systemUTC());
        return crm.contacts.search(ws.admin, "ada", 5).stream().map(c -> c.id()).toList();
    }

    @Test
    void contactsExportAsVCards() throws Exception {
        var vm = vm(ws.admin, "contacts");
        assertThat(vm.offersVCard()).isTrue();
        vm.formatProperty().set(Format.VCARD_4);
        Path file = dir.resolve(vm.suggestedName(LocalDate.of(2025, 3, 1)));
        assertThat(file.getFileName().toString()).endsWith(".vcf");
        vm.export(query(""), List.of(), file);
        String vcf = Files.readString(file);
        assertThat(vcf.split("BEGIN:VCARD", -1)).hasSize(4);
        assertThat(vcf).contains("VERSION:4.0").contains("ada@engines.example");

        var companies = vm(ws.admin, "companies");
        assertThat(companies.offersVCard()).isFalse();
        companies.formatProperty().set(Format.VCARD_3);
        companies.export(query(""), List.of(), dir.resolve("c.vcf"));
        assertThat(companies.errorProperty().get()).contains("Only contacts");
        assertThat(dir.resolve("c.vcf")).doesNotExist();
    }

    @Test
    void companiesAndLeadsExportToo() throws Exception {
        var companies = vm(ws.admin, "companies");
        companies.export(query(""), List.of(), dir.resolve("companies.csv"));
        assertThat(companies.resultProperty().get().rows()).isEqualTo(2);
        assertThat(Files.readString(dir.resolve("companies.csv"))).contains("Analytical Engines").contains("Navy Lab");

        var leads = vm(ws.admin, "leads");
        leads.export(query(""), List.of(), dir.resolve("leads.csv"));
        assertThat(leads.resultProperty().get().rows()).isZero();
        assertThat(leads.resultTextProperty().get()).contains("0 leads");
    }

    @Test
    void cancellingLeavesNoFileAndExportNeedsThePermission() throws Exception {
        var vm = vm(ws.admin, "contacts");
        tasks.cancelNext();
        vm.export(query(""), List.of(), dir.resolve("cancelled.csv"));
        assertThat(vm.errorProperty().get()).contains("cancelled");
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(dir.resolve("cancelled.csv")).doesNotExist();

        assertThat(ExportViewModel.mayExport(ws.as(Role.VIEWER), "contacts")).isFalse();
        assertThat(ExportViewModel.mayExport(ws.as(Role.SALES), "leads")).isTrue();
        var viewer = vm(ws.as(Role.VIEWER), "contacts");
        viewer.export(query(""), List.of(), dir.resolve("viewer.csv"));
        assertThat(viewer.errorProperty().get()).isNotBlank();
        assertThat(dir.resolve("viewer.csv")).doesNotExist();
    }
}
