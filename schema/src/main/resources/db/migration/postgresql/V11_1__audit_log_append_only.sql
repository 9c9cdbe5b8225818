-- =============================================================================
-- V11.1  (PostgreSQL only) The audit log is append-only
-- -----------------------------------------------------------------------------
-- Issue 3: audit rows cannot be changed or deleted. The app never issues such
-- statements (only org.deskcrm.audit.persistence.AuditRepository touches the
-- table, and it only inserts and selects; an architecture test checks that); on
-- PostgreSQL these rules also turn an UPDATE or DELETE from any other client
-- into a no-op. (TRUNCATE and dropping the table remain the DBA's business.)
-- H2 has no rules; its counterpart is the architecture test, so there is no
-- h2/V11_1 file.
-- =============================================================================

CREATE RULE audit_log_no_update AS ON UPDATE TO audit_log DO INSTEAD NOTHING;
CREATE RULE audit_log_no_delete AS ON DELETE TO audit_log DO INSTEAD NOTHING;
