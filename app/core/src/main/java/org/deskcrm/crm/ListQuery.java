package org.deskcrm.crm;

import java.util.Objects;

/**
 * What a list shows: optional search text (prefix search across the entity's keys), filters and
 * sort. With search text the rows come in match order (name matches, then e-mail, phone, company,
 * tag matches) and the sort is not used.
 */
public record ListQuery(String search, RecordFilter filter, SortOrder sort) {
    public ListQuery {
        search = search == null ? "" : search.strip();
        filter = filter == null ? RecordFilter.NONE : filter;
        Objects.requireNonNull(sort, "sort");
    }

    public static ListQuery sortedBy(SortOrder sort) {
        return new ListQuery("", RecordFilter.NONE, sort);
    }

    public boolean searching() {
        return !search.isEmpty();
    }

    public ListQuery withSearch(String text) {
        return new ListQuery(text, filter, sort);
    }

    public ListQuery withFilter(RecordFilter f) {
        return new ListQuery(search, f, sort);
    }

    public ListQuery withSort(SortOrder s) {
        return new ListQuery(search, filter, s);
    }
}
