package org.deskcrm.customfield;

import java.util.List;

/** What an admin enters to define a field; a blank {@code name} is derived from the label. */
public record CustomFieldDraft(String entityType, String name, String label, CustomFieldType type, List<String> options,
        boolean required, int position) {
    public CustomFieldDraft {
        options = options == null ? List.of() : List.copyOf(options);
    }
}
