package org.deskcrm.ui.shell;

import java.util.List;
import java.util.UUID;

/**
 * Finds records of one kind for the global search (Ctrl+K). Runs on a background thread and
 * must apply the user's record rules in SQL.
 */
public interface GlobalSearchProvider {
    /** One hit: the entity type (for {@link Navigator#openRecord}), its id, a title and a detail line. */
    record Hit(String entityType, UUID id, String title, String detail) {}

    List<Hit> search(String text, int limit);
}
