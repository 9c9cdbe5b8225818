package org.deskcrm.ui.task;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * A unit of background work with progress, cancel and callbacks that run on the UI thread.
 *
 * <pre>{@code
 * BackgroundTask.of("Loading contacts", progress -> service.page(user, query))
 *     .onSuccess(rows -> items.setAll(rows))
 *     .onFailure(error -> errorMessage.set(error.getMessage()))
 *     .runOn(taskRunner);
 * }</pre>
 */
public final class BackgroundTask<T> {

    /** The work itself; runs off the UI thread and reports progress through {@link Progress}. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Progress progress) throws Exception;
    }

    private final String title;
    private final Work<T> work;
    private Consumer<? super T> onSuccess = value -> {};
    private Consumer<? super Throwable> onFailure = error -> {};
    private Runnable onCancelled = () -> {};
    private Runnable onFinally = () -> {};

    private BackgroundTask(String title, Work<T> work) {
        this.title = Objects.requireNonNull(title);
        this.work = Objects.requireNonNull(work);
    }

    public static <T> BackgroundTask<T> of(String title, Work<T> work) {
        return new BackgroundTask<>(title, work);
    }

    public BackgroundTask<T> onSuccess(Consumer<? super T> handler) {
        this.onSuccess = Objects.requireNonNull(handler);
        return this;
    }

    public BackgroundTask<T> onFailure(Consumer<? super Throwable> handler) {
        this.onFailure = Objects.requireNonNull(handler);
        return this;
    }

    public BackgroundTask<T> onCancelled(Runnable handler) {
        this.onCancelled = Objects.requireNonNull(handler);
        return this;
    }

    /** Runs after success, failure or cancel (on the UI thread), e.g. to clear a busy flag. */
    public BackgroundTask<T> onFinally(Runnable handler) {
        this.onFinally = Objects.requireNonNull(handler);
        return this;
    }

    public TaskHandle runOn(TaskRunner runner) {
        return runner.submit(this);
    }

    public String title() {
        return title;
    }

    Work<T> work() {
        return work;
    }

    void succeeded(T value) {
        try {
            onSuccess.accept(value);
        } finally {
            onFinally.run();
        }
    }

    void failed(Throwable error) {
        try {
            onFailure.accept(error);
        } finally {
            onFinally.run();
        }
    }

    void cancelled() {
        try {
            onCancelled.run();
        } finally {
            onFinally.run();
        }
    }
}
