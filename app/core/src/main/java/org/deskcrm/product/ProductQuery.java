package org.deskcrm.product;

/**
 * Filters of the product list: a name/SKU prefix, a category, active only. Paging is keyset on
 * (name_lc, id): pass the last product of the previous page as {@code after}.
 */
public record ProductQuery(String text, String category, boolean activeOnly, Product after, int limit) {

    public static ProductQuery first(int limit) {
        return new ProductQuery(null, null, false, null, limit);
    }

    public ProductQuery next(Product last) {
        return new ProductQuery(text, category, activeOnly, last, limit);
    }
}
