package org.deskcrm.activity;

import org.deskcrm.security.CurrentUser;
import org.jooq.DSLContext;

/**
 * Reacts to a logged activity inside the same transaction, e.g. recomputing a company's
 * engagement score (seed 002's trigger) or a deal's "last activity".
 */
@FunctionalInterface
public interface ActivityObserver {
    void logged(DSLContext tx, CurrentUser user, Activity activity);
}
