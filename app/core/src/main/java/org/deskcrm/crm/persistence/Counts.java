package org.deskcrm.crm.persistence;

import org.deskcrm.crm.ListCount;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.jooq.impl.DSL;

/** Capped counts: {@code SELECT COUNT(*) FROM (SELECT 1 ... LIMIT cap + 1)}, so a common match never costs a full scan. */
public final class Counts {
    private Counts() {}

    public static ListCount capped(DSLContext dsl, Table<?> table, Condition where, long cap) {
        var inner = DSL.selectOne().from(table).where(where).limit(cap + 1).asTable("capped");
        long n = dsl.selectCount().from(inner).fetchSingle().value1();
        return n > cap ? new ListCount(cap, true) : new ListCount(n, false);
    }
}
