package org.deskcrm.pipeline.ui;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.deskcrm.activity.Activity;
import org.deskcrm.activity.ActivityDraft;
import org.deskcrm.activity.ActivityService;
import org.deskcrm.activity.ActivityType;
import org.deskcrm.activity.Note;
import org.deskcrm.activity.NoteDraft;
import org.deskcrm.activity.NoteService;
import org.deskcrm.customfield.CustomFieldDefinition;
import org.deskcrm.deal.Deal;
import org.deskcrm.deal.DealDraft;
import org.deskcrm.deal.DealProduct;
import org.deskcrm.deal.DealProductDraft;
import org.deskcrm.deal.DealService;
import org.deskcrm.deal.DealValues;
import org.deskcrm.deal.Options;
import org.deskcrm.deal.StageHistoryEntry;
import org.deskcrm.pipeline.Pipeline;
import org.deskcrm.pipeline.PipelineService;
import org.deskcrm.pipeline.PipelineStage;
import org.deskcrm.platform.persistence.StaleRecordException;
import org.deskcrm.platform.persistence.ValidationException;
import org.deskcrm.security.Action;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.Resource;
import org.deskcrm.ui.i18n.Messages;
import org.deskcrm.ui.shell.Navigator;
import org.deskcrm.ui.task.BackgroundTask;
import org.deskcrm.ui.task.TaskRunner;

/**
 * The deal page: every field of a deal (new or existing) with validation and version-checked
 * saving, its stage timeline, activities, notes and product lines, and "create invoice".
 */
public final class DealDetailViewModel {
    public static final List<ActivityType> LOGGABLE = List.of(ActivityType.CALL, ActivityType.EMAIL, ActivityType.MEETING,
            ActivityType.TASK);

    private final CurrentUser user;
    private final DealService deals;
    private final PipelineService pipelineService;
    private final ActivityService activityService;
    private final NoteService noteService;
    private final Navigator navigator;
    private final TaskRunner tasks;
    private final Messages messages;
    private final Clock clock;
    private final ZoneId zone;

    // form
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty description = new SimpleStringProperty("");
    private final ObservableList<Pipeline> pipelines = FXCollections.observableArrayList();
    private final ObjectProperty<Pipeline> pipeline = new SimpleObjectProperty<>();
    private final ObservableList<PipelineStage> stages = FXCollections.observableArrayList();
    private final ObjectProperty<PipelineStage> stage = new SimpleObjectProperty<>();
    private final ObjectProperty<Options.Company> company = new SimpleObjectProperty<>();
    private final ObjectProperty<Options.Contact> contact = new SimpleObjectProperty<>();
    private final StringProperty value = new SimpleStringProperty("0");
    private final StringProperty currency = new SimpleStringProperty("USD");
    private final ObjectProperty<Integer> probability = new SimpleObjectProperty<>(0);
    private final ObjectProperty<LocalDate> expectedClose = new SimpleObjectProperty<>();
    private final StringProperty actualClose = new SimpleStringProperty("");
    private final ObservableList<Options.Person> owners = FXCollections.observableArrayList();
    private final ObjectProperty<Options.Person> owner = new SimpleObjectProperty<>();
    private final ObjectProperty<String> source = new SimpleObjectProperty<>();
    private final StringProperty sourceDetail = new SimpleStringProperty("");
    private final ObjectProperty<String> priority = new SimpleObjectProperty<>();
    private final StringProperty competitor = new SimpleStringProperty("");
    private final StringProperty wonReason = new SimpleStringProperty("");
    private final StringProperty lostReason = new SimpleStringProperty("");
    private final StringProperty lostDetails = new SimpleStringProperty("");
    private final StringProperty notes = new SimpleStringProperty("");
    private final StringProperty tags = new SimpleStringProperty("");
    private final ObservableList<Options.Tag> tagOptions = FXCollections.observableArrayList();
    private final ObservableList<CustomFieldDefinition> customDefinitions = FXCollections.observableArrayList();
    private final ObservableMap<UUID, Object> customValues = FXCollections.observableHashMap();

    // state
    private final ObjectProperty<Deal> deal = new SimpleObjectProperty<>();
    private final BooleanProperty isNew = new SimpleBooleanProperty(true);
    private final BooleanProperty editable = new SimpleBooleanProperty(true);
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty info = new SimpleStringProperty("");
    private final BooleanProperty stale = new SimpleBooleanProperty();
    private final BooleanProperty hasProducts = new SimpleBooleanProperty();
    private final ObservableMap<String, String> fieldErrors = FXCollections.observableHashMap();
    private final StringBinding expectedRevenue;
    private boolean changed;
    private boolean companyReadable;
    private boolean populating;

    // related lists
    private final ObservableList<StageHistoryEntry> history = FXCollections.observableArrayList();
    private final ObservableList<Activity> activities = FXCollections.observableArrayList();
    private final ObservableList<Note> noteList = FXCollections.observableArrayList();
    private final ObservableList<DealProduct> lines = FXCollections.observableArrayList();

    // small forms
    private final ObjectProperty<ActivityType> activityType = new SimpleObjectProperty<>(ActivityType.CALL);
    private final StringProperty activitySubject = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> activityDue = new SimpleObjectProperty<>();
    private final StringProperty noteText = new SimpleStringProperty("");
    private final ObjectProperty<Options.Product> product = new SimpleObjectProperty<>();
    private final StringProperty productQuantity = new SimpleStringProperty("1");
    private final StringProperty productPrice = new SimpleStringProperty("");
    private final StringProperty productDiscount = new SimpleStringProperty("0");
    private final ObjectProperty<DealProduct> selectedLine = new SimpleObjectProperty<>();

    public DealDetailViewModel(CurrentUser user, DealService deals, PipelineService pipelineService,
            ActivityService activityService, NoteService noteService, Navigator navigator, TaskRunner tasks,
            Messages messages, Clock clock, ZoneId zone, Formats formats) {
        this.user = user;
        this.deals = deals;
        this.pipelineService = pipelineService;
        this.activityService = activityService;
        this.noteService = noteService;
        this.navigator = navigator;
        this.tasks = tasks;
        this.messages = messages;
        this.clock = clock;
        this.zone = zone;
        this.expectedRevenue = Bindings.createStringBinding(() -> {
            BigDecimal v = parseMoney(value.get());
            Integer p = probability.get();
            String cur = currency.get();
            if (v == null || p == null || !DealValues.isCurrency(cur)) {
                return "";
            }
            return formats.money(DealValues.expectedRevenue(v, p), cur);
        }, value, probability, currency);
        // Entering another stage takes its default probability (the user may still change it).
        stage.addListener((o, before, after) -> {
            if (!populating && after != null && (before == null || !after.id().equals(before.id()))) {
                probability.set(after.defaultProbability());
            }
        });
        pipeline.addListener((o, before, after) -> {
            if (!populating && after != null && (before == null || !after.id().equals(before.id()))) {
                loadStages(after.id(), null);
            }
        });
        company.addListener((o, before, after) -> {
            if (!populating && contact.get() != null && contact.get().companyId() != null && after != null
                    && !contact.get().companyId().equals(after.id())) {
                contact.set(null);
            }
        });
        selectedLine.addListener((o, a, line) -> {
            if (line != null) {
                productQuantity.set(line.quantity().stripTrailingZeros().toPlainString());
                productPrice.set(line.unitPrice().stripTrailingZeros().toPlainString());
                productDiscount.set(line.discount().stripTrailingZeros().toPlainString());
            }
        });
        product.addListener((o, a, p) -> {
            if (p != null) {
                productPrice.set(p.price().stripTrailingZeros().toPlainString());
            }
        });
    }

    // ------------------------------------------------------------------ properties

    public StringProperty nameProperty() { return name; }
    public StringProperty descriptionProperty() { return description; }
    public ObservableList<Pipeline> pipelines() { return pipelines; }
    public ObjectProperty<Pipeline> pipelineProperty() { return pipeline; }
    public ObservableList<PipelineStage> stages() { return stages; }
    public ObjectProperty<PipelineStage> stageProperty() { return stage; }
    public ObjectProperty<Options.Company> companyProperty() { return company; }
    public ObjectProperty<Options.Contact> contactProperty() { return contact; }
    public StringProperty valueProperty() { return value; }
    public StringProperty currencyProperty() { return currency; }
    public ObjectProperty<Integer> probabilityProperty() { return probability; }
    public StringBinding expectedRevenueText() { return expectedRevenue; }
    public ObjectProperty<LocalDate> expectedCloseProperty() { return expectedClose; }
    public StringProperty actualCloseProperty() { return actualClose; }
    public ObservableList<Options.Person> owners() { return owners; }
    public ObjectProperty<Options.Person> ownerProperty() { return owner; }
    public ObjectProperty<String> sourceProperty() { return source; }
    public StringProperty sourceDetailProperty() { return sourceDetail; }
    public ObjectProperty<String> priorityProperty() { return priority; }
    public StringProperty competitorProperty() { return competitor; }
    public StringProperty wonReasonProperty() { return wonReason; }
    public StringProperty lostReasonProperty() { return lostReason; }
    public StringProperty lostDetailsProperty() { return lostDetails; }
    public StringProperty notesProperty() { return notes; }
    public StringProperty tagsProperty() { return tags; }
    public ObservableList<Options.Tag> tagOptions() { return tagOptions; }
    public ObservableList<CustomFieldDefinition> customDefinitions() { return customDefinitions; }
    /** Custom field values by definition id, as the form edits them (String, BigDecimal, LocalDate or Boolean). */
    public ObservableMap<UUID, Object> customValues() { return customValues; }
    public ObjectProperty<Deal> dealProperty() { return deal; }
    public BooleanProperty isNewProperty() { return isNew; }
    public BooleanProperty editableProperty() { return editable; }
    public BooleanProperty busyProperty() { return busy; }
    public StringProperty errorProperty() { return error; }
    public StringProperty infoProperty() { return info; }
    public BooleanProperty staleProperty() { return stale; }
    public BooleanProperty hasProductsProperty() { return hasProducts; }
    public ObservableMap<String, String> fieldErrors() { return fieldErrors; }
    public ObservableList<StageHistoryEntry> history() { return history; }
    public ObservableList<Activity> activities() { return activities; }
    public ObservableList<Note> noteList() { return noteList; }
    public ObservableList<DealProduct> lines() { return lines; }
    public ObjectProperty<ActivityType> activityTypeProperty() { return activityType; }
    public StringProperty activitySubjectProperty() { return activitySubject; }
    public ObjectProperty<LocalDate> activityDueProperty() { return activityDue; }
    public StringProperty noteTextProperty() { return noteText; }
    public ObjectProperty<Options.Product> productProperty() { return product; }
    public StringProperty productQuantityProperty() { return productQuantity; }
    public StringProperty productPriceProperty() { return productPrice; }
    public StringProperty productDiscountProperty() { return productDiscount; }
    public ObjectProperty<DealProduct> selectedLineProperty() { return selectedLine; }

    public BooleanBinding closedStage() {
        return Bindings.createBooleanBinding(() -> stage.get() != null && stage.get().closed(), stage);
    }

    public BooleanBinding wonStage() {
        return Bindings.createBooleanBinding(() -> stage.get() != null && stage.get().won(), stage);
    }

    public BooleanBinding lostStage() {
        return Bindings.createBooleanBinding(() -> stage.get() != null && stage.get().lost(), stage);
    }

    /** Whether anything was saved since the page opened (the board then reloads). */
    public boolean changed() {
        return changed;
    }

    public boolean canDelete() {
        return user.can(Resource.DEALS, Action.DELETE);
    }

    public boolean canLogActivities() {
        return user.can(Resource.ACTIVITIES, Action.CREATE);
    }

    public boolean canAddNotes() {
        return user.can(Resource.NOTES, Action.CREATE);
    }

    public boolean canChooseOwner() {
        return owners.size() > 1;
    }

    // ------------------------------------------------------------------ loading

    private record Loaded(List<Pipeline> pipelines, List<Options.Person> owners, List<Options.Tag> tags, Deal deal,
            List<PipelineStage> stages, Options.Company company, boolean companyReadable, String currency,
            Related related, List<CustomFieldDefinition> customDefinitions) {}

    private record Saved(Deal deal, Related related, boolean companyReadable) {}

    private record ProductChange(Deal deal, List<DealProduct> lines) {}

    private record Related(List<StageHistoryEntry> history, List<Activity> activities, List<Note> notes,
            List<DealProduct> lines) {
        static final Related NONE = new Related(List.of(), List.of(), List.of(), List.of());
    }

    /** Opens a deal, or a new-deal form (in the given pipeline/stage, for the given company). */
    public void open(DetailRequest request) {
        reset();
        busy.set(true);
        BackgroundTask.of(messages.get("deal.task.open"), p -> {
                    List<Pipeline> pipelineList = pipelineService.pipelines(user);
                    List<Options.Person> ownerList = deals.assignableOwners(user);
                    List<Options.Tag> tagList = deals.tags(user);
                    Deal d = request.isNew() ? null : deals.get(user, request.dealId());
                    UUID pipelineId = d != null ? d.pipelineId()
                            : request.pipelineId() != null ? request.pipelineId() : pipelineService.defaultPipeline(user).id();
                    List<PipelineStage> stageList = pipelineService.allStages(user, pipelineId).stream()
                            .filter(s -> !s.archived() || (d != null && s.id().equals(d.stageId()))).toList();
                    UUID companyId = d != null ? d.companyId() : request.companyId();
                    Options.Company c = companyId == null ? null : deals.company(user, companyId).orElse(null);
                    if (c == null && d != null && d.companyId() != null) {
                        c = new Options.Company(d.companyId(), d.companyName());
                    }
                    boolean readable = companyId != null && deals.company(user, companyId).isPresent();
                    Related related = d == null ? Related.NONE : related(d.id());
                    return new Loaded(pipelineList, ownerList, tagList, d, stageList, c, readable,
                            deals.organizationCurrency(user), related, deals.customFieldDefinitions(user));
                })
                .onSuccess(loaded -> {
                    populating = true;
                    try {
                        pipelines.setAll(loaded.pipelines());
                        owners.setAll(loaded.owners());
                        tagOptions.setAll(loaded.tags());
                        customDefinitions.setAll(loaded.customDefinitions());
                        stages.setAll(loaded.stages());
                        companyReadable = loaded.companyReadable();
                        if (loaded.deal() != null) {
                            populate(loaded.deal());
                            showRelated(loaded.related());
                        } else {
                            isNew.set(true);
                            editable.set(DealService.canCreate(user));
                            UUID pipelineId = request.pipelineId();
                            pipeline.set(loaded.pipelines().stream().filter(x -> x.id().equals(pipelineId)).findFirst()
                                    .orElseGet(() -> loaded.pipelines().stream().filter(Pipeline::isDefault).findFirst()
                                            .orElse(loaded.pipelines().isEmpty() ? null : loaded.pipelines().getFirst())));
                            PipelineStage first = loaded.stages().stream()
                                    .filter(s -> request.stageId() != null ? s.id().equals(request.stageId()) : !s.closed())
                                    .findFirst().orElse(null);
                            stage.set(first);
                            probability.set(first == null ? 0 : first.defaultProbability());
                            currency.set(loaded.currency());
                            company.set(loaded.company());
                            owner.set(loaded.owners().stream().filter(x -> x.id().equals(user.userId())).findFirst()
                                    .orElse(loaded.owners().isEmpty() ? null : loaded.owners().getFirst()));
                        }
                    } finally {
                        populating = false;
                    }
                })
                .onFailure(e -> error.set(e.getMessage()))
                .onFinally(() -> busy.set(false))
                .runOn(tasks);
    }

    private Related related(UUID dealId) {
        return new Related(deals.history(user, dealId),
                user.can(Resource.ACTIVITIES, Action.READ) ? activityService.forDeal(user, dealId, null, 100) : List.of(),
                user.can(Resource.NOTES, Action.READ) ? noteService.forDeal(user, dealId, 100) : List.of(),
                deals.products(user, dealId));
    }

    private void showRelated(Related r) {
        history.setAll(r.history().reversed());
        activities.setAll(r.activities());
        noteList.setAll(r.notes());
        lines.setAll(r.lines());
    }

    private void reset() {
        populating = true;
        try {
            deal.set(null);
            isNew.set(true);
            editable.set(true);
            stale.set(false);
            hasProducts.set(false);
            changed = false;
            error.set("");
            info.set("");
            fieldErrors.clear();
            name.set("");
            description.set("");
            pipeline.set(null);
            stage.set(null);
            company.set(null);
            contact.set(null);
            value.set("0");
            probability.set(0);
            expectedClose.set(null);
            actualClose.set("");
            owner.set(null);
            source.set(null);
            sourceDetail.set("");
            priority.set(null);
            competitor.set("");
            wonReason.set("");
            lostReason.set("");
            lostDetails.set("");
            notes.set("");
            tags.set("");
            customValues.clear();
            history.clear();
            activities.clear();
            noteList.clear();
            lines.clear();
            activitySubject.set("");
            activityDue.set(null);
            noteText.set("");
            product.set(null);
            productQuantity.set("1");
            productPrice.set("");
            productDiscount.set("0");
            selectedLine.set(null);
        } finally {
            populating = false;
        }
    }

    private void populate(Deal d) {
        boolean was = populating;
        populating = true;
        try {
            deal.set(d);
            isNew.set(false);
            editable.set(d.editable());
            hasProducts.set(d.hasProducts());
            stale.set(false);
            name.set(d.name());
            description.set(nz(d.description()));
            pipeline.set(pipelines.stream().filter(p -> p.id().equals(d.pipelineId())).findFirst()
                    .orElse(new Pipeline(d.pipelineId(), d.pipelineName(), null, null, false, 0, null, 0)));
            stage.set(stages.stream().filter(s -> s.id().equals(d.stageId())).findFirst().orElse(null));
            company.set(d.companyId() == null ? null : new Options.Company(d.companyId(), d.companyName()));
            contact.set(d.contactId() == null ? null : new Options.Contact(d.contactId(), d.contactName(), d.companyId(), d.companyName()));
            value.set(d.value().stripTrailingZeros().toPlainString());
            currency.set(d.currency());
            probability.set(d.probability());
            expectedClose.set(d.expectedCloseDate());
            actualClose.set(d.actualCloseDate() == null ? "" : d.actualCloseDate().toString());
            if (d.ownerId() != null && owners.stream().noneMatch(p -> p.id().equals(d.ownerId()))) {
                owners.add(new Options.Person(d.ownerId(), d.ownerName()));
            }
            owner.set(owners.stream().filter(p -> p.id().equals(d.ownerId())).findFirst().orElse(null));
            source.set(d.source());
            sourceDetail.set(nz(d.sourceDetail()));
            priority.set(d.priority());
            competitor.set(nz(d.competitor()));
            wonReason.set(nz(d.wonReason()));
            lostReason.set(nz(d.lostReason()));
            lostDetails.set(nz(d.lostReasonDetails()));
            notes.set(nz(d.notes()));
            tags.set(String.join(", ", d.tags()));
            customValues.clear();
            d.customValues().forEach((k, v) -> {
                if (v != null) {
                    customValues.put(k, v);
                }
            });
        } finally {
            populating = was;
        }
    }

    private void loadStages(UUID pipelineId, UUID select) {
        BackgroundTask.of(messages.get("deal.task.stages"), p -> pipelineService.stages(user, pipelineId))
                .onSuccess(list -> {
                    stages.setAll(list);
                    stage.set(list.stream().filter(s -> select != null ? s.id().equals(select) : !s.closed()).findFirst()
                            .orElse(list.isEmpty() ? null : list.getFirst()));
                })
                .onFailure(e -> error.set(e.getMessage()))
                .runOn(tasks);
    }

    /** Reloads the deal from the database (after a conflicting change by someone else). */
    public void reload() {
        Deal d = deal.get();
        if (d != null) {
            open(DetailRequest.existing(d.id()));
        }
    }

    private void refreshRelated() {
        Deal d = deal.get();
        if (d == null) {
            return;
        }
        BackgroundTask.of(messages.get("deal.task.related"), p -> related(d.id()))
                .onSuccess(this::showRelated)
                .onFailure(e -> error.set(e.getMessage()))
                .runOn(tasks);
    }

    // ------------------------------------------------------------------ saving

    public BooleanBinding canSave() {
        return Bindings.createBooleanBinding(() -> editable.get() && !busy.get() && name.get() != null
                && !name.get().isBlank() && stage.get() != null, editable, busy, name, stage);
    }

    public void save() {
        fieldErrors.clear();
        error.set("");
        info.set("");
        BigDecimal amount = parseMoney(value.get());
        if (amount == null) {
            fieldErrors.put("value", messages.get("deal.error.value"));
            error.set(messages.get("deal.error.value"));
            return;
        }
        DealDraft draft = new DealDraft(name.get(), description.get(), pipeline.get() == null ? null : pipeline.get().id(),
                stage.get() == null ? null : stage.get().id(), company.get() == null ? null : company.get().id(),
                contact.get() == null ? null : contact.get().id(), amount, currency.get(), probability.get(),
                expectedClose.get(), owner.get() == null ? null : owner.get().id(), source.get(), sourceDetail.get(),
                priority.get(), competitor.get(), wonReason.get(), lostReason.get(), lostDetails.get(), notes.get(),
                splitTags(tags.get()), customDraft());
        Deal current = deal.get();
        busy.set(true);
        BackgroundTask.of(messages.get("deal.task.save"), p -> {
                    Deal saved = current == null ? deals.create(user, draft) : deals.update(user, current.id(), current.version(), draft);
                    return new Saved(saved, related(saved.id()),
                            saved.companyId() != null && deals.company(user, saved.companyId()).isPresent());
                })
                .onSuccess(result -> {
                    Deal saved = result.deal();
                    changed = true;
                    companyReadable = result.companyReadable();
                    if (stages.stream().noneMatch(s -> s.id().equals(saved.stageId()))) {
                        loadStages(saved.pipelineId(), saved.stageId());
                    }
                    populate(saved);
                    showRelated(result.related());
                    info.set(messages.get(current == null ? "deal.created" : "deal.saved"));
                })
                .onFailure(this::failed)
                .onFinally(() -> busy.set(false))
                .runOn(tasks);
    }

    /** Every defined field with its value (null clears it), so removing a value in the form removes it. */
    private Map<UUID, Object> customDraft() {
        Map<UUID, Object> out = new java.util.LinkedHashMap<>();
        for (CustomFieldDefinition def : customDefinitions) {
            out.put(def.id(), customValues.get(def.id()));
        }
        return out;
    }

    private void failed(Throwable e) {
        if (e instanceof ValidationException v) {
            fieldErrors.putAll(v.fieldErrors());
            error.set(String.join(" ", v.messages()));
        } else if (e instanceof StaleRecordException) {
            stale.set(true);
            error.set(messages.get("common.staleEdit"));
        } else {
            error.set(e.getMessage() == null ? messages.get("common.error") : e.getMessage());
        }
    }

    public void delete(Runnable afterwards) {
        Deal d = deal.get();
        if (d == null) {
            return;
        }
        busy.set(true);
        BackgroundTask.of(messages.get("deal.task.delete"), p -> {
                    deals.delete(user, d.id(), d.version());
                    return d;
                })
                .onSuccess(x -> {
                    changed = true;
                    afterwards.run();
                })
                .onFailure(this::failed)
                .onFinally(() -> busy.set(false))
                .runOn(tasks);
    }

    /** Hands the deal to the invoices screen; says so when no screen can make invoices from deals. */
    public void createInvoice() {
        Deal d = deal.get();
        if (d == null) {
            return;
        }
        if (!navigator.openRecord("new-invoice-from-deal", d.id())) {
            info.set("");
            error.set(messages.get("deal.invoice.unavailable"));
        }
    }

    /** Opens the linked company in its own screen (if one handles companies). */
    public void openCompany() {
        if (company.get() != null && !navigator.openRecord("company", company.get().id())) {
            error.set(messages.get("deal.company.unavailable"));
        }
    }

    // ------------------------------------------------------------------ activities, notes, products

    public void logActivity() {
        Deal d = deal.get();
        String subject = activitySubject.get();
        if (d == null || subject == null || subject.isBlank()) {
            return;
        }
        ActivityType type = activityType.get() == null ? ActivityType.CALL : activityType.get();
        boolean task = type == ActivityType.TASK;
        OffsetDateTime due = task && activityDue.get() != null
                ? activityDue.get().atTime(23, 59, 59).atZone(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC)
                : null;
        var draft = new ActivityDraft(type, subject.strip(), null, companyReadable ? d.companyId() : null, d.contactId(), d.id(),
                null, null, null, null, task, task ? "medium" : null, due, task ? user.userId() : null);
        BackgroundTask.of(messages.get("deal.task.activity"), p -> activityService.log(user, draft))
                .onSuccess(a -> {
                    activitySubject.set("");
                    activityDue.set(null);
                    refreshRelated();
                })
                .onFailure(this::failed)
                .runOn(tasks);
    }

    public void completeTask(Activity task) {
        BackgroundTask.of(messages.get("deal.task.activity"), p -> activityService.complete(user, task.id(), task.version(),
                        !"completed".equals(task.taskStatus())))
                .onSuccess(a -> refreshRelated())
                .onFailure(this::failed)
                .runOn(tasks);
    }

    public void addNote() {
        Deal d = deal.get();
        String text = noteText.get();
        if (d == null || text == null || text.isBlank()) {
            return;
        }
        BackgroundTask.of(messages.get("deal.task.note"), p -> noteService.add(user, NoteDraft.on(null, null, d.id(), text.strip())))
                .onSuccess(n -> {
                    noteText.set("");
                    refreshRelated();
                })
                .onFailure(this::failed)
                .runOn(tasks);
    }

    public void togglePin(Note note) {
        BackgroundTask.of(messages.get("deal.task.note"), p -> noteService.setPinned(user, note, !note.pinned()))
                .onSuccess(n -> refreshRelated())
                .onFailure(this::failed)
                .runOn(tasks);
    }

    public void addProduct() {
        Deal d = deal.get();
        if (d == null) {
            return;
        }
        BigDecimal qty = parseMoney(productQuantity.get());
        BigDecimal price = productPrice.get() == null || productPrice.get().isBlank() ? null : parseMoney(productPrice.get());
        BigDecimal discount = parseMoney(productDiscount.get());
        if (product.get() == null || qty == null || discount == null) {
            error.set(messages.get("deal.products.invalid"));
            return;
        }
        var draft = new DealProductDraft(product.get().id(), null, qty, price, discount);
        runProductChange(p -> deals.addProduct(user, d.id(), draft));
    }

    public void updateLine() {
        Deal d = deal.get();
        DealProduct line = selectedLine.get();
        if (d == null || line == null) {
            return;
        }
        BigDecimal qty = parseMoney(productQuantity.get());
        BigDecimal price = parseMoney(productPrice.get());
        BigDecimal discount = parseMoney(productDiscount.get());
        if (qty == null || price == null || discount == null) {
            error.set(messages.get("deal.products.invalid"));
            return;
        }
        var draft = new DealProductDraft(null, line.description(), qty, price, discount);
        runProductChange(p -> deals.updateProduct(user, d.id(), line.id(), line.version(), draft));
    }

    public void removeLine(DealProduct line) {
        Deal d = deal.get();
        if (d == null || line == null) {
            return;
        }
        runProductChange(p -> deals.removeProduct(user, d.id(), line.id(), line.version()));
    }

    private void runProductChange(BackgroundTask.Work<Deal> work) {
        error.set("");
        BackgroundTask.of(messages.get("deal.task.products"), p -> {
                    Deal saved = work.run(p);
                    return new ProductChange(saved, deals.products(user, saved.id()));
                })
                .onSuccess(result -> {
                    changed = true;
                    populate(result.deal());
                    lines.setAll(result.lines());
                    selectedLine.set(null);
                    product.set(null);
                    productQuantity.set("1");
                    productPrice.set("");
                    productDiscount.set("0");
                })
                .onFailure(this::failed)
                .runOn(tasks);
    }

    // ------------------------------------------------------------------ lookups (run in the lookup fields' background tasks)

    public List<Options.Company> searchCompanies(String prefix) {
        return deals.companies(user, prefix, 20);
    }

    public List<Options.Contact> searchContacts(String prefix) {
        return deals.contacts(user, company.get() == null ? null : company.get().id(), prefix, 20);
    }

    public List<Options.Product> searchProducts(String prefix) {
        return deals.catalog(user, prefix, 20);
    }

    public OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    // ------------------------------------------------------------------ helpers

    static BigDecimal parseMoney(String s) {
        if (s == null || s.isBlank()) {
            return BigDecimal.ZERO;
        }
        try {
            return new BigDecimal(s.strip().replace(",", "").replace(" ", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static List<String> splitTags(String s) {
        if (s == null || s.isBlank()) {
            return List.of();
        }
        return Arrays.stream(s.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** Field errors by form field name, for the view to mark controls. */
    public Map<String, String> errorsSnapshot() {
        return Map.copyOf(fieldErrors);
    }
}
