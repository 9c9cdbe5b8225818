-- =============================================================================
-- V3  Pipelines and deals
-- -----------------------------------------------------------------------------
-- pipelines/pipeline_stages unify 000 deal_stages, 002 crm_pipeline_stages and
-- 004 pipelines/pipeline_stages (fixed 000/001 stage enums become stage rows).
-- deals unifies 000 deals, 001 crm_deals, 002 crm_opportunities, 004 pipeline_cards.
-- deal_stage_history is 001 crm_deal_stages_history (append-only).
-- deal_products (001 crm_deals.products jsonb) is created in V5, after products.
--
-- Stage moves are a service operation (PipelineService.moveDeal): it updates
-- stage/status/probability/expected_revenue/close date and writes history in one
-- transaction; see SEED-MAPPING.md for the exact rules.
-- =============================================================================

CREATE TABLE pipelines (
    id              UUID PRIMARY KEY,
    organization_id UUID NOT NULL REFERENCES organizations(id),
    name            VARCHAR(200) NOT NULL,
    description     VARCHAR,
    type            VARCHAR(20) NOT NULL DEFAULT 'sales'
                    CONSTRAINT ck_pipelines_type CHECK (type IN ('sales', 'project', 'hiring', 'custom')),
    is_default      BOOLEAN NOT NULL DEFAULT FALSE,     -- the pipeline new deals go to (one per organization, service rule)
    position        INTEGER NOT NULL DEFAULT 0,         -- order of pipelines in the UI
    archived_at     TIMESTAMP WITH TIME ZONE,           -- 004 is_active = false; hidden from pickers, data kept
    version         BIGINT NOT NULL DEFAULT 1,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by      UUID REFERENCES users(id),
    deleted_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_pipelines_org_name UNIQUE (organization_id, name)
);

CREATE TABLE pipeline_stages (
    id                  UUID PRIMARY KEY,
    organization_id     UUID NOT NULL REFERENCES organizations(id),
    pipeline_id         UUID NOT NULL REFERENCES pipelines(id),
    name                VARCHAR(100) NOT NULL,
    description         VARCHAR,
    position            INTEGER NOT NULL,               -- column order (000 display_order, 002 order_index)
    color               VARCHAR(20) NOT NULL DEFAULT '#3b82f6',
    default_probability INTEGER NOT NULL DEFAULT 50     -- deal probability on entering the stage
                        CONSTRAINT ck_pipeline_stages_default_probability CHECK (default_probability BETWEEN 0 AND 100),
    is_closed           BOOLEAN NOT NULL DEFAULT FALSE, -- won or lost (004 is_final)
    is_won              BOOLEAN NOT NULL DEFAULT FALSE,
    auto_actions        VARCHAR,                        -- JSON text: [{action:'send_email', template:'welcome'}] run on entry (002)
    archived_at         TIMESTAMP WITH TIME ZONE,       -- 000/002 is_active = false
    version             BIGINT NOT NULL DEFAULT 1,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by          UUID REFERENCES users(id),
    deleted_at          TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_pipeline_stages_position UNIQUE (pipeline_id, position),
    CONSTRAINT uq_pipeline_stages_name UNIQUE (pipeline_id, name),
    CONSTRAINT ck_pipeline_stages_won_is_closed CHECK (is_won = FALSE OR is_closed = TRUE)
);
CREATE INDEX ix_pipeline_stages_org ON pipeline_stages (organization_id, pipeline_id);

CREATE TABLE deals (
    id                  UUID PRIMARY KEY,
    organization_id     UUID NOT NULL REFERENCES organizations(id),
    pipeline_id         UUID NOT NULL REFERENCES pipelines(id),
    stage_id            UUID NOT NULL REFERENCES pipeline_stages(id),
    position            BIGINT NOT NULL DEFAULT 0,      -- card order inside its stage column; sparse (gaps of 1024), renumbered when a gap closes
    name                VARCHAR(200) NOT NULL,          -- 000 deal_name, 004 title
    name_lc             VARCHAR(200) NOT NULL,          -- app-maintained: lower(trim(name))
    description         VARCHAR,
    company_id          UUID REFERENCES companies(id),
    contact_id          UUID REFERENCES contacts(id),
    deal_value          NUMERIC(19,4) NOT NULL DEFAULT 0  -- 000/001 deal_value, 002/004 value ("value" is reserved in H2)
                        CONSTRAINT ck_deals_deal_value CHECK (deal_value >= 0),
    currency            CHAR(3) NOT NULL DEFAULT 'USD',
    probability         INTEGER NOT NULL DEFAULT 0
                        CONSTRAINT ck_deals_probability CHECK (probability BETWEEN 0 AND 100),
    expected_revenue    NUMERIC(19,4) NOT NULL DEFAULT 0, -- app-maintained: deal_value * probability / 100 (002 generated column)
    status              VARCHAR(20) NOT NULL DEFAULT 'open'
                        CONSTRAINT ck_deals_status CHECK (status IN ('open', 'won', 'lost', 'abandoned')),
    expected_close_date DATE,                           -- 004 pipeline_cards.due_date
    actual_close_date   DATE,                           -- app-maintained: set on entering a closed stage, cleared on reopen
    stage_entered_at    TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP, -- 001 stage_changed_at, 002 last_stage_change_at
    won_reason          VARCHAR(500),
    lost_reason         VARCHAR(500),                   -- 000/002 loss_reason, 001 lost_reason
    lost_reason_details VARCHAR,
    competitor          VARCHAR(200),
    source              VARCHAR(30)
                        CONSTRAINT ck_deals_source CHECK (source IN ('website', 'referral', 'brief_wizard', 'cold_outreach', 'inbound',
                                                                     'partner', 'outbound', 'event', 'marketing', 'other')),
    source_detail       VARCHAR(500),
    priority            VARCHAR(10)
                        CONSTRAINT ck_deals_priority CHECK (priority IN ('low', 'medium', 'high')),
    owner_id            UUID REFERENCES users(id),      -- 000/002 assigned_to, 001/004 owner_id
    event_id            UUID,                           -- 002 opportunity for an event; FK to events added in V6
    ai_score            INTEGER  -- local scoring model's win probability
                        CONSTRAINT ck_deals_ai_score CHECK (ai_score BETWEEN 0 AND 100),
    ai_insights         VARCHAR,                        -- JSON text: {next_action, risk_factors, recommendations}
    notes               VARCHAR,
    version             BIGINT NOT NULL DEFAULT 1,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by          UUID REFERENCES users(id),
    deleted_at          TIMESTAMP WITH TIME ZONE,
    CONSTRAINT ck_deals_open_has_no_close_date CHECK (status <> 'open' OR actual_close_date IS NULL)
);
CREATE INDEX ix_deals_org_board        ON deals (organization_id, pipeline_id, stage_id, position);
CREATE INDEX ix_deals_org_name_lc      ON deals (organization_id, name_lc, id);
CREATE INDEX ix_deals_org_owner        ON deals (organization_id, owner_id);
CREATE INDEX ix_deals_org_status       ON deals (organization_id, status);
CREATE INDEX ix_deals_org_company      ON deals (organization_id, company_id);
CREATE INDEX ix_deals_org_contact      ON deals (organization_id, contact_id);
CREATE INDEX ix_deals_org_close_date   ON deals (organization_id, expected_close_date);
CREATE INDEX ix_deals_org_created      ON deals (organization_id, created_at DESC);
CREATE INDEX ix_deals_org_updated      ON deals (organization_id, updated_at);
CREATE INDEX ix_deals_stage            ON deals (stage_id);
CREATE INDEX ix_deals_event            ON deals (event_id);

-- 004 pipeline_cards.assignees (jsonb array of user ids): extra people working a deal.
CREATE TABLE deal_assignees (
    deal_id         UUID NOT NULL REFERENCES deals(id) ON DELETE CASCADE,
    user_id         UUID NOT NULL REFERENCES users(id),
    organization_id UUID NOT NULL REFERENCES organizations(id),
    version         BIGINT NOT NULL DEFAULT 1,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by      UUID REFERENCES users(id),
    deleted_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_deal_assignees PRIMARY KEY (deal_id, user_id)
);
CREATE INDEX ix_deal_assignees_org_user ON deal_assignees (organization_id, user_id);

-- Append-only log of stage moves (001). Stage names are copied so the history
-- still reads correctly after a stage is renamed or archived.
CREATE TABLE deal_stage_history (
    id                           UUID PRIMARY KEY,
    organization_id              UUID NOT NULL REFERENCES organizations(id),
    deal_id                      UUID NOT NULL REFERENCES deals(id) ON DELETE CASCADE,
    from_stage_id                UUID REFERENCES pipeline_stages(id),  -- NULL for the first placement
    to_stage_id                  UUID NOT NULL REFERENCES pipeline_stages(id),
    from_stage_name              VARCHAR(100),
    to_stage_name                VARCHAR(100) NOT NULL,
    changed_by                   UUID REFERENCES users(id),
    changed_at                   TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    note                         VARCHAR,
    duration_in_previous_seconds BIGINT  -- time spent in from_stage
                                 CONSTRAINT ck_deal_stage_history_duration_in_previous_seconds CHECK (duration_in_previous_seconds >= 0),
    created_at                   TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX ix_deal_stage_history_deal ON deal_stage_history (deal_id, changed_at);
CREATE INDEX ix_deal_stage_history_org_changed ON deal_stage_history (organization_id, changed_at);

ALTER TABLE leads ADD CONSTRAINT fk_leads_converted_deal FOREIGN KEY (converted_deal_id) REFERENCES deals(id);
