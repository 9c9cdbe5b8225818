package org.deskcrm.crm.ui;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.deskcrm.crm.BulkAction;
import org.deskcrm.crm.BulkResult;
import org.deskcrm.crm.ListCount;
import org.deskcrm.crm.ListQuery;
import org.deskcrm.crm.RecordFilter;
import org.deskcrm.crm.SortOrder;
import org.deskcrm.savedview.SavedView;
import org.deskcrm.savedview.SavedViewService;
import org.deskcrm.savedview.ViewDefinition;
import org.deskcrm.security.Action;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.Resource;
import org.deskcrm.tag.Tag;
import org.deskcrm.tag.TagService;
import org.deskcrm.ui.i18n.Messages;
import org.deskcrm.ui.task.BackgroundTask;
import org.deskcrm.ui.task.TaskHandle;
import org.deskcrm.ui.task.TaskRunner;

/**
 * State of a company, contact or lead list: the query (search text, filters, sort), the rows
 * (paged in the background), the count ("50+" at once, then the capped exact count), saved views,
 * the selection and bulk actions. Every service call runs as a background task.
 */
public final class ListViewModel<R> {
    public static final int PAGE_SIZE = 100;
    /** Most records one bulk action takes ("select all matching"). */
    public static final int BULK_MAX = 100_000;

    private final String entity;
    private final Resource resource;
    private final CurrentUser user;
    private final ListSource<R> source;
    private final SavedViewService views;
    private final TagService tagService;
    private final TaskRunner tasks;
    private final Messages messages;
    private final SortOrder defaultSort;

    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<RecordFilter> filter = new SimpleObjectProperty<>(RecordFilter.NONE);
    private final ObjectProperty<SortOrder> sort;
    private final PagedRows<R> rows;
    private final StringProperty countText = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final ObservableList<UUID> selected = FXCollections.observableArrayList();
    private final BooleanProperty allMatching = new SimpleBooleanProperty();
    private final ObservableList<SavedView> savedViews = FXCollections.observableArrayList();
    private final ObjectProperty<SavedView> currentView = new SimpleObjectProperty<>();
    private final ObservableList<String> visibleColumns = FXCollections.observableArrayList();
    private final ObservableList<Tag> tags = FXCollections.observableArrayList();
    private final ObjectProperty<Map<UUID, String>> colleagues = new SimpleObjectProperty<>(Map.of());
    private final Supplier<Map<UUID, String>> colleagueSource;
    private TaskHandle counting;
    private ListCount lastCount;

    public ListViewModel(String entity, Resource resource, CurrentUser user, ListSource<R> source, SavedViewService views,
            TagService tagService, Supplier<Map<UUID, String>> colleagueSource, TaskRunner tasks, Messages messages,
            SortOrder defaultSort, List<String> defaultColumns) {
        this.entity = entity;
        this.resource = resource;
        this.user = user;
        this.source = source;
        this.views = views;
        this.tagService = tagService;
        this.colleagueSource = colleagueSource;
        this.tasks = tasks;
        this.messages = messages;
        this.defaultSort = defaultSort;
        this.sort = new SimpleObjectProperty<>(defaultSort);
        this.rows = new PagedRows<>(tasks, PAGE_SIZE);
        this.visibleColumns.setAll(defaultColumns);
    }

    // ---------------------------------------------------------------- properties

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<RecordFilter> filterProperty() {
        return filter;
    }

    public ObjectProperty<SortOrder> sortProperty() {
        return sort;
    }

    public PagedRows<R> rows() {
        return rows;
    }

    public StringProperty countTextProperty() {
        return countText;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** Ids of the rows selected in the table (the view keeps it in sync). */
    public ObservableList<UUID> selected() {
        return selected;
    }

    /** True when the user chose "select all N matching": bulk actions then take every matching record. */
    public BooleanProperty allMatchingProperty() {
        return allMatching;
    }

    public ObservableList<SavedView> savedViews() {
        return savedViews;
    }

    public ObjectProperty<SavedView> currentViewProperty() {
        return currentView;
    }

    public ObservableList<String> visibleColumns() {
        return visibleColumns;
    }

    public ObservableList<Tag> tags() {
        return tags;
    }

    public ObjectProperty<Map<UUID, String>> colleaguesProperty() {
        return colleagues;
    }

    public UUID rowId(R row) {
        return source.id(row);
    }

    public ListQuery query() {
        return new ListQuery(search.get(), filter.get(), sort.get());
    }

    public ListCount lastCount() {
        return lastCount;
    }

    public CurrentUser user() {
        return user;
    }

    public boolean canCreate() {
        return user.can(resource, Action.CREATE);
    }

    public boolean canUpdate() {
        return user.can(resource, Action.UPDATE);
    }

    public boolean canDelete() {
        return user.can(resource, Action.DELETE);
    }

    public boolean canCreateTags() {
        return user.can(Resource.TAGS, Action.CREATE);
    }

    // ---------------------------------------------------------------- loading

    /** Loads the lookups (tags, colleagues, saved views), applies the default view and shows the first page. */
    public void start() {
        BackgroundTask.of("Loading " + entity, p -> new Lookups(tagService.list(user), colleagueSource.get(),
                        views.list(user, entity)))
                .onSuccess(l -> {
                    tags.setAll(l.tags());
                    colleagues.set(l.colleagues());
                    savedViews.setAll(l.views());
                    l.views().stream().filter(SavedView::isDefault).findFirst().ifPresentOrElse(this::applyView, this::refresh);
                })
                .onFailure(e -> {
                    error.set(e.getMessage());
                    refresh();
                })
                .runOn(tasks);
    }

    private record Lookups(List<Tag> tags, Map<UUID, String> colleagues, List<SavedView> views) {}

    /** Runs the current query again from the first page and recounts. */
    public void refresh() {
        ListQuery q = query();
        selected.clear();
        allMatching.set(false);
        error.set("");
        rows.reset((cursor, limit) -> source.page(q, cursor, limit));
        recount(q);
    }

    public void reloadTags() {
        BackgroundTask.of("Loading tags", p -> tagService.list(user)).onSuccess(tags::setAll).runOn(tasks);
    }

    private void recount(ListQuery q) {
        if (counting != null) {
            counting.requestCancel();
        }
        countText.set(messages.get("crm.count.counting"));
        counting = BackgroundTask.of("Counting", p -> source.count(q))
                .onSuccess(c -> {
                    if (q.equals(query())) {
                        lastCount = c;
                        countText.set(format(c));
                    }
                })
                .onFailure(e -> countText.set(""))
                .runOn(tasks);
    }

    /** "1,234" or "100,000+" in the user's locale. */
    public String format(ListCount c) {
        String n = NumberFormat.getIntegerInstance(messages.getLocale()).format(c.value());
        return messages.get((c.atLeast() ? "crm.count.atLeast." : "crm.count.exact.") + entity, n, c.value());
    }

    public void setSearch(String text) {
        String t = text == null ? "" : text.strip();
        if (!t.equals(search.get())) {
            search.set(t);
            refresh();
        }
    }

    public void setFilter(RecordFilter f) {
        filter.set(f);
        refresh();
    }

    public void setSort(SortOrder s) {
        sort.set(s == null ? defaultSort : s);
        refresh();
    }

    public void clearFilters() {
        filter.set(RecordFilter.NONE);
        search.set("");
        currentView.set(null);
        refresh();
    }

    // ---------------------------------------------------------------- saved views

    public void applyView(SavedView v) {
        currentView.set(v);
        if (v == null) {
            clearFilters();
            return;
        }
        ListQuery q = v.definition().query();
        search.set(q.search());
        filter.set(q.filter());
        sort.set(q.sort());
        if (!v.definition().columns().isEmpty()) {
            visibleColumns.setAll(v.definition().columns());
        }
        refresh();
    }

    public void saveView(String name, boolean makeDefault) {
        var def = new ViewDefinition(query(), new ArrayList<>(visibleColumns));
        BackgroundTask.of("Saving view", p -> {
                    SavedView saved = views.save(user, entity, name, def);
                    if (makeDefault) {
                        views.setDefault(user, saved.id(), true);
                    }
                    return new Saved(saved, views.list(user, entity));
                })
                .onSuccess(s -> {
                    savedViews.setAll(s.all());
                    currentView.set(s.all().stream().filter(v -> v.id().equals(s.view().id())).findFirst().orElse(null));
                    message.set(messages.get("crm.views.saved", name));
                })
                .onFailure(e -> error.set(e.getMessage()))
                .runOn(tasks);
    }

    private record Saved(SavedView view, List<SavedView> all) {}

    public void deleteView(SavedView v) {
        BackgroundTask.of("Deleting view", p -> {
                    views.delete(user, v.id(), v.version());
                    return views.list(user, entity);
                })
                .onSuccess(list -> {
                    savedViews.setAll(list);
                    if (currentView.get() != null && currentView.get().id().equals(v.id())) {
                        currentView.set(null);
                    }
                    message.set(messages.get("crm.views.deleted", v.name()));
                })
                .onFailure(e -> error.set(e.getMessage()))
                .runOn(tasks);
    }

    // ---------------------------------------------------------------- bulk

    /** How many records a bulk action would take now. */
    public long selectionSize() {
        if (allMatching.get() && lastCount != null) {
            return Math.min(lastCount.value(), BULK_MAX);
        }
        return selected.size();
    }

    /**
     * Runs a bulk action on the selection (or on every matching record) as a cancellable task with
     * progress in the status bar; the result says what changed and what was skipped.
     */
    public TaskHandle runBulk(BulkAction action) {
        List<UUID> ids = List.copyOf(selected);
        boolean everything = allMatching.get();
        ListQuery q = query();
        busy.set(true);
        message.set("");
        error.set("");
        return BackgroundTask.of(messages.get("crm.bulk.task"), p -> {
                    List<UUID> targets = everything ? source.ids(q, BULK_MAX) : ids;
                    return source.bulk(targets, action, p);
                })
                .onSuccess(r -> {
                    message.set(describe(r));
                    refresh();
                })
                .onCancelled(() -> {
                    message.set(messages.get("crm.bulk.cancelledEarly"));
                    refresh();
                })
                .onFailure(e -> error.set(e.getMessage()))
                .onFinally(() -> busy.set(false))
                .runOn(tasks);
    }

    String describe(BulkResult r) {
        String text = messages.get("crm.bulk.done", r.changed(), r.skipped());
        return r.cancelled() ? text + " " + messages.get("crm.bulk.cancelled") : text;
    }

    public void clearMessage() {
        message.set("");
        error.set("");
    }
}
