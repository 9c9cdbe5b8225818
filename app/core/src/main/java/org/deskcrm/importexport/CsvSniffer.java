package org.deskcrm.importexport;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.deskcrm.platform.persistence.ValidationException;

/**
 * Guesses how a CSV file is written from its first 64 KB. Encoding: a byte-order mark decides;
 * else strict UTF-8 if the bytes decode, else Windows-1252 (what Outlook and Excel write on
 * Windows). Delimiter: the candidate that splits the header into the most columns and keeps the
 * following rows at the same width (Excel writes ';' in many European locales).
 */
public final class CsvSniffer {
    static final int PROBE_BYTES = 64 * 1024;
    static final char[] DELIMITERS = {',', ';', '\t', '|'};
    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final int SAMPLE_ROWS = 8;

    public CsvLayout sniff(Path file) {
        byte[] head = readHead(file);
        Charset charset = detectCharset(head);
        String text = decode(head, charset);
        char delimiter = detectDelimiter(text);
        return layout(file, charset, delimiter);
    }

    /** The header and sample rows read with an encoding and delimiter the user chose. */
    public CsvLayout layout(Path file, Charset charset, char delimiter) {
        try (Reader reader = CsvFiles.reader(file, charset);
                CSVParser parser = CsvFiles.format(delimiter).parse(reader)) {
            var it = parser.iterator();
            if (!it.hasNext()) {
                throw new ValidationException("file", "The file is empty.");
            }
            List<String> headers = new ArrayList<>();
            for (String h : it.next()) {
                headers.add(h == null ? "" : h.strip());
            }
            List<List<String>> sample = new ArrayList<>();
            while (it.hasNext() && sample.size() < SAMPLE_ROWS) {
                CSVRecord r = it.next();
                List<String> row = new ArrayList<>();
                r.forEach(row::add);
                sample.add(row);
            }
            return new CsvLayout(charset, delimiter, headers, sample);
        } catch (IOException | UncheckedIOException e) {
            throw new ValidationException("file", "The file could not be read as CSV: " + CsvFiles.reason(e));
        }
    }

    static byte[] readHead(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(PROBE_BYTES);
        } catch (IOException e) {
            throw new ValidationException("file", "The file could not be opened: " + e.getMessage());
        }
    }

    static Charset detectCharset(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        // UTF-16 without a BOM: ASCII text has a zero in every other byte.
        int evenZeros = 0;
        int oddZeros = 0;
        for (int i = 0; i < Math.min(b.length, 1024); i++) {
            if (b[i] == 0) {
                if (i % 2 == 0) {
                    evenZeros++;
                } else {
                    oddZeros++;
                }
            }
        }
        int pairs = Math.min(b.length, 1024) / 2;
        if (pairs > 8 && oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) {
            return StandardCharsets.UTF_16LE;
        }
        if (pairs > 8 && evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) {
            return StandardCharsets.UTF_16BE;
        }
        return isUtf8(b) ? StandardCharsets.UTF_8 : WINDOWS_1252;
    }

    private static boolean isUtf8(byte[] b) {
        int len = b.length;
        if (len == PROBE_BYTES) {
            // The probe may have cut a multi-byte character in two: drop a trailing partial one.
            int i = len - 1;
            int back = 0;
            while (i >= 0 && back < 3 && (b[i] & 0xC0) == 0x80) {
                i--;
                back++;
            }
            if (i >= 0 && (b[i] & 0xC0) == 0xC0) {
                len = i;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, 0, len));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String decode(byte[] head, Charset charset) {
        String s = new String(head, charset);
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    static char detectDelimiter(String text) {
        char best = ',';
        double bestScore = -1;
        for (char d : DELIMITERS) {
            double score = score(text, d);
            if (score > bestScore) {
                bestScore = score;
                best = d;
            }
        }
        return best;
    }

    /** Columns of the header, weighted by how many of the next rows have the same width. */
    private static double score(String text, char delimiter) {
        try (CSVParser parser = CsvFiles.format(delimiter).parse(new StringReader(text))) {
            var it = parser.iterator();
            if (!it.hasNext()) {
                return 0;
            }
            int width = it.next().size();
            if (width < 2) {
                return 0;
            }
            int rows = 0;
            int same = 0;
            while (it.hasNext() && rows < 20) {
                CSVRecord r;
                try {
                    r = it.next();
                } catch (UncheckedIOException e) {
                    break; // the probe ended inside a quoted value
                }
                rows++;
                if (r.size() == width) {
                    same++;
                }
            }
            double consistency = rows == 0 ? 1 : (double) same / rows;
            return width * consistency;
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }
}
