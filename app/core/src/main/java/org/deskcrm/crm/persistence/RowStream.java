package org.deskcrm.crm.persistence;

import java.util.List;
import org.jooq.DSLContext;

/**
 * An ordered source of rows read a chunk at a time from a position (null = the start). A stream
 * is one index walk: the rows of a sort segment, or the matches of one search key.
 */
public interface RowStream<T> {

    /** Rows after {@code position}; {@code next} is null once the stream is exhausted. */
    record Chunk<T>(List<T> rows, Object next) {}

    Chunk<T> next(DSLContext dsl, Object position, int limit);
}
