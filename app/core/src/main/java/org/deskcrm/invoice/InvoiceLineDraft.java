package org.deskcrm.invoice;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A line as entered: a product (its name is the description when none is given) or free text.
 *
 * @param taxRate percent (20 = 20 %)
 * @param discount an amount off the line
 */
public record InvoiceLineDraft(UUID productId, String description, BigDecimal quantity, BigDecimal unitPrice,
        BigDecimal taxRate, BigDecimal discount) {}
