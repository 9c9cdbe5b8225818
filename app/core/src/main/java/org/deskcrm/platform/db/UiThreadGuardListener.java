package org.deskcrm.platform.db;

import org.deskcrm.platform.guard.ThreadGuard;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;

/** Checks every SQL statement jOOQ runs against {@link ThreadGuard}. */
final class UiThreadGuardListener implements ExecuteListener {
    @Override
    public void start(ExecuteContext ctx) {
        ThreadGuard.checkNotUiThread(ctx.query() != null ? ctx.query().getClass().getSimpleName() : "SQL");
    }
}
