package org.deskcrm.calendar;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.deskcrm.notification.Notification;
import org.deskcrm.security.CurrentUser;

/**
 * Checks the signed-in user's reminders on a background thread (every 30 s in the app) and hands
 * new notifications to the UI. Failures (a database hiccup) are reported and the next tick tries
 * again. Close it on sign-out.
 */
public final class ReminderScheduler implements AutoCloseable {
    private final ReminderService service;
    private final CurrentUser user;
    private final ZoneId zone;
    private final Duration period;
    private final Consumer<List<Notification>> onFired;
    private final Consumer<Throwable> onError;
    private ScheduledExecutorService executor;

    public ReminderScheduler(ReminderService service, CurrentUser user, ZoneId zone, Duration period,
            Consumer<List<Notification>> onFired, Consumer<Throwable> onError) {
        this.service = service;
        this.user = user;
        this.zone = zone;
        this.period = period;
        this.onFired = onFired;
        this.onError = onError;
    }

    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "deskcrm-reminders");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::tick, 2_000, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One check, on the calling thread (the scheduler's, or a test's). */
    public void tick() {
        try {
            List<Notification> fired = service.fireDue(user, zone);
            if (!fired.isEmpty()) {
                onFired.accept(fired);
            }
        } catch (RuntimeException e) {
            onError.accept(e);
        }
    }

    @Override
    public synchronized void close() {
        if (executor != null) {
            // shutdown(), not shutdownNow(): interrupting a tick during H2 file I/O closes the database.
            executor.shutdown();
            executor = null;
        }
    }
}
