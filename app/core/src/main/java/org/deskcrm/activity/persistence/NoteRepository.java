package org.deskcrm.activity.persistence;

import static org.deskcrm.db.Tables.NOTES;
import static org.deskcrm.db.Tables.USERS;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.deskcrm.activity.Note;
import org.deskcrm.activity.NoteDraft;
import org.deskcrm.db.tables.records.NotesRecord;
import org.deskcrm.platform.persistence.SyncColumns;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.rules.RecordRules;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;

/** Notes; every read applies the notes record rule. */
public final class NoteRepository {
    private static final SyncColumns<NotesRecord> SYNC = new SyncColumns<>(NOTES);

    public Optional<Note> find(DSLContext dsl, CurrentUser user, UUID id) {
        return dsl.select(NOTES.fields()).select(USERS.FULL_NAME).from(NOTES).leftJoin(USERS).on(USERS.ID.eq(NOTES.CREATED_BY))
                .where(NOTES.ID.eq(id).and(RecordRules.notes(user).read()))
                .fetchOptional(NoteRepository::toNote);
    }

    public NotesRecord loadRaw(DSLContext dsl, UUID id) {
        return dsl.fetchOne(NOTES, NOTES.ID.eq(id));
    }

    public boolean writable(DSLContext dsl, CurrentUser user, UUID id) {
        return dsl.fetchExists(NOTES, NOTES.ID.eq(id).and(RecordRules.notes(user).write()));
    }

    /** Notes of a record: pinned first, then newest first. */
    public List<Note> list(DSLContext dsl, CurrentUser user, Condition subject, int limit) {
        return dsl.select(NOTES.fields()).select(USERS.FULL_NAME).from(NOTES).leftJoin(USERS).on(USERS.ID.eq(NOTES.CREATED_BY))
                .where(subject.and(RecordRules.notes(user).read()))
                .orderBy(NOTES.IS_PINNED.desc(), NOTES.CREATED_AT.desc(), NOTES.ID.desc())
                .limit(limit)
                .fetch(NoteRepository::toNote);
    }

    public static Condition ofCompany(UUID id) {
        return NOTES.COMPANY_ID.eq(id);
    }

    public static Condition ofContact(UUID id) {
        return NOTES.CONTACT_ID.eq(id);
    }

    public static Condition ofDeal(UUID id) {
        return NOTES.DEAL_ID.eq(id);
    }

    public static Condition ofLead(UUID id) {
        return NOTES.LEAD_ID.eq(id);
    }

    public void insert(DSLContext dsl, UUID organizationId, UUID id, NoteDraft d, UUID createdBy) {
        var now = SyncColumns.now();
        dsl.insertInto(NOTES)
                .set(NOTES.ID, id)
                .set(NOTES.ORGANIZATION_ID, organizationId)
                .set(NOTES.COMPANY_ID, d.companyId())
                .set(NOTES.CONTACT_ID, d.contactId())
                .set(NOTES.DEAL_ID, d.dealId())
                .set(NOTES.LEAD_ID, d.leadId())
                .set(NOTES.TITLE, d.title())
                .set(NOTES.BODY, d.body())
                .set(NOTES.NOTE_TYPE, d.noteType() == null ? "general" : d.noteType())
                .set(NOTES.IS_PINNED, d.pinned())
                .set(NOTES.CREATED_AT, now)
                .set(NOTES.UPDATED_AT, now)
                .set(NOTES.CREATED_BY, createdBy)
                .execute();
    }

    public void update(DSLContext dsl, UUID id, long version, String title, String body, String noteType, boolean pinned) {
        SYNC.updateChecked(dsl, id, version, u -> u
                .set(NOTES.TITLE, title)
                .set(NOTES.BODY, body)
                .set(NOTES.NOTE_TYPE, noteType)
                .set(NOTES.IS_PINNED, pinned));
    }

    public void softDelete(DSLContext dsl, UUID id, long version) {
        SYNC.softDelete(dsl, id, version);
    }

    private static Note toNote(Record r) {
        return new Note(r.get(NOTES.ID), r.get(NOTES.COMPANY_ID), r.get(NOTES.CONTACT_ID), r.get(NOTES.DEAL_ID),
                r.get(NOTES.LEAD_ID), r.get(NOTES.TITLE), r.get(NOTES.BODY), r.get(NOTES.NOTE_TYPE),
                r.get(NOTES.IS_PINNED), r.get(NOTES.CREATED_BY), r.get(USERS.FULL_NAME), r.get(NOTES.CREATED_AT),
                r.get(NOTES.UPDATED_AT), r.get(NOTES.VERSION));
    }
}
