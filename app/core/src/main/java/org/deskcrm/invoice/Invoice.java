package org.deskcrm.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An invoice with its lines as the detail view and the PDF show it. {@code status} is the
 * effective status: a sent or partially paid invoice past its due date reads as overdue even
 * before the background job has stored that.
 */
public record Invoice(
        UUID id,
        String number,
        InvoiceStatus status,
        UUID companyId,
        String companyName,
        UUID contactId,
        String contactName,
        UUID dealId,
        UUID orderId,
        String currency,
        LocalDate issueDate,
        LocalDate dueDate,
        PaymentTerms paymentTerms,
        BigDecimal subtotal,
        BigDecimal discountTotal,
        BigDecimal taxTotal,
        BigDecimal total,
        BigDecimal amountPaid,
        BigDecimal balanceDue,
        OffsetDateTime sentAt,
        LocalDate paidDate,
        String description,
        String notes,
        String terms,
        long version,
        List<InvoiceLine> lines) {

    public String clientName() {
        return companyName != null ? companyName : contactName;
    }

    public boolean isDraft() {
        return status == InvoiceStatus.DRAFT;
    }

    public InvoiceDraft toDraft() {
        return new InvoiceDraft(companyId, contactId, dealId, orderId, currency, issueDate, dueDate, paymentTerms, description, notes,
                terms, lines.stream().map(InvoiceLine::toDraft).toList());
    }
}
