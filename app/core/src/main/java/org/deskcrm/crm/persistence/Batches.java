package org.deskcrm.crm.persistence;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.deskcrm.crm.BulkResult;
import org.deskcrm.platform.task.ProgressSink;

/**
 * Runs a bulk action in batches, each its own transaction (with its audit rows), reporting
 * progress between batches and stopping at the next batch boundary when the user cancels.
 */
public final class Batches {
    public static final int SIZE = 200;

    /** What one batch did. */
    public record Outcome(int changed, int skipped) {}

    private Batches() {}

    public static BulkResult run(List<UUID> ids, int batchSize, ProgressSink progress, String what,
            Function<List<UUID>, Outcome> batch) {
        BulkResult result = new BulkResult(0, 0, false);
        int total = ids.size();
        progress.update(0, total, what);
        for (int from = 0; from < total; from += batchSize) {
            if (progress.isCancelled()) {
                return result.asCancelled();
            }
            List<UUID> slice = ids.subList(from, Math.min(total, from + batchSize));
            Outcome o = batch.apply(slice);
            result = result.plus(o.changed(), o.skipped());
            progress.update(Math.min(total, from + batchSize), total, what);
        }
        return result;
    }
}
