package org.deskcrm.customfield;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.deskcrm.audit.AuditAction;
import org.deskcrm.audit.AuditLog;
import org.deskcrm.customfield.persistence.CustomFieldRepository;
import org.deskcrm.platform.persistence.NotFoundException;
import org.deskcrm.platform.persistence.ValidationException;
import org.deskcrm.security.Action;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.Resource;
import org.jooq.DSLContext;

/**
 * Defining custom fields (custom_fields:create/update/delete, normally admins) and reading,
 * validating and writing their values. Values are written by the record's own service inside its
 * transaction ({@link #writeValues}), after it checked that the user may change the record.
 */
public final class CustomFieldService {
    /** Entities whose screens show custom fields. */
    public static final Set<String> ENTITIES = Set.of("company", "contact", "lead");

    private final DSLContext dsl;
    private final CustomFieldRepository fields;
    private final AuditLog audit;

    public CustomFieldService(DSLContext dsl, CustomFieldRepository fields, AuditLog audit) {
        this.dsl = dsl;
        this.fields = fields;
        this.audit = audit;
    }

    /** The entity's fields in display order; empty for users without custom_fields:read. */
    public List<CustomFieldDefinition> definitions(CurrentUser user, String entityType) {
        return fields.definitions(dsl, user, entityType);
    }

    public List<CustomFieldDefinition> definitions(DSLContext tx, CurrentUser user, String entityType) {
        return fields.definitions(tx, user, entityType);
    }

    public boolean canManage(CurrentUser user) {
        return user.can(Resource.CUSTOM_FIELDS, Action.UPDATE) && user.can(Resource.CUSTOM_FIELDS, Action.CREATE);
    }

    public CustomFieldDefinition define(CurrentUser user, CustomFieldDraft draft) {
        user.require(Resource.CUSTOM_FIELDS, Action.CREATE);
        CustomFieldDraft d = validate(draft);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            if (fields.liveNameTaken(tx, user.organizationId(), d.entityType(), d.name(), null)) {
                throw new ValidationException("name", "This entity already has a field named " + d.name() + ".");
            }
            UUID id = fields.insertOrRestore(tx, user.organizationId(), d, user.userId());
            audit.record(tx, user, "custom_field_definitions", id, AuditAction.INSERT, null, fields.loadRaw(tx, id));
            return fields.find(tx, user, id).orElseThrow();
        });
    }

    /** Changes label, options, required flag and position; the type and key stay (values depend on them). */
    public CustomFieldDefinition update(CurrentUser user, UUID id, long version, CustomFieldDraft draft) {
        user.require(Resource.CUSTOM_FIELDS, Action.UPDATE);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            var existing = fields.find(tx, user, id)
                    .orElseThrow(() -> new NotFoundException("This custom field does not exist any more."));
            CustomFieldDraft d = validate(new CustomFieldDraft(existing.entityType(), existing.name(), draft.label(),
                    existing.type(), draft.options(), draft.required(), draft.position()));
            var before = fields.loadRaw(tx, id);
            fields.update(tx, id, version, d);
            audit.record(tx, user, "custom_field_definitions", id, AuditAction.UPDATE, before, fields.loadRaw(tx, id));
            return fields.find(tx, user, id).orElseThrow();
        });
    }

    public void delete(CurrentUser user, UUID id, long version) {
        user.require(Resource.CUSTOM_FIELDS, Action.DELETE);
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            fields.find(tx, user, id).orElseThrow(() -> new NotFoundException("This custom field does not exist any more."));
            var before = fields.loadRaw(tx, id);
            fields.softDelete(tx, id, version);
            audit.record(tx, user, "custom_field_definitions", id, AuditAction.DELETE, before, null);
        });
    }

    /** The record's values by definition id (only fields still defined). */
    public Map<UUID, Object> values(DSLContext dsl, CurrentUser user, String entityType, UUID entityId) {
        return fields.values(dsl, user, entityType, entityId);
    }

    /**
     * Checks values against the definitions: types, choices, required fields. Errors are keyed
     * {@code cf:<definition id>} like the form fields.
     */
    public static Map<String, String> check(List<CustomFieldDefinition> defs, Map<UUID, Object> values) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (CustomFieldDefinition def : defs) {
            Object v = values.get(def.id());
            if (v instanceof String s && s.isBlank()) {
                v = null;
            }
            if (v == null) {
                if (def.required()) {
                    errors.put(def.key(), def.label() + " is required.");
                }
                continue;
            }
            String problem = switch (def.type()) {
                case TEXT -> v instanceof String s && s.length() > 10_000 ? def.label() + " is too long." : v instanceof String ? null : def.label() + " must be text.";
                case NUMBER -> v instanceof BigDecimal ? null : def.label() + " must be a number.";
                case DATE -> v instanceof LocalDate ? null : def.label() + " must be a date.";
                case BOOLEAN -> v instanceof Boolean ? null : def.label() + " must be yes or no.";
                case CHOICE -> v instanceof String s && def.options().contains(s) ? null
                        : def.label() + " must be one of: " + String.join(", ", def.options()) + ".";
            };
            if (problem != null) {
                errors.put(def.key(), problem);
            }
        }
        return errors;
    }

    /** Writes the values of a record in the caller's transaction; a null value removes it. Returns the old values. */
    public Map<UUID, Object> writeValues(DSLContext tx, CurrentUser user, String entityType, UUID entityId,
            List<CustomFieldDefinition> defs, Map<UUID, Object> values) {
        Map<UUID, Object> before = fields.values(tx, user, entityType, entityId);
        for (CustomFieldDefinition def : defs) {
            if (!values.containsKey(def.id())) {
                continue;
            }
            Object v = values.get(def.id());
            if (v instanceof String s) {
                v = s.isBlank() ? null : s.strip();
            }
            if (!java.util.Objects.equals(before.get(def.id()), v)) {
                fields.writeValue(tx, user.organizationId(), def, entityId, v, user.userId());
            }
        }
        return before;
    }

    /** Tombstones the values of deleted records. */
    public void removeValues(DSLContext tx, java.util.Collection<UUID> entityIds, java.time.OffsetDateTime at) {
        fields.removeValues(tx, entityIds, at);
    }

    private static CustomFieldDraft validate(CustomFieldDraft d) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (d.entityType() == null || !ENTITIES.contains(d.entityType())) {
            errors.put("entityType", "Custom fields can be added to companies, contacts and leads.");
        }
        String label = d.label() == null ? "" : d.label().strip();
        if (label.isEmpty()) {
            errors.put("label", "Enter the label people will see.");
        } else if (label.length() > 200) {
            errors.put("label", "The label may have at most 200 characters.");
        }
        String name = d.name() == null || d.name().isBlank() ? keyOf(label) : d.name().strip();
        if (!name.matches("[a-z][a-z0-9_]{0,99}")) {
            errors.put("name", "The key must start with a letter and use only a-z, 0-9 and _.");
        }
        if (d.type() == null) {
            errors.put("type", "Choose the kind of field.");
        }
        List<String> options = new ArrayList<>(new LinkedHashSet<>(d.options().stream().map(String::strip)
                .filter(s -> !s.isEmpty()).toList()));
        if (d.type() == CustomFieldType.CHOICE && options.isEmpty()) {
            errors.put("options", "A choice field needs at least one option.");
        }
        if (d.type() != CustomFieldType.CHOICE) {
            options = List.of();
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new CustomFieldDraft(d.entityType(), name, label, d.type(), options, d.required(), d.position());
    }

    /** "Contract renewal date" -> "contract_renewal_date". */
    public static String keyOf(String label) {
        String s = org.deskcrm.platform.text.Normalize.key(label == null ? "" : label);
        if (s == null) {
            return "";
        }
        s = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (s.isEmpty() || !Character.isLetter(s.charAt(0))) {
            s = "field_" + s;
        }
        return s.length() > 100 ? s.substring(0, 100) : s;
    }
}
