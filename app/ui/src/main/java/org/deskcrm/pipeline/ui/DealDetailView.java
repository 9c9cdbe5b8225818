package org.deskcrm.pipeline.ui;

import java.math.BigDecimal;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.util.StringConverter;
import org.deskcrm.activity.Activity;
import org.deskcrm.activity.ActivityType;
import org.deskcrm.activity.Note;
import org.deskcrm.audit.ui.RecordHistoryPanel;
import org.deskcrm.customfield.CustomFieldDefinition;
import org.deskcrm.deal.Deal;
import org.deskcrm.deal.DealProduct;
import org.deskcrm.deal.DealValues;
import org.deskcrm.deal.Options;
import org.deskcrm.deal.StageHistoryEntry;
import org.deskcrm.pipeline.Pipeline;
import org.deskcrm.pipeline.PipelineStage;
import org.deskcrm.ui.fx.View;
import org.deskcrm.ui.fx.ViewLoader;
import org.deskcrm.ui.i18n.Messages;
import org.deskcrm.ui.task.TaskRunner;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/** The deal page: form on the left, timeline / activities / notes / products on the right. */
public final class DealDetailView implements View {
    private final DealDetailViewModel vm;
    private final Messages messages;
    private final Formats formats;
    private final TaskRunner tasks;
    private final Runnable onBack;
    private final Parent root;

    @FXML private Button backButton;
    @FXML private Label titleLabel;
    @FXML private Label subtitleLabel;
    @FXML private Label statusChip;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Button invoiceButton;
    @FXML private Button deleteButton;
    @FXML private Button saveButton;
    @FXML private HBox stagePath;
    @FXML private HBox messageBox;
    @FXML private Label errorLabel;
    @FXML private Label infoLabel;
    @FXML private Button reloadButton;
    @FXML private SplitPane split;
    @FXML private TextField nameField;
    @FXML private ComboBox<Pipeline> pipelineChoice;
    @FXML private ComboBox<PipelineStage> stageChoice;
    @FXML private TextField valueField;
    @FXML private TextField currencyField;
    @FXML private Label valueHint;
    @FXML private Spinner<Integer> probabilitySpinner;
    @FXML private Label expectedRevenueLabel;
    @FXML private DatePicker expectedCloseField;
    @FXML private Label actualCloseLabel;
    @FXML private VBox outcomeBox;
    @FXML private Label wonReasonLabel;
    @FXML private TextField wonReasonField;
    @FXML private Label lostReasonLabel;
    @FXML private TextField lostReasonField;
    @FXML private Label lostDetailsLabel;
    @FXML private TextArea lostDetailsField;
    @FXML private HBox companyBox;
    @FXML private HBox contactBox;
    @FXML private ComboBox<Options.Person> ownerChoice;
    @FXML private ComboBox<String> sourceChoice;
    @FXML private TextField sourceDetailField;
    @FXML private ComboBox<String> priorityChoice;
    @FXML private TextField competitorField;
    @FXML private TextField tagsField;
    @FXML private FlowPane tagSuggestions;
    @FXML private TextArea descriptionField;
    @FXML private TextArea notesField;
    @FXML private VBox customFieldsBox;
    @FXML private javafx.scene.layout.GridPane customGrid;
    @FXML private TabPane tabs;
    @FXML private Tab timelineTab;
    @FXML private ListView<StageHistoryEntry> historyList;
    @FXML private HBox activityForm;
    @FXML private ComboBox<ActivityType> activityTypeChoice;
    @FXML private TextField activitySubjectField;
    @FXML private DatePicker activityDueField;
    @FXML private Button logActivityButton;
    @FXML private ListView<Activity> activityList;
    @FXML private TextArea noteField;
    @FXML private Button addNoteButton;
    @FXML private ListView<Note> noteList;
    @FXML private VBox productForm;
    @FXML private HBox productBox;
    @FXML private TextField quantityField;
    @FXML private TextField priceField;
    @FXML private TextField discountField;
    @FXML private Button addProductButton;
    @FXML private Button updateProductButton;
    @FXML private Button removeProductButton;
    @FXML private TableView<DealProduct> lineTable;
    @FXML private Label linesTotalLabel;
    @FXML private Label newDealHint;

    private LookupField<Options.Company> companyField;
    private LookupField<Options.Contact> contactField;
    private LookupField<Options.Product> productField;
    /** Who changed which field of the deal, from the audit log (a tab of its own, loaded when shown). */
    private final RecordHistoryPanel changes;

    public DealDetailView(DealDetailViewModel vm, ViewLoader loader, Formats formats, TaskRunner tasks, RecordHistoryPanel changes,
            Runnable onBack) {
        this.vm = vm;
        this.changes = changes;
        this.messages = loader.messages();
        this.formats = formats;
        this.tasks = tasks;
        this.onBack = onBack;
        this.root = loader.load(this);
    }

    @FXML
    private void initialize() {
        backButton.setGraphic(new FontIcon(Material2OutlinedAL.ARROW_BACK));
        backButton.setOnAction(e -> onBack.run());
        saveButton.setGraphic(new FontIcon(Material2OutlinedMZ.SAVE));
        deleteButton.setGraphic(new FontIcon(Material2OutlinedAL.DELETE));
        invoiceButton.setGraphic(new FontIcon(Material2OutlinedMZ.RECEIPT));

        // Header
        titleLabel.textProperty().bind(Bindings.createStringBinding(() -> vm.dealProperty().get() == null
                ? messages.get("deal.newTitle") : vm.dealProperty().get().name(), vm.dealProperty()));
        subtitleLabel.textProperty().bind(Bindings.createStringBinding(this::subtitle, vm.dealProperty()));
        statusChip.textProperty().bind(Bindings.createStringBinding(() -> vm.dealProperty().get() == null ? ""
                : messages.get("deal.status." + vm.dealProperty().get().status().dbName()), vm.dealProperty()));
        vm.dealProperty().addListener((o, a, d) -> {
            statusChip.getStyleClass().removeAll("status-open", "status-won", "status-lost", "status-abandoned");
            if (d != null) {
                statusChip.getStyleClass().add("status-" + d.status().dbName());
            }
        });
        statusChip.visibleProperty().bind(vm.dealProperty().isNotNull());
        busyIndicator.visibleProperty().bind(vm.busyProperty());
        saveButton.disableProperty().bind(vm.canSave().not());
        saveButton.visibleProperty().bind(vm.editableProperty());
        saveButton.managedProperty().bind(saveButton.visibleProperty());
        saveButton.setOnAction(e -> vm.save());
        if (vm.canDelete()) {
            deleteButton.visibleProperty().bind(vm.isNewProperty().not().and(vm.editableProperty()));
            deleteButton.managedProperty().bind(deleteButton.visibleProperty());
        } else {
            deleteButton.setVisible(false);
            deleteButton.setManaged(false);
        }
        deleteButton.setOnAction(e -> confirmDelete());
        invoiceButton.visibleProperty().bind(vm.isNewProperty().not());
        invoiceButton.managedProperty().bind(invoiceButton.visibleProperty());
        invoiceButton.setOnAction(e -> vm.createInvoice());

        errorLabel.textProperty().bind(vm.errorProperty());
        errorLabel.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        infoLabel.textProperty().bind(vm.infoProperty());
        infoLabel.visibleProperty().bind(vm.infoProperty().isNotEmpty());
        infoLabel.managedProperty().bind(infoLabel.visibleProperty());
        reloadButton.visibleProperty().bind(vm.staleProperty());
        reloadButton.managedProperty().bind(reloadButton.visibleProperty());
        reloadButton.setOnAction(e -> vm.reload());
        messageBox.visibleProperty().bind(vm.errorProperty().isNotEmpty().or(vm.infoProperty().isNotEmpty()));
        messageBox.managedProperty().bind(messageBox.visibleProperty());

        // Stage path: one pill per stage of the pipeline, the current and earlier ones filled.
        vm.stages().addListener((ListChangeListener<PipelineStage>) c -> renderPath());
        vm.stageProperty().addListener((o, a, b) -> renderPath());

        // Deal fields
        nameField.textProperty().bindBidirectional(vm.nameProperty());
        pipelineChoice.setItems(vm.pipelines());
        pipelineChoice.setConverter(converter(p -> p == null ? "" : p.name()));
        pipelineChoice.valueProperty().bindBidirectional(vm.pipelineProperty());
        stageChoice.setItems(vm.stages());
        stageChoice.setConverter(converter(s -> s == null ? "" : s.name()));
        stageChoice.valueProperty().bindBidirectional(vm.stageProperty());
        valueField.textProperty().bindBidirectional(vm.valueProperty());
        valueField.disableProperty().bind(vm.hasProductsProperty());
        valueHint.visibleProperty().bind(vm.hasProductsProperty());
        valueHint.managedProperty().bind(valueHint.visibleProperty());
        currencyField.textProperty().bindBidirectional(vm.currencyProperty());
        currencyField.disableProperty().bind(vm.hasProductsProperty());
        var factory = new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 100, 0, 5);
        probabilitySpinner.setValueFactory(factory);
        factory.valueProperty().bindBidirectional(vm.probabilityProperty());
        probabilitySpinner.focusedProperty().addListener((o, a, f) -> {
            if (!f) {
                commitSpinner();
            }
        });
        expectedRevenueLabel.textProperty().bind(vm.expectedRevenueText());
        expectedCloseField.valueProperty().bindBidirectional(vm.expectedCloseProperty());
        actualCloseLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            Deal d = vm.dealProperty().get();
            return d == null || d.actualCloseDate() == null ? messages.get("deal.notClosed") : formats.date(d.actualCloseDate());
        }, vm.dealProperty()));

        // Outcome (closed stages)
        outcomeBox.visibleProperty().bind(vm.closedStage());
        outcomeBox.managedProperty().bind(outcomeBox.visibleProperty());
        for (Node n : new Node[] {wonReasonLabel, wonReasonField}) {
            n.visibleProperty().bind(vm.wonStage());
            n.managedProperty().bind(n.visibleProperty());
        }
        for (Node n : new Node[] {lostReasonLabel, lostReasonField, lostDetailsLabel, lostDetailsField}) {
            n.visibleProperty().bind(vm.lostStage());
            n.managedProperty().bind(n.visibleProperty());
        }
        wonReasonField.textProperty().bindBidirectional(vm.wonReasonProperty());
        lostReasonField.textProperty().bindBidirectional(vm.lostReasonProperty());
        lostDetailsField.textProperty().bindBidirectional(vm.lostDetailsProperty());

        // People
        companyField = new LookupField<>(tasks, vm::searchCompanies, Options.Company::name, messages.get("deal.task.lookup"));
        companyField.setId("deal-company");
        companyField.setPromptText(messages.get("deal.field.companyPrompt"));
        HBox.setHgrow(companyField, Priority.ALWAYS);
        companyField.valueProperty().bindBidirectional(vm.companyProperty());
        var openCompany = new Button();
        openCompany.setGraphic(new FontIcon(Material2OutlinedAL.BUSINESS));
        openCompany.getStyleClass().add("flat");
        openCompany.setTooltip(new Tooltip(messages.get("deal.company.open")));
        openCompany.disableProperty().bind(vm.companyProperty().isNull());
        openCompany.setOnAction(e -> vm.openCompany());
        companyBox.getChildren().addAll(companyField, openCompany);
        contactField = new LookupField<>(tasks, vm::searchContacts,
                c -> c.companyName() == null ? c.name() : c.name() + " \u00b7 " + c.companyName(), messages.get("deal.task.lookup"));
        contactField.setId("deal-contact");
        contactField.setPromptText(messages.get("deal.field.contactPrompt"));
        HBox.setHgrow(contactField, Priority.ALWAYS);
        contactField.valueProperty().bindBidirectional(vm.contactProperty());
        contactBox.getChildren().add(contactField);
        ownerChoice.setItems(vm.owners());
        ownerChoice.setConverter(converter(p -> p == null ? messages.get("pipeline.card.unassigned") : p.name()));
        ownerChoice.valueProperty().bindBidirectional(vm.ownerProperty());

        // Details
        sourceChoice.getItems().add(null);
        sourceChoice.getItems().addAll(DealValues.SOURCES);
        sourceChoice.setConverter(converter(s -> s == null ? messages.get("pipeline.none") : messages.get("deal.source." + s)));
        sourceChoice.valueProperty().bindBidirectional(vm.sourceProperty());
        sourceDetailField.textProperty().bindBidirectional(vm.sourceDetailProperty());
        priorityChoice.getItems().add(null);
        priorityChoice.getItems().addAll(DealValues.PRIORITIES);
        priorityChoice.setConverter(converter(s -> s == null ? messages.get("pipeline.none") : messages.get("deal.priority." + s)));
        priorityChoice.valueProperty().bindBidirectional(vm.priorityProperty());
        competitorField.textProperty().bindBidirectional(vm.competitorProperty());
        tagsField.textProperty().bindBidirectional(vm.tagsProperty());
        vm.tagOptions().addListener((ListChangeListener<Options.Tag>) c -> renderTagSuggestions());
        vm.tagsProperty().addListener((o, a, b) -> renderTagSuggestions());
        descriptionField.textProperty().bindBidirectional(vm.descriptionProperty());
        notesField.textProperty().bindBidirectional(vm.notesProperty());

        // Read-only deals: every input disabled.
        for (Control c : new Control[] {nameField, pipelineChoice, stageChoice, probabilitySpinner, expectedCloseField,
                wonReasonField, lostReasonField, lostDetailsField, companyField, contactField, ownerChoice, sourceChoice,
                sourceDetailField, priorityChoice, competitorField, tagsField, descriptionField, notesField}) {
            c.disableProperty().bind(vm.editableProperty().not());
        }
        valueField.disableProperty().unbind();
        valueField.disableProperty().bind(vm.hasProductsProperty().or(vm.editableProperty().not()));
        currencyField.disableProperty().unbind();
        currencyField.disableProperty().bind(vm.hasProductsProperty().or(vm.editableProperty().not()));
        ownerChoice.disableProperty().unbind();
        ownerChoice.disableProperty().bind(vm.editableProperty().not().or(Bindings.size(vm.owners()).lessThan(2)));
        pipelineChoice.disableProperty().unbind();
        pipelineChoice.disableProperty().bind(vm.editableProperty().not().or(vm.hasProductsProperty().and(vm.isNewProperty())));

        vm.fieldErrors().addListener((MapChangeListener<String, String>) c -> markErrors());

        // Custom fields (defined by admins for deals): one control per field, rebuilt per deal.
        vm.customDefinitions().addListener((ListChangeListener<CustomFieldDefinition>) c -> renderCustomFields());
        vm.dealProperty().addListener((o, a, b) -> renderCustomFields());
        renderCustomFields();

        // Tabs: only for saved deals
        tabs.disableProperty().bind(vm.isNewProperty());
        tabs.visibleProperty().bind(vm.isNewProperty().not());
        newDealHint.visibleProperty().bind(vm.isNewProperty());
        newDealHint.setAlignment(Pos.CENTER);

        var changesTab = new Tab(messages.get("deal.tab.changes"), changes.root());
        changesTab.setId("deal-tab-changes");
        tabs.getTabs().add(changesTab);
        changesTab.selectedProperty().subscribe(selected -> {
            if (selected) {
                changes.onActivate();
            } else {
                changes.onDeactivate();
            }
        });
        vm.dealProperty().subscribe(d -> {
            if (d == null) {
                changes.clear();
            } else {
                changes.show("deals", d.id());
            }
        });

        historyList.setItems(vm.history());
        historyList.setCellFactory(lv -> new HistoryCell());
        historyList.setPlaceholder(new Label(messages.get("deal.history.empty")));

        activityTypeChoice.getItems().setAll(DealDetailViewModel.LOGGABLE);
        activityTypeChoice.setConverter(converter(t -> t == null ? "" : messages.get("deal.activity.type." + t.dbName())));
        activityTypeChoice.valueProperty().bindBidirectional(vm.activityTypeProperty());
        activitySubjectField.textProperty().bindBidirectional(vm.activitySubjectProperty());
        activityDueField.valueProperty().bindBidirectional(vm.activityDueProperty());
        activityDueField.visibleProperty().bind(vm.activityTypeProperty().isEqualTo(ActivityType.TASK));
        activityDueField.managedProperty().bind(activityDueField.visibleProperty());
        logActivityButton.disableProperty().bind(vm.activitySubjectProperty().isEmpty());
        logActivityButton.setOnAction(e -> vm.logActivity());
        activitySubjectField.setOnAction(e -> vm.logActivity());
        activityForm.setVisible(vm.canLogActivities());
        activityForm.setManaged(vm.canLogActivities());
        activityList.setItems(vm.activities());
        activityList.setCellFactory(lv -> new ActivityCell());
        activityList.setPlaceholder(new Label(messages.get("deal.activity.empty")));

        noteField.textProperty().bindBidirectional(vm.noteTextProperty());
        addNoteButton.disableProperty().bind(vm.noteTextProperty().isEmpty());
        addNoteButton.setOnAction(e -> vm.addNote());
        noteField.setVisible(vm.canAddNotes());
        noteField.setManaged(vm.canAddNotes());
        addNoteButton.setVisible(vm.canAddNotes());
        noteList.setItems(vm.noteList());
        noteList.setCellFactory(lv -> new NoteCell());
        noteList.setPlaceholder(new Label(messages.get("deal.note.empty")));

        productField = new LookupField<>(tasks, vm::searchProducts, p -> p.sku() == null
                ? p.name() + " \u00b7 " + formats.money(p.price(), p.currency())
                : p.name() + " (" + p.sku() + ") \u00b7 " + formats.money(p.price(), p.currency()), messages.get("deal.task.lookup"));
        productField.setId("deal-product");
        productField.setPromptText(messages.get("deal.products.choose"));
        HBox.setHgrow(productField, Priority.ALWAYS);
        productField.valueProperty().bindBidirectional(vm.productProperty());
        productBox.getChildren().add(productField);
        quantityField.textProperty().bindBidirectional(vm.productQuantityProperty());
        priceField.textProperty().bindBidirectional(vm.productPriceProperty());
        discountField.textProperty().bindBidirectional(vm.productDiscountProperty());
        productForm.disableProperty().bind(vm.editableProperty().not());
        addProductButton.disableProperty().bind(vm.productProperty().isNull());
        addProductButton.setOnAction(e -> vm.addProduct());
        updateProductButton.disableProperty().bind(vm.selectedLineProperty().isNull());
        updateProductButton.setOnAction(e -> vm.updateLine());
        removeProductButton.disableProperty().bind(vm.selectedLineProperty().isNull());
        removeProductButton.setOnAction(e -> vm.removeLine(vm.selectedLineProperty().get()));
        buildLineTable();
    }

    private void commitSpinner() {
        try {
            String text = probabilitySpinner.getEditor().getText();
            if (text != null && !text.isBlank()) {
                int v = Math.max(0, Math.min(100, Integer.parseInt(text.strip().replace("%", ""))));
                probabilitySpinner.getValueFactory().setValue(v);
            }
        } catch (NumberFormatException e) {
            probabilitySpinner.getEditor().setText(String.valueOf(probabilitySpinner.getValue()));
        }
    }

    private String subtitle() {
        Deal d = vm.dealProperty().get();
        if (d == null) {
            return messages.get("deal.newSubtitle");
        }
        String company = d.companyName() == null ? messages.get("pipeline.card.noCompany") : d.companyName();
        return messages.get("deal.subtitle", company, formats.money(d.value(), d.currency()), d.pipelineName(),
                d.ownerName() == null ? messages.get("pipeline.card.unassigned") : d.ownerName());
    }

    private void renderPath() {
        stagePath.getChildren().clear();
        PipelineStage current = vm.stageProperty().get();
        boolean reached = true;
        for (PipelineStage s : vm.stages()) {
            if (s.archived() && (current == null || !s.id().equals(current.id()))) {
                continue;
            }
            var pill = new Button(s.name());
            pill.getStyleClass().add("stage-pill");
            pill.setId("deal-stage-pill-" + s.position());
            boolean isCurrent = current != null && s.id().equals(current.id());
            if (isCurrent) {
                pill.getStyleClass().add(s.closed() ? (s.won() ? "current-won" : "current-lost") : "current");
            } else if (reached && current != null && !s.closed() && !current.closed()) {
                pill.getStyleClass().add("done");
            }
            if (isCurrent) {
                reached = false;
            }
            pill.setStyle("-fx-border-color: " + s.color() + ";");
            pill.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(pill, Priority.ALWAYS);
            pill.setTooltip(new Tooltip(messages.get("deal.stagePath.tip", s.name(), s.defaultProbability())));
            pill.disableProperty().bind(vm.editableProperty().not());
            pill.setOnAction(e -> vm.stageProperty().set(s));
            stagePath.getChildren().add(pill);
        }
        if (current == null) {
            return;
        }
        // Mark the stages before the current one as passed.
        boolean before = true;
        for (Node n : stagePath.getChildren()) {
            if (n.getStyleClass().contains("current") || n.getStyleClass().contains("current-won")
                    || n.getStyleClass().contains("current-lost")) {
                before = false;
            } else if (!before) {
                n.getStyleClass().remove("done");
            }
        }
    }

    private void renderCustomFields() {
        customGrid.getChildren().clear();
        boolean any = !vm.customDefinitions().isEmpty();
        customFieldsBox.setVisible(any);
        customFieldsBox.setManaged(any);
        int row = 0;
        for (CustomFieldDefinition def : vm.customDefinitions()) {
            var label = new Label(def.label() + (def.required() ? " *" : ""));
            label.getStyleClass().add("form-label");
            Object value = vm.customValues().get(def.id());
            Control control = switch (def.type()) {
                case BOOLEAN -> {
                    var box = new CheckBox();
                    box.setSelected(Boolean.TRUE.equals(value));
                    box.selectedProperty().addListener((o, a, b) -> vm.customValues().put(def.id(), b));
                    yield box;
                }
                case DATE -> {
                    var picker = new DatePicker(value instanceof java.time.LocalDate d ? d : null);
                    picker.setMaxWidth(Double.MAX_VALUE);
                    picker.valueProperty().addListener((o, a, b) -> putOrRemove(def, b));
                    yield picker;
                }
                case CHOICE -> {
                    var combo = new ComboBox<String>();
                    combo.getItems().add(null);
                    combo.getItems().addAll(def.options());
                    combo.setValue(value instanceof String v ? v : null);
                    combo.setMaxWidth(Double.MAX_VALUE);
                    combo.valueProperty().addListener((o, a, b) -> putOrRemove(def, b));
                    yield combo;
                }
                case NUMBER -> {
                    var field = new TextField(value instanceof BigDecimal n ? n.stripTrailingZeros().toPlainString() : "");
                    field.textProperty().addListener((o, a, b) -> {
                        var n = b == null || b.isBlank() ? null : DealDetailViewModel.parseMoney(b);
                        putOrRemove(def, n == null && b != null && !b.isBlank() ? b : n);
                    });
                    yield field;
                }
                case TEXT -> {
                    var field = new TextField(value instanceof String v ? v : "");
                    field.textProperty().addListener((o, a, b) -> putOrRemove(def, b == null || b.isBlank() ? null : b));
                    yield field;
                }
            };
            control.setId("deal-cf-" + def.name());
            control.disableProperty().bind(vm.editableProperty().not());
            customGrid.addRow(row++, label, control);
        }
    }

    private void putOrRemove(CustomFieldDefinition def, Object value) {
        if (value == null) {
            vm.customValues().remove(def.id());
        } else {
            vm.customValues().put(def.id(), value);
        }
    }

    private void renderTagSuggestions() {
        tagSuggestions.getChildren().clear();
        var chosen = DealDetailViewModel.splitTags(vm.tagsProperty().get()).stream()
                .map(t -> t.toLowerCase(java.util.Locale.ROOT)).toList();
        vm.tagOptions().stream().filter(t -> !chosen.contains(t.name().toLowerCase(java.util.Locale.ROOT))).limit(12).forEach(t -> {
            var chip = new Button("+ " + t.name());
            chip.getStyleClass().addAll("tag-chip", "flat");
            chip.setStyle("-fx-text-fill: " + t.color() + ";");
            chip.disableProperty().bind(vm.editableProperty().not());
            chip.setOnAction(e -> {
                String current = vm.tagsProperty().get();
                vm.tagsProperty().set(current == null || current.isBlank() ? t.name() : current.strip() + ", " + t.name());
            });
            tagSuggestions.getChildren().add(chip);
        });
    }

    private void markErrors() {
        Map<String, Control> controls = Map.of("name", nameField, "value", valueField, "currency", currencyField,
                "probability", probabilitySpinner, "stageId", stageChoice, "pipelineId", pipelineChoice,
                "lostReason", lostReasonField, "wonReason", wonReasonField, "tags", tagsField, "ownerId", ownerChoice);
        var errors = vm.errorsSnapshot();
        controls.forEach((field, control) -> {
            control.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("danger"), errors.containsKey(field));
            if (errors.containsKey(field)) {
                control.setTooltip(new Tooltip(errors.get(field)));
            }
        });
    }

    private void confirmDelete() {
        Deal d = vm.dealProperty().get();
        if (d == null) {
            return;
        }
        var alert = new Alert(Alert.AlertType.CONFIRMATION, messages.get("deal.delete.confirm", d.name()),
                ButtonType.OK, ButtonType.CANCEL);
        alert.initOwner(root.getScene() == null ? null : root.getScene().getWindow());
        alert.setHeaderText(messages.get("deal.delete.title"));
        alert.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> vm.delete(onBack));
    }

    private void buildLineTable() {
        lineTable.setItems(vm.lines());
        lineTable.setPlaceholder(new Label(messages.get("deal.products.empty")));
        lineTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        var product = new TableColumn<DealProduct, String>(messages.get("deal.products.product"));
        product.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().sku() == null ? c.getValue().description()
                : c.getValue().description() + " (" + c.getValue().sku() + ")"));
        product.setPrefWidth(200);
        var qty = new TableColumn<DealProduct, String>(messages.get("deal.products.qty"));
        qty.setCellValueFactory(c -> new ReadOnlyStringWrapper(formats.plain(c.getValue().quantity())));
        qty.setStyle("-fx-alignment: CENTER-RIGHT;");
        var price = new TableColumn<DealProduct, String>(messages.get("deal.products.price"));
        price.setCellValueFactory(c -> new ReadOnlyStringWrapper(money(c.getValue().unitPrice())));
        price.setStyle("-fx-alignment: CENTER-RIGHT;");
        var discount = new TableColumn<DealProduct, String>(messages.get("deal.products.discount"));
        discount.setCellValueFactory(c -> new ReadOnlyStringWrapper(money(c.getValue().discount())));
        discount.setStyle("-fx-alignment: CENTER-RIGHT;");
        var total = new TableColumn<DealProduct, String>(messages.get("deal.products.lineTotal"));
        total.setCellValueFactory(c -> new ReadOnlyStringWrapper(money(c.getValue().lineTotal())));
        total.setStyle("-fx-alignment: CENTER-RIGHT;");
        lineTable.getColumns().setAll(java.util.List.of(product, qty, price, discount, total));
        lineTable.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selectedLineProperty().set(b));
        vm.selectedLineProperty().addListener((o, a, b) -> {
            if (b == null) {
                lineTable.getSelectionModel().clearSelection();
            }
        });
        linesTotalLabel.textProperty().bind(Bindings.createStringBinding(() -> money(vm.lines().stream()
                .map(DealProduct::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add)), vm.lines(), vm.currencyProperty()));
    }

    private String money(BigDecimal v) {
        return formats.money(v, vm.currencyProperty().get());
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> f) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return f.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    /** Opens a deal (or a new-deal form). */
    public void open(DetailRequest request) {
        tabs.getSelectionModel().select(timelineTab);
        vm.open(request);
        nameField.requestFocus();
    }

    @Override
    public Parent root() {
        return root;
    }

    // ------------------------------------------------------------------ cells

    private final class HistoryCell extends ListCell<StageHistoryEntry> {
        @Override
        protected void updateItem(StageHistoryEntry h, boolean empty) {
            super.updateItem(h, empty);
            if (empty || h == null) {
                setGraphic(null);
                return;
            }
            var title = new Label(h.fromStageName() == null ? messages.get("deal.history.created", h.toStageName())
                    : messages.get("deal.history.moved", h.fromStageName(), h.toStageName()));
            title.getStyleClass().add("strong");
            var meta = new Label(messages.get("deal.history.meta", h.changedByName() == null ? "" : h.changedByName(),
                    formats.dateTime(h.changedAt())) + (h.timeInPreviousStage() == null ? ""
                    : " \u00b7 " + messages.get("deal.history.after", formats.duration(h.timeInPreviousStage()), h.fromStageName())));
            meta.getStyleClass().add("muted");
            var box = new VBox(2, title, meta);
            if (h.note() != null) {
                var note = new Label(h.note());
                note.setWrapText(true);
                note.getStyleClass().add("history-note");
                box.getChildren().add(note);
            }
            var dot = new Region();
            dot.getStyleClass().add("timeline-dot");
            var row = new HBox(10, dot, box);
            row.setAlignment(Pos.TOP_LEFT);
            setGraphic(row);
        }
    }

    private final class ActivityCell extends ListCell<Activity> {
        @Override
        protected void updateItem(Activity a, boolean empty) {
            super.updateItem(a, empty);
            if (empty || a == null) {
                setGraphic(null);
                return;
            }
            var icon = new FontIcon(switch (a.type()) {
                case CALL -> Material2OutlinedAL.CALL;
                case EMAIL -> Material2OutlinedAL.EMAIL;
                case MEETING -> Material2OutlinedAL.GROUPS;
                case TASK -> Material2OutlinedAL.ASSIGNMENT;
                default -> Material2OutlinedAL.EVENT;
            });
            icon.getStyleClass().add("activity-icon");
            var subject = new Label(a.subject());
            subject.getStyleClass().add("strong");
            String when = a.task() && a.dueAt() != null ? messages.get("deal.activity.dueAt", formats.dateTime(a.dueAt()))
                    : formats.dateTime(a.occurredAt());
            var meta = new Label(messages.get("deal.activity.type." + a.type().dbName()) + " \u00b7 " + when
                    + (a.createdByName() == null ? "" : " \u00b7 " + a.createdByName()));
            meta.getStyleClass().add("muted");
            var text = new VBox(2, subject, meta);
            HBox.setHgrow(text, Priority.ALWAYS);
            var row = new HBox(10, icon, text);
            row.setAlignment(Pos.CENTER_LEFT);
            if (a.task()) {
                var done = new CheckBox();
                done.setSelected("completed".equals(a.taskStatus()));
                done.setTooltip(new Tooltip(messages.get("deal.activity.done")));
                done.setOnAction(e -> vm.completeTask(a));
                row.getChildren().add(done);
                if (a.isOverdue(vm.now())) {
                    subject.getStyleClass().add("error-text");
                }
            }
            setGraphic(row);
        }
    }

    private final class NoteCell extends ListCell<Note> {
        @Override
        protected void updateItem(Note n, boolean empty) {
            super.updateItem(n, empty);
            if (empty || n == null) {
                setGraphic(null);
                return;
            }
            var body = new Label(n.body());
            body.setWrapText(true);
            body.setMaxWidth(460);
            var meta = new Label((n.createdByName() == null ? "" : n.createdByName() + " \u00b7 ") + formats.dateTime(n.createdAt()));
            meta.getStyleClass().add("muted");
            var pin = new Button();
            pin.setGraphic(new FontIcon(n.pinned() ? Material2OutlinedMZ.STAR : Material2OutlinedMZ.STAR_BORDER));
            pin.getStyleClass().add("flat");
            pin.setTooltip(new Tooltip(messages.get(n.pinned() ? "deal.note.unpin" : "deal.note.pin")));
            pin.setOnAction(e -> vm.togglePin(n));
            var text = new VBox(4, body, meta);
            HBox.setHgrow(text, Priority.ALWAYS);
            var row = new HBox(8, text, pin);
            if (n.pinned()) {
                row.getStyleClass().add("pinned-note");
            }
            setGraphic(row);
        }
    }
}
