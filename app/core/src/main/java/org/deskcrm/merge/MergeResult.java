package org.deskcrm.merge;

import java.util.Map;
import java.util.UUID;

/** The merge done: the record that stays and how many related rows moved to it, by table. */
public record MergeResult(MergeKind kind, UUID survivorId, UUID mergedId, Map<String, Integer> moved) {
    public MergeResult {
        moved = Map.copyOf(moved);
    }

    public int movedTotal() {
        return moved.values().stream().mapToInt(Integer::intValue).sum();
    }
}
