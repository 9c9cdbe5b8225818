package org.deskcrm.product;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.deskcrm.audit.AuditAction;
import org.deskcrm.audit.AuditLog;
import org.deskcrm.invoice.Money;
import org.deskcrm.platform.id.Ids;
import org.deskcrm.platform.persistence.NotFoundException;
import org.deskcrm.platform.persistence.ValidationException;
import org.deskcrm.product.persistence.ProductRepository;
import org.deskcrm.security.Action;
import org.deskcrm.security.CurrentUser;
import org.deskcrm.security.Resource;
import org.jooq.DSLContext;

/** The product catalog: list, pick, create, edit, (de)activate and delete products. */
public final class ProductService {
    private final DSLContext dsl;
    private final ProductRepository products;
    private final AuditLog audit;

    public ProductService(DSLContext dsl, ProductRepository products, AuditLog audit) {
        this.dsl = dsl;
        this.products = products;
        this.audit = audit;
    }

    public List<Product> page(CurrentUser user, ProductQuery query) {
        return products.page(dsl, user, query);
    }

    public Product get(CurrentUser user, UUID id) {
        return products.find(dsl, user, id).orElseThrow(() -> new NotFoundException("This product no longer exists."));
    }

    public List<String> categories(CurrentUser user) {
        return products.categories(dsl, user);
    }

    public Product create(CurrentUser user, ProductDraft draft) {
        user.require(Resource.PRODUCTS, Action.CREATE);
        ProductDraft d = validate(draft);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            if (d.sku() != null && products.skuTaken(tx, user, d.sku(), null)) {
                throw new ValidationException("sku", "Another product already has the SKU " + d.sku() + ".");
            }
            UUID id = Ids.newId();
            products.insert(tx, user, id, d);
            audit.record(tx, user.organizationId(), user.userId(), "products", id, AuditAction.INSERT, null, auditValues(d));
            return products.find(tx, user, id).orElseThrow();
        });
    }

    public Product update(CurrentUser user, UUID id, long version, ProductDraft draft) {
        user.require(Resource.PRODUCTS, Action.UPDATE);
        ProductDraft d = validate(draft);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            Product before = products.find(tx, user, id).orElseThrow(() -> new NotFoundException("This product no longer exists."));
            if (d.sku() != null && products.skuTaken(tx, user, d.sku(), id)) {
                throw new ValidationException("sku", "Another product already has the SKU " + d.sku() + ".");
            }
            products.update(tx, user, id, version, d);
            audit.record(tx, user.organizationId(), user.userId(), "products", id, AuditAction.UPDATE,
                    auditValues(ProductDraft.of(before)), auditValues(d));
            return products.find(tx, user, id).orElseThrow();
        });
    }

    public void delete(CurrentUser user, UUID id, long version) {
        user.require(Resource.PRODUCTS, Action.DELETE);
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            Product before = products.find(tx, user, id).orElseThrow(() -> new NotFoundException("This product no longer exists."));
            products.softDelete(tx, user, id, version);
            audit.record(tx, user.organizationId(), user.userId(), "products", id, AuditAction.DELETE,
                    auditValues(ProductDraft.of(before)), null);
        });
    }

    /** Checks and normalizes a draft; every problem is reported at once, per field. */
    static ProductDraft validate(ProductDraft d) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (d.name() == null || d.name().isBlank()) {
            errors.put("name", "Enter the product's name.");
        } else if (d.name().strip().length() > 200) {
            errors.put("name", "The name may have at most 200 characters.");
        }
        if (d.sku() != null && d.sku().strip().length() > 100) {
            errors.put("sku", "The SKU may have at most 100 characters.");
        }
        if (d.category() != null && d.category().strip().length() > 100) {
            errors.put("category", "The category may have at most 100 characters.");
        }
        if (d.type() == null) {
            errors.put("type", "Choose the product type.");
        }
        String currency = null;
        try {
            currency = Money.currency(d.currency()).getCurrencyCode();
        } catch (ValidationException e) {
            errors.putAll(e.fieldErrors());
        }
        if (d.price() == null || d.price().signum() < 0) {
            errors.put("price", "Enter a price of zero or more.");
        }
        if (d.cost() != null && d.cost().signum() < 0) {
            errors.put("cost", "The cost cannot be negative.");
        }
        if (d.taxRate() != null && (d.taxRate().signum() < 0 || d.taxRate().compareTo(BigDecimal.valueOf(100)) > 0)) {
            errors.put("taxRate", "The tax rate is a percentage between 0 and 100.");
        }
        if (d.inventoryCount() != null && d.inventoryCount() < 0) {
            errors.put("inventoryCount", "The stock cannot be negative.");
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new ProductDraft(d.name().strip(), d.description(), d.sku() == null || d.sku().isBlank() ? null : d.sku().strip(),
                d.category() == null || d.category().isBlank() ? null : d.category().strip(), d.type(),
                d.price().setScale(4, Money.ROUNDING), d.cost() == null ? null : d.cost().setScale(4, Money.ROUNDING),
                currency, d.taxRate() == null ? BigDecimal.ZERO : d.taxRate(), d.type() == ProductType.PHYSICAL ? d.inventoryCount() : null,
                d.active());
    }

    private static Map<String, Object> auditValues(ProductDraft d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", d.name());
        m.put("sku", d.sku());
        m.put("category", d.category());
        m.put("type", d.type().dbName());
        m.put("price", d.price());
        m.put("cost", d.cost());
        m.put("currency", d.currency());
        m.put("tax_rate", d.taxRate());
        m.put("inventory_count", d.inventoryCount());
        m.put("is_active", d.active());
        return m;
    }
}
