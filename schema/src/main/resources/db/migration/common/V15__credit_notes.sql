-- =============================================================================
-- V15  Credit notes
-- -----------------------------------------------------------------------------
-- An issued invoice is never edited: it is cancelled (nothing paid) or credited.
-- A credit note is a document of its own with a gap-free number from
-- invoice_number_series (prefix CN, per year, same locking as invoices), linked
-- to the invoice it credits, with lines copied from it (all, or reduced
-- quantities/amounts for a partial credit) and a reason.
--
-- Amounts on the credit note are stored positive; their effect is negative:
-- invoices.credited_total (app-maintained: sum of the live credit notes of the
-- invoice) is taken off the balance due (balance_due = max(0, total - paid -
-- credited)). A credit of more than the unpaid part leaves a refund due to the
-- client (paid + credited - total). A fully credited invoice with nothing paid
-- gets status 'credited' (not open, never overdue). credited_total <= total is
-- enforced by the service (with the invoice row locked) and by a CHECK.
-- =============================================================================

ALTER TABLE invoices ADD COLUMN credited_total NUMERIC(19,4) NOT NULL DEFAULT 0;
ALTER TABLE invoices ADD CONSTRAINT ck_invoices_credited_total CHECK (credited_total >= 0 AND credited_total <= total);
ALTER TABLE invoices DROP CONSTRAINT ck_invoices_status;
ALTER TABLE invoices ADD CONSTRAINT ck_invoices_status
    CHECK (status IN ('draft', 'sent', 'partially_paid', 'paid', 'overdue', 'cancelled', 'credited'));

CREATE TABLE credit_notes (
    id                 UUID PRIMARY KEY,
    organization_id    UUID NOT NULL REFERENCES organizations(id),
    credit_note_number VARCHAR(50) NOT NULL,             -- e.g. CN-2026-0001, from invoice_number_series
    series_prefix      VARCHAR(20) NOT NULL,
    series_year        INTEGER NOT NULL,
    invoice_id         UUID NOT NULL REFERENCES invoices(id),
    company_id         UUID REFERENCES companies(id),    -- copied from the invoice (roll-ups, rules)
    contact_id         UUID REFERENCES contacts(id),
    currency           CHAR(3) NOT NULL,                 -- always the invoice's currency
    issue_date         DATE NOT NULL,
    reason             VARCHAR(1000) NOT NULL,
    subtotal           NUMERIC(19,4) NOT NULL DEFAULT 0  -- app-maintained, positive (the credit's effect is negative)
                       CONSTRAINT ck_credit_notes_subtotal CHECK (subtotal >= 0),
    discount_total     NUMERIC(19,4) NOT NULL DEFAULT 0
                       CONSTRAINT ck_credit_notes_discount_total CHECK (discount_total >= 0),
    tax_total          NUMERIC(19,4) NOT NULL DEFAULT 0
                       CONSTRAINT ck_credit_notes_tax_total CHECK (tax_total >= 0),
    total              NUMERIC(19,4) NOT NULL DEFAULT 0
                       CONSTRAINT ck_credit_notes_total CHECK (total > 0),
    version            BIGINT NOT NULL DEFAULT 1,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by         UUID REFERENCES users(id),
    deleted_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_credit_notes_org_number UNIQUE (organization_id, credit_note_number),
    CONSTRAINT ck_credit_notes_customer CHECK (company_id IS NOT NULL OR contact_id IS NOT NULL)
);
CREATE INDEX ix_credit_notes_invoice     ON credit_notes (invoice_id, issue_date, id);
CREATE INDEX ix_credit_notes_org_company ON credit_notes (organization_id, company_id);
CREATE INDEX ix_credit_notes_org_issue   ON credit_notes (organization_id, issue_date DESC, id DESC);
CREATE INDEX ix_credit_notes_org_updated ON credit_notes (organization_id, updated_at);

CREATE TABLE credit_note_items (
    id              UUID PRIMARY KEY,
    organization_id UUID NOT NULL REFERENCES organizations(id),
    credit_note_id  UUID NOT NULL REFERENCES credit_notes(id) ON DELETE CASCADE,
    invoice_item_id UUID REFERENCES invoice_items(id),   -- the invoice line credited
    product_id      UUID REFERENCES products(id),
    description     VARCHAR NOT NULL,
    quantity        NUMERIC(19,4) NOT NULL
                    CONSTRAINT ck_credit_note_items_quantity CHECK (quantity > 0),
    unit_price      NUMERIC(19,4) NOT NULL
                    CONSTRAINT ck_credit_note_items_unit_price CHECK (unit_price >= 0),
    tax_rate        NUMERIC(7,4)  NOT NULL DEFAULT 0
                    CONSTRAINT ck_credit_note_items_tax_rate CHECK (tax_rate >= 0),
    discount        NUMERIC(19,4) NOT NULL DEFAULT 0
                    CONSTRAINT ck_credit_note_items_discount CHECK (discount >= 0),
    line_subtotal   NUMERIC(19,4) NOT NULL DEFAULT 0,    -- app-maintained, rounded to the currency's minor unit
    line_tax        NUMERIC(19,4) NOT NULL DEFAULT 0,
    line_total      NUMERIC(19,4) NOT NULL DEFAULT 0,
    position        INTEGER NOT NULL DEFAULT 0,
    version         BIGINT NOT NULL DEFAULT 1,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by      UUID REFERENCES users(id),
    deleted_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_credit_note_items_note ON credit_note_items (credit_note_id, position);
