package org.deskcrm.activity;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.deskcrm.activity.persistence.NoteRepository;
import org.deskcrm.audit.AuditAction;
import org.deskcrm.audit.AuditLog;
import org.deskcrm.platform.id.Ids;
import org.deskcrm.platform.persistence.NotFoundException;
import org.deskcrm.platform.persistence.ValidationException;
import org.deskcrm.security.AccessDeniedException;
import org.deskcrm.security.Action;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.Resource;
import org.deskcrm.security.persistence.RecordAccess;
import org.deskcrm.security.persistence.RecordAccess.Linked;
import org.jooq.DSLContext;

/** Notes on records, pinned ones first (seed 001's pinned notes, 002's note types). */
public final class NoteService {
    private static final Set<String> TYPES = Set.of("general", "call_log", "meeting_summary", "important");
    private static final int MAX_BODY = 100_000;

    private final DSLContext dsl;
    private final NoteRepository notes;
    private final RecordAccess access;
    private final AuditLog audit;

    public NoteService(DSLContext dsl, NoteRepository notes, RecordAccess access, AuditLog audit) {
        this.dsl = dsl;
        this.notes = notes;
        this.access = access;
        this.audit = audit;
    }

    public Note add(CurrentUser user, NoteDraft draft) {
        user.require(Resource.NOTES, Action.CREATE);
        validate(draft.body(), draft.noteType());
        if (draft.companyId() == null && draft.contactId() == null && draft.dealId() == null && draft.leadId() == null) {
            throw new ValidationException("", "A note belongs to a company, contact, deal or lead.");
        }
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            access.requireReadable(tx, user, Linked.COMPANY, draft.companyId());
            access.requireReadable(tx, user, Linked.CONTACT, draft.contactId());
            access.requireReadable(tx, user, Linked.DEAL, draft.dealId());
            access.requireReadable(tx, user, Linked.LEAD, draft.leadId());
            UUID id = Ids.newId();
            notes.insert(tx, user.organizationId(), id, draft, user.userId());
            audit.record(tx, user, "notes", id, AuditAction.INSERT, null, notes.loadRaw(tx, id));
            return notes.find(tx, user, id).orElseThrow();
        });
    }

    public Note update(CurrentUser user, UUID id, long version, String title, String body, String noteType, boolean pinned) {
        user.require(Resource.NOTES, Action.UPDATE);
        validate(body, noteType);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            requireWritable(tx, user, id);
            var before = notes.loadRaw(tx, id);
            notes.update(tx, id, version, title, body, noteType == null ? "general" : noteType, pinned);
            audit.record(tx, user, "notes", id, AuditAction.UPDATE, before, notes.loadRaw(tx, id));
            return notes.find(tx, user, id).orElseThrow();
        });
    }

    public Note setPinned(CurrentUser user, Note note, boolean pinned) {
        return update(user, note.id(), note.version(), note.title(), note.body(), note.noteType(), pinned);
    }

    public void delete(CurrentUser user, UUID id, long version) {
        user.require(Resource.NOTES, Action.DELETE);
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            requireWritable(tx, user, id);
            var before = notes.loadRaw(tx, id);
            notes.softDelete(tx, id, version);
            audit.record(tx, user, "notes", id, AuditAction.DELETE, before, null);
        });
    }

    public List<Note> forCompany(CurrentUser user, UUID companyId, int limit) {
        return notes.list(dsl, user, NoteRepository.ofCompany(companyId), limit);
    }

    public List<Note> forContact(CurrentUser user, UUID contactId, int limit) {
        return notes.list(dsl, user, NoteRepository.ofContact(contactId), limit);
    }

    public List<Note> forDeal(CurrentUser user, UUID dealId, int limit) {
        return notes.list(dsl, user, NoteRepository.ofDeal(dealId), limit);
    }

    public List<Note> forLead(CurrentUser user, UUID leadId, int limit) {
        return notes.list(dsl, user, NoteRepository.ofLead(leadId), limit);
    }

    private void requireWritable(DSLContext tx, CurrentUser user, UUID id) {
        if (!notes.writable(tx, user, id)) {
            if (notes.find(tx, user, id).isPresent()) {
                throw new AccessDeniedException("You may not change this note.");
            }
            throw new NotFoundException("This note does not exist or you may not see it.");
        }
    }

    private static void validate(String body, String noteType) {
        if (body == null || body.isBlank()) {
            throw new ValidationException("body", "The note is empty.");
        }
        if (body.length() > MAX_BODY) {
            throw new ValidationException("body", "A note may have at most " + MAX_BODY + " characters.");
        }
        if (noteType != null && !TYPES.contains(noteType)) {
            throw new ValidationException("noteType", "Unknown note type " + noteType);
        }
    }
}
