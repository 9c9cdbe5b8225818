package org.deskcrm.ui.shell;

import java.util.UUID;

/** Moves between screens and opens records from anywhere (global search, timelines, links). */
public interface Navigator {
    void show(String screenId);

    /**
     * Opens a record in the screen that handles its entity type ("company", "contact", "lead",
     * "deal", "invoice", "event", ...). Returns false when no screen handles it or the user may not open it.
     */
    boolean openRecord(String entityType, UUID id);
}
