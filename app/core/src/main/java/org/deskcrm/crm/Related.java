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

    public record Deal(UUID id, String name, String stageName, String stageColor, String status, BigDecimal value,
            String currency, int probability, LocalDate expectedCloseDate, String ownerName) {}

    public record Invoice(UUID id, String number, String status, LocalDate issueDate, LocalDate dueDate, BigDecimal total,
            BigDecimal balanceDue, String currency) {}

    public record Event(UUID id, String title, OffsetDateTime startsAt, OffsetDateTime endsAt, boolean allDay,
            String location, String status) {}

    public record Document(UUID id, String fileName, String documentType, long sizeBytes, String mimeType, int docVersion,
            boolean signed, OffsetDateTime createdAt, String uploadedByName) {}
}
