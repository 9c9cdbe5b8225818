package org.deskcrm.document;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One document revision attached to a record. {@code docVersion} counts revisions (1, 2, ...);
 * {@code previousVersionId} is the revision it replaced; {@code latest} is true for the newest
 * revision of its chain. {@code version} is the row version for optimistic locking.
 */
public record Document(
        UUID id,
        DocumentEntity entityType,
        UUID entityId,
        UUID companyId,
        String fileName,
        String contentHash,
        long sizeBytes,
        String mimeType,
        DocumentType documentType,
        String description,
        int docVersion,
        UUID previousVersionId,
        boolean signed,
        OffsetDateTime signedAt,
        String signedByName,
        UUID uploadedBy,
        String uploadedByName,
        OffsetDateTime uploadedAt,
        long version,
        boolean latest) {

    public Document asLatest(boolean isLatest) {
        return new Document(id, entityType, entityId, companyId, fileName, contentHash, sizeBytes, mimeType, documentType,
                description, docVersion, previousVersionId, signed, signedAt, signedByName, uploadedBy, uploadedByName,
                uploadedAt, version, isLatest);
    }
}
