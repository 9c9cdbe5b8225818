package org.deskcrm.document;

import java.util.Locale;

/** What a document is (seed 000/002 document types). */
public enum DocumentType {
    CONTRACT, PROPOSAL, INVOICE, PRESENTATION, OTHER;

    public String dbName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DocumentType fromDb(String s) {
        return s == null ? OTHER : valueOf(s.toUpperCase(Locale.ROOT));
    }
}
