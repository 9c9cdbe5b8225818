package org.deskcrm.platform.task;

import java.util.concurrent.CancellationException;

/**
 * Long service operations (import, export, bulk edits, sync, PDF) report progress here and stop
 * when the user cancels. Core knows nothing of JavaFX; the UI adapts this to its task handles.
 */
public interface ProgressSink {
    ProgressSink NONE = new ProgressSink() {
        @Override
        public void update(long done, long total, String message) {}

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /** {@code total <= 0} means unknown. */
    void update(long done, long total, String message);

    boolean isCancelled();

    /** Throws {@link CancellationException} when the user has cancelled; call between units of work. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancellationException("Cancelled");
        }
    }
}
