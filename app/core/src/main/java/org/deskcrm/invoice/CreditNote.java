package org.deskcrm.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A credit note: a numbered document (own gap-free series, prefix CN) that takes an amount off an
 * issued invoice. Its amounts are stored and shown here as positive numbers; their effect on what
 * the client owes is negative ({@link #signedTotal()}).
 */
public record CreditNote(
        UUID id,
        String number,
        UUID invoiceId,
        String invoiceNumber,
        String currency,
        LocalDate issueDate,
        String reason,
        BigDecimal subtotal,
        BigDecimal discountTotal,
        BigDecimal taxTotal,
        BigDecimal total,
        long version,
        List<InvoiceLine> lines) {

    /** The effect on the client's balance: the total, negated. */
    public BigDecimal signedTotal() {
        return total.negate();
    }
}
