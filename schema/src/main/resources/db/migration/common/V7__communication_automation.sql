-- =============================================================================
-- V7  Communication and automation
-- -----------------------------------------------------------------------------
-- email_templates (000 email_templates + 002 crm_email_templates + 004 templates of
-- type email), notifications (000 + 004), chat (001 channels, contacts, messages,
-- channel_configurations, agent_prompts, content_collections, keyword_actions),
-- AI agents and conversations (004 + 001 agent_prompts), campaigns (004 email_ and
-- sms_campaigns), forms and submissions, automations and runs, templates and assets,
-- integrations and their logs (004).
--
-- Offline equivalents: chat platforms (WhatsApp/Facebook/Instagram) sit behind a
-- ChannelConnector interface; the bundled connectors are 'local' (in-app inbox,
-- also used by tests), 'email' (SMTP/IMAP to a configured server) and file import.
-- AI models sit behind an AiProvider interface; the bundled provider 'local-rules'
-- answers from keyword_actions/content_collections without any network call.
-- Secrets (credentials columns) are encrypted by the app before they are stored.
-- =============================================================================

CREATE TABLE email_templates (
    id              UUID PRIMARY KEY,
    organization_id UUID NOT NULL REFERENCES organizations(id),
    name            VARCHAR(200) NOT NULL,
    description     VARCHAR,
    category        VARCHAR(20)
                    CONSTRAINT ck_email_templates_category CHECK (category IN ('notification', 'marketing', 'transactional',          -- 000
                                                                               'welcome', 'follow_up', 'proposal', 'reminder',       -- 002
                                                                               'thank_you', 'other')),
    subject         VARCHAR(500) NOT NULL,
    body_html       VARCHAR NOT NULL,                   -- {{variable}} placeholders
    body_text       VARCHAR,                            -- plain-text alternative
    css_content     VARCHAR,                            -- 004 templates.css_content (inlined on send)
    variables       VARCHAR NOT NULL DEFAULT '[]',      -- JSON text: [{name:'company_name', description:'Client company name'}]
    thumbnail_url   VARCHAR(2048),
    is_public       BOOLEAN NOT NULL DEFAULT FALSE,     -- 004: offered to every member (else only the creator and admins)
    is_active       BOOLEAN NOT NULL DEFAULT TRUE,
    version         BIGINT NOT NULL DEFAULT 1,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by      UUID REFERENCES users(id),
    deleted_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_email_templates_org_name UNIQUE (organization_id, name)
);
CREATE INDEX ix_email_templates_org_category ON email_templates (organization_id, category, is_active);

CREATE TABLE notifications (
    id               UUID PRIMARY KEY,
    organization_id  UUID NOT NULL REFERENCES organizations(id),
    user_id          UUID NOT NULL REFERENCES users(id),  -- recipient
    type             VARCHAR(10) NOT NULL DEFAULT 'info'
                     CONSTRAINT ck_notifications_type CHECK (type IN ('info', 'success', 'warning', 'error')),
    title            VARCHAR(200) NOT NULL,
    message          VARCHAR,
    link_entity_type VARCHAR(30),                       -- record to open on click (replaces action_url/link_url)
    link_entity_id   UUID,
    link_url         VARCHAR(2048),                     -- in-app route for non-record targets, e.g. "settings/users"
    is_read          BOOLEAN NOT NULL DEFAULT FALSE,
    read_at          TIMESTAMP WITH TIME ZONE,
    version          BIGINT NOT NULL DEFAULT 1,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by       UUID REFERENCES users(id),
    deleted_at       TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_notifications_user_unread ON notifications (user_id, is_read, created_at DESC);
CREATE INDEX ix_notifications_org_user    ON notifications (organization_id, user_id, created_at DESC);

-- ---------------------------------------------------------------- chat (001)
CREATE TABLE chat_channels (
    id                  UUID PRIMARY KEY,
    organization_id     UUID NOT NULL REFERENCES organizations(id),
    name                VARCHAR(200) NOT NULL,
    platform            VARCHAR(20) NOT NULL
                        CONSTRAINT ck_chat_channels_platform CHECK (platform IN ('whatsapp', 'facebook', 'instagram', 'email', 'sms', 'local')),
    platform_channel_id VARCHAR(200),                   -- external channel id (phone number id, page id, mailbox)
    credentials         VARCHAR,                        -- encrypted JSON text
    is_active           BOOLEAN NOT NULL DEFAULT TRUE,
    version             BIGINT NOT NULL DEFAULT 1,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by          UUID REFERENCES users(id),
    deleted_at          TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_chat_channels_platform_channel_id UNIQUE (platform_channel_id)
);
CREATE INDEX ix_chat_channels_org ON chat_channels (organization_id);

-- Bot settings per channel (001 channel_configurations).
CREATE TABLE bot_configs (
    id              UUID PRIMARY KEY,
    organization_id UUID NOT NULL REFERENCES organizations(id),
    channel_id      UUID NOT NULL REFERENCES chat_channels(id) ON DELETE CASCADE,
    ai_model        VARCHAR(100) NOT NULL DEFAULT 'local-rules', -- AiProvider model id (seed default was a cloud model)
    ai_temperature  NUMERIC(2,1) NOT NULL DEFAULT 0.7
                    CONSTRAINT ck_bot_configs_ai_temperature CHECK (ai_temperature >= 0),
    is_bot_active   BOOLEAN NOT NULL DEFAULT TRUE,
    version         BIGINT NOT NULL DEFAULT 1,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by      UUID REFERENCES users(id),
    deleted_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_bot_configs_channel UNIQUE (channel_id)
);
CREATE INDEX ix_bot_configs_org ON bot_configs (organization_id);

-- AI agents: 004 ai_agents + 001 agent_prompts (channel_id + agent_key set for a channel bot agent).
CREATE TABLE ai_agents (
    id              UUID PRIMARY KEY,
    organization_id UUID NOT NULL REFERENCES organizations(id),
    channel_id      UUID REFERENCES chat_channels(id),  -- 001: agent serving this channel
    agent_key       VARCHAR(100),                       -- 001 agent_id, e.g. 'main_sales_agent'
    name            VARCHAR(200) NOT NULL,
    description     VARCHAR,
    type            VARCHAR(20) NOT NULL DEFAULT 'chatbot'
                    CONSTRAINT ck_ai_agents_type CHECK (type IN ('chatbot', 'email_assistant', 'data_processor', 'custom')),
    model           VARCHAR(100) NOT NULL DEFAULT 'local-rules',
    system_prompt   VARCHAR NOT NULL,                   -- 001 system_prompt, 004 prompt_template
    configuration   VARCHAR,                            -- JSON text: model parameters
    is_active       BOOLEAN NOT NULL DEFAULT TRUE,
    version         BIGINT NOT NULL DEFAULT 1,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by      UUID REFERENCES users(id),
    deleted_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_ai_agents_channel_key UNIQUE (channel_id, agent_key)
);
CREATE INDEX ix_ai_agents_org ON ai_agents (organization_id);

-- Canned content the bot answers from (001 content_collections; items TEXT[] -> JSON text).
CREATE TABLE content_collections (
    id              UUID PRIMARY KEY,
    organization_id UUID NOT NULL REFERENCES organizations(id),
    channel_id      UUID NOT NULL REFERENCES chat_channels(id) ON DELETE CASCADE,
    collection_key  VARCHAR(100) NOT NULL,              -- 001 collection_id
    name            VARCHAR(200) NOT NULL,
    items           VARCHAR NOT NULL DEFAULT '[]',      -- JSON text: ["item", ...]
    version         BIGINT NOT NULL DEFAULT 1,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by      UUID REFERENCES users(id),
    deleted_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_content_collections_key UNIQUE (channel_id, collection_key)
);
CREATE INDEX ix_content_collections_org ON content_collections (organization_id);

-- Keyword rules (001): an inbound message equal to keyword triggers action_type.
CREATE TABLE keyword_actions (
    id              UUID PRIMARY KEY,
    organization_id UUID NOT NULL REFERENCES organizations(id),
    channel_id      UUID NOT NULL REFERENCES chat_channels(id) ON DELETE CASCADE,
    keyword         VARCHAR(200) NOT NULL,              -- stored lower-cased and trimmed by the app
    action_type     VARCHAR(50) NOT NULL,               -- e.g. DISABLE_AI, ENABLE_AI
    version         BIGINT NOT NULL DEFAULT 1,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by      UUID REFERENCES users(id),
    deleted_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_keyword_actions_keyword UNIQUE (channel_id, keyword)
);
CREATE INDEX ix_keyword_actions_org ON keyword_actions (organization_id);

-- A person's identity on a channel (001 contacts); linked to the CRM contact/company.
CREATE TABLE chat_contacts (
    id                   UUID PRIMARY KEY,
    organization_id      UUID NOT NULL REFERENCES organizations(id),
    channel_id           UUID NOT NULL REFERENCES chat_channels(id),
    platform             VARCHAR(20) NOT NULL
                         CONSTRAINT ck_chat_contacts_platform CHECK (platform IN ('whatsapp', 'facebook', 'instagram', 'email', 'sms', 'local')),
    platform_user_id     VARCHAR(200) NOT NULL,         -- phone number / PSID / e-mail address on the platform
    name                 VARCHAR(200),
    avatar_url           VARCHAR(2048),
    ai_enabled           BOOLEAN NOT NULL DEFAULT TRUE, -- bot may answer this person
    last_interaction_at  TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP, -- app-maintained from chat_messages
    last_message_preview VARCHAR(500),                  -- app-maintained from chat_messages
    unread_count         INTEGER NOT NULL DEFAULT 0  -- app-maintained from chat_messages
                         CONSTRAINT ck_chat_contacts_unread_count CHECK (unread_count >= 0),
    contact_id           UUID REFERENCES contacts(id),  -- CRM person
    company_id           UUID REFERENCES companies(id), -- CRM client record created for this chat contact (001 crm_clients.contact_id)
    version              BIGINT NOT NULL DEFAULT 1,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by           UUID REFERENCES users(id),
    deleted_at           TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_chat_contacts_platform_user UNIQUE (channel_id, platform_user_id)
);
CREATE INDEX ix_chat_contacts_org_inbox     ON chat_contacts (organization_id, last_interaction_at DESC);
CREATE INDEX ix_chat_contacts_platform_user ON chat_contacts (platform_user_id);
CREATE INDEX ix_chat_contacts_org_contact   ON chat_contacts (organization_id, contact_id);
CREATE INDEX ix_chat_contacts_org_company   ON chat_contacts (organization_id, company_id);

-- Append-only message log (001 messages). The only later change is is_read_by_agent.
CREATE TABLE chat_messages (
    id                      UUID PRIMARY KEY,
    organization_id         UUID NOT NULL REFERENCES organizations(id),
    channel_id              UUID NOT NULL REFERENCES chat_channels(id),
    chat_contact_id         UUID NOT NULL REFERENCES chat_contacts(id),
    message_platform_id     VARCHAR(200),               -- external message id (dedupe on import)
    sender_type             VARCHAR(10) NOT NULL  -- 'user' = the customer
                            CONSTRAINT ck_chat_messages_sender_type CHECK (sender_type IN ('user', 'agent', 'ai', 'system')),
    sent_by                 UUID REFERENCES users(id),  -- agent who sent it (sender_type = 'agent')
    content_type            VARCHAR(20) NOT NULL DEFAULT 'text',  -- text, image, audio, video, file
    text_content            VARCHAR,
    attachment_url          VARCHAR(2048),              -- original location of the media
    attachment_content_hash VARCHAR(64),                -- media copied into the local content store
    attachment_metadata     VARCHAR,                    -- JSON text: {mime_type, size, width, height, duration}
    is_read_by_agent        BOOLEAN NOT NULL DEFAULT FALSE,
    sent_at                 TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    platform_timestamp      TIMESTAMP WITH TIME ZONE,
    created_at              TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX ix_chat_messages_contact ON chat_messages (chat_contact_id, sent_at);
CREATE INDEX ix_chat_messages_channel ON chat_messages (channel_id, sent_at);
CREATE INDEX ix_chat_messages_org_sent ON chat_messages (organization_id, sent_at);
CREATE INDEX ix_chat_messages_platform_id ON chat_messages (channel_id, message_platform_id);

ALTER TABLE activities ADD CONSTRAINT fk_activities_message FOREIGN KEY (message_id) REFERENCES chat_messages(id);

-- ------------------------------------------------------- AI conversations (004)
CREATE TABLE ai_conversations (
    id              UUID PRIMARY KEY,
    organization_id UUID NOT NULL REFERENCES organizations(id),
    agent_id        UUID NOT NULL REFERENCES ai_agents(id),
    contact_id      UUID REFERENCES contacts(id),
    chat_contact_id UUID REFERENCES chat_contacts(id),  -- when the conversation runs on a chat channel
    user_id         UUID REFERENCES users(id),          -- internal user talking to the agent
    status          VARCHAR(20) NOT NULL DEFAULT 'active'
                    CONSTRAINT ck_ai_conversations_status CHECK (status IN ('active', 'completed', 'archived')),
    metadata        VARCHAR,                            -- JSON text
    version         BIGINT NOT NULL DEFAULT 1,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by      UUID REFERENCES users(id),
    deleted_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_ai_conversations_agent ON ai_conversations (agent_id, created_at DESC);
CREATE INDEX ix_ai_conversations_org_contact ON ai_conversations (organization_id, contact_id);

-- Append-only (004 ai_agent_messages).
CREATE TABLE ai_messages (
    id              UUID PRIMARY KEY,
    organization_id UUID NOT NULL REFERENCES organizations(id),
    conversation_id UUID NOT NULL REFERENCES ai_conversations(id) ON DELETE CASCADE,
    role            VARCHAR(10) NOT NULL
                    CONSTRAINT ck_ai_messages_role CHECK (role IN ('user', 'assistant', 'system')),
    content         VARCHAR NOT NULL,
    tokens_used     INTEGER
                    CONSTRAINT ck_ai_messages_tokens_used CHECK (tokens_used >= 0),
    cost            NUMERIC(19,6)  -- 6 decimals: per-call model costs are fractions of a cent (0 for local)
                    CONSTRAINT ck_ai_messages_cost CHECK (cost >= 0),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX ix_ai_messages_conversation ON ai_messages (conversation_id, created_at);
CREATE INDEX ix_ai_messages_org_created ON ai_messages (organization_id, created_at);  -- usage/cost reports

-- --------------------------------------------------------- design assets (004)
-- Non-e-mail templates (e-mail ones live in email_templates).
CREATE TABLE templates (
    id              UUID PRIMARY KEY,
    organization_id UUID NOT NULL REFERENCES organizations(id),
    name            VARCHAR(200) NOT NULL,
    type            VARCHAR(20) NOT NULL
                    CONSTRAINT ck_templates_type CHECK (type IN ('landing_page', 'form', 'invoice')),
    html_content    VARCHAR NOT NULL,
    css_content     VARCHAR,
    thumbnail_url   VARCHAR(2048),
    is_public       BOOLEAN NOT NULL DEFAULT FALSE,     -- offered to every member
    version         BIGINT NOT NULL DEFAULT 1,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by      UUID REFERENCES users(id),
    deleted_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_templates_org_type ON templates (organization_id, type);

CREATE TABLE assets (
    id                 UUID PRIMARY KEY,
    organization_id    UUID NOT NULL REFERENCES organizations(id),
    uploaded_by        UUID REFERENCES users(id),       -- 004 user_id
    file_name          VARCHAR(255) NOT NULL,
    original_file_name VARCHAR(255),
    mime_type          VARCHAR(255),                    -- 004 file_type
    size_bytes         BIGINT NOT NULL
                       CONSTRAINT ck_assets_size_bytes CHECK (size_bytes >= 0),
    content_hash       VARCHAR(64) NOT NULL,            -- SHA-256 hex; replaces url (local content store)
    folder             VARCHAR(500),
    version            BIGINT NOT NULL DEFAULT 1,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by         UUID REFERENCES users(id),
    deleted_at         TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_assets_org_folder ON assets (organization_id, folder);
CREATE INDEX ix_assets_content_hash ON assets (content_hash);

-- ------------------------------------------------------------ campaigns (004)
-- email_campaigns + sms_campaigns, told apart by channel.
CREATE TABLE campaigns (
    id                UUID PRIMARY KEY,
    organization_id   UUID NOT NULL REFERENCES organizations(id),
    name              VARCHAR(200) NOT NULL,
    channel           VARCHAR(10) NOT NULL
                      CONSTRAINT ck_campaigns_channel CHECK (channel IN ('email', 'sms')),
    subject           VARCHAR(500),                     -- email
    from_name         VARCHAR(200),                     -- email
    from_email        VARCHAR(320),                     -- email
    email_template_id UUID REFERENCES email_templates(id), -- 004 template_id
    html_content      VARCHAR,                          -- email body (copied from the template, then edited)
    message           VARCHAR,                          -- sms text
    audience_filter   VARCHAR,                          -- JSON text: saved contact filter the recipients were drawn from
    status            VARCHAR(20) NOT NULL DEFAULT 'draft'
                      CONSTRAINT ck_campaigns_status CHECK (status IN ('draft', 'scheduled', 'sending', 'sent', 'paused')),
    scheduled_at      TIMESTAMP WITH TIME ZONE,
    sent_at           TIMESTAMP WITH TIME ZONE,
    recipient_count   INTEGER NOT NULL DEFAULT 0  -- app-maintained from campaign_recipients
                      CONSTRAINT ck_campaigns_recipient_count CHECK (recipient_count >= 0),
    delivered_count   INTEGER NOT NULL DEFAULT 0  -- app-maintained
                      CONSTRAINT ck_campaigns_delivered_count CHECK (delivered_count >= 0),
    opened_count      INTEGER NOT NULL DEFAULT 0  -- app-maintained
                      CONSTRAINT ck_campaigns_opened_count CHECK (opened_count >= 0),
    clicked_count     INTEGER NOT NULL DEFAULT 0  -- app-maintained
                      CONSTRAINT ck_campaigns_clicked_count CHECK (clicked_count >= 0),
    version           BIGINT NOT NULL DEFAULT 1,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by        UUID REFERENCES users(id),
    deleted_at        TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_campaigns_org_status ON campaigns (organization_id, status);

-- One row per contact a campaign goes to (needed for opt-in checks and the counters).
CREATE TABLE campaign_recipients (
    id              UUID PRIMARY KEY,
    organization_id UUID NOT NULL REFERENCES organizations(id),
    campaign_id     UUID NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    contact_id      UUID NOT NULL REFERENCES contacts(id),
    address         VARCHAR(320) NOT NULL,              -- e-mail address or phone number used
    status          VARCHAR(20) NOT NULL DEFAULT 'queued'
                    CONSTRAINT ck_campaign_recipients_status CHECK (status IN ('queued', 'sent', 'delivered', 'opened', 'clicked', 'bounced',
                                                                               'failed', 'unsubscribed', 'skipped')),
    sent_at         TIMESTAMP WITH TIME ZONE,
    delivered_at    TIMESTAMP WITH TIME ZONE,
    opened_at       TIMESTAMP WITH TIME ZONE,
    clicked_at      TIMESTAMP WITH TIME ZONE,
    error_message   VARCHAR,
    version         BIGINT NOT NULL DEFAULT 1,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by      UUID REFERENCES users(id),
    deleted_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_campaign_recipients_contact UNIQUE (campaign_id, contact_id)
);
CREATE INDEX ix_campaign_recipients_status ON campaign_recipients (campaign_id, status);
CREATE INDEX ix_campaign_recipients_org_contact ON campaign_recipients (organization_id, contact_id);

-- ---------------------------------------------------------------- forms (004)
CREATE TABLE forms (
    id                UUID PRIMARY KEY,
    organization_id   UUID NOT NULL REFERENCES organizations(id),
    name              VARCHAR(200) NOT NULL,
    description       VARCHAR,
    slug              VARCHAR(100) NOT NULL,            -- link name (exported HTML form / in-app kiosk)
    fields            VARCHAR NOT NULL DEFAULT '[]',    -- JSON text: field definitions
    settings          VARCHAR,                          -- JSON text: submission rules, notifications
    is_active         BOOLEAN NOT NULL DEFAULT TRUE,
    is_public         BOOLEAN NOT NULL DEFAULT FALSE,
    redirect_url      VARCHAR(2048),
    thank_you_message VARCHAR,
    version           BIGINT NOT NULL DEFAULT 1,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by        UUID REFERENCES users(id),        -- 004 user_id
    deleted_at        TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_forms_org_slug UNIQUE (organization_id, slug)
);

-- Append-only (004 form_submissions).
CREATE TABLE form_submissions (
    id              UUID PRIMARY KEY,
    organization_id UUID NOT NULL REFERENCES organizations(id),
    form_id         UUID NOT NULL REFERENCES forms(id),
    contact_id      UUID REFERENCES contacts(id),       -- matched/created contact
    lead_id         UUID REFERENCES leads(id),          -- lead created from the submission, if any
    data            VARCHAR NOT NULL,                   -- JSON text: submitted field values
    ip_address      VARCHAR(45),
    user_agent      VARCHAR(500),
    referrer        VARCHAR(2048),
    utm_source      VARCHAR(200),
    utm_medium      VARCHAR(200),
    utm_campaign    VARCHAR(200),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX ix_form_submissions_form ON form_submissions (form_id, created_at DESC);
CREATE INDEX ix_form_submissions_org_contact ON form_submissions (organization_id, contact_id);

-- ---------------------------------------------------------- automations (004)
CREATE TABLE automations (
    id              UUID PRIMARY KEY,
    organization_id UUID NOT NULL REFERENCES organizations(id),
    name            VARCHAR(200) NOT NULL,
    description     VARCHAR,
    trigger_type    VARCHAR(20) NOT NULL
                    CONSTRAINT ck_automations_trigger_type CHECK (trigger_type IN ('form_submit', 'contact_created', 'email_opened', 'schedule', 'webhook')),
    trigger_config  VARCHAR,                            -- JSON text
    actions         VARCHAR NOT NULL DEFAULT '[]',      -- JSON text: ordered action steps
    is_active       BOOLEAN NOT NULL DEFAULT FALSE,
    version         BIGINT NOT NULL DEFAULT 1,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by      UUID REFERENCES users(id),
    deleted_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_automations_org_trigger ON automations (organization_id, trigger_type, is_active);

-- Execution log written by the automation runner (not user-editable).
CREATE TABLE automation_runs (
    id                UUID PRIMARY KEY,
    organization_id   UUID NOT NULL REFERENCES organizations(id),
    automation_id     UUID NOT NULL REFERENCES automations(id),
    contact_id        UUID REFERENCES contacts(id),
    status            VARCHAR(20) NOT NULL DEFAULT 'running'
                      CONSTRAINT ck_automation_runs_status CHECK (status IN ('running', 'completed', 'failed', 'stopped')),
    started_at        TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    completed_at      TIMESTAMP WITH TIME ZONE,
    error_message     VARCHAR,
    actions_completed INTEGER NOT NULL DEFAULT 0
                      CONSTRAINT ck_automation_runs_actions_completed CHECK (actions_completed >= 0),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX ix_automation_runs_automation ON automation_runs (automation_id, started_at DESC);
CREATE INDEX ix_automation_runs_org_status ON automation_runs (organization_id, status);

-- --------------------------------------------------------- integrations (004)
CREATE TABLE integrations (
    id              UUID PRIMARY KEY,
    organization_id UUID NOT NULL REFERENCES organizations(id),
    name            VARCHAR(200) NOT NULL,
    provider        VARCHAR(50) NOT NULL,               -- local: smtp, imap, ics, csv, vcard, local-rules; imported labels: stripe, mailchimp, zapier, google_calendar
    status          VARCHAR(20) NOT NULL DEFAULT 'inactive'
                    CONSTRAINT ck_integrations_status CHECK (status IN ('active', 'inactive', 'error')),
    credentials     VARCHAR,                            -- encrypted JSON text (also 004 google_calendar_tokens)
    settings        VARCHAR,                            -- JSON text: provider-specific config
    last_sync_at    TIMESTAMP WITH TIME ZONE,
    version         BIGINT NOT NULL DEFAULT 1,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by      UUID REFERENCES users(id),
    deleted_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_integrations_org_provider ON integrations (organization_id, provider);

-- Append-only (004 integration_logs).
CREATE TABLE integration_logs (
    id              UUID PRIMARY KEY,
    organization_id UUID NOT NULL REFERENCES organizations(id),
    integration_id  UUID NOT NULL REFERENCES integrations(id),
    action          VARCHAR(100) NOT NULL,              -- e.g. sync_contacts, send_email
    status          VARCHAR(10) NOT NULL
                    CONSTRAINT ck_integration_logs_status CHECK (status IN ('success', 'failed', 'warning')),
    request_data    VARCHAR,                            -- JSON text
    response_data   VARCHAR,                            -- JSON text
    error_message   VARCHAR,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX ix_integration_logs_integration ON integration_logs (integration_id, created_at DESC);
CREATE INDEX ix_integration_logs_org ON integration_logs (organization_id, created_at DESC);
