package org.deskcrm.crm;

import java.util.List;

/**
 * One page of a list and where the next one starts. The cursor is opaque (a keyset position,
 * never an offset); {@code null} means this was the last page. A page may hold fewer rows than
 * asked for and still have a next one (a search stream that skipped many non-matching rows).
 */
public record Page<T>(List<T> rows, Object next) {
    public Page {
        rows = List.copyOf(rows);
    }

    public boolean hasMore() {
        return next != null;
    }
}
