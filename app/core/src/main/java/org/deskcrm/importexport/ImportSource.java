package org.deskcrm.importexport;

import java.io.IOException;
import java.util.List;

/**
 * A file to import, read as {@link SourceRow}s. It can be opened more than once: the preview
 * reads it completely (a dry run) and the import reads it again, so neither holds the whole
 * file in memory.
 */
public interface ImportSource {
    /** The file name, for the audit row and messages. */
    String name();

    ImportTarget target();

    SourceFormat format();

    /** Headers of the raw values in {@link SourceRow#raw()}, for the error report. */
    List<String> rawHeaders();

    RowReader open() throws IOException;

    /** Streams the rows of one pass over the file. */
    interface RowReader extends AutoCloseable {
        /** The next row, or null at the end. */
        SourceRow next() throws IOException;

        /** How far through the file, 0..1 (an estimate). */
        double fraction();

        @Override
        void close() throws IOException;
    }
}
