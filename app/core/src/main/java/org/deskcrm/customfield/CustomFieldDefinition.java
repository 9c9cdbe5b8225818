package org.deskcrm.customfield;

import java.util.List;
import java.util.UUID;

/**
 * One admin-defined field of an entity ("company", "contact", "lead"). {@code name} is the stable
 * snake_case key (used by import/export), {@code label} what users read.
 */
public record CustomFieldDefinition(UUID id, String entityType, String name, String label, CustomFieldType type,
        List<String> options, boolean required, int position, long version) {

    /** The key of this field's value in a record's field map and in validation errors. */
    public String key() {
        return key(id);
    }

    public static String key(UUID definitionId) {
        return "cf:" + definitionId;
    }
}
