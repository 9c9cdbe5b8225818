package org.deskcrm.importexport;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The rows exports read (one record per list), with names resolved (company, owner, industry, tags). */
public final class ExportRows {
    private ExportRows() {}

    public record ContactLine(UUID id, String firstName, String lastName, String email, String phone, String mobile,
            String jobTitle, String department, String company, String website, String linkedinUrl, String addressLine1,
            String addressLine2, String city, String state, String postalCode, String country, LocalDate birthday,
            String status, String lifecycleStage, Integer leadScore, String source, String tags, String owner,
            boolean vip, boolean decisionMaker, String notes, OffsetDateTime createdAt, OffsetDateTime updatedAt) {}

    public record CompanyLine(UUID id, String name, String legalName, String domain, String email, String phone,
            String website, String industry, String companySize, BigDecimal annualRevenue, String taxId,
            String addressLine1, String addressLine2, String city, String state, String postalCode, String country,
            String status, String lifecycleStage, int leadScore, String leadQuality, String source, String tags,
            String owner, String notes, OffsetDateTime createdAt, OffsetDateTime updatedAt) {}

    public record LeadLine(UUID id, String firstName, String lastName, String email, String phone, String companyName,
            String jobTitle, String status, String stage, int score, String quality, BigDecimal estimatedValue,
            String currency, LocalDate expectedCloseDate, String source, String owner, String notes,
            OffsetDateTime createdAt) {}
}
