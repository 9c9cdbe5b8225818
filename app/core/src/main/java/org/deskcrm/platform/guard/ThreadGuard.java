package org.deskcrm.platform.guard;

import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Catches database work on the UI thread. Core has no JavaFX, so the UI installs the predicate
 * that recognises its thread ({@code Platform::isFxApplicationThread}); every SQL statement then
 * checks it through {@link org.deskcrm.platform.db.UiThreadGuardListener}.
 *
 * <p>Mode {@code fail} (tests and development: {@code -Ddeskcrm.threadGuard=fail}) throws;
 * mode {@code warn} (the default for installed builds) logs once per call site.
 */
public final class ThreadGuard {
    public enum Mode { FAIL, WARN, OFF }

    private static volatile BooleanSupplier uiThread = () -> false;
    private static volatile Mode mode = Mode.valueOf(
            System.getProperty("deskcrm.threadGuard", "warn").toUpperCase(java.util.Locale.ROOT));

    private ThreadGuard() {}

    public static void install(BooleanSupplier isUiThread) {
        uiThread = Objects.requireNonNull(isUiThread);
    }

    public static void setMode(Mode newMode) {
        mode = Objects.requireNonNull(newMode);
    }

    public static Mode mode() {
        return mode;
    }

    /** Throws (or warns) when called on the UI thread. */
    public static void checkNotUiThread(String what) {
        if (mode == Mode.OFF || !uiThread.getAsBoolean()) {
            return;
        }
        var error = new UiThreadDatabaseAccessException(
                "Database access on the JavaFX application thread: " + what
                        + ". Run it in a BackgroundTask instead.");
        if (mode == Mode.FAIL) {
            throw error;
        }
        System.getLogger(ThreadGuard.class.getName()).log(System.Logger.Level.WARNING, error.getMessage(), error);
    }

    public static final class UiThreadDatabaseAccessException extends IllegalStateException {
        public UiThreadDatabaseAccessException(String message) {
            super(message);
        }
    }
}
