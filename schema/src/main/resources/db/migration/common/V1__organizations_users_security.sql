-- =============================================================================
-- V1  Organizations, users and security
-- -----------------------------------------------------------------------------
-- Tenancy, identities and authorization. Seeds: 000 user_roles/has_role,
-- 001 organizations/profiles, 003 users/roles/permissions/role_permissions/
-- refresh_tokens, 004 users/organizations/organization_members.
--
-- Portable SQL: runs unchanged on H2 2.4 (MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE)
-- and PostgreSQL 15. No defaults for ids (the app generates UUIDs), no triggers:
-- updated_at/version are maintained by the repository layer (see SEED-MAPPING.md).
--
-- Sync columns (identical names and order, always last in the table):
--   version     row version, +1 on every update; UPDATE ... WHERE id = ? AND version = ?
--   created_at  insert instant (UTC)
--   updated_at  last change instant (UTC); the sync hub pulls rows by it
--   created_by  acting user (nullable: system rows, imports)
--   deleted_at  tombstone; rows are soft-deleted so deletions can be synced
-- =============================================================================

-- Users are global (one login across organizations); tenancy is organization_members.
CREATE TABLE users (
    id                  UUID PRIMARY KEY,
    email               VARCHAR(320) NOT NULL,
    email_lc            VARCHAR(320) NOT NULL,          -- lower(trim(email)), login lookup; app-maintained
    password_hash       VARCHAR(255) NOT NULL,          -- Argon2id encoded hash (never the password)
    first_name          VARCHAR(100),
    last_name           VARCHAR(100),
    full_name           VARCHAR(200) NOT NULL,          -- display name (003 full_name; 004 first + last)
    phone               VARCHAR(50),
    avatar_url          VARCHAR(2048),                  -- local file path or URL of the picture
    status              VARCHAR(20)  NOT NULL DEFAULT 'active'
                        CONSTRAINT ck_users_status CHECK (status IN ('active', 'inactive', 'suspended')),
    timezone            VARCHAR(64)  NOT NULL DEFAULT 'UTC',   -- IANA zone id
    locale              VARCHAR(20)  NOT NULL DEFAULT 'en',
    is_email_verified   BOOLEAN      NOT NULL DEFAULT FALSE,
    failed_login_count  INTEGER      NOT NULL DEFAULT 0,       -- consecutive failures; reset on success
    locked_until        TIMESTAMP WITH TIME ZONE,              -- lockout end; NULL = not locked
    last_login_at       TIMESTAMP WITH TIME ZONE,
    password_changed_at TIMESTAMP WITH TIME ZONE,
    manager_id          UUID REFERENCES users(id),             -- "manager sees their team" record rule
    version             BIGINT NOT NULL DEFAULT 1,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by          UUID REFERENCES users(id),
    deleted_at          TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_users_email    UNIQUE (email),
    CONSTRAINT uq_users_email_lc UNIQUE (email_lc),
    CONSTRAINT ck_users_failed_login_count CHECK (failed_login_count >= 0)
);
CREATE INDEX ix_users_manager ON users (manager_id);
CREATE INDEX ix_users_status  ON users (status);

CREATE TABLE organizations (
    id          UUID PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    slug        VARCHAR(100) NOT NULL,                  -- stable short name (file names, booking links)
    owner_id    UUID REFERENCES users(id),
    logo_url    VARCHAR(2048),
    website     VARCHAR(2048),
    industry    VARCHAR(100),
    size        VARCHAR(20)
                CONSTRAINT ck_organizations_size CHECK (size IN ('1-10', '11-50', '51-200', '201-500', '500+')),
    status      VARCHAR(20)  NOT NULL DEFAULT 'active'
                CONSTRAINT ck_organizations_status CHECK (status IN ('active', 'trial', 'suspended', 'cancelled')),
    timezone    VARCHAR(64)  NOT NULL DEFAULT 'UTC',    -- default zone for dates shown/entered
    currency    CHAR(3)      NOT NULL DEFAULT 'USD',    -- default ISO 4217 currency for new records
    settings    VARCHAR,                                -- JSON text: organization preferences
    version     BIGINT NOT NULL DEFAULT 1,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by  UUID REFERENCES users(id),
    deleted_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_organizations_slug UNIQUE (slug)
);
CREATE INDEX ix_organizations_owner ON organizations (owner_id);

-- Membership of a user in an organization (004). Membership level only; what a member may
-- do is decided by user_roles + role_permissions.
CREATE TABLE organization_members (
    organization_id   UUID NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    user_id           UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role              VARCHAR(20) NOT NULL DEFAULT 'member'
                      CONSTRAINT ck_organization_members_role CHECK (role IN ('owner', 'admin', 'member', 'viewer')),
    extra_permissions VARCHAR,                           -- JSON text: ["resource:action", ...] granted on top of roles (004 permissions)
    joined_at         TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    version           BIGINT NOT NULL DEFAULT 1,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by        UUID REFERENCES users(id),
    deleted_at        TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_organization_members PRIMARY KEY (organization_id, user_id)
);
CREATE INDEX ix_organization_members_user ON organization_members (user_id);

-- Global role catalog: admin, manager, sales, support, finance, viewer (V10).
CREATE TABLE roles (
    id          UUID PRIMARY KEY,
    name        VARCHAR(50) NOT NULL,
    description VARCHAR(500),
    is_system   BOOLEAN NOT NULL DEFAULT FALSE,          -- shipped role: cannot be renamed or deleted
    version     BIGINT NOT NULL DEFAULT 1,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by  UUID REFERENCES users(id),
    deleted_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_roles_name UNIQUE (name)
);

-- Global permission catalog (resource x action), reference data shipped by migrations.
CREATE TABLE permissions (
    id          UUID PRIMARY KEY,
    resource    VARCHAR(100) NOT NULL,
    action      VARCHAR(50)  NOT NULL,
    description VARCHAR(500),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT uq_permissions_resource_action UNIQUE (resource, action)
);

-- Role -> permission grants, per organization so an admin can tailor them.
-- Default grants are written by the app when it creates an organization.
CREATE TABLE role_permissions (
    organization_id UUID NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    role_id         UUID NOT NULL REFERENCES roles(id) ON DELETE CASCADE,
    permission_id   UUID NOT NULL REFERENCES permissions(id) ON DELETE CASCADE,
    version         BIGINT NOT NULL DEFAULT 1,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by      UUID REFERENCES users(id),
    deleted_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_role_permissions PRIMARY KEY (organization_id, role_id, permission_id)
);
CREATE INDEX ix_role_permissions_role ON role_permissions (role_id);
CREATE INDEX ix_role_permissions_permission ON role_permissions (permission_id);

-- Roles a user holds inside an organization (000 user_roles, 003 users.role_id, 004 users.role).
CREATE TABLE user_roles (
    organization_id UUID NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    user_id         UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role_id         UUID NOT NULL REFERENCES roles(id) ON DELETE CASCADE,
    version         BIGINT NOT NULL DEFAULT 1,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by      UUID REFERENCES users(id),
    deleted_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_user_roles PRIMARY KEY (organization_id, user_id, role_id)
);
CREATE INDEX ix_user_roles_user ON user_roles (user_id);
CREATE INDEX ix_user_roles_role ON user_roles (role_id);

-- Refresh tokens (003), kept for the future sync hub's authentication.
-- Only a hash of the token is stored.
CREATE TABLE refresh_tokens (
    id           UUID PRIMARY KEY,
    user_id      UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    token_hash   VARCHAR(255) NOT NULL,                  -- SHA-256 of the opaque token
    device_name  VARCHAR(200),                           -- which desktop/installation holds it
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at   TIMESTAMP WITH TIME ZONE,
    last_used_at TIMESTAMP WITH TIME ZONE,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT uq_refresh_tokens_hash UNIQUE (token_hash)
);
CREATE INDEX ix_refresh_tokens_user ON refresh_tokens (user_id);
CREATE INDEX ix_refresh_tokens_expires ON refresh_tokens (expires_at);
