package org.deskcrm.crm.persistence;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.deskcrm.crm.OwnerFilter;
import org.deskcrm.crm.RecordFilter;
import org.deskcrm.tag.persistence.TagRepository;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Turns a {@link RecordFilter} into SQL for one entity. The columns an entity lacks are null and
 * their filters are ignored. Filters are residual conditions on top of the sort index.
 */
public record Filters(
        String entityType,
        Field<UUID> id,
        Field<String> status,
        Field<UUID> owner,
        Field<UUID> industry,
        Field<String> lifecycleStage,
        Field<String> quality,
        Field<String> stage,
        Field<OffsetDateTime> lastContacted,
        Field<Boolean> vip) {

    public Condition apply(RecordFilter f, UUID me, OffsetDateTime now) {
        Condition c = DSL.noCondition();
        if (status != null && !f.statuses().isEmpty()) {
            c = c.and(status.in(f.statuses()));
        }
        if (owner != null) {
            OwnerFilter o = f.owner();
            c = switch (o.kind()) {
                case ANY -> c;
                case MINE -> c.and(owner.eq(me));
                case UNASSIGNED -> c.and(owner.isNull());
                case USER -> c.and(owner.eq(o.userId()));
            };
        }
        if (industry != null && !f.industryIds().isEmpty()) {
            c = c.and(industry.in(f.industryIds()));
        }
        if (lifecycleStage != null && !f.lifecycleStages().isEmpty()) {
            c = c.and(lifecycleStage.in(f.lifecycleStages()));
        }
        if (quality != null && !f.qualities().isEmpty()) {
            c = c.and(quality.in(f.qualities()));
        }
        if (stage != null && !f.stages().isEmpty()) {
            c = c.and(stage.in(f.stages()));
        }
        if (!f.tagIds().isEmpty()) {
            c = c.and(id.in(TagRepository.withAnyTag(entityType, f.tagIds())));
        }
        if (lastContacted != null) {
            c = switch (f.lastContacted()) {
                case ANY -> c;
                case WITHIN_7_DAYS -> c.and(lastContacted.ge(now.minusDays(7)));
                case WITHIN_30_DAYS -> c.and(lastContacted.ge(now.minusDays(30)));
                case OVER_30_DAYS -> c.and(lastContacted.lt(now.minusDays(30)));
                case OVER_90_DAYS -> c.and(lastContacted.lt(now.minusDays(90)));
                case NEVER -> c.and(lastContacted.isNull());
            };
        }
        if (vip != null && f.vipOnly()) {
            c = c.and(vip.isTrue());
        }
        return c;
    }
}
