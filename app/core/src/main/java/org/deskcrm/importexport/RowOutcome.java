package org.deskcrm.importexport;

/** What the import does (or did) with one row. */
public enum RowOutcome {
    CREATE, UPDATE, SKIP, ERROR
}
