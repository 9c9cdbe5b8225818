package org.deskcrm.lead;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * How to convert a lead: into an existing company or a new one (named {@code newCompanyName},
 * by default the lead's company), into a new contact or an existing one (a duplicate found
 * before), optionally with a deal in the default pipeline's first stage. {@code ownerId} owns
 * what is created (null: the lead's owner, else the converting user).
 */
public record LeadConversion(
        UUID existingCompanyId,
        String newCompanyName,
        UUID existingContactId,
        boolean createDeal,
        String dealName,
        BigDecimal dealValue,
        String currency,
        LocalDate expectedCloseDate,
        UUID ownerId) {

    public static LeadConversion newCompany(String name) {
        return new LeadConversion(null, name, null, false, null, null, null, null, null);
    }

    public LeadConversion withDeal(String name, BigDecimal value, String currencyCode) {
        return new LeadConversion(existingCompanyId, newCompanyName, existingContactId, true, name, value, currencyCode,
                expectedCloseDate, ownerId);
    }
}
