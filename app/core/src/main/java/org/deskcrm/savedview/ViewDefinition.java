package org.deskcrm.savedview;

import java.util.List;
import org.deskcrm.crm.ListQuery;

/** What a saved view restores: the list query and the visible columns, in order. */
public record ViewDefinition(ListQuery query, List<String> columns) {
    public ViewDefinition {
        columns = columns == null ? List.of() : List.copyOf(columns);
    }
}
