package org.deskcrm.invoice;

import java.math.BigDecimal;
import java.util.UUID;

/** A stored invoice line with its rounded amounts (see {@link Money}). */
public record InvoiceLine(UUID id, UUID productId, String description, BigDecimal quantity, BigDecimal unitPrice,
        BigDecimal taxRate, BigDecimal discount, BigDecimal net, BigDecimal tax, BigDecimal total) {

    public InvoiceLineDraft toDraft() {
        return new InvoiceLineDraft(productId, description, quantity, unitPrice, taxRate, discount);
    }
}
