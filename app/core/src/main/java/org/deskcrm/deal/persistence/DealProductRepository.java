package org.deskcrm.deal.persistence;

import static org.deskcrm.db.Tables.DEAL_PRODUCTS;
import static org.deskcrm.db.Tables.PRODUCTS;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.sum;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.deskcrm.db.tables.records.DealProductsRecord;
import org.deskcrm.deal.DealProduct;
import org.deskcrm.deal.Options;
import org.deskcrm.platform.persistence.StaleRecordException;
import org.deskcrm.platform.persistence.SyncColumns;
import org.deskcrm.platform.text.Normalize;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.rules.RecordRules;
import org.jooq.Condition;
import org.jooq.DSLContext;

/**
 * Product lines of deals and the product catalog as the deal form needs it. Lines are children
 * of their deal: the service checks the deal's rules before it touches them.
 */
public final class DealProductRepository {
    private static final SyncColumns<DealProductsRecord> SYNC = new SyncColumns<>(DEAL_PRODUCTS);

    public List<DealProduct> lines(DSLContext dsl, UUID dealId) {
        return dsl.select(DEAL_PRODUCTS.fields()).select(PRODUCTS.SKU)
                .from(DEAL_PRODUCTS)
                .leftJoin(PRODUCTS).on(PRODUCTS.ID.eq(DEAL_PRODUCTS.PRODUCT_ID))
                .where(DEAL_PRODUCTS.DEAL_ID.eq(dealId).and(DEAL_PRODUCTS.DELETED_AT.isNull()))
                .orderBy(DEAL_PRODUCTS.POSITION, DEAL_PRODUCTS.ID)
                .fetch(r -> new DealProduct(r.get(DEAL_PRODUCTS.ID), r.get(DEAL_PRODUCTS.DEAL_ID), r.get(DEAL_PRODUCTS.PRODUCT_ID),
                        r.get(DEAL_PRODUCTS.DESCRIPTION), r.get(PRODUCTS.SKU), r.get(DEAL_PRODUCTS.QUANTITY),
                        r.get(DEAL_PRODUCTS.UNIT_PRICE), r.get(DEAL_PRODUCTS.DISCOUNT), r.get(DEAL_PRODUCTS.LINE_TOTAL),
                        r.get(DEAL_PRODUCTS.POSITION), r.get(DEAL_PRODUCTS.VERSION)));
    }

    public DealProductsRecord loadRaw(DSLContext dsl, UUID id) {
        return dsl.fetchOne(DEAL_PRODUCTS, DEAL_PRODUCTS.ID.eq(id));
    }

    public void insert(DSLContext tx, UUID organizationId, UUID id, UUID dealId, UUID productId, String description,
            BigDecimal quantity, BigDecimal unitPrice, BigDecimal discount, BigDecimal lineTotal, UUID by) {
        Integer last = tx.select(max(DEAL_PRODUCTS.POSITION)).from(DEAL_PRODUCTS)
                .where(DEAL_PRODUCTS.DEAL_ID.eq(dealId)).fetchOne(0, Integer.class);
        var now = SyncColumns.now();
        tx.insertInto(DEAL_PRODUCTS)
                .set(DEAL_PRODUCTS.ID, id)
                .set(DEAL_PRODUCTS.ORGANIZATION_ID, organizationId)
                .set(DEAL_PRODUCTS.DEAL_ID, dealId)
                .set(DEAL_PRODUCTS.PRODUCT_ID, productId)
                .set(DEAL_PRODUCTS.DESCRIPTION, description)
                .set(DEAL_PRODUCTS.QUANTITY, quantity)
                .set(DEAL_PRODUCTS.UNIT_PRICE, unitPrice)
                .set(DEAL_PRODUCTS.DISCOUNT, discount)
                .set(DEAL_PRODUCTS.LINE_TOTAL, lineTotal)
                .set(DEAL_PRODUCTS.POSITION, last == null ? 0 : last + 1)
                .set(DEAL_PRODUCTS.CREATED_AT, now)
                .set(DEAL_PRODUCTS.UPDATED_AT, now)
                .set(DEAL_PRODUCTS.CREATED_BY, by)
                .execute();
    }

    public void update(DSLContext tx, UUID id, UUID dealId, long version, String description, BigDecimal quantity,
            BigDecimal unitPrice, BigDecimal discount, BigDecimal lineTotal) {
        requireOnDeal(tx, id, dealId, version);
        SYNC.updateChecked(tx, id, version, u -> u
                .set(DEAL_PRODUCTS.DESCRIPTION, description)
                .set(DEAL_PRODUCTS.QUANTITY, quantity)
                .set(DEAL_PRODUCTS.UNIT_PRICE, unitPrice)
                .set(DEAL_PRODUCTS.DISCOUNT, discount)
                .set(DEAL_PRODUCTS.LINE_TOTAL, lineTotal));
    }

    public void softDelete(DSLContext tx, UUID id, UUID dealId, long version) {
        requireOnDeal(tx, id, dealId, version);
        SYNC.softDelete(tx, id, version);
    }

    private static void requireOnDeal(DSLContext tx, UUID id, UUID dealId, long version) {
        if (!tx.fetchExists(DEAL_PRODUCTS, DEAL_PRODUCTS.ID.eq(id).and(DEAL_PRODUCTS.DEAL_ID.eq(dealId)))) {
            throw new StaleRecordException("deal_products", id, version);
        }
    }

    /** Σ line totals of the deal's live lines (0 when none). */
    public BigDecimal total(DSLContext tx, UUID dealId) {
        return tx.select(coalesce(sum(DEAL_PRODUCTS.LINE_TOTAL), inline(BigDecimal.ZERO))).from(DEAL_PRODUCTS)
                .where(DEAL_PRODUCTS.DEAL_ID.eq(dealId).and(DEAL_PRODUCTS.DELETED_AT.isNull()))
                .fetchOne(0, BigDecimal.class);
    }

    public boolean hasLines(DSLContext tx, UUID dealId) {
        return tx.fetchExists(DEAL_PRODUCTS, DEAL_PRODUCTS.DEAL_ID.eq(dealId).and(DEAL_PRODUCTS.DELETED_AT.isNull()));
    }

    /** A catalog product the user may read. */
    public Optional<Options.Product> product(DSLContext dsl, CurrentUser user, UUID productId) {
        return dsl.select(PRODUCTS.ID, PRODUCTS.NAME, PRODUCTS.SKU, PRODUCTS.PRICE, PRODUCTS.CURRENCY).from(PRODUCTS)
                .where(PRODUCTS.ID.eq(productId).and(RecordRules.products(user).read()))
                .fetchOptional(r -> new Options.Product(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    /** Active catalog products whose name starts with the text (all when blank), by name. */
    public List<Options.Product> catalog(DSLContext dsl, CurrentUser user, String prefix, int limit) {
        Condition c = RecordRules.products(user).read().and(PRODUCTS.IS_ACTIVE.isTrue());
        String key = Normalize.key(prefix);
        if (key != null) {
            c = c.and(PRODUCTS.NAME_LC.ge(key)).and(PRODUCTS.NAME_LC.lt(Normalize.prefixUpperBound(key)));
        }
        return dsl.select(PRODUCTS.ID, PRODUCTS.NAME, PRODUCTS.SKU, PRODUCTS.PRICE, PRODUCTS.CURRENCY).from(PRODUCTS)
                .where(c).orderBy(PRODUCTS.NAME_LC, PRODUCTS.ID).limit(limit)
                .fetch(r -> new Options.Product(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }
}
