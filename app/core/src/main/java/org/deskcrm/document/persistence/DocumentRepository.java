package org.deskcrm.document.persistence;

import static org.deskcrm.db.Tables.CONTACTS;
import static org.deskcrm.db.Tables.DEALS;
import static org.deskcrm.db.Tables.DOCUMENTS;
import static org.deskcrm.db.Tables.SETTINGS;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.deskcrm.db.tables.Users;
import org.deskcrm.db.tables.records.DocumentsRecord;
import org.deskcrm.document.Document;
import org.deskcrm.document.DocumentEntity;
import org.deskcrm.document.DocumentType;
import org.deskcrm.platform.persistence.SyncColumns;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.rules.RecordRules;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;

/** Document rows; every read applies the documents record rule. */
public final class DocumentRepository {
    private static final SyncColumns<DocumentsRecord> SYNC = new SyncColumns<>(DOCUMENTS);
    private static final Users UPLOADER = org.deskcrm.db.Tables.USERS.as("uploader");
    private static final Users SIGNER = org.deskcrm.db.Tables.USERS.as("signer");

    /** A new revision to insert. */
    public record NewDocument(UUID id, DocumentEntity entityType, UUID entityId, UUID companyId, String fileName,
            String contentHash, long sizeBytes, String mimeType, DocumentType documentType, String description,
            int docVersion, UUID previousVersionId) {}

    /** Every live revision attached to the record that the user may see, newest revision first per name. */
    public List<Document> forEntity(DSLContext dsl, CurrentUser user, DocumentEntity type, UUID entityId) {
        List<Document> all = select(dsl)
                .where(DOCUMENTS.ORGANIZATION_ID.eq(user.organizationId()).and(DOCUMENTS.ENTITY_TYPE.eq(type.dbName()))
                        .and(DOCUMENTS.ENTITY_ID.eq(entityId)).and(RecordRules.documents(user).read()))
                .orderBy(DOCUMENTS.FILE_NAME, DOCUMENTS.DOC_VERSION.desc(), DOCUMENTS.ID)
                .fetch(DocumentRepository::toDocument);
        Set<UUID> replaced = new HashSet<>();
        all.forEach(d -> {
            if (d.previousVersionId() != null) {
                replaced.add(d.previousVersionId());
            }
        });
        List<Document> out = new ArrayList<>(all.size());
        all.forEach(d -> out.add(d.asLatest(!replaced.contains(d.id()))));
        return out;
    }

    public Optional<Document> find(DSLContext dsl, CurrentUser user, UUID id) {
        return select(dsl).where(DOCUMENTS.ID.eq(id).and(RecordRules.documents(user).read()))
                .fetchOptional(DocumentRepository::toDocument);
    }

    /** The newest live revision with this file name on the record (any uploader: names are per record). */
    public Optional<DocumentsRecord> latestNamed(DSLContext dsl, UUID organizationId, DocumentEntity type, UUID entityId,
            String fileName) {
        return dsl.selectFrom(DOCUMENTS)
                .where(DOCUMENTS.ORGANIZATION_ID.eq(organizationId).and(DOCUMENTS.ENTITY_TYPE.eq(type.dbName()))
                        .and(DOCUMENTS.ENTITY_ID.eq(entityId)).and(DOCUMENTS.FILE_NAME.eq(fileName))
                        .and(DOCUMENTS.DELETED_AT.isNull()))
                .orderBy(DOCUMENTS.DOC_VERSION.desc())
                .limit(1)
                .fetchOptional();
    }

    /** True when a newer live revision replaces this one. */
    public boolean isReplaced(DSLContext dsl, UUID id) {
        return dsl.fetchExists(DOCUMENTS, DOCUMENTS.PREVIOUS_VERSION_ID.eq(id).and(DOCUMENTS.DELETED_AT.isNull()));
    }

    public DocumentsRecord loadRaw(DSLContext dsl, UUID id) {
        return dsl.fetchOne(DOCUMENTS, DOCUMENTS.ID.eq(id));
    }

    public boolean writable(DSLContext dsl, CurrentUser user, UUID id) {
        return dsl.fetchExists(DOCUMENTS, DOCUMENTS.ID.eq(id).and(RecordRules.documents(user).write()));
    }

    /** The ids of a revision and all the revisions before it (live ones). */
    public List<UUID> chain(DSLContext dsl, UUID id) {
        List<UUID> ids = new ArrayList<>();
        UUID current = id;
        while (current != null && ids.size() < 10_000) {
            DocumentsRecord r = dsl.fetchOne(DOCUMENTS, DOCUMENTS.ID.eq(current));
            if (r == null) {
                break;
            }
            if (r.getDeletedAt() == null) {
                ids.add(r.getId());
            }
            current = r.getPreviousVersionId();
        }
        return ids;
    }

    /** The company a document on this record belongs to (so the company lists its contacts' and deals' documents). */
    public UUID companyOf(DSLContext dsl, DocumentEntity type, UUID entityId) {
        return switch (type) {
            case COMPANY -> entityId;
            case CONTACT -> dsl.select(CONTACTS.COMPANY_ID).from(CONTACTS).where(CONTACTS.ID.eq(entityId)).fetchOne(CONTACTS.COMPANY_ID);
            case DEAL -> dsl.select(DEALS.COMPANY_ID).from(DEALS).where(DEALS.ID.eq(entityId)).fetchOne(DEALS.COMPANY_ID);
        };
    }

    /** The organization's upload limit in MB (setting {@code documents.max_upload_mb}), if set. */
    public Optional<Integer> maxUploadMb(DSLContext dsl, UUID organizationId) {
        return dsl.select(SETTINGS.SETTING_VALUE).from(SETTINGS)
                .where(SETTINGS.ORGANIZATION_ID.eq(organizationId).and(SETTINGS.USER_ID.isNull())
                        .and(SETTINGS.SETTING_KEY.eq("documents.max_upload_mb")).and(SETTINGS.DELETED_AT.isNull()))
                .fetchOptional(SETTINGS.SETTING_VALUE)
                .flatMap(v -> {
                    try {
                        int mb = Integer.parseInt(v.strip());
                        return mb > 0 ? Optional.of(mb) : Optional.empty();
                    } catch (NumberFormatException e) {
                        return Optional.empty();
                    }
                });
    }

    public void insert(DSLContext dsl, UUID organizationId, NewDocument d, UUID userId) {
        OffsetDateTime now = SyncColumns.now();
        dsl.insertInto(DOCUMENTS)
                .set(DOCUMENTS.ID, d.id())
                .set(DOCUMENTS.ORGANIZATION_ID, organizationId)
                .set(DOCUMENTS.ENTITY_TYPE, d.entityType().dbName())
                .set(DOCUMENTS.ENTITY_ID, d.entityId())
                .set(DOCUMENTS.COMPANY_ID, d.companyId())
                .set(DOCUMENTS.FILE_NAME, d.fileName())
                .set(DOCUMENTS.CONTENT_HASH, d.contentHash())
                .set(DOCUMENTS.SIZE_BYTES, d.sizeBytes())
                .set(DOCUMENTS.MIME_TYPE, d.mimeType())
                .set(DOCUMENTS.DOCUMENT_TYPE, d.documentType().dbName())
                .set(DOCUMENTS.DESCRIPTION, d.description())
                .set(DOCUMENTS.DOC_VERSION, d.docVersion())
                .set(DOCUMENTS.PREVIOUS_VERSION_ID, d.previousVersionId())
                .set(DOCUMENTS.UPLOADED_BY, userId)
                .set(DOCUMENTS.CREATED_AT, now)
                .set(DOCUMENTS.UPDATED_AT, now)
                .set(DOCUMENTS.CREATED_BY, userId)
                .execute();
    }

    public void setSigned(DSLContext dsl, UUID id, long version, boolean signed, UUID userId) {
        SYNC.updateChecked(dsl, id, version, u -> u
                .set(DOCUMENTS.IS_SIGNED, signed)
                .set(DOCUMENTS.SIGNED_AT, signed ? SyncColumns.now() : null)
                .set(DOCUMENTS.SIGNED_BY, signed ? userId : null));
    }

    public void updateDetails(DSLContext dsl, UUID id, long version, DocumentType type, String description) {
        SYNC.updateChecked(dsl, id, version, u -> u
                .set(DOCUMENTS.DOCUMENT_TYPE, type.dbName())
                .set(DOCUMENTS.DESCRIPTION, description));
    }

    public void softDelete(DSLContext dsl, UUID id, long version) {
        SYNC.softDelete(dsl, id, version);
    }

    private static SelectOnConditionStep<Record> select(DSLContext dsl) {
        return dsl.select(DOCUMENTS.fields()).select(UPLOADER.FULL_NAME, SIGNER.FULL_NAME)
                .from(DOCUMENTS)
                .leftJoin(UPLOADER).on(UPLOADER.ID.eq(DOCUMENTS.UPLOADED_BY))
                .leftJoin(SIGNER).on(SIGNER.ID.eq(DOCUMENTS.SIGNED_BY));
    }

    private static Document toDocument(Record r) {
        return new Document(r.get(DOCUMENTS.ID), DocumentEntity.fromDb(r.get(DOCUMENTS.ENTITY_TYPE)), r.get(DOCUMENTS.ENTITY_ID),
                r.get(DOCUMENTS.COMPANY_ID), r.get(DOCUMENTS.FILE_NAME), r.get(DOCUMENTS.CONTENT_HASH),
                r.get(DOCUMENTS.SIZE_BYTES), r.get(DOCUMENTS.MIME_TYPE), DocumentType.fromDb(r.get(DOCUMENTS.DOCUMENT_TYPE)),
                r.get(DOCUMENTS.DESCRIPTION), r.get(DOCUMENTS.DOC_VERSION), r.get(DOCUMENTS.PREVIOUS_VERSION_ID),
                Boolean.TRUE.equals(r.get(DOCUMENTS.IS_SIGNED)), r.get(DOCUMENTS.SIGNED_AT), r.get(SIGNER.FULL_NAME),
                r.get(DOCUMENTS.UPLOADED_BY), r.get(UPLOADER.FULL_NAME), r.get(DOCUMENTS.CREATED_AT), r.get(DOCUMENTS.VERSION),
                true);
    }
}
