package org.deskcrm.crm.ui;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.deskcrm.crm.Page;
import org.deskcrm.ui.task.BackgroundTask;
import org.deskcrm.ui.task.TaskHandle;
import org.deskcrm.ui.task.TaskRunner;

/**
 * The rows of a list, fetched a page at a time in the background as the table asks for them
 * ({@link #ensureLoaded}): the list grows while the user scrolls and never holds more than what
 * was scrolled through. A new query ({@link #reset}) cancels what is in flight and drops late
 * answers of the old one.
 */
public final class PagedRows<R> {
    /** Fetches the page after a cursor (null: the first page). Runs off the UI thread. */
    @FunctionalInterface
    public interface Fetch<R> {
        Page<R> fetch(Object cursor, int limit) throws Exception;
    }

    private final TaskRunner tasks;
    private final int pageSize;
    private final ObservableList<R> rows = FXCollections.observableArrayList();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final BooleanProperty hasMore = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private Fetch<R> fetch;
    private Object cursor;
    private int generation;
    private int wanted;
    private TaskHandle running;

    public PagedRows(TaskRunner tasks, int pageSize) {
        this.tasks = tasks;
        this.pageSize = pageSize;
    }

    public ObservableList<R> rows() {
        return rows;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    public ReadOnlyBooleanProperty hasMoreProperty() {
        return hasMore;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    /** Starts over with a new query: the first page is fetched at once. */
    public void reset(Fetch<R> newFetch) {
        generation++;
        if (running != null) {
            running.requestCancel();
            running = null;
        }
        fetch = newFetch;
        cursor = null;
        rows.clear();
        error.set("");
        hasMore.set(true);
        loading.set(false);
        wanted = pageSize;
        loadNext();
    }

    /** The table shows row {@code index}: make sure the rows up to a little past it are (being) loaded. */
    public void ensureLoaded(int index) {
        wanted = Math.max(wanted, index + 1 + pageSize / 2);
        loadNext();
    }

    private void loadNext() {
        if (fetch == null || loading.get() || !hasMore.get() || rows.size() >= wanted) {
            return;
        }
        int gen = generation;
        Fetch<R> f = fetch;
        Object after = cursor;
        loading.set(true);
        running = BackgroundTask.of("Loading rows", p -> f.fetch(after, pageSize))
                .onSuccess(page -> {
                    if (gen != generation) {
                        return;
                    }
                    rows.addAll(page.rows());
                    cursor = page.next();
                    hasMore.set(page.hasMore());
                })
                .onFailure(e -> {
                    if (gen == generation) {
                        hasMore.set(false);
                        error.set(e.getMessage());
                    }
                })
                .onFinally(() -> {
                    if (gen == generation) {
                        loading.set(false);
                        running = null;
                        loadNext();
                    }
                })
                .runOn(tasks);
    }
}
