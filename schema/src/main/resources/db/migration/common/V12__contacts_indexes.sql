-- =============================================================================
-- V12  Companies, contacts and leads lists: sort indexes and two search keys
-- -----------------------------------------------------------------------------
-- Every sortable column of the company/contact/lead lists is backed by an index
-- (organization_id, <key>, id), so a page at any depth is an index range scan
-- (keyset paging, never OFFSET) on H2 and PostgreSQL alike. H2 only walks an
-- index in order when ORDER BY names its leading column too, so the lists order
-- by (organization_id, <key>, id).
--
-- Two app-maintained search keys complete "search across name, e-mail, phone,
-- company": companies.phone_digits (digits of phone, else of secondary_phone) and
-- leads.company_name_lc (Normalize.key(company_name)); both written by every
-- writer, like the V2 keys.
-- =============================================================================

ALTER TABLE companies ADD COLUMN phone_digits VARCHAR(50);
ALTER TABLE leads ADD COLUMN company_name_lc VARCHAR(200);
UPDATE leads SET company_name_lc = LOWER(TRIM(company_name)) WHERE company_name IS NOT NULL;

CREATE INDEX ix_companies_org_phone_digits   ON companies (organization_id, phone_digits, id);
CREATE INDEX ix_companies_org_last_contacted ON companies (organization_id, last_contacted_at, id);
CREATE INDEX ix_companies_org_lead_score     ON companies (organization_id, lead_score, id);
CREATE INDEX ix_companies_org_engagement_id  ON companies (organization_id, engagement_score, id);
CREATE INDEX ix_companies_org_created_id     ON companies (organization_id, created_at, id);
CREATE INDEX ix_companies_org_updated_id     ON companies (organization_id, updated_at, id);

CREATE INDEX ix_contacts_org_email_lc        ON contacts (organization_id, email_lc, id);
CREATE INDEX ix_contacts_org_company_id      ON contacts (organization_id, company_id, id);
CREATE INDEX ix_contacts_org_last_contacted  ON contacts (organization_id, last_contacted_at, id);
CREATE INDEX ix_contacts_org_lead_score      ON contacts (organization_id, lead_score, id);
CREATE INDEX ix_contacts_org_engagement      ON contacts (organization_id, engagement_score, id);
CREATE INDEX ix_contacts_org_created_id      ON contacts (organization_id, created_at, id);
CREATE INDEX ix_contacts_org_updated_id      ON contacts (organization_id, updated_at, id);

CREATE INDEX ix_leads_org_company_name_lc    ON leads (organization_id, company_name_lc, id);
CREATE INDEX ix_leads_org_score              ON leads (organization_id, score, id);
CREATE INDEX ix_leads_org_estimated_value    ON leads (organization_id, estimated_value, id);
CREATE INDEX ix_leads_org_expected_close     ON leads (organization_id, expected_close_date, id);
CREATE INDEX ix_leads_org_created_id         ON leads (organization_id, created_at, id);
CREATE INDEX ix_leads_org_updated_id         ON leads (organization_id, updated_at, id);

-- Saved views of one user for one list.
CREATE INDEX ix_saved_views_org_user_entity  ON saved_views (organization_id, user_id, entity, position);
