-- =============================================================================
-- V6  Calendar and booking
-- -----------------------------------------------------------------------------
-- 004 calendar module: calendars, events, booking_types, availability_rules,
-- availability_exceptions, booking_settings, sync_logs (-> calendar_sync_logs).
-- events.attendees jsonb -> event_attendees; reminder_sent -> event_reminders.
-- Recurrence follows RFC 5545: the series row holds the RRULE; a changed or
-- cancelled occurrence is its own events row with recurrence_parent_id +
-- original_start (RECURRENCE-ID). Google Calendar is replaced by ICS import/export
-- (ical_uid/ical_sequence keep round trips stable); public booking pages by an
-- in-app booking dialog and exported booking links.
-- =============================================================================

CREATE TABLE calendars (
    id                   UUID PRIMARY KEY,
    organization_id      UUID NOT NULL REFERENCES organizations(id),
    owner_id             UUID NOT NULL REFERENCES users(id),   -- 004 user_id
    name                 VARCHAR(200) NOT NULL,
    description          VARCHAR,
    color                VARCHAR(20) NOT NULL DEFAULT '#3b82f6',
    timezone             VARCHAR(64) NOT NULL DEFAULT 'UTC',   -- IANA zone for all-day events and availability
    is_default           BOOLEAN NOT NULL DEFAULT FALSE,       -- the owner's default calendar (one per owner, service rule)
    is_visible           BOOLEAN NOT NULL DEFAULT TRUE,
    is_shared            BOOLEAN NOT NULL DEFAULT FALSE,       -- visible to the whole organization (read-only) besides calendar_shares
    external_calendar_id VARCHAR(500),                         -- 004 google_calendar_id: ICS source (file path/URL) or X-WR-RELCALID
    sync_enabled         BOOLEAN NOT NULL DEFAULT FALSE,       -- re-import the ICS source when it changes
    version              BIGINT NOT NULL DEFAULT 1,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by           UUID REFERENCES users(id),
    deleted_at           TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_calendars_org_owner ON calendars (organization_id, owner_id);

CREATE TABLE calendar_shares (
    calendar_id     UUID NOT NULL REFERENCES calendars(id) ON DELETE CASCADE,
    user_id         UUID NOT NULL REFERENCES users(id),
    organization_id UUID NOT NULL REFERENCES organizations(id),
    permission      VARCHAR(20) NOT NULL DEFAULT 'view'
                    CONSTRAINT ck_calendar_shares_permission CHECK (permission IN ('free_busy', 'view', 'edit', 'manage')),
    version         BIGINT NOT NULL DEFAULT 1,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by      UUID REFERENCES users(id),
    deleted_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_calendar_shares PRIMARY KEY (calendar_id, user_id)
);
CREATE INDEX ix_calendar_shares_org_user ON calendar_shares (organization_id, user_id);

-- Meeting types a user offers for booking (004).
CREATE TABLE booking_types (
    id                    UUID PRIMARY KEY,
    organization_id       UUID NOT NULL REFERENCES organizations(id),
    owner_id              UUID NOT NULL REFERENCES users(id),  -- 004 user_id
    calendar_id           UUID REFERENCES calendars(id),       -- where bookings land; NULL = owner's default calendar
    name                  VARCHAR(200) NOT NULL,
    slug                  VARCHAR(100) NOT NULL,               -- link name; booking link = organization slug + slug
    description           VARCHAR,
    duration_minutes      INTEGER NOT NULL
                          CONSTRAINT ck_booking_types_duration_minutes CHECK (duration_minutes > 0),
    buffer_before_minutes INTEGER NOT NULL DEFAULT 0
                          CONSTRAINT ck_booking_types_buffer_before_minutes CHECK (buffer_before_minutes >= 0),
    buffer_after_minutes  INTEGER NOT NULL DEFAULT 0
                          CONSTRAINT ck_booking_types_buffer_after_minutes CHECK (buffer_after_minutes >= 0),
    color                 VARCHAR(20),
    location              VARCHAR(500),
    meeting_url           VARCHAR(2048),
    price                 NUMERIC(19,4)
                          CONSTRAINT ck_booking_types_price CHECK (price >= 0),
    currency              CHAR(3),
    questions             VARCHAR,                             -- JSON text: [{key, label, type, required, options}]
    is_active             BOOLEAN NOT NULL DEFAULT TRUE,
    version               BIGINT NOT NULL DEFAULT 1,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by            UUID REFERENCES users(id),
    deleted_at            TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_booking_types_org_slug UNIQUE (organization_id, slug)
);
CREATE INDEX ix_booking_types_org_owner ON booking_types (organization_id, owner_id);

CREATE TABLE events (
    id                   UUID PRIMARY KEY,
    organization_id      UUID NOT NULL REFERENCES organizations(id),
    calendar_id          UUID NOT NULL REFERENCES calendars(id),
    owner_id             UUID REFERENCES users(id),            -- 004 user_id (organizer)
    title                VARCHAR(500) NOT NULL,
    description          VARCHAR,
    location             VARCHAR(500),
    meeting_url          VARCHAR(2048),
    starts_at            TIMESTAMP WITH TIME ZONE NOT NULL,    -- 004 start_time; all-day: 00:00 in timezone
    ends_at              TIMESTAMP WITH TIME ZONE NOT NULL,    -- 004 end_time (exclusive)
    all_day              BOOLEAN NOT NULL DEFAULT FALSE,
    timezone             VARCHAR(64),                          -- IANA zone the event was entered in; NULL = calendar zone
    status               VARCHAR(20) NOT NULL DEFAULT 'scheduled'
                         CONSTRAINT ck_events_status CHECK (status IN ('scheduled', 'confirmed', 'cancelled', 'completed', 'no_show')),
    recurrence_rule      VARCHAR(1000),                        -- RFC 5545 RRULE (without "RRULE:"), series rows only
    recurrence_until     TIMESTAMP WITH TIME ZONE,             -- app-maintained: last occurrence end (NULL = endless) for range queries
    recurrence_parent_id UUID REFERENCES events(id),           -- set on an exception occurrence: the series row
    original_start       TIMESTAMP WITH TIME ZONE,             -- exception occurrence: the start it replaces (RECURRENCE-ID)
    company_id           UUID REFERENCES companies(id),
    contact_id           UUID REFERENCES contacts(id),
    deal_id              UUID REFERENCES deals(id),
    booking_type_id      UUID REFERENCES booking_types(id),
    guest_name           VARCHAR(200),                         -- booked-by guest (booking dialog)
    guest_email          VARCHAR(320),
    guest_phone          VARCHAR(50),
    answers              VARCHAR,                              -- JSON text: answers to booking_types.questions
    notes                VARCHAR,
    reminder_minutes     INTEGER  -- default reminder offset; fired reminders: event_reminders
                         CONSTRAINT ck_events_reminder_minutes CHECK (reminder_minutes >= 0),
    ical_uid             VARCHAR(255),                         -- iCalendar UID for ICS export/import round trips
    ical_sequence        INTEGER NOT NULL DEFAULT 0,           -- iCalendar SEQUENCE, +1 on each significant change
    version              BIGINT NOT NULL DEFAULT 1,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by           UUID REFERENCES users(id),
    deleted_at           TIMESTAMP WITH TIME ZONE,
    CONSTRAINT ck_events_time_order CHECK (ends_at >= starts_at),
    CONSTRAINT ck_events_exception CHECK ((recurrence_parent_id IS NULL) = (original_start IS NULL)),
    CONSTRAINT uq_events_exception UNIQUE (recurrence_parent_id, original_start)
);
CREATE INDEX ix_events_org_starts     ON events (organization_id, starts_at);
CREATE INDEX ix_events_calendar_range ON events (calendar_id, starts_at, ends_at);
CREATE INDEX ix_events_org_owner      ON events (organization_id, owner_id, starts_at);
CREATE INDEX ix_events_org_recurring  ON events (organization_id, recurrence_until);
CREATE INDEX ix_events_org_company    ON events (organization_id, company_id);
CREATE INDEX ix_events_org_contact    ON events (organization_id, contact_id);
CREATE INDEX ix_events_org_deal       ON events (organization_id, deal_id);
CREATE INDEX ix_events_booking_type   ON events (booking_type_id);
CREATE INDEX ix_events_org_ical_uid   ON events (organization_id, ical_uid);    -- ICS import matches by UID
CREATE INDEX ix_events_org_updated    ON events (organization_id, updated_at);

-- 004 events.attendees jsonb [{email, name, status}].
CREATE TABLE event_attendees (
    id              UUID PRIMARY KEY,
    organization_id UUID NOT NULL REFERENCES organizations(id),
    event_id        UUID NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    user_id         UUID REFERENCES users(id),         -- internal attendee
    contact_id      UUID REFERENCES contacts(id),      -- CRM attendee
    email           VARCHAR(320),
    name            VARCHAR(200),
    response_status VARCHAR(20) NOT NULL DEFAULT 'needs_action'
                    CONSTRAINT ck_event_attendees_response_status CHECK (response_status IN ('needs_action', 'accepted', 'declined', 'tentative')),
    is_organizer    BOOLEAN NOT NULL DEFAULT FALSE,
    is_optional     BOOLEAN NOT NULL DEFAULT FALSE,
    version         BIGINT NOT NULL DEFAULT 1,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by      UUID REFERENCES users(id),
    deleted_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_event_attendees_email UNIQUE (event_id, email),
    CONSTRAINT ck_event_attendees_who CHECK (user_id IS NOT NULL OR contact_id IS NOT NULL OR email IS NOT NULL)
);
CREATE INDEX ix_event_attendees_event ON event_attendees (event_id);
CREATE INDEX ix_event_attendees_org_user ON event_attendees (organization_id, user_id);
CREATE INDEX ix_event_attendees_org_contact ON event_attendees (organization_id, contact_id);

-- Reminders to fire (004 reminder_sent -> fired_at). For a series, remind_at is the
-- next pending occurrence's reminder; the scheduler recomputes it after firing.
CREATE TABLE event_reminders (
    id              UUID PRIMARY KEY,
    organization_id UUID NOT NULL REFERENCES organizations(id),
    event_id        UUID NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    user_id         UUID REFERENCES users(id),         -- who is reminded; NULL = event owner
    minutes_before  INTEGER NOT NULL DEFAULT 15
                    CONSTRAINT ck_event_reminders_minutes_before CHECK (minutes_before >= 0),
    remind_at       TIMESTAMP WITH TIME ZONE NOT NULL,  -- app-maintained: occurrence start - minutes_before
    channel         VARCHAR(20) NOT NULL DEFAULT 'popup'
                    CONSTRAINT ck_event_reminders_channel CHECK (channel IN ('popup', 'email')),
    fired_at        TIMESTAMP WITH TIME ZONE,
    version         BIGINT NOT NULL DEFAULT 1,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by      UUID REFERENCES users(id),
    deleted_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_event_reminders_due ON event_reminders (organization_id, fired_at, remind_at);
CREATE INDEX ix_event_reminders_event ON event_reminders (event_id);

-- Weekly working hours (004). weekday is ISO-8601: 1 = Monday ... 7 = Sunday
-- (the seed's 0-6 with 0 = Sunday is converted: 0 -> 7).
CREATE TABLE availability_rules (
    id              UUID PRIMARY KEY,
    organization_id UUID NOT NULL REFERENCES organizations(id),
    owner_id        UUID NOT NULL REFERENCES users(id), -- 004 user_id
    calendar_id     UUID REFERENCES calendars(id),
    booking_type_id UUID REFERENCES booking_types(id),  -- NULL = applies to every booking type
    weekday         INTEGER NOT NULL
                    CONSTRAINT ck_availability_rules_weekday CHECK (weekday BETWEEN 1 AND 7),
    start_time      TIME NOT NULL,
    end_time        TIME NOT NULL,
    timezone        VARCHAR(64) NOT NULL DEFAULT 'UTC', -- zone the wall-clock times are in
    is_available    BOOLEAN NOT NULL DEFAULT TRUE,
    version         BIGINT NOT NULL DEFAULT 1,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by      UUID REFERENCES users(id),
    deleted_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT ck_availability_rules_times CHECK (end_time > start_time)
);
CREATE INDEX ix_availability_rules_owner ON availability_rules (organization_id, owner_id, weekday);

-- Date-specific overrides (004): day off, or different hours on a date.
CREATE TABLE availability_exceptions (
    id              UUID PRIMARY KEY,
    organization_id UUID NOT NULL REFERENCES organizations(id),
    owner_id        UUID NOT NULL REFERENCES users(id), -- 004 user_id
    calendar_id     UUID REFERENCES calendars(id),
    exception_date  DATE NOT NULL,                      -- 004 date
    is_available    BOOLEAN NOT NULL DEFAULT FALSE,     -- FALSE = unavailable (whole day when no times)
    start_time      TIME,                               -- NULL with end_time = whole day
    end_time        TIME,
    reason          VARCHAR(500),
    version         BIGINT NOT NULL DEFAULT 1,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by      UUID REFERENCES users(id),
    deleted_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT ck_availability_exceptions_times CHECK (
        (start_time IS NULL AND end_time IS NULL)
        OR (start_time IS NOT NULL AND end_time IS NOT NULL AND end_time > start_time))
);
CREATE INDEX ix_availability_exceptions_owner ON availability_exceptions (organization_id, owner_id, exception_date);

-- Look of the booking page/dialog per user (004 booking_settings).
CREATE TABLE booking_settings (
    id                        UUID PRIMARY KEY,
    organization_id           UUID NOT NULL REFERENCES organizations(id),
    owner_id                  UUID NOT NULL REFERENCES users(id), -- 004 user_id
    booking_page_title        VARCHAR(200) NOT NULL,
    booking_page_subtitle     VARCHAR(500),
    logo_url                  VARCHAR(2048),
    background_url            VARCHAR(2048),
    background_color          VARCHAR(20) NOT NULL DEFAULT '#ffffff',
    primary_color             VARCHAR(20) NOT NULL DEFAULT '#3b82f6',
    text_color                VARCHAR(20) NOT NULL DEFAULT '#111827',
    timezone                  VARCHAR(64) NOT NULL DEFAULT 'UTC',
    confirmation_redirect_url VARCHAR(2048),
    custom_css                VARCHAR,
    version                   BIGINT NOT NULL DEFAULT 1,
    created_at                TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at                TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by                UUID REFERENCES users(id),
    deleted_at                TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_booking_settings_owner UNIQUE (organization_id, owner_id)
);

-- Append-only log of ICS imports/exports (004 sync_logs).
CREATE TABLE calendar_sync_logs (
    id              UUID PRIMARY KEY,
    organization_id UUID NOT NULL REFERENCES organizations(id),
    user_id         UUID REFERENCES users(id),
    calendar_id     UUID REFERENCES calendars(id),
    sync_type       VARCHAR(10) NOT NULL
                    CONSTRAINT ck_calendar_sync_logs_sync_type CHECK (sync_type IN ('push', 'pull', 'full')),
    status          VARCHAR(10) NOT NULL
                    CONSTRAINT ck_calendar_sync_logs_status CHECK (status IN ('success', 'failed', 'partial')),
    events_synced   INTEGER NOT NULL DEFAULT 0
                    CONSTRAINT ck_calendar_sync_logs_events_synced CHECK (events_synced >= 0),
    error_message   VARCHAR,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX ix_calendar_sync_logs_calendar ON calendar_sync_logs (calendar_id, created_at DESC);
CREATE INDEX ix_calendar_sync_logs_org ON calendar_sync_logs (organization_id, created_at DESC);

-- Links from earlier tables to events (002 opportunities/activities for an event).
ALTER TABLE deals      ADD CONSTRAINT fk_deals_event      FOREIGN KEY (event_id) REFERENCES events(id);
ALTER TABLE activities ADD CONSTRAINT fk_activities_event FOREIGN KEY (event_id) REFERENCES events(id);
