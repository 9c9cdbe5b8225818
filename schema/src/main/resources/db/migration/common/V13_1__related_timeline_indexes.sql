-- The 360° record's timeline pages the deals, invoices, events and documents of one company or
-- contact by keyset, newest first ((date, id) < (?, ?) ORDER BY date DESC, id DESC). These indexes
-- serve the main date of each kind per company and per contact; the rarer steps (closed, paid,
-- overdue, signed) are narrowed by the same leading columns.
CREATE INDEX ix_deals_org_company_created     ON deals (organization_id, company_id, created_at DESC, id DESC);
CREATE INDEX ix_deals_org_contact_created     ON deals (organization_id, contact_id, created_at DESC, id DESC);
CREATE INDEX ix_invoices_org_company_issue    ON invoices (organization_id, company_id, issue_date DESC, id DESC);
CREATE INDEX ix_invoices_org_contact_issue    ON invoices (organization_id, contact_id, issue_date DESC, id DESC);
CREATE INDEX ix_events_org_company_starts     ON events (organization_id, company_id, starts_at DESC, id DESC);
CREATE INDEX ix_events_org_contact_starts     ON events (organization_id, contact_id, starts_at DESC, id DESC);
CREATE INDEX ix_documents_org_company_created ON documents (organization_id, company_id, created_at DESC, id DESC);
CREATE INDEX ix_documents_org_entity_created  ON documents (organization_id, entity_type, entity_id, created_at DESC, id DESC);
