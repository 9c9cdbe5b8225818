package org.deskcrm.crm.ui;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.deskcrm.activity.Activity;
import org.deskcrm.activity.ActivityDraft;
import org.deskcrm.activity.ActivityService;
import org.deskcrm.activity.ActivityType;
import org.deskcrm.activity.Note;
import org.deskcrm.activity.NoteDraft;
import org.deskcrm.activity.NoteService;
import org.deskcrm.contact.ContactRow;
import org.deskcrm.crm.RelatedRecords;
import org.deskcrm.crm.RelatedTimeline;
import org.deskcrm.customfield.CustomFieldDefinition;
import org.deskcrm.platform.persistence.StaleRecordException;
import org.deskcrm.platform.persistence.ValidationException;
import org.deskcrm.security.Action;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.Resource;
import org.deskcrm.ui.i18n.Messages;
import org.deskcrm.ui.task.BackgroundTask;
import org.deskcrm.ui.task.TaskRunner;

/**
 * State of a record (360°) view: the record and its form, edit mode with version-checked saves
 * (a stale save keeps the user's values and offers to compare with the stored ones), the
 * timeline (keyset pages), notes, related records and the quick actions.
 */
public final class RecordViewModel<T> {
    public static final int TIMELINE_PAGE = 25;
    /** How many of each kind the Deals, Invoices, Events and Documents tabs read at first and per "Show more". */
    public static final int RELATED_PAGE = 100;

    private final RecordAdapter<T> adapter;
    private final Function<List<CustomFieldDefinition>, List<FieldSpec>> fieldSpecs;
    private final ActivityService activities;
    private final NoteService notes;
    private final CurrentUser user;
    private final Resource resource;
    private final TaskRunner tasks;
    private final Messages messages;
    private final java.time.ZoneId zone;

    private final ObjectProperty<T> record = new SimpleObjectProperty<>();
    private final FormModel form = new FormModel();
    private final BooleanProperty editing = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty stale = new SimpleBooleanProperty();
    private final BooleanProperty deleted = new SimpleBooleanProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final ObservableList<Activity> timeline = FXCollections.observableArrayList();
    private final BooleanProperty timelineHasMore = new SimpleBooleanProperty();
    private final ObservableList<Timeline.Entry> entries = FXCollections.observableArrayList();
    private final BooleanProperty entriesHaveMore = new SimpleBooleanProperty();
    private final ObjectProperty<Timeline.Filter> timelineFilter = new SimpleObjectProperty<>(Timeline.Filter.ALL);
    private final ObservableList<Note> pinnedNotes = FXCollections.observableArrayList();
    private final ObservableList<Note> noteList = FXCollections.observableArrayList();
    private final ObjectProperty<RelatedRecords> related = new SimpleObjectProperty<>();
    /** The related records' steps on the timeline loaded so far (newest first), and where the next page starts. */
    private final ObservableList<Timeline.Entry> relatedSteps = FXCollections.observableArrayList();
    private final BooleanProperty relatedStepsHaveMore = new SimpleBooleanProperty();
    private RelatedTimeline.Cursor relatedCursor;
    private int relatedLimit = RELATED_PAGE;
    private final ObservableList<ContactRow> contacts = FXCollections.observableArrayList();
    private UUID id;
    private int generation;

    public RecordViewModel(RecordAdapter<T> adapter, Function<List<CustomFieldDefinition>, List<FieldSpec>> fieldSpecs,
            ActivityService activities, NoteService notes, CurrentUser user, Resource resource, TaskRunner tasks,
            Messages messages, java.time.ZoneId zone) {
        this.adapter = adapter;
        this.fieldSpecs = fieldSpecs;
        this.activities = activities;
        this.notes = notes;
        this.user = user;
        this.resource = resource;
        this.tasks = tasks;
        this.messages = messages;
        this.zone = zone;
        form.editableProperty().bind(editing);
        // The merged timeline follows whatever it is made of.
        timeline.addListener((javafx.collections.ListChangeListener<Activity>) c -> mergeTimeline());
        noteList.addListener((javafx.collections.ListChangeListener<Note>) c -> {
            pinnedNotes.setAll(Timeline.pinned(noteList));
            mergeTimeline();
        });
        relatedSteps.addListener((javafx.collections.ListChangeListener<Timeline.Entry>) c -> mergeTimeline());
        timelineHasMore.addListener((o, a, b) -> mergeTimeline());
        relatedStepsHaveMore.addListener((o, a, b) -> mergeTimeline());
        timelineFilter.addListener((o, a, b) -> mergeTimeline());
    }

    // ---------------------------------------------------------------- properties

    public RecordAdapter<T> adapter() {
        return adapter;
    }

    public ObjectProperty<T> recordProperty() {
        return record;
    }

    public FormModel form() {
        return form;
    }

    public BooleanProperty editingProperty() {
        return editing;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public BooleanProperty staleProperty() {
        return stale;
    }

    public BooleanProperty deletedProperty() {
        return deleted;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public ObservableList<Activity> timeline() {
        return timeline;
    }

    public BooleanProperty timelineHasMoreProperty() {
        return timelineHasMore;
    }

    /**
     * The one chronological timeline (newest first): the loaded activities interleaved with notes,
     * documents, deals, invoices and events, narrowed by {@link #timelineFilterProperty()}.
     */
    public ObservableList<Timeline.Entry> timelineEntries() {
        return entries;
    }

    /**
     * Whether "More" brings older entries: older activities or related steps remain (of kinds the
     * filter shows).
     */
    public BooleanProperty timelineEntriesHaveMoreProperty() {
        return entriesHaveMore;
    }

    public ObjectProperty<Timeline.Filter> timelineFilterProperty() {
        return timelineFilter;
    }

    /** The pinned notes that lead the timeline. */
    public ObservableList<Note> pinnedNotes() {
        return pinnedNotes;
    }

    private void mergeTimeline() {
        var page = Timeline.merge(List.of(
                new Timeline.Stream(timeline.stream().map(Timeline::of).toList(), timelineHasMore.get(), java.util.Set.of(Timeline.Kind.ACTIVITY)),
                new Timeline.Stream(List.copyOf(relatedSteps), relatedStepsHaveMore.get(), Timeline.Stream.RELATED),
                Timeline.Stream.complete(Timeline.notes(noteList))), timelineFilter.get());
        entries.setAll(page.entries());
        entriesHaveMore.set(page.more());
    }

    public ObservableList<Note> notes() {
        return noteList;
    }

    /** The first {@link #relatedLimit()} deals, invoices, events and documents (the tabs), with their counts. */
    public ObjectProperty<RelatedRecords> relatedProperty() {
        return related;
    }

    /** How many of each kind the tabs read; "Show more" raises it. */
    public int relatedLimit() {
        return relatedLimit;
    }

    public ObservableList<ContactRow> contacts() {
        return contacts;
    }

    public UUID id() {
        return id;
    }

    public CurrentUser user() {
        return user;
    }

    public boolean canEdit() {
        T r = record.get();
        return r != null && adapter.writable(r) && user.can(resource, Action.UPDATE);
    }

    public boolean canDelete() {
        T r = record.get();
        return r != null && adapter.writable(r) && user.can(resource, Action.DELETE);
    }

    public boolean canLogActivities() {
        return user.can(Resource.ACTIVITIES, Action.CREATE);
    }

    public boolean canAddNotes() {
        return user.can(Resource.NOTES, Action.CREATE);
    }

    // ---------------------------------------------------------------- loading

    private record Loaded<T>(T record, List<CustomFieldDefinition> defs, List<Activity> timeline, List<Note> notes,
            RelatedRecords related, RelatedTimeline.Page steps, List<ContactRow> contacts) {}

    /** Loads everything the view shows in one background task. */
    public void open(UUID recordId) {
        this.id = recordId;
        int gen = ++generation;
        editing.set(false);
        stale.set(false);
        deleted.set(false);
        error.set("");
        message.set("");
        record.set(null);
        timeline.clear();
        noteList.clear();
        contacts.clear();
        related.set(null);
        relatedLimit = RELATED_PAGE;
        setRelatedSteps(new RelatedTimeline.Page(List.of(), false), false);
        busy.set(true);
        int limit = relatedLimit;
        BackgroundTask.of("Opening record", p -> {
                    T r = adapter.load(recordId);
                    return new Loaded<>(r, adapter.customFields(), adapter.timeline(recordId, null, TIMELINE_PAGE + 1),
                            adapter.notes(recordId), adapter.related(recordId, limit), relatedSteps(recordId, null, TIMELINE_PAGE),
                            adapter.contacts(recordId));
                })
                .onSuccess(l -> {
                    if (gen != generation) {
                        return;
                    }
                    form.setFields(fieldSpecs.apply(l.defs()));
                    show(l.record());
                    setTimeline(l.timeline(), false);
                    noteList.setAll(l.notes());
                    related.set(l.related());
                    setRelatedSteps(l.steps(), false);
                    contacts.setAll(l.contacts());
                })
                .onFailure(e -> {
                    if (gen == generation) {
                        error.set(e.getMessage());
                    }
                })
                .onFinally(() -> busy.set(false))
                .runOn(tasks);
    }

    private void show(T r) {
        form.displayNames().clear();
        form.displayNames().putAll(adapter.displayNames(r));
        record.set(r);
        form.load(adapter.values(r));
    }

    private void setTimeline(List<Activity> page, boolean append) {
        boolean more = page.size() > TIMELINE_PAGE;
        List<Activity> rows = more ? page.subList(0, TIMELINE_PAGE) : page;
        timelineHasMore.set(more); // before the rows: the merge that follows them must know whether more come
        if (append) {
            timeline.addAll(rows);
        } else {
            timeline.setAll(rows);
        }
    }

    private RelatedTimeline.Page relatedSteps(UUID recordId, RelatedTimeline.Cursor after, int limit) {
        return adapter.relatedTimeline(recordId, zone, LocalDate.now(zone), after, limit);
    }

    private void setRelatedSteps(RelatedTimeline.Page page, boolean append) {
        var entries = Timeline.of(page.items(), java.time.Instant.now());
        if (!append || page.next() != null) {
            relatedCursor = page.next();
        }
        relatedStepsHaveMore.set(page.more()); // before the entries: the merge that follows them must know
        if (append) {
            relatedSteps.addAll(entries);
        } else {
            relatedSteps.setAll(entries);
        }
    }

    private record More(List<Activity> activities, List<RelatedTimeline.Page> steps) {}

    /**
     * The next page of each paged stream whose kinds the filter shows (activities, the related
     * records' steps); the merge shows what is now known to be in order.
     */
    public void loadMoreTimeline() {
        var filter = timelineFilter.get();
        boolean activities = !timeline.isEmpty() && timelineHasMore.get() && filter.accepts(Timeline.Kind.ACTIVITY);
        boolean steps = relatedStepsHaveMore.get() && Timeline.Stream.RELATED.stream().anyMatch(filter::accepts);
        if (!activities && !steps) {
            return;
        }
        Activity last = timeline.isEmpty() ? null : timeline.getLast();
        RelatedTimeline.Cursor cursor = relatedCursor;
        UUID recordId = id;
        BackgroundTask.of("Loading timeline", p -> {
                    List<Activity> a = activities ? adapter.timeline(recordId, last, TIMELINE_PAGE + 1) : null;
                    List<RelatedTimeline.Page> pages = new ArrayList<>();
                    if (steps) {
                        // Under a filter of one kind, page on until one of that kind comes (or none remain).
                        RelatedTimeline.Cursor after = cursor;
                        while (true) {
                            var page = relatedSteps(recordId, after, TIMELINE_PAGE);
                            pages.add(page);
                            boolean shown = Timeline.of(page.items(), java.time.Instant.now()).stream()
                                    .anyMatch(e -> filter.accepts(e.kind()));
                            if (shown || !page.more() || page.next() == null || p.isCancelled()) {
                                break;
                            }
                            after = page.next();
                        }
                    }
                    return new More(a, pages);
                })
                .onSuccess(more -> {
                    if (!Objects.equals(recordId, id)) {
                        return;
                    }
                    if (more.activities() != null) {
                        setTimeline(more.activities(), true);
                    }
                    more.steps().forEach(page -> setRelatedSteps(page, true));
                })
                .onFailure(e -> error.set(e.getMessage()))
                .runOn(tasks);
    }

    private void reloadActivityAndNotes() {
        UUID recordId = id;
        BackgroundTask.of("Refreshing", p -> new Loaded<>(adapter.load(recordId), List.of(),
                        adapter.timeline(recordId, null, TIMELINE_PAGE + 1), adapter.notes(recordId), null, null, List.of()))
                .onSuccess(l -> {
                    if (!Objects.equals(recordId, id)) {
                        return;
                    }
                    if (!editing.get()) {
                        show(l.record());
                    }
                    setTimeline(l.timeline(), false);
                    noteList.setAll(l.notes());
                })
                .onFailure(e -> error.set(e.getMessage()))
                .runOn(tasks);
    }

    private record RelatedLoaded(Optional<RelatedRecords> tabs, RelatedTimeline.Page steps) {}

    /**
     * Reloads the related records (deals, invoices, events, documents: the tabs and their steps on
     * the timeline, as many as were loaded) only; an edit in progress stays.
     */
    public void refreshRelated() {
        UUID recordId = id;
        int limit = relatedLimit;
        int steps = Math.max(TIMELINE_PAGE, relatedSteps.size());
        BackgroundTask.of("Refreshing", p -> new RelatedLoaded(Optional.ofNullable(adapter.related(recordId, limit)),
                        relatedSteps(recordId, null, steps)))
                .onSuccess(r -> {
                    if (Objects.equals(recordId, id)) {
                        related.set(r.tabs().orElse(null));
                        setRelatedSteps(r.steps(), false);
                    }
                })
                .onFailure(e -> error.set(e.getMessage()))
                .runOn(tasks);
    }

    /** The tabs read {@link #RELATED_PAGE} more of each kind ("showing N of M" → more). */
    public void showMoreRelated() {
        RelatedRecords r = related.get();
        if (r == null || !r.capped()) {
            return;
        }
        relatedLimit += RELATED_PAGE;
        UUID recordId = id;
        int limit = relatedLimit;
        BackgroundTask.of("Loading related records", p -> Optional.ofNullable(adapter.related(recordId, limit)))
                .onSuccess(t -> {
                    if (Objects.equals(recordId, id)) {
                        related.set(t.orElse(null));
                    }
                })
                .onFailure(e -> error.set(e.getMessage()))
                .runOn(tasks);
    }

    // ---------------------------------------------------------------- editing

    public void edit() {
        if (canEdit()) {
            message.set("");
            error.set("");
            editing.set(true);
        }
    }

    public void cancelEdit() {
        editing.set(false);
        stale.set(false);
        form.load(adapter.values(record.get()));
        error.set("");
    }

    /** Saves the form against the version it was loaded from. */
    public void save() {
        T current = record.get();
        if (current == null) {
            return;
        }
        save(adapter.version(current));
    }

    private void save(long version) {
        Map<String, Object> values = form.values();
        busy.set(true);
        error.set("");
        form.clearErrors();
        BackgroundTask.of("Saving", p -> adapter.update(id, version, values))
                .onSuccess(saved -> {
                    editing.set(false);
                    stale.set(false);
                    show(saved);
                    message.set(messages.get("crm.record.saved"));
                })
                .onFailure(e -> {
                    if (e instanceof ValidationException v) {
                        form.setErrors(v.fieldErrors());
                        error.set(messages.get("crm.record.fixErrors"));
                    } else if (e instanceof StaleRecordException) {
                        stale.set(true);
                        error.set(messages.get("common.staleEdit"));
                    } else {
                        error.set(e.getMessage());
                    }
                })
                .onFinally(() -> busy.set(false))
                .runOn(tasks);
    }

    /** One differing field of a stale save: what is stored now and what the user entered. */
    public record Difference(String key, String label, Object theirs, Object yours) {}

    /** The stored record and how it differs from the form, for "reload and compare". */
    public record Comparison<T>(T theirs, List<Difference> differences) {}

    public void compare(java.util.function.Consumer<Comparison<T>> show) {
        Map<String, Object> mine = form.values();
        busy.set(true);
        BackgroundTask.of("Reloading", p -> adapter.load(id))
                .onSuccess(theirs -> {
                    Map<String, Object> stored = adapter.values(theirs);
                    List<Difference> diffs = new ArrayList<>();
                    for (FieldSpec f : form.fields()) {
                        Object a = norm(stored.get(f.key()));
                        Object b = norm(mine.get(f.key()));
                        if (!Objects.equals(a, b)) {
                            diffs.add(new Difference(f.key(), f.label(), stored.get(f.key()), mine.get(f.key())));
                        }
                    }
                    show.accept(new Comparison<>(theirs, diffs));
                })
                .onFailure(e -> error.set(e.getMessage()))
                .onFinally(() -> busy.set(false))
                .runOn(tasks);
    }

    private static Object norm(Object v) {
        if (v instanceof String s && s.isBlank()) {
            return null;
        }
        if (v instanceof java.math.BigDecimal b) {
            return b.stripTrailingZeros();
        }
        if (v instanceof java.util.Collection<?> c) {
            return c.isEmpty() ? null : new java.util.HashSet<>(c);
        }
        return v;
    }

    /** Discards the user's edit and shows the stored record. */
    public void useTheirs(T theirs) {
        editing.set(false);
        stale.set(false);
        error.set("");
        show(theirs);
        message.set(messages.get("crm.record.reloaded"));
    }

    /**
     * Saves the user's changes over the stored version they have now seen: a three-way merge, so
     * only the fields the user changed are theirs; a field only the other person changed keeps the
     * other person's value.
     */
    public void keepMine(T theirs) {
        Map<String, Object> base = new LinkedHashMap<>(form.loaded());
        Map<String, Object> mine = new LinkedHashMap<>(form.values());
        record.set(theirs);
        form.displayNames().putAll(adapter.displayNames(theirs));
        form.load(adapter.values(theirs));
        mine.forEach((k, v) -> {
            if (form.property(k) != null && !Objects.equals(norm(v), norm(base.get(k)))) {
                form.property(k).set(v);
            }
        });
        stale.set(false);
        save(adapter.version(theirs));
    }

    public void delete(Runnable afterwards) {
        T current = record.get();
        busy.set(true);
        BackgroundTask.of("Deleting", p -> {
                    adapter.delete(id, adapter.version(current));
                    return true;
                })
                .onSuccess(ok -> {
                    deleted.set(true);
                    afterwards.run();
                })
                .onFailure(e -> error.set(e instanceof StaleRecordException ? messages.get("common.staleEdit") : e.getMessage()))
                .onFinally(() -> busy.set(false))
                .runOn(tasks);
    }

    // ---------------------------------------------------------------- quick actions

    /** Logs a call (or e-mail, meeting) on the record; the timeline, last contacted and engagement follow. */
    public void logActivity(ActivityType type, String subject, String outcome, Integer minutes, String description,
            LocalDate day, Runnable done, java.util.function.Consumer<String> failed) {
        var links = adapter.links(record.get());
        OffsetDateTime at = day == null || day.equals(LocalDate.now(zone)) ? null
                : day.atTime(LocalTime.NOON).atZone(zone).toOffsetDateTime();
        var draft = new ActivityDraft(type, subject, description, links.companyId(), links.contactId(), null, links.leadId(),
                at, minutes, outcome, false, null, null, null);
        BackgroundTask.of("Logging activity", p -> activities.log(user, draft))
                .onSuccess(a -> {
                    message.set(messages.get("crm.activity.logged", a.subject()));
                    done.run();
                    reloadActivityAndNotes();
                })
                .onFailure(e -> failed.accept(e.getMessage()))
                .runOn(tasks);
    }

    public void addTask(String subject, LocalDate due, String priority, UUID assignee, Runnable done,
            java.util.function.Consumer<String> failed) {
        var links = adapter.links(record.get());
        OffsetDateTime dueAt = due == null ? null : due.atTime(LocalTime.of(17, 0)).atZone(zone).toOffsetDateTime();
        var draft = new ActivityDraft(ActivityType.TASK, subject, null, links.companyId(), links.contactId(), null,
                links.leadId(), null, null, null, true, priority, dueAt, assignee);
        BackgroundTask.of("Adding task", p -> activities.log(user, draft))
                .onSuccess(a -> {
                    message.set(messages.get("crm.task.added", a.subject()));
                    done.run();
                    reloadActivityAndNotes();
                })
                .onFailure(e -> failed.accept(e.getMessage()))
                .runOn(tasks);
    }

    public void completeTask(Activity task) {
        BackgroundTask.of("Completing task", p -> activities.complete(user, task.id(), task.version(), !"completed".equals(task.taskStatus())))
                .onSuccess(a -> reloadActivityAndNotes())
                .onFailure(e -> error.set(e.getMessage()))
                .runOn(tasks);
    }

    public void addNote(String body, boolean pinned, Runnable done, java.util.function.Consumer<String> failed) {
        var links = adapter.links(record.get());
        var draft = new NoteDraft(links.companyId(), links.contactId(), null, links.leadId(), null, body, "general", pinned);
        BackgroundTask.of("Adding note", p -> notes.add(user, draft))
                .onSuccess(n -> {
                    message.set(messages.get("crm.note.added"));
                    done.run();
                    reloadActivityAndNotes();
                })
                .onFailure(e -> failed.accept(e.getMessage()))
                .runOn(tasks);
    }

    public void setPinned(Note note, boolean pinned) {
        BackgroundTask.of("Pinning note", p -> notes.setPinned(user, note, pinned))
                .onSuccess(n -> reloadActivityAndNotes())
                .onFailure(e -> error.set(e.getMessage()))
                .runOn(tasks);
    }

    public void deleteNote(Note note) {
        BackgroundTask.of("Deleting note", p -> {
                    notes.delete(user, note.id(), note.version());
                    return true;
                })
                .onSuccess(ok -> reloadActivityAndNotes())
                .onFailure(e -> error.set(e.getMessage()))
                .runOn(tasks);
    }

    public void clearMessages() {
        message.set("");
        error.set("");
    }
}
