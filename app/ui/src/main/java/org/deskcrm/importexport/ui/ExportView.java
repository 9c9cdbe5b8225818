package org.deskcrm.importexport.ui;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.deskcrm.crm.ListQuery;
import org.deskcrm.crm.ui.Sheet;
import org.deskcrm.importexport.ui.ExportViewModel.Format;
import org.deskcrm.importexport.ui.ExportViewModel.Scope;
import org.deskcrm.ui.fx.View;
import org.deskcrm.ui.fx.ViewLoader;
import org.deskcrm.ui.i18n.Messages;

/**
 * The export sheet over a list: format (CSV, or vCard for contacts), what to export (the list as
 * filtered, or the selected rows), then the file, progress with cancel, and the result.
 */
public final class ExportView implements View {
    private final ExportViewModel vm;
    private final Messages messages;
    private final FileDialogs dialogs;
    private final Supplier<ListQuery> query;
    private final List<UUID> selected;
    private final LocalDate today;
    private final Parent root;
    private Sheet sheet;

    @FXML private VBox formatBox;
    @FXML private RadioButton formatCsv;
    @FXML private RadioButton formatVcard3;
    @FXML private RadioButton formatVcard4;
    @FXML private RadioButton scopeList;
    @FXML private RadioButton scopeSelected;
    @FXML private Label scopeHint;
    @FXML private HBox progressBox;
    @FXML private ProgressBar progressBar;
    @FXML private Label progressText;
    @FXML private Label resultLabel;
    @FXML private Label errorLabel;

    /**
     * @param query the list's current query (search and filters)
     * @param selected the ids selected in the list (may be empty)
     */
    public ExportView(ExportViewModel vm, ViewLoader loader, FileDialogs dialogs, Supplier<ListQuery> query, List<UUID> selected,
            LocalDate today) {
        this.vm = vm;
        this.messages = loader.messages();
        this.dialogs = dialogs;
        this.query = query;
        this.selected = List.copyOf(selected);
        this.today = today;
        this.root = loader.load(this);
        root.getStylesheets().add(ExportView.class.getResource("importexport.css").toExternalForm());
    }

    @FXML
    private void initialize() {
        var formats = new ToggleGroup();
        formatCsv.setToggleGroup(formats);
        formatVcard3.setToggleGroup(formats);
        formatVcard4.setToggleGroup(formats);
        formatCsv.setUserData(Format.CSV);
        formatVcard3.setUserData(Format.VCARD_3);
        formatVcard4.setUserData(Format.VCARD_4);
        formatCsv.setSelected(true);
        formats.selectedToggleProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.formatProperty().set((Format) b.getUserData());
            }
        });
        for (var v : List.of(formatVcard3, formatVcard4)) {
            v.setVisible(vm.offersVCard());
            v.setManaged(vm.offersVCard());
        }
        var scopes = new ToggleGroup();
        scopeList.setToggleGroup(scopes);
        scopeSelected.setToggleGroup(scopes);
        scopeList.setText(messages.get("export.scope.list." + vm.entity()));
        scopeSelected.setText(messages.get("export.scope.selected", selected.size()));
        scopeSelected.setDisable(selected.isEmpty());
        boolean sel = !selected.isEmpty();
        scopeSelected.setSelected(sel);
        scopeList.setSelected(!sel);
        vm.scopeProperty().set(sel ? Scope.SELECTED : Scope.LIST);
        scopes.selectedToggleProperty().addListener((o, a, b) -> vm.scopeProperty().set(b == scopeSelected ? Scope.SELECTED : Scope.LIST));
        scopeHint.setText(messages.get("export.scope.hint"));
    }

    /** Shows the export sheet over {@code host}. */
    public void show(StackPane host) {
        sheet = new Sheet(host, messages.get("export.title." + vm.entity()), root, 520);
        var close = sheet.addButton(messages.get("common.close"), "export-close", false, sheet::close);
        close.setCancelButton(true);
        var cancel = sheet.addButton(messages.get("import.cancelRun"), "export-cancel", false, vm::cancel);
        var start = sheet.addButton(messages.get("export.start"), "export-start", true, this::chooseAndExport);
        cancel.visibleProperty().bind(vm.busyProperty());
        cancel.managedProperty().bind(vm.busyProperty());
        cancel.disableProperty().bind(vm.cancellingProperty());
        close.visibleProperty().bind(vm.busyProperty().not());
        close.managedProperty().bind(vm.busyProperty().not());
        start.disableProperty().bind(vm.busyProperty());
        for (var b : List.of(formatCsv, formatVcard3, formatVcard4, scopeList)) {
            b.disableProperty().bind(vm.busyProperty());
        }
        progressBox.visibleProperty().bind(vm.busyProperty());
        progressBox.managedProperty().bind(vm.busyProperty());
        progressBar.progressProperty().bind(vm.progressProperty());
        progressText.textProperty().bind(Bindings.when(vm.cancellingProperty()).then(messages.get("import.run.cancelling"))
                .otherwise(vm.progressTextProperty()));
        resultLabel.textProperty().bind(vm.resultTextProperty());
        resultLabel.visibleProperty().bind(vm.resultTextProperty().isNotEmpty());
        resultLabel.managedProperty().bind(resultLabel.visibleProperty());
        errorLabel.textProperty().bind(vm.errorProperty());
        errorLabel.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        sheet.show();
    }

    private void chooseAndExport() {
        boolean csv = vm.formatProperty().get() == Format.CSV;
        var filter = csv ? new FileChooser.ExtensionFilter(messages.get("files.csv"), "*.csv")
                : new FileChooser.ExtensionFilter(messages.get("files.vcard"), "*.vcf");
        Path target = dialogs.save(root.getScene().getWindow(), messages.get("export.title." + vm.entity()),
                vm.suggestedName(today), List.of(filter));
        if (target != null) {
            vm.export(query.get(), selected, target);
        }
    }

    @Override
    public Parent root() {
        return root;
    }
}
