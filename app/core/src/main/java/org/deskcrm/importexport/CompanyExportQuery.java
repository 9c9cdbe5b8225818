package org.deskcrm.importexport;

import java.util.List;
import java.util.UUID;
import org.deskcrm.crm.ListQuery;
import org.deskcrm.crm.RecordFilter;

/** Which companies to export: the companies list's search and filter, or a selection. */
public record CompanyExportQuery(String search, RecordFilter filter, List<UUID> ids) {
    public CompanyExportQuery {
        filter = filter == null ? RecordFilter.NONE : filter;
        ids = ids == null ? null : List.copyOf(ids);
    }

    public static CompanyExportQuery of(ListQuery q) {
        return new CompanyExportQuery(q.search(), q.filter(), null);
    }

    public static CompanyExportQuery all() {
        return new CompanyExportQuery(null, RecordFilter.NONE, null);
    }

    public static CompanyExportQuery selected(List<UUID> ids) {
        return new CompanyExportQuery(null, RecordFilter.NONE, ids);
    }
}
