package org.deskcrm.security.persistence;

import static org.deskcrm.db.Tables.ORGANIZATIONS;

import java.util.Optional;
import java.util.UUID;
import org.deskcrm.platform.persistence.SyncColumns;
import org.jooq.DSLContext;

/** Organizations (tenants). Reads are by id: the caller passes its own organization. */
public final class OrganizationRepository {

    public void insert(DSLContext tx, UUID id, String name, String slug, UUID ownerId) {
        var now = SyncColumns.now();
        tx.insertInto(ORGANIZATIONS)
                .set(ORGANIZATIONS.ID, id)
                .set(ORGANIZATIONS.NAME, name)
                .set(ORGANIZATIONS.SLUG, slug)
                .set(ORGANIZATIONS.OWNER_ID, ownerId)
                .set(ORGANIZATIONS.CREATED_AT, now)
                .set(ORGANIZATIONS.UPDATED_AT, now)
                .set(ORGANIZATIONS.CREATED_BY, ownerId)
                .execute();
    }

    public Optional<String> name(DSLContext dsl, UUID organizationId) {
        return dsl.select(ORGANIZATIONS.NAME).from(ORGANIZATIONS).where(ORGANIZATIONS.ID.eq(organizationId))
                .fetchOptional(ORGANIZATIONS.NAME);
    }

    /** The organization's default currency (ISO 4217). */
    public Optional<String> currency(DSLContext dsl, UUID organizationId) {
        return dsl.select(ORGANIZATIONS.CURRENCY).from(ORGANIZATIONS).where(ORGANIZATIONS.ID.eq(organizationId))
                .fetchOptional(ORGANIZATIONS.CURRENCY);
    }
}
