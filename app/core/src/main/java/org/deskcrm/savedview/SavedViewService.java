package org.deskcrm.savedview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.deskcrm.audit.AuditAction;
import org.deskcrm.audit.AuditLog;
import org.deskcrm.platform.persistence.NotFoundException;
import org.deskcrm.platform.persistence.ValidationException;
import org.deskcrm.savedview.persistence.SavedViewRepository;
import org.deskcrm.security.CurrentUser;
import org.jooq.DSLContext;

/**
 * A user's saved views of a list. Saving under an existing name replaces that view; one view per
 * list can be the default the list opens with. Views are personal preferences: any signed-in
 * user may keep their own, and only their owner changes them.
 */
public final class SavedViewService {
    public static final Set<String> ENTITIES = Set.of("companies", "contacts", "leads");

    private final DSLContext dsl;
    private final SavedViewRepository views;
    private final AuditLog audit;
    private final ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public SavedViewService(DSLContext dsl, SavedViewRepository views, AuditLog audit) {
        this.dsl = dsl;
        this.views = views;
        this.audit = audit;
    }

    public List<SavedView> list(CurrentUser user, String entity) {
        return views.list(dsl, user, entity).stream()
                .map(r -> new SavedView(r.id(), r.entity(), r.name(), parse(r.definition()), r.isDefault(),
                        r.userId().equals(user.userId()), r.version()))
                .toList();
    }

    public SavedView save(CurrentUser user, String entity, String name, ViewDefinition definition) {
        if (!ENTITIES.contains(entity)) {
            throw new ValidationException("entity", "Views can be saved for companies, contacts and leads.");
        }
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            throw new ValidationException("name", "Give the view a name.");
        }
        if (clean.length() > 200) {
            throw new ValidationException("name", "A view name may have at most 200 characters.");
        }
        String text = write(definition);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            var before = views.loadByName(tx, user, entity, clean);
            UUID id = views.upsert(tx, user, entity, clean, text);
            audit.record(tx, user, "saved_views", id, before == null || before.getDeletedAt() != null ? AuditAction.INSERT
                    : AuditAction.UPDATE, before, views.loadRaw(tx, id));
            return list(tx, user, entity, id);
        });
    }

    /** Makes the view the one its list opens with (or, with {@code isDefault = false}, none). */
    public void setDefault(CurrentUser user, UUID id, boolean isDefault) {
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            var before = requireOwn(tx, user, id);
            views.setDefault(tx, user, before.getEntity(), id, isDefault);
            audit.record(tx, user, "saved_views", id, AuditAction.UPDATE, before, views.loadRaw(tx, id));
        });
    }

    public void delete(CurrentUser user, UUID id, long version) {
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            var before = requireOwn(tx, user, id);
            views.softDelete(tx, id, version);
            audit.record(tx, user, "saved_views", id, AuditAction.DELETE, before, null);
        });
    }

    private org.deskcrm.db.tables.records.SavedViewsRecord requireOwn(DSLContext tx, CurrentUser user, UUID id) {
        if (!views.writable(tx, user, id)) {
            throw new NotFoundException("This view does not exist or is not yours.");
        }
        return views.loadRaw(tx, id);
    }

    private SavedView list(DSLContext tx, CurrentUser user, String entity, UUID id) {
        return views.list(tx, user, entity).stream().filter(r -> r.id().equals(id)).findFirst()
                .map(r -> new SavedView(r.id(), r.entity(), r.name(), parse(r.definition()), r.isDefault(), true, r.version()))
                .orElseThrow();
    }

    ViewDefinition parse(String text) {
        try {
            return json.readValue(text, ViewDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A saved view could not be read: " + e.getOriginalMessage(), e);
        }
    }

    String write(ViewDefinition definition) {
        try {
            return json.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
