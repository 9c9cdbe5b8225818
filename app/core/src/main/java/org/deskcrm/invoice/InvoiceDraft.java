package org.deskcrm.invoice;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An invoice as edited while it is a draft. The due date may be left empty: it then follows
 * from the payment terms (issue date + 15/30/60 days).
 */
public record InvoiceDraft(
        UUID companyId,
        UUID contactId,
        UUID dealId,
        UUID orderId,
        String currency,
        LocalDate issueDate,
        LocalDate dueDate,
        PaymentTerms paymentTerms,
        String description,
        String notes,
        String terms,
        List<InvoiceLineDraft> lines) {

    public InvoiceDraft withLines(List<InvoiceLineDraft> newLines) {
        return new InvoiceDraft(companyId, contactId, dealId, orderId, currency, issueDate, dueDate, paymentTerms, description,
                notes, terms, newLines);
    }
}
