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
        BigDecimal creditedTotal,
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

    /** Issued and not cancelled: it may be credited while something is left to credit. */
    public boolean isCreditable() {
        return number != null && status != InvoiceStatus.DRAFT && status != InvoiceStatus.CANCELLED
                && creditableAmount().signum() > 0;
    }

    /** What may still be credited: the total minus earlier credit notes. */
    public BigDecimal creditableAmount() {
        return total.subtract(creditedTotal);
    }

    /** Money the client paid beyond what they owe after credits (to refund or keep as a credit balance); zero if none. */
    public BigDecimal refundDue() {
        return amountPaid.add(creditedTotal).subtract(total).max(BigDecimal.ZERO).setScale(total.scale());
    }

    public boolean isDraft() {
        return status == InvoiceStatus.DRAFT;
    }

    public InvoiceDraft toDraft() {
        return new InvoiceDraft(companyId, contactId, dealId, orderId, currency, issueDate, dueDate, paymentTerms, description, notes,
                terms, lines.stream().map(InvoiceLine::toDraft).toList());
    }
}
