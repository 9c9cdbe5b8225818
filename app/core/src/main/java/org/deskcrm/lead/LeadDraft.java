package org.deskcrm.lead;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.deskcrm.crm.FieldMap;

/** The fields of a lead a user edits; {@link #values()} / {@link #of(Map)} as for companies and contacts. */
public record LeadDraft(
        String firstName,
        String lastName,
        String email,
        String phone,
        String companyName,
        String jobTitle,
        String source,
        String status,
        String stage,
        String lifecycleStage,
        int score,
        String quality,
        BigDecimal estimatedValue,
        String currency,
        LocalDate expectedCloseDate,
        UUID ownerId,
        String notes,
        Set<UUID> tagIds,
        Map<UUID, Object> customValues) {

    /** Statuses a user can set; "converted" is set by conversion only. */
    public static final Set<String> EDITABLE_STATUSES = Set.of("new", "contacted", "qualified", "lost");
    public static final Set<String> STAGES = Set.of("prospect", "qualified", "proposal", "negotiation", "closed_won", "closed_lost");
    public static final Set<String> LIFECYCLE_STAGES = Set.of("lead", "mql", "sql", "opportunity", "customer", "evangelist",
            "churned");
    public static final Set<String> QUALITIES = Set.of("hot", "warm", "cold", "unqualified");

    public LeadDraft {
        tagIds = tagIds == null ? Set.of() : Set.copyOf(tagIds);
        customValues = customValues == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(customValues));
    }

    public static LeadDraft named(String first, String last, String companyName, UUID ownerId) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("first_name", first);
        v.put("last_name", last);
        v.put("company_name", companyName);
        v.put("owner_id", ownerId);
        return of(v);
    }

    public Map<String, Object> values() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("first_name", firstName);
        v.put("last_name", lastName);
        v.put("email", email);
        v.put("phone", phone);
        v.put("company_name", companyName);
        v.put("job_title", jobTitle);
        v.put("source", source);
        v.put("status", status);
        v.put("stage", stage);
        v.put("lifecycle_stage", lifecycleStage);
        v.put("score", score);
        v.put("quality", quality);
        v.put("estimated_value", estimatedValue);
        v.put("currency", currency);
        v.put("expected_close_date", expectedCloseDate);
        v.put("owner_id", ownerId);
        v.put("notes", notes);
        v.put("tags", tagIds);
        FieldMap.putCustom(v, customValues);
        return v;
    }

    public static LeadDraft of(Map<String, ?> values) {
        FieldMap m = new FieldMap(values);
        return new LeadDraft(
                m.text("first_name"),
                m.text("last_name"),
                m.text("email"),
                m.text("phone"),
                m.text("company_name"),
                m.text("job_title"),
                m.text("source"),
                orElse(m.text("status"), "new"),
                orElse(m.text("stage"), "prospect"),
                orElse(m.text("lifecycle_stage"), "lead"),
                m.integer("score", 0),
                m.text("quality"),
                m.decimal("estimated_value"),
                m.text("currency"),
                m.date("expected_close_date"),
                m.uuid("owner_id"),
                m.text("notes"),
                m.uuids("tags"),
                m.customValues());
    }

    public LeadDraft with(String key, Object value) {
        var v = values();
        v.put(key, value);
        return of(v);
    }

    private static String orElse(String v, String otherwise) {
        return v == null ? otherwise : v;
    }
}
