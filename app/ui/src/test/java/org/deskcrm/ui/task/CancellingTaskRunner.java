package org.deskcrm.ui.task;

import java.util.concurrent.CancellationException;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Like {@link SameThreadTaskRunner}, but once {@link #cancelNext()} was called the next task sees
 * a cancel request after its first progress report: the user pressing Cancel while it runs.
 */
public final class CancellingTaskRunner implements TaskRunner {
    private final SameThreadTaskRunner plain = new SameThreadTaskRunner();
    private boolean cancelNext;
    private int cancelled;

    public void cancelNext() {
        cancelNext = true;
    }

    /** How many tasks ended as cancelled. */
    public int cancelledCount() {
        return cancelled;
    }

    @Override
    public <T> TaskHandle submit(BackgroundTask<T> task) {
        if (!cancelNext) {
            return plain.submit(task);
        }
        cancelNext = false;
        var handle = new CancelOnFirstUpdate(task.title());
        try {
            T value = task.work().run(handle);
            task.succeeded(value);
        } catch (CancellationException e) {
            cancelled++;
            task.cancelled();
        } catch (Exception e) {
            task.failed(e);
        }
        return handle;
    }

    @Override
    public ObservableList<TaskHandle> running() {
        return FXCollections.observableArrayList();
    }

    @Override
    public void shutdown() {}

    private static final class CancelOnFirstUpdate implements TaskHandle, Progress {
        private final String title;
        private volatile boolean cancelled;

        CancelOnFirstUpdate(String title) {
            this.title = title;
        }

        @Override
        public void update(long done, long total, String message) {
            cancelled = true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public String title() {
            return title;
        }

        @Override
        public javafx.beans.property.ReadOnlyDoubleProperty progressProperty() {
            return new javafx.beans.property.ReadOnlyDoubleWrapper(-1).getReadOnlyProperty();
        }

        @Override
        public javafx.beans.property.ReadOnlyStringProperty messageProperty() {
            return new javafx.beans.property.ReadOnlyStringWrapper("").getReadOnlyProperty();
        }

        @Override
        public javafx.beans.property.ReadOnlyBooleanProperty runningProperty() {
            return new javafx.beans.property.ReadOnlyBooleanWrapper(false).getReadOnlyProperty();
        }

        @Override
        public void requestCancel() {
            cancelled = true;
        }
    }
}
