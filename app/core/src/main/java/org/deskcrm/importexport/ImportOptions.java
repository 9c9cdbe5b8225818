package org.deskcrm.importexport;

import java.util.Objects;
import java.util.UUID;

/**
 * Choices of the import wizard. {@code ownerId}: owner of the records the import creates (sales
 * reps always own what they import). {@code skipInvalidRows}: the user has seen the rows with
 * errors and chose to import the others; without it any bad row stops the whole import.
 */
public record ImportOptions(DuplicatePolicy policy, UUID ownerId, boolean skipInvalidRows) {
    public ImportOptions {
        Objects.requireNonNull(policy, "policy");
    }
}
