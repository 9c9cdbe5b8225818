package org.deskcrm.importexport;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One record of an import file: where it is ({@code location}: the line of a CSV file, the
 * number of a card in a vCard file), its raw values (for the error report) and the values per
 * field after mapping (blank values are left out).
 */
public record SourceRow(long location, List<String> raw, Map<ImportField, String> values) {
    public SourceRow {
        raw = List.copyOf(raw);
        values = Collections.unmodifiableMap(values.isEmpty() ? new EnumMap<>(ImportField.class) : new EnumMap<>(values));
    }

    public String get(ImportField field) {
        return values.get(field);
    }
}
