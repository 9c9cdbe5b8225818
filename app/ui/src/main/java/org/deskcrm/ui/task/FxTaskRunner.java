package org.deskcrm.ui.task;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

/** The app's runner: a small pool of daemon threads; callbacks and progress arrive on the FX thread. */
public final class FxTaskRunner implements TaskRunner {
    private final ExecutorService executor;
    private final ObservableList<TaskHandle> running = FXCollections.observableArrayList();

    public FxTaskRunner(int threads) {
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "deskcrm-task-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public <T> TaskHandle submit(BackgroundTask<T> task) {
        var fxTask = new FxTask<>(task);
        running.add(fxTask);
        fxTask.setOnSucceeded(e -> {
            running.remove(fxTask);
            task.succeeded(fxTask.getValue());
        });
        fxTask.setOnFailed(e -> {
            running.remove(fxTask);
            Throwable error = fxTask.getException();
            if (error instanceof CancellationException) {
                task.cancelled();
            } else {
                task.failed(error);
            }
        });
        fxTask.setOnCancelled(e -> {
            running.remove(fxTask);
            task.cancelled();
        });
        if (executor.isShutdown()) {
            // The app is closing (or a test stopped it): late work is dropped, never run half-way.
            running.remove(fxTask);
            fxTask.cancel(false);
            return fxTask;
        }
        try {
            executor.execute(fxTask);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            running.remove(fxTask);
            fxTask.cancel(false);
        }
        return fxTask;
    }

    @Override
    public ObservableList<TaskHandle> running() {
        return running;
    }

    @Override
    public void shutdown() {
        executor.shutdownNow();
    }

    private static final class FxTask<T> extends Task<T> implements TaskHandle, Progress {
        private final BackgroundTask<T> task;

        FxTask(BackgroundTask<T> task) {
            this.task = task;
            updateTitle(task.title());
            updateProgress(-1, 1);
        }

        @Override
        protected T call() throws Exception {
            return task.work().run(this);
        }

        @Override
        public String title() {
            return task.title();
        }

        @Override
        public void update(long done, long total, String message) {
            if (total > 0) {
                updateProgress(done, total);
            } else {
                updateProgress(-1, 1);
            }
            if (message != null) {
                updateMessage(message);
            }
        }

        /**
         * Marks the task cancelled without interrupting its thread: an interrupt during file I/O
         * closes the embedded H2 database's file channel (NIO), after which every query of the
         * session fails ("Reading from file ... failed"). Work stops at its next
         * {@link #isCancelled()} check instead, and a late result is dropped.
         */
        @Override
        public void requestCancel() {
            cancel(false);
        }
    }

    /** True when called on the JavaFX thread; installed into the core's ThreadGuard. */
    public static boolean onFxThread() {
        return Platform.isFxApplicationThread();
    }
}
