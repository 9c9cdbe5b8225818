package org.deskcrm.importexport;

import java.util.List;
import java.util.UUID;
import org.deskcrm.crm.ListQuery;
import org.deskcrm.crm.RecordFilter;

/** Which leads to export: the leads list's search and filter, or a selection. */
public record LeadExportQuery(String search, RecordFilter filter, List<UUID> ids) {
    public LeadExportQuery {
        filter = filter == null ? RecordFilter.NONE : filter;
        ids = ids == null ? null : List.copyOf(ids);
    }

    public static LeadExportQuery of(ListQuery q) {
        return new LeadExportQuery(q.search(), q.filter(), null);
    }

    public static LeadExportQuery all() {
        return new LeadExportQuery(null, RecordFilter.NONE, null);
    }
}
