DROP INDEX sessions_browser_token_hash;
ALTER TABLE sessions DROP COLUMN browser_token_hash;
