package org.deskcrm.importexport;

import java.util.List;

/**
 * The outcome of a preview (dry run: {@code committed == false}) or of an import. {@code preview}
 * holds the first rows with what happens to each; {@code errors} every row that cannot be imported
 * (line and reason), for the error report.
 */
public record ImportSummary(
        ImportTarget target,
        SourceFormat format,
        long rows,
        long created,
        long updated,
        long skipped,
        long failed,
        long companiesCreated,
        long tagsCreated,
        List<RowResult> preview,
        List<RowResult> errors,
        boolean committed) {

    public ImportSummary {
        preview = List.copyOf(preview);
        errors = List.copyOf(errors);
    }

    public boolean hasErrors() {
        return failed > 0;
    }

    /** Rows that would be written (created or updated). */
    public long writes() {
        return created + updated;
    }
}
