package org.deskcrm.deal;

import java.math.BigDecimal;
import java.util.UUID;

/** A product line on a deal: quantity × unit price − discount. */
public record DealProduct(UUID id, UUID dealId, UUID productId, String description, String sku, BigDecimal quantity,
        BigDecimal unitPrice, BigDecimal discount, BigDecimal lineTotal, int position, long version) {}
