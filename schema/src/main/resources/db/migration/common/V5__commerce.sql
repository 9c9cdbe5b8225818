-- =============================================================================
-- V5  Commerce: products, deal products, orders, transactions, invoices, payments
-- -----------------------------------------------------------------------------
-- products: 001 crm_products + 004 products. orders/order_items: 001 crm_orders
-- (items jsonb -> order_items) + 004 orders/order_items. transactions: 004.
-- invoices/invoice_items/payments: 000 invoices + 003 invoices/invoice_items/
-- payments + 004 invoices. invoice_number_series gives gap-free numbers.
--
-- Money: NUMERIC(19,4); rates/percentages: NUMERIC(7,4) in percent (20.0000 = 20 %).
-- Totals (line totals, invoice/order totals, amount_paid, balance_due) are
-- app-maintained by the commerce services in the same transaction as the lines.
-- Stripe and e-commerce platforms are not called: payments are recorded locally
-- (method 'card' + reference) and external ids are kept for imports.
-- =============================================================================

CREATE TABLE products (
    id                   UUID PRIMARY KEY,
    organization_id      UUID NOT NULL REFERENCES organizations(id),
    name                 VARCHAR(200) NOT NULL,
    name_lc              VARCHAR(200) NOT NULL,         -- app-maintained: lower(trim(name))
    description          VARCHAR,
    sku                  VARCHAR(100),
    category             VARCHAR(100),
    type                 VARCHAR(20) NOT NULL DEFAULT 'service'
                         CONSTRAINT ck_products_type CHECK (type IN ('physical', 'digital', 'service', 'subscription')),
    price                NUMERIC(19,4) NOT NULL DEFAULT 0
                         CONSTRAINT ck_products_price CHECK (price >= 0),
    cost                 NUMERIC(19,4)
                         CONSTRAINT ck_products_cost CHECK (cost >= 0),
    currency             CHAR(3) NOT NULL DEFAULT 'USD',
    tax_rate             NUMERIC(7,4) NOT NULL DEFAULT 0  -- default rate copied to new lines
                         CONSTRAINT ck_products_tax_rate CHECK (tax_rate >= 0),
    inventory_count      INTEGER,                       -- physical products only
    images               VARCHAR,                       -- JSON text: ["<content_hash or path>", ...]
    ecommerce_product_id VARCHAR(100),                  -- id in an external shop / import source (001)
    is_active            BOOLEAN NOT NULL DEFAULT TRUE,
    metadata             VARCHAR,                       -- JSON text (004)
    version              BIGINT NOT NULL DEFAULT 1,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by           UUID REFERENCES users(id),
    deleted_at           TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_products_org_sku UNIQUE (organization_id, sku),
    CONSTRAINT uq_products_org_ecommerce_id UNIQUE (organization_id, ecommerce_product_id)
);
CREATE INDEX ix_products_org_name_lc ON products (organization_id, name_lc, id);
CREATE INDEX ix_products_org_active  ON products (organization_id, is_active);
CREATE INDEX ix_products_org_category ON products (organization_id, category);

-- Products quoted on a deal (001 crm_deals.products jsonb).
CREATE TABLE deal_products (
    id              UUID PRIMARY KEY,
    organization_id UUID NOT NULL REFERENCES organizations(id),
    deal_id         UUID NOT NULL REFERENCES deals(id) ON DELETE CASCADE,
    product_id      UUID REFERENCES products(id),      -- NULL for a free-text line
    description     VARCHAR(500),                       -- product name snapshot / free text
    quantity        NUMERIC(19,4) NOT NULL DEFAULT 1
                    CONSTRAINT ck_deal_products_quantity CHECK (quantity > 0),
    unit_price      NUMERIC(19,4) NOT NULL DEFAULT 0
                    CONSTRAINT ck_deal_products_unit_price CHECK (unit_price >= 0),
    discount        NUMERIC(19,4) NOT NULL DEFAULT 0  -- amount off the line
                    CONSTRAINT ck_deal_products_discount CHECK (discount >= 0),
    line_total      NUMERIC(19,4) NOT NULL DEFAULT 0,   -- app-maintained: quantity * unit_price - discount
    position        INTEGER NOT NULL DEFAULT 0,
    version         BIGINT NOT NULL DEFAULT 1,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by      UUID REFERENCES users(id),
    deleted_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT ck_deal_products_described CHECK (product_id IS NOT NULL OR description IS NOT NULL)
);
CREATE INDEX ix_deal_products_deal ON deal_products (deal_id, position);
CREATE INDEX ix_deal_products_org_product ON deal_products (organization_id, product_id);

CREATE TABLE orders (
    id                 UUID PRIMARY KEY,
    organization_id    UUID NOT NULL REFERENCES organizations(id),
    order_number       VARCHAR(50) NOT NULL,
    company_id         UUID REFERENCES companies(id),  -- 001 client_id
    contact_id         UUID REFERENCES contacts(id),   -- 004 contact_id
    deal_id            UUID REFERENCES deals(id),
    ecommerce_order_id VARCHAR(100),                    -- id in an external shop / import source (001)
    status             VARCHAR(20) NOT NULL DEFAULT 'pending'
                       CONSTRAINT ck_orders_status CHECK (status IN ('pending', 'processing', 'shipped', 'delivered', 'completed',
                                                                     'cancelled', 'refunded')),
    payment_status     VARCHAR(20) NOT NULL DEFAULT 'unpaid'
                       CONSTRAINT ck_orders_payment_status CHECK (payment_status IN ('unpaid', 'paid', 'partially_paid', 'refunded')),
    payment_method     VARCHAR(50),
    subtotal           NUMERIC(19,4) NOT NULL DEFAULT 0  -- app-maintained: sum of item totals
                       CONSTRAINT ck_orders_subtotal CHECK (subtotal >= 0),
    tax_total          NUMERIC(19,4) NOT NULL DEFAULT 0  -- 001/004 tax
                       CONSTRAINT ck_orders_tax_total CHECK (tax_total >= 0),
    shipping_total     NUMERIC(19,4) NOT NULL DEFAULT 0  -- 001/004 shipping
                       CONSTRAINT ck_orders_shipping_total CHECK (shipping_total >= 0),
    discount_total     NUMERIC(19,4) NOT NULL DEFAULT 0  -- 001/004 discount
                       CONSTRAINT ck_orders_discount_total CHECK (discount_total >= 0),
    total              NUMERIC(19,4) NOT NULL DEFAULT 0  -- app-maintained: subtotal + tax + shipping - discount
                       CONSTRAINT ck_orders_total CHECK (total >= 0),
    currency           CHAR(3) NOT NULL DEFAULT 'USD',
    shipping_address   VARCHAR,                         -- JSON text snapshot: {line1, line2, city, state, postal_code, country}
    billing_address    VARCHAR,                         -- JSON text snapshot, same shape
    tracking_number    VARCHAR(100),
    order_date         TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    shipped_at         TIMESTAMP WITH TIME ZONE,        -- 001 shipped_date
    delivered_at       TIMESTAMP WITH TIME ZONE,        -- 001 delivered_date
    notes              VARCHAR,
    version            BIGINT NOT NULL DEFAULT 1,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by         UUID REFERENCES users(id),
    deleted_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_orders_org_number UNIQUE (organization_id, order_number),
    CONSTRAINT ck_orders_customer CHECK (company_id IS NOT NULL OR contact_id IS NOT NULL)
);
CREATE INDEX ix_orders_org_company ON orders (organization_id, company_id);
CREATE INDEX ix_orders_org_contact ON orders (organization_id, contact_id);
CREATE INDEX ix_orders_org_status  ON orders (organization_id, status);
CREATE INDEX ix_orders_org_date    ON orders (organization_id, order_date DESC);
CREATE INDEX ix_orders_org_ecommerce ON orders (organization_id, ecommerce_order_id);
CREATE INDEX ix_orders_deal        ON orders (deal_id);

CREATE TABLE order_items (
    id              UUID PRIMARY KEY,
    organization_id UUID NOT NULL REFERENCES organizations(id),
    order_id        UUID NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    product_id      UUID REFERENCES products(id),      -- NULL for a free-text line (001 items jsonb)
    description     VARCHAR(500),                       -- product name snapshot / free text
    quantity        NUMERIC(19,4) NOT NULL DEFAULT 1
                    CONSTRAINT ck_order_items_quantity CHECK (quantity > 0),
    unit_price      NUMERIC(19,4) NOT NULL DEFAULT 0
                    CONSTRAINT ck_order_items_unit_price CHECK (unit_price >= 0),
    discount        NUMERIC(19,4) NOT NULL DEFAULT 0  -- amount off the line
                    CONSTRAINT ck_order_items_discount CHECK (discount >= 0),
    total           NUMERIC(19,4) NOT NULL DEFAULT 0,   -- app-maintained: quantity * unit_price - discount
    position        INTEGER NOT NULL DEFAULT 0,
    version         BIGINT NOT NULL DEFAULT 1,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by      UUID REFERENCES users(id),
    deleted_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT ck_order_items_described CHECK (product_id IS NOT NULL OR description IS NOT NULL)
);
CREATE INDEX ix_order_items_order ON order_items (order_id, position);
CREATE INDEX ix_order_items_org_product ON order_items (organization_id, product_id);

-- Gap-free numbering: the issuing transaction locks the row
-- (SELECT ... FOR UPDATE), takes next_value and increments it. Also used for
-- order (ORD) and ticket (TKT) numbers with their own prefixes.
CREATE TABLE invoice_number_series (
    organization_id UUID NOT NULL REFERENCES organizations(id),
    prefix          VARCHAR(20) NOT NULL,               -- e.g. 'INV'
    series_year     INTEGER NOT NULL,                   -- calendar year of issue; 0 = series never resets ("year" is reserved in H2)
    next_value      BIGINT NOT NULL DEFAULT 1
                    CONSTRAINT ck_invoice_number_series_next_value CHECK (next_value >= 1),
    version         BIGINT NOT NULL DEFAULT 1,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT pk_invoice_number_series PRIMARY KEY (organization_id, prefix, series_year)
);

CREATE TABLE invoices (
    id                UUID PRIMARY KEY,
    organization_id   UUID NOT NULL REFERENCES organizations(id),
    invoice_number    VARCHAR(50),                      -- NULL while draft; assigned from invoice_number_series on issue
    series_prefix     VARCHAR(20),                      -- series the number came from
    series_year       INTEGER,
    company_id        UUID REFERENCES companies(id),   -- 000/003 client_id
    contact_id        UUID REFERENCES contacts(id),    -- 004 contact_id (billing contact)
    deal_id           UUID REFERENCES deals(id),
    order_id          UUID REFERENCES orders(id),
    project_id        UUID,                             -- 003; FK to projects added in V8
    status            VARCHAR(20) NOT NULL DEFAULT 'draft'
                      CONSTRAINT ck_invoices_status CHECK (status IN ('draft', 'sent', 'partially_paid', 'paid', 'overdue', 'cancelled')),
    issue_date        DATE NOT NULL DEFAULT CURRENT_DATE,
    due_date          DATE NOT NULL,                    -- app fills issue_date + payment_terms days when not entered
    payment_terms     VARCHAR(50),                      -- e.g. net_30
    subtotal          NUMERIC(19,4) NOT NULL DEFAULT 0  -- app-maintained
                      CONSTRAINT ck_invoices_subtotal CHECK (subtotal >= 0),
    tax_total         NUMERIC(19,4) NOT NULL DEFAULT 0  -- app-maintained (003 tax_amount, 004 tax)
                      CONSTRAINT ck_invoices_tax_total CHECK (tax_total >= 0),
    discount_total    NUMERIC(19,4) NOT NULL DEFAULT 0  -- app-maintained (003 discount_amount)
                      CONSTRAINT ck_invoices_discount_total CHECK (discount_total >= 0),
    total             NUMERIC(19,4) NOT NULL DEFAULT 0  -- app-maintained (000 amount, 003 total_amount)
                      CONSTRAINT ck_invoices_total CHECK (total >= 0),
    amount_paid       NUMERIC(19,4) NOT NULL DEFAULT 0  -- app-maintained: sum of live payments
                      CONSTRAINT ck_invoices_amount_paid CHECK (amount_paid >= 0),
    balance_due       NUMERIC(19,4) NOT NULL DEFAULT 0,                              -- app-maintained: total - amount_paid
    currency          CHAR(3) NOT NULL DEFAULT 'USD',
    sent_at           TIMESTAMP WITH TIME ZONE,
    paid_date         DATE,                             -- app-maintained: set when status becomes paid (000 trigger)
    payment_method    VARCHAR(20)
                      CONSTRAINT ck_invoices_payment_method CHECK (payment_method IN ('bank_transfer', 'card', 'check', 'cash', 'other')),
    payment_reference VARCHAR(200),                     -- cheque number, card/gateway reference
    description       VARCHAR,
    notes             VARCHAR,
    terms             VARCHAR,                          -- printed terms and conditions
    pdf_content_hash  VARCHAR(64),                      -- rendered PDF in the content store (000 pdf_url)
    version           BIGINT NOT NULL DEFAULT 1,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by        UUID REFERENCES users(id),
    deleted_at        TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_invoices_org_number UNIQUE (organization_id, invoice_number),
    CONSTRAINT ck_invoices_number_when_issued CHECK (invoice_number IS NOT NULL OR status IN ('draft', 'cancelled')),
    CONSTRAINT ck_invoices_customer CHECK (company_id IS NOT NULL OR contact_id IS NOT NULL),
    CONSTRAINT ck_invoices_due_after_issue CHECK (due_date >= issue_date)
);
CREATE INDEX ix_invoices_org_status   ON invoices (organization_id, status);
CREATE INDEX ix_invoices_org_due_date ON invoices (organization_id, due_date);
CREATE INDEX ix_invoices_org_issue    ON invoices (organization_id, issue_date DESC);
CREATE INDEX ix_invoices_org_company  ON invoices (organization_id, company_id);
CREATE INDEX ix_invoices_org_contact  ON invoices (organization_id, contact_id);
CREATE INDEX ix_invoices_deal         ON invoices (deal_id);
CREATE INDEX ix_invoices_order        ON invoices (order_id);
CREATE INDEX ix_invoices_org_updated  ON invoices (organization_id, updated_at);

CREATE TABLE invoice_items (
    id              UUID PRIMARY KEY,
    organization_id UUID NOT NULL REFERENCES organizations(id),
    invoice_id      UUID NOT NULL REFERENCES invoices(id) ON DELETE CASCADE,
    product_id      UUID REFERENCES products(id),
    description     VARCHAR NOT NULL,
    quantity        NUMERIC(19,4) NOT NULL DEFAULT 1
                    CONSTRAINT ck_invoice_items_quantity CHECK (quantity > 0),
    unit_price      NUMERIC(19,4) NOT NULL
                    CONSTRAINT ck_invoice_items_unit_price CHECK (unit_price >= 0),
    tax_rate        NUMERIC(7,4)  NOT NULL DEFAULT 0  -- percent
                    CONSTRAINT ck_invoice_items_tax_rate CHECK (tax_rate >= 0),
    discount        NUMERIC(19,4) NOT NULL DEFAULT 0  -- amount off the line
                    CONSTRAINT ck_invoice_items_discount CHECK (discount >= 0),
    line_subtotal   NUMERIC(19,4) NOT NULL DEFAULT 0,   -- app-maintained: quantity * unit_price - discount
    line_tax        NUMERIC(19,4) NOT NULL DEFAULT 0,   -- app-maintained: line_subtotal * tax_rate / 100
    line_total      NUMERIC(19,4) NOT NULL DEFAULT 0,   -- app-maintained: line_subtotal + line_tax (003 amount)
    position        INTEGER NOT NULL DEFAULT 0,
    version         BIGINT NOT NULL DEFAULT 1,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by      UUID REFERENCES users(id),
    deleted_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_invoice_items_invoice ON invoice_items (invoice_id, position);
CREATE INDEX ix_invoice_items_org_product ON invoice_items (organization_id, product_id);

CREATE TABLE payments (
    id               UUID PRIMARY KEY,
    organization_id  UUID NOT NULL REFERENCES organizations(id),
    invoice_id       UUID REFERENCES invoices(id),
    company_id       UUID REFERENCES companies(id),
    amount           NUMERIC(19,4) NOT NULL
                     CONSTRAINT ck_payments_amount CHECK (amount > 0),
    currency         CHAR(3) NOT NULL DEFAULT 'USD',
    method           VARCHAR(20) NOT NULL DEFAULT 'bank_transfer'
                     CONSTRAINT ck_payments_method CHECK (method IN ('bank_transfer', 'card', 'check', 'cash', 'other')),
    payment_date     DATE NOT NULL DEFAULT CURRENT_DATE,
    reference_number VARCHAR(100),
    notes            VARCHAR,
    version          BIGINT NOT NULL DEFAULT 1,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by       UUID REFERENCES users(id),
    deleted_at       TIMESTAMP WITH TIME ZONE,
    CONSTRAINT ck_payments_target CHECK (invoice_id IS NOT NULL OR company_id IS NOT NULL)
);
CREATE INDEX ix_payments_invoice     ON payments (invoice_id);
CREATE INDEX ix_payments_org_company ON payments (organization_id, company_id);
CREATE INDEX ix_payments_org_date    ON payments (organization_id, payment_date DESC);

-- Money movements (004): payments, refunds and credits, possibly through a gateway.
CREATE TABLE transactions (
    id                     UUID PRIMARY KEY,
    organization_id        UUID NOT NULL REFERENCES organizations(id),
    order_id               UUID REFERENCES orders(id),
    invoice_id             UUID REFERENCES invoices(id),
    payment_id             UUID REFERENCES payments(id),  -- the invoice payment this money movement settled
    company_id             UUID REFERENCES companies(id),
    contact_id             UUID REFERENCES contacts(id),
    transaction_type       VARCHAR(20) NOT NULL DEFAULT 'payment'
                           CONSTRAINT ck_transactions_transaction_type CHECK (transaction_type IN ('payment', 'refund', 'credit')),
    amount                 NUMERIC(19,4) NOT NULL
                           CONSTRAINT ck_transactions_amount CHECK (amount >= 0),
    currency               CHAR(3) NOT NULL DEFAULT 'USD',
    status                 VARCHAR(20) NOT NULL DEFAULT 'pending'
                           CONSTRAINT ck_transactions_status CHECK (status IN ('pending', 'completed', 'failed', 'cancelled')),
    payment_method         VARCHAR(50),
    payment_gateway        VARCHAR(50),                   -- 'manual' locally; stripe/paypal only as imported labels
    gateway_transaction_id VARCHAR(200),
    occurred_at            TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    metadata               VARCHAR,                       -- JSON text
    version                BIGINT NOT NULL DEFAULT 1,
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at             TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by             UUID REFERENCES users(id),
    deleted_at             TIMESTAMP WITH TIME ZONE,
    CONSTRAINT ck_transactions_customer CHECK (company_id IS NOT NULL OR contact_id IS NOT NULL)
);
CREATE INDEX ix_transactions_order       ON transactions (order_id);
CREATE INDEX ix_transactions_invoice     ON transactions (invoice_id);
CREATE INDEX ix_transactions_org_contact ON transactions (organization_id, contact_id);
CREATE INDEX ix_transactions_org_company ON transactions (organization_id, company_id);
CREATE INDEX ix_transactions_org_date    ON transactions (organization_id, occurred_at DESC);
