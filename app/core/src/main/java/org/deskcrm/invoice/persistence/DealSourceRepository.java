package org.deskcrm.invoice.persistence;

import static org.deskcrm.db.Tables.COMPANIES;
import static org.deskcrm.db.Tables.DEALS;
import static org.deskcrm.db.Tables.DEAL_PRODUCTS;
import static org.deskcrm.db.Tables.PRODUCTS;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.deskcrm.invoice.DealRef;
import org.deskcrm.platform.text.Normalize;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.rules.RecordRules;
import org.jooq.Condition;
import org.jooq.DSLContext;

/**
 * Reads deals and their quoted products (deals, deal_products) for "invoice from a deal", under
 * {@link RecordRules#deals}. The deals feature owns those tables; this only reads them.
 */
public final class DealSourceRepository {

    /** A deal with what an invoice needs from it. */
    public record DealSource(UUID id, String name, UUID companyId, UUID contactId, BigDecimal value, String currency,
            List<DealLine> lines) {}

    /** A quoted product line of a deal; {@code taxRate} is the product's default rate (0 for free text). */
    public record DealLine(UUID productId, String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal discount,
            BigDecimal taxRate) {}

    public List<DealRef> search(DSLContext dsl, CurrentUser user, String text, int limit) {
        Condition c = RecordRules.deals(user).read();
        String key = Normalize.key(text);
        if (key != null) {
            c = c.and(DEALS.NAME_LC.ge(key)).and(DEALS.NAME_LC.lt(Normalize.prefixUpperBound(key)));
        }
        return dsl.select(DEALS.ID, DEALS.NAME, COMPANIES.NAME, DEALS.DEAL_VALUE, DEALS.CURRENCY, DEALS.STATUS)
                .from(DEALS).leftJoin(COMPANIES).on(COMPANIES.ID.eq(DEALS.COMPANY_ID))
                .where(c)
                .orderBy(DEALS.NAME_LC, DEALS.ID)
                .limit(limit)
                .fetch(r -> new DealRef(r.value1(), r.value2(), r.value3(), r.value4(), r.value5().strip(), r.value6()));
    }

    public Optional<DealSource> find(DSLContext dsl, CurrentUser user, UUID dealId) {
        var d = dsl.select(DEALS.ID, DEALS.NAME, DEALS.COMPANY_ID, DEALS.CONTACT_ID, DEALS.DEAL_VALUE, DEALS.CURRENCY)
                .from(DEALS).where(DEALS.ID.eq(dealId).and(RecordRules.deals(user).read())).fetchOne();
        if (d == null) {
            return Optional.empty();
        }
        List<DealLine> lines = dsl.select(DEAL_PRODUCTS.PRODUCT_ID, DEAL_PRODUCTS.DESCRIPTION, PRODUCTS.NAME, DEAL_PRODUCTS.QUANTITY,
                        DEAL_PRODUCTS.UNIT_PRICE, DEAL_PRODUCTS.DISCOUNT, PRODUCTS.TAX_RATE)
                .from(DEAL_PRODUCTS).leftJoin(PRODUCTS).on(PRODUCTS.ID.eq(DEAL_PRODUCTS.PRODUCT_ID))
                .where(DEAL_PRODUCTS.DEAL_ID.eq(dealId).and(DEAL_PRODUCTS.DELETED_AT.isNull()))
                .orderBy(DEAL_PRODUCTS.POSITION, DEAL_PRODUCTS.ID)
                .fetch(r -> new DealLine(r.value1(), r.value2() != null && !r.value2().isBlank() ? r.value2() : r.value3(),
                        r.value4(), r.value5(), r.value6(), r.value7() == null ? BigDecimal.ZERO : r.value7()));
        return Optional.of(new DealSource(d.value1(), d.value2(), d.value3(), d.value4(), d.value5(), d.value6().strip(), lines));
    }
}
