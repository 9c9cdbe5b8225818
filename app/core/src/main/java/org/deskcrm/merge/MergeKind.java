package org.deskcrm.merge;

import org.deskcrm.security.Resource;

/** What can be merged. */
public enum MergeKind {
    COMPANY("companies", "company", Resource.COMPANIES),
    CONTACT("contacts", "contact", Resource.CONTACTS);

    private final String table;
    private final String entityType;
    private final Resource resource;

    MergeKind(String table, String entityType, Resource resource) {
        this.table = table;
        this.entityType = entityType;
        this.resource = resource;
    }

    public String table() {
        return table;
    }

    /** The polymorphic entity_type value (activities, documents, entity_tags, notifications). */
    public String entityType() {
        return entityType;
    }

    public Resource resource() {
        return resource;
    }
}
