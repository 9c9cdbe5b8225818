package org.deskcrm.importexport.ui;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.deskcrm.importexport.ColumnMapping;
import org.deskcrm.importexport.CsvImportSource;
import org.deskcrm.importexport.CsvLayout;
import org.deskcrm.importexport.DuplicatePolicy;
import org.deskcrm.importexport.ImportField;
import org.deskcrm.importexport.ImportOptions;
import org.deskcrm.importexport.ImportRejectedException;
import org.deskcrm.importexport.ImportSource;
import org.deskcrm.importexport.ImportSummary;
import org.deskcrm.importexport.ImportTarget;
import org.deskcrm.importexport.RowOutcome;
import org.deskcrm.importexport.RowResult;
import org.deskcrm.importexport.SourceFormat;
import org.deskcrm.platform.task.ProgressSink;
import org.deskcrm.security.Action;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.ui.i18n.Messages;
import org.deskcrm.ui.task.BackgroundTask;
import org.deskcrm.ui.task.Progress;
import org.deskcrm.ui.task.TaskHandle;
import org.deskcrm.ui.task.TaskRunner;

/**
 * The import wizard's state. A CSV file goes through {@link Step#COLUMNS} (encoding, delimiter,
 * the detected source and one field per column), a vCard file starts at {@link Step#PREVIEW};
 * the preview is the core's complete dry run (every row checked and matched against the CRM), so
 * the problems and duplicates it shows are what the import will meet. The import itself runs in
 * the background with progress and cancel ({@link Step#RUNNING}) and ends in {@link Step#RESULT}:
 * imported, refused as a whole (all-or-nothing with bad rows) or cancelled, with every bad row
 * listed for the error report. Every service call is a {@link BackgroundTask}; progress comes from
 * the core once per chunk of rows, never per row.
 */
public final class ImportWizardViewModel {
    public enum Step { COLUMNS, PREVIEW, RUNNING, RESULT }

    /** How the import ended. */
    public enum Outcome { IMPORTED, REFUSED, CANCELLED, FAILED }

    /** The encodings offered for CSV files (the sniffer picks one of them). */
    public static final List<Charset> CHARSETS = List.of(java.nio.charset.StandardCharsets.UTF_8,
            org.deskcrm.importexport.CsvSniffer.WINDOWS_1252, java.nio.charset.StandardCharsets.ISO_8859_1,
            java.nio.charset.StandardCharsets.UTF_16LE, java.nio.charset.StandardCharsets.UTF_16BE);
    public static final List<Character> DELIMITERS = List.of(',', ';', '\t', '|');

    /** One column of the CSV file and the field it feeds (null: not imported). */
    public static final class ColumnChoice {
        private final int index;
        private final String header;
        private final String samples;
        private final ObjectProperty<ImportField> field = new SimpleObjectProperty<>();

        ColumnChoice(int index, String header, String samples, ImportField field) {
            this.index = index;
            this.header = header;
            this.samples = samples;
            this.field.set(field);
        }

        public int index() {
            return index;
        }

        public String header() {
            return header;
        }

        /** The first non-blank sample values, for the mapping screen. */
        public String samples() {
            return samples;
        }

        public ObjectProperty<ImportField> fieldProperty() {
            return field;
        }
    }

    private final ImportExportServices services;
    private final CurrentUser user;
    private final ImportTarget target;
    private final TaskRunner tasks;
    private final Messages messages;
    private final Runnable imported;

    private final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.COLUMNS);
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>();
    private final BooleanProperty vcard = new SimpleBooleanProperty();
    private final ObjectProperty<Charset> charset = new SimpleObjectProperty<>();
    private final ObjectProperty<Character> delimiter = new SimpleObjectProperty<>();
    private final ObjectProperty<SourceFormat> format = new SimpleObjectProperty<>();
    private final ObservableList<ColumnChoice> columns = FXCollections.observableArrayList();
    private final StringProperty mappingProblem = new SimpleStringProperty("");
    private final ObjectProperty<DuplicatePolicy> policy = new SimpleObjectProperty<>(DuplicatePolicy.SKIP);
    private final BooleanProperty skipInvalidRows = new SimpleBooleanProperty(false);
    private final ObjectProperty<Map<UUID, String>> owners = new SimpleObjectProperty<>(Map.of());
    private final ObjectProperty<UUID> owner = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<ImportSummary> preview = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty problemsOnly = new SimpleBooleanProperty();
    private final ObservableList<RowResult> previewRows = FXCollections.observableArrayList();
    private final StringProperty previewText = new SimpleStringProperty("");
    private final StringProperty previewHint = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty cancelling = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private final StringProperty progressText = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final ObjectProperty<Outcome> outcome = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<ImportSummary> result = new ReadOnlyObjectWrapper<>();
    private final StringProperty resultTitle = new SimpleStringProperty("");
    private final StringProperty resultText = new SimpleStringProperty("");
    private final ObservableList<RowResult> resultErrors = FXCollections.observableArrayList();
    private final StringProperty reportMessage = new SimpleStringProperty("");

    private CsvLayout layout;
    private ImportSource source;
    private TaskHandle current;
    private final AtomicBoolean cancelRequested = new AtomicBoolean();

    /**
     * @param target what the file is imported into (contacts or companies)
     * @param imported runs after an import that wrote records (the list reloads)
     */
    public ImportWizardViewModel(ImportExportServices services, CurrentUser user, ImportTarget target, TaskRunner tasks,
            Messages messages, Runnable imported) {
        this.services = services;
        this.user = user;
        this.target = target;
        this.tasks = tasks;
        this.messages = messages;
        this.imported = imported;
        owner.set(user.userId());
        problemsOnly.addListener((o, a, b) -> showPreviewRows());
        policy.addListener((o, a, b) -> {
            if (step.get() == Step.PREVIEW && source != null) {
                runPreview(); // what the rows do depends on the duplicate handling
            }
        });
        skipInvalidRows.addListener((o, a, b) -> updatePreviewText());
    }

    /** Import needs the import and create permissions of the target. */
    public static boolean mayImport(CurrentUser user, ImportTarget target) {
        return user.can(target.resource(), Action.IMPORT) && user.can(target.resource(), Action.CREATE);
    }

    // ---------------------------------------------------------------- properties

    public ImportTarget target() {
        return target;
    }

    public ObjectProperty<Step> stepProperty() {
        return step;
    }

    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    public BooleanProperty vcardProperty() {
        return vcard;
    }

    public ObjectProperty<Charset> charsetProperty() {
        return charset;
    }

    public ObjectProperty<Character> delimiterProperty() {
        return delimiter;
    }

    public ObjectProperty<SourceFormat> formatProperty() {
        return format;
    }

    public ObservableList<ColumnChoice> columns() {
        return columns;
    }

    public StringProperty mappingProblemProperty() {
        return mappingProblem;
    }

    public ObjectProperty<DuplicatePolicy> policyProperty() {
        return policy;
    }

    /** False: all or nothing (any bad row refuses the whole file); true: import the good rows, report the bad ones. */
    public BooleanProperty skipInvalidRowsProperty() {
        return skipInvalidRows;
    }

    /** Who may own the imported records (more than one entry only for admins and managers). */
    public ObjectProperty<Map<UUID, String>> ownersProperty() {
        return owners;
    }

    public ObjectProperty<UUID> ownerProperty() {
        return owner;
    }

    public ReadOnlyObjectProperty<ImportSummary> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** Show only rows with problems and duplicates (all of the file's problems) instead of the first rows. */
    public BooleanProperty problemsOnlyProperty() {
        return problemsOnly;
    }

    public ObservableList<RowResult> previewRows() {
        return previewRows;
    }

    public StringProperty previewTextProperty() {
        return previewText;
    }

    public StringProperty previewHintProperty() {
        return previewHint;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public BooleanProperty cancellingProperty() {
        return cancelling;
    }

    /** 0..1, or -1 while unknown. */
    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty progressTextProperty() {
        return progressText;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public ObjectProperty<Outcome> outcomeProperty() {
        return outcome;
    }

    public ReadOnlyObjectProperty<ImportSummary> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public StringProperty resultTitleProperty() {
        return resultTitle;
    }

    public StringProperty resultTextProperty() {
        return resultText;
    }

    /** Every row that was not imported, with its line (or card number) and reason. */
    public ObservableList<RowResult> resultErrors() {
        return resultErrors;
    }

    public StringProperty reportMessageProperty() {
        return reportMessage;
    }

    /** The mapping the column choices make now (CSV only). */
    public ColumnMapping mapping() {
        List<ImportField> fields = columns.stream().map(c -> c.fieldProperty().get()).toList();
        return new ColumnMapping(target, format.get() == null ? SourceFormat.PLAIN : format.get(), fields);
    }

    public boolean canGoNext() {
        return step.get() == Step.COLUMNS && !busy.get() && layout != null && mappingProblem.get().isEmpty();
    }

    public boolean canImport() {
        return step.get() == Step.PREVIEW && !busy.get() && preview.get() != null && preview.get().rows() > 0;
    }

    // ---------------------------------------------------------------- actions

    /** Starts with a file: a vCard file goes to the preview, a CSV file to its columns. */
    public void open(Path path) {
        file.set(path);
        error.set("");
        layout = null;
        source = null;
        preview.set(null);
        previewRows.clear();
        columns.clear();
        loadOwners();
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".vcf") || name.endsWith(".vcard")) {
            vcard.set(true);
            if (target != ImportTarget.CONTACTS) {
                error.set(messages.get("import.vcard.contactsOnly"));
                return;
            }
            format.set(SourceFormat.VCARD);
            source = services.vcards().source(path);
            step.set(Step.PREVIEW);
            runPreview();
            return;
        }
        vcard.set(false);
        step.set(Step.COLUMNS);
        run(messages.get("import.task.reading"), p -> services.imports().sniff(path), this::applyLayout);
    }

    /** Reads the file again with an encoding and delimiter the user chose. */
    public void changeLayout(Charset cs, char delim) {
        Path path = file.get();
        if (path == null || layout != null && cs.equals(layout.charset()) && delim == layout.delimiter()) {
            return;
        }
        run(messages.get("import.task.reading"), p -> services.imports().layout(path, cs, delim), this::applyLayout);
    }

    private void applyLayout(CsvLayout l) {
        layout = l;
        charset.set(l.charset());
        delimiter.set(l.delimiter());
        ColumnMapping detected = services.imports().detectMapping(l, target);
        format.set(detected.format());
        List<ColumnChoice> list = new ArrayList<>();
        for (int i = 0; i < l.headers().size(); i++) {
            List<String> values = new ArrayList<>();
            for (int r = 0; r < l.sample().size() && values.size() < 3; r++) {
                String v = l.sampleValue(r, i);
                if (v != null && !v.isBlank()) {
                    values.add(v.strip());
                }
            }
            String header = l.headers().get(i).isBlank() ? messages.get("import.column.unnamed", i + 1) : l.headers().get(i);
            var choice = new ColumnChoice(i, header, String.join("  ·  ", values), detected.fieldOf(i));
            choice.fieldProperty().addListener((o, a, b) -> checkMapping());
            list.add(choice);
        }
        columns.setAll(list);
        checkMapping();
    }

    private void checkMapping() {
        if (columns.isEmpty()) {
            mappingProblem.set(messages.get("import.mapping.noColumns"));
            return;
        }
        ColumnMapping m = mapping();
        mappingProblem.set(m.hasNameColumn() ? "" : messages.get("import.mapping.needsName." + key(target)));
    }

    /** From the columns to the preview (a dry run over the whole file). */
    public void next() {
        if (!canGoNext()) {
            return;
        }
        source = new CsvImportSource(file.get(), layout, mapping());
        step.set(Step.PREVIEW);
        runPreview();
    }

    public void back() {
        if (busy.get()) {
            return;
        }
        if (step.get() == Step.PREVIEW && !vcard.get()) {
            step.set(Step.COLUMNS);
        } else if (step.get() == Step.RESULT && outcome.get() != Outcome.IMPORTED) {
            step.set(Step.PREVIEW);
        }
    }

    /** The dry run with the current options. */
    public void runPreview() {
        if (source == null) {
            return;
        }
        if (busy.get()) {
            cancel(); // options changed while checking: the running preview ends, this one starts after it
        }
        ImportSource src = source;
        ImportOptions options = options();
        preview.set(null);
        previewRows.clear();
        previewText.set("");
        previewHint.set("");
        runWhenIdle(() -> run(messages.get("import.task.preview"),
                p -> services.imports().preview(user, src, options, p), s -> {
                    preview.set(s);
                    showPreviewRows();
                    updatePreviewText();
                }));
    }

    /** Runs the import (one transaction) with the options chosen on the preview. */
    public void startImport() {
        if (!canImport()) {
            return;
        }
        ImportSource src = source;
        ImportOptions options = options();
        long expected = preview.get().rows();
        step.set(Step.RUNNING);
        outcome.set(null);
        result.set(null);
        resultErrors.clear();
        reportMessage.set("");
        start(BackgroundTask.of(messages.get("import.task.import", src.name()),
                        p -> services.imports().importFile(user, src, options, expected, sink(p)))
                .onSuccess(s -> {
                    finish(Outcome.IMPORTED, s);
                    if (s.writes() > 0) {
                        imported.run();
                    }
                })
                .onFailure(e -> {
                    if (e instanceof ImportRejectedException r) {
                        finish(Outcome.REFUSED, r.summary());
                    } else {
                        finish(Outcome.FAILED, null);
                        resultText.set(message(e));
                    }
                })
                .onCancelled(() -> finish(Outcome.CANCELLED, null)));
    }

    /** Stops the running read, preview or import; an import that stops writes nothing. */
    public void cancel() {
        if (busy.get()) {
            cancelRequested.set(true);
            cancelling.set(true);
        }
    }

    /** Writes the rows that were not imported (line, reason, the row as it was) to a CSV file. */
    public void saveErrorReport(Path target) {
        List<RowResult> errors = List.copyOf(resultErrors);
        ImportSource src = source;
        reportMessage.set("");
        run(messages.get("import.task.report"), p -> {
            services.imports().writeErrorReport(src, errors, target);
            return target;
        }, t -> reportMessage.set(messages.get("import.report.saved", t.getFileName().toString())));
    }

    /** A file name for the error report next to the imported file. */
    public String suggestedReportName() {
        String name = file.get() == null ? "import" : file.get().getFileName().toString().replaceFirst("\\.[^.]+$", "");
        return name + "-problems.csv";
    }

    // ---------------------------------------------------------------- internals

    private ImportOptions options() {
        UUID o = owners.get().size() > 1 ? owner.get() : null;
        return new ImportOptions(policy.get(), o, skipInvalidRows.get());
    }

    private void loadOwners() {
        BackgroundTask.of(messages.get("import.task.owners"), p -> services.imports().assignableOwners(user))
                .onSuccess(m -> owners.set(new LinkedHashMap<>(m)))
                .onFailure(e -> owners.set(Map.of()))
                .runOn(tasks);
    }

    private void showPreviewRows() {
        ImportSummary s = preview.get();
        if (s == null) {
            previewRows.clear();
        } else if (problemsOnly.get()) {
            List<RowResult> rows = new ArrayList<>(s.errors());
            s.preview().stream().filter(r -> r.outcome() == RowOutcome.SKIP || r.outcome() == RowOutcome.UPDATE).forEach(rows::add);
            rows.sort(java.util.Comparator.comparingLong(RowResult::location));
            previewRows.setAll(rows);
        } else {
            previewRows.setAll(s.preview());
        }
    }

    private void updatePreviewText() {
        ImportSummary s = preview.get();
        if (s == null) {
            return;
        }
        previewText.set(messages.get("import.preview.summary", s.rows(), s.created(), s.updated(), s.skipped(), s.failed(),
                s.companiesCreated(), s.tagsCreated()));
        if (s.rows() == 0) {
            previewHint.set(messages.get("import.preview.empty"));
        } else if (s.failed() > 0 && !skipInvalidRows.get()) {
            previewHint.set(messages.get("import.preview.allOrNothing", s.failed()));
        } else if (s.failed() > 0) {
            previewHint.set(messages.get("import.preview.skipping", s.failed()));
        } else {
            previewHint.set("");
        }
    }

    private void finish(Outcome o, ImportSummary s) {
        outcome.set(o);
        result.set(s);
        resultErrors.setAll(s == null ? List.of() : s.errors());
        resultTitle.set(messages.get("import.result.title." + o.name().toLowerCase(Locale.ROOT)));
        resultText.set(switch (o) {
            case IMPORTED -> messages.get("import.result.imported", s.created(), s.updated(), s.skipped(), s.failed(),
                    s.companiesCreated());
            case REFUSED -> messages.get("import.result.refused", s.failed());
            case CANCELLED -> messages.get("import.result.cancelled");
            case FAILED -> "";
        });
        step.set(Step.RESULT);
    }

    /** Work that reports to the wizard's progress sink. */
    @FunctionalInterface
    private interface SinkWork<T> {
        T run(ProgressSink progress) throws Exception;
    }

    private <T> void run(String title, SinkWork<T> work, java.util.function.Consumer<T> then) {
        start(BackgroundTask.of(title, p -> work.run(sink(p)))
                .onSuccess(then)
                .onFailure(e -> error.set(message(e)))
                .onCancelled(() -> error.set(messages.get("import.cancelled"))));
    }

    private final List<Runnable> afterIdle = new ArrayList<>();

    private void runWhenIdle(Runnable r) {
        if (busy.get()) {
            afterIdle.add(r);
        } else {
            r.run();
        }
    }

    private <T> void start(BackgroundTask<T> task) {
        busy.set(true);
        cancelRequested.set(false);
        cancelling.set(false);
        error.set("");
        progress.set(-1);
        progressText.set("");
        task.onFinally(() -> {
            busy.set(false);
            cancelling.set(false);
            progress.unbind();
            progressText.unbind();
            current = null;
            if (!afterIdle.isEmpty()) {
                List<Runnable> next = List.copyOf(afterIdle);
                afterIdle.clear();
                next.forEach(Runnable::run);
            }
        });
        TaskHandle h = task.runOn(tasks);
        if (busy.get() && current == null) {
            current = h; // still running (the app's runner): follow its progress, coalesced by the runner
            progress.bind(h.progressProperty());
            progressText.bind(h.messageProperty());
        }
    }

    /**
     * The task's progress, cancelled by the wizard's own flag: the work stops at the core's next
     * check between chunks and rolls back, without interrupting the thread in the middle of database I/O.
     */
    private ProgressSink sink(Progress p) {
        return new ProgressSink() {
            @Override
            public void update(long done, long total, String msg) {
                p.update(done, total, msg);
            }

            @Override
            public boolean isCancelled() {
                return cancelRequested.get() || p.isCancelled();
            }
        };
    }

    private String message(Throwable e) {
        if (e instanceof CancellationException) {
            return messages.get("import.cancelled");
        }
        Throwable t = e;
        while (t.getMessage() == null && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? messages.get("common.error") : t.getMessage();
    }

    static String key(ImportTarget t) {
        return t.name().toLowerCase(Locale.ROOT);
    }
}
