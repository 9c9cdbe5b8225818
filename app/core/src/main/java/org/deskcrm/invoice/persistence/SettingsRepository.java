package org.deskcrm.invoice.persistence;

import static org.deskcrm.db.Tables.ORGANIZATIONS;
import static org.deskcrm.db.Tables.SETTINGS;

import java.util.Map;
import java.util.UUID;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.platform.id.Ids;
import org.deskcrm.platform.persistence.SyncColumns;
import org.jooq.DSLContext;

/** Organization-wide settings rows (user_id NULL, scope_id = organization id) of the commerce features. */
public final class SettingsRepository {

    /** The user's organization's settings under a key prefix (organization settings are readable by every member). */
    public Map<String, String> load(DSLContext dsl, CurrentUser user, String keyPrefix) {
        UUID organizationId = user.organizationId();
        return dsl.select(SETTINGS.SETTING_KEY, SETTINGS.SETTING_VALUE).from(SETTINGS)
                .where(SETTINGS.ORGANIZATION_ID.eq(organizationId).and(SETTINGS.SCOPE_ID.eq(organizationId))
                        .and(SETTINGS.SETTING_KEY.startsWith(keyPrefix)).and(SETTINGS.DELETED_AT.isNull()))
                .fetchMap(SETTINGS.SETTING_KEY, SETTINGS.SETTING_VALUE);
    }

    /** Inserts or updates one organization setting (version +1 on change). */
    public void put(DSLContext tx, UUID organizationId, UUID actor, String key, String value) {
        var now = SyncColumns.now();
        int n = tx.update(SETTINGS)
                .set(SETTINGS.SETTING_VALUE, value)
                .set(SETTINGS.VERSION, SETTINGS.VERSION.plus(1))
                .set(SETTINGS.UPDATED_AT, now)
                .set(SETTINGS.DELETED_AT, (java.time.OffsetDateTime) null)
                .where(SETTINGS.ORGANIZATION_ID.eq(organizationId).and(SETTINGS.SCOPE_ID.eq(organizationId))
                        .and(SETTINGS.SETTING_KEY.eq(key)))
                .execute();
        if (n == 0) {
            tx.insertInto(SETTINGS)
                    .set(SETTINGS.ID, Ids.newId())
                    .set(SETTINGS.ORGANIZATION_ID, organizationId)
                    .set(SETTINGS.SCOPE_ID, organizationId)
                    .set(SETTINGS.SETTING_KEY, key)
                    .set(SETTINGS.SETTING_VALUE, value)
                    .set(SETTINGS.CREATED_AT, now)
                    .set(SETTINGS.UPDATED_AT, now)
                    .set(SETTINGS.CREATED_BY, actor)
                    .execute();
        }
    }

    /** The organization as the invoice header shows it. */
    public record Organization(String name, String logoUrl, String currency) {}

    public Organization organization(DSLContext dsl, UUID organizationId) {
        return dsl.select(ORGANIZATIONS.NAME, ORGANIZATIONS.LOGO_URL, ORGANIZATIONS.CURRENCY).from(ORGANIZATIONS)
                .where(ORGANIZATIONS.ID.eq(organizationId))
                .fetchOne(r -> new Organization(r.value1(), r.value2(), r.value3().strip()));
    }
}
