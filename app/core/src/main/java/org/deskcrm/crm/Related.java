package org.deskcrm.crm;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Records of other features shown (read-only) on a company's or contact's record: deals,
 * invoices, events and documents. Their own features own writing them.
 */
public final class Related {
    private Related() {}

    /** A deal; {@code createdAt} and {@code closedOn} (won or lost) place it on the record's timeline. */
    public record Deal(UUID id, String name, String stageName, String stageColor, String status, BigDecimal value,
            String currency, int probability, LocalDate expectedCloseDate, String ownerName, OffsetDateTime createdAt,
            LocalDate closedOn) {

        public Deal(UUID id, String name, String stageName, String stageColor, String status, BigDecimal value,
                String currency, int probability, LocalDate expectedCloseDate, String ownerName) {
            this(id, name, stageName, stageColor, status, value, currency, probability, expectedCloseDate, ownerName, null, null);
        }
    }

    /** An invoice; {@code paidDate} is set once it is paid in full. */
    public record Invoice(UUID id, String number, String status, LocalDate issueDate, LocalDate dueDate, BigDecimal total,
            BigDecimal balanceDue, String currency, LocalDate paidDate) {

        public Invoice(UUID id, String number, String status, LocalDate issueDate, LocalDate dueDate, BigDecimal total,
                BigDecimal balanceDue, String currency) {
            this(id, number, status, issueDate, dueDate, total, balanceDue, currency, null);
        }
    }

    public record Event(UUID id, String title, OffsetDateTime startsAt, OffsetDateTime endsAt, boolean allDay,
            String location, String status) {}

    /** A document (one version of a file); {@code signedAt} is set when it is signed. */
    public record Document(UUID id, String fileName, String documentType, long sizeBytes, String mimeType, int docVersion,
            boolean signed, OffsetDateTime createdAt, String uploadedByName, OffsetDateTime signedAt) {

        public Document(UUID id, String fileName, String documentType, long sizeBytes, String mimeType, int docVersion,
                boolean signed, OffsetDateTime createdAt, String uploadedByName) {
            this(id, fileName, documentType, sizeBytes, mimeType, docVersion, signed, createdAt, uploadedByName, null);
        }
    }
}
