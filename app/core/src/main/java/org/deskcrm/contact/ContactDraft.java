package org.deskcrm.contact;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.deskcrm.crm.FieldMap;

/**
 * The fields of a contact a user edits; {@link #values()} / {@link #of(Map)} convert to and from
 * a field map keyed by column names (custom fields under {@code cf:<definition id>}).
 */
public record ContactDraft(
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
        String twitterUrl,
        boolean isPrimary,
        boolean isVip,
        boolean isDecisionMaker,
        String influenceLevel,
        String communicationPreference,
        String timezone,
        String language,
        boolean optInEmail,
        boolean optInSms,
        boolean optInCalls,
        boolean optInAutomations,
        String status,
        String lifecycleStage,
        Integer leadScore,
        String leadQuality,
        UUID ownerId,
        String source,
        String addressLine1,
        String addressLine2,
        String city,
        String state,
        String postalCode,
        String country,
        LocalDate birthday,
        String notes,
        Set<UUID> tagIds,
        Map<UUID, Object> customValues) {

    public static final Set<String> STATUSES = Set.of("active", "inactive", "lead", "contact", "customer");
    public static final Set<String> INFLUENCE_LEVELS = Set.of("low", "medium", "high");
    public static final Set<String> COMMUNICATION_PREFERENCES = Set.of("email", "phone", "whatsapp", "any");
    public static final Set<String> LIFECYCLE_STAGES = Set.of("lead", "mql", "sql", "opportunity", "customer", "evangelist",
            "churned");
    public static final Set<String> QUALITIES = Set.of("hot", "warm", "cold", "unqualified");

    public ContactDraft {
        tagIds = tagIds == null ? Set.of() : Set.copyOf(tagIds);
        customValues = customValues == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(customValues));
    }

    public static ContactDraft named(String first, String last, UUID companyId, UUID ownerId) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("first_name", first);
        v.put("last_name", last);
        v.put("company_id", companyId);
        v.put("owner_id", ownerId);
        return of(v);
    }

    public Map<String, Object> values() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("first_name", firstName);
        v.put("last_name", lastName);
        v.put("email", email);
        v.put("phone", phone);
        v.put("mobile", mobile);
        v.put("job_title", jobTitle);
        v.put("department", department);
        v.put("company_id", companyId);
        v.put("company_name", companyName);
        v.put("website", website);
        v.put("linkedin_url", linkedinUrl);
        v.put("twitter_url", twitterUrl);
        v.put("is_primary", isPrimary);
        v.put("is_vip", isVip);
        v.put("is_decision_maker", isDecisionMaker);
        v.put("influence_level", influenceLevel);
        v.put("communication_preference", communicationPreference);
        v.put("timezone", timezone);
        v.put("language", language);
        v.put("opt_in_email", optInEmail);
        v.put("opt_in_sms", optInSms);
        v.put("opt_in_calls", optInCalls);
        v.put("opt_in_automations", optInAutomations);
        v.put("status", status);
        v.put("lifecycle_stage", lifecycleStage);
        v.put("lead_score", leadScore);
        v.put("lead_quality", leadQuality);
        v.put("owner_id", ownerId);
        v.put("source", source);
        v.put("address_line1", addressLine1);
        v.put("address_line2", addressLine2);
        v.put("city", city);
        v.put("state", state);
        v.put("postal_code", postalCode);
        v.put("country", country);
        v.put("birthday", birthday);
        v.put("notes", notes);
        v.put("tags", tagIds);
        FieldMap.putCustom(v, customValues);
        return v;
    }

    public static ContactDraft of(Map<String, ?> values) {
        FieldMap m = new FieldMap(values);
        return new ContactDraft(
                m.text("first_name"),
                m.text("last_name"),
                m.text("email"),
                m.text("phone"),
                m.text("mobile"),
                m.text("job_title"),
                m.text("department"),
                m.uuid("company_id"),
                m.text("company_name"),
                m.text("website"),
                m.text("linkedin_url"),
                m.text("twitter_url"),
                m.bool("is_primary", false),
                m.bool("is_vip", false),
                m.bool("is_decision_maker", false),
                m.text("influence_level"),
                orElse(m.text("communication_preference"), "email"),
                m.text("timezone"),
                orElse(m.text("language"), "en"),
                m.bool("opt_in_email", true),
                m.bool("opt_in_sms", true),
                m.bool("opt_in_calls", true),
                m.bool("opt_in_automations", true),
                orElse(m.text("status"), "active"),
                m.text("lifecycle_stage"),
                m.integer("lead_score"),
                m.text("lead_quality"),
                m.uuid("owner_id"),
                m.text("source"),
                m.text("address_line1"),
                m.text("address_line2"),
                m.text("city"),
                m.text("state"),
                m.text("postal_code"),
                m.text("country"),
                m.date("birthday"),
                m.text("notes"),
                m.uuids("tags"),
                m.customValues());
    }

    public ContactDraft with(String key, Object value) {
        var v = values();
        v.put(key, value);
        return of(v);
    }

    private static String orElse(String v, String otherwise) {
        return v == null ? otherwise : v;
    }
}
