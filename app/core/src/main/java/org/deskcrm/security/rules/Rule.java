package org.deskcrm.security.rules;

import org.jooq.Condition;

/**
 * The record rule of one entity for one user: which rows they may read and which they may change
 * (update or delete). Both always include the organization and "not deleted"; both are
 * {@code FALSE} when the user's role grants nothing (deny by default). Repositories add
 * {@link #read()} to every query, so rows the user may not see are never loaded.
 */
public record Rule(Condition read, Condition write) {}
