package org.deskcrm.importexport;

import static org.deskcrm.importexport.ImportField.*;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Recognises Google Contacts, Outlook and plain exports by their header names and proposes a
 * mapping. Header names are compared normalised (lower case, accents and punctuation removed):
 * "E-mail 1 - Value" becomes "email1value". The user can change every choice afterwards.
 */
public final class MappingDetector {

    private static final Map<String, ImportField> GOOGLE = new HashMap<>();
    private static final Map<String, ImportField> OUTLOOK = new HashMap<>();
    private static final Map<String, ImportField> PLAIN_CONTACTS = new HashMap<>();
    private static final Map<String, ImportField> PLAIN_COMPANIES = new HashMap<>();

    static {
        // Google Contacts, current export ("Google CSV") and the older one (Given Name / Family Name).
        put(GOOGLE, FIRST_NAME, "First Name", "Given Name");
        put(GOOGLE, LAST_NAME, "Last Name", "Family Name");
        put(GOOGLE, FULL_NAME, "Name");
        put(GOOGLE, COMPANY, "Organization Name", "Organization 1 - Name");
        put(GOOGLE, JOB_TITLE, "Organization Title", "Organization 1 - Title");
        put(GOOGLE, DEPARTMENT, "Organization Department", "Organization 1 - Department");
        put(GOOGLE, EMAIL, "E-mail 1 - Value");
        put(GOOGLE, PHONE, "Phone 1 - Value");
        put(GOOGLE, MOBILE, "Phone 2 - Value");
        put(GOOGLE, ADDRESS_LINE1, "Address 1 - Street");
        put(GOOGLE, ADDRESS_LINE2, "Address 1 - Extended Address");
        put(GOOGLE, CITY, "Address 1 - City");
        put(GOOGLE, STATE, "Address 1 - Region");
        put(GOOGLE, POSTAL_CODE, "Address 1 - Postal Code");
        put(GOOGLE, COUNTRY, "Address 1 - Country");
        put(GOOGLE, WEBSITE, "Website 1 - Value");
        put(GOOGLE, BIRTHDAY, "Birthday");
        put(GOOGLE, NOTES, "Notes");
        put(GOOGLE, TAGS, "Labels", "Group Membership");

        // Outlook (classic and Microsoft 365 / Outlook.com exports).
        put(OUTLOOK, FIRST_NAME, "First Name");
        put(OUTLOOK, LAST_NAME, "Last Name");
        put(OUTLOOK, EMAIL, "E-mail Address");
        put(OUTLOOK, PHONE, "Business Phone", "Primary Phone", "Company Main Phone", "Home Phone");
        put(OUTLOOK, MOBILE, "Mobile Phone");
        put(OUTLOOK, COMPANY, "Company");
        put(OUTLOOK, JOB_TITLE, "Job Title");
        put(OUTLOOK, DEPARTMENT, "Department");
        put(OUTLOOK, ADDRESS_LINE1, "Business Street");
        put(OUTLOOK, ADDRESS_LINE2, "Business Street 2");
        put(OUTLOOK, CITY, "Business City");
        put(OUTLOOK, STATE, "Business State");
        put(OUTLOOK, POSTAL_CODE, "Business Postal Code");
        put(OUTLOOK, COUNTRY, "Business Country", "Business Country/Region");
        put(OUTLOOK, WEBSITE, "Web Page");
        put(OUTLOOK, BIRTHDAY, "Birthday");
        put(OUTLOOK, NOTES, "Notes");
        put(OUTLOOK, TAGS, "Categories");

        // Anything else: common names and synonyms (and DeskCRM's own export headers).
        put(PLAIN_CONTACTS, FIRST_NAME, "First name", "Firstname", "First", "Given name", "Forename", "Vorname", "Prénom");
        put(PLAIN_CONTACTS, LAST_NAME, "Last name", "Lastname", "Last", "Surname", "Family name", "Nachname", "Nom");
        put(PLAIN_CONTACTS, FULL_NAME, "Name", "Full name", "Contact", "Contact name", "Display name", "Person");
        put(PLAIN_CONTACTS, EMAIL, "E-mail", "Email", "Email address", "E-mail address", "Mail", "Work email", "Business email");
        put(PLAIN_CONTACTS, PHONE, "Phone", "Telephone", "Tel", "Phone number", "Work phone", "Business phone", "Office phone", "Telefon");
        put(PLAIN_CONTACTS, MOBILE, "Mobile", "Cell", "Cell phone", "Mobile phone", "Mobile number", "Handy");
        put(PLAIN_CONTACTS, COMPANY, "Company", "Company name", "Organization", "Organisation", "Account", "Account name",
                "Employer", "Firma");
        put(PLAIN_CONTACTS, JOB_TITLE, "Job title", "Title", "Position", "Role", "Job");
        put(PLAIN_CONTACTS, DEPARTMENT, "Department", "Dept");
        put(PLAIN_CONTACTS, WEBSITE, "Website", "Web", "Web site", "URL", "Homepage", "Web page");
        put(PLAIN_CONTACTS, LINKEDIN, "LinkedIn", "LinkedIn URL", "LinkedIn profile");
        put(PLAIN_CONTACTS, ADDRESS_LINE1, "Street", "Address", "Address 1", "Address line 1", "Street 1", "Street address");
        put(PLAIN_CONTACTS, ADDRESS_LINE2, "Street 2", "Address 2", "Address line 2");
        put(PLAIN_CONTACTS, CITY, "City", "Town", "Ort", "Ville");
        put(PLAIN_CONTACTS, STATE, "State", "Region", "Province", "County", "State/Province");
        put(PLAIN_CONTACTS, POSTAL_CODE, "Postal code", "Zip", "Zip code", "Postcode", "PLZ");
        put(PLAIN_CONTACTS, COUNTRY, "Country", "Land", "Pays");
        put(PLAIN_CONTACTS, BIRTHDAY, "Birthday", "Date of birth", "DOB", "Birth date");
        put(PLAIN_CONTACTS, NOTES, "Notes", "Note", "Comments", "Comment", "Description");
        put(PLAIN_CONTACTS, SOURCE, "Source", "Lead source");
        put(PLAIN_CONTACTS, TAGS, "Tags", "Tag", "Labels", "Categories", "Groups");
        put(PLAIN_CONTACTS, STATUS, "Status");
        put(PLAIN_CONTACTS, LIFECYCLE_STAGE, "Lifecycle stage", "Lifecycle", "Stage");
        put(PLAIN_CONTACTS, LEAD_SCORE, "Lead score", "Score");

        put(PLAIN_COMPANIES, NAME, "Name", "Company", "Company name", "Account", "Account name", "Organization",
                "Organisation", "Firma");
        put(PLAIN_COMPANIES, LEGAL_NAME, "Legal name", "Registered name");
        put(PLAIN_COMPANIES, DOMAIN, "Domain", "Email domain");
        put(PLAIN_COMPANIES, EMAIL, "E-mail", "Email", "Email address", "E-mail address");
        put(PLAIN_COMPANIES, PHONE, "Phone", "Telephone", "Tel", "Phone number", "Main phone");
        put(PLAIN_COMPANIES, WEBSITE, "Website", "Web", "Web site", "URL", "Homepage");
        put(PLAIN_COMPANIES, INDUSTRY, "Industry", "Sector", "Branche");
        put(PLAIN_COMPANIES, COMPANY_SIZE, "Size", "Company size", "Employees");
        put(PLAIN_COMPANIES, ANNUAL_REVENUE, "Annual revenue", "Revenue");
        put(PLAIN_COMPANIES, TAX_ID, "Tax ID", "VAT", "VAT number", "VAT ID");
        put(PLAIN_COMPANIES, ADDRESS_LINE1, "Street", "Address", "Address 1", "Address line 1", "Street 1");
        put(PLAIN_COMPANIES, ADDRESS_LINE2, "Street 2", "Address 2", "Address line 2");
        put(PLAIN_COMPANIES, CITY, "City", "Town");
        put(PLAIN_COMPANIES, STATE, "State", "Region", "Province", "County");
        put(PLAIN_COMPANIES, POSTAL_CODE, "Postal code", "Zip", "Zip code", "Postcode");
        put(PLAIN_COMPANIES, COUNTRY, "Country");
        put(PLAIN_COMPANIES, NOTES, "Notes", "Note", "Comments", "Description");
        put(PLAIN_COMPANIES, SOURCE, "Source", "Lead source");
        put(PLAIN_COMPANIES, TAGS, "Tags", "Labels", "Categories");
        put(PLAIN_COMPANIES, STATUS, "Status");
        put(PLAIN_COMPANIES, LIFECYCLE_STAGE, "Lifecycle stage", "Lifecycle", "Stage");
        put(PLAIN_COMPANIES, LEAD_SCORE, "Lead score", "Score");
    }

    private static void put(Map<String, ImportField> map, ImportField field, String... headers) {
        for (String h : headers) {
            map.putIfAbsent(key(h), field);
        }
    }

    /** Lower case, accents and everything but letters and digits removed. */
    static String key(String header) {
        if (header == null) {
            return "";
        }
        String s = Normalizer.normalize(header, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{Nd}]", "");
    }

    /** Which export the headers look like. */
    public SourceFormat detectFormat(List<String> headers) {
        List<String> keys = headers.stream().map(MappingDetector::key).toList();
        boolean googleNew = keys.contains("email1value") || keys.contains("phone1value") || keys.contains("organizationname")
                && keys.contains("labels");
        boolean googleOld = keys.contains("givenname") && keys.contains("familyname") || keys.contains("groupmembership")
                || keys.contains("organization1name");
        if (googleNew || googleOld) {
            return SourceFormat.GOOGLE;
        }
        boolean outlook = keys.contains("emailaddress") && (keys.contains("businessphone") || keys.contains("mobilephone")
                || keys.contains("homephone") || keys.contains("businessstreet"))
                || keys.contains("email2address") || keys.contains("businessstreet");
        return outlook ? SourceFormat.OUTLOOK : SourceFormat.PLAIN;
    }

    /** The proposed mapping of every column for the target. */
    public ColumnMapping detect(List<String> headers, ImportTarget target) {
        SourceFormat format = target == ImportTarget.CONTACTS ? detectFormat(headers) : SourceFormat.PLAIN;
        Map<String, ImportField> dictionary = switch (format) {
            case GOOGLE -> GOOGLE;
            case OUTLOOK -> OUTLOOK;
            default -> target == ImportTarget.CONTACTS ? PLAIN_CONTACTS : PLAIN_COMPANIES;
        };
        List<ImportField> fields = new ArrayList<>();
        for (String h : headers) {
            String k = key(h);
            ImportField f = dictionary.get(k);
            if (f == null && format != SourceFormat.PLAIN && target == ImportTarget.CONTACTS) {
                f = PLAIN_CONTACTS.get(k); // e.g. a "LinkedIn" column someone added to an Outlook export
                if (f == ImportField.JOB_TITLE && format == SourceFormat.OUTLOOK && k.equals("title")) {
                    f = null; // Outlook's "Title" is the salutation (Mr., Dr.), not the job title
                }
            }
            if (f == null && format == SourceFormat.PLAIN) {
                f = guessByContains(k, target);
            }
            fields.add(f != null && f.appliesTo(target) ? f : null);
        }
        // A full-name column is only needed when first/last names are missing.
        if (fields.contains(FIRST_NAME) && fields.contains(FULL_NAME)) {
            fields.replaceAll(f -> f == FULL_NAME ? null : f);
        }
        return new ColumnMapping(target, format, fields);
    }

    /** Last resort for headers like "Primary E-mail" or "Mobile Number (Work)". */
    private static ImportField guessByContains(String k, ImportTarget target) {
        if (k.isEmpty() || k.contains("label") || k.contains("type") || k.contains("name")) {
            return null;
        }
        if (k.contains("email") || k.contains("mail")) {
            return k.contains("2") || k.contains("3") ? null : EMAIL;
        }
        if (target == ImportTarget.CONTACTS && (k.contains("mobile") || k.contains("cell"))) {
            return MOBILE;
        }
        if (k.contains("linkedin")) {
            return target == ImportTarget.CONTACTS ? LINKEDIN : null;
        }
        if (k.contains("phone") && !k.contains("fax")) {
            return k.contains("2") || k.contains("3") ? null : PHONE;
        }
        return null;
    }
}
