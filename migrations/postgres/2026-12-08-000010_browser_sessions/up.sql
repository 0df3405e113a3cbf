-- Browser sessions (issue 15): a web login is a row of `sessions` like an API login, so
-- logout, a password reset and a suspension end it the same way. The browser holds an
-- opaque secret in an HttpOnly cookie; only its SHA-256 is stored, as for refresh tokens.
ALTER TABLE sessions ADD COLUMN browser_token_hash TEXT;
CREATE UNIQUE INDEX sessions_browser_token_hash ON sessions (browser_token_hash);
