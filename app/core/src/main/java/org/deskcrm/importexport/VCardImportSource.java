package org.deskcrm.importexport;

import ezvcard.VCard;
import ezvcard.io.text.VCardReader;
import ezvcard.parameter.AddressType;
import ezvcard.parameter.EmailType;
import ezvcard.parameter.TelephoneType;
import ezvcard.property.Address;
import ezvcard.property.Birthday;
import ezvcard.property.Categories;
import ezvcard.property.Email;
import ezvcard.property.Organization;
import ezvcard.property.StructuredName;
import ezvcard.property.Telephone;
import ezvcard.property.Url;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A vCard file (2.1, 3.0 or 4.0; one or many cards) read as contact rows. Each card is one row;
 * its location is the card's number in the file. The work e-mail, phone and address win over
 * others; a mobile number goes to Mobile.
 */
public final class VCardImportSource implements ImportSource {
    static final List<String> RAW_HEADERS = List.of("Name", "E-mail", "Phone", "Company");
    private final Path file;

    public VCardImportSource(Path file) {
        this.file = file;
    }

    @Override
    public String name() {
        return file.getFileName().toString();
    }

    @Override
    public ImportTarget target() {
        return ImportTarget.CONTACTS;
    }

    @Override
    public SourceFormat format() {
        return SourceFormat.VCARD;
    }

    @Override
    public List<String> rawHeaders() {
        return RAW_HEADERS;
    }

    @Override
    public RowReader open() throws IOException {
        long size = Math.max(1, Files.size(file));
        Counting counting = new Counting(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
        VCardReader reader = new VCardReader(new java.io.InputStreamReader(counting, java.nio.charset.StandardCharsets.UTF_8));
        return new RowReader() {
            long card;

            @Override
            public SourceRow next() throws IOException {
                VCard v = reader.readNext();
                if (v == null) {
                    return null;
                }
                card++;
                return toRow(card, v);
            }

            @Override
            public double fraction() {
                return Math.min(1.0, (double) counting.count / size);
            }

            @Override
            public void close() throws IOException {
                reader.close();
            }
        };
    }

    static SourceRow toRow(long location, VCard v) {
        Map<ImportField, String> values = new EnumMap<>(ImportField.class);
        StructuredName n = v.getStructuredName();
        if (n != null && (notBlank(n.getGiven()) || notBlank(n.getFamily()))) {
            String given = n.getGiven();
            if (!n.getAdditionalNames().isEmpty()) {
                given = (given == null ? "" : given + " ") + String.join(" ", n.getAdditionalNames());
            }
            put(values, ImportField.FIRST_NAME, given);
            put(values, ImportField.LAST_NAME, n.getFamily());
        } else if (v.getFormattedName() != null) {
            put(values, ImportField.FULL_NAME, v.getFormattedName().getValue());
        }
        Email email = best(v.getEmails(), e -> e.getTypes().contains(EmailType.WORK), Email::getPref);
        if (email != null) {
            put(values, ImportField.EMAIL, email.getValue());
        }
        List<Telephone> phones = new ArrayList<>(v.getTelephoneNumbers());
        Telephone mobile = best(phones, t -> t.getTypes().contains(TelephoneType.CELL), Telephone::getPref);
        if (mobile != null && mobile.getTypes().contains(TelephoneType.CELL)) {
            put(values, ImportField.MOBILE, text(mobile));
            phones.remove(mobile);
        }
        phones.removeIf(t -> t.getTypes().contains(TelephoneType.FAX) || t.getTypes().contains(TelephoneType.PAGER));
        Telephone phone = best(phones, t -> t.getTypes().contains(TelephoneType.WORK), Telephone::getPref);
        if (phone != null) {
            put(values, ImportField.PHONE, text(phone));
        }
        Organization org = v.getOrganization();
        if (org != null && !org.getValues().isEmpty()) {
            put(values, ImportField.COMPANY, org.getValues().get(0));
            if (org.getValues().size() > 1) {
                put(values, ImportField.DEPARTMENT, org.getValues().get(1));
            }
        }
        if (!v.getTitles().isEmpty()) {
            put(values, ImportField.JOB_TITLE, v.getTitles().get(0).getValue());
        }
        Address adr = best(v.getAddresses(), a -> a.getTypes().contains(AddressType.WORK), Address::getPref);
        if (adr != null) {
            put(values, ImportField.ADDRESS_LINE1, adr.getStreetAddressFull());
            put(values, ImportField.ADDRESS_LINE2, adr.getExtendedAddressFull());
            put(values, ImportField.CITY, adr.getLocality());
            put(values, ImportField.STATE, adr.getRegion());
            put(values, ImportField.POSTAL_CODE, adr.getPostalCode());
            put(values, ImportField.COUNTRY, adr.getCountry());
        }
        for (Url url : v.getUrls()) {
            String u = url.getValue();
            if (u != null && u.toLowerCase(java.util.Locale.ROOT).contains("linkedin.com")) {
                put(values, ImportField.LINKEDIN, u);
            } else {
                put(values, ImportField.WEBSITE, u);
            }
        }
        Birthday bday = v.getBirthday();
        if (bday != null) {
            Temporal t = bday.getDate();
            LocalDate date = t instanceof LocalDate d ? d
                    : t instanceof LocalDateTime dt ? dt.toLocalDate()
                    : t instanceof OffsetDateTime odt ? odt.toLocalDate()
                    : null;
            if (date != null) {
                put(values, ImportField.BIRTHDAY, date.toString());
            } else if (bday.getText() != null) {
                put(values, ImportField.BIRTHDAY, bday.getText());
            }
        }
        if (!v.getNotes().isEmpty()) {
            put(values, ImportField.NOTES, v.getNotes().get(0).getValue());
        }
        List<String> tags = new ArrayList<>();
        for (Categories c : v.getCategoriesList()) {
            tags.addAll(c.getValues());
        }
        if (!tags.isEmpty()) {
            put(values, ImportField.TAGS, String.join(", ", tags));
        }
        String display = v.getFormattedName() != null ? v.getFormattedName().getValue()
                : (nz(values.get(ImportField.FIRST_NAME)) + " " + nz(values.get(ImportField.LAST_NAME))).strip();
        List<String> raw = List.of(nz(display), nz(values.get(ImportField.EMAIL)), nz(values.get(ImportField.PHONE)),
                nz(values.get(ImportField.COMPANY)));
        return new SourceRow(location, raw, values);
    }

    private static <T> T best(List<T> items, java.util.function.Predicate<T> preferred, java.util.function.Function<T, Integer> pref) {
        if (items.isEmpty()) {
            return null;
        }
        return items.stream()
                .min(Comparator.<T, Integer>comparing(t -> preferred.test(t) ? 0 : 1)
                        .thenComparing(t -> pref.apply(t) == null ? 100 : pref.apply(t)))
                .orElse(null);
    }

    private static String text(Telephone t) {
        return t.getText() != null ? t.getText() : t.getUri() != null ? t.getUri().getNumber() : null;
    }

    private static void put(Map<ImportField, String> values, ImportField f, String v) {
        if (v != null && !v.isBlank() && !values.containsKey(f)) {
            values.put(f, v.strip());
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
