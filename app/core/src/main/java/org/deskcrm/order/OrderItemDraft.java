package org.deskcrm.order;

import java.math.BigDecimal;
import java.util.UUID;

/** A line as entered: a product (its name is the description when none is given) or free text. */
public record OrderItemDraft(UUID productId, String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal discount) {}
