-- =============================================================================
-- V8  Projects, timesheets, support tickets
-- -----------------------------------------------------------------------------
-- 003 projects, timesheets (with approval), tickets (with SLA) and ticket_comments.
-- 003 tasks are activities rows (is_task = TRUE, project_id set; V4), so
-- timesheets.task_id references activities.
-- =============================================================================

CREATE TABLE projects (
    id              UUID PRIMARY KEY,
    organization_id UUID NOT NULL REFERENCES organizations(id),
    company_id      UUID REFERENCES companies(id),      -- 003 client_id
    name            VARCHAR(200) NOT NULL,
    name_lc         VARCHAR(200) NOT NULL,              -- app-maintained: lower(trim(name))
    description     VARCHAR,
    status          VARCHAR(20) NOT NULL DEFAULT 'planning'
                    CONSTRAINT ck_projects_status CHECK (status IN ('planning', 'in_progress', 'on_hold', 'completed', 'cancelled')),
    priority        VARCHAR(10) NOT NULL DEFAULT 'medium'
                    CONSTRAINT ck_projects_priority CHECK (priority IN ('low', 'medium', 'high', 'critical')),
    start_date      DATE,
    end_date        DATE,
    budget          NUMERIC(19,4)
                    CONSTRAINT ck_projects_budget CHECK (budget >= 0),
    actual_cost     NUMERIC(19,4) NOT NULL DEFAULT 0
                    CONSTRAINT ck_projects_actual_cost CHECK (actual_cost >= 0),
    currency        CHAR(3),                            -- NULL = organization currency
    owner_id        UUID REFERENCES users(id),          -- 003 project_manager_id
    metadata        VARCHAR,                            -- JSON text (003)
    version         BIGINT NOT NULL DEFAULT 1,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by      UUID REFERENCES users(id),
    deleted_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT ck_projects_dates CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
);
CREATE INDEX ix_projects_org_name_lc ON projects (organization_id, name_lc, id);
CREATE INDEX ix_projects_org_company ON projects (organization_id, company_id);
CREATE INDEX ix_projects_org_status  ON projects (organization_id, status);
CREATE INDEX ix_projects_org_owner   ON projects (organization_id, owner_id);

ALTER TABLE activities ADD CONSTRAINT fk_activities_project FOREIGN KEY (project_id) REFERENCES projects(id);
ALTER TABLE invoices   ADD CONSTRAINT fk_invoices_project   FOREIGN KEY (project_id) REFERENCES projects(id);
CREATE INDEX ix_invoices_project ON invoices (project_id);

CREATE TABLE timesheets (
    id              UUID PRIMARY KEY,
    organization_id UUID NOT NULL REFERENCES organizations(id),
    user_id         UUID NOT NULL REFERENCES users(id), -- whose time this is
    project_id      UUID REFERENCES projects(id),
    task_id         UUID REFERENCES activities(id),     -- a task activity (003 tasks)
    work_date       DATE NOT NULL,                      -- 003 date
    hours           NUMERIC(5,2) NOT NULL
                    CONSTRAINT ck_timesheets_hours CHECK (hours > 0 AND hours <= 24),
    description     VARCHAR,
    billable        BOOLEAN NOT NULL DEFAULT TRUE,
    status          VARCHAR(20) NOT NULL DEFAULT 'pending'
                    CONSTRAINT ck_timesheets_status CHECK (status IN ('pending', 'approved', 'rejected')),
    approved_by     UUID REFERENCES users(id),          -- approver or rejecter
    approved_at     TIMESTAMP WITH TIME ZONE,
    version         BIGINT NOT NULL DEFAULT 1,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by      UUID REFERENCES users(id),
    deleted_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT ck_timesheets_target CHECK (project_id IS NOT NULL OR task_id IS NOT NULL),
    CONSTRAINT ck_timesheets_decision CHECK (status = 'pending' OR (approved_by IS NOT NULL AND approved_at IS NOT NULL))
);
CREATE INDEX ix_timesheets_org_user_date ON timesheets (organization_id, user_id, work_date);
CREATE INDEX ix_timesheets_org_project   ON timesheets (organization_id, project_id);
CREATE INDEX ix_timesheets_task          ON timesheets (task_id);
CREATE INDEX ix_timesheets_org_status    ON timesheets (organization_id, status);
CREATE INDEX ix_timesheets_org_date      ON timesheets (organization_id, work_date);

CREATE TABLE tickets (
    id                UUID PRIMARY KEY,
    organization_id   UUID NOT NULL REFERENCES organizations(id),
    ticket_number     VARCHAR(50) NOT NULL,             -- from invoice_number_series, prefix 'TKT'
    company_id        UUID REFERENCES companies(id),    -- 003 client_id
    contact_id        UUID REFERENCES contacts(id),     -- requester
    subject           VARCHAR(255) NOT NULL,
    description       VARCHAR NOT NULL,
    status            VARCHAR(20) NOT NULL DEFAULT 'open'
                      CONSTRAINT ck_tickets_status CHECK (status IN ('open', 'in_progress', 'waiting_customer', 'resolved', 'closed')),
    priority          VARCHAR(10) NOT NULL DEFAULT 'medium'
                      CONSTRAINT ck_tickets_priority CHECK (priority IN ('low', 'medium', 'high', 'urgent', 'critical')),
    category          VARCHAR(30)
                      CONSTRAINT ck_tickets_category CHECK (category IN ('bug', 'feature_request', 'question', 'incident')),
    channel           VARCHAR(20)
                      CONSTRAINT ck_tickets_channel CHECK (channel IN ('email', 'phone', 'chat', 'portal')),
    assignee_id       UUID REFERENCES users(id),        -- 003 assigned_to: support agent working it
    sla_due_at        TIMESTAMP WITH TIME ZONE,         -- app-maintained from priority SLA settings
    first_response_at TIMESTAMP WITH TIME ZONE,         -- app-maintained: first non-internal agent comment
    resolved_at       TIMESTAMP WITH TIME ZONE,         -- app-maintained on status change
    closed_at         TIMESTAMP WITH TIME ZONE,         -- app-maintained on status change
    metadata          VARCHAR,                          -- JSON text (003)
    version           BIGINT NOT NULL DEFAULT 1,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by        UUID REFERENCES users(id),
    deleted_at        TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_tickets_org_number UNIQUE (organization_id, ticket_number)
);
CREATE INDEX ix_tickets_org_status   ON tickets (organization_id, status);
CREATE INDEX ix_tickets_org_assignee ON tickets (organization_id, assignee_id);
CREATE INDEX ix_tickets_org_company  ON tickets (organization_id, company_id);
CREATE INDEX ix_tickets_org_priority ON tickets (organization_id, priority);
CREATE INDEX ix_tickets_org_sla      ON tickets (organization_id, sla_due_at);
CREATE INDEX ix_tickets_org_created  ON tickets (organization_id, created_at DESC);

CREATE TABLE ticket_comments (
    id              UUID PRIMARY KEY,
    organization_id UUID NOT NULL REFERENCES organizations(id),
    ticket_id       UUID NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
    author_id       UUID REFERENCES users(id),          -- 003 user_id
    body            VARCHAR NOT NULL,                   -- 003 comment
    is_internal     BOOLEAN NOT NULL DEFAULT FALSE,     -- internal note vs customer-visible reply
    version         BIGINT NOT NULL DEFAULT 1,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by      UUID REFERENCES users(id),
    deleted_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_ticket_comments_ticket ON ticket_comments (ticket_id, created_at);
CREATE INDEX ix_ticket_comments_org_author ON ticket_comments (organization_id, author_id);
