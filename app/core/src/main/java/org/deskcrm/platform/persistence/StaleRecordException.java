package org.deskcrm.platform.persistence;

import java.util.UUID;

/**
 * A save based on an old copy of a record: someone else changed (or deleted) it since it was
 * loaded. The UI offers to reload and show the other change; nothing is overwritten.
 */
public class StaleRecordException extends RuntimeException {
    private final String table;
    private final UUID id;
    private final long expectedVersion;

    public StaleRecordException(String table, UUID id, long expectedVersion) {
        super("This " + table.replace('_', ' ').replaceAll("s$", "") + " was changed by someone else since you opened it"
                + " (your copy is version " + expectedVersion + "). Reload it to see the other change, then apply yours again.");
        this.table = table;
        this.id = id;
        this.expectedVersion = expectedVersion;
    }

    public String table() {
        return table;
    }

    public UUID id() {
        return id;
    }

    public long expectedVersion() {
        return expectedVersion;
    }
}
