-- =============================================================================
-- V9  Audit log, settings, saved views, login attempts, analytics views
-- -----------------------------------------------------------------------------
-- audit_log: 000 audit_log + 003/004 audit_logs (written by the service layer,
-- not by triggers). Analytics: the 001 materialized views and dashboard/funnel/
-- win-rate functions and the 003 views, as plain portable views (no DATE_TRUNC,
-- no FILTER): periods are exposed as year/month integers and a day DATE.
--
-- Period columns derived from TIMESTAMP WITH TIME ZONE values follow the session
-- time zone; the app runs every connection in UTC (SET TIME ZONE 'UTC' works on
-- both databases) so H2 and PostgreSQL report the same periods. Views skip
-- soft-deleted rows; amounts are grouped by currency (never summed across
-- currencies) or, in the dashboard, restricted to the organization currency.
-- =============================================================================

-- Append-only. organization_id is NULL only for events outside any organization
-- (e.g. a failed login for an unknown e-mail address).
CREATE TABLE audit_log (
    id              UUID PRIMARY KEY,
    organization_id UUID REFERENCES organizations(id),
    user_id         UUID REFERENCES users(id),          -- acting user
    table_name      VARCHAR(100) NOT NULL,              -- 003/004 resource_type/entity_type
    record_id       UUID,                               -- NULL for bulk actions (export/import of a table)
    action          VARCHAR(20) NOT NULL
                    CONSTRAINT ck_audit_log_action CHECK (action IN ('insert', 'update', 'delete', 'restore', 'login', 'logout',
                                                                     'login_failed', 'export', 'import', 'permission_change',
                                                                     'merge', 'stage_change')),
    old_values      VARCHAR,                            -- JSON text: changed columns before
    new_values      VARCHAR,                            -- JSON text: changed columns after
    changed_fields  VARCHAR,                            -- JSON text: ["column", ...]
    ip_address      VARCHAR(45),                        -- IPv4/IPv6 text (sync hub requests)
    host_name       VARCHAR(255),                       -- desktop machine name
    user_agent      VARCHAR(500),                       -- app name/version
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX ix_audit_log_org_record  ON audit_log (organization_id, table_name, record_id);
CREATE INDEX ix_audit_log_org_created ON audit_log (organization_id, created_at);
CREATE INDEX ix_audit_log_user        ON audit_log (user_id);

-- Key/value settings for an organization (user_id NULL) or one member (user_id set).
-- scope_id repeats user_id, or organization_id for organization-wide rows, so the
-- unique key works without NULLs (NULLs are distinct in unique constraints).
CREATE TABLE settings (
    id              UUID PRIMARY KEY,
    organization_id UUID NOT NULL REFERENCES organizations(id),
    user_id         UUID REFERENCES users(id),
    scope_id        UUID NOT NULL,                      -- = COALESCE(user_id, organization_id); app-maintained, checked below
    setting_key     VARCHAR(100) NOT NULL,              -- dotted name, e.g. 'invoice.prefix' ("key" is reserved in H2)
    setting_value   VARCHAR,                            -- text or JSON text ("value" is reserved in H2)
    version         BIGINT NOT NULL DEFAULT 1,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by      UUID REFERENCES users(id),
    deleted_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_settings_scope_key UNIQUE (organization_id, scope_id, setting_key),
    CONSTRAINT ck_settings_scope CHECK (scope_id = COALESCE(user_id, organization_id))
);

-- Saved list filters/columns/sorting per user (optionally shared with the organization).
CREATE TABLE saved_views (
    id              UUID PRIMARY KEY,
    organization_id UUID NOT NULL REFERENCES organizations(id),
    user_id         UUID NOT NULL REFERENCES users(id), -- owner of the view
    entity          VARCHAR(30) NOT NULL
                    CONSTRAINT ck_saved_views_entity CHECK (entity IN ('companies', 'contacts', 'leads', 'deals', 'activities', 'tasks',
                                                                       'notes', 'documents', 'products', 'orders', 'invoices', 'payments',
                                                                       'events', 'tickets', 'projects', 'timesheets', 'campaigns')),
    name            VARCHAR(200) NOT NULL,
    definition      VARCHAR NOT NULL,                   -- JSON text: {filters, columns, sort}
    is_shared       BOOLEAN NOT NULL DEFAULT FALSE,
    is_default      BOOLEAN NOT NULL DEFAULT FALSE,
    position        INTEGER NOT NULL DEFAULT 0,
    version         BIGINT NOT NULL DEFAULT 1,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by      UUID REFERENCES users(id),
    deleted_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_saved_views_name UNIQUE (organization_id, user_id, entity, name)
);
CREATE INDEX ix_saved_views_org_entity ON saved_views (organization_id, entity, is_shared);

-- Append-only, global (a login happens before an organization is chosen).
-- Lockout state itself is on users (failed_login_count, locked_until).
CREATE TABLE login_attempts (
    id             UUID PRIMARY KEY,
    user_id        UUID REFERENCES users(id),           -- NULL when the e-mail is unknown
    email_lc       VARCHAR(320) NOT NULL,               -- address typed, lower-cased
    succeeded      BOOLEAN NOT NULL,
    failure_reason VARCHAR(20)
                   CONSTRAINT ck_login_attempts_failure_reason CHECK (failure_reason IN ('bad_password', 'unknown_user', 'locked', 'inactive', 'suspended')),
    ip_address     VARCHAR(45),
    host_name      VARCHAR(255),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT ck_login_attempts_reason CHECK (succeeded = (failure_reason IS NULL))
);
CREATE INDEX ix_login_attempts_email ON login_attempts (email_lc, created_at DESC);
CREATE INDEX ix_login_attempts_user  ON login_attempts (user_id, created_at DESC);

-- =============================================================================
-- Analytics views
-- =============================================================================

-- 001 analytics_deal_metrics: deals by stage/owner/creation month.
CREATE VIEW analytics_deal_metrics AS
SELECT d.organization_id,
       d.pipeline_id,
       d.stage_id,
       s.name                                                         AS stage_name,
       d.owner_id,
       d.currency,
       CAST(EXTRACT(YEAR FROM d.created_at) AS INTEGER)              AS period_year,
       CAST(EXTRACT(MONTH FROM d.created_at) AS INTEGER)             AS period_month,
       COUNT(*)                                                       AS deal_count,
       CAST(SUM(d.deal_value) AS NUMERIC(19,4))                       AS total_value,
       CAST(AVG(d.deal_value) AS NUMERIC(19,4))                       AS avg_deal_size,
       CAST(SUM(CASE WHEN d.status = 'won'  THEN d.deal_value ELSE 0 END) AS NUMERIC(19,4)) AS won_value,
       CAST(SUM(CASE WHEN d.status = 'lost' THEN d.deal_value ELSE 0 END) AS NUMERIC(19,4)) AS lost_value,
       CAST(SUM(d.expected_revenue) AS NUMERIC(19,4))                 AS weighted_value,
       CAST(AVG(d.probability) AS NUMERIC(7,4))                       AS avg_probability,
       CAST(AVG(CASE WHEN d.actual_close_date IS NOT NULL
                     THEN CAST(d.actual_close_date - CAST(d.created_at AS DATE) AS INTEGER) END)
            AS NUMERIC(10,2))                                         AS avg_deal_cycle_days
FROM deals d
JOIN pipeline_stages s ON s.id = d.stage_id
WHERE d.deleted_at IS NULL
GROUP BY d.organization_id, d.pipeline_id, d.stage_id, s.name, d.owner_id, d.currency,
         CAST(EXTRACT(YEAR FROM d.created_at) AS INTEGER),
         CAST(EXTRACT(MONTH FROM d.created_at) AS INTEGER);

-- Board header totals per stage (open, live deals).
CREATE VIEW pipeline_stage_totals AS
SELECT d.organization_id,
       d.pipeline_id,
       d.stage_id,
       d.currency,
       COUNT(*)                                       AS deal_count,
       CAST(SUM(d.deal_value) AS NUMERIC(19,4))       AS total_value,
       CAST(SUM(d.expected_revenue) AS NUMERIC(19,4)) AS weighted_value
FROM deals d
WHERE d.deleted_at IS NULL
GROUP BY d.organization_id, d.pipeline_id, d.stage_id, d.currency;

-- 001 calculate_win_rate(org, start, end): won / (won + lost) per close month.
-- For a date range sum won_count and closed_count over the months in range.
CREATE VIEW analytics_win_rate AS
SELECT d.organization_id,
       CAST(EXTRACT(YEAR FROM d.actual_close_date) AS INTEGER)  AS period_year,
       CAST(EXTRACT(MONTH FROM d.actual_close_date) AS INTEGER) AS period_month,
       CAST(SUM(CASE WHEN d.status = 'won'  THEN 1 ELSE 0 END) AS BIGINT) AS won_count,
       CAST(SUM(CASE WHEN d.status = 'lost' THEN 1 ELSE 0 END) AS BIGINT) AS lost_count,
       COUNT(*)                                                            AS closed_count,
       CAST(CASE WHEN COUNT(*) > 0
                 THEN SUM(CASE WHEN d.status = 'won' THEN 1 ELSE 0 END) * 100.0 / COUNT(*)
                 ELSE 0 END AS NUMERIC(7,4))                               AS win_rate_percent
FROM deals d
WHERE d.deleted_at IS NULL
  AND d.status IN ('won', 'lost')
  AND d.actual_close_date IS NOT NULL
GROUP BY d.organization_id,
         CAST(EXTRACT(YEAR FROM d.actual_close_date) AS INTEGER),
         CAST(EXTRACT(MONTH FROM d.actual_close_date) AS INTEGER);

-- 001 analytics_client_metrics: companies by lifecycle/type/source/owner/creation month.
CREATE VIEW analytics_client_metrics AS
SELECT c.organization_id,
       c.lifecycle_stage,
       c.client_type,
       c.source,
       c.owner_id,
       CAST(EXTRACT(YEAR FROM c.created_at) AS INTEGER)           AS period_year,
       CAST(EXTRACT(MONTH FROM c.created_at) AS INTEGER)          AS period_month,
       COUNT(*)                                                    AS client_count,
       CAST(SUM(c.total_revenue) AS NUMERIC(19,4))                 AS total_revenue,
       CAST(AVG(c.total_revenue) AS NUMERIC(19,4))                 AS avg_revenue_per_client,
       CAST(AVG(c.total_orders) AS NUMERIC(19,4))                  AS avg_orders_per_client,
       CAST(AVG(c.average_order_value) AS NUMERIC(19,4))           AS avg_order_value,
       CAST(AVG(c.lead_score) AS NUMERIC(7,4))                     AS avg_lead_score
FROM companies c
WHERE c.deleted_at IS NULL
GROUP BY c.organization_id, c.lifecycle_stage, c.client_type, c.source, c.owner_id,
         CAST(EXTRACT(YEAR FROM c.created_at) AS INTEGER),
         CAST(EXTRACT(MONTH FROM c.created_at) AS INTEGER);

-- 001 get_conversion_funnel(org): companies per lifecycle stage, in funnel order.
CREATE VIEW analytics_conversion_funnel AS
SELECT c.organization_id,
       c.lifecycle_stage,
       CASE c.lifecycle_stage
            WHEN 'lead' THEN 1 WHEN 'mql' THEN 2 WHEN 'sql' THEN 3 WHEN 'opportunity' THEN 4
            WHEN 'customer' THEN 5 WHEN 'evangelist' THEN 6 WHEN 'churned' THEN 7 END AS stage_order,
       COUNT(*)                                    AS client_count,
       CAST(SUM(c.total_revenue) AS NUMERIC(19,4)) AS total_revenue
FROM companies c
WHERE c.deleted_at IS NULL
GROUP BY c.organization_id, c.lifecycle_stage;

-- 001 analytics_revenue_metrics: orders per day (with year/month for roll-ups).
CREATE VIEW analytics_revenue_metrics AS
SELECT o.organization_id,
       o.currency,
       CAST(o.order_date AS DATE)                                  AS period_day,
       CAST(EXTRACT(YEAR FROM o.order_date) AS INTEGER)            AS period_year,
       CAST(EXTRACT(MONTH FROM o.order_date) AS INTEGER)           AS period_month,
       CAST(SUM(CASE WHEN o.status NOT IN ('cancelled', 'refunded') THEN o.total ELSE 0 END)
            AS NUMERIC(19,4))                                      AS total_revenue,
       COUNT(DISTINCT COALESCE(o.company_id, o.contact_id))        AS unique_customers,
       COUNT(*)                                                    AS order_count,
       CAST(AVG(o.total) AS NUMERIC(19,4))                         AS avg_order_value,
       CAST(SUM(CASE WHEN o.status IN ('delivered', 'completed') THEN o.total ELSE 0 END)
            AS NUMERIC(19,4))                                      AS delivered_revenue,
       CAST(SUM(CASE WHEN o.status IN ('cancelled', 'refunded') THEN o.total ELSE 0 END)
            AS NUMERIC(19,4))                                      AS lost_revenue
FROM orders o
WHERE o.deleted_at IS NULL
GROUP BY o.organization_id, o.currency, CAST(o.order_date AS DATE),
         CAST(EXTRACT(YEAR FROM o.order_date) AS INTEGER),
         CAST(EXTRACT(MONTH FROM o.order_date) AS INTEGER);

-- 001 analytics_chatbot_effectiveness: chatbot_interaction activities per day.
-- Successful = outcome 'success' (set by the bot when it answered without hand-over).
CREATE VIEW analytics_chatbot_effectiveness AS
SELECT a.organization_id,
       CAST(a.occurred_at AS DATE)                                 AS period_day,
       COUNT(DISTINCT a.company_id)                                AS unique_clients_engaged,
       COUNT(*)                                                    AS total_chatbot_interactions,
       CAST(SUM(CASE WHEN a.outcome = 'success' THEN 1 ELSE 0 END) AS BIGINT) AS successful_interactions,
       CAST(AVG(a.duration_minutes) AS NUMERIC(10,2))              AS avg_interaction_duration_minutes
FROM activities a
WHERE a.deleted_at IS NULL
  AND a.type = 'chatbot_interaction'
GROUP BY a.organization_id, CAST(a.occurred_at AS DATE);

-- 001 analytics_channel_performance: messages per channel and month.
CREATE VIEW analytics_channel_performance AS
SELECT ch.organization_id,
       ch.id                                                        AS channel_id,
       ch.name                                                      AS channel_name,
       ch.platform,
       CAST(EXTRACT(YEAR FROM m.sent_at) AS INTEGER)               AS period_year,
       CAST(EXTRACT(MONTH FROM m.sent_at) AS INTEGER)              AS period_month,
       COUNT(DISTINCT m.chat_contact_id)                            AS total_contacts,
       COUNT(*)                                                     AS total_messages,
       CAST(SUM(CASE WHEN m.sender_type = 'user'  THEN 1 ELSE 0 END) AS BIGINT) AS incoming_messages,
       CAST(SUM(CASE WHEN m.sender_type = 'agent' THEN 1 ELSE 0 END) AS BIGINT) AS agent_responses,
       CAST(SUM(CASE WHEN m.sender_type = 'ai'    THEN 1 ELSE 0 END) AS BIGINT) AS ai_responses
FROM chat_channels ch
JOIN chat_messages m ON m.channel_id = ch.id
WHERE ch.deleted_at IS NULL
GROUP BY ch.organization_id, ch.id, ch.name, ch.platform,
         CAST(EXTRACT(YEAR FROM m.sent_at) AS INTEGER),
         CAST(EXTRACT(MONTH FROM m.sent_at) AS INTEGER);

-- 001 get_crm_dashboard_summary(org): one row of KPIs per organization.
-- Money figures only count records in the organization's currency.
CREATE VIEW analytics_dashboard_summary AS
SELECT o.id       AS organization_id,
       o.currency AS currency,
       (SELECT COUNT(*) FROM companies c
         WHERE c.organization_id = o.id AND c.deleted_at IS NULL)                       AS total_companies,
       (SELECT COUNT(*) FROM companies c
         WHERE c.organization_id = o.id AND c.deleted_at IS NULL
           AND c.client_type = 'customer')                                              AS total_customers,
       (SELECT COUNT(*) FROM contacts ct
         WHERE ct.organization_id = o.id AND ct.deleted_at IS NULL)                     AS total_contacts,
       (SELECT COUNT(*) FROM leads l
         WHERE l.organization_id = o.id AND l.deleted_at IS NULL
           AND l.status IN ('new', 'contacted', 'qualified'))                           AS open_leads,
       (SELECT COUNT(*) FROM deals d
         WHERE d.organization_id = o.id AND d.deleted_at IS NULL AND d.status = 'open') AS open_deals,
       (SELECT CAST(COALESCE(SUM(d.deal_value), 0) AS NUMERIC(19,4)) FROM deals d
         WHERE d.organization_id = o.id AND d.deleted_at IS NULL AND d.status = 'open'
           AND d.currency = o.currency)                                                 AS open_pipeline_value,
       (SELECT CAST(COALESCE(SUM(d.expected_revenue), 0) AS NUMERIC(19,4)) FROM deals d
         WHERE d.organization_id = o.id AND d.deleted_at IS NULL AND d.status = 'open'
           AND d.currency = o.currency)                                                 AS weighted_pipeline_value,
       (SELECT COUNT(*) FROM deals d
         WHERE d.organization_id = o.id AND d.deleted_at IS NULL AND d.status = 'won')  AS won_deals,
       (SELECT CAST(COALESCE(SUM(d.deal_value), 0) AS NUMERIC(19,4)) FROM deals d
         WHERE d.organization_id = o.id AND d.deleted_at IS NULL AND d.status = 'won'
           AND d.currency = o.currency)                                                 AS won_value,
       (SELECT COUNT(*) FROM activities a
         WHERE a.organization_id = o.id AND a.deleted_at IS NULL AND a.is_task = TRUE
           AND a.task_status NOT IN ('completed', 'cancelled'))                         AS open_tasks,
       (SELECT COUNT(*) FROM activities a
         WHERE a.organization_id = o.id AND a.deleted_at IS NULL AND a.is_task = TRUE
           AND a.task_status NOT IN ('completed', 'cancelled')
           AND a.due_at < CURRENT_TIMESTAMP)                                            AS overdue_tasks,
       (SELECT COUNT(*) FROM invoices i
         WHERE i.organization_id = o.id AND i.deleted_at IS NULL
           AND i.status IN ('sent', 'partially_paid', 'overdue')
           AND i.due_date < CURRENT_DATE)                                               AS overdue_invoices,
       (SELECT CAST(COALESCE(SUM(i.balance_due), 0) AS NUMERIC(19,4)) FROM invoices i
         WHERE i.organization_id = o.id AND i.deleted_at IS NULL
           AND i.status IN ('sent', 'partially_paid', 'overdue')
           AND i.currency = o.currency)                                                 AS outstanding_receivables,
       (SELECT COUNT(*) FROM tickets t
         WHERE t.organization_id = o.id AND t.deleted_at IS NULL
           AND t.status IN ('open', 'in_progress', 'waiting_customer'))                 AS open_tickets
FROM organizations o
WHERE o.deleted_at IS NULL;

-- 003 lead_conversion_funnel (ORDER BY moved out of the view: sort by stage_order).
CREATE VIEW lead_conversion_funnel AS
SELECT l.organization_id,
       l.stage,
       CASE l.stage
            WHEN 'prospect' THEN 1 WHEN 'qualified' THEN 2 WHEN 'proposal' THEN 3
            WHEN 'negotiation' THEN 4 WHEN 'closed_won' THEN 5 WHEN 'closed_lost' THEN 6 END AS stage_order,
       COUNT(*)                                      AS lead_count,
       CAST(AVG(l.estimated_value) AS NUMERIC(19,4)) AS avg_value,
       CAST(SUM(l.estimated_value) AS NUMERIC(19,4)) AS total_value
FROM leads l
WHERE l.deleted_at IS NULL
GROUP BY l.organization_id, l.stage;

-- 003 project_profitability (timesheet hours: live, non-rejected entries).
CREATE VIEW project_profitability AS
SELECT p.organization_id,
       p.id                                                   AS project_id,
       p.name,
       p.budget,
       p.actual_cost,
       CAST(p.budget - p.actual_cost AS NUMERIC(19,4))        AS profit,
       CAST(CASE WHEN p.budget > 0 THEN (p.budget - p.actual_cost) / p.budget * 100 ELSE 0 END
            AS NUMERIC(12,4))                                 AS profit_margin,
       CAST(COALESCE(SUM(t.hours), 0) AS NUMERIC(12,2))       AS total_hours_logged
FROM projects p
LEFT JOIN timesheets t
       ON t.project_id = p.id AND t.deleted_at IS NULL AND t.status <> 'rejected'
WHERE p.deleted_at IS NULL
GROUP BY p.organization_id, p.id, p.name, p.budget, p.actual_cost;
