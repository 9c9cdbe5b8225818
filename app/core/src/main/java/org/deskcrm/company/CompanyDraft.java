package org.deskcrm.company;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.deskcrm.crm.FieldMap;

/**
 * The fields of a company a user edits. {@link #values()} and {@link #of(Map)} convert to and from
 * a field map keyed by the column names (what forms, import and "reload and compare" use);
 * custom field values travel under {@code cf:<definition id>} keys.
 */
public record CompanyDraft(
        String name,
        String legalName,
        String domain,
        String email,
        String phone,
        String secondaryPhone,
        String website,
        UUID industryId,
        String companySize,
        String status,
        String clientType,
        String lifecycleStage,
        int leadScore,
        String leadQuality,
        int healthScore,
        String churnRisk,
        int annualEvents,
        BigDecimal annualRevenue,
        String currency,
        String addressLine1,
        String addressLine2,
        String city,
        String state,
        String postalCode,
        String country,
        String billingAddressLine1,
        String billingAddressLine2,
        String billingCity,
        String billingState,
        String billingPostalCode,
        String billingCountry,
        String notes,
        String paymentTerms,
        BigDecimal creditLimit,
        String taxId,
        String source,
        OffsetDateTime nextFollowUpAt,
        UUID ownerId,
        Set<UUID> tagIds,
        Map<UUID, Object> customValues) {

    public static final Set<String> STATUSES = Set.of("active", "inactive", "prospect", "archived", "churned");
    public static final Set<String> CLIENT_TYPES = Set.of("lead", "prospect", "customer", "partner", "inactive");
    public static final Set<String> LIFECYCLE_STAGES = Set.of("lead", "mql", "sql", "opportunity", "customer", "evangelist", "churned");
    public static final Set<String> QUALITIES = Set.of("hot", "warm", "cold", "unqualified");
    public static final Set<String> SIZES = Set.of("1-10", "11-50", "51-200", "201-500", "500+", "startup", "small", "medium",
            "large", "enterprise");
    public static final Set<String> CHURN_RISKS = Set.of("low", "medium", "high");

    public CompanyDraft {
        tagIds = tagIds == null ? Set.of() : Set.copyOf(tagIds);
        customValues = customValues == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(customValues));
    }

    /** A new company with the schema defaults. */
    public static CompanyDraft named(String name, UUID ownerId) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("name", name);
        v.put("owner_id", ownerId);
        return of(v);
    }

    public Map<String, Object> values() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("name", name);
        v.put("legal_name", legalName);
        v.put("domain", domain);
        v.put("email", email);
        v.put("phone", phone);
        v.put("secondary_phone", secondaryPhone);
        v.put("website", website);
        v.put("industry_id", industryId);
        v.put("company_size", companySize);
        v.put("status", status);
        v.put("client_type", clientType);
        v.put("lifecycle_stage", lifecycleStage);
        v.put("lead_score", leadScore);
        v.put("lead_quality", leadQuality);
        v.put("health_score", healthScore);
        v.put("churn_risk", churnRisk);
        v.put("annual_events", annualEvents);
        v.put("annual_revenue", annualRevenue);
        v.put("currency", currency);
        v.put("address_line1", addressLine1);
        v.put("address_line2", addressLine2);
        v.put("city", city);
        v.put("state", state);
        v.put("postal_code", postalCode);
        v.put("country", country);
        v.put("billing_address_line1", billingAddressLine1);
        v.put("billing_address_line2", billingAddressLine2);
        v.put("billing_city", billingCity);
        v.put("billing_state", billingState);
        v.put("billing_postal_code", billingPostalCode);
        v.put("billing_country", billingCountry);
        v.put("notes", notes);
        v.put("payment_terms", paymentTerms);
        v.put("credit_limit", creditLimit);
        v.put("tax_id", taxId);
        v.put("source", source);
        v.put("next_follow_up_at", nextFollowUpAt);
        v.put("owner_id", ownerId);
        v.put("tags", tagIds);
        FieldMap.putCustom(v, customValues);
        return v;
    }

    /** Builds a draft from a field map; missing keys get the schema defaults. */
    public static CompanyDraft of(Map<String, ?> values) {
        FieldMap m = new FieldMap(values);
        return new CompanyDraft(
                m.text("name"),
                m.text("legal_name"),
                m.text("domain"),
                m.text("email"),
                m.text("phone"),
                m.text("secondary_phone"),
                m.text("website"),
                m.uuid("industry_id"),
                m.text("company_size"),
                orElse(m.text("status"), "active"),
                orElse(m.text("client_type"), "lead"),
                orElse(m.text("lifecycle_stage"), "lead"),
                m.integer("lead_score", 0),
                m.text("lead_quality"),
                m.integer("health_score", 50),
                orElse(m.text("churn_risk"), "low"),
                m.integer("annual_events", 0),
                m.decimal("annual_revenue"),
                m.text("currency"),
                m.text("address_line1"),
                m.text("address_line2"),
                m.text("city"),
                m.text("state"),
                m.text("postal_code"),
                values.containsKey("country") ? m.text("country") : null,
                m.text("billing_address_line1"),
                m.text("billing_address_line2"),
                m.text("billing_city"),
                m.text("billing_state"),
                m.text("billing_postal_code"),
                m.text("billing_country"),
                m.text("notes"),
                m.text("payment_terms"),
                m.decimal("credit_limit"),
                m.text("tax_id"),
                m.text("source"),
                m.dateTime("next_follow_up_at"),
                m.uuid("owner_id"),
                m.uuids("tags"),
                m.customValues());
    }

    public CompanyDraft withOwner(UUID owner) {
        var v = values();
        v.put("owner_id", owner);
        return of(v);
    }

    public CompanyDraft with(String key, Object value) {
        var v = values();
        v.put(key, value);
        return of(v);
    }

    private static String orElse(String v, String otherwise) {
        return v == null ? otherwise : v;
    }
}
