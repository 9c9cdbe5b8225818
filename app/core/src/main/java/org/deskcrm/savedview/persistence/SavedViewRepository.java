package org.deskcrm.savedview.persistence;

import static org.deskcrm.db.Tables.SAVED_VIEWS;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.deskcrm.db.tables.records.SavedViewsRecord;
import org.deskcrm.platform.id.Ids;
import org.deskcrm.platform.persistence.SyncColumns;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.rules.RecordRules;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Rows of saved_views; reads apply the saved-views rule (own and shared), writes only touch the user's own. */
public final class SavedViewRepository {
    private static final SyncColumns<SavedViewsRecord> SYNC = new SyncColumns<>(SAVED_VIEWS);

    /** A stored view as read. */
    public record Row(UUID id, UUID userId, String entity, String name, String definition, boolean isDefault, long version) {}

    public List<Row> list(DSLContext dsl, CurrentUser user, String entity) {
        return dsl.selectFrom(SAVED_VIEWS)
                .where(SAVED_VIEWS.ENTITY.eq(entity).and(RecordRules.savedViews(user).read()))
                .orderBy(SAVED_VIEWS.POSITION, SAVED_VIEWS.NAME)
                .fetch(r -> new Row(r.getId(), r.getUserId(), r.getEntity(), r.getName(), r.getDefinition(),
                        r.getIsDefault() && r.getUserId().equals(user.userId()), r.getVersion()));
    }

    public SavedViewsRecord loadRaw(DSLContext dsl, UUID id) {
        return dsl.fetchOne(SAVED_VIEWS, SAVED_VIEWS.ID.eq(id));
    }

    /** The user's view of that name, live or tombstoned, or null. */
    public SavedViewsRecord loadByName(DSLContext dsl, CurrentUser user, String entity, String name) {
        return dsl.fetchOne(SAVED_VIEWS, SAVED_VIEWS.ORGANIZATION_ID.eq(user.organizationId())
                .and(SAVED_VIEWS.USER_ID.eq(user.userId())).and(SAVED_VIEWS.ENTITY.eq(entity)).and(SAVED_VIEWS.NAME.eq(name)));
    }

    public boolean writable(DSLContext dsl, CurrentUser user, UUID id) {
        return dsl.fetchExists(SAVED_VIEWS, SAVED_VIEWS.ID.eq(id).and(RecordRules.savedViews(user).write()));
    }

    /** Inserts the view, or replaces the definition of the user's view with that name (restoring a deleted one). */
    public UUID upsert(DSLContext dsl, CurrentUser user, String entity, String name, String definition) {
        var now = SyncColumns.now();
        SavedViewsRecord existing = loadByName(dsl, user, entity, name);
        if (existing != null) {
            dsl.update(SAVED_VIEWS)
                    .set(SAVED_VIEWS.DEFINITION, definition)
                    .set(SAVED_VIEWS.DELETED_AT, (OffsetDateTime) null)
                    .set(SAVED_VIEWS.VERSION, SAVED_VIEWS.VERSION.plus(1))
                    .set(SAVED_VIEWS.UPDATED_AT, now)
                    .where(SAVED_VIEWS.ID.eq(existing.getId()))
                    .execute();
            return existing.getId();
        }
        int position = dsl.select(DSL.coalesce(DSL.max(SAVED_VIEWS.POSITION), DSL.inline(-1)).plus(1)).from(SAVED_VIEWS)
                .where(SAVED_VIEWS.ORGANIZATION_ID.eq(user.organizationId()).and(SAVED_VIEWS.USER_ID.eq(user.userId()))
                        .and(SAVED_VIEWS.ENTITY.eq(entity)))
                .fetchSingle().value1();
        UUID id = Ids.newId();
        dsl.insertInto(SAVED_VIEWS)
                .set(SAVED_VIEWS.ID, id)
                .set(SAVED_VIEWS.ORGANIZATION_ID, user.organizationId())
                .set(SAVED_VIEWS.USER_ID, user.userId())
                .set(SAVED_VIEWS.ENTITY, entity)
                .set(SAVED_VIEWS.NAME, name)
                .set(SAVED_VIEWS.DEFINITION, definition)
                .set(SAVED_VIEWS.POSITION, position)
                .set(SAVED_VIEWS.CREATED_AT, now)
                .set(SAVED_VIEWS.UPDATED_AT, now)
                .set(SAVED_VIEWS.CREATED_BY, user.userId())
                .execute();
        return id;
    }

    public void setDefault(DSLContext dsl, CurrentUser user, String entity, UUID id, boolean isDefault) {
        var now = SyncColumns.now();
        dsl.update(SAVED_VIEWS)
                .set(SAVED_VIEWS.IS_DEFAULT, false)
                .set(SAVED_VIEWS.VERSION, SAVED_VIEWS.VERSION.plus(1))
                .set(SAVED_VIEWS.UPDATED_AT, now)
                .where(SAVED_VIEWS.ORGANIZATION_ID.eq(user.organizationId()).and(SAVED_VIEWS.USER_ID.eq(user.userId()))
                        .and(SAVED_VIEWS.ENTITY.eq(entity)).and(SAVED_VIEWS.IS_DEFAULT.isTrue()).and(SAVED_VIEWS.ID.ne(id)))
                .execute();
        dsl.update(SAVED_VIEWS)
                .set(SAVED_VIEWS.IS_DEFAULT, isDefault)
                .set(SAVED_VIEWS.VERSION, SAVED_VIEWS.VERSION.plus(1))
                .set(SAVED_VIEWS.UPDATED_AT, now)
                .where(SAVED_VIEWS.ID.eq(id))
                .execute();
    }

    public void softDelete(DSLContext dsl, UUID id, long version) {
        SYNC.softDelete(dsl, id, version);
    }
}
