package org.deskcrm.settings.persistence;

import static org.deskcrm.db.Tables.SETTINGS;

import java.util.Optional;
import java.util.UUID;
import org.deskcrm.platform.id.Ids;
import org.deskcrm.platform.persistence.SyncColumns;
import org.deskcrm.security.CurrentUser;
import org.jooq.DSLContext;

/**
 * The {@code settings} table: key/value rows for an organization or, as here, for one member
 * (scope_id = the user). A user's rows are theirs alone, so the user is the rule.
 */
public final class SettingsRepository {

    /** The user's own value for {@code key}, if set. */
    public Optional<String> findUserValue(DSLContext dsl, CurrentUser user, String key) {
        return dsl.select(SETTINGS.SETTING_VALUE)
                .from(SETTINGS)
                .where(SETTINGS.ORGANIZATION_ID.eq(user.organizationId())
                        .and(SETTINGS.SCOPE_ID.eq(user.userId()))
                        .and(SETTINGS.USER_ID.eq(user.userId()))
                        .and(SETTINGS.SETTING_KEY.eq(key))
                        .and(SETTINGS.DELETED_AT.isNull()))
                .fetchOptional(SETTINGS.SETTING_VALUE);
    }

    /** Sets the user's own value; returns the previous one (null when there was none). */
    public String putUserValue(DSLContext tx, CurrentUser user, String key, String value) {
        var existing = tx.select(SETTINGS.ID, SETTINGS.SETTING_VALUE, SETTINGS.DELETED_AT)
                .from(SETTINGS)
                .where(SETTINGS.ORGANIZATION_ID.eq(user.organizationId())
                        .and(SETTINGS.SCOPE_ID.eq(user.userId()))
                        .and(SETTINGS.SETTING_KEY.eq(key)))
                .forUpdate()
                .fetchOptional();
        var now = SyncColumns.now();
        if (existing.isEmpty()) {
            tx.insertInto(SETTINGS)
                    .set(SETTINGS.ID, Ids.newId())
                    .set(SETTINGS.ORGANIZATION_ID, user.organizationId())
                    .set(SETTINGS.USER_ID, user.userId())
                    .set(SETTINGS.SCOPE_ID, user.userId())
                    .set(SETTINGS.SETTING_KEY, key)
                    .set(SETTINGS.SETTING_VALUE, value)
                    .set(SETTINGS.CREATED_AT, now)
                    .set(SETTINGS.UPDATED_AT, now)
                    .set(SETTINGS.CREATED_BY, user.userId())
                    .execute();
            return null;
        }
        UUID id = existing.get().value1();
        tx.update(SETTINGS)
                .set(SETTINGS.SETTING_VALUE, value)
                .set(SETTINGS.DELETED_AT, (java.time.OffsetDateTime) null)
                .set(SETTINGS.VERSION, SETTINGS.VERSION.plus(1))
                .set(SETTINGS.UPDATED_AT, now)
                .where(SETTINGS.ID.eq(id))
                .execute();
        return existing.get().value3() == null ? existing.get().value2() : null;
    }

    /** The id of the user's row for {@code key} (for the audit record), if any. */
    public Optional<UUID> findUserRowId(DSLContext dsl, CurrentUser user, String key) {
        return dsl.select(SETTINGS.ID)
                .from(SETTINGS)
                .where(SETTINGS.ORGANIZATION_ID.eq(user.organizationId())
                        .and(SETTINGS.SCOPE_ID.eq(user.userId()))
                        .and(SETTINGS.SETTING_KEY.eq(key)))
                .fetchOptional(SETTINGS.ID);
    }
}
