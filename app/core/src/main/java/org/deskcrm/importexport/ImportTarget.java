package org.deskcrm.importexport;

import org.deskcrm.security.Resource;

/** What a file is imported into. Contacts may bring their companies along (matched by name or created). */
public enum ImportTarget {
    CONTACTS(Resource.CONTACTS, "contacts"),
    COMPANIES(Resource.COMPANIES, "companies");

    private final Resource resource;
    private final String table;

    ImportTarget(Resource resource, String table) {
        this.resource = resource;
        this.table = table;
    }

    public Resource resource() {
        return resource;
    }

    /** The table the rows land in (and the audit row names). */
    public String table() {
        return table;
    }
}
