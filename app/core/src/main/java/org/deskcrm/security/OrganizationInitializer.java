package org.deskcrm.security;

import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Writes a feature's defaults for a new organization (the default sales pipeline and its stages,
 * industries, the invoice number series, a calendar per user...), inside the transaction that
 * creates the organization. Features register theirs in the composition root.
 */
@FunctionalInterface
public interface OrganizationInitializer {
    void initialize(DSLContext tx, UUID organizationId, UUID adminUserId);
}
