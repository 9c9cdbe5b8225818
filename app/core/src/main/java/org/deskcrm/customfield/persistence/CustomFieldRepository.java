package org.deskcrm.customfield.persistence;

import static org.deskcrm.db.Tables.CUSTOM_FIELD_DEFINITIONS;
import static org.deskcrm.db.Tables.CUSTOM_FIELD_VALUES;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.deskcrm.customfield.CustomFieldDefinition;
import org.deskcrm.customfield.CustomFieldDraft;
import org.deskcrm.customfield.CustomFieldType;
import org.deskcrm.db.tables.records.CustomFieldDefinitionsRecord;
import org.deskcrm.platform.id.Ids;
import org.deskcrm.platform.persistence.SyncColumns;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.rules.RecordRules;
import org.jooq.DSLContext;

/** Custom field definitions (rule: custom fields) and values (one row per definition and record). */
public final class CustomFieldRepository {
    private static final SyncColumns<CustomFieldDefinitionsRecord> SYNC = new SyncColumns<>(CUSTOM_FIELD_DEFINITIONS);
    private static final ObjectMapper JSON = new ObjectMapper();

    public List<CustomFieldDefinition> definitions(DSLContext dsl, CurrentUser user, String entityType) {
        return dsl.selectFrom(CUSTOM_FIELD_DEFINITIONS)
                .where(CUSTOM_FIELD_DEFINITIONS.ENTITY_TYPE.eq(entityType).and(RecordRules.customFields(user).read()))
                .orderBy(CUSTOM_FIELD_DEFINITIONS.POSITION, CUSTOM_FIELD_DEFINITIONS.LABEL)
                .fetch(CustomFieldRepository::toDefinition);
    }

    public Optional<CustomFieldDefinition> find(DSLContext dsl, CurrentUser user, UUID id) {
        return dsl.selectFrom(CUSTOM_FIELD_DEFINITIONS)
                .where(CUSTOM_FIELD_DEFINITIONS.ID.eq(id).and(RecordRules.customFields(user).read()))
                .fetchOptional(CustomFieldRepository::toDefinition);
    }

    public CustomFieldDefinitionsRecord loadRaw(DSLContext dsl, UUID id) {
        return dsl.fetchOne(CUSTOM_FIELD_DEFINITIONS, CUSTOM_FIELD_DEFINITIONS.ID.eq(id));
    }

    public boolean liveNameTaken(DSLContext dsl, UUID organizationId, String entityType, String name, UUID except) {
        var c = CUSTOM_FIELD_DEFINITIONS.ORGANIZATION_ID.eq(organizationId)
                .and(CUSTOM_FIELD_DEFINITIONS.ENTITY_TYPE.eq(entityType))
                .and(CUSTOM_FIELD_DEFINITIONS.NAME.eq(name))
                .and(CUSTOM_FIELD_DEFINITIONS.DELETED_AT.isNull());
        if (except != null) {
            c = c.and(CUSTOM_FIELD_DEFINITIONS.ID.ne(except));
        }
        return dsl.fetchExists(CUSTOM_FIELD_DEFINITIONS, c);
    }

    /** SR-3: defining a field whose key was deleted brings the old definition back (with the new type and label). */
    public UUID insertOrRestore(DSLContext dsl, UUID organizationId, CustomFieldDraft d, UUID userId) {
        var now = SyncColumns.now();
        var tomb = dsl.select(CUSTOM_FIELD_DEFINITIONS.ID).from(CUSTOM_FIELD_DEFINITIONS)
                .where(CUSTOM_FIELD_DEFINITIONS.ORGANIZATION_ID.eq(organizationId)
                        .and(CUSTOM_FIELD_DEFINITIONS.ENTITY_TYPE.eq(d.entityType()))
                        .and(CUSTOM_FIELD_DEFINITIONS.NAME.eq(d.name()))
                        .and(CUSTOM_FIELD_DEFINITIONS.DELETED_AT.isNotNull()))
                .fetchOptional(CUSTOM_FIELD_DEFINITIONS.ID);
        if (tomb.isPresent()) {
            UUID id = tomb.get();
            // Old values may not fit the new type: they stay tombstoned.
            dsl.update(CUSTOM_FIELD_VALUES)
                    .set(CUSTOM_FIELD_VALUES.DELETED_AT, now)
                    .where(CUSTOM_FIELD_VALUES.DEFINITION_ID.eq(id).and(CUSTOM_FIELD_VALUES.DELETED_AT.isNull()))
                    .execute();
            dsl.update(CUSTOM_FIELD_DEFINITIONS)
                    .set(CUSTOM_FIELD_DEFINITIONS.DELETED_AT, (OffsetDateTime) null)
                    .set(CUSTOM_FIELD_DEFINITIONS.LABEL, d.label())
                    .set(CUSTOM_FIELD_DEFINITIONS.FIELD_TYPE, d.type().dbName())
                    .set(CUSTOM_FIELD_DEFINITIONS.OPTIONS, options(d.options()))
                    .set(CUSTOM_FIELD_DEFINITIONS.IS_REQUIRED, d.required())
                    .set(CUSTOM_FIELD_DEFINITIONS.POSITION, d.position())
                    .set(CUSTOM_FIELD_DEFINITIONS.VERSION, CUSTOM_FIELD_DEFINITIONS.VERSION.plus(1))
                    .set(CUSTOM_FIELD_DEFINITIONS.UPDATED_AT, now)
                    .where(CUSTOM_FIELD_DEFINITIONS.ID.eq(id))
                    .execute();
            return id;
        }
        UUID id = Ids.newId();
        dsl.insertInto(CUSTOM_FIELD_DEFINITIONS)
                .set(CUSTOM_FIELD_DEFINITIONS.ID, id)
                .set(CUSTOM_FIELD_DEFINITIONS.ORGANIZATION_ID, organizationId)
                .set(CUSTOM_FIELD_DEFINITIONS.ENTITY_TYPE, d.entityType())
                .set(CUSTOM_FIELD_DEFINITIONS.NAME, d.name())
                .set(CUSTOM_FIELD_DEFINITIONS.LABEL, d.label())
                .set(CUSTOM_FIELD_DEFINITIONS.FIELD_TYPE, d.type().dbName())
                .set(CUSTOM_FIELD_DEFINITIONS.OPTIONS, options(d.options()))
                .set(CUSTOM_FIELD_DEFINITIONS.IS_REQUIRED, d.required())
                .set(CUSTOM_FIELD_DEFINITIONS.POSITION, d.position())
                .set(CUSTOM_FIELD_DEFINITIONS.CREATED_AT, now)
                .set(CUSTOM_FIELD_DEFINITIONS.UPDATED_AT, now)
                .set(CUSTOM_FIELD_DEFINITIONS.CREATED_BY, userId)
                .execute();
        return id;
    }

    public void update(DSLContext dsl, UUID id, long version, CustomFieldDraft d) {
        SYNC.updateChecked(dsl, id, version, u -> u
                .set(CUSTOM_FIELD_DEFINITIONS.LABEL, d.label())
                .set(CUSTOM_FIELD_DEFINITIONS.OPTIONS, options(d.options()))
                .set(CUSTOM_FIELD_DEFINITIONS.IS_REQUIRED, d.required())
                .set(CUSTOM_FIELD_DEFINITIONS.POSITION, d.position()));
    }

    public void softDelete(DSLContext dsl, UUID id, long version) {
        SYNC.softDelete(dsl, id, version);
    }

    /** Live values of live definitions of one record. */
    public Map<UUID, Object> values(DSLContext dsl, CurrentUser user, String entityType, UUID entityId) {
        Map<UUID, Object> out = new LinkedHashMap<>();
        dsl.select(CUSTOM_FIELD_VALUES.DEFINITION_ID, CUSTOM_FIELD_DEFINITIONS.FIELD_TYPE, CUSTOM_FIELD_VALUES.VALUE_TEXT,
                        CUSTOM_FIELD_VALUES.VALUE_NUMBER, CUSTOM_FIELD_VALUES.VALUE_DATE, CUSTOM_FIELD_VALUES.VALUE_BOOLEAN)
                .from(CUSTOM_FIELD_VALUES)
                .join(CUSTOM_FIELD_DEFINITIONS).on(CUSTOM_FIELD_DEFINITIONS.ID.eq(CUSTOM_FIELD_VALUES.DEFINITION_ID))
                .where(CUSTOM_FIELD_VALUES.ORGANIZATION_ID.eq(user.organizationId())
                        .and(CUSTOM_FIELD_VALUES.ENTITY_ID.eq(entityId))
                        .and(CUSTOM_FIELD_VALUES.DELETED_AT.isNull())
                        .and(CUSTOM_FIELD_DEFINITIONS.ENTITY_TYPE.eq(entityType))
                        .and(CUSTOM_FIELD_DEFINITIONS.DELETED_AT.isNull()))
                .forEach(r -> {
                    Object v = switch (CustomFieldType.fromDb(r.value2())) {
                        case TEXT, CHOICE -> r.value3();
                        case NUMBER -> r.value4() == null ? null : r.value4().stripTrailingZeros();
                        case DATE -> r.value5();
                        case BOOLEAN -> r.value6();
                    };
                    if (v != null) {
                        out.put(r.value1(), v);
                    }
                });
        return out;
    }

    /** Sets (or with null tombstones) one value; a tombstoned row is brought back. */
    public void writeValue(DSLContext dsl, UUID organizationId, CustomFieldDefinition def, UUID entityId, Object value, UUID userId) {
        var now = SyncColumns.now();
        String text = value instanceof String s ? s : null;
        BigDecimal number = value instanceof BigDecimal b ? b : null;
        LocalDate date = value instanceof LocalDate d ? d : null;
        Boolean bool = value instanceof Boolean b ? b : null;
        var existing = dsl.select(CUSTOM_FIELD_VALUES.ID).from(CUSTOM_FIELD_VALUES)
                .where(CUSTOM_FIELD_VALUES.DEFINITION_ID.eq(def.id()).and(CUSTOM_FIELD_VALUES.ENTITY_ID.eq(entityId)))
                .fetchOptional(CUSTOM_FIELD_VALUES.ID);
        if (existing.isPresent()) {
            dsl.update(CUSTOM_FIELD_VALUES)
                    .set(CUSTOM_FIELD_VALUES.VALUE_TEXT, text)
                    .set(CUSTOM_FIELD_VALUES.VALUE_NUMBER, number)
                    .set(CUSTOM_FIELD_VALUES.VALUE_DATE, date)
                    .set(CUSTOM_FIELD_VALUES.VALUE_BOOLEAN, bool)
                    .set(CUSTOM_FIELD_VALUES.DELETED_AT, value == null ? now : null)
                    .set(CUSTOM_FIELD_VALUES.VERSION, CUSTOM_FIELD_VALUES.VERSION.plus(1))
                    .set(CUSTOM_FIELD_VALUES.UPDATED_AT, now)
                    .where(CUSTOM_FIELD_VALUES.ID.eq(existing.get()))
                    .execute();
        } else if (value != null) {
            dsl.insertInto(CUSTOM_FIELD_VALUES)
                    .set(CUSTOM_FIELD_VALUES.ID, Ids.newId())
                    .set(CUSTOM_FIELD_VALUES.ORGANIZATION_ID, organizationId)
                    .set(CUSTOM_FIELD_VALUES.DEFINITION_ID, def.id())
                    .set(CUSTOM_FIELD_VALUES.ENTITY_ID, entityId)
                    .set(CUSTOM_FIELD_VALUES.VALUE_TEXT, text)
                    .set(CUSTOM_FIELD_VALUES.VALUE_NUMBER, number)
                    .set(CUSTOM_FIELD_VALUES.VALUE_DATE, date)
                    .set(CUSTOM_FIELD_VALUES.VALUE_BOOLEAN, bool)
                    .set(CUSTOM_FIELD_VALUES.CREATED_AT, now)
                    .set(CUSTOM_FIELD_VALUES.UPDATED_AT, now)
                    .set(CUSTOM_FIELD_VALUES.CREATED_BY, userId)
                    .execute();
        }
    }

    public void removeValues(DSLContext dsl, Collection<UUID> entityIds, OffsetDateTime at) {
        if (entityIds.isEmpty()) {
            return;
        }
        dsl.update(CUSTOM_FIELD_VALUES)
                .set(CUSTOM_FIELD_VALUES.DELETED_AT, at)
                .set(CUSTOM_FIELD_VALUES.VERSION, CUSTOM_FIELD_VALUES.VERSION.plus(1))
                .set(CUSTOM_FIELD_VALUES.UPDATED_AT, at)
                .where(CUSTOM_FIELD_VALUES.ENTITY_ID.in(entityIds).and(CUSTOM_FIELD_VALUES.DELETED_AT.isNull()))
                .execute();
    }

    private static String options(List<String> options) {
        if (options == null || options.isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(options);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> parseOptions(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return Arrays.asList(JSON.readValue(json, String[].class));
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }

    private static CustomFieldDefinition toDefinition(CustomFieldDefinitionsRecord r) {
        return new CustomFieldDefinition(r.getId(), r.getEntityType(), r.getName(), r.getLabel(),
                CustomFieldType.fromDb(r.getFieldType()), parseOptions(r.getOptions()), r.getIsRequired(), r.getPosition(),
                r.getVersion());
    }
}
