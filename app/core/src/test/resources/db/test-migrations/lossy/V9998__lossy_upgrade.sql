-- An upgrade that succeeds but loses data, for UpgradeTest only: the upgrade check must notice.
UPDATE users SET full_name = UPPER(full_name);
ALTER TABLE users DROP COLUMN avatar_url;
