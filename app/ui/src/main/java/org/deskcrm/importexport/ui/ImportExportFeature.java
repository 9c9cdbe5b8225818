package org.deskcrm.importexport.ui;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javafx.scene.Node;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import org.deskcrm.audit.AuditLog;
import org.deskcrm.crm.ui.ListTools;
import org.deskcrm.importexport.ExportService;
import org.deskcrm.importexport.ImportService;
import org.deskcrm.importexport.ImportTarget;
import org.deskcrm.importexport.VCardService;
import org.deskcrm.importexport.persistence.ExportRepository;
import org.deskcrm.importexport.persistence.ImportRepository;
import org.deskcrm.security.Action;
import org.deskcrm.security.persistence.UserRepository;
import org.deskcrm.ui.i18n.Messages;
import org.deskcrm.ui.shell.FeatureModule;
import org.deskcrm.ui.shell.FileOpener;
import org.deskcrm.ui.shell.Workspace;
import org.jooq.DSLContext;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * Import and export: an "Import / Export" menu in the toolbars of the company, contact and lead
 * lists (registered with the CRM feature as its {@link ListTools}), and the import of
 * {@code .csv} and {@code .vcf} files DeskCRM is opened with ({@link FileOpener}).
 */
public final class ImportExportFeature implements FeatureModule, FileOpener, ListTools {
    private final ImportExportServices services;
    private FileDialogs dialogs = FileDialogs.SYSTEM;
    /** The lists of the signed-in session, by entity, for files opened with the app. */
    private final Map<String, ListContext> lists = new HashMap<>();

    public ImportExportFeature(DSLContext dsl, AuditLog audit, UserRepository users) {
        var exportRepo = new ExportRepository();
        var exports = new ExportService(dsl, exportRepo, audit);
        this.services = new ImportExportServices(new ImportService(dsl, new ImportRepository(), users, audit), exports,
                new VCardService(dsl, exportRepo, exports));
    }

    public ImportExportServices services() {
        return services;
    }

    /** Replaces the system file chooser (UI tests answer with prepared paths). */
    public void setFileDialogs(FileDialogs dialogs) {
        this.dialogs = Objects.requireNonNull(dialogs);
    }

    // ---------------------------------------------------------------- list toolbars

    @Override
    public List<Node> toolbarItems(ListContext context) {
        String entity = context.entity();
        Messages m = context.workspace().messages();
        var user = context.workspace().user();
        ImportTarget target = switch (entity) {
            case "contacts" -> ImportTarget.CONTACTS;
            case "companies" -> ImportTarget.COMPANIES;
            default -> null; // leads: export only (the core imports contacts and companies)
        };
        lists.put(entity, context);
        var menu = new MenuButton();
        menu.setId(entity + "-importexport");
        menu.setGraphic(new FontIcon(Material2AL.IMPORT_EXPORT));
        // Icon only, like the columns and custom-fields buttons beside it: the toolbar must fit narrow windows.
        menu.setTooltip(new javafx.scene.control.Tooltip(m.get("importexport.menu")));
        menu.setAccessibleText(m.get("importexport.menu"));
        menu.setMinWidth(Region.USE_PREF_SIZE);
        List<MenuItem> items = new ArrayList<>();
        boolean mayImport = target != null && ImportWizardViewModel.mayImport(user, target);
        if (target != null) {
            var csv = new MenuItem(m.get("importexport.importCsv"));
            csv.setId(entity + "-import-csv");
            csv.setDisable(!mayImport);
            csv.setOnAction(e -> chooseAndImport(context, target, false));
            items.add(csv);
            if (target == ImportTarget.CONTACTS) {
                var vcf = new MenuItem(m.get("importexport.importVcard"));
                vcf.setId(entity + "-import-vcard");
                vcf.setDisable(!mayImport);
                vcf.setOnAction(e -> chooseAndImport(context, target, true));
                items.add(vcf);
            }
            items.add(new SeparatorMenuItem());
        }
        boolean mayExport = ExportViewModel.mayExport(user, entity);
        var export = new MenuItem(m.get("importexport.export"));
        export.setId(entity + "-export");
        export.setDisable(!mayExport);
        export.setOnAction(e -> openExport(context));
        items.add(export);
        menu.getItems().setAll(items);
        menu.setDisable(!mayImport && !mayExport);
        return List.of(menu);
    }

    private void chooseAndImport(ListContext context, ImportTarget target, boolean vcard) {
        Messages m = context.workspace().messages();
        var filters = vcard ? List.of(new FileChooser.ExtensionFilter(m.get("files.vcard"), "*.vcf", "*.vcard"))
                : List.of(new FileChooser.ExtensionFilter(m.get("files.csv"), "*.csv", "*.txt", "*.tsv"));
        Path file = dialogs.open(context.host().get().getScene().getWindow(),
                m.get("import.title." + ImportWizardViewModel.key(target)), filters);
        if (file != null) {
            openWizard(context, target, file);
        }
    }

    /** Opens the import wizard over a list with a chosen file. */
    public ImportWizardView openWizard(ListContext context, ImportTarget target, Path file) {
        Workspace ws = context.workspace();
        var vm = new ImportWizardViewModel(services, ws.user(), target, ws.tasks(), ws.messages(), context.changed());
        return ImportWizardView.show(context.host().get(), vm, ws.loader(), dialogs, file);
    }

    private void openExport(ListContext context) {
        Workspace ws = context.workspace();
        var vm = new ExportViewModel(services, ws.user(), context.entity(), ws.tasks(), ws.messages(), ws.zone());
        var list = context.list();
        var ids = list.allMatchingProperty().get() ? List.<java.util.UUID>of() : List.copyOf(list.selected());
        new ExportView(vm, ws.loader(), dialogs, list::query, ids, LocalDate.now(ws.clock().withZone(ws.zone())))
                .show(context.host().get());
    }

    // ---------------------------------------------------------------- files opened with the app

    @Override
    public boolean canOpen(Workspace workspace, Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean known = name.endsWith(".vcf") || name.endsWith(".vcard") || name.endsWith(".csv");
        return known && workspace.user().can(ImportTarget.CONTACTS.resource(), Action.READ)
                && ImportWizardViewModel.mayImport(workspace.user(), ImportTarget.CONTACTS);
    }

    @Override
    public void openFile(Workspace workspace, Path file) {
        workspace.navigator().show("contacts"); // builds the contacts list, which registers its context here
        ListContext context = lists.get("contacts");
        if (context != null && context.workspace() == workspace) {
            openWizard(context, ImportTarget.CONTACTS, file);
        }
    }
}
