package org.deskcrm.deal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a user enters for a deal. Null pipeline/stage: the default pipeline's first open stage;
 * null probability: the stage's default; null currency: the organization's; null owner: the user.
 * The won/lost reasons apply when the stage is closed (a lost deal needs a reason).
 */
public record DealDraft(
        String name,
        String description,
        UUID pipelineId,
        UUID stageId,
        UUID companyId,
        UUID contactId,
        BigDecimal value,
        String currency,
        Integer probability,
        LocalDate expectedCloseDate,
        UUID ownerId,
        String source,
        String sourceDetail,
        String priority,
        String competitor,
        String wonReason,
        String lostReason,
        String lostReasonDetails,
        String notes,
        List<String> tags,
        Map<UUID, Object> customValues) {

    public DealDraft {
        tags = tags == null ? List.of() : List.copyOf(tags);
        // Custom field values by definition id; null values (clearing a field) are allowed.
        customValues = customValues == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(customValues));
    }

    /** The essentials only, everything else defaulted. */
    public static DealDraft of(String name, UUID companyId, BigDecimal value) {
        return new DealDraft(name, null, null, null, companyId, null, value, null, null, null, null, null, null, null,
                null, null, null, null, null, List.of(), Map.of());
    }

    public DealDraft withStage(UUID pipeline, UUID stage) {
        return new DealDraft(name, description, pipeline, stage, companyId, contactId, value, currency, probability,
                expectedCloseDate, ownerId, source, sourceDetail, priority, competitor, wonReason, lostReason,
                lostReasonDetails, notes, tags, customValues);
    }

    public DealDraft withOwner(UUID owner) {
        return new DealDraft(name, description, pipelineId, stageId, companyId, contactId, value, currency, probability,
                expectedCloseDate, owner, source, sourceDetail, priority, competitor, wonReason, lostReason,
                lostReasonDetails, notes, tags, customValues);
    }

    public DealDraft withValue(BigDecimal v, String cur) {
        return new DealDraft(name, description, pipelineId, stageId, companyId, contactId, v, cur, probability,
                expectedCloseDate, ownerId, source, sourceDetail, priority, competitor, wonReason, lostReason,
                lostReasonDetails, notes, tags, customValues);
    }

    public DealDraft withCloseDate(LocalDate date) {
        return new DealDraft(name, description, pipelineId, stageId, companyId, contactId, value, currency, probability,
                date, ownerId, source, sourceDetail, priority, competitor, wonReason, lostReason,
                lostReasonDetails, notes, tags, customValues);
    }

    public DealDraft withTags(List<String> t) {
        return new DealDraft(name, description, pipelineId, stageId, companyId, contactId, value, currency, probability,
                expectedCloseDate, ownerId, source, sourceDetail, priority, competitor, wonReason, lostReason,
                lostReasonDetails, notes, t, customValues);
    }

    public DealDraft withProbability(Integer p) {
        return new DealDraft(name, description, pipelineId, stageId, companyId, contactId, value, currency, p,
                expectedCloseDate, ownerId, source, sourceDetail, priority, competitor, wonReason, lostReason,
                lostReasonDetails, notes, tags, customValues);
    }

    public DealDraft withCustomValues(Map<UUID, Object> values) {
        return new DealDraft(name, description, pipelineId, stageId, companyId, contactId, value, currency, probability,
                expectedCloseDate, ownerId, source, sourceDetail, priority, competitor, wonReason, lostReason,
                lostReasonDetails, notes, tags, values);
    }

    public DealDraft withReasons(String won, String lost, String lostDetails) {
        return new DealDraft(name, description, pipelineId, stageId, companyId, contactId, value, currency, probability,
                expectedCloseDate, ownerId, source, sourceDetail, priority, competitor, won, lost,
                lostDetails, notes, tags, customValues);
    }

    /** The editable fields of an existing deal, to change a few and save. */
    public static DealDraft from(Deal d) {
        return new DealDraft(d.name(), d.description(), d.pipelineId(), d.stageId(), d.companyId(), d.contactId(),
                d.value(), d.currency(), d.probability(), d.expectedCloseDate(), d.ownerId(), d.source(),
                d.sourceDetail(), d.priority(), d.competitor(), d.wonReason(), d.lostReason(), d.lostReasonDetails(),
                d.notes(), d.tags(), d.customValues());
    }
}
