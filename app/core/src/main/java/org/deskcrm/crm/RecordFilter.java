package org.deskcrm.crm;

import java.util.Set;
import java.util.UUID;

/**
 * The filters of the company, contact and lead lists. Each list uses the filters that apply to
 * its entity (industry: companies; lead stage: leads; VIP: contacts) and ignores the others.
 * Empty sets mean "any". Stored as JSON in saved views, so keep it a plain record.
 */
public record RecordFilter(
        Set<String> statuses,
        OwnerFilter owner,
        Set<UUID> industryIds,
        Set<String> lifecycleStages,
        Set<UUID> tagIds,
        Set<String> qualities,
        Set<String> stages,
        Recency lastContacted,
        boolean vipOnly) {

    public static final RecordFilter NONE = new RecordFilter(Set.of(), OwnerFilter.ANY, Set.of(), Set.of(), Set.of(),
            Set.of(), Set.of(), Recency.ANY, false);

    public RecordFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        owner = owner == null ? OwnerFilter.ANY : owner;
        industryIds = industryIds == null ? Set.of() : Set.copyOf(industryIds);
        lifecycleStages = lifecycleStages == null ? Set.of() : Set.copyOf(lifecycleStages);
        tagIds = tagIds == null ? Set.of() : Set.copyOf(tagIds);
        qualities = qualities == null ? Set.of() : Set.copyOf(qualities);
        stages = stages == null ? Set.of() : Set.copyOf(stages);
        lastContacted = lastContacted == null ? Recency.ANY : lastContacted;
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    public RecordFilter withStatuses(Set<String> v) {
        return new RecordFilter(v, owner, industryIds, lifecycleStages, tagIds, qualities, stages, lastContacted, vipOnly);
    }

    public RecordFilter withOwner(OwnerFilter v) {
        return new RecordFilter(statuses, v, industryIds, lifecycleStages, tagIds, qualities, stages, lastContacted, vipOnly);
    }

    public RecordFilter withIndustryIds(Set<UUID> v) {
        return new RecordFilter(statuses, owner, v, lifecycleStages, tagIds, qualities, stages, lastContacted, vipOnly);
    }

    public RecordFilter withLifecycleStages(Set<String> v) {
        return new RecordFilter(statuses, owner, industryIds, v, tagIds, qualities, stages, lastContacted, vipOnly);
    }

    public RecordFilter withTagIds(Set<UUID> v) {
        return new RecordFilter(statuses, owner, industryIds, lifecycleStages, v, qualities, stages, lastContacted, vipOnly);
    }

    public RecordFilter withQualities(Set<String> v) {
        return new RecordFilter(statuses, owner, industryIds, lifecycleStages, tagIds, v, stages, lastContacted, vipOnly);
    }

    public RecordFilter withStages(Set<String> v) {
        return new RecordFilter(statuses, owner, industryIds, lifecycleStages, tagIds, qualities, v, lastContacted, vipOnly);
    }

    public RecordFilter withLastContacted(Recency v) {
        return new RecordFilter(statuses, owner, industryIds, lifecycleStages, tagIds, qualities, stages, v, vipOnly);
    }

    public RecordFilter withVipOnly(boolean v) {
        return new RecordFilter(statuses, owner, industryIds, lifecycleStages, tagIds, qualities, stages, lastContacted, v);
    }
}
