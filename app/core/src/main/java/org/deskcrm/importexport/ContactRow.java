package org.deskcrm.importexport;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The contact columns an import writes. On update, null means "keep the existing value" (a blank
 * cell never erases data).
 */
public record ContactRow(
        String firstName,
        String lastName,
        String email,
        String phone,
        String mobile,
        String jobTitle,
        String department,
        UUID companyId,
        String companyName,
        String website,
        String linkedinUrl,
        String addressLine1,
        String addressLine2,
        String city,
        String state,
        String postalCode,
        String country,
        LocalDate birthday,
        String status,
        String lifecycleStage,
        Integer leadScore,
        String source,
        String notes) {

    public ContactRow withCompany(UUID id, String freeTextName) {
        return new ContactRow(firstName, lastName, email, phone, mobile, jobTitle, department, id, freeTextName, website,
                linkedinUrl, addressLine1, addressLine2, city, state, postalCode, country, birthday, status, lifecycleStage,
                leadScore, source, notes);
    }
}
