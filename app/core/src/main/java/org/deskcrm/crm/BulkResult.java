package org.deskcrm.crm;

/**
 * What a bulk action did: records changed, records skipped because the user may not change them
 * (or they were gone), and whether the user cancelled. Work runs in committed batches, so a
 * cancelled action keeps the batches done before the cancel.
 */
public record BulkResult(int changed, int skipped, boolean cancelled) {
    public BulkResult plus(int changedInBatch, int skippedInBatch) {
        return new BulkResult(changed + changedInBatch, skipped + skippedInBatch, cancelled);
    }

    public BulkResult asCancelled() {
        return new BulkResult(changed, skipped, true);
    }
}
