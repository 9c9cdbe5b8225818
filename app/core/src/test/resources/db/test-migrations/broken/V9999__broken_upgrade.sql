-- A broken upgrade, for FailedMigrationTest only (never on the app's Flyway locations).
-- On H2 the DDL commits at once, so the first statement really destroys data before the second fails:
-- only the pre-upgrade backup can bring the website column back.
ALTER TABLE companies DROP COLUMN website;
INSERT INTO table_that_does_not_exist (id) VALUES (1);
