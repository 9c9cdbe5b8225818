package org.deskcrm.importexport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.deskcrm.importexport.ImportField.*;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Header heuristics and file sniffing on the sample exports (no database involved). */
class MappingDetectorTest {
    private final CsvSniffer sniffer = new CsvSniffer();
    private final MappingDetector detector = new MappingDetector();

    private ColumnMapping mapping(String sample, ImportTarget target) {
        CsvLayout layout = sniffer.sniff(Samples.copy(sample));
        return detector.detect(layout.headers(), target);
    }

    private static int col(CsvLayout layout, String header) {
        return layout.headers().indexOf(header);
    }

    @Test
    void recognisesAGoogleContactsExport() {
        CsvLayout layout = sniffer.sniff(Samples.copy("google-contacts.csv"));
        assertThat(layout.delimiter()).isEqualTo(',');
        assertThat(layout.charset()).isEqualTo(StandardCharsets.UTF_8);
        ColumnMapping m = detector.detect(layout.headers(), ImportTarget.CONTACTS);
        assertThat(m.format()).isEqualTo(SourceFormat.GOOGLE);
        assertThat(m.fieldOf(col(layout, "First Name"))).isEqualTo(FIRST_NAME);
        assertThat(m.fieldOf(col(layout, "E-mail 1 - Value"))).isEqualTo(EMAIL);
        assertThat(m.fieldOf(col(layout, "E-mail 1 - Label"))).isNull();
        assertThat(m.fieldOf(col(layout, "Phone 1 - Label"))).isNull();
        assertThat(m.fieldOf(col(layout, "Organization Name"))).isEqualTo(COMPANY);
        assertThat(m.fieldOf(col(layout, "Organization Title"))).isEqualTo(JOB_TITLE);
        assertThat(m.fieldOf(col(layout, "Address 1 - Postal Code"))).isEqualTo(POSTAL_CODE);
        assertThat(m.fieldOf(col(layout, "Labels"))).isEqualTo(TAGS);
        assertThat(m.hasNameColumn()).isTrue();
    }

    @Test
    void recognisesAnOutlookExportAndIgnoresItsSalutationTitle() {
        CsvLayout layout = sniffer.sniff(Samples.copy("outlook-contacts.csv"));
        ColumnMapping m = detector.detect(layout.headers(), ImportTarget.CONTACTS);
        assertThat(m.format()).isEqualTo(SourceFormat.OUTLOOK);
        assertThat(m.fieldOf(col(layout, "E-mail Address"))).isEqualTo(EMAIL);
        assertThat(m.fieldOf(col(layout, "E-mail 2 Address"))).isNull();
        assertThat(m.fieldOf(col(layout, "Business Phone"))).isEqualTo(PHONE);
        assertThat(m.fieldOf(col(layout, "Mobile Phone"))).isEqualTo(MOBILE);
        assertThat(m.fieldOf(col(layout, "Job Title"))).isEqualTo(JOB_TITLE);
        assertThat(m.fieldOf(col(layout, "Title"))).isNull();
        assertThat(m.fieldOf(col(layout, "Business Country/Region"))).isEqualTo(COUNTRY);
        assertThat(m.fieldOf(col(layout, "Categories"))).isEqualTo(TAGS);
        assertThat(m.fieldOf(col(layout, "Home Fax"))).isNull();
    }

    @Test
    void mapsAPlainSemicolonExportBySynonyms() {
        CsvLayout layout = sniffer.sniff(Samples.copy("plain-contacts.csv"));
        assertThat(layout.delimiter()).isEqualTo(';');
        ColumnMapping m = detector.detect(layout.headers(), ImportTarget.CONTACTS);
        assertThat(m.format()).isEqualTo(SourceFormat.PLAIN);
        assertThat(m.fields()).containsExactly(FULL_NAME, EMAIL, PHONE, COMPANY, JOB_TITLE, CITY, COUNTRY, TAGS);
        assertThat(mapping("plain-companies.csv", ImportTarget.COMPANIES).fields())
                .containsExactly(NAME, DOMAIN, INDUSTRY, PHONE, WEBSITE, CITY, COUNTRY, COMPANY_SIZE, ANNUAL_REVENUE);
    }

    @Test
    void detectsWindows1252TabsAndUtf16WithBom() throws Exception {
        Path ansi = Files.createTempFile("ansi", ".csv");
        Files.write(ansi, "Name\tE-mail\nJos\u00e9 M\u00fcller\tjose@example.com\n".getBytes(Charset.forName("windows-1252")));
        CsvLayout a = sniffer.sniff(ansi);
        assertThat(a.charset().name()).isEqualTo("windows-1252");
        assertThat(a.delimiter()).isEqualTo('\t');
        assertThat(a.sampleValue(0, 0)).isEqualTo("Jos\u00e9 M\u00fcller");

        Path utf16 = Files.createTempFile("utf16", ".csv");
        byte[] body = "First name,Last name\r\nZo\u00eb,\u00c5berg\r\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[body.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(body, 0, withBom, 2, body.length);
        Files.write(utf16, withBom);
        CsvLayout u = sniffer.sniff(utf16);
        assertThat(u.charset()).isEqualTo(StandardCharsets.UTF_16LE);
        assertThat(u.headers()).containsExactly("First name", "Last name");
        assertThat(u.sampleValue(0, 1)).isEqualTo("\u00c5berg");
    }

    @Test
    void deskCrmsOwnExportHeadersMapBackOnImport() {
        var headers = java.util.List.of("First name", "Last name", "E-mail", "Phone", "Mobile", "Job title", "Department",
                "Company", "Website", "LinkedIn", "Street", "Street 2", "City", "State", "Postal code", "Country", "Birthday",
                "Status", "Lifecycle stage", "Lead score", "Source", "Tags", "Owner", "VIP", "Decision maker", "Notes",
                "Created", "Updated");
        ColumnMapping m = detector.detect(headers, ImportTarget.CONTACTS);
        assertThat(m.fields().subList(0, 22)).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(m.fields().subList(22, 25)).containsOnlyNulls();
        assertThat(m.fieldOf(25)).isEqualTo(NOTES);
    }

    @Test
    void parsesDatesAmountsAndTagsLeniently() {
        assertThat(RowParser.birthday("1985-04-23")).hasToString("1985-04-23");
        assertThat(RowParser.birthday("4/23/1985")).hasToString("1985-04-23");
        assertThat(RowParser.birthday("23.4.1985")).hasToString("1985-04-23");
        assertThat(RowParser.birthday("--04-23")).isNull();
        assertThat(RowParser.birthday("0/0/00")).isNull();
        assertThat(RowParser.money("1,250,000")).isEqualByComparingTo("1250000");
        assertThat(RowParser.money("1.250.000,50")).isEqualByComparingTo("1250000.50");
        assertThat(RowParser.money("$ 12 000.5")).isEqualByComparingTo("12000.5");
        assertThat(RowParser.tags("* myContacts ::: Speakers ::: VIP")).containsExactly("Speakers", "VIP");
        assertThat(RowParser.tags("Customers;Key accounts")).containsExactly("Customers", "Key accounts");
    }
}
