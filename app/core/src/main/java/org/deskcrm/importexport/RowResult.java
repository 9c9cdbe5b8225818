package org.deskcrm.importexport;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One row's outcome: created, updated (which record), skipped as a duplicate (of which record),
 * or an error with its reason. {@code message} explains skips and errors in plain words.
 */
public record RowResult(long location, RowOutcome outcome, String message, UUID matchedId, List<String> raw,
        Map<ImportField, String> values) {
    public RowResult {
        raw = List.copyOf(raw);
        values = Map.copyOf(values);
    }
}
