package org.deskcrm.crm.persistence;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectJoinStep;

/**
 * The SELECT ... FROM ... of a list (columns and the joins that fetch names by primary key) and
 * how a result record becomes a row. Streams add the WHERE, ORDER BY and LIMIT.
 */
public interface RowSource<T> {
    SelectJoinStep<Record> select(DSLContext dsl);

    T map(Record record);
}
