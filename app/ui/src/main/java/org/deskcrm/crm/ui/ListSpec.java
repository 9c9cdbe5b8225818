package org.deskcrm.crm.ui;

import java.util.List;
import java.util.Map;

/**
 * What makes a list screen specific: its columns, its filters with their options, the option
 * groups of its pill columns and its texts. Everything else is the shared {@link RecordListView}.
 *
 * @param entity saved-view entity name ("companies")
 * @param entityType record type for navigation ("company")
 * @param pillGroups column id -> option group of its values (bundle keys opt.group.value)
 * @param statuses bulk "change status" choices (option group {@code statusGroup})
 */
public record ListSpec<R>(
        String entity,
        String entityType,
        List<ColumnSpec<R>> columns,
        List<Filter> filters,
        Map<String, String> pillGroups,
        String statusGroup,
        List<String> statuses) {

    /** The filter menus a list offers, with the option group and values of enumerated ones. */
    public record Filter(Kind kind, String group, List<String> values) {
        public enum Kind { STATUS, OWNER, INDUSTRY, LIFECYCLE, TAGS, QUALITY, STAGE, LAST_CONTACTED, VIP }

        public static Filter of(Kind kind) {
            return new Filter(kind, null, List.of());
        }

        public static Filter of(Kind kind, String group, List<String> values) {
            return new Filter(kind, group, values);
        }
    }

    public List<String> defaultColumns() {
        return columns.stream().filter(ColumnSpec::defaultVisible).map(ColumnSpec::id).toList();
    }
}
