package org.deskcrm.importexport;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.deskcrm.platform.persistence.ValidationException;

/** A CSV file read with a layout (encoding, delimiter) and a column mapping. */
public final class CsvImportSource implements ImportSource {
    private final Path file;
    private final CsvLayout layout;
    private final ColumnMapping mapping;

    public CsvImportSource(Path file, CsvLayout layout, ColumnMapping mapping) {
        this.file = file;
        this.layout = layout;
        this.mapping = mapping;
    }

    @Override
    public String name() {
        return file.getFileName().toString();
    }

    @Override
    public ImportTarget target() {
        return mapping.target();
    }

    @Override
    public SourceFormat format() {
        return mapping.format();
    }

    public ColumnMapping mapping() {
        return mapping;
    }

    @Override
    public List<String> rawHeaders() {
        return layout.headers();
    }

    @Override
    public RowReader open() throws IOException {
        long size = Math.max(1, Files.size(file));
        CountingReader counting = new CountingReader(CsvFiles.reader(file, layout.charset()));
        CSVParser parser = CsvFiles.format(layout.delimiter()).parse(counting);
        Iterator<CSVRecord> it = parser.iterator();
        if (it.hasNext()) {
            it.next(); // header
        }
        // Characters are close to bytes for the encodings we read; good enough for a progress bar.
        double bytesPerChar = layout.charset().name().startsWith("UTF-16") ? 2 : 1;
        return new RowReader() {
            @Override
            public SourceRow next() {
                CSVRecord r;
                try {
                    if (!it.hasNext()) {
                        return null;
                    }
                    r = it.next();
                } catch (UncheckedIOException e) {
                    throw new ValidationException("file", "The file is not valid CSV after line " + parser.getCurrentLineNumber()
                            + ": " + CsvFiles.reason(e));
                }
                // Physical line where the record ends (1-based, header = line 1), as a spreadsheet numbers it.
                long line = parser.getCurrentLineNumber();
                List<String> raw = new ArrayList<>(r.size());
                r.forEach(raw::add);
                Map<ImportField, String> values = new EnumMap<>(ImportField.class);
                for (int i = 0; i < raw.size(); i++) {
                    ImportField f = mapping.fieldOf(i);
                    String v = raw.get(i) == null ? null : CsvExporter.restore(raw.get(i).strip());
                    if (f != null && v != null && !v.isEmpty() && !values.containsKey(f)) {
                        values.put(f, v);
                    }
                }
                return new SourceRow(line, raw, values);
            }

            @Override
            public double fraction() {
                return Math.min(1.0, counting.count * bytesPerChar / size);
            }

            @Override
            public void close() throws IOException {
                parser.close();
            }
        };
    }

    /** Counts characters read, for progress. */
    private static final class CountingReader extends FilterReader {
        long count;

        CountingReader(Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                count++;
            }
            return c;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
