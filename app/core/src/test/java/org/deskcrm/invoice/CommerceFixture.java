package org.deskcrm.invoice;

import static org.deskcrm.db.Tables.COMPANIES;
import static org.deskcrm.db.Tables.CONTACTS;
import static org.deskcrm.db.Tables.DEALS;
import static org.deskcrm.db.Tables.DEAL_PRODUCTS;
import static org.deskcrm.db.Tables.PIPELINES;
import static org.deskcrm.db.Tables.PIPELINE_STAGES;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.deskcrm.invoice.persistence.ClientRepository;
import org.deskcrm.invoice.persistence.DealSourceRepository;
import org.deskcrm.invoice.persistence.InvoiceRepository;
import org.deskcrm.invoice.persistence.NumberSeriesRepository;
import org.deskcrm.invoice.persistence.PaymentRepository;
import org.deskcrm.invoice.persistence.SettingsRepository;
import org.deskcrm.order.OrderService;
import org.deskcrm.order.persistence.ClientRevenueRepository;
import org.deskcrm.order.persistence.OrderRepository;
import org.deskcrm.platform.db.Database;
import org.deskcrm.platform.id.Ids;
import org.deskcrm.platform.text.Normalize;
import org.deskcrm.product.ProductService;
import org.deskcrm.product.persistence.ProductRepository;
import org.deskcrm.testing.TestWorkspace;
import org.jooq.DSLContext;

/**
 * A test organization with the commerce services wired as the app wires them, plus helpers that
 * insert the companies, contacts and deals those features read (their own features own them).
 */
public final class CommerceFixture {
    public final TestWorkspace ws;
    public final DSLContext dsl;
    public final ProductService products;
    public final OrderService orders;
    public final InvoiceService invoices;
    public final ClientRevenueRepository revenue = new ClientRevenueRepository();

    public CommerceFixture(Database db) {
        this.ws = new TestWorkspace(db, List.of(InvoiceService.initializer()));
        this.dsl = db.dsl();
        var productRepo = new ProductRepository();
        var clients = new ClientRepository();
        var series = new NumberSeriesRepository();
        var orderRepo = new OrderRepository();
        this.products = new ProductService(dsl, productRepo, ws.audit);
        this.orders = new OrderService(dsl, orderRepo, productRepo, clients, series, revenue, ws.audit);
        this.invoices = new InvoiceService(dsl, new InvoiceRepository(), new PaymentRepository(), series, new SettingsRepository(),
                clients, new DealSourceRepository(), orderRepo, productRepo, revenue, ws.audit);
    }

    public UUID company(String name, UUID ownerId) {
        return company(name, ownerId, null, null, null);
    }

    public UUID company(String name, UUID ownerId, String currency, BigDecimal creditLimit, String paymentTerms) {
        UUID id = Ids.newId();
        dsl.insertInto(COMPANIES)
                .set(COMPANIES.ID, id)
                .set(COMPANIES.ORGANIZATION_ID, ws.organizationId)
                .set(COMPANIES.NAME, name)
                .set(COMPANIES.NAME_LC, Normalize.key(name))
                .set(COMPANIES.OWNER_ID, ownerId)
                .set(COMPANIES.CURRENCY, currency)
                .set(COMPANIES.CREDIT_LIMIT, creditLimit)
                .set(COMPANIES.PAYMENT_TERMS, paymentTerms)
                .set(COMPANIES.ADDRESS_LINE1, "1 Harbour Street")
                .set(COMPANIES.CITY, "Portsmouth")
                .set(COMPANIES.POSTAL_CODE, "PO1 2AB")
                .set(COMPANIES.COUNTRY, "United Kingdom")
                .set(COMPANIES.CREATED_BY, ws.admin.userId())
                .execute();
        return id;
    }

    public UUID contact(String first, String last, UUID companyId, UUID ownerId) {
        UUID id = Ids.newId();
        dsl.insertInto(CONTACTS)
                .set(CONTACTS.ID, id)
                .set(CONTACTS.ORGANIZATION_ID, ws.organizationId)
                .set(CONTACTS.COMPANY_ID, companyId)
                .set(CONTACTS.FIRST_NAME, first)
                .set(CONTACTS.LAST_NAME, last)
                .set(CONTACTS.FULL_NAME_LC, Normalize.fullName(first, last))
                .set(CONTACTS.LAST_NAME_LC, Normalize.key(last))
                .set(CONTACTS.OWNER_ID, ownerId)
                .set(CONTACTS.CREATED_BY, ws.admin.userId())
                .execute();
        return id;
    }

    /** A deal with quoted product lines (description, quantity, unit price). */
    public UUID deal(String name, UUID companyId, UUID ownerId, BigDecimal value, String currency, Object[]... lines) {
        UUID pipeline = dsl.select(PIPELINES.ID).from(PIPELINES).where(PIPELINES.ORGANIZATION_ID.eq(ws.organizationId))
                .limit(1).fetchOne(PIPELINES.ID);
        if (pipeline == null) {
            pipeline = Ids.newId();
            dsl.insertInto(PIPELINES).set(PIPELINES.ID, pipeline).set(PIPELINES.ORGANIZATION_ID, ws.organizationId)
                    .set(PIPELINES.NAME, "Sales").execute();
            dsl.insertInto(PIPELINE_STAGES).set(PIPELINE_STAGES.ID, Ids.newId()).set(PIPELINE_STAGES.ORGANIZATION_ID, ws.organizationId)
                    .set(PIPELINE_STAGES.PIPELINE_ID, pipeline).set(PIPELINE_STAGES.NAME, "Won").set(PIPELINE_STAGES.POSITION, 1)
                    .execute();
        }
        UUID stage = dsl.select(PIPELINE_STAGES.ID).from(PIPELINE_STAGES).where(PIPELINE_STAGES.PIPELINE_ID.eq(pipeline))
                .limit(1).fetchOne(PIPELINE_STAGES.ID);
        UUID id = Ids.newId();
        dsl.insertInto(DEALS)
                .set(DEALS.ID, id)
                .set(DEALS.ORGANIZATION_ID, ws.organizationId)
                .set(DEALS.PIPELINE_ID, pipeline)
                .set(DEALS.STAGE_ID, stage)
                .set(DEALS.NAME, name)
                .set(DEALS.NAME_LC, Normalize.key(name))
                .set(DEALS.COMPANY_ID, companyId)
                .set(DEALS.DEAL_VALUE, value)
                .set(DEALS.CURRENCY, currency)
                .set(DEALS.OWNER_ID, ownerId)
                .execute();
        int pos = 0;
        for (Object[] l : lines) {
            dsl.insertInto(DEAL_PRODUCTS)
                    .set(DEAL_PRODUCTS.ID, Ids.newId())
                    .set(DEAL_PRODUCTS.ORGANIZATION_ID, ws.organizationId)
                    .set(DEAL_PRODUCTS.DEAL_ID, id)
                    .set(DEAL_PRODUCTS.DESCRIPTION, (String) l[0])
                    .set(DEAL_PRODUCTS.QUANTITY, new BigDecimal(l[1].toString()))
                    .set(DEAL_PRODUCTS.UNIT_PRICE, new BigDecimal(l[2].toString()))
                    .set(DEAL_PRODUCTS.POSITION, pos++)
                    .execute();
        }
        return id;
    }

    public static InvoiceLineDraft line(String description, String qty, String price, String taxRate, String discount) {
        return new InvoiceLineDraft(null, description, new BigDecimal(qty), new BigDecimal(price), new BigDecimal(taxRate),
                new BigDecimal(discount));
    }

    public static InvoiceDraft draft(UUID companyId, String currency, java.time.LocalDate issue, InvoiceLineDraft... lines) {
        return new InvoiceDraft(companyId, null, null, null, currency, issue, null, PaymentTerms.NET_30, null, null, null,
                List.of(lines));
    }
}
