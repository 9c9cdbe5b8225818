package org.deskcrm.importexport;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.deskcrm.platform.task.ProgressSink;

/**
 * Writes rows streamed from a query to a CSV file (UTF-8 with BOM so Excel reads accents, RFC
 * 4180 quoting), in constant memory. The file appears only when the export is complete: rows go
 * to a {@code .part} file that is moved into place at the end and deleted on cancel or error.
 *
 * <p>Every cell is neutralised against spreadsheet formula injection (CWE-1236): a value starting
 * with {@code = + - @}, a tab or a carriage return is prefixed with an apostrophe, so a contact
 * named {@code =HYPERLINK(...)} stays text when the file is opened in Excel or LibreOffice.
 */
public final class CsvExporter {
    private static final int PROGRESS_EVERY = 1000;

    /** A column: its header and how to get the cell text from a row (null = empty). */
    public record Column<T>(String header, Function<T, ?> value) {}

    /** Streams rows into the sink it is given; called once. */
    @FunctionalInterface
    public interface RowStream<T> {
        void forEach(Consumer<T> sink);
    }

    public static String neutralize(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char c = value.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + value : value;
    }

    /**
     * Undoes {@link #neutralize} when a file comes back (export, then import): an apostrophe in
     * front of a formula character is dropped. The value stays plain text in the database.
     */
    public static String restore(String value) {
        if (value == null || value.length() < 2 || value.charAt(0) != '\'') {
            return value;
        }
        char c = value.charAt(1);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? value.substring(1) : value;
    }

    /**
     * Writes the header and every streamed row; {@code total} (or -1) for progress. Returns the
     * number of rows written. Throws {@link CancellationException} when the user cancels.
     */
    public <T> long write(Path target, List<Column<T>> columns, RowStream<T> rows, long total, ProgressSink progress) {
        Path tmp = target.resolveSibling(target.getFileName() + ".part");
        long[] count = {0};
        boolean done = false;
        try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            out.write('\uFEFF');
            for (Column<T> col : columns) {
                csv.print(neutralize(col.header()));
            }
            csv.println();
            progress.update(0, total, "Exporting…");
            rows.forEach(row -> {
                try {
                    for (Column<T> col : columns) {
                        Object v = col.value().apply(row);
                        csv.print(v == null ? "" : neutralize(v.toString()));
                    }
                    csv.println();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                count[0]++;
                if (count[0] % PROGRESS_EVERY == 0) {
                    progress.checkCancelled();
                    progress.update(count[0], total, String.format("%,d rows exported", count[0]));
                }
            });
            progress.checkCancelled();
            done = true;
        } catch (IOException e) {
            throw new UncheckedIOException("The file could not be written: " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException("The file could not be written: " + e.getCause().getMessage(), e.getCause());
        } finally {
            if (!done) {
                deleteQuietly(tmp);
            }
        }
        moveIntoPlace(tmp, target);
        progress.update(count[0], count[0], String.format("%,d rows exported", count[0]));
        return count[0];
    }

    static void moveIntoPlace(Path tmp, Path target) {
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException again) {
                deleteQuietly(tmp);
                throw new UncheckedIOException("The file could not be saved as " + target.getFileName() + ": "
                        + again.getMessage(), again);
            }
        }
    }

    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a leftover .part file is harmless
        }
    }
}
