-- Structural rules of the DeskCRM schema, checked on both databases after migrating
-- (throw-away databases only: it creates a helper view). Prints one line per
-- violation, then 'structure-ok' or 'structure-FAILED'.
-- Portable: information_schema only (H2 2.4 and PostgreSQL 15).

CREATE VIEW zz_violations AS
-- 1. user-editable tables end with: version, created_at, updated_at, created_by, deleted_at
SELECT t.table_name || ': sync columns missing or out of order' AS problem
FROM information_schema.tables t
JOIN (SELECT table_name, MAX(ordinal_position) AS n
        FROM information_schema.columns
       WHERE table_schema = 'public'
       GROUP BY table_name) m ON m.table_name = t.table_name
WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE'
  AND t.table_name NOT IN ('permissions', 'refresh_tokens', 'deal_stage_history', 'chat_messages',
                           'ai_messages', 'form_submissions', 'automation_runs', 'integration_logs',
                           'calendar_sync_logs', 'audit_log', 'login_attempts', 'invoice_number_series')
  AND (SELECT COUNT(*) FROM information_schema.columns c
        WHERE c.table_schema = 'public' AND c.table_name = t.table_name
          AND ((c.column_name = 'deleted_at' AND c.ordinal_position = m.n)
            OR (c.column_name = 'created_by' AND c.ordinal_position = m.n - 1)
            OR (c.column_name = 'updated_at' AND c.ordinal_position = m.n - 2)
            OR (c.column_name = 'created_at' AND c.ordinal_position = m.n - 3)
            OR (c.column_name = 'version'    AND c.ordinal_position = m.n - 4))) <> 5
UNION ALL
-- 2. every business table is tenant-bound (organization_id NOT NULL)
SELECT t.table_name || ': no NOT NULL organization_id'
FROM information_schema.tables t
WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE'
  AND t.table_name NOT IN ('users', 'organizations', 'roles', 'permissions', 'refresh_tokens',
                           'login_attempts', 'audit_log')
  AND NOT EXISTS (SELECT 1 FROM information_schema.columns c
                   WHERE c.table_schema = 'public' AND c.table_name = t.table_name
                     AND c.column_name = 'organization_id' AND c.is_nullable = 'NO')
UNION ALL
-- 3. forbidden column types (TEXT/CLOB, JSON, arrays, enums, floats, timestamps without zone)
SELECT c.table_name || '.' || c.column_name || ': type ' || c.data_type
FROM information_schema.columns c
JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
  AND LOWER(c.data_type) IN ('text', 'json', 'jsonb', 'character large object', 'array', 'user-defined',
                             'enum', 'timestamp', 'timestamp without time zone', 'real', 'double precision')
UNION ALL
-- 4. every table has a primary key
SELECT t.table_name || ': no primary key'
FROM information_schema.tables t
WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE'
  AND NOT EXISTS (SELECT 1 FROM information_schema.table_constraints k
                   WHERE k.table_schema = 'public' AND k.table_name = t.table_name
                     AND k.constraint_type = 'PRIMARY KEY');

SELECT problem FROM zz_violations;
SELECT CASE WHEN COUNT(*) = 0 THEN 'structure-ok' ELSE 'structure-FAILED' END AS result FROM zz_violations;
