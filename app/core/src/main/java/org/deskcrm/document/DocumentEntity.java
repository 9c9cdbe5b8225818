package org.deskcrm.document;

import org.deskcrm.security.persistence.RecordAccess.Linked;

/** The records documents are attached to in the app (the schema allows more for later features). */
public enum DocumentEntity {
    COMPANY("company", Linked.COMPANY),
    CONTACT("contact", Linked.CONTACT),
    DEAL("deal", Linked.DEAL);

    private final String dbName;
    private final Linked linked;

    DocumentEntity(String dbName, Linked linked) {
        this.dbName = dbName;
        this.linked = linked;
    }

    public String dbName() {
        return dbName;
    }

    Linked linked() {
        return linked;
    }

    public static DocumentEntity fromDb(String name) {
        for (DocumentEntity e : values()) {
            if (e.dbName.equals(name)) {
                return e;
            }
        }
        throw new IllegalArgumentException(name);
    }
}
