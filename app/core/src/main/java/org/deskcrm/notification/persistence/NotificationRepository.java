package org.deskcrm.notification.persistence;

import static org.deskcrm.db.Tables.NOTIFICATIONS;

import java.util.List;
import java.util.UUID;
import org.deskcrm.notification.Notification;
import org.deskcrm.platform.id.Ids;
import org.deskcrm.platform.persistence.SyncColumns;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.rules.RecordRules;
import org.jooq.DSLContext;

/** Notifications of one recipient; every read and update applies the notifications record rule. */
public final class NotificationRepository {

    /** Writes a notification for {@code userId} (the caller decides who may be notified). */
    public UUID insert(DSLContext tx, UUID organizationId, UUID userId, Notification.Type type, String title, String message,
            String linkEntityType, UUID linkEntityId, UUID createdBy) {
        UUID id = Ids.newId();
        var now = SyncColumns.now();
        tx.insertInto(NOTIFICATIONS)
                .set(NOTIFICATIONS.ID, id)
                .set(NOTIFICATIONS.ORGANIZATION_ID, organizationId)
                .set(NOTIFICATIONS.USER_ID, userId)
                .set(NOTIFICATIONS.TYPE, type.dbName())
                .set(NOTIFICATIONS.TITLE, title.length() > 200 ? title.substring(0, 199) + "…" : title)
                .set(NOTIFICATIONS.MESSAGE, message)
                .set(NOTIFICATIONS.LINK_ENTITY_TYPE, linkEntityType)
                .set(NOTIFICATIONS.LINK_ENTITY_ID, linkEntityId)
                .set(NOTIFICATIONS.CREATED_AT, now)
                .set(NOTIFICATIONS.UPDATED_AT, now)
                .set(NOTIFICATIONS.CREATED_BY, createdBy)
                .execute();
        return id;
    }

    public List<Notification> recent(DSLContext dsl, CurrentUser user, int limit) {
        return dsl.selectFrom(NOTIFICATIONS)
                .where(RecordRules.notifications(user).read())
                .orderBy(NOTIFICATIONS.CREATED_AT.desc(), NOTIFICATIONS.ID.desc())
                .limit(limit)
                .fetch(r -> new Notification(r.getId(), Notification.Type.fromDb(r.getType()), r.getTitle(), r.getMessage(),
                        r.getLinkEntityType(), r.getLinkEntityId(), r.getIsRead(), r.getCreatedAt()));
    }

    public List<Notification> byIds(DSLContext dsl, CurrentUser user, List<UUID> ids) {
        return dsl.selectFrom(NOTIFICATIONS)
                .where(NOTIFICATIONS.ID.in(ids).and(RecordRules.notifications(user).read()))
                .orderBy(NOTIFICATIONS.CREATED_AT, NOTIFICATIONS.ID)
                .fetch(r -> new Notification(r.getId(), Notification.Type.fromDb(r.getType()), r.getTitle(), r.getMessage(),
                        r.getLinkEntityType(), r.getLinkEntityId(), r.getIsRead(), r.getCreatedAt()));
    }

    public int unreadCount(DSLContext dsl, CurrentUser user) {
        return dsl.fetchCount(NOTIFICATIONS, RecordRules.notifications(user).read().and(NOTIFICATIONS.IS_READ.isFalse()));
    }

    public void markRead(DSLContext tx, CurrentUser user, UUID id) {
        var now = SyncColumns.now();
        tx.update(NOTIFICATIONS)
                .set(NOTIFICATIONS.IS_READ, true)
                .set(NOTIFICATIONS.READ_AT, now)
                .set(NOTIFICATIONS.VERSION, NOTIFICATIONS.VERSION.plus(1))
                .set(NOTIFICATIONS.UPDATED_AT, now)
                .where(NOTIFICATIONS.ID.eq(id).and(NOTIFICATIONS.IS_READ.isFalse()).and(RecordRules.notifications(user).write()))
                .execute();
    }

    public void markAllRead(DSLContext tx, CurrentUser user) {
        var now = SyncColumns.now();
        tx.update(NOTIFICATIONS)
                .set(NOTIFICATIONS.IS_READ, true)
                .set(NOTIFICATIONS.READ_AT, now)
                .set(NOTIFICATIONS.VERSION, NOTIFICATIONS.VERSION.plus(1))
                .set(NOTIFICATIONS.UPDATED_AT, now)
                .where(NOTIFICATIONS.IS_READ.isFalse().and(RecordRules.notifications(user).write()))
                .execute();
    }
}
