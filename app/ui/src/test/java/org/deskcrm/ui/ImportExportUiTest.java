package org.deskcrm.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.deskcrm.db.Tables.CONTACTS;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TableView;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.deskcrm.app.AppDriver;
import org.deskcrm.importexport.RowOutcome;
import org.deskcrm.importexport.RowResult;
import org.deskcrm.importexport.ui.FileDialogs;
import org.deskcrm.importexport.ui.ImportExportFeature;
import org.deskcrm.importexport.ui.ImportWizardViewModel.ColumnChoice;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Import and export in the real app (headless): a CSV with a bad row is refused whole, then
 * imported without it (the bad row reported with its line number and reason, the good rows in
 * the contacts list); the filtered list exported to CSV; and a vCard export read back by the
 * import. The system file chooser cannot be driven headless, so the test answers it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImportExportUiTest {
    private AppDriver app;
    private Path dir;
    private final AtomicReference<Path> nextOpen = new AtomicReference<>();
    private final AtomicReference<Path> nextSave = new AtomicReference<>();

    @BeforeAll
    void start() throws Exception {
        app = AppDriver.start("--demo", "1");
        app.waitFor("#status-user", 120);
        dir = Files.createTempDirectory(app.dataDir(), "files-");
        var feature = app.app().context().features.stream().filter(ImportExportFeature.class::isInstance)
                .map(ImportExportFeature.class::cast).findFirst().orElseThrow();
        feature.setFileDialogs(new FileDialogs() {
            @Override
            public Path open(Window owner, String title, List<FileChooser.ExtensionFilter> filters) {
                return nextOpen.getAndSet(null);
            }

            @Override
            public Path save(Window owner, String title, String initialName, List<FileChooser.ExtensionFilter> filters) {
                return nextSave.getAndSet(null);
            }
        });
        app.robot().clickOn("#nav-contacts");
        app.waitFor("#contacts-table", 60);
    }

    @AfterAll
    void stop() throws Exception {
        if (app != null) {
            app.stop();
        }
    }

    private long contactsWithEmail(String domain) {
        return app.app().context().db.dsl().fetchCount(CONTACTS, CONTACTS.EMAIL_LC.endsWith(domain).and(CONTACTS.DELETED_AT.isNull()));
    }

    private void menu(String itemText) {
        MenuButton menu = app.waitFor("#contacts-importexport", 30);
        assertThat(menu.isDisabled()).isFalse();
        app.robot().clickOn(menu);
        app.robot().clickOn(itemText);
    }

    private String text(String query) {
        return app.robot().lookup(query).queryAs(Label.class).getText();
    }

    @SuppressWarnings("unchecked")
    private <T> TableView<T> table(String query) {
        return (TableView<T>) app.robot().lookup(query).queryAs(TableView.class);
    }

    @Test
    @Order(1)
    void aCsvWithABadRowIsRefusedWholeThenImportedWithoutIt() throws Exception {
        nextOpen.set(Files.writeString(dir.resolve("engines.csv"), """
                Name,E-mail,Company,Phone
                Ada Lovelace,ada@engines.example,Analytical Engines,+44 20 7946 0000
                Charles Babbage,not-an-email,Analytical Engines,
                Mary Somerville,mary@engines.example,Analytical Engines,+44 20 7946 0002
                """));
        menu("Import from CSV file…");

        // Columns: sniffed layout and detected mapping.
        app.waitUntil(() -> table("#import-mapping").getItems().size() == 4, 60, "the columns of the file");
        assertThat(text("#import-format")).isEqualTo("Spreadsheet (plain CSV)");
        assertThat(table("#import-mapping").getItems()).extracting(c -> ((ColumnChoice) c).header())
                .containsExactly("Name", "E-mail", "Company", "Phone");
        app.robot().clickOn("#import-next");

        // Preview: the bad row and its reason, before anything is written.
        app.waitUntil(() -> text("#import-preview-summary").startsWith("3 rows"), 60, "the preview");
        assertThat(text("#import-preview-summary")).contains("2 new").contains("1 with problems");
        TableView<RowResult> preview = table("#import-preview");
        assertThat(preview.getItems()).extracting(RowResult::outcome)
                .containsExactly(RowOutcome.CREATE, RowOutcome.ERROR, RowOutcome.CREATE);
        assertThat(text("#import-preview-hint")).contains("refused");

        // All or nothing: refused.
        app.robot().clickOn("#import-run");
        app.waitUntil(() -> "Nothing was imported".equals(text("#import-result-title")), 60, "the refusal");
        TableView<RowResult> errors = table("#import-errors");
        assertThat(errors.getItems()).singleElement().satisfies(r -> {
            assertThat(r.location()).isEqualTo(3);
            assertThat(r.message()).contains("\"not-an-email\" is not a valid e-mail address");
        });
        assertThat(contactsWithEmail("@engines.example")).isZero();

        // Change options: import the other rows.
        app.robot().clickOn("#import-back");
        app.waitFor("#import-mode-skip", 30);
        app.robot().clickOn("#import-mode-skip");
        app.robot().clickOn("#import-run");
        app.waitUntil(() -> "Import finished".equals(text("#import-result-title")), 60, "the import");
        assertThat(text("#import-result")).startsWith("2 created").contains("1 rows with problems left out");
        assertThat(table("#import-errors").getItems()).extracting(r -> ((RowResult) r).location()).containsExactly(3L);
        assertThat(contactsWithEmail("@engines.example")).isEqualTo(2);

        // The error report.
        Path report = dir.resolve("engines-problems.csv");
        nextSave.set(report);
        app.robot().clickOn("#import-save-report");
        app.waitUntil(() -> text("#import-report-message").contains("engines-problems.csv"), 30, "the report");
        assertThat(Files.readAllLines(report).get(1)).startsWith("3,").contains("Charles Babbage,not-an-email");

        app.robot().clickOn("#import-done");
        // The good rows are in the list.
        app.type("#contacts-search", "Analytical");
        app.waitUntil(() -> table("#contacts-table").getItems().size() == 2, 60, "the imported contacts listed");
    }

    @Test
    @Order(2)
    void theFilteredListIsExportedToCsv() throws Exception {
        Path file = dir.resolve("engines-export.csv");
        nextSave.set(file);
        menu("Export…");
        app.waitFor("#export-start", 30);
        app.robot().clickOn("#export-start");
        Label result = app.waitFor("#export-result", 60);
        assertThat(result.getText()).isEqualTo("Exported 2 contacts to engines-export.csv.");
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("First name,Last name,E-mail,Phone");
        // A leading "+" could start a spreadsheet formula: the cell is written as text.
        assertThat(lines.get(1)).startsWith("Ada,Lovelace,ada@engines.example,'+44 20 7946 0000,")
                .contains("Analytical Engines");
        assertThat(lines.get(2)).startsWith("Mary,Somerville,mary@engines.example");
        app.robot().clickOn("#export-close");
    }

    @Test
    @Order(3)
    void aVCardExportReadsBackAsTheSameContacts() throws Exception {
        Path file = dir.resolve("engines.vcf");
        nextSave.set(file);
        menu("Export…");
        app.waitFor("#export-format-vcard3", 30);
        app.robot().clickOn("#export-format-vcard3");
        app.robot().clickOn("#export-start");
        app.waitUntil(() -> app.robot().lookup("#export-result").tryQuery().map(n -> n.isVisible()).orElse(false), 60,
                "the vCard export");
        String vcf = Files.readString(file);
        assertThat(vcf).contains("VERSION:3.0").contains("EMAIL;TYPE=work:ada@engines.example")
                .contains("FN:Mary Somerville");
        app.robot().clickOn("#export-close");

        nextOpen.set(file);
        menu("Import from vCard file…");
        app.waitUntil(() -> text("#import-preview-summary").startsWith("2 rows"), 60, "the vCard preview");
        assertThat(text("#import-preview-summary")).contains("0 new").contains("2 already in the CRM");
        TableView<RowResult> preview = table("#import-preview");
        assertThat(preview.getItems()).extracting(RowResult::outcome).containsOnly(RowOutcome.SKIP);
        assertThat(preview.getItems()).extracting(r -> r.values().get(org.deskcrm.importexport.ImportField.EMAIL))
                .containsExactlyInAnyOrder("ada@engines.example", "mary@engines.example");
        app.robot().clickOn("#import-close");
        assertThat(contactsWithEmail("@engines.example")).isEqualTo(2);
    }
}
