package org.deskcrm.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** One audit row as shown in the audit browser and a record's history. */
public record AuditEntry(
        UUID id,
        OffsetDateTime at,
        UUID userId,
        String userName,
        String tableName,
        UUID recordId,
        AuditAction action,
        String oldValues,
        String newValues,
        List<String> changedFields) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public AuditEntry {
        changedFields = changedFields == null ? List.of() : List.copyOf(changedFields);
    }

    /** One changed field with its value before and after, as display text ("" when absent). */
    public record Change(String field, String before, String after) {}

    /** The changed fields with old and new values, in the order of {@link #changedFields()}. */
    public List<Change> changes() {
        JsonNode before = parse(oldValues);
        JsonNode after = parse(newValues);
        Set<String> fields = new LinkedHashSet<>(changedFields);
        if (fields.isEmpty()) {
            before.fieldNames().forEachRemaining(fields::add);
            after.fieldNames().forEachRemaining(fields::add);
        }
        List<Change> out = new ArrayList<>();
        for (String f : fields) {
            out.add(new Change(f, text(before.get(f)), text(after.get(f))));
        }
        return out;
    }

    /** The old values as indented JSON ("" when none). */
    public String oldValuesPretty() {
        return pretty(oldValues);
    }

    /** The new values as indented JSON ("" when none). */
    public String newValuesPretty() {
        return pretty(newValues);
    }

    static String pretty(String json) {
        if (json == null || json.isBlank()) {
            return "";
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(json));
        } catch (JsonProcessingException e) {
            return json;
        }
    }

    private static JsonNode parse(String json) {
        if (json == null || json.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode node = JSON.readTree(json);
            return node != null && node.isObject() ? node : JSON.createObjectNode();
        } catch (JsonProcessingException e) {
            return JSON.createObjectNode();
        }
    }

    private static String text(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "";
        }
        if (node.isNull()) {
            return "—";
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }
}
