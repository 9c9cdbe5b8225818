package org.deskcrm.deal;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A product line to add or change: a catalog product (its price is the default unit price) or a
 * free-text description. Discount is an amount off the line.
 */
public record DealProductDraft(UUID productId, String description, BigDecimal quantity, BigDecimal unitPrice,
        BigDecimal discount) {

    public static DealProductDraft of(UUID productId, BigDecimal quantity) {
        return new DealProductDraft(productId, null, quantity, null, BigDecimal.ZERO);
    }
}
