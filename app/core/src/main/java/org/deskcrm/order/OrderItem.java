package org.deskcrm.order;

import java.math.BigDecimal;
import java.util.UUID;

/** One line of an order; {@code total} = round(quantity × unit price) − discount. */
public record OrderItem(UUID id, UUID productId, String description, BigDecimal quantity, BigDecimal unitPrice,
        BigDecimal discount, BigDecimal total) {}
