package org.deskcrm.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.deskcrm.invoice.CommerceFixture;
import org.deskcrm.platform.db.Database;
import org.deskcrm.platform.persistence.NotFoundException;
import org.deskcrm.platform.persistence.StaleRecordException;
import org.deskcrm.platform.persistence.ValidationException;
import org.deskcrm.security.AccessDeniedException;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.Role;
import org.deskcrm.testing.BothDatabases;

class ProductServiceTest {

    private static ProductDraft product(String name, String sku, ProductType type, String price) {
        return new ProductDraft(name, null, sku, "Software", type, new BigDecimal(price), null, "EUR", new BigDecimal("19"),
                type == ProductType.PHYSICAL ? 5 : null, true);
    }

    @BothDatabases
    void financeManagesTheCatalogWithUniqueSkusAndVersionChecks(Database db) {
        var f = new CommerceFixture(db);
        CurrentUser finance = f.ws.as(Role.FINANCE);
        Product a = f.products.create(finance, product("Änderungsdienst", "SVC-1", ProductType.SERVICE, "99.9"));
        assertThat(a.price()).isEqualByComparingTo("99.90");
        assertThat(a.inventoryCount()).isNull();
        f.products.create(finance, product("Backup plan", "SUB-1", ProductType.SUBSCRIPTION, "10"));
        f.products.create(finance, product("Cable", "HW-1", ProductType.PHYSICAL, "4.5"));

        assertThatThrownBy(() -> f.products.create(finance, product("Other", "svc-1", ProductType.SERVICE, "1")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("SKU");
        assertThatThrownBy(() -> f.products.create(finance, new ProductDraft(" ", null, null, null, ProductType.SERVICE,
                new BigDecimal("-1"), null, "XYZ1", null, null, true)))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).fieldErrors()).containsKeys("name", "price", "currency"));

        // Prefix search on the accent-free key, and exact SKU.
        assertThat(f.products.page(finance, new ProductQuery("ander", null, false, null, 10))).extracting(Product::id).containsExactly(a.id());
        assertThat(f.products.page(finance, new ProductQuery("hw-1", null, false, null, 10))).extracting(Product::name).containsExactly("Cable");
        // Keyset paging.
        var page1 = f.products.page(finance, ProductQuery.first(2));
        var page2 = f.products.page(finance, ProductQuery.first(2).next(page1.getLast()));
        assertThat(page1).extracting(Product::name).containsExactly("Änderungsdienst", "Backup plan");
        assertThat(page2).extracting(Product::name).containsExactly("Cable");

        Product renamed = f.products.update(finance, a.id(), a.version(), new ProductDraft("Change service", null, "SVC-1", "Software",
                ProductType.SERVICE, new BigDecimal("120"), new BigDecimal("60"), "EUR", new BigDecimal("19"), null, false));
        assertThat(renamed.version()).isEqualTo(a.version() + 1);
        assertThat(renamed.active()).isFalse();
        assertThatThrownBy(() -> f.products.update(finance, a.id(), a.version(), ProductDraft.of(a)))
                .isInstanceOf(StaleRecordException.class);
        assertThat(f.products.page(finance, new ProductQuery(null, null, true, null, 10))).extracting(Product::name)
                .containsExactly("Backup plan", "Cable");

        f.products.delete(finance, renamed.id(), renamed.version());
        assertThatThrownBy(() -> f.products.get(finance, a.id())).isInstanceOf(NotFoundException.class);
        // The SKU of a deleted product is free again.
        assertThat(f.products.create(finance, product("New service", "SVC-1", ProductType.SERVICE, "5")).sku()).isEqualTo("SVC-1");
    }

    @BothDatabases
    void everyoneWithProductsReadSeesTheCatalogButOnlyFinanceAndAdminsChangeIt(Database db) {
        var f = new CommerceFixture(db);
        Product p = f.products.create(f.ws.admin, product("Widget", null, ProductType.DIGITAL, "1"));
        assertThat(f.products.page(f.ws.as(Role.SALES), ProductQuery.first(10))).hasSize(1);
        assertThat(f.products.page(f.ws.as(Role.VIEWER), ProductQuery.first(10))).hasSize(1);
        assertThatThrownBy(() -> f.products.create(f.ws.as(Role.SALES), product("Nope", null, ProductType.DIGITAL, "1")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> f.products.update(f.ws.as(Role.MANAGER), p.id(), p.version(), ProductDraft.of(p)))
                .isInstanceOf(AccessDeniedException.class);
        // Another organization never sees it.
        var other = new CommerceFixture(db);
        assertThat(other.products.page(other.ws.admin, ProductQuery.first(10))).isEmpty();
    }
}
