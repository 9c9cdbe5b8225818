package org.deskcrm.importexport;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.deskcrm.security.Emails;

/**
 * Turns a mapped source row into column values, or says in plain words what is wrong with it.
 * The allowed values are the schema's CHECK constraints.
 */
final class RowParser {
    static final Set<String> CONTACT_STATUS = Set.of("active", "inactive", "lead", "contact", "customer");
    static final Set<String> COMPANY_STATUS = Set.of("active", "inactive", "prospect", "archived", "churned");
    static final Set<String> LIFECYCLE = Set.of("lead", "mql", "sql", "opportunity", "customer", "evangelist", "churned");
    static final Set<String> COMPANY_SIZE = Set.of("1-10", "11-50", "51-200", "201-500", "500+", "startup", "small", "medium",
            "large", "enterprise");
    static final int MAX_TAG = 100;

    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("uuuu-M-d").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuu/M/d").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("M/d/uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT));

    /** A row that parsed, or the reason it did not. */
    record Parsed<T>(T row, List<String> tags, String error) {
        static <T> Parsed<T> error(String message) {
            return new Parsed<>(null, List.of(), message);
        }

        boolean ok() {
            return error == null;
        }
    }

    static final class RowError extends RuntimeException {
        RowError(String message) {
            super(message, null, false, false);
        }
    }

    Parsed<ContactRow> contact(SourceRow r) {
        try {
            String first = r.get(ImportField.FIRST_NAME);
            String last = r.get(ImportField.LAST_NAME);
            if (first == null && last == null && r.get(ImportField.FULL_NAME) != null) {
                String full = r.get(ImportField.FULL_NAME).strip().replaceAll("\\s+", " ");
                int space = full.lastIndexOf(' ');
                first = space < 0 ? full : full.substring(0, space);
                last = space < 0 ? null : full.substring(space + 1);
            }
            if (first == null && last != null) {
                first = last; // a single name goes into the first name (SR-6)
                last = null;
            }
            if (first == null) {
                throw new RowError("The row has no name.");
            }
            ContactRow row = new ContactRow(
                    text(first, ImportField.FIRST_NAME, "First name"),
                    text(last, ImportField.LAST_NAME, "Last name"),
                    email(r.get(ImportField.EMAIL)),
                    text(r.get(ImportField.PHONE), ImportField.PHONE, "Phone"),
                    text(r.get(ImportField.MOBILE), ImportField.MOBILE, "Mobile"),
                    text(r.get(ImportField.JOB_TITLE), ImportField.JOB_TITLE, "Job title"),
                    text(r.get(ImportField.DEPARTMENT), ImportField.DEPARTMENT, "Department"),
                    null,
                    text(r.get(ImportField.COMPANY), ImportField.COMPANY, "Company"),
                    text(r.get(ImportField.WEBSITE), ImportField.WEBSITE, "Website"),
                    text(r.get(ImportField.LINKEDIN), ImportField.LINKEDIN, "LinkedIn"),
                    text(r.get(ImportField.ADDRESS_LINE1), ImportField.ADDRESS_LINE1, "Street"),
                    text(r.get(ImportField.ADDRESS_LINE2), ImportField.ADDRESS_LINE2, "Street 2"),
                    text(r.get(ImportField.CITY), ImportField.CITY, "City"),
                    text(r.get(ImportField.STATE), ImportField.STATE, "State"),
                    text(r.get(ImportField.POSTAL_CODE), ImportField.POSTAL_CODE, "Postal code"),
                    text(r.get(ImportField.COUNTRY), ImportField.COUNTRY, "Country"),
                    birthday(r.get(ImportField.BIRTHDAY)),
                    choice(r.get(ImportField.STATUS), CONTACT_STATUS, "Status"),
                    choice(r.get(ImportField.LIFECYCLE_STAGE), LIFECYCLE, "Lifecycle stage"),
                    score(r.get(ImportField.LEAD_SCORE)),
                    text(r.get(ImportField.SOURCE), ImportField.SOURCE, "Source"),
                    r.get(ImportField.NOTES));
            return new Parsed<>(row, tags(r.get(ImportField.TAGS)), null);
        } catch (RowError e) {
            return Parsed.error(e.getMessage());
        }
    }

    Parsed<CompanyRow> company(SourceRow r) {
        try {
            String name = r.get(ImportField.NAME);
            if (name == null) {
                throw new RowError("The row has no company name.");
            }
            CompanyRow row = new CompanyRow(
                    text(name, ImportField.NAME, "Company name"),
                    text(r.get(ImportField.LEGAL_NAME), ImportField.LEGAL_NAME, "Legal name"),
                    text(r.get(ImportField.DOMAIN), ImportField.DOMAIN, "Domain"),
                    email(r.get(ImportField.EMAIL)),
                    text(r.get(ImportField.PHONE), ImportField.PHONE, "Phone"),
                    text(r.get(ImportField.WEBSITE), ImportField.WEBSITE, "Website"),
                    null,
                    size(r.get(ImportField.COMPANY_SIZE)),
                    money(r.get(ImportField.ANNUAL_REVENUE)),
                    text(r.get(ImportField.TAX_ID), ImportField.TAX_ID, "Tax ID"),
                    text(r.get(ImportField.ADDRESS_LINE1), ImportField.ADDRESS_LINE1, "Street"),
                    text(r.get(ImportField.ADDRESS_LINE2), ImportField.ADDRESS_LINE2, "Street 2"),
                    text(r.get(ImportField.CITY), ImportField.CITY, "City"),
                    text(r.get(ImportField.STATE), ImportField.STATE, "State"),
                    text(r.get(ImportField.POSTAL_CODE), ImportField.POSTAL_CODE, "Postal code"),
                    text(r.get(ImportField.COUNTRY), ImportField.COUNTRY, "Country"),
                    choice(r.get(ImportField.STATUS), COMPANY_STATUS, "Status"),
                    choice(r.get(ImportField.LIFECYCLE_STAGE), LIFECYCLE, "Lifecycle stage"),
                    score(r.get(ImportField.LEAD_SCORE)),
                    text(r.get(ImportField.SOURCE), ImportField.SOURCE, "Source"),
                    r.get(ImportField.NOTES));
            return new Parsed<>(row, tags(r.get(ImportField.TAGS)), null);
        } catch (RowError e) {
            return Parsed.error(e.getMessage());
        }
    }

    private static String text(String value, ImportField field, String label) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (field.maxLength() > 0 && v.length() > field.maxLength()) {
            throw new RowError(label + " is longer than " + field.maxLength() + " characters.");
        }
        return v;
    }

    private static String email(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.regionMatches(true, 0, "mailto:", 0, 7)) {
            v = v.substring(7);
        }
        if (!Emails.isValid(v)) {
            throw new RowError("\"" + value.strip() + "\" is not a valid e-mail address.");
        }
        return v;
    }

    /** ISO, US (M/d/yyyy) and German (d.M.yyyy) dates; birthdays without a year and Outlook's "0/0/00" are left empty. */
    static LocalDate birthday(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.startsWith("--") || v.matches("0+/0+/0+") || v.equals("0000-00-00")) {
            return null;
        }
        if (v.length() > 10 && v.charAt(10) == 'T') {
            v = v.substring(0, 10);
        }
        for (DateTimeFormatter f : DATES) {
            try {
                LocalDate d = LocalDate.parse(v, f);
                if (d.getYear() < 1800 || d.isAfter(LocalDate.now().plusDays(1))) {
                    throw new RowError("The birthday " + value.strip() + " is not a plausible date.");
                }
                return d;
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        throw new RowError("\"" + value.strip() + "\" is not a date (use 1985-04-23 or 4/23/1985).");
    }

    private static String choice(String value, Set<String> allowed, String label) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip().toLowerCase(Locale.ROOT).replace(' ', '_');
        if (!allowed.contains(v)) {
            throw new RowError(label + " \"" + value.strip() + "\" is not one of " + String.join(", ", allowed.stream().sorted().toList()) + ".");
        }
        return v;
    }

    private static String size(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip().toLowerCase(Locale.ROOT).replace(" ", "").replace('–', '-');
        if (COMPANY_SIZE.contains(v)) {
            return v;
        }
        if (v.matches("\\d+")) {
            int n = Integer.parseInt(v.length() > 9 ? "999999999" : v);
            return n <= 10 ? "1-10" : n <= 50 ? "11-50" : n <= 200 ? "51-200" : n <= 500 ? "201-500" : "500+";
        }
        throw new RowError("Company size \"" + value.strip() + "\" is not a number of employees or one of 1-10, 11-50, 51-200, 201-500, 500+.");
    }

    private static Integer score(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 0 && n <= 100) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new RowError("Lead score \"" + value.strip() + "\" is not a whole number from 0 to 100.");
    }

    /** "1,250,000.50", "1.250.000,50", "$ 12 000" → BigDecimal. */
    static BigDecimal money(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip().replaceAll("[\\s\\u00A0$€£¥]|[A-Za-z]{3}$|^[A-Za-z]{3}", "");
        int dot = v.lastIndexOf('.');
        int comma = v.lastIndexOf(',');
        if (dot >= 0 && comma >= 0) {
            v = dot > comma ? v.replace(",", "") : v.replace(".", "").replace(',', '.');
        } else if (comma >= 0) {
            v = v.matches("-?\\d{1,3}(,\\d{3})+") ? v.replace(",", "") : v.replace(',', '.');
        } else if (v.matches("-?\\d{1,3}(\\.\\d{3}){2,}")) {
            v = v.replace(".", "");
        }
        try {
            BigDecimal d = new BigDecimal(v);
            if (d.signum() < 0 || d.precision() - d.scale() > 15) {
                throw new RowError("Annual revenue \"" + value.strip() + "\" is out of range.");
            }
            return d.setScale(Math.min(4, Math.max(0, d.scale())), java.math.RoundingMode.HALF_UP);
        } catch (NumberFormatException e) {
            throw new RowError("Annual revenue \"" + value.strip() + "\" is not an amount.");
        }
    }

    /** Tags separated by ',', ';' or ' ::: ' (Google); Google's system labels ("* myContacts") are dropped. */
    static List<String> tags(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String part : value.split(":::|[,;]")) {
            String t = part.strip().replaceAll("\\s+", " ");
            if (t.isEmpty() || t.startsWith("* ") || t.equals("*")) {
                continue;
            }
            if (t.length() > MAX_TAG) {
                throw new RowError("The tag \"" + t.substring(0, 20) + "…\" is longer than " + MAX_TAG + " characters.");
            }
            out.add(t);
        }
        return new ArrayList<>(out);
    }
}
