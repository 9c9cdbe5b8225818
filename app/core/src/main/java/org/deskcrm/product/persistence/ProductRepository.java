package org.deskcrm.product.persistence;

import static org.deskcrm.db.Tables.PRODUCTS;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.deskcrm.db.tables.records.ProductsRecord;
import org.deskcrm.invoice.persistence.CheckedWrites;
import org.deskcrm.platform.persistence.SyncColumns;
import org.deskcrm.platform.text.Normalize;
import org.deskcrm.product.Product;
import org.deskcrm.product.ProductDraft;
import org.deskcrm.product.ProductQuery;
import org.deskcrm.product.ProductType;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.rules.RecordRules;
import org.deskcrm.security.rules.Rule;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Products, always under {@link RecordRules#products}. */
public final class ProductRepository {

    public List<Product> page(DSLContext dsl, CurrentUser user, ProductQuery q) {
        Condition c = RecordRules.products(user).read();
        String key = Normalize.key(q.text());
        if (key != null) {
            Condition byName = PRODUCTS.NAME_LC.ge(key).and(PRODUCTS.NAME_LC.lt(Normalize.prefixUpperBound(key)));
            Condition bySku = PRODUCTS.SKU.equalIgnoreCase(q.text().strip());
            c = c.and(byName.or(bySku));
        }
        if (q.category() != null && !q.category().isBlank()) {
            c = c.and(PRODUCTS.CATEGORY.eq(q.category()));
        }
        if (q.activeOnly()) {
            c = c.and(PRODUCTS.IS_ACTIVE.isTrue());
        }
        if (q.after() != null) {
            c = c.and(DSL.row(PRODUCTS.NAME_LC, PRODUCTS.ID).gt(Normalize.key(q.after().name()), q.after().id()));
        }
        return dsl.selectFrom(PRODUCTS).where(c)
                .orderBy(PRODUCTS.NAME_LC, PRODUCTS.ID)
                .limit(Math.max(1, Math.min(q.limit(), 500)))
                .fetch(ProductRepository::toProduct);
    }

    public Optional<Product> find(DSLContext dsl, CurrentUser user, UUID id) {
        return dsl.selectFrom(PRODUCTS).where(PRODUCTS.ID.eq(id).and(RecordRules.products(user).read()))
                .fetchOptional(ProductRepository::toProduct);
    }

    public List<String> categories(DSLContext dsl, CurrentUser user) {
        return dsl.selectDistinct(PRODUCTS.CATEGORY).from(PRODUCTS)
                .where(RecordRules.products(user).read().and(PRODUCTS.CATEGORY.isNotNull()))
                .orderBy(PRODUCTS.CATEGORY).limit(500).fetch(PRODUCTS.CATEGORY);
    }

    /** True when another live product of the organization has this SKU (case-insensitive). */
    public boolean skuTaken(DSLContext dsl, CurrentUser user, String sku, UUID except) {
        Condition c = PRODUCTS.ORGANIZATION_ID.eq(user.organizationId()).and(PRODUCTS.SKU.equalIgnoreCase(sku));
        if (except != null) {
            c = c.and(PRODUCTS.ID.ne(except));
        }
        return dsl.fetchExists(PRODUCTS, c);
    }

    public void insert(DSLContext tx, CurrentUser user, UUID id, ProductDraft d) {
        var now = SyncColumns.now();
        tx.insertInto(PRODUCTS)
                .set(PRODUCTS.ID, id)
                .set(PRODUCTS.ORGANIZATION_ID, user.organizationId())
                .set(values(d))
                .set(PRODUCTS.CREATED_AT, now)
                .set(PRODUCTS.UPDATED_AT, now)
                .set(PRODUCTS.CREATED_BY, user.userId())
                .execute();
        if (!tx.fetchExists(PRODUCTS, PRODUCTS.ID.eq(id).and(RecordRules.products(user).write()))) {
            throw new org.deskcrm.security.AccessDeniedException("You are not allowed to add products.");
        }
    }

    public void update(DSLContext tx, CurrentUser user, UUID id, long version, ProductDraft d) {
        Rule rule = RecordRules.products(user);
        int n = tx.update(PRODUCTS).set(values(d))
                .set(PRODUCTS.VERSION, PRODUCTS.VERSION.plus(1))
                .set(PRODUCTS.UPDATED_AT, SyncColumns.now())
                .where(PRODUCTS.ID.eq(id).and(PRODUCTS.VERSION.eq(version)).and(rule.write()))
                .execute();
        if (n == 0) {
            throw CheckedWrites.whyNot(tx, PRODUCTS, PRODUCTS.ID, id, version, rule, "product");
        }
    }

    /**
     * Tombstones a product. Its SKU is freed (a unique key would otherwise keep it taken by a
     * deleted row); lines that used it keep their description snapshot.
     */
    public void softDelete(DSLContext tx, CurrentUser user, UUID id, long version) {
        Rule rule = RecordRules.products(user);
        var now = SyncColumns.now();
        int n = tx.update(PRODUCTS)
                .set(PRODUCTS.DELETED_AT, now)
                .set(PRODUCTS.SKU, (String) null)
                .set(PRODUCTS.VERSION, PRODUCTS.VERSION.plus(1))
                .set(PRODUCTS.UPDATED_AT, now)
                .where(PRODUCTS.ID.eq(id).and(PRODUCTS.VERSION.eq(version)).and(rule.write()))
                .execute();
        if (n == 0) {
            throw CheckedWrites.whyNot(tx, PRODUCTS, PRODUCTS.ID, id, version, rule, "product");
        }
    }

    /** Takes stock out (or puts it back with a negative quantity) for a physical product, never below zero. */
    public void adjustInventory(DSLContext tx, UUID organizationId, UUID productId, int delta) {
        tx.update(PRODUCTS)
                .set(PRODUCTS.INVENTORY_COUNT, DSL.greatest(DSL.inline(0), PRODUCTS.INVENTORY_COUNT.minus(delta)))
                .set(PRODUCTS.VERSION, PRODUCTS.VERSION.plus(1))
                .set(PRODUCTS.UPDATED_AT, SyncColumns.now())
                .where(PRODUCTS.ID.eq(productId).and(PRODUCTS.ORGANIZATION_ID.eq(organizationId))
                        .and(PRODUCTS.TYPE.eq(ProductType.PHYSICAL.dbName())).and(PRODUCTS.INVENTORY_COUNT.isNotNull())
                        .and(PRODUCTS.DELETED_AT.isNull()))
                .execute();
    }

    private static java.util.Map<org.jooq.Field<?>, Object> values(ProductDraft d) {
        var m = new java.util.LinkedHashMap<org.jooq.Field<?>, Object>();
        m.put(PRODUCTS.NAME, d.name().strip());
        m.put(PRODUCTS.NAME_LC, Normalize.key(d.name()));
        m.put(PRODUCTS.DESCRIPTION, blankToNull(d.description()));
        m.put(PRODUCTS.SKU, blankToNull(d.sku()));
        m.put(PRODUCTS.CATEGORY, blankToNull(d.category()));
        m.put(PRODUCTS.TYPE, d.type().dbName());
        m.put(PRODUCTS.PRICE, d.price());
        m.put(PRODUCTS.COST, d.cost());
        m.put(PRODUCTS.CURRENCY, d.currency());
        m.put(PRODUCTS.TAX_RATE, d.taxRate());
        m.put(PRODUCTS.INVENTORY_COUNT, d.type() == ProductType.PHYSICAL ? d.inventoryCount() : null);
        m.put(PRODUCTS.IS_ACTIVE, d.active());
        return m;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static Product toProduct(ProductsRecord r) {
        return new Product(r.getId(), r.getName(), r.getDescription(), r.getSku(), r.getCategory(),
                ProductType.fromDb(r.getType()), r.getPrice(), r.getCost(), r.getCurrency().strip(), r.getTaxRate(),
                r.getInventoryCount(), Boolean.TRUE.equals(r.getIsActive()), r.getVersion());
    }
}
