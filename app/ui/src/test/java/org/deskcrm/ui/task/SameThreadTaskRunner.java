package org.deskcrm.ui.task;

import java.util.concurrent.CancellationException;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Runs tasks at once on the calling thread: for view-model tests in plain JUnit, where there is
 * no FX thread to hop to. Never used by the app itself.
 */
public final class SameThreadTaskRunner implements TaskRunner {
    private final ObservableList<TaskHandle> running = FXCollections.observableArrayList();

    @Override
    public <T> TaskHandle submit(BackgroundTask<T> task) {
        var handle = new Handle(task.title());
        try {
            T value = task.work().run(handle);
            handle.running.set(false);
            task.succeeded(value);
        } catch (CancellationException e) {
            handle.running.set(false);
            task.cancelled();
        } catch (Exception e) {
            handle.running.set(false);
            task.failed(e);
        }
        return handle;
    }

    @Override
    public ObservableList<TaskHandle> running() {
        return running;
    }

    @Override
    public void shutdown() {}

    private static final class Handle implements TaskHandle, Progress {
        private final String title;
        private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
        private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
        private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(true);
        private volatile boolean cancelled;

        Handle(String title) {
            this.title = title;
        }

        @Override
        public String title() {
            return title;
        }

        @Override
        public ReadOnlyDoubleProperty progressProperty() {
            return progress.getReadOnlyProperty();
        }

        @Override
        public ReadOnlyStringProperty messageProperty() {
            return message.getReadOnlyProperty();
        }

        @Override
        public ReadOnlyBooleanProperty runningProperty() {
            return running.getReadOnlyProperty();
        }

        @Override
        public void requestCancel() {
            cancelled = true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public void update(long done, long total, String msg) {
            progress.set(total > 0 ? (double) done / total : -1);
            if (msg != null) {
                message.set(msg);
            }
        }
    }
}
