package org.deskcrm.importexport;

import java.util.List;
import java.util.UUID;
import org.deskcrm.crm.ListQuery;
import org.deskcrm.crm.RecordFilter;

/**
 * Which contacts to export: what the contacts list shows (its search text, matched like the list
 * does across name, e-mail, phone, company and tags, and its {@link RecordFilter}) or an explicit
 * selection ({@code ids}; null = everything the search and filter match). The user's record rule
 * always applies on top.
 */
public record ContactExportQuery(String search, RecordFilter filter, List<UUID> ids) {
    public ContactExportQuery {
        filter = filter == null ? RecordFilter.NONE : filter;
        ids = ids == null ? null : List.copyOf(ids);
    }

    /** Exactly what a list query shows (the sort is the export's own: by name). */
    public static ContactExportQuery of(ListQuery q) {
        return new ContactExportQuery(q.search(), q.filter(), null);
    }

    public static ContactExportQuery all() {
        return new ContactExportQuery(null, RecordFilter.NONE, null);
    }

    public static ContactExportQuery selected(List<UUID> ids) {
        return new ContactExportQuery(null, RecordFilter.NONE, ids);
    }
}
