package org.deskcrm.tag.persistence;

import static org.deskcrm.db.Tables.ENTITY_TAGS;
import static org.deskcrm.db.Tables.TAGS;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.deskcrm.db.tables.records.TagsRecord;
import org.deskcrm.platform.id.Ids;
import org.deskcrm.platform.persistence.SyncColumns;
import org.deskcrm.platform.text.Normalize;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.rules.RecordRules;
import org.deskcrm.tag.Tag;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Row1;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Tags and their assignments. Removing a tag from a record tombstones the {@code entity_tags}
 * row and putting it back restores it (the row's key stays the same, which sync relies on);
 * {@code tags.usage_count} follows the live assignments (SR-22).
 */
public final class TagRepository {
    private static final SyncColumns<TagsRecord> SYNC = new SyncColumns<>(TAGS);

    public List<Tag> list(DSLContext dsl, CurrentUser user) {
        return dsl.selectFrom(TAGS).where(RecordRules.tags(user).read()).orderBy(TAGS.NAME).fetch(TagRepository::toTag);
    }

    public Optional<Tag> find(DSLContext dsl, CurrentUser user, UUID id) {
        return dsl.selectFrom(TAGS).where(TAGS.ID.eq(id).and(RecordRules.tags(user).read())).fetchOptional(TagRepository::toTag);
    }

    /** The visible tags among {@code ids}. */
    public List<Tag> findAll(DSLContext dsl, CurrentUser user, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return dsl.selectFrom(TAGS).where(TAGS.ID.in(ids).and(RecordRules.tags(user).read())).orderBy(TAGS.NAME)
                .fetch(TagRepository::toTag);
    }

    /** Tags whose name starts with the search text (tags are few: compared in memory). */
    public List<UUID> idsByPrefix(DSLContext dsl, CurrentUser user, String key, int limit) {
        List<UUID> ids = new ArrayList<>();
        for (Tag t : list(dsl, user)) {
            String name = Normalize.key(t.name());
            if (name != null && name.startsWith(key)) {
                ids.add(t.id());
                if (ids.size() == limit) {
                    break;
                }
            }
        }
        return ids;
    }

    /** The live tag of that name in the user's organization (tags are shared by every member). */
    public Optional<UUID> findLiveByName(DSLContext dsl, CurrentUser user, String name) {
        UUID organizationId = user.organizationId();
        return dsl.select(TAGS.ID).from(TAGS)
                .where(TAGS.ORGANIZATION_ID.eq(organizationId).and(TAGS.NAME.eq(name)).and(TAGS.DELETED_AT.isNull()))
                .fetchOptional(TAGS.ID);
    }

    public TagsRecord loadRaw(DSLContext dsl, UUID id) {
        return dsl.fetchOne(TAGS, TAGS.ID.eq(id));
    }

    public boolean writable(DSLContext dsl, CurrentUser user, UUID id) {
        return dsl.fetchExists(TAGS, TAGS.ID.eq(id).and(RecordRules.tags(user).write()));
    }

    /** SR-3: a tombstoned tag of the same name comes back instead of a duplicate key. */
    public UUID insertOrRestore(DSLContext dsl, UUID organizationId, String name, String color, UUID userId) {
        var now = SyncColumns.now();
        var tomb = dsl.select(TAGS.ID).from(TAGS)
                .where(TAGS.ORGANIZATION_ID.eq(organizationId).and(TAGS.NAME.eq(name)).and(TAGS.DELETED_AT.isNotNull()))
                .fetchOptional(TAGS.ID);
        if (tomb.isPresent()) {
            dsl.update(TAGS)
                    .set(TAGS.DELETED_AT, (OffsetDateTime) null)
                    .set(TAGS.COLOR, color)
                    .set(TAGS.USAGE_COUNT, 0)
                    .set(TAGS.VERSION, TAGS.VERSION.plus(1))
                    .set(TAGS.UPDATED_AT, now)
                    .where(TAGS.ID.eq(tomb.get()))
                    .execute();
            return tomb.get();
        }
        UUID id = Ids.newId();
        dsl.insertInto(TAGS)
                .set(TAGS.ID, id)
                .set(TAGS.ORGANIZATION_ID, organizationId)
                .set(TAGS.NAME, name)
                .set(TAGS.COLOR, color)
                .set(TAGS.CREATED_AT, now)
                .set(TAGS.UPDATED_AT, now)
                .set(TAGS.CREATED_BY, userId)
                .execute();
        return id;
    }

    public void update(DSLContext dsl, UUID id, long version, String name, String color) {
        SYNC.updateChecked(dsl, id, version, u -> u.set(TAGS.NAME, name).set(TAGS.COLOR, color));
    }

    /** Tombstones the tag and its live assignments; returns how many records it was taken off. */
    public int softDelete(DSLContext dsl, UUID id, long version) {
        var now = SyncColumns.now();
        int removed = dsl.update(ENTITY_TAGS)
                .set(ENTITY_TAGS.DELETED_AT, now)
                .set(ENTITY_TAGS.VERSION, ENTITY_TAGS.VERSION.plus(1))
                .set(ENTITY_TAGS.UPDATED_AT, now)
                .where(ENTITY_TAGS.TAG_ID.eq(id).and(ENTITY_TAGS.DELETED_AT.isNull()))
                .execute();
        SYNC.softDelete(dsl, id, version);
        return removed;
    }

    // ---------------------------------------------------------------- assignments

    /** Live tags of each record, for a page of rows (one query). */
    public Map<UUID, List<Tag>> tagsOf(DSLContext dsl, UUID organizationId, String entityType, Collection<UUID> entityIds) {
        Map<UUID, List<Tag>> out = new LinkedHashMap<>();
        if (entityIds.isEmpty()) {
            return out;
        }
        // The page's ids as a VALUES table joined on (organization_id, entity_type, entity_id): one
        // index lookup per id. With "entity_id IN (...)" H2 read every tag assignment of the type in
        // the organization (it drove the join from tags and their primary key).
        var ids = new LinkedHashSet<>(entityIds);
        @SuppressWarnings("unchecked")
        Row1<UUID>[] rows = ids.stream().map(DSL::row).toArray(Row1[]::new);
        Table<Record1<UUID>> page = DSL.values(rows).as("page_ids", "id");
        Field<UUID> pageId = page.field("id", UUID.class);
        dsl.select(ENTITY_TAGS.ENTITY_ID, TAGS.ID, TAGS.NAME, TAGS.COLOR, TAGS.USAGE_COUNT, TAGS.VERSION)
                .from(page)
                .join(ENTITY_TAGS).on(ENTITY_TAGS.ORGANIZATION_ID.eq(organizationId)
                        .and(ENTITY_TAGS.ENTITY_TYPE.eq(entityType))
                        .and(ENTITY_TAGS.ENTITY_ID.eq(pageId)))
                .join(TAGS).on(TAGS.ID.eq(ENTITY_TAGS.TAG_ID))
                .where(ENTITY_TAGS.DELETED_AT.isNull()
                        .and(TAGS.DELETED_AT.isNull()))
                .orderBy(TAGS.NAME)
                .forEach(r -> out.computeIfAbsent(r.value1(), k -> new ArrayList<>())
                        .add(new Tag(r.value2(), r.value3(), r.value4(), r.value5(), r.value6())));
        return out;
    }

    public List<Tag> tagsOf(DSLContext dsl, UUID organizationId, String entityType, UUID entityId) {
        return tagsOf(dsl, organizationId, entityType, List.of(entityId)).getOrDefault(entityId, List.of());
    }

    /** Makes the record's live tags exactly {@code tagIds}; returns true when something changed. */
    public boolean setTags(DSLContext dsl, UUID organizationId, String entityType, UUID entityId, Set<UUID> tagIds, UUID userId) {
        Set<UUID> current = new HashSet<>(dsl.select(ENTITY_TAGS.TAG_ID).from(ENTITY_TAGS)
                .where(ENTITY_TAGS.ENTITY_TYPE.eq(entityType).and(ENTITY_TAGS.ENTITY_ID.eq(entityId))
                        .and(ENTITY_TAGS.DELETED_AT.isNull()))
                .fetch(ENTITY_TAGS.TAG_ID));
        boolean changed = false;
        for (UUID add : tagIds) {
            if (!current.contains(add)) {
                changed |= add(dsl, organizationId, entityType, List.of(entityId), add, userId) > 0;
            }
        }
        for (UUID remove : current) {
            if (!tagIds.contains(remove)) {
                changed |= remove(dsl, entityType, List.of(entityId), remove) > 0;
            }
        }
        return changed;
    }

    /** Puts a tag on records that do not have it yet; returns how many got it. */
    public int add(DSLContext dsl, UUID organizationId, String entityType, Collection<UUID> entityIds, UUID tagId, UUID userId) {
        if (entityIds.isEmpty()) {
            return 0;
        }
        var now = SyncColumns.now();
        int restored = dsl.update(ENTITY_TAGS)
                .set(ENTITY_TAGS.DELETED_AT, (OffsetDateTime) null)
                .set(ENTITY_TAGS.VERSION, ENTITY_TAGS.VERSION.plus(1))
                .set(ENTITY_TAGS.UPDATED_AT, now)
                .where(ENTITY_TAGS.TAG_ID.eq(tagId).and(ENTITY_TAGS.ENTITY_TYPE.eq(entityType))
                        .and(ENTITY_TAGS.ENTITY_ID.in(entityIds)).and(ENTITY_TAGS.DELETED_AT.isNotNull()))
                .execute();
        Set<UUID> present = new HashSet<>(dsl.select(ENTITY_TAGS.ENTITY_ID).from(ENTITY_TAGS)
                .where(ENTITY_TAGS.TAG_ID.eq(tagId).and(ENTITY_TAGS.ENTITY_TYPE.eq(entityType))
                        .and(ENTITY_TAGS.ENTITY_ID.in(entityIds)))
                .fetch(ENTITY_TAGS.ENTITY_ID));
        int inserted = 0;
        var insert = dsl.insertInto(ENTITY_TAGS, ENTITY_TAGS.TAG_ID, ENTITY_TAGS.ENTITY_TYPE, ENTITY_TAGS.ENTITY_ID,
                ENTITY_TAGS.ORGANIZATION_ID, ENTITY_TAGS.CREATED_AT, ENTITY_TAGS.UPDATED_AT, ENTITY_TAGS.CREATED_BY);
        for (UUID id : new java.util.LinkedHashSet<>(entityIds)) {
            if (!present.contains(id)) {
                insert = insert.values(tagId, entityType, id, organizationId, now, now, userId);
                inserted++;
            }
        }
        if (inserted > 0) {
            insert.execute();
        }
        int added = restored + inserted;
        adjustUsage(dsl, tagId, added);
        return added;
    }

    /** Takes a tag off records; returns how many had it. */
    public int remove(DSLContext dsl, String entityType, Collection<UUID> entityIds, UUID tagId) {
        if (entityIds.isEmpty()) {
            return 0;
        }
        var now = SyncColumns.now();
        int removed = dsl.update(ENTITY_TAGS)
                .set(ENTITY_TAGS.DELETED_AT, now)
                .set(ENTITY_TAGS.VERSION, ENTITY_TAGS.VERSION.plus(1))
                .set(ENTITY_TAGS.UPDATED_AT, now)
                .where(ENTITY_TAGS.TAG_ID.eq(tagId).and(ENTITY_TAGS.ENTITY_TYPE.eq(entityType))
                        .and(ENTITY_TAGS.ENTITY_ID.in(entityIds)).and(ENTITY_TAGS.DELETED_AT.isNull()))
                .execute();
        adjustUsage(dsl, tagId, -removed);
        return removed;
    }

    /** Tombstones every live assignment of the records (their record was deleted), keeping usage counts right. */
    public void removeAll(DSLContext dsl, String entityType, Collection<UUID> entityIds, OffsetDateTime at) {
        if (entityIds.isEmpty()) {
            return;
        }
        Map<UUID, Integer> perTag = new LinkedHashMap<>();
        dsl.select(ENTITY_TAGS.TAG_ID).from(ENTITY_TAGS)
                .where(ENTITY_TAGS.ENTITY_TYPE.eq(entityType).and(ENTITY_TAGS.ENTITY_ID.in(entityIds))
                        .and(ENTITY_TAGS.DELETED_AT.isNull()))
                .forEach(r -> perTag.merge(r.value1(), 1, Integer::sum));
        dsl.update(ENTITY_TAGS)
                .set(ENTITY_TAGS.DELETED_AT, at)
                .set(ENTITY_TAGS.VERSION, ENTITY_TAGS.VERSION.plus(1))
                .set(ENTITY_TAGS.UPDATED_AT, at)
                .where(ENTITY_TAGS.ENTITY_TYPE.eq(entityType).and(ENTITY_TAGS.ENTITY_ID.in(entityIds))
                        .and(ENTITY_TAGS.DELETED_AT.isNull()))
                .execute();
        perTag.forEach((tag, n) -> adjustUsage(dsl, tag, -n));
    }

    /**
     * The next ids of records carrying a tag, in id order from the primary key
     * {@code (tag_id, entity_type, entity_id)}: drives "search by tag" without scanning the record table.
     */
    public List<UUID> taggedIds(DSLContext dsl, UUID organizationId, String entityType, UUID tagId, UUID after, int limit) {
        var c = ENTITY_TAGS.TAG_ID.eq(tagId).and(ENTITY_TAGS.ENTITY_TYPE.eq(entityType))
                .and(ENTITY_TAGS.ORGANIZATION_ID.eq(organizationId)).and(ENTITY_TAGS.DELETED_AT.isNull());
        if (after != null) {
            c = c.and(ENTITY_TAGS.ENTITY_ID.gt(after));
        }
        return dsl.select(ENTITY_TAGS.ENTITY_ID).from(ENTITY_TAGS).where(c)
                .orderBy(ENTITY_TAGS.TAG_ID, ENTITY_TAGS.ENTITY_TYPE, ENTITY_TAGS.ENTITY_ID)
                .limit(limit)
                .fetch(ENTITY_TAGS.ENTITY_ID);
    }

    /** Sub-select of the records carrying any of the tags (for filters). */
    public static org.jooq.Select<org.jooq.Record1<UUID>> withAnyTag(String entityType, Collection<UUID> tagIds) {
        return org.jooq.impl.DSL.select(ENTITY_TAGS.ENTITY_ID).from(ENTITY_TAGS)
                .where(ENTITY_TAGS.TAG_ID.in(tagIds).and(ENTITY_TAGS.ENTITY_TYPE.eq(entityType))
                        .and(ENTITY_TAGS.DELETED_AT.isNull()));
    }

    private static void adjustUsage(DSLContext dsl, UUID tagId, int delta) {
        if (delta == 0) {
            return;
        }
        dsl.update(TAGS)
                .set(TAGS.USAGE_COUNT, org.jooq.impl.DSL.greatest(TAGS.USAGE_COUNT.plus(delta), org.jooq.impl.DSL.inline(0)))
                .where(TAGS.ID.eq(tagId))
                .execute();
    }

    static Tag toTag(Record r) {
        TagsRecord t = r.into(TAGS);
        return new Tag(t.getId(), t.getName(), t.getColor(), t.getUsageCount(), t.getVersion());
    }
}
