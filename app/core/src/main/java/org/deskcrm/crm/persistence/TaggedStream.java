package org.deskcrm.crm.persistence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.deskcrm.tag.persistence.TagRepository;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;

/**
 * Search by tag: walks the tag's assignments in id order (primary key of entity_tags) and reads
 * the matching records of each batch by primary key, so a rare tag never costs a scan of the
 * record table. Stops after a bounded number of batches and continues on the next page.
 */
public final class TaggedStream<T> implements RowStream<T> {
    private static final int BATCH = 200;
    private static final int MAX_BATCHES = 10;

    private final RowSource<T> source;
    private final Condition where;
    private final Field<UUID> id;
    private final Function<T, UUID> idOf;
    private final TagRepository tags;
    private final UUID organizationId;
    private final String entityType;
    private final UUID tagId;

    public TaggedStream(RowSource<T> source, Condition where, Field<UUID> id, Function<T, UUID> idOf, TagRepository tags,
            UUID organizationId, String entityType, UUID tagId) {
        this.source = source;
        this.where = where;
        this.id = id;
        this.idOf = idOf;
        this.tags = tags;
        this.organizationId = organizationId;
        this.entityType = entityType;
        this.tagId = tagId;
    }

    @Override
    public Chunk<T> next(DSLContext dsl, Object position, int limit) {
        UUID after = (UUID) position;
        List<T> rows = new ArrayList<>();
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            List<UUID> ids = tags.taggedIds(dsl, organizationId, entityType, tagId, after, BATCH);
            if (ids.isEmpty()) {
                return new Chunk<>(rows, null);
            }
            List<T> found = new ArrayList<>();
            for (Record r : source.select(dsl).where(where.and(id.in(ids))).fetch()) {
                found.add(source.map(r));
            }
            found.sort(Comparator.comparing(idOf, UuidOrder.UNSIGNED));
            for (T row : found) {
                rows.add(row);
                if (rows.size() == limit) {
                    return new Chunk<>(rows, idOf.apply(row));
                }
            }
            after = ids.getLast();
            if (ids.size() < BATCH) {
                return new Chunk<>(rows, null);
            }
        }
        return new Chunk<>(rows, after);
    }
}
