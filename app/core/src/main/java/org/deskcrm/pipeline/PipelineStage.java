package org.deskcrm.pipeline;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A column of a pipeline. Closed stages end a deal (won when {@code won}, else lost); entering a
 * stage sets the deal's probability to {@code defaultProbability}.
 */
public record PipelineStage(UUID id, UUID pipelineId, String name, String description, int position, String color,
        int defaultProbability, boolean closed, boolean won, OffsetDateTime archivedAt, long version) {

    public boolean archived() {
        return archivedAt != null;
    }

    public boolean lost() {
        return closed && !won;
    }
}
