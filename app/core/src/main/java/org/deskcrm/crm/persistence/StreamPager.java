package org.deskcrm.crm.persistence;

import java.util.ArrayList;
import java.util.List;
import org.deskcrm.crm.Page;
import org.jooq.DSLContext;

/**
 * Reads a page from a chain of streams: the first stream until it is exhausted, then the next.
 * The cursor remembers the stream and its position, so the next page continues exactly there.
 */
public final class StreamPager {
    private StreamPager() {}

    /** Cursor of a page: the stream to continue and its position in it. */
    record Cursor(int stream, Object position) {}

    public static <T> Page<T> page(DSLContext dsl, List<RowStream<T>> streams, Object cursor, int limit) {
        int stream = 0;
        Object position = null;
        if (cursor instanceof Cursor c) {
            stream = c.stream();
            position = c.position();
        } else if (cursor != null) {
            throw new IllegalArgumentException("Not a cursor of this list: " + cursor);
        }
        List<T> rows = new ArrayList<>();
        while (stream < streams.size()) {
            int need = limit - rows.size();
            RowStream.Chunk<T> chunk = streams.get(stream).next(dsl, position, need);
            rows.addAll(chunk.rows());
            if (chunk.next() != null) {
                // Full page, or a stream that stopped early to bound its work: continue there next time.
                return new Page<>(rows, new Cursor(stream, chunk.next()));
            }
            stream++;
            position = null;
            if (rows.size() >= limit) {
                return new Page<>(rows, stream < streams.size() ? new Cursor(stream, null) : null);
            }
        }
        return new Page<>(rows, null);
    }
}
