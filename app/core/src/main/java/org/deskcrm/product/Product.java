package org.deskcrm.product;

import java.math.BigDecimal;
import java.util.UUID;

/** A catalog entry as lists, pickers and forms show it. */
public record Product(
        UUID id,
        String name,
        String description,
        String sku,
        String category,
        ProductType type,
        BigDecimal price,
        BigDecimal cost,
        String currency,
        BigDecimal taxRate,
        Integer inventoryCount,
        boolean active,
        long version) {}
