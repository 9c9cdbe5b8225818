package org.deskcrm.crm;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import org.deskcrm.audit.AuditAction;
import org.deskcrm.audit.AuditLog;
import org.deskcrm.crm.persistence.Batches;
import org.deskcrm.customfield.CustomFieldDefinition;
import org.deskcrm.customfield.CustomFieldService;
import org.deskcrm.platform.persistence.NotFoundException;
import org.deskcrm.platform.task.ProgressSink;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.tag.Tag;
import org.deskcrm.tag.persistence.TagRepository;
import org.jooq.DSLContext;

/**
 * The parts of a company, contact or lead save that live in other tables (tags, custom field
 * values), written and audited in the record's transaction; and bulk tagging.
 */
public final class RecordChanges {
    private RecordChanges() {}

    public static void writeTags(DSLContext tx, CurrentUser user, TagRepository tags, AuditLog audit, String entityType,
            UUID id, Set<UUID> tagIds) {
        List<String> before = names(tags.tagsOf(tx, user.organizationId(), entityType, id));
        if (tags.setTags(tx, user.organizationId(), entityType, id, tagIds, user.userId())) {
            List<String> after = names(tags.tagsOf(tx, user.organizationId(), entityType, id));
            audit.record(tx, user.organizationId(), user.userId(), "entity_tags", id, AuditAction.UPDATE,
                    Map.of("tags", before), Map.of("tags", after));
        }
    }

    public static void writeCustom(DSLContext tx, CurrentUser user, CustomFieldService fields, AuditLog audit,
            String entityType, UUID id, List<CustomFieldDefinition> defs, Map<UUID, Object> values) {
        if (defs.isEmpty() || values.isEmpty()) {
            return;
        }
        Map<UUID, Object> before = fields.writeValues(tx, user, entityType, id, defs, values);
        Map<UUID, Object> after = fields.values(tx, user, entityType, id);
        Map<String, Object> oldByName = new LinkedHashMap<>();
        Map<String, Object> newByName = new LinkedHashMap<>();
        for (CustomFieldDefinition d : defs) {
            oldByName.put(d.name(), before.get(d.id()));
            newByName.put(d.name(), after.get(d.id()));
        }
        audit.record(tx, user.organizationId(), user.userId(), "custom_field_values", id, AuditAction.UPDATE, oldByName,
                newByName);
    }

    /** Adds or removes a tag on many records in committed batches; records the user may not change are skipped. */
    /**
     * A bulk change of one column in committed batches: per batch, {@code writableBefore} loads the
     * rows the user may change (their audit "before" images), {@code write} changes them, and every
     * changed row gets an audit row; rows the user may not change are counted as skipped.
     */
    public static <R extends org.jooq.Record> BulkResult bulkUpdate(DSLContext dsl, CurrentUser user, AuditLog audit, String table,
            List<UUID> ids, ProgressSink progress, String what, BiFunction<DSLContext, List<UUID>, Map<UUID, R>> writableBefore,
            BiFunction<DSLContext, java.util.Collection<UUID>, Map<UUID, R>> load,
            java.util.function.BiConsumer<DSLContext, java.util.Collection<UUID>> write) {
        return Batches.run(ids, Batches.SIZE, progress, what, batch -> dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            Map<UUID, R> before = writableBefore.apply(tx, batch);
            if (before.isEmpty()) {
                return new Batches.Outcome(0, batch.size());
            }
            write.accept(tx, before.keySet());
            Map<UUID, R> after = load.apply(tx, before.keySet());
            for (UUID id : before.keySet()) {
                audit.record(tx, user, table, id, AuditAction.UPDATE, before.get(id), after.get(id));
            }
            return new Batches.Outcome(before.size(), batch.size() - before.size());
        }));
    }

    public static BulkResult bulkTag(DSLContext dsl, CurrentUser user, TagRepository tags, AuditLog audit, String entityType,
            List<UUID> ids, UUID tagId, boolean add, ProgressSink progress,
            BiFunction<DSLContext, List<UUID>, List<UUID>> writableAmong) {
        Tag tag = tags.find(dsl, user, tagId).orElseThrow(() -> new NotFoundException("This tag does not exist any more."));
        return Batches.run(ids, Batches.SIZE, progress, add ? "Adding tag " + tag.name() : "Removing tag " + tag.name(),
                batch -> dsl.transactionResult(cfg -> {
                    DSLContext tx = cfg.dsl();
                    List<UUID> writable = writableAmong.apply(tx, batch);
                    Set<UUID> had = new HashSet<>();
                    tags.tagsOf(tx, user.organizationId(), entityType, writable).forEach((entity, list) -> {
                        if (list.stream().anyMatch(t -> t.id().equals(tagId))) {
                            had.add(entity);
                        }
                    });
                    if (add) {
                        tags.add(tx, user.organizationId(), entityType, writable, tagId, user.userId());
                    } else {
                        tags.remove(tx, entityType, writable, tagId);
                    }
                    for (UUID id : writable) {
                        if (had.contains(id) != add) {
                            audit.record(tx, user.organizationId(), user.userId(), "entity_tags", id, AuditAction.UPDATE,
                                    Map.of("tag:" + tag.name(), add ? "absent" : "present"),
                                    Map.of("tag:" + tag.name(), add ? "present" : "absent"));
                        }
                    }
                    return new Batches.Outcome(writable.size(), batch.size() - writable.size());
                }));
    }

    private static List<String> names(List<Tag> list) {
        return list.stream().map(Tag::name).toList();
    }
}
