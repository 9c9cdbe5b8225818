package org.deskcrm.importexport.ui;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.deskcrm.crm.ui.Sheet;
import org.deskcrm.importexport.DuplicatePolicy;
import org.deskcrm.importexport.ImportField;
import org.deskcrm.importexport.ImportTarget;
import org.deskcrm.importexport.RowOutcome;
import org.deskcrm.importexport.RowResult;
import org.deskcrm.importexport.SourceFormat;
import org.deskcrm.importexport.ui.ImportWizardViewModel.ColumnChoice;
import org.deskcrm.importexport.ui.ImportWizardViewModel.Outcome;
import org.deskcrm.importexport.ui.ImportWizardViewModel.Step;
import org.deskcrm.ui.fx.View;
import org.deskcrm.ui.fx.ViewLoader;
import org.deskcrm.ui.i18n.Messages;

/**
 * The import wizard, shown as a sheet over the list it was started from: columns (CSV) →
 * preview and options → progress → result. Holds no logic; everything is in
 * {@link ImportWizardViewModel}.
 */
public final class ImportWizardView implements View {
    private final ImportWizardViewModel vm;
    private final Messages messages;
    private final FileDialogs dialogs;
    private final Parent root;
    private final List<Runnable> unbind = new ArrayList<>();
    private Sheet sheet;

    @FXML private Label stepColumns;
    @FXML private Label stepPreview;
    @FXML private Label stepRun;
    @FXML private Label stepResult;
    @FXML private Label fileLabel;
    @FXML private Label errorLabel;
    @FXML private VBox columnsPane;
    @FXML private ComboBox<Charset> charsetBox;
    @FXML private ComboBox<Character> delimiterBox;
    @FXML private Label formatLabel;
    @FXML private Label columnsHint;
    @FXML private TableView<ColumnChoice> mappingTable;
    @FXML private Label mappingProblem;
    @FXML private VBox previewPane;
    @FXML private RadioButton policySkip;
    @FXML private RadioButton policyUpdate;
    @FXML private RadioButton policyCreate;
    @FXML private RadioButton modeAll;
    @FXML private RadioButton modeSkip;
    @FXML private Label ownerCaption;
    @FXML private ComboBox<UUID> ownerBox;
    @FXML private Label previewText;
    @FXML private CheckBox problemsOnly;
    @FXML private Label previewHint;
    @FXML private TableView<RowResult> previewTable;
    @FXML private Hyperlink recheck;
    @FXML private VBox runPane;
    @FXML private Label runTitle;
    @FXML private ProgressBar runBar;
    @FXML private Label runText;
    @FXML private VBox resultPane;
    @FXML private Label resultTitle;
    @FXML private Label resultText;
    @FXML private TableView<RowResult> errorTable;
    @FXML private Button saveReport;
    @FXML private Label reportMessage;
    @FXML private HBox busyBar;
    @FXML private ProgressBar busyProgress;
    @FXML private Label busyText;

    public ImportWizardView(ImportWizardViewModel vm, ViewLoader loader, FileDialogs dialogs) {
        this.vm = vm;
        this.messages = loader.messages();
        this.dialogs = dialogs;
        this.root = loader.load(this);
        root.getStylesheets().add(ImportWizardView.class.getResource("importexport.css").toExternalForm());
    }

    /** Opens the wizard as a sheet over {@code host} and starts it with {@code file}. */
    public static ImportWizardView show(StackPane host, ImportWizardViewModel vm, ViewLoader loader, FileDialogs dialogs, Path file) {
        var view = new ImportWizardView(vm, loader, dialogs);
        view.open(host);
        vm.open(file);
        return view;
    }

    @FXML
    private void initialize() {
        formatLabel.getStyleClass().setAll("label", "pill", "pill-new");
        String what = ImportWizardViewModel.key(vm.target());
        columnsHint.setText(messages.get("import.columns.hint." + what));

        charsetBox.getItems().setAll(ImportWizardViewModel.CHARSETS);
        charsetBox.setConverter(converter(c -> c == null ? "" : c.displayName()));
        delimiterBox.getItems().setAll(ImportWizardViewModel.DELIMITERS);
        delimiterBox.setConverter(converter(ImportWizardView.this::delimiterName));
        charsetBox.setOnAction(e -> relayout());
        delimiterBox.setOnAction(e -> relayout());

        buildMappingTable();
        buildPreviewTable(previewTable, true);
        buildErrorTable();

        var policies = new ToggleGroup();
        policySkip.setToggleGroup(policies);
        policyUpdate.setToggleGroup(policies);
        policyCreate.setToggleGroup(policies);
        policySkip.setUserData(DuplicatePolicy.SKIP);
        policyUpdate.setUserData(DuplicatePolicy.UPDATE);
        policyCreate.setUserData(DuplicatePolicy.CREATE);
        policySkip.setSelected(true);
        policies.selectedToggleProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.policyProperty().set((DuplicatePolicy) b.getUserData());
            }
        });
        var modes = new ToggleGroup();
        modeAll.setToggleGroup(modes);
        modeSkip.setToggleGroup(modes);
        modeAll.setSelected(!vm.skipInvalidRowsProperty().get());
        modeSkip.setSelected(vm.skipInvalidRowsProperty().get());
        modes.selectedToggleProperty().addListener((o, a, b) -> vm.skipInvalidRowsProperty().set(b == modeSkip));

        ownerBox.setConverter(converter(id -> id == null ? "" : vm.ownersProperty().get().getOrDefault(id, "")));
        recheck.setOnAction(e -> vm.runPreview());
        saveReport.setOnAction(e -> saveReport());

        var stop = new Button(messages.get("import.stop"));
        stop.setId("import-stop");
        stop.getStyleClass().add("flat");
        stop.setOnAction(e -> vm.cancel());
        busyBar.getChildren().add(stop);
    }

    private void relayout() {
        if (charsetBox.getValue() != null && delimiterBox.getValue() != null) {
            vm.changeLayout(charsetBox.getValue(), delimiterBox.getValue());
        }
    }

    private String delimiterName(Character c) {
        if (c == null) {
            return "";
        }
        return switch (c) {
            case ',' -> messages.get("import.delimiter.comma");
            case ';' -> messages.get("import.delimiter.semicolon");
            case '\t' -> messages.get("import.delimiter.tab");
            case '|' -> messages.get("import.delimiter.pipe");
            default -> String.valueOf(c);
        };
    }

    // ---------------------------------------------------------------- tables

    private void buildMappingTable() {
        TableColumn<ColumnChoice, String> header = new TableColumn<>(messages.get("import.mapping.column"));
        header.setCellValueFactory(cd -> new ReadOnlyStringWrapper(cd.getValue().header()));
        header.setPrefWidth(220);
        header.setSortable(false);
        TableColumn<ColumnChoice, String> samples = new TableColumn<>(messages.get("import.mapping.samples"));
        samples.setCellValueFactory(cd -> new ReadOnlyStringWrapper(cd.getValue().samples()));
        samples.setPrefWidth(400);
        samples.setSortable(false);
        samples.setCellFactory(tc -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null || item.isEmpty() ? messages.get("import.mapping.noSamples") : item);
                getStyleClass().remove("muted");
                if (!empty) {
                    getStyleClass().add("muted");
                }
            }
        });
        TableColumn<ColumnChoice, ColumnChoice> field = new TableColumn<>(messages.get("import.mapping.field"));
        field.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue()));
        field.setPrefWidth(260);
        field.setSortable(false);
        field.setCellFactory(tc -> new FieldCell());
        mappingTable.getColumns().setAll(List.of(header, samples, field));
        mappingTable.setItems(vm.columns());
        mappingTable.setPlaceholder(new Label(messages.get("common.loading")));
        mappingTable.setFixedCellSize(40);
    }

    /** A field label or "Don't import". */
    private record FieldOption(ImportField field, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    private List<FieldOption> fieldOptions() {
        List<FieldOption> out = new ArrayList<>();
        out.add(new FieldOption(null, messages.get("import.field.ignore")));
        for (ImportField f : ImportField.forTarget(vm.target())) {
            out.add(new FieldOption(f, fieldLabel(f)));
        }
        return out;
    }

    private String fieldLabel(ImportField f) {
        return messages.get("import.field." + f.name());
    }

    /** The "Import as" cell: a combo box bound to its column's choice. */
    private final class FieldCell extends TableCell<ColumnChoice, ColumnChoice> {
        private final ComboBox<FieldOption> combo = new ComboBox<>();
        private final List<FieldOption> options = fieldOptions();
        private ColumnChoice bound;
        private boolean syncing;

        FieldCell() {
            combo.getItems().setAll(options);
            combo.setMaxWidth(Double.MAX_VALUE);
            combo.setVisibleRowCount(14);
            combo.valueProperty().addListener((o, a, b) -> {
                if (!syncing && bound != null && b != null) {
                    bound.fieldProperty().set(b.field());
                }
            });
            setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
        }

        private final javafx.beans.value.ChangeListener<ImportField> follow = (o, a, b) -> select(b);

        private void select(ImportField f) {
            syncing = true;
            combo.setValue(options.stream().filter(x -> x.field() == f).findFirst().orElse(options.getFirst()));
            combo.getStyleClass().remove("import-ignored");
            if (f == null) {
                combo.getStyleClass().add("import-ignored");
            }
            syncing = false;
        }

        @Override
        protected void updateItem(ColumnChoice item, boolean empty) {
            super.updateItem(item, empty);
            if (bound != null) {
                bound.fieldProperty().removeListener(follow);
                bound = null;
            }
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            bound = item;
            combo.setId("import-map-" + item.index());
            select(item.fieldProperty().get());
            item.fieldProperty().addListener(follow);
            setGraphic(combo);
        }
    }

    private void buildPreviewTable(TableView<RowResult> table, boolean withOutcome) {
        TableColumn<RowResult, Long> line = new TableColumn<>();
        line.textProperty().bind(Bindings.when(vm.vcardProperty()).then(messages.get("import.col.card"))
                .otherwise(messages.get("import.col.line")));
        line.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue().location()));
        line.setPrefWidth(60);
        line.setMinWidth(56);
        line.setMaxWidth(80);
        TableColumn<RowResult, RowOutcome> outcome = new TableColumn<>(messages.get("import.col.outcome"));
        outcome.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue().outcome()));
        outcome.setPrefWidth(130);
        outcome.setMinWidth(125);
        outcome.setMaxWidth(150);
        outcome.setCellFactory(tc -> new TableCell<>() {
            private final Label pill = new Label();

            @Override
            protected void updateItem(RowOutcome item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                pill.setText(messages.get("import.outcome." + item.name()));
                pill.getStyleClass().setAll("label", "pill", switch (item) {
                    case CREATE -> "pill-active";
                    case UPDATE -> "pill-new";
                    case SKIP -> "pill-warm";
                    case ERROR -> "pill-lost";
                });
                setGraphic(pill);
            }
        });
        TableColumn<RowResult, String> name = text(messages.get("import.col.name"), 170, this::nameOf);
        TableColumn<RowResult, String> email = text(messages.get("import.col.email"), 190, r -> r.values().get(ImportField.EMAIL));
        TableColumn<RowResult, String> third = vm.target() == ImportTarget.CONTACTS
                ? text(messages.get("import.col.company"), 150, r -> r.values().get(ImportField.COMPANY))
                : text(messages.get("import.col.phone"), 150, r -> r.values().get(ImportField.PHONE));
        TableColumn<RowResult, String> note = text(messages.get("import.col.note"), 260, r -> r.message() != null ? r.message()
                : r.outcome() == RowOutcome.UPDATE ? messages.get("import.outcome.updateNote") : "");
        note.setCellFactory(tc -> wrapping());
        table.getColumns().setAll(List.of(line, outcome, name, email, third, note));
        if (!withOutcome) {
            table.getColumns().remove(outcome);
        }
        table.setItems(vm.previewRows());
        var empty = new Label();
        empty.textProperty().bind(Bindings.when(vm.busyProperty()).then(messages.get("import.preview.checking"))
                .otherwise(messages.get("import.preview.none")));
        table.setPlaceholder(empty);
    }

    private void buildErrorTable() {
        TableColumn<RowResult, Long> line = new TableColumn<>();
        line.textProperty().bind(Bindings.when(vm.vcardProperty()).then(messages.get("import.col.card"))
                .otherwise(messages.get("import.col.line")));
        line.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue().location()));
        line.setPrefWidth(60);
        line.setMinWidth(56);
        line.setMaxWidth(80);
        TableColumn<RowResult, String> problem = text(messages.get("import.col.problem"), 420, RowResult::message);
        problem.setCellFactory(tc -> wrapping());
        TableColumn<RowResult, String> raw = text(messages.get("import.col.row"), 380, r -> String.join(" | ",
                r.raw().stream().filter(v -> v != null && !v.isBlank()).toList()));
        errorTable.getColumns().setAll(List.of(line, problem, raw));
        errorTable.setItems(vm.resultErrors());
        errorTable.setPlaceholder(new Label(messages.get("import.result.noProblems")));
    }

    private String nameOf(RowResult r) {
        Map<ImportField, String> v = r.values();
        if (vm.target() == ImportTarget.COMPANIES) {
            return v.get(ImportField.NAME);
        }
        String first = v.get(ImportField.FIRST_NAME);
        String last = v.get(ImportField.LAST_NAME);
        if (first != null || last != null) {
            return ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip();
        }
        return v.get(ImportField.FULL_NAME);
    }

    private static TableColumn<RowResult, String> text(String title, double width, Function<RowResult, String> value) {
        TableColumn<RowResult, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static TableCell<RowResult, String> wrapping() {
        return new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null || item.isBlank() ? null : new javafx.scene.control.Tooltip(item));
            }
        };
    }

    private static <T> StringConverter<T> converter(Function<T, String> toString) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return toString.apply(t);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException();
            }
        };
    }

    // ---------------------------------------------------------------- sheet

    private void open(StackPane host) {
        String what = ImportWizardViewModel.key(vm.target());
        sheet = new Sheet(host, messages.get("import.title." + what), root, 990);
        var close = sheet.addButton(messages.get("common.close"), "import-close", false, this::close);
        close.setCancelButton(true);
        var back = sheet.addButton(messages.get("import.back"), "import-back", false, vm::back);
        var next = sheet.addButton(messages.get("import.next"), "import-next", true, vm::next);
        var run = sheet.addButton(messages.get("import.run"), "import-run", true, vm::startImport);
        var cancel = sheet.addButton(messages.get("import.cancelRun"), "import-cancel", false, vm::cancel);
        var done = sheet.addButton(messages.get("import.done"), "import-done", true, this::close);

        BooleanBinding columns = vm.stepProperty().isEqualTo(Step.COLUMNS);
        BooleanBinding previewing = vm.stepProperty().isEqualTo(Step.PREVIEW);
        BooleanBinding running = vm.stepProperty().isEqualTo(Step.RUNNING);
        BooleanBinding result = vm.stepProperty().isEqualTo(Step.RESULT);
        show(close, columns.or(previewing));
        show(back, previewing.and(vm.vcardProperty().not())
                .or(result.and(vm.outcomeProperty().isNotEqualTo(Outcome.IMPORTED))));
        show(next, columns);
        show(run, previewing);
        show(cancel, running);
        show(done, result);
        next.disableProperty().bind(Bindings.createBooleanBinding(() -> !vm.canGoNext(), vm.stepProperty(), vm.busyProperty(),
                vm.mappingProblemProperty(), vm.columns()));
        run.disableProperty().bind(Bindings.createBooleanBinding(() -> !vm.canImport(), vm.stepProperty(), vm.busyProperty(),
                vm.previewProperty()));
        cancel.disableProperty().bind(vm.cancellingProperty());
        back.textProperty().bind(Bindings.when(result).then(messages.get("import.changeOptions")).otherwise(messages.get("import.back")));
        onActivate();
        sheet.show();
    }

    private void close() {
        onDeactivate();
        sheet.close();
    }

    private static void show(javafx.scene.Node n, javafx.beans.value.ObservableBooleanValue when) {
        n.visibleProperty().bind(when);
        n.managedProperty().bind(when);
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void onActivate() {
        show(columnsPane, vm.stepProperty().isEqualTo(Step.COLUMNS));
        show(previewPane, vm.stepProperty().isEqualTo(Step.PREVIEW));
        show(runPane, vm.stepProperty().isEqualTo(Step.RUNNING));
        show(resultPane, vm.stepProperty().isEqualTo(Step.RESULT));
        stepColumns.visibleProperty().bind(vm.vcardProperty().not());
        stepColumns.managedProperty().bind(vm.vcardProperty().not());
        unbind.add(listen(vm.stepProperty(), () -> {
            var current = switch (vm.stepProperty().get()) {
                case COLUMNS -> stepColumns;
                case PREVIEW -> stepPreview;
                case RUNNING -> stepRun;
                case RESULT -> stepResult;
            };
            for (Label l : List.of(stepColumns, stepPreview, stepRun, stepResult)) {
                l.getStyleClass().remove("import-step-current");
            }
            current.getStyleClass().add("import-step-current");
        }));
        fileLabel.textProperty().bind(Bindings.createStringBinding(() -> vm.fileProperty().get() == null ? ""
                : vm.fileProperty().get().getFileName().toString(), vm.fileProperty()));
        errorLabel.textProperty().bind(vm.errorProperty());
        show(errorLabel, vm.errorProperty().isNotEmpty());
        unbind.add(listen(vm.charsetProperty(), () -> charsetBox.setValue(vm.charsetProperty().get())));
        unbind.add(listen(vm.delimiterProperty(), () -> delimiterBox.setValue(vm.delimiterProperty().get())));
        formatLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            SourceFormat f = vm.formatProperty().get();
            return f == null ? "" : messages.get("import.format." + f.name());
        }, vm.formatProperty()));
        show(formatLabel, vm.formatProperty().isNotNull());
        charsetBox.disableProperty().bind(vm.busyProperty());
        delimiterBox.disableProperty().bind(vm.busyProperty());
        mappingProblem.textProperty().bind(vm.mappingProblemProperty());
        show(mappingProblem, vm.mappingProblemProperty().isNotEmpty().and(vm.busyProperty().not()));

        for (var b : List.of(policySkip, policyUpdate, policyCreate, modeAll, modeSkip)) {
            b.disableProperty().bind(vm.busyProperty());
        }
        unbind.add(listen(vm.ownersProperty(), () -> {
            Map<UUID, String> owners = vm.ownersProperty().get();
            ownerBox.getItems().setAll(owners.keySet());
            ownerBox.setValue(null); // the names just arrived: show the owner's again
            ownerBox.setValue(vm.ownerProperty().get());
        }));
        ownerBox.setOnAction(e -> {
            if (ownerBox.getValue() != null) {
                vm.ownerProperty().set(ownerBox.getValue());
            }
        });
        var manyOwners = Bindings.createBooleanBinding(() -> vm.ownersProperty().get().size() > 1, vm.ownersProperty());
        show(ownerBox, manyOwners);
        show(ownerCaption, manyOwners);
        ownerBox.disableProperty().bind(vm.busyProperty());
        previewText.textProperty().bind(vm.previewTextProperty());
        previewHint.textProperty().bind(vm.previewHintProperty());
        show(previewHint, vm.previewHintProperty().isNotEmpty());
        problemsOnly.selectedProperty().bindBidirectional(vm.problemsOnlyProperty());
        show(recheck, vm.previewProperty().isNull().and(vm.busyProperty().not()).and(vm.errorProperty().isNotEmpty()));

        runTitle.textProperty().bind(Bindings.when(vm.cancellingProperty()).then(messages.get("import.run.cancelling"))
                .otherwise(messages.get("import.run.title")));
        runBar.progressProperty().bind(vm.progressProperty());
        runText.textProperty().bind(vm.progressTextProperty());
        resultTitle.textProperty().bind(vm.resultTitleProperty());
        resultText.textProperty().bind(vm.resultTextProperty());
        show(saveReport, Bindings.isNotEmpty(vm.resultErrors()));
        reportMessage.textProperty().bind(vm.reportMessageProperty());
        resultTitle.getStyleClass().remove("import-failed");
        unbind.add(listen(vm.outcomeProperty(), () -> {
            resultTitle.getStyleClass().remove("import-failed");
            if (vm.outcomeProperty().get() != null && vm.outcomeProperty().get() != Outcome.IMPORTED) {
                resultTitle.getStyleClass().add("import-failed");
            }
        }));

        show(busyBar, vm.busyProperty().and(vm.stepProperty().isNotEqualTo(Step.RUNNING)));
        busyProgress.progressProperty().bind(vm.progressProperty());
        busyText.textProperty().bind(Bindings.when(vm.cancellingProperty()).then(messages.get("import.run.cancelling"))
                .otherwise(vm.progressTextProperty()));
    }

    @Override
    public void onDeactivate() {
        unbind.forEach(Runnable::run);
        unbind.clear();
    }

    private static Runnable listen(javafx.beans.Observable o, Runnable r) {
        javafx.beans.InvalidationListener l = x -> r.run();
        o.addListener(l);
        r.run();
        return () -> o.removeListener(l);
    }

    private void saveReport() {
        Path target = dialogs.save(root.getScene().getWindow(), messages.get("import.report.save"), vm.suggestedReportName(),
                List.of(new FileChooser.ExtensionFilter(messages.get("files.csv"), "*.csv")));
        if (target != null) {
            vm.saveErrorReport(target);
        }
    }
}
