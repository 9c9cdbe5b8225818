package org.deskcrm.importexport;

/**
 * The import found rows it cannot write and the user did not choose to skip them, so nothing was
 * imported (the transaction was rolled back). {@link #summary()} lists the rows and reasons.
 */
public class ImportRejectedException extends RuntimeException {
    private final transient ImportSummary summary;

    public ImportRejectedException(ImportSummary summary) {
        super(summary.failed() + (summary.failed() == 1 ? " row has an error" : " rows have errors")
                + ", so nothing was imported. Fix the rows or choose to skip them.");
        this.summary = summary;
    }

    public ImportSummary summary() {
        return summary;
    }
}
