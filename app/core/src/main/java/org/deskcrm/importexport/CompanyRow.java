package org.deskcrm.importexport;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * The company columns an import writes. On update, null means "keep the existing value".
 */
public record CompanyRow(
        String name,
        String legalName,
        String domain,
        String email,
        String phone,
        String website,
        UUID industryId,
        String companySize,
        BigDecimal annualRevenue,
        String taxId,
        String addressLine1,
        String addressLine2,
        String city,
        String state,
        String postalCode,
        String country,
        String status,
        String lifecycleStage,
        Integer leadScore,
        String source,
        String notes) {

    /** A company known only by name (created while importing its contacts). */
    public static CompanyRow named(String name) {
        return new CompanyRow(name, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, "import", null);
    }

    public CompanyRow withIndustry(UUID id) {
        return new CompanyRow(name, legalName, domain, email, phone, website, id, companySize, annualRevenue, taxId,
                addressLine1, addressLine2, city, state, postalCode, country, status, lifecycleStage, leadScore, source, notes);
    }
}
