package org.deskcrm.crm.ui;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import javafx.fxml.FXML;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.deskcrm.activity.Activity;
import org.deskcrm.activity.ActivityType;
import org.deskcrm.activity.Note;
import org.deskcrm.contact.ContactRow;
import org.deskcrm.crm.Related;
import org.deskcrm.crm.RelatedRecords;
import org.deskcrm.tag.Tag;
import org.deskcrm.ui.fx.View;
import org.deskcrm.ui.fx.ViewLoader;
import org.deskcrm.ui.i18n.Messages;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The 360° view of a company, contact or lead: header with quick actions, the record's fields
 * (read-only until Edit; version-checked Save), and tabs for the timeline, notes, contacts,
 * deals, invoices, events and documents.
 */
public final class RecordView<T> implements View {
    private final RecordViewModel<T> vm;
    private final Messages messages;
    private final Formats formats;
    private final FormContext ctx;
    private final DocumentsSection documents;
    private final Runnable back;
    private final BiConsumer<String, UUID> openRecord;
    private final Runnable newDeal;
    private final Runnable afterDelete;
    private final String entity;
    private final Parent root;
    private final FormView form;
    private final List<Runnable> unbind = new ArrayList<>();
    private final List<Node> extraActions = new ArrayList<>();
    private final List<MenuItem> extraMenuItems = new ArrayList<>();

    @FXML private Button backButton;
    @FXML private StackPane avatar;
    @FXML private Label initialsLabel;
    @FXML private Label titleLabel;
    @FXML private HBox tagBox;
    @FXML private Label subtitleLabel;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private HBox actionBox;
    @FXML private HBox factsBox;
    @FXML private VBox bannerBox;
    @FXML private HBox messageBar;
    @FXML private Label messageLabel;
    @FXML private Button compareButton;
    @FXML private Button messageClose;
    @FXML private SplitPane split;
    @FXML private ScrollPane formScroll;
    @FXML private TabPane tabs;

    private final ListView<Timeline.Entry> timelineList = new ListView<>();
    private final HBox timelineFilters = new HBox(6);
    private final ListView<Note> notesList = new ListView<>();
    private final ListView<ContactRow> contactsList = new ListView<>();
    private final ListView<Related.Deal> dealsList = new ListView<>();
    private final ListView<Related.Invoice> invoicesList = new ListView<>();
    private final ListView<Related.Event> eventsList = new ListView<>();
    private final StackPane documentsPane = new StackPane();
    private final java.util.Map<String, Label> cappedLabels = new java.util.HashMap<>();
    private final VBox pinnedBox = new VBox(6);
    private Node primaryFact;
    private Runnable newContact;

    /**
     * @param openRecord opens another record (a contact from a company, a deal...)
     * @param newDeal starts a deal for this record, or null when the entity has no deals
     * @param afterDelete what to show once the record is deleted (the list)
     */
    public RecordView(RecordViewModel<T> vm, ViewLoader loader, Formats formats, FormContext ctx, DocumentsSection documents,
            Runnable back, BiConsumer<String, UUID> openRecord, Runnable newDeal, Runnable afterDelete) {
        this.vm = vm;
        this.messages = loader.messages();
        this.formats = formats;
        this.ctx = ctx;
        this.documents = documents;
        this.back = back;
        this.openRecord = openRecord;
        this.newDeal = newDeal;
        this.afterDelete = afterDelete;
        this.entity = vm.adapter().entityType();
        this.form = new FormView(vm.form(), ctx, entity);
        this.root = loader.load(this);
    }

    /** A button the entity adds to the header (e.g. "Convert" on leads). */
    public void addAction(Node action) {
        extraActions.add(action);
        renderActions();
    }

    public void addMenuItem(MenuItem item) {
        extraMenuItems.add(item);
        renderActions();
    }

    /** A strip under the header (e.g. "This lead was converted"); null clears it. */
    public void setBanner(Node banner) {
        bannerBox.getChildren().setAll(banner == null ? List.of() : List.of(banner));
    }

    /** A tab the entity adds after the built-in ones (e.g. "History"); its id is {@code <entity>-tab-<id>}. */
    public Tab addTab(String id, String title, Node content) {
        var t = new Tab(title, content);
        t.setId(entity + "-tab-" + id);
        tabs.getTabs().add(t);
        return t;
    }

    /** Shows "Add contact" in the contacts tab (companies). */
    public void setNewContactAction(Runnable action) {
        this.newContact = action;
    }

    public RecordViewModel<T> viewModel() {
        return vm;
    }

    public StackPane overlayHost() {
        return (StackPane) root;
    }

    @FXML
    private void initialize() {
        backButton.setGraphic(new FontIcon(Material2AL.ARROW_BACK));
        backButton.setId(entity + "-back");
        backButton.setOnAction(e -> back.run());
        titleLabel.setId(entity + "-record-title");
        messageLabel.setId(entity + "-record-message");
        compareButton.setId(entity + "-compare");
        compareButton.setGraphic(new FontIcon(Material2AL.COMPARE_ARROWS));
        compareButton.setOnAction(e -> vm.compare(this::showComparison));
        messageClose.setOnAction(e -> vm.clearMessages());
        busyIndicator.visibleProperty().bind(vm.busyProperty());
        formScroll.setContent(form.root());
        formScroll.setPadding(new Insets(14));
        split.setDividerPositions(0.43);
        tabs.getStyleClass().add("record-tabs");
        titleLabel.setMinWidth(0);
        subtitleLabel.setMinWidth(0);
        buildTabs();
    }

    private void buildTabs() {
        timelineList.setId(entity + "-timeline");
        timelineList.setCellFactory(lv -> new EntryCell());
        var more = new Button(messages.get("lead".equals(entity) ? "crm.timeline.more" : "crm.timeline.more.entries"));
        more.setId(entity + "-timeline-more");
        more.setOnAction(e -> vm.loadMoreTimeline());
        more.visibleProperty().bind(vm.timelineEntriesHaveMoreProperty());
        more.managedProperty().bind(more.visibleProperty());
        // Pinned notes lead the timeline: what a salesperson must not miss before calling.
        pinnedBox.setId(entity + "-pinned-notes");
        vm.pinnedNotes().addListener((javafx.collections.ListChangeListener<Note>) c -> renderPinned());
        vm.timelineFilterProperty().addListener((o, a, b) -> renderPinned());
        vm.contacts().addListener((javafx.collections.ListChangeListener<ContactRow>) c -> renderPrimaryContact());
        buildTimelineFilters();
        var timelineBox = new VBox(8, timelineFilters, pinnedBox, timelineList, more);
        VBox.setVgrow(timelineList, Priority.ALWAYS);
        timelineBox.setPadding(new Insets(10));
        timelineList.setItems(vm.timelineEntries());

        notesList.setId(entity + "-notes");
        notesList.setPlaceholder(new Label(messages.get("crm.notes.none")));
        notesList.setItems(vm.notes());
        notesList.setCellFactory(lv -> new NoteCell());
        var composer = new TextArea();
        composer.setId(entity + "-note-text");
        composer.setPromptText(messages.get("crm.notes.prompt"));
        composer.setPrefRowCount(3);
        composer.setWrapText(true);
        var pin = new CheckBox(messages.get("crm.notes.pin"));
        pin.setId(entity + "-note-pin");
        var add = new Button(messages.get("crm.notes.add"), new FontIcon(Material2MZ.NOTE_ADD));
        add.setId(entity + "-note-add");
        add.getStyleClass().add("accent");
        var noteError = new Label();
        noteError.getStyleClass().add("error-text");
        add.setOnAction(e -> {
            if (composer.getText().isBlank()) {
                return;
            }
            vm.addNote(composer.getText(), pin.isSelected(), () -> {
                composer.clear();
                pin.setSelected(false);
                noteError.setText("");
            }, noteError::setText);
        });
        add.setDisable(!vm.canAddNotes());
        composer.setDisable(!vm.canAddNotes());
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var composerBar = new HBox(8, pin, noteError, spacer, add);
        composerBar.setAlignment(Pos.CENTER_LEFT);
        var notesBox = new VBox(8, composer, composerBar, notesList);
        VBox.setVgrow(notesList, Priority.ALWAYS);
        notesBox.setPadding(new Insets(10));

        tabs.getTabs().add(tab("crm.tab.timeline", timelineBox, "timeline"));
        tabs.getTabs().add(tab("crm.tab.notes", notesBox, "notes"));
        if ("company".equals(entity)) {
            contactsList.setId(entity + "-contacts");
            contactsList.setItems(vm.contacts());
            contactsList.setPlaceholder(new Label(messages.get("crm.contacts.none")));
            contactsList.setCellFactory(lv -> new ContactCell());
            var addContact = new Button(messages.get("crm.new.contact"), new FontIcon(Material2MZ.PERSON_ADD));
            addContact.setId(entity + "-add-contact");
            addContact.setOnAction(e -> {
                if (newContact != null) {
                    newContact.run();
                }
            });
            var box = new VBox(8, addContact, contactsList);
            VBox.setVgrow(contactsList, Priority.ALWAYS);
            box.setPadding(new Insets(10));
            tabs.getTabs().add(tab("crm.tab.contacts", box, "contacts"));
        }
        if (!"lead".equals(entity)) {
            dealsList.setId(entity + "-deals");
            dealsList.setPlaceholder(new Label(messages.get("crm.deals.none")));
            dealsList.setCellFactory(lv -> new SimpleCell<>(d -> new String[] {d.name(),
                    String.join(" · ", d.stageName(), formats.money(d.value(), d.currency()), d.probability() + " %",
                            d.expectedCloseDate() == null ? "" : messages.get("crm.deals.closes", formats.date(d.expectedCloseDate()))),
                    d.status()}, "deal_status", Material2MZ.MONETIZATION_ON, d -> openRecord.accept("deal", d.id())));
            invoicesList.setId(entity + "-invoices");
            invoicesList.setPlaceholder(new Label(messages.get("crm.invoices.none")));
            invoicesList.setCellFactory(lv -> new SimpleCell<>(i -> new String[] {
                    i.number() == null ? messages.get("crm.invoices.draft") : i.number(),
                    String.join(" · ", java.util.stream.Stream.of(formats.money(i.total(), i.currency()),
                            messages.get("crm.invoices.due", formats.date(i.dueDate())),
                            i.balanceDue().signum() > 0 ? messages.get("crm.invoices.open", formats.money(i.balanceDue(), i.currency())) : "")
                            .filter(x -> !x.isEmpty()).toList()),
                    i.status()}, "invoice_status", Material2MZ.RECEIPT_LONG, i -> openRecord.accept("invoice", i.id())));
            eventsList.setId(entity + "-events");
            eventsList.setPlaceholder(new Label(messages.get("crm.events.none")));
            eventsList.setCellFactory(lv -> new SimpleCell<>(ev -> new String[] {ev.title(),
                    String.join(" · ", ev.allDay() ? formats.date(ev.startsAt()) : formats.dateTime(ev.startsAt()),
                            ev.location() == null ? "" : ev.location()),
                    ev.status()}, "event_status", Material2AL.EVENT, ev -> openRecord.accept("event", ev.id())));
            tabs.getTabs().add(tab("crm.tab.deals", padded(dealsList, cappedBar("deals")), "deals"));
            tabs.getTabs().add(tab("crm.tab.invoices", padded(invoicesList, cappedBar("invoices")), "invoices"));
            tabs.getTabs().add(tab("crm.tab.events", padded(eventsList, cappedBar("events")), "events"));
            var docs = new VBox(documentsPane, cappedBar("documents"));
            VBox.setVgrow(documentsPane, Priority.ALWAYS);
            tabs.getTabs().add(tab("crm.tab.documents", docs, "documents"));
        }
    }

    /** One chip per kind of entry (All first); leads have activities and notes only. */
    private void buildTimelineFilters() {
        timelineFilters.setId(entity + "-timeline-filters");
        timelineFilters.setAlignment(Pos.CENTER_LEFT);
        timelineFilters.getStyleClass().add("timeline-filters");
        var group = new javafx.scene.control.ToggleGroup();
        for (Timeline.Filter f : Timeline.Filter.values()) {
            boolean related = f != Timeline.Filter.ALL && f != Timeline.Filter.ACTIVITIES && f != Timeline.Filter.NOTES;
            if (related && "lead".equals(entity)) {
                continue;
            }
            String name = f.name().toLowerCase(java.util.Locale.ROOT);
            var chip = new javafx.scene.control.ToggleButton(messages.get("crm.timeline.filter." + name));
            chip.setId(entity + "-timeline-filter-" + name);
            chip.getStyleClass().addAll("small", "timeline-filter");
            chip.setMinWidth(Region.USE_PREF_SIZE);
            chip.setToggleGroup(group);
            chip.setUserData(f);
            chip.setSelected(f == vm.timelineFilterProperty().get());
            timelineFilters.getChildren().add(chip);
        }
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true); // one chip stays selected
            } else {
                vm.timelineFilterProperty().set((Timeline.Filter) now.getUserData());
            }
        });
        vm.timelineFilterProperty().addListener((o, a, f) -> {
            group.getToggles().stream().filter(t -> t.getUserData() == f).findFirst().ifPresent(t -> t.setSelected(true));
            timelineList.setPlaceholder(new Label(messages.get(f == Timeline.Filter.ALL || f == Timeline.Filter.ACTIVITIES
                    ? "crm.timeline.none" : "crm.timeline.none.filtered")));
        });
        timelineList.setPlaceholder(new Label(messages.get("crm.timeline.none")));
    }

    private void selectTabById(String id) {
        for (Tab t : tabs.getTabs()) {
            if ((entity + "-tab-" + id).equals(t.getId())) {
                tabs.getSelectionModel().select(t);
            }
        }
    }

    /** Under a tab list read in part: "Showing N of M" and "Show more" (hidden while the list is whole). */
    private Node cappedBar(String id) {
        var label = new Label();
        label.setId(entity + "-" + id + "-showing");
        label.getStyleClass().add("muted");
        var more = new Hyperlink(messages.get("crm.related.showMore"));
        more.setId(entity + "-" + id + "-show-more");
        more.setOnAction(e -> vm.showMoreRelated());
        var bar = new HBox(8, label, more);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 0, 0, 0));
        bar.setVisible(false);
        bar.setManaged(false);
        cappedLabels.put(id, label);
        return bar;
    }

    private void showCapped(String id, int shown, long total) {
        Label label = cappedLabels.get(id);
        if (label == null) {
            return;
        }
        boolean capped = shown < total;
        label.setText(capped ? messages.get("crm.related.showing", shown, total) : "");
        label.getParent().setVisible(capped);
        label.getParent().setManaged(capped);
    }

    private static Node padded(Node n, Node... below) {
        var box = new VBox(n);
        box.getChildren().addAll(below);
        VBox.setVgrow(n, Priority.ALWAYS);
        box.setPadding(new Insets(10));
        return box;
    }

    private Tab tab(String key, Node content, String id) {
        var t = new Tab(messages.get(key), content);
        t.setTooltip(new javafx.scene.control.Tooltip(messages.get(key)));
        t.setId(entity + "-tab-" + id);
        return t;
    }

    // ---------------------------------------------------------------- activation

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void onActivate() {
        unbind.add(listen(vm.recordProperty(), this::renderRecord));
        unbind.add(listen(vm.editingProperty(), this::renderActions));
        Runnable msg = this::renderMessage;
        unbind.add(listen(vm.messageProperty(), msg));
        unbind.add(listen(vm.errorProperty(), msg));
        unbind.add(listen(vm.staleProperty(), msg));
        unbind.add(listen(vm.relatedProperty(), this::renderRelated));
        renderRecord();
        renderMessage();
        renderRelated();
    }

    @Override
    public void onDeactivate() {
        unbind.forEach(Runnable::run);
        unbind.clear();
    }

    private static Runnable listen(javafx.beans.value.ObservableValue<?> value, Runnable r) {
        javafx.beans.value.ChangeListener<Object> l = (o, a, b) -> r.run();
        value.addListener(l);
        return () -> value.removeListener(l);
    }

    private void renderRecord() {
        T r = vm.recordProperty().get();
        if (r == null) {
            titleLabel.setText(vm.busyProperty().get() ? messages.get("common.loading") : "");
            subtitleLabel.setText("");
            initialsLabel.setText("");
            tagBox.getChildren().clear();
            factsBox.getChildren().clear();
            actionBox.getChildren().clear();
            return;
        }
        var a = vm.adapter();
        titleLabel.setText(a.title(r));
        subtitleLabel.setText(a.subtitle(r));
        initialsLabel.setText(initials(a.title(r)));
        avatar.getStyleClass().removeIf(s -> s.startsWith("avatar-tone-"));
        avatar.getStyleClass().add("avatar-tone-" + Math.abs(a.title(r).hashCode() % 6));
        tagBox.getChildren().setAll(a.tags(r).stream().map(TagChips::chip).toList());
        factsBox.getChildren().clear();
        for (RecordAdapter.Fact f : a.facts(r)) {
            var label = new Label(f.label());
            label.getStyleClass().add("fact-label");
            var value = new Label(f.value());
            value.getStyleClass().add("fact-value");
            if (f.styleClass() != null) {
                value.getStyleClass().add(f.styleClass());
            }
            var box = new VBox(1, label, value);
            box.getStyleClass().add("fact");
            factsBox.getChildren().add(box);
        }
        if (form.root().getChildren().isEmpty() || form.root().getProperties().get("fields") != vm.form().fields()) {
            form.build();
            form.root().getProperties().put("fields", vm.form().fields());
        }
        primaryFact = null;
        renderPrimaryContact();
        renderActions();
        renderRelated();
    }

    private void renderPinned() {
        var filter = vm.timelineFilterProperty().get();
        List<Note> pinned = filter == Timeline.Filter.ALL || filter == Timeline.Filter.NOTES ? vm.pinnedNotes() : List.of();
        pinnedBox.getChildren().clear();
        for (Note n : pinned) {
            var body = new Label(n.body());
            body.setWrapText(true);
            body.getStyleClass().add("item-body");
            var meta = new Label(String.join(" · ", n.createdByName() == null ? "" : n.createdByName(),
                    formats.relative(n.createdAt())));
            meta.getStyleClass().add("muted");
            var top = new HBox(6, new FontIcon(Material2MZ.PUSH_PIN), meta);
            top.setAlignment(Pos.CENTER_LEFT);
            var card = new VBox(4, top, body);
            card.getStyleClass().add("note-pinned");
            pinnedBox.getChildren().add(card);
        }
        pinnedBox.setVisible(!pinned.isEmpty());
        pinnedBox.setManaged(!pinned.isEmpty());
    }

    /** On a company: its primary contact (name and phone) among the header facts, one click away. */
    private void renderPrimaryContact() {
        if (!"company".equals(entity)) {
            return;
        }
        if (primaryFact != null) {
            factsBox.getChildren().remove(primaryFact);
            primaryFact = null;
        }
        ContactRow p = vm.contacts().stream().filter(ContactRow::primary).findFirst().orElse(null);
        if (p == null || vm.recordProperty().get() == null) {
            return;
        }
        var label = new Label(messages.get("crm.company.primaryContact"));
        label.getStyleClass().add("fact-label");
        var name = new Hyperlink(p.phone() == null ? p.fullName() : p.fullName() + " · " + p.phone());
        name.setId(entity + "-primary-contact");
        name.getStyleClass().add("fact-value");
        name.setPadding(Insets.EMPTY);
        name.setOnAction(e -> openRecord.accept("contact", p.id()));
        var box = new VBox(1, label, name);
        box.getStyleClass().add("fact");
        factsBox.getChildren().add(0, box);
        primaryFact = box;
    }

    private static String initials(String name) {
        StringBuilder sb = new StringBuilder();
        for (String part : name.strip().split("\\s+")) {
            if (!part.isEmpty() && Character.isLetterOrDigit(part.charAt(0)) && sb.length() < 2) {
                sb.append(Character.toUpperCase(part.charAt(0)));
            }
        }
        return sb.toString();
    }

    private void renderActions() {
        actionBox.getChildren().clear();
        if (vm.recordProperty().get() == null) {
            return;
        }
        if (vm.editingProperty().get()) {
            var cancel = button("common.cancel", Material2AL.CLOSE, "cancel", vm::cancelEdit);
            var save = button("common.save", Material2MZ.SAVE, "save", vm::save);
            save.getStyleClass().add("accent");
            save.setDefaultButton(true);
            save.disableProperty().bind(form.validator().containsErrorsProperty().or(vm.busyProperty()));
            actionBox.getChildren().addAll(cancel, save);
            return;
        }
        if (vm.canLogActivities()) {
            actionBox.getChildren().add(button("crm.action.logCall", Material2AL.CALL, "log-call", this::logCallSheet));
            actionBox.getChildren().add(button("crm.action.addTask", Material2AL.ADD_TASK, "add-task", this::addTaskSheet));
        }
        if (vm.canAddNotes()) {
            actionBox.getChildren().add(button("crm.action.addNote", Material2MZ.NOTE_ADD, "add-note", this::focusNotes));
        }
        if (newDeal != null) {
            actionBox.getChildren().add(button("crm.action.newDeal", Material2MZ.MONETIZATION_ON, "new-deal", newDeal));
        }
        if (documents.canAttach() && !"lead".equals(entity)) {
            actionBox.getChildren().add(button("crm.action.attach", Material2AL.ATTACH_FILE, "attach",
                    () -> documents.attach(documentsContext())));
        }
        actionBox.getChildren().addAll(extraActions);
        if (vm.canEdit()) {
            var edit = button("common.edit", Material2AL.EDIT, "edit", vm::edit);
            edit.getStyleClass().add("accent");
            actionBox.getChildren().add(edit);
        }
        var more = new MenuButton("", new FontIcon(Material2MZ.MORE_HORIZ));
        more.setId(entity + "-more");
        more.getStyleClass().add("flat");
        more.getItems().addAll(extraMenuItems);
        if (vm.canDelete()) {
            var delete = new MenuItem(messages.get("common.delete"), new FontIcon(Material2AL.DELETE_OUTLINE));
            delete.setId(entity + "-delete");
            delete.setOnAction(e -> confirmDelete());
            more.getItems().add(delete);
        }
        if (!more.getItems().isEmpty()) {
            actionBox.getChildren().add(more);
        }
    }

    private Button button(String key, Ikon icon, String id, Runnable action) {
        var b = new Button(messages.get(key), new FontIcon(icon));
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setId(entity + "-" + id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private void renderMessage() {
        String err = vm.errorProperty().get();
        String msg = vm.messageProperty().get();
        boolean isError = err != null && !err.isBlank();
        messageLabel.setText(isError ? err : msg);
        messageBar.getStyleClass().removeAll("message-error");
        if (isError) {
            messageBar.getStyleClass().add("message-error");
        }
        boolean show = isError || msg != null && !msg.isBlank();
        messageBar.setVisible(show);
        messageBar.setManaged(show);
        compareButton.setVisible(vm.staleProperty().get());
        compareButton.setManaged(compareButton.isVisible());
    }

    private void renderRelated() {
        RelatedRecords rel = vm.relatedProperty().get();
        dealsList.getItems().setAll(rel == null ? List.of() : rel.deals());
        invoicesList.getItems().setAll(rel == null ? List.of() : rel.invoices());
        eventsList.getItems().setAll(rel == null ? List.of() : rel.events());
        if (vm.recordProperty().get() != null && rel != null) {
            documentsPane.getChildren().setAll(documents.view(documentsContext()));
        }
        // Tab titles count all there are; a list read in part says so and offers more.
        updateTabTitle("deals", "crm.tab.deals", rel == null ? 0 : rel.dealCount());
        updateTabTitle("invoices", "crm.tab.invoices", rel == null ? 0 : rel.invoiceCount());
        updateTabTitle("events", "crm.tab.events", rel == null ? 0 : rel.eventCount());
        updateTabTitle("documents", "crm.tab.documents", rel == null ? 0 : rel.documentCount());
        showCapped("deals", dealsList.getItems().size(), rel == null ? 0 : rel.dealCount());
        showCapped("invoices", invoicesList.getItems().size(), rel == null ? 0 : rel.invoiceCount());
        showCapped("events", eventsList.getItems().size(), rel == null ? 0 : rel.eventCount());
        showCapped("documents", rel == null ? 0 : rel.documents().size(), rel == null ? 0 : rel.documentCount());
    }

    private void updateTabTitle(String id, String key, long n) {
        for (Tab t : tabs.getTabs()) {
            if ((entity + "-tab-" + id).equals(t.getId())) {
                t.setText(n == 0 ? messages.get(key) : messages.get(key) + " (" + n + ")");
            }
        }
    }

    private DocumentsSection.Context documentsContext() {
        T r = vm.recordProperty().get();
        var links = vm.adapter().links(r);
        RelatedRecords rel = vm.relatedProperty().get();
        return new DocumentsSection.Context(entity, vm.id(), links.companyId(), rel == null ? List.of() : rel.documents(),
                vm::refreshRelated);
    }

    private void focusNotes() {
        selectTabById("notes");
        root.lookup("#" + entity + "-note-text").requestFocus();
    }

    // ---------------------------------------------------------------- sheets

    private void logCallSheet() {
        T r = vm.recordProperty().get();
        var subject = new TextField(messages.get("crm.call.defaultSubject", vm.adapter().title(r)));
        subject.setId("call-subject");
        var type = new ComboBox<Option>();
        type.setId("call-type");
        type.getItems().setAll(new Option(ActivityType.CALL, messages.get("opt.activity_type.call")),
                new Option(ActivityType.EMAIL, messages.get("opt.activity_type.email")),
                new Option(ActivityType.MEETING, messages.get("opt.activity_type.meeting")));
        type.getSelectionModel().selectFirst();
        var outcome = new ComboBox<Option>();
        outcome.setId("call-outcome");
        outcome.getItems().setAll(Option.of(messages, "call_outcome",
                List.of("connected", "left_voicemail", "no_answer", "busy", "wrong_number", "follow_up_needed")));
        outcome.getSelectionModel().selectFirst();
        var minutes = new TextField();
        minutes.setId("call-minutes");
        minutes.setPromptText(messages.get("crm.call.minutesPrompt"));
        var day = new DatePicker(LocalDate.now(formats.zone()));
        day.setId("call-date");
        var notes = new TextArea();
        notes.setId("call-notes");
        notes.setPromptText(messages.get("crm.call.notesPrompt"));
        notes.setPrefRowCount(4);
        notes.setWrapText(true);
        var grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label(messages.get("crm.call.type")), type);
        grid.addRow(1, new Label(messages.get("crm.call.subject")), subject);
        grid.addRow(2, new Label(messages.get("crm.call.outcome")), outcome);
        grid.addRow(3, new Label(messages.get("crm.call.minutes")), minutes);
        grid.addRow(4, new Label(messages.get("crm.call.date")), day);
        grid.add(notes, 0, 5, 2, 1);
        for (Node n : List.of(subject, type, outcome, minutes, day)) {
            GridPane.setHgrow(n, Priority.ALWAYS);
            ((Region) n).setMaxWidth(Double.MAX_VALUE);
        }
        var sheet = new Sheet(overlayHost(), messages.get("crm.action.logCall"), grid, 520);
        sheet.addCancel(messages.get("common.cancel"));
        sheet.addButton(messages.get("common.save"), "call-save", true, () -> {
            Integer mins = null;
            if (!minutes.getText().isBlank()) {
                try {
                    mins = Integer.valueOf(minutes.getText().strip());
                } catch (NumberFormatException e) {
                    sheet.showError(messages.get("crm.form.integer"));
                    return;
                }
            }
            if (day.getValue() != null && day.getValue().isAfter(LocalDate.now(formats.zone()))) {
                sheet.showError(messages.get("crm.call.future"));
                return;
            }
            ActivityType t = (ActivityType) type.getValue().value();
            String result = t == ActivityType.CALL && outcome.getValue() != null ? (String) outcome.getValue().value() : null;
            vm.logActivity(t, subject.getText(), result, mins, notes.getText().isBlank() ? null : notes.getText(), day.getValue(),
                    sheet::close, sheet::showError);
        });
        outcome.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> type.getValue() == null || type.getValue().value() != ActivityType.CALL, type.valueProperty()));
        sheet.show();
        subject.requestFocus();
        subject.selectAll();
    }

    private void addTaskSheet() {
        T r = vm.recordProperty().get();
        var subject = new TextField(messages.get("crm.task.defaultSubject", vm.adapter().title(r)));
        subject.setId("task-subject");
        var due = new DatePicker(LocalDate.now(formats.zone()).plusDays(1));
        due.setId("task-due");
        var priority = new ComboBox<Option>();
        priority.setId("task-priority");
        priority.getItems().setAll(Option.of(messages, "priority", List.of("low", "medium", "high", "urgent")));
        priority.getSelectionModel().select(1);
        var assignee = new ComboBox<Option>();
        assignee.setId("task-assignee");
        assignee.getItems().setAll(ctx.owners());
        assignee.getItems().stream().filter(o -> vm.user().userId().equals(o.value())).findFirst()
                .ifPresent(assignee.getSelectionModel()::select);
        var grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label(messages.get("crm.task.subject")), subject);
        grid.addRow(1, new Label(messages.get("crm.task.due")), due);
        grid.addRow(2, new Label(messages.get("crm.task.priority")), priority);
        grid.addRow(3, new Label(messages.get("crm.task.assignee")), assignee);
        for (Region n : List.of(subject, due, priority, assignee)) {
            GridPane.setHgrow(n, Priority.ALWAYS);
            n.setMaxWidth(Double.MAX_VALUE);
        }
        var sheet = new Sheet(overlayHost(), messages.get("crm.action.addTask"), grid, 480);
        sheet.addCancel(messages.get("common.cancel"));
        sheet.addButton(messages.get("common.save"), "task-save", true, () -> vm.addTask(subject.getText(), due.getValue(),
                (String) priority.getValue().value(), assignee.getValue() == null ? null : (UUID) assignee.getValue().value(),
                sheet::close, sheet::showError));
        sheet.show();
        subject.requestFocus();
    }

    private void confirmDelete() {
        var text = new Label(messages.get("crm.delete.confirm." + entity, vm.adapter().title(vm.recordProperty().get())));
        text.setWrapText(true);
        var sheet = new Sheet(overlayHost(), messages.get("common.delete"), text, 460);
        sheet.addCancel(messages.get("common.cancel"));
        var b = sheet.addButton(messages.get("common.delete"), entity + "-delete-confirm", false, () -> {
            sheet.close();
            vm.delete(afterDelete);
        });
        b.getStyleClass().add("danger");
        sheet.show();
    }

    private void showComparison(RecordViewModel.Comparison<T> c) {
        var grid = new GridPane();
        grid.setId(entity + "-comparison");
        grid.getStyleClass().add("compare-grid");
        grid.setHgap(16);
        grid.setVgap(6);
        grid.addRow(0, header("crm.compare.field"), header("crm.compare.theirs"), header("crm.compare.yours"));
        int row = 1;
        for (var d : c.differences()) {
            var spec = vm.form().fields().stream().filter(f -> f.key().equals(d.key())).findFirst().orElse(null);
            var theirs = new Label(describe(spec, d.theirs()));
            theirs.getStyleClass().add("compare-theirs");
            var yours = new Label(describe(spec, d.yours()));
            yours.getStyleClass().add("compare-yours");
            grid.addRow(row++, new Label(d.label()), theirs, yours);
        }
        if (c.differences().isEmpty()) {
            grid.add(new Label(messages.get("crm.compare.same")), 0, row, 3, 1);
        }
        var intro = new Label(messages.get("crm.compare.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add("muted");
        var scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(Math.min(360, 40 + 28 * (c.differences().size() + 1)));
        var sheet = new Sheet(overlayHost(), messages.get("crm.compare.title"), new VBox(10, intro, scroll), 720);
        sheet.addCancel(messages.get("common.cancel"));
        sheet.addButton(messages.get("crm.compare.useTheirs"), "compare-use-theirs", false, () -> {
            sheet.close();
            vm.useTheirs(c.theirs());
        });
        sheet.addButton(messages.get("crm.compare.keepMine"), "compare-keep-mine", true, () -> {
            sheet.close();
            vm.keepMine(c.theirs());
        });
        sheet.show();
    }

    private Label header(String key) {
        var l = new Label(messages.get(key));
        l.getStyleClass().add("compare-header");
        return l;
    }

    /** A field value as users read it (option labels, names, dates). */
    String describe(FieldSpec f, Object v) {
        if (v == null || v instanceof String s && s.isBlank() || v instanceof Collection<?> c && c.isEmpty()) {
            return "—";
        }
        if (f != null) {
            switch (f.kind()) {
                case CHOICE -> {
                    return f.options().stream().filter(o -> v.equals(o.value())).map(Option::label).findFirst().orElse(v.toString());
                }
                case OWNER -> {
                    return ctx.owners().stream().filter(o -> v.equals(o.value())).map(Option::label).findFirst().orElse("?");
                }
                case INDUSTRY -> {
                    return ctx.industries().stream().filter(o -> v.equals(o.value())).map(Option::label).findFirst().orElse("?");
                }
                case TAGS -> {
                    Collection<?> ids = (Collection<?>) v;
                    return String.join(", ", ctx.tags().stream().filter(t -> ids.contains(t.id())).map(Tag::name).toList());
                }
                case BOOLEAN -> {
                    return messages.get(Boolean.TRUE.equals(v) ? "crm.yes" : "crm.no");
                }
                case COMPANY -> {
                    return vm.form().displayNames().getOrDefault(f.key(), v.toString());
                }
                default -> {
                    // below
                }
            }
        }
        if (v instanceof LocalDate d) {
            return formats.date(d);
        }
        if (v instanceof OffsetDateTime t) {
            return formats.dateTime(t);
        }
        if (v instanceof BigDecimal b) {
            return formats.number(b);
        }
        return v.toString();
    }

    // ---------------------------------------------------------------- cells

    /** A timeline row: an activity, or a note, document, deal, invoice or event with its one-line detail. */
    private final class EntryCell extends ListCell<Timeline.Entry> {
        EntryCell() {
            setPrefWidth(0); // as wide as the list, never wider: long text wraps instead of scrolling sideways
        }

        @Override
        protected void updateItem(Timeline.Entry e, boolean empty) {
            super.updateItem(e, empty);
            if (empty || e == null) {
                setGraphic(null);
                return;
            }
            setGraphic(e.item() instanceof Activity a ? activityRow(a) : entryRow(e));
        }
    }

    private Node activityRow(Activity a) {
        var icon = new FontIcon(iconOf(a.type()));
        var iconBox = new StackPane(icon);
        iconBox.getStyleClass().addAll("timeline-icon", "timeline-" + a.type().dbName());
        var title = new Label(a.subject());
        title.getStyleClass().add("item-title");
        List<String> meta = new ArrayList<>();
        meta.add(Option.label(messages, "activity_type", a.type().dbName()));
        if (a.durationMinutes() != null) {
            meta.add(messages.get("crm.timeline.minutes", a.durationMinutes()));
        }
        if (a.outcome() != null) {
            meta.add(Option.label(messages, "call_outcome", a.outcome()));
        }
        if (a.task() && a.dueAt() != null) {
            meta.add(messages.get("crm.timeline.due", formats.date(a.dueAt())));
        }
        if (a.createdByName() != null) {
            meta.add(messages.get("crm.timeline.by", a.createdByName()));
        }
        var metaLabel = new Label(String.join(" · ", meta));
        metaLabel.getStyleClass().add("muted");
        var text = new VBox(2, title, metaLabel);
        if (a.description() != null && !a.description().isBlank()) {
            var d = new Label(a.description());
            d.setWrapText(true);
            d.getStyleClass().add("item-body");
            d.setMinHeight(Region.USE_PREF_SIZE);
            text.getChildren().add(d);
        }
        var when = new Label(formats.relative(a.occurredAt()));
        when.getStyleClass().add("muted");
        when.setTooltip(new javafx.scene.control.Tooltip(formats.dateTime(a.occurredAt())));
        when.setMinWidth(Region.USE_PREF_SIZE);
        // The text takes the room left and wraps or shortens, so the date stays in view (no sideways scrolling).
        title.setMinWidth(0);
        metaLabel.setMinWidth(0);
        text.setMinWidth(0);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        var row = new HBox(10, iconBox, text);
        row.setMinWidth(0);
        if (a.task()) {
            var done = new CheckBox(messages.get("crm.timeline.done"));
            done.setMinWidth(Region.USE_PREF_SIZE);
            done.setSelected("completed".equals(a.taskStatus()));
            done.setOnAction(e -> vm.completeTask(a));
            if (a.isOverdue(OffsetDateTime.now())) {
                title.getStyleClass().add("overdue");
            }
            row.getChildren().add(done);
        }
        row.getChildren().add(when);
        row.setAlignment(Pos.TOP_LEFT);
        return row;
    }

    /** Icon, title (a link where the entry opens something), one line of detail and the date. */
    private Node entryRow(Timeline.Entry e) {
        Ikon icon;
        String title;
        List<String> detail = new ArrayList<>();
        Runnable open;
        switch (e.item()) {
            case Note n -> {
                icon = Material2MZ.STICKY_NOTE_2;
                title = firstLine(n.body());
                detail.add(messages.get("crm.timeline.note"));
                if (n.createdByName() != null) {
                    detail.add(messages.get("crm.timeline.by", n.createdByName()));
                }
                open = () -> selectTabById("notes");
            }
            case Related.Document d -> {
                icon = e.what() == Timeline.What.DOCUMENT_SIGNED ? Material2MZ.VERIFIED : Material2AL.DESCRIPTION;
                title = messages.get(switch (e.what()) {
                    case DOCUMENT_SIGNED -> "crm.timeline.document.signed";
                    case DOCUMENT_VERSION -> "crm.timeline.document.version";
                    default -> "crm.timeline.document.attached";
                }, d.fileName());
                detail.add(Option.label(messages, "document_type", d.documentType()));
                detail.add(messages.get("crm.documents.revision", d.docVersion()));
                if (d.uploadedByName() != null && e.what() != Timeline.What.DOCUMENT_SIGNED) {
                    detail.add(messages.get("crm.timeline.by", d.uploadedByName()));
                }
                open = () -> selectTabById("documents");
            }
            case Related.Deal d -> {
                icon = switch (e.what()) {
                    case DEAL_WON -> Material2AL.EMOJI_EVENTS;
                    case DEAL_LOST -> Material2MZ.TRENDING_DOWN;
                    default -> Material2MZ.MONETIZATION_ON;
                };
                title = messages.get(switch (e.what()) {
                    case DEAL_WON -> "crm.timeline.deal.won";
                    case DEAL_LOST -> "crm.timeline.deal.lost";
                    default -> "crm.timeline.deal.created";
                }, d.name());
                detail.add(formats.money(d.value(), d.currency()));
                detail.add(d.stageName());
                if (e.what() == Timeline.What.DEAL_LOST && !"lost".equals(d.status())) {
                    detail.add(Option.label(messages, "deal_status", d.status()));
                }
                if (d.ownerName() != null) {
                    detail.add(d.ownerName());
                }
                open = () -> openRecord.accept("deal", d.id());
            }
            case Related.Invoice i -> {
                icon = switch (e.what()) {
                    case INVOICE_PAID -> Material2AL.CHECK_CIRCLE_OUTLINE;
                    case INVOICE_OVERDUE -> Material2AL.ERROR_OUTLINE;
                    default -> Material2MZ.RECEIPT_LONG;
                };
                String number = i.number() == null ? messages.get("crm.invoices.draft") : i.number();
                title = messages.get(switch (e.what()) {
                    case INVOICE_PAID -> "crm.timeline.invoice.paid";
                    case INVOICE_OVERDUE -> "crm.timeline.invoice.overdue";
                    default -> "crm.timeline.invoice.issued";
                }, number);
                if (e.what() == Timeline.What.INVOICE_OVERDUE) {
                    detail.add(messages.get("crm.timeline.invoice.balance", formats.money(i.balanceDue(), i.currency())));
                    detail.add(messages.get("crm.timeline.invoice.dueOn", formats.date(i.dueDate())));
                } else {
                    detail.add(formats.money(i.total(), i.currency()));
                    if (e.what() == Timeline.What.INVOICE_ISSUED) {
                        detail.add(messages.get("crm.invoices.due", formats.date(i.dueDate())));
                    }
                }
                open = () -> openRecord.accept("invoice", i.id());
            }
            case Related.Event ev -> {
                icon = Material2AL.EVENT;
                title = messages.get(e.what() == Timeline.What.EVENT_UPCOMING ? "crm.timeline.event.upcoming"
                        : "crm.timeline.event.past", ev.title());
                detail.add(ev.allDay() ? messages.get("crm.timeline.event.allDay") : formats.dateTime(ev.startsAt()));
                if (ev.location() != null && !ev.location().isBlank()) {
                    detail.add(ev.location());
                }
                detail.add(Option.label(messages, "event_status", ev.status()));
                open = () -> openRecord.accept("event", ev.id());
            }
            default -> throw new IllegalStateException("Not a timeline item: " + e.item());
        }
        var iconBox = new StackPane(new FontIcon(icon));
        iconBox.getStyleClass().addAll("timeline-icon", "timeline-" + e.what().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                "timeline-kind-" + e.kind().name().toLowerCase(java.util.Locale.ROOT));
        var link = new Hyperlink(title);
        link.getStyleClass().addAll("item-title", "timeline-link");
        link.setId(entity + "-timeline-open-" + e.what().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-" + e.id());
        link.setOnAction(x -> open.run());
        link.setPadding(Insets.EMPTY);
        link.setMinWidth(0);
        if (e.what() == Timeline.What.INVOICE_OVERDUE) {
            link.getStyleClass().add("overdue");
        }
        var metaLabel = new Label(String.join(" · ", detail.stream().filter(s -> s != null && !s.isBlank()).toList()));
        metaLabel.getStyleClass().add("muted");
        metaLabel.setMinWidth(0);
        var text = new VBox(2, link, metaLabel);
        text.setMinWidth(0);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        var when = new Label(e.dateOnly() ? formats.date(e.at()) : formats.relative(e.at()));
        when.getStyleClass().add("muted");
        if (!e.dateOnly()) {
            when.setTooltip(new javafx.scene.control.Tooltip(formats.dateTime(e.at())));
        }
        when.setMinWidth(Region.USE_PREF_SIZE);
        var row = new HBox(10, iconBox, text, when);
        row.setMinWidth(0);
        row.setAlignment(Pos.TOP_LEFT);
        return row;
    }

    private static String firstLine(String body) {
        String s = body == null ? "" : body.strip();
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl).strip() + " …";
    }

    private static Ikon iconOf(ActivityType t) {
        return switch (t) {
            case CALL -> Material2AL.CALL;
            case EMAIL -> Material2AL.EMAIL;
            case MEETING -> Material2MZ.PEOPLE;
            case TASK -> Material2AL.CHECK_CIRCLE_OUTLINE;
            case NOTE -> Material2MZ.STICKY_NOTE_2;
            case SMS, WHATSAPP -> Material2MZ.SMS;
            default -> Material2AL.HISTORY;
        };
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
            body.setMaxWidth(560);
            body.getStyleClass().add("item-body");
            var meta = new Label(String.join(" · ", n.createdByName() == null ? "" : n.createdByName(),
                    formats.relative(n.createdAt())));
            meta.getStyleClass().add("muted");
            var pin = new Button("", new FontIcon(Material2MZ.PUSH_PIN));
            pin.getStyleClass().addAll("flat", n.pinned() ? "pinned" : "unpinned");
            pin.setTooltip(new javafx.scene.control.Tooltip(messages.get(n.pinned() ? "crm.notes.unpin" : "crm.notes.pin")));
            pin.setOnAction(e -> vm.setPinned(n, !n.pinned()));
            var delete = new Button("", new FontIcon(Material2AL.DELETE_OUTLINE));
            delete.getStyleClass().add("flat");
            delete.setOnAction(e -> vm.deleteNote(n));
            boolean mine = vm.user().userId().equals(n.createdBy()) || vm.user().isAdmin();
            pin.setDisable(!mine);
            delete.setVisible(mine);
            var spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            var top = new HBox(6, meta, spacer, pin, delete);
            top.setAlignment(Pos.CENTER_LEFT);
            var card = new VBox(4, top, body);
            card.getStyleClass().add(n.pinned() ? "note-pinned" : "note");
            setGraphic(card);
        }
    }

    private final class ContactCell extends ListCell<ContactRow> {
        ContactCell() {
            setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && getItem() != null) {
                    openRecord.accept("contact", getItem().id());
                }
            });
        }

        @Override
        protected void updateItem(ContactRow c, boolean empty) {
            super.updateItem(c, empty);
            if (empty || c == null) {
                setGraphic(null);
                return;
            }
            var name = new Hyperlink(c.fullName());
            name.getStyleClass().add("item-title");
            name.setOnAction(e -> openRecord.accept("contact", c.id()));
            var top = new HBox(6, name);
            top.setAlignment(Pos.CENTER_LEFT);
            if (c.primary()) {
                var p = new Label(messages.get("crm.contact.primary"));
                p.getStyleClass().addAll("pill", "pill-primary");
                top.getChildren().add(p);
            }
            if (c.vip()) {
                var v = new Label("VIP");
                v.getStyleClass().addAll("pill", "pill-vip");
                top.getChildren().add(v);
            }
            List<String> meta = new ArrayList<>();
            for (String s : new String[] {c.jobTitle(), c.email(), c.phone()}) {
                if (s != null) {
                    meta.add(s);
                }
            }
            var metaLabel = new Label(String.join(" · ", meta));
            metaLabel.getStyleClass().add("muted");
            setGraphic(new VBox(2, top, metaLabel));
        }
    }

    /** A two-line cell with an icon and a status pill, opening the item on double click. */
    private final class SimpleCell<X> extends ListCell<X> {
        private final java.util.function.Function<X, String[]> text;
        private final String group;
        private final Ikon icon;

        SimpleCell(java.util.function.Function<X, String[]> text, String group, Ikon icon, java.util.function.Consumer<X> open) {
            this.text = text;
            this.group = group;
            this.icon = icon;
            setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && getItem() != null) {
                    open.accept(getItem());
                }
            });
        }

        @Override
        protected void updateItem(X item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            String[] t = text.apply(item);
            var title = new Label(t[0]);
            title.getStyleClass().add("item-title");
            var meta = new Label(t[1]);
            meta.getStyleClass().add("muted");
            var pill = new Label(Option.label(messages, group, t[2]));
            pill.getStyleClass().addAll("pill", "pill-" + t[2].replace('_', '-'));
            var spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            var row = new HBox(10, new FontIcon(icon), new VBox(2, title, meta), spacer, pill);
            row.setAlignment(Pos.CENTER_LEFT);
            setGraphic(row);
        }
    }
}
