package org.deskcrm.crm.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.OrderField;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Rows of one table in (key, id) order, read with keyset conditions
 * {@code key >= k AND (key > k OR id > i)} on an index {@code (organization_id, key, id)}.
 * The ORDER BY names {@code organization_id} first: H2 only reads an index in order when the
 * sort starts with the index's leading column (PostgreSQL does not mind).
 *
 * <p>A nullable key is read as two streams: {@link #nonNull} (rows with a value) and
 * {@link #nullKeys} (rows without one, in id order), so NULLs come last in both directions and
 * each stream stays a single index range.
 */
public final class KeysetStream<T> implements RowStream<T> {
    /** Where the previous chunk ended. */
    public record Position(Object key, UUID id) {}

    private final RowSource<T> source;
    private final Condition where;
    private final Field<UUID> organization;
    private final Field<Object> key;
    private final boolean keyIsNull;
    private final Field<UUID> id;
    private final boolean descending;

    @SuppressWarnings("unchecked")
    private KeysetStream(RowSource<T> source, Condition where, Field<UUID> organization, Field<?> key, boolean keyIsNull,
            Field<UUID> id, boolean descending) {
        this.source = source;
        this.where = where;
        this.organization = organization;
        this.key = (Field<Object>) key;
        this.keyIsNull = keyIsNull;
        this.id = id;
        this.descending = descending;
    }

    /** Rows in (key, id) order; with {@code nullable} only those whose key has a value. */
    public static <T> KeysetStream<T> nonNull(RowSource<T> source, Condition where, Field<UUID> organization,
            Field<?> key, boolean nullable, Field<UUID> id, boolean descending) {
        return new KeysetStream<>(source, nullable ? where.and(key.isNotNull()) : where, organization, key, false, id,
                descending);
    }

    /** Rows whose key is NULL, in id order. */
    public static <T> KeysetStream<T> nullKeys(RowSource<T> source, Condition where, Field<UUID> organization,
            Field<?> key, Field<UUID> id, boolean descending) {
        return new KeysetStream<>(source, where.and(key.isNull()), organization, key, true, id, descending);
    }

    /** The streams of a sort: one for a NOT NULL key, two (values, then NULLs) for a nullable one. */
    public static <T> List<RowStream<T>> sorted(RowSource<T> source, Condition where, Field<UUID> organization,
            Field<?> key, boolean nullable, Field<UUID> id, boolean descending) {
        List<RowStream<T>> streams = new ArrayList<>();
        streams.add(nonNull(source, where, organization, key, nullable, id, descending));
        if (nullable) {
            streams.add(nullKeys(source, where, organization, key, id, descending));
        }
        return streams;
    }

    @Override
    public Chunk<T> next(DSLContext dsl, Object position, int limit) {
        Condition c = where;
        if (position instanceof Position p) {
            if (keyIsNull) {
                c = c.and(descending ? id.lt(p.id()) : id.gt(p.id()));
            } else {
                Field<Object> k = DSL.val(p.key(), key);
                c = c.and(descending
                        ? key.le(k).and(key.lt(k).or(id.lt(p.id())))
                        : key.ge(k).and(key.gt(k).or(id.gt(p.id()))));
            }
        }
        List<OrderField<?>> order = List.of(
                descending ? organization.desc() : organization.asc(),
                descending ? key.desc() : key.asc(),
                descending ? id.desc() : id.asc());
        List<Record> records = source.select(dsl).where(c).orderBy(order).limit(limit + 1).fetch();
        boolean more = records.size() > limit;
        if (more) {
            records = records.subList(0, limit);
        }
        List<T> rows = new ArrayList<>(records.size());
        for (Record r : records) {
            rows.add(source.map(r));
        }
        Object next = null;
        if (more) {
            Record last = records.getLast();
            next = new Position(last.get(key), last.get(id));
        }
        return new Chunk<>(rows, next);
    }
}
