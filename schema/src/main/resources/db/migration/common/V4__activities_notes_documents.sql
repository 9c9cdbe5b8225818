-- =============================================================================
-- V4  Activities (incl. tasks), notes, documents
-- -----------------------------------------------------------------------------
-- activities unifies 000 activities, 001 crm_activities, 002 crm_activities (with
-- its task fields), 003 activities (entity log) AND 003 tasks (project tasks):
-- a task is an activity with is_task = TRUE, so "my tasks" is one list.
-- notes unifies 001/002 crm_notes and 004 contact_notes; documents unifies
-- 000 documents, 002 crm_documents, 003 documents (files are stored
-- content-addressed on disk; the row keeps the SHA-256).
-- Foreign keys to tables created later (events V6, chat_messages V7, projects V8)
-- are added by those migrations.
-- =============================================================================

CREATE TABLE activities (
    id               UUID PRIMARY KEY,
    organization_id  UUID NOT NULL REFERENCES organizations(id),
    type             VARCHAR(30) NOT NULL
                     CONSTRAINT ck_activities_type CHECK (type IN ('call', 'email', 'meeting', 'note', 'task', 'sms', 'whatsapp',
                                                                   'status_change', 'file_upload', 'system', 'chatbot_interaction',
                                                                   'website_visit', 'event', 'form', 'automation')),
    subject          VARCHAR(500),                      -- 003 tasks.title, 004 title
    description      VARCHAR,
    action           VARCHAR(100),                      -- 003 entity log verb: created, updated, status_changed, commented
    entity_type      VARCHAR(30)                        -- polymorphic subject (000/003) when no direct FK below fits
                     CONSTRAINT ck_activities_entity_type CHECK (entity_type IN ('company', 'contact', 'deal', 'lead', 'invoice', 'order',
                                                                                 'project', 'task', 'ticket', 'event')),
    entity_id        UUID,
    company_id       UUID REFERENCES companies(id),     -- 001 client_id, 002 organizer_id
    contact_id       UUID REFERENCES contacts(id),
    deal_id          UUID REFERENCES deals(id),         -- 002 opportunity_id
    lead_id          UUID REFERENCES leads(id),
    project_id       UUID,                              -- 003 tasks.project_id; FK added in V8
    event_id         UUID,                              -- 002 event_id; FK added in V6
    message_id       UUID,                              -- 001 chat message this was logged from; FK added in V7
    occurred_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP, -- 002 activity_date
    duration_minutes INTEGER
                     CONSTRAINT ck_activities_duration_minutes CHECK (duration_minutes >= 0),
    outcome          VARCHAR(100),                      -- e.g. call result: connected, voicemail, no_answer
    is_task          BOOLEAN NOT NULL DEFAULT FALSE,
    task_status      VARCHAR(20)                        -- 001/002 pending/completed/cancelled + 003 workflow
                     CONSTRAINT ck_activities_task_status CHECK (task_status IN ('pending', 'todo', 'in_progress', 'review', 'completed', 'cancelled')),
    priority         VARCHAR(10)
                     CONSTRAINT ck_activities_priority CHECK (priority IN ('low', 'medium', 'high', 'urgent', 'critical')),
    due_at           TIMESTAMP WITH TIME ZONE,          -- 001/002 due_date; a date-only due date (003) = 23:59:59 of that day, organization zone
    completed_at     TIMESTAMP WITH TIME ZONE,
    assignee_id      UUID REFERENCES users(id),         -- 001/003 assigned_to: who must do the task
    estimated_hours  NUMERIC(7,2)  -- 003 tasks
                     CONSTRAINT ck_activities_estimated_hours CHECK (estimated_hours >= 0),
    actual_hours     NUMERIC(7,2)  -- app-maintained: sum of the task's non-rejected timesheets
                     CONSTRAINT ck_activities_actual_hours CHECK (actual_hours >= 0),
    metadata         VARCHAR,                           -- JSON text: {email_id, call_recording, calendar_event_id, ...}
    version          BIGINT NOT NULL DEFAULT 1,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by       UUID REFERENCES users(id),         -- who logged/performed it (002/004 user_id)
    deleted_at       TIMESTAMP WITH TIME ZONE,
    CONSTRAINT ck_activities_task_type CHECK (type <> 'task' OR is_task = TRUE),
    CONSTRAINT ck_activities_task_fields CHECK (
        (is_task = TRUE AND task_status IS NOT NULL) OR (is_task = FALSE AND task_status IS NULL)),
    CONSTRAINT ck_activities_entity_pair CHECK ((entity_type IS NULL) = (entity_id IS NULL))
);
CREATE INDEX ix_activities_org_company  ON activities (organization_id, company_id, occurred_at DESC);
CREATE INDEX ix_activities_org_contact  ON activities (organization_id, contact_id, occurred_at DESC);
CREATE INDEX ix_activities_org_deal     ON activities (organization_id, deal_id, occurred_at DESC);
CREATE INDEX ix_activities_org_lead     ON activities (organization_id, lead_id, occurred_at DESC);
CREATE INDEX ix_activities_org_entity   ON activities (organization_id, entity_type, entity_id);
CREATE INDEX ix_activities_org_project  ON activities (organization_id, project_id);
CREATE INDEX ix_activities_org_tasks    ON activities (organization_id, assignee_id, is_task, task_status, due_at);
CREATE INDEX ix_activities_org_type     ON activities (organization_id, type);
CREATE INDEX ix_activities_org_occurred ON activities (organization_id, occurred_at DESC);
CREATE INDEX ix_activities_org_creator  ON activities (organization_id, created_by);
CREATE INDEX ix_activities_org_updated  ON activities (organization_id, updated_at);

CREATE TABLE notes (
    id              UUID PRIMARY KEY,
    organization_id UUID NOT NULL REFERENCES organizations(id),
    company_id      UUID REFERENCES companies(id),
    contact_id      UUID REFERENCES contacts(id),
    deal_id         UUID REFERENCES deals(id),
    lead_id         UUID REFERENCES leads(id),
    title           VARCHAR(200),
    body            VARCHAR NOT NULL,                   -- 001/002/004 content
    note_type       VARCHAR(20) NOT NULL DEFAULT 'general'
                    CONSTRAINT ck_notes_note_type CHECK (note_type IN ('general', 'call_log', 'meeting_summary', 'important')),
    is_pinned       BOOLEAN NOT NULL DEFAULT FALSE,
    version         BIGINT NOT NULL DEFAULT 1,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by      UUID REFERENCES users(id),          -- author (004 user_id)
    deleted_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_notes_org_company ON notes (organization_id, company_id, is_pinned);
CREATE INDEX ix_notes_org_contact ON notes (organization_id, contact_id, is_pinned);
CREATE INDEX ix_notes_org_deal    ON notes (organization_id, deal_id, is_pinned);
CREATE INDEX ix_notes_org_lead    ON notes (organization_id, lead_id);
CREATE INDEX ix_notes_org_updated ON notes (organization_id, updated_at);

CREATE TABLE documents (
    id                  UUID PRIMARY KEY,
    organization_id     UUID NOT NULL REFERENCES organizations(id),
    entity_type         VARCHAR(30) NOT NULL
                        CONSTRAINT ck_documents_entity_type CHECK (entity_type IN ('company', 'contact', 'deal', 'lead', 'invoice', 'order',
                                                                                   'project', 'ticket', 'event', 'activity')),
    entity_id           UUID NOT NULL,
    company_id          UUID REFERENCES companies(id),  -- owning company (002 organizer_id) so a company lists its deals' documents too
    file_name           VARCHAR(255) NOT NULL,          -- name shown/exported (003 filename)
    content_hash        VARCHAR(64) NOT NULL,           -- SHA-256 hex of the bytes; blob path derives from it (replaces storage_path)
    size_bytes          BIGINT NOT NULL
                        CONSTRAINT ck_documents_size_bytes CHECK (size_bytes >= 0),
    mime_type           VARCHAR(255),                   -- 000/002 file_type
    document_type       VARCHAR(20) NOT NULL DEFAULT 'other'
                        CONSTRAINT ck_documents_document_type CHECK (document_type IN ('contract', 'proposal', 'invoice', 'presentation', 'other')),
    description         VARCHAR,
    doc_version         INTEGER NOT NULL DEFAULT 1  -- 002 version (document revision)
                        CONSTRAINT ck_documents_doc_version CHECK (doc_version >= 1),
    previous_version_id UUID REFERENCES documents(id),  -- revision this one replaces
    is_signed           BOOLEAN NOT NULL DEFAULT FALSE,
    signed_at           TIMESTAMP WITH TIME ZONE,
    signed_by           UUID REFERENCES users(id),
    uploaded_by         UUID REFERENCES users(id),
    version             BIGINT NOT NULL DEFAULT 1,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by          UUID REFERENCES users(id),
    deleted_at          TIMESTAMP WITH TIME ZONE,
    CONSTRAINT ck_documents_signed CHECK (is_signed = FALSE OR signed_at IS NOT NULL)
);
CREATE INDEX ix_documents_org_entity  ON documents (organization_id, entity_type, entity_id);
CREATE INDEX ix_documents_org_company ON documents (organization_id, company_id);
CREATE INDEX ix_documents_org_type    ON documents (organization_id, document_type);
CREATE INDEX ix_documents_org_created ON documents (organization_id, created_at DESC);
CREATE INDEX ix_documents_uploaded_by ON documents (uploaded_by);
CREATE INDEX ix_documents_content_hash ON documents (content_hash);  -- dedupe + blob garbage collection
