package org.deskcrm.tag;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.deskcrm.audit.AuditAction;
import org.deskcrm.audit.AuditLog;
import org.deskcrm.platform.persistence.NotFoundException;
import org.deskcrm.platform.persistence.ValidationException;
import org.deskcrm.security.AccessDeniedException;
import org.deskcrm.security.Action;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.Resource;
import org.deskcrm.tag.persistence.TagRepository;
import org.jooq.DSLContext;

/**
 * The tag catalog: everyone who may read tags sees all of them; anyone with tags:create adds new
 * ones (a sales rep tagging a contact "trade show 2026"); renaming, recolouring and deleting
 * follow the tags record rule. Putting a tag on a record is an edit of that record and is done
 * by the record's service.
 */
public final class TagService {
    public static final Pattern COLOR = Pattern.compile("^#[0-9A-Fa-f]{6}$");
    /** The palette offered for new tags. */
    public static final List<String> PALETTE = List.of("#3B82F6", "#10B981", "#F59E0B", "#EF4444", "#8B5CF6",
            "#EC4899", "#14B8A6", "#6366F1", "#84CC16", "#64748B");

    private final DSLContext dsl;
    private final TagRepository tags;
    private final AuditLog audit;

    public TagService(DSLContext dsl, TagRepository tags, AuditLog audit) {
        this.dsl = dsl;
        this.tags = tags;
        this.audit = audit;
    }

    public List<Tag> list(CurrentUser user) {
        return tags.list(dsl, user);
    }

    /** Creates a tag, or brings back a deleted one of the same name (its id stays stable for sync). */
    public Tag create(CurrentUser user, String name, String color) {
        user.require(Resource.TAGS, Action.CREATE);
        String clean = validate(name, color);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            if (tags.findLiveByName(tx, user, clean).isPresent()) {
                throw new ValidationException("name", "A tag named \"" + clean + "\" already exists.");
            }
            UUID id = tags.insertOrRestore(tx, user.organizationId(), clean, color, user.userId());
            audit.record(tx, user, "tags", id, AuditAction.INSERT, null, tags.loadRaw(tx, id));
            return tags.find(tx, user, id).orElseThrow();
        });
    }

    public Tag update(CurrentUser user, UUID id, long version, String name, String color) {
        user.require(Resource.TAGS, Action.UPDATE);
        String clean = validate(name, color);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            requireWritable(tx, user, id);
            var other = tags.findLiveByName(tx, user, clean);
            if (other.isPresent() && !other.get().equals(id)) {
                throw new ValidationException("name", "A tag named \"" + clean + "\" already exists.");
            }
            var before = tags.loadRaw(tx, id);
            tags.update(tx, id, version, clean, color);
            audit.record(tx, user, "tags", id, AuditAction.UPDATE, before, tags.loadRaw(tx, id));
            return tags.find(tx, user, id).orElseThrow();
        });
    }

    /** Deletes a tag and takes it off every record. */
    public void delete(CurrentUser user, UUID id, long version) {
        user.require(Resource.TAGS, Action.DELETE);
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            requireWritable(tx, user, id);
            var before = tags.loadRaw(tx, id);
            int removed = tags.softDelete(tx, id, version);
            audit.record(tx, user.organizationId(), user.userId(), "tags", id, AuditAction.DELETE,
                    Map.of("name", before.getName(), "color", before.getColor(), "assignments", removed), null);
        });
    }

    private void requireWritable(DSLContext tx, CurrentUser user, UUID id) {
        if (!tags.writable(tx, user, id)) {
            if (tags.find(tx, user, id).isPresent()) {
                throw new AccessDeniedException("You may not change this tag.");
            }
            throw new NotFoundException("This tag does not exist or you may not see it.");
        }
    }

    private static String validate(String name, String color) {
        String clean = name == null ? "" : name.strip().replaceAll("\\s+", " ");
        if (clean.isEmpty()) {
            throw new ValidationException("name", "Enter a name for the tag.");
        }
        if (clean.length() > 100) {
            throw new ValidationException("name", "A tag name may have at most 100 characters.");
        }
        if (color == null || !COLOR.matcher(color).matches()) {
            throw new ValidationException("color", "Choose a colour like #3B82F6.");
        }
        return clean;
    }
}
