package org.deskcrm.notification;

import java.util.List;
import java.util.UUID;
import org.deskcrm.notification.persistence.NotificationRepository;
import org.deskcrm.security.CurrentUser;
import org.jooq.DSLContext;

/** The signed-in user's notifications: the newest ones, how many are unread, marking them read. */
public final class NotificationService {
    private final DSLContext dsl;
    private final NotificationRepository notifications;

    public NotificationService(DSLContext dsl, NotificationRepository notifications) {
        this.dsl = dsl;
        this.notifications = notifications;
    }

    public List<Notification> recent(CurrentUser user, int limit) {
        return notifications.recent(dsl, user, Math.max(1, Math.min(limit, 200)));
    }

    public int unreadCount(CurrentUser user) {
        return notifications.unreadCount(dsl, user);
    }

    public void markRead(CurrentUser user, UUID id) {
        dsl.transaction(cfg -> notifications.markRead(cfg.dsl(), user, id));
    }

    public void markAllRead(CurrentUser user) {
        dsl.transaction(cfg -> notifications.markAllRead(cfg.dsl(), user));
    }
}
