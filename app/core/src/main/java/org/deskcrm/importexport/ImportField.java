package org.deskcrm.importexport;

import java.util.Arrays;
import java.util.List;

/**
 * The fields a source column can be mapped to. A field may receive several columns (Outlook's
 * "Business Phone" and "Primary Phone" both feed {@link #PHONE}): the first non-blank value wins.
 * {@code maxLength} is the column size in the schema (0 = unlimited or not text).
 */
public enum ImportField {
    // people
    FIRST_NAME(true, false, 100),
    LAST_NAME(true, false, 100),
    /** "Ada Lovelace" in one column; split by the last space (SR-6) when first/last are not mapped. */
    FULL_NAME(true, false, 201),
    JOB_TITLE(true, false, 200),
    DEPARTMENT(true, false, 200),
    /** The contact's company, by name: matched (name_lc) or created. */
    COMPANY(true, false, 200),
    MOBILE(true, false, 50),
    LINKEDIN(true, false, 2048),
    BIRTHDAY(true, false, 0),
    // companies
    NAME(false, true, 200),
    LEGAL_NAME(false, true, 200),
    DOMAIN(false, true, 255),
    INDUSTRY(false, true, 100),
    COMPANY_SIZE(false, true, 20),
    ANNUAL_REVENUE(false, true, 0),
    TAX_ID(false, true, 100),
    // both
    EMAIL(true, true, 320),
    PHONE(true, true, 50),
    WEBSITE(true, true, 2048),
    ADDRESS_LINE1(true, true, 200),
    ADDRESS_LINE2(true, true, 200),
    CITY(true, true, 100),
    STATE(true, true, 100),
    POSTAL_CODE(true, true, 20),
    COUNTRY(true, true, 100),
    STATUS(true, true, 20),
    LIFECYCLE_STAGE(true, true, 20),
    LEAD_SCORE(true, true, 0),
    SOURCE(true, true, 100),
    /** Tag names separated by ',' ';' or Google's ' ::: '. */
    TAGS(true, true, 0),
    NOTES(true, true, 0);

    private final boolean contacts;
    private final boolean companies;
    private final int maxLength;

    ImportField(boolean contacts, boolean companies, int maxLength) {
        this.contacts = contacts;
        this.companies = companies;
        this.maxLength = maxLength;
    }

    public boolean appliesTo(ImportTarget target) {
        return target == ImportTarget.CONTACTS ? contacts : companies;
    }

    public int maxLength() {
        return maxLength;
    }

    public static List<ImportField> forTarget(ImportTarget target) {
        return Arrays.stream(values()).filter(f -> f.appliesTo(target)).toList();
    }
}
