package org.deskcrm.pipeline;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A pipeline: one board of stages (sales, project, hiring or custom). */
public record Pipeline(UUID id, String name, String description, PipelineType type, boolean isDefault, int position,
        OffsetDateTime archivedAt, long version) {

    public boolean archived() {
        return archivedAt != null;
    }
}
