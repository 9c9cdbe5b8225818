package org.deskcrm.product;

import java.math.BigDecimal;

/** What a user enters for a product; validated by {@link ProductService}. */
public record ProductDraft(
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
        boolean active) {

    public static ProductDraft of(Product p) {
        return new ProductDraft(p.name(), p.description(), p.sku(), p.category(), p.type(), p.price(), p.cost(),
                p.currency(), p.taxRate(), p.inventoryCount(), p.active());
    }
}
