package org.deskcrm.importexport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;

/** Opening CSV files the same way for sniffing, preview and import. */
final class CsvFiles {
    private CsvFiles() {}

    /** RFC 4180 with the given delimiter; empty lines are skipped, values keep inner spaces. */
    static CSVFormat format(char delimiter) {
        return CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(true)
                .setAllowMissingColumnNames(true)
                .setTrim(false)
                .get();
    }

    /** A reader that drops a UTF-8/UTF-16 byte-order mark (Excel writes one). */
    static Reader reader(Path file, Charset charset) throws IOException {
        var in = new PushbackInputStream(Files.newInputStream(file), 3);
        byte[] bom = new byte[3];
        int n = in.readNBytes(bom, 0, 3);
        int skip = 0;
        if (charset.equals(StandardCharsets.UTF_8) && n == 3
                && (bom[0] & 0xff) == 0xEF && (bom[1] & 0xff) == 0xBB && (bom[2] & 0xff) == 0xBF) {
            skip = 3;
        } else if ((charset.equals(StandardCharsets.UTF_16LE) || charset.equals(StandardCharsets.UTF_16BE)) && n >= 2
                && (((bom[0] & 0xff) == 0xFF && (bom[1] & 0xff) == 0xFE) || ((bom[0] & 0xff) == 0xFE && (bom[1] & 0xff) == 0xFF))) {
            skip = 2;
        }
        if (n > skip) {
            in.unread(bom, skip, n - skip);
        }
        return new BufferedReader(new InputStreamReader(in, charset), 1 << 16);
    }

    static String reason(Exception e) {
        Throwable t = e;
        while (t.getCause() != null && t.getMessage() == null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
