package org.deskcrm.importexport;

import java.nio.charset.Charset;
import java.util.List;

/**
 * How a CSV file is written (encoding and delimiter, detected or chosen by the user) and what its
 * first lines hold: the header names and a few sample rows for the mapping screen.
 */
public record CsvLayout(Charset charset, char delimiter, List<String> headers, List<List<String>> sample) {
    public CsvLayout {
        headers = List.copyOf(headers);
        sample = sample.stream().map(List::copyOf).toList();
    }

    /** The sample value of a column in a sample row, "" when the row is shorter. */
    public String sampleValue(int row, int column) {
        List<String> r = sample.get(row);
        return column < r.size() ? r.get(column) : "";
    }
}
