package org.deskcrm.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.deskcrm.audit.AuditAction;
import org.deskcrm.audit.AuditLog;
import org.deskcrm.db.tables.records.DocumentsRecord;
import org.deskcrm.document.persistence.DocumentRepository;
import org.deskcrm.document.persistence.DocumentRepository.NewDocument;
import org.deskcrm.platform.id.Ids;
import org.deskcrm.platform.persistence.NotFoundException;
import org.deskcrm.platform.persistence.ValidationException;
import org.deskcrm.platform.task.ProgressSink;
import org.deskcrm.security.AccessDeniedException;
import org.deskcrm.security.Action;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.Resource;
import org.deskcrm.security.persistence.RecordAccess;
import org.jooq.DSLContext;

/**
 * Files attached to companies, contacts and deals (seed 002 documents: type, revision, signature).
 * The bytes live in the {@link DocumentStore} (content-addressed, written once); a row per
 * revision says which record, which bytes, what type and who uploaded or signed it. Attaching a
 * file whose name the record already has makes a new revision of that document.
 *
 * <p>Limits: files up to {@code documents.max_upload_mb} (organization setting) or the app's
 * default (50 MB). The bytes are stored before the row is written; if the transaction then fails
 * the blob stays, unused and harmless (identical bytes will reuse it).
 */
public final class DocumentService {
    public static final long DEFAULT_MAX_BYTES = 50L * 1024 * 1024;
    private static final int MAX_NAME = 255;

    private final DSLContext dsl;
    private final DocumentRepository repo;
    private final DocumentStore store;
    private final RecordAccess access;
    private final AuditLog audit;
    private final long defaultMaxBytes;

    public DocumentService(DSLContext dsl, DocumentRepository repo, DocumentStore store, RecordAccess access, AuditLog audit,
            long defaultMaxBytes) {
        this.dsl = dsl;
        this.repo = repo;
        this.store = store;
        this.access = access;
        this.audit = audit;
        this.defaultMaxBytes = defaultMaxBytes;
    }

    /** Live documents of a record the user may see; each revision, with {@link Document#latest()} marking the newest. */
    public List<Document> list(CurrentUser user, DocumentEntity type, UUID entityId) {
        return repo.forEntity(dsl, user, type, entityId);
    }

    public Document get(CurrentUser user, UUID id) {
        return repo.find(dsl, user, id).orElseThrow(DocumentService::notFound);
    }

    /** The largest file this organization accepts, in bytes. */
    public long maxBytes(CurrentUser user) {
        return repo.maxUploadMb(dsl, user.organizationId()).map(mb -> mb * 1024L * 1024L).orElse(defaultMaxBytes);
    }

    /** Attaches a file from disk; a file with a name the record already has becomes its next revision. */
    public Document attach(CurrentUser user, DocumentEntity type, UUID entityId, Path file, DocumentType documentType,
            String description, ProgressSink progress) {
        String name = fileName(file);
        try (InputStream in = Files.newInputStream(file)) {
            return attach(user, type, entityId, name, in, Files.size(file), documentType, description, progress);
        } catch (IOException e) {
            throw new ValidationException("file", "The file " + name + " could not be read: " + e.getMessage());
        }
    }

    public Document attach(CurrentUser user, DocumentEntity type, UUID entityId, String fileName, InputStream bytes,
            long expectedSize, DocumentType documentType, String description, ProgressSink progress) {
        user.require(Resource.DOCUMENTS, Action.CREATE);
        validateName(fileName);
        access.requireReadable(dsl, user, type.linked(), entityId);
        DocumentStore.Blob blob = store(user, bytes, expectedSize, progress);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            access.requireReadable(tx, user, type.linked(), entityId);
            Optional<DocumentsRecord> previous = repo.latestNamed(tx, user.organizationId(), type, entityId, fileName);
            return insertRevision(tx, user, type, entityId, fileName, blob, previous.orElse(null),
                    documentType, description);
        });
    }

    /** Uploads a new revision of a document (the file may have another name). */
    public Document newVersion(CurrentUser user, UUID documentId, Path file, ProgressSink progress) {
        user.require(Resource.DOCUMENTS, Action.CREATE);
        String name = fileName(file);
        validateName(name);
        Document current = get(user, documentId);
        DocumentStore.Blob blob;
        try (InputStream in = Files.newInputStream(file)) {
            blob = store(user, in, Files.size(file), progress);
        } catch (IOException e) {
            throw new ValidationException("file", "The file " + name + " could not be read: " + e.getMessage());
        }
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            if (repo.find(tx, user, documentId).isEmpty()) {
                throw notFound();
            }
            if (repo.isReplaced(tx, documentId)) {
                throw new ValidationException("", "A newer revision of this document exists; add the new version to that one.");
            }
            access.requireReadable(tx, user, current.entityType().linked(), current.entityId());
            return insertRevision(tx, user, current.entityType(), current.entityId(), name, blob, repo.loadRaw(tx, documentId),
                    null, null);
        });
    }

    private Document insertRevision(DSLContext tx, CurrentUser user, DocumentEntity type, UUID entityId, String fileName,
            DocumentStore.Blob blob, DocumentsRecord previous, DocumentType documentType, String description) {
        UUID id = Ids.newId();
        DocumentType docType = documentType != null ? documentType
                : previous != null ? DocumentType.fromDb(previous.getDocumentType()) : DocumentType.OTHER;
        String desc = description != null && !description.isBlank() ? description.strip()
                : previous != null ? previous.getDescription() : null;
        repo.insert(tx, user.organizationId(), new NewDocument(id, type, entityId, repo.companyOf(tx, type, entityId), fileName,
                blob.sha256(), blob.size(), MimeTypes.detect(fileName, blob.head()), docType, desc,
                previous == null ? 1 : previous.getDocVersion() + 1, previous == null ? null : previous.getId()), user.userId());
        audit.record(tx, user, "documents", id, AuditAction.INSERT, null, repo.loadRaw(tx, id));
        return repo.find(tx, user, id).orElseThrow();
    }

    public Document setSigned(CurrentUser user, UUID id, long version, boolean signed) {
        user.require(Resource.DOCUMENTS, Action.UPDATE);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            requireWritable(tx, user, id);
            var before = repo.loadRaw(tx, id);
            repo.setSigned(tx, id, version, signed, user.userId());
            audit.record(tx, user, "documents", id, AuditAction.UPDATE, before, repo.loadRaw(tx, id));
            return repo.find(tx, user, id).orElseThrow();
        });
    }

    public Document updateDetails(CurrentUser user, UUID id, long version, DocumentType type, String description) {
        user.require(Resource.DOCUMENTS, Action.UPDATE);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            requireWritable(tx, user, id);
            var before = repo.loadRaw(tx, id);
            repo.updateDetails(tx, id, version, type == null ? DocumentType.OTHER : type,
                    description == null || description.isBlank() ? null : description.strip());
            audit.record(tx, user, "documents", id, AuditAction.UPDATE, before, repo.loadRaw(tx, id));
            return repo.find(tx, user, id).orElseThrow();
        });
    }

    /** Deletes a document: this revision and the ones before it (tombstones; the bytes stay for restore and sync). */
    public void delete(CurrentUser user, UUID id, long version) {
        user.require(Resource.DOCUMENTS, Action.DELETE);
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            requireWritable(tx, user, id);
            for (UUID rev : repo.chain(tx, id)) {
                var before = repo.loadRaw(tx, rev);
                repo.softDelete(tx, rev, rev.equals(id) ? version : before.getVersion());
                audit.record(tx, user, "documents", rev, AuditAction.DELETE, before, null);
            }
        });
    }

    /** A private copy of the file in a new temporary folder, under its own name, for opening with the desktop. */
    public Path copyToTemp(CurrentUser user, UUID id) {
        Document d = get(user, id);
        try {
            Path dir = Files.createTempDirectory("deskcrm-doc-");
            Path target = dir.resolve(safeName(d.fileName()));
            copyBlob(d, target);
            target.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("The document could not be copied: " + e.getMessage(), e);
        }
    }

    /** Saves the file where the user chose. */
    public void saveAs(CurrentUser user, UUID id, Path target) {
        Document d = get(user, id);
        copyBlob(d, target);
    }

    private void copyBlob(Document d, Path target) {
        if (!store.contains(d.contentHash())) {
            throw new NotFoundException("The file of \"" + d.fileName() + "\" is not in this computer's data folder"
                    + " (it was attached on another computer).");
        }
        Path tmp = target.resolveSibling(target.getFileName() + ".part");
        try (InputStream in = store.open(d.contentHash())) {
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // leftover part file
            }
            throw new UncheckedIOException("The document could not be saved to " + target.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private DocumentStore.Blob store(CurrentUser user, InputStream bytes, long expectedSize, ProgressSink progress) {
        long max = maxBytes(user);
        if (expectedSize > max) {
            throw tooLarge(expectedSize, max);
        }
        try {
            return store.put(bytes, max, expectedSize, progress);
        } catch (DocumentStore.TooLargeException e) {
            throw tooLarge(-1, max);
        }
    }

    private static ValidationException tooLarge(long size, long max) {
        String limit = megabytes(max);
        return new ValidationException("file", size > 0
                ? "The file is " + megabytes(size) + "; documents can be at most " + limit + "."
                : "The file is larger than " + limit + ", the most a document can be.");
    }

    static String megabytes(long bytes) {
        if (bytes < 1024 * 1024) {
            return Math.max(1, Math.round(bytes / 1024.0)) + " KB";
        }
        double mb = bytes / (1024.0 * 1024.0);
        return mb >= 10 || mb == Math.floor(mb) ? String.format(Locale.ROOT, "%.0f MB", mb) : String.format(Locale.ROOT, "%.1f MB", mb);
    }

    private void requireWritable(DSLContext tx, CurrentUser user, UUID id) {
        if (!repo.writable(tx, user, id)) {
            if (repo.find(tx, user, id).isPresent()) {
                throw new AccessDeniedException("You may not change this document.");
            }
            throw notFound();
        }
    }

    private static void validateName(String name) {
        if (name == null || name.isBlank()) {
            throw new ValidationException("file", "The file has no name.");
        }
        if (name.length() > MAX_NAME) {
            throw new ValidationException("file", "The file name may have at most " + MAX_NAME + " characters.");
        }
    }

    private static String fileName(Path file) {
        Path n = file.getFileName();
        return n == null ? "" : n.toString();
    }

    /** A file name that is safe on every desktop OS. */
    static String safeName(String name) {
        String s = name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        return s.isEmpty() || s.equals(".") || s.equals("..") ? "document" : s;
    }

    private static NotFoundException notFound() {
        return new NotFoundException("This document does not exist or you may not see it.");
    }
}
