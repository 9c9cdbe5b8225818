-- =============================================================================
-- V2  CRM core: industries, companies, contacts, leads, tags, custom fields
-- -----------------------------------------------------------------------------
-- companies unifies 000 clients, 001 crm_clients, 002 crm_organizers, 003 clients,
-- 004 companies. contacts unifies 000 contacts, 002 crm_contacts, 004 contacts
-- (001 chat identities live in chat_contacts, V7, and point here). leads is 003 leads
-- plus the 001 lifecycle. Seed TEXT[]/jsonb tags -> tags + entity_tags; seed
-- custom_fields jsonb -> custom_field_definitions + custom_field_values.
--
-- Columns marked "app-maintained" are derived values the service layer writes in
-- the same transaction as the source change (no triggers: one implementation for
-- H2 and PostgreSQL). *_lc columns = lower(trim(...)) for indexed prefix search
-- (H2 has no expression indexes); *_digits = the digits of a phone number.
-- =============================================================================

-- Industry picklist, per organization (the app copies the 000 defaults into a new
-- organization, see SEED-MAPPING.md "Organization bootstrap defaults").
CREATE TABLE industries (
    id              UUID PRIMARY KEY,
    organization_id UUID NOT NULL REFERENCES organizations(id),
    name            VARCHAR(100) NOT NULL,
    is_active       BOOLEAN NOT NULL DEFAULT TRUE,
    version         BIGINT NOT NULL DEFAULT 1,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by      UUID REFERENCES users(id),
    deleted_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_industries_org_name UNIQUE (organization_id, name)
);

CREATE TABLE companies (
    id                     UUID PRIMARY KEY,
    organization_id        UUID NOT NULL REFERENCES organizations(id),
    name                   VARCHAR(200) NOT NULL,       -- display name
    name_lc                VARCHAR(200) NOT NULL,       -- app-maintained: lower(trim(name))
    legal_name             VARCHAR(200),                -- 000 company_name (registered name)
    domain                 VARCHAR(255),                -- 004 e-mail/web domain, used to match contacts
    email                  VARCHAR(320),                -- 000 email, 001 email, 002 primary_email
    email_lc               VARCHAR(320),                -- app-maintained: lower(trim(email))
    phone                  VARCHAR(50),                 -- 002 primary_phone
    secondary_phone        VARCHAR(50),                 -- 001
    website                VARCHAR(2048),
    industry_id            UUID REFERENCES industries(id),
    company_size           VARCHAR(20)
                           CONSTRAINT ck_companies_company_size CHECK (company_size IN ('1-10', '11-50', '51-200', '201-500', '500+',
                                                                                        'startup', 'small', 'medium', 'large', 'enterprise')),
    status                 VARCHAR(20) NOT NULL DEFAULT 'active'
                           CONSTRAINT ck_companies_status CHECK (status IN ('active', 'inactive', 'prospect', 'archived', 'churned')),
    client_type            VARCHAR(20) NOT NULL DEFAULT 'lead'      -- 001 relationship type
                           CONSTRAINT ck_companies_client_type CHECK (client_type IN ('lead', 'prospect', 'customer', 'partner', 'inactive')),
    lifecycle_stage        VARCHAR(20) NOT NULL DEFAULT 'lead'      -- 001 marketing funnel position
                           CONSTRAINT ck_companies_lifecycle_stage CHECK (lifecycle_stage IN ('lead', 'mql', 'sql', 'opportunity', 'customer',
                                                                                              'evangelist', 'churned')),
    lead_score             INTEGER NOT NULL DEFAULT 0
                           CONSTRAINT ck_companies_lead_score CHECK (lead_score BETWEEN 0 AND 100),
    lead_quality           VARCHAR(20)
                           CONSTRAINT ck_companies_lead_quality CHECK (lead_quality IN ('hot', 'warm', 'cold', 'unqualified')),
    engagement_score       INTEGER NOT NULL DEFAULT 50  -- app-maintained (002 formula)
                           CONSTRAINT ck_companies_engagement_score CHECK (engagement_score BETWEEN 0 AND 100),
    health_score           INTEGER NOT NULL DEFAULT 50
                           CONSTRAINT ck_companies_health_score CHECK (health_score BETWEEN 0 AND 100),
    churn_risk             VARCHAR(10) NOT NULL DEFAULT 'low'
                           CONSTRAINT ck_companies_churn_risk CHECK (churn_risk IN ('low', 'medium', 'high')),
    annual_events          INTEGER NOT NULL DEFAULT 0  -- 002 events the client runs per year
                           CONSTRAINT ck_companies_annual_events CHECK (annual_events >= 0),
    annual_revenue         NUMERIC(19,4),               -- 004 the company's own revenue (firmographic)
    event_history          VARCHAR,                     -- JSON text: [{event_id, event_date, revenue, satisfaction}] (002)
    address_line1          VARCHAR(200),
    address_line2          VARCHAR(200),
    city                   VARCHAR(100),
    state                  VARCHAR(100),
    postal_code            VARCHAR(20),
    country                VARCHAR(100) DEFAULT 'USA',  -- 000 default
    billing_address_line1  VARCHAR(200),
    billing_address_line2  VARCHAR(200),
    billing_city           VARCHAR(100),
    billing_state          VARCHAR(100),
    billing_postal_code    VARCHAR(20),
    billing_country        VARCHAR(100),
    notes                  VARCHAR,
    payment_terms          VARCHAR(50),                 -- e.g. net_30, net_60 (003)
    credit_limit           NUMERIC(19,4)
                           CONSTRAINT ck_companies_credit_limit CHECK (credit_limit >= 0),
    currency               CHAR(3),                     -- billing currency; NULL = organization currency
    tax_id                 VARCHAR(100),
    total_orders           INTEGER       NOT NULL DEFAULT 0  -- app-maintained roll-up (001)
                           CONSTRAINT ck_companies_total_orders CHECK (total_orders >= 0),
    total_revenue          NUMERIC(19,4) NOT NULL DEFAULT 0,   -- app-maintained roll-up (001/002)
    average_order_value    NUMERIC(19,4) NOT NULL DEFAULT 0,   -- app-maintained roll-up (001)
    lifetime_value         NUMERIC(19,4) NOT NULL DEFAULT 0,   -- app-maintained roll-up (000/002, 001 calculate_client_ltv)
    source                 VARCHAR(100),                -- lead source (002 lead_source values suggested)
    source_details         VARCHAR,                     -- JSON text (001)
    utm_data               VARCHAR,                     -- JSON text: {utm_source, utm_medium, utm_campaign, ...} (001)
    ecommerce_customer_id  VARCHAR(100),                -- id in an external shop / import source (001)
    platform_user_id       VARCHAR(200),                -- chat platform user id this client came from (001)
    first_contacted_at     TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP, -- 001 first_contact_date
    last_contacted_at      TIMESTAMP WITH TIME ZONE,    -- app-maintained: latest logged interaction (001/002)
    next_follow_up_at      TIMESTAMP WITH TIME ZONE,    -- 001 next_follow_up_date
    owner_id               UUID REFERENCES users(id),   -- 000/002 assigned_to, 003 account_manager_id, 004 owner_id
    metadata               VARCHAR,                     -- JSON text (003)
    version                BIGINT NOT NULL DEFAULT 1,
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at             TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by             UUID REFERENCES users(id),
    deleted_at             TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_companies_org_ecommerce_id UNIQUE (organization_id, ecommerce_customer_id)
);
CREATE INDEX ix_companies_org_name_lc     ON companies (organization_id, name_lc, id);
CREATE INDEX ix_companies_org_email_lc    ON companies (organization_id, email_lc, id);
CREATE INDEX ix_companies_org_owner       ON companies (organization_id, owner_id);
CREATE INDEX ix_companies_org_status      ON companies (organization_id, status);
CREATE INDEX ix_companies_org_lifecycle   ON companies (organization_id, lifecycle_stage);
CREATE INDEX ix_companies_org_client_type ON companies (organization_id, client_type);
CREATE INDEX ix_companies_org_industry    ON companies (organization_id, industry_id);
CREATE INDEX ix_companies_org_engagement  ON companies (organization_id, engagement_score);
CREATE INDEX ix_companies_org_platform_user ON companies (organization_id, platform_user_id);
CREATE INDEX ix_companies_org_created     ON companies (organization_id, created_at DESC);
CREATE INDEX ix_companies_org_updated     ON companies (organization_id, updated_at);

CREATE TABLE contacts (
    id                       UUID PRIMARY KEY,
    organization_id          UUID NOT NULL REFERENCES organizations(id),
    company_id               UUID REFERENCES companies(id),
    first_name               VARCHAR(100) NOT NULL,     -- 002 full_name is split by the app
    last_name                VARCHAR(100),
    full_name_lc             VARCHAR(201) NOT NULL,     -- app-maintained: lower(trim(first_name || ' ' || last_name))
    last_name_lc             VARCHAR(100),              -- app-maintained: lower(trim(last_name))
    email                    VARCHAR(320),
    email_lc                 VARCHAR(320),              -- app-maintained: lower(trim(email)) while live, NULL once deleted (frees the address)
    phone                    VARCHAR(50),
    phone_digits             VARCHAR(50),               -- app-maintained: digits of phone (else of mobile)
    mobile                   VARCHAR(50),
    job_title                VARCHAR(200),              -- 000 job_title, 002/004 title
    department               VARCHAR(200),
    company_name             VARCHAR(200),              -- 004 free-text company when no companies row is linked
    website                  VARCHAR(2048),
    linkedin_url             VARCHAR(2048),
    twitter_url              VARCHAR(2048),
    avatar_url               VARCHAR(2048),
    is_primary               BOOLEAN NOT NULL DEFAULT FALSE,
    primary_of_company_id    UUID REFERENCES companies(id), -- app-maintained: = company_id while is_primary and not deleted, else NULL;
                                                            -- UNIQUE gives "one primary contact per company" (002) without a partial index
    is_vip                   BOOLEAN NOT NULL DEFAULT FALSE,  -- 002 vip_status
    is_decision_maker        BOOLEAN NOT NULL DEFAULT FALSE,
    influence_level          VARCHAR(10)
                             CONSTRAINT ck_contacts_influence_level CHECK (influence_level IN ('low', 'medium', 'high')),
    communication_preference VARCHAR(20) NOT NULL DEFAULT 'email'
                             CONSTRAINT ck_contacts_communication_preference CHECK (communication_preference IN ('email', 'phone', 'whatsapp', 'any')),
    timezone                 VARCHAR(64),               -- IANA zone; NULL = organization timezone
    language                 VARCHAR(20) NOT NULL DEFAULT 'en',
    opt_in_email             BOOLEAN NOT NULL DEFAULT TRUE,
    opt_in_sms               BOOLEAN NOT NULL DEFAULT TRUE,
    opt_in_calls             BOOLEAN NOT NULL DEFAULT TRUE,
    opt_in_automations       BOOLEAN NOT NULL DEFAULT TRUE,
    status                   VARCHAR(20) NOT NULL DEFAULT 'active'
                             CONSTRAINT ck_contacts_status CHECK (status IN ('active', 'inactive', 'lead', 'contact', 'customer')),
    lifecycle_stage          VARCHAR(20)
                             CONSTRAINT ck_contacts_lifecycle_stage CHECK (lifecycle_stage IN ('lead', 'mql', 'sql', 'opportunity', 'customer',
                                                                                               'evangelist', 'churned')),
    lead_score               INTEGER
                             CONSTRAINT ck_contacts_lead_score CHECK (lead_score BETWEEN 0 AND 100),
    lead_quality             VARCHAR(20)
                             CONSTRAINT ck_contacts_lead_quality CHECK (lead_quality IN ('hot', 'warm', 'cold', 'unqualified')),
    engagement_level         VARCHAR(10)  -- 004 engagement
                             CONSTRAINT ck_contacts_engagement_level CHECK (engagement_level IN ('high', 'medium', 'low')),
    engagement_score         INTEGER NOT NULL DEFAULT 50  -- 002
                             CONSTRAINT ck_contacts_engagement_score CHECK (engagement_score BETWEEN 0 AND 100),
    last_contacted_at        TIMESTAMP WITH TIME ZONE,  -- app-maintained (002 last_contact_date, 004 last_contacted_at)
    owner_id                 UUID REFERENCES users(id),
    source                   VARCHAR(100),
    address_line1            VARCHAR(200),
    address_line2            VARCHAR(200),
    city                     VARCHAR(100),
    state                    VARCHAR(100),
    postal_code              VARCHAR(20),
    country                  VARCHAR(100),
    birthday                 DATE,                      -- 004 dob
    notes                    VARCHAR,
    version                  BIGINT NOT NULL DEFAULT 1,
    created_at               TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at               TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by               UUID REFERENCES users(id),
    deleted_at               TIMESTAMP WITH TIME ZONE,
    -- one live contact per e-mail address in an organization (004; implies 000 unique per client)
    CONSTRAINT uq_contacts_org_email_lc UNIQUE (organization_id, email_lc),
    CONSTRAINT uq_contacts_primary_of_company UNIQUE (primary_of_company_id),
    CONSTRAINT ck_contacts_primary_consistent CHECK (
        primary_of_company_id IS NULL
        OR (is_primary = TRUE AND company_id IS NOT NULL AND primary_of_company_id = company_id
            AND deleted_at IS NULL)),
    CONSTRAINT ck_contacts_email_lc_live CHECK (email_lc IS NULL OR deleted_at IS NULL)
);
CREATE INDEX ix_contacts_org_full_name_lc ON contacts (organization_id, full_name_lc, id);
CREATE INDEX ix_contacts_org_last_name_lc ON contacts (organization_id, last_name_lc, id);
CREATE INDEX ix_contacts_org_phone_digits ON contacts (organization_id, phone_digits, id);
CREATE INDEX ix_contacts_org_company      ON contacts (organization_id, company_id);
CREATE INDEX ix_contacts_org_owner        ON contacts (organization_id, owner_id);
CREATE INDEX ix_contacts_org_status       ON contacts (organization_id, status);
CREATE INDEX ix_contacts_org_updated      ON contacts (organization_id, updated_at);
CREATE INDEX ix_contacts_company          ON contacts (company_id);

CREATE TABLE leads (
    id                   UUID PRIMARY KEY,
    organization_id      UUID NOT NULL REFERENCES organizations(id),
    first_name           VARCHAR(100) NOT NULL,
    last_name            VARCHAR(100),
    full_name_lc         VARCHAR(201) NOT NULL,         -- app-maintained: lower(trim(first_name || ' ' || last_name))
    last_name_lc         VARCHAR(100),                  -- app-maintained
    email                VARCHAR(320),
    email_lc             VARCHAR(320),                  -- app-maintained
    phone                VARCHAR(50),
    phone_digits         VARCHAR(50),                   -- app-maintained
    company_name         VARCHAR(200),                  -- 003 company
    job_title            VARCHAR(200),
    source               VARCHAR(100),                  -- e.g. website, referral, cold_call (003)
    status               VARCHAR(20) NOT NULL DEFAULT 'new'
                         CONSTRAINT ck_leads_status CHECK (status IN ('new', 'contacted', 'qualified', 'converted', 'lost')),
    stage                VARCHAR(20) NOT NULL DEFAULT 'prospect'
                         CONSTRAINT ck_leads_stage CHECK (stage IN ('prospect', 'qualified', 'proposal', 'negotiation',
                                                                    'closed_won', 'closed_lost')),
    lifecycle_stage      VARCHAR(20) NOT NULL DEFAULT 'lead'
                         CONSTRAINT ck_leads_lifecycle_stage CHECK (lifecycle_stage IN ('lead', 'mql', 'sql', 'opportunity', 'customer',
                                                                                        'evangelist', 'churned')),
    score                INTEGER NOT NULL DEFAULT 0
                         CONSTRAINT ck_leads_score CHECK (score BETWEEN 0 AND 100),
    quality              VARCHAR(20)
                         CONSTRAINT ck_leads_quality CHECK (quality IN ('hot', 'warm', 'cold', 'unqualified')),
    estimated_value      NUMERIC(19,4)
                         CONSTRAINT ck_leads_estimated_value CHECK (estimated_value >= 0),
    currency             CHAR(3),
    expected_close_date  DATE,
    owner_id             UUID REFERENCES users(id),     -- 003 assigned_to
    converted_at         TIMESTAMP WITH TIME ZONE,
    converted_company_id UUID REFERENCES companies(id), -- 003 converted_to_client_id
    converted_contact_id UUID REFERENCES contacts(id),
    converted_deal_id    UUID,                          -- FK to deals added in V3
    notes                VARCHAR,
    metadata             VARCHAR,                       -- JSON text (003)
    version              BIGINT NOT NULL DEFAULT 1,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by           UUID REFERENCES users(id),
    deleted_at           TIMESTAMP WITH TIME ZONE,
    CONSTRAINT ck_leads_converted CHECK (status <> 'converted' OR converted_at IS NOT NULL)
);
CREATE INDEX ix_leads_org_full_name_lc ON leads (organization_id, full_name_lc, id);
CREATE INDEX ix_leads_org_last_name_lc ON leads (organization_id, last_name_lc, id);
CREATE INDEX ix_leads_org_email_lc     ON leads (organization_id, email_lc, id);
CREATE INDEX ix_leads_org_phone_digits ON leads (organization_id, phone_digits, id);
CREATE INDEX ix_leads_org_owner        ON leads (organization_id, owner_id);
CREATE INDEX ix_leads_org_status       ON leads (organization_id, status);
CREATE INDEX ix_leads_org_stage        ON leads (organization_id, stage);
CREATE INDEX ix_leads_org_created      ON leads (organization_id, created_at DESC);
CREATE INDEX ix_leads_org_updated      ON leads (organization_id, updated_at);

-- Tags (001 crm_tags, 004 tags). Assignments: entity_tags.
CREATE TABLE tags (
    id              UUID PRIMARY KEY,
    organization_id UUID NOT NULL REFERENCES organizations(id),
    name            VARCHAR(100) NOT NULL,
    color           VARCHAR(20)  NOT NULL DEFAULT '#3B82F6',
    category        VARCHAR(100),                       -- 001
    type            VARCHAR(20)  NOT NULL DEFAULT 'general'   -- 004: what the tag is meant for
                    CONSTRAINT ck_tags_type CHECK (type IN ('contact', 'company', 'general')),
    usage_count     INTEGER NOT NULL DEFAULT 0  -- app-maintained: live entity_tags rows
                    CONSTRAINT ck_tags_usage_count CHECK (usage_count >= 0),
    version         BIGINT NOT NULL DEFAULT 1,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by      UUID REFERENCES users(id),
    deleted_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_tags_org_name UNIQUE (organization_id, name)
);
CREATE INDEX ix_tags_org_category ON tags (organization_id, category);

-- Polymorphic tag assignment; replaces every seed tags TEXT[] / jsonb column.
-- Removing a tag sets deleted_at (tombstone for sync); re-adding clears it.
CREATE TABLE entity_tags (
    tag_id          UUID NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    entity_type     VARCHAR(30) NOT NULL
                    CONSTRAINT ck_entity_tags_entity_type CHECK (entity_type IN ('company', 'contact', 'lead', 'deal', 'activity', 'note',
                                                                                 'document', 'product', 'order', 'invoice', 'event',
                                                                                 'ticket', 'project', 'asset', 'campaign', 'form')),
    entity_id       UUID NOT NULL,
    organization_id UUID NOT NULL REFERENCES organizations(id),
    version         BIGINT NOT NULL DEFAULT 1,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by      UUID REFERENCES users(id),
    deleted_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_entity_tags PRIMARY KEY (tag_id, entity_type, entity_id)
);
CREATE INDEX ix_entity_tags_org_entity ON entity_tags (organization_id, entity_type, entity_id);

-- Custom fields (001/004 custom_fields jsonb) as typed definitions + values.
CREATE TABLE custom_field_definitions (
    id              UUID PRIMARY KEY,
    organization_id UUID NOT NULL REFERENCES organizations(id),
    entity_type     VARCHAR(30) NOT NULL
                    CONSTRAINT ck_custom_field_definitions_entity_type CHECK (entity_type IN ('company', 'contact', 'lead', 'deal', 'product', 'order',
                                                                                              'invoice', 'ticket', 'project', 'event')),
    name            VARCHAR(100) NOT NULL,              -- stable key (snake_case)
    label           VARCHAR(200) NOT NULL,              -- UI label
    field_type      VARCHAR(20)  NOT NULL
                    CONSTRAINT ck_custom_field_definitions_field_type CHECK (field_type IN ('text', 'number', 'date', 'choice', 'boolean')),
    options         VARCHAR,                            -- JSON text: choices for field_type = 'choice'
    is_required     BOOLEAN NOT NULL DEFAULT FALSE,
    position        INTEGER NOT NULL DEFAULT 0,         -- display order
    version         BIGINT NOT NULL DEFAULT 1,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by      UUID REFERENCES users(id),
    deleted_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_custom_field_definitions_name UNIQUE (organization_id, entity_type, name)
);

-- One value per (definition, record); exactly one value_* column is used, by field_type.
CREATE TABLE custom_field_values (
    id              UUID PRIMARY KEY,
    organization_id UUID NOT NULL REFERENCES organizations(id),
    definition_id   UUID NOT NULL REFERENCES custom_field_definitions(id) ON DELETE CASCADE,
    entity_id       UUID NOT NULL,                      -- id of the record of definition.entity_type
    value_text      VARCHAR,                            -- text and choice
    value_number    NUMERIC(28,8),
    value_date      DATE,
    value_boolean   BOOLEAN,
    version         BIGINT NOT NULL DEFAULT 1,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by      UUID REFERENCES users(id),
    deleted_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_custom_field_values_def_entity UNIQUE (definition_id, entity_id)
);
CREATE INDEX ix_custom_field_values_org_entity ON custom_field_values (organization_id, entity_id);
