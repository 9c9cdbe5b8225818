package org.deskcrm.calendar.ui;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.deskcrm.calendar.ReminderScheduler;
import org.deskcrm.notification.Notification;
import org.deskcrm.ui.shell.Workspace;
import org.deskcrm.ui.task.BackgroundTask;

/**
 * The bell: unread count and newest notifications of the signed-in user, and the reminder
 * scheduler that checks every 30 seconds (on its own thread) while the user is signed in.
 */
public final class NotificationsViewModel {
    static final Duration CHECK_EVERY = Duration.ofSeconds(30);
    private static final System.Logger LOG = System.getLogger(NotificationsViewModel.class.getName());

    private final CalendarFeature feature;
    private final Workspace workspace;
    private final IntegerProperty unread = new SimpleIntegerProperty();
    private final ObservableList<Notification> recent = FXCollections.observableArrayList();
    private ReminderScheduler scheduler;
    private Consumer<List<Notification>> onFired = list -> { };

    public NotificationsViewModel(CalendarFeature feature, Workspace workspace) {
        this.feature = feature;
        this.workspace = workspace;
    }

    public IntegerProperty unreadProperty() {
        return unread;
    }

    public ObservableList<Notification> recent() {
        return recent;
    }

    /** Who shows new notifications as they fire (on the UI thread). */
    public void onFired(Consumer<List<Notification>> handler) {
        this.onFired = handler;
    }

    /** Starts the reminder checks and loads the bell. */
    public void start() {
        refresh();
        if (scheduler == null) {
            scheduler = new ReminderScheduler(feature.reminders, workspace.user(), workspace.zone(), CHECK_EVERY,
                    fired -> Platform.runLater(() -> {
                        onFired.accept(fired);
                        refresh();
                    }),
                    error -> LOG.log(System.Logger.Level.WARNING, "Checking reminders failed; trying again shortly", error));
            scheduler.start();
        }
    }

    public void stop() {
        if (scheduler != null) {
            scheduler.close();
            scheduler = null;
        }
    }

    public void refresh() {
        BackgroundTask.of(workspace.messages().get("calendar.task.notifications"), p -> new Bell(
                        feature.notifications.unreadCount(workspace.user()), feature.notifications.recent(workspace.user(), 20)))
                .onSuccess(b -> {
                    unread.set(b.unread());
                    recent.setAll(b.recent());
                })
                .onFailure(e -> LOG.log(System.Logger.Level.WARNING, "Loading notifications failed", e))
                .runOn(workspace.tasks());
    }

    private record Bell(int unread, List<Notification> recent) {}

    /** Marks one read and opens what it is about. */
    public void open(Notification n) {
        if (!n.read()) {
            BackgroundTask.of(workspace.messages().get("calendar.task.notifications"), p -> {
                        feature.notifications.markRead(workspace.user(), n.id());
                        return null;
                    })
                    .onSuccess(v -> refresh())
                    .runOn(workspace.tasks());
        }
        if (n.linkEntityType() != null && n.linkEntityId() != null) {
            workspace.navigator().openRecord(n.linkEntityType(), n.linkEntityId());
        }
    }

    public void markAllRead() {
        BackgroundTask.of(workspace.messages().get("calendar.task.notifications"), p -> {
                    feature.notifications.markAllRead(workspace.user());
                    return null;
                })
                .onSuccess(v -> refresh())
                .runOn(workspace.tasks());
    }
}
