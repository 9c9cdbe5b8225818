package org.deskcrm.deal.persistence;

import static org.deskcrm.db.Tables.ENTITY_TAGS;
import static org.deskcrm.db.Tables.TAGS;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.deskcrm.deal.Options;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.rules.RecordRules;
import org.jooq.DSLContext;

/**
 * Reading tags for deals ({@code entity_tags} with entity type "deal"): the deal's tag names,
 * the organization's tags, and name lookups. Writes go through the shared
 * {@link org.deskcrm.tag.persistence.TagRepository} (SR-22 usage counts).
 */
public final class DealTags {
    private static final String DEAL = "deal";

    /** Names of the deal's live tags, alphabetically. */
    public static List<String> names(DSLContext dsl, UUID dealId) {
        return dsl.select(TAGS.NAME).from(ENTITY_TAGS).join(TAGS).on(TAGS.ID.eq(ENTITY_TAGS.TAG_ID))
                .where(ENTITY_TAGS.ENTITY_TYPE.eq(DEAL).and(ENTITY_TAGS.ENTITY_ID.eq(dealId))
                        .and(ENTITY_TAGS.DELETED_AT.isNull()).and(TAGS.DELETED_AT.isNull()))
                .orderBy(TAGS.NAME)
                .fetch(TAGS.NAME);
    }

    /** The organization's tags the user can see, by name. */
    public List<Options.Tag> all(DSLContext dsl, CurrentUser user) {
        return dsl.select(TAGS.ID, TAGS.NAME, TAGS.COLOR).from(TAGS).where(RecordRules.tags(user).read())
                .orderBy(TAGS.NAME).limit(1000)
                .fetch(r -> new Options.Tag(r.value1(), r.value2(), r.value3()));
    }

    /** Existing tags (live) matching these names case-insensitively: lower-cased name → id. */
    public Map<String, UUID> find(DSLContext tx, CurrentUser user, List<String> names) {
        Map<String, UUID> found = new LinkedHashMap<>();
        if (names.isEmpty()) {
            return found;
        }
        List<String> lower = names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
        tx.select(TAGS.ID, TAGS.NAME).from(TAGS)
                .where(RecordRules.tags(user).read().and(org.jooq.impl.DSL.lower(TAGS.NAME).in(lower)))
                .forEach(r -> found.put(r.value2().toLowerCase(Locale.ROOT), r.value1()));
        return found;
    }
}
