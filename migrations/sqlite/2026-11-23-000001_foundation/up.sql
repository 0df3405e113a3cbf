-- Foundation: reference data tables, accounts, sessions, one-time tokens, email outbox.
-- IDs are UUIDv7 text; times are UTC, stored by diesel as 'YYYY-MM-DD HH:MM:SS.ffffff'.

CREATE TABLE regions (
    code    TEXT PRIMARY KEY NOT NULL,
    name_fi TEXT NOT NULL,
    name_sv TEXT NOT NULL
);

CREATE TABLE municipalities (
    code        TEXT PRIMARY KEY NOT NULL,
    name_fi     TEXT NOT NULL,
    name_sv     TEXT NOT NULL,
    region_code TEXT NOT NULL REFERENCES regions (code)
);
CREATE INDEX municipalities_region_idx ON municipalities (region_code);

CREATE TABLE categories (
    slug       TEXT PRIMARY KEY NOT NULL,
    name_fi    TEXT NOT NULL,
    name_sv    TEXT NOT NULL,
    name_en    TEXT NOT NULL,
    sort_order INTEGER NOT NULL
);

CREATE TABLE users (
    id                TEXT PRIMARY KEY NOT NULL,
    email             TEXT NOT NULL UNIQUE,
    password_hash     TEXT NOT NULL,
    display_name      TEXT NOT NULL,
    birth_date        DATE,
    municipality_code TEXT REFERENCES municipalities (code),
    language          TEXT NOT NULL DEFAULT 'fi' CHECK (language IN ('fi', 'sv', 'en')),
    gender            TEXT CHECK (gender IN ('female', 'male', 'other')),
    email_verified_at TIMESTAMP,
    is_admin          BOOLEAN NOT NULL DEFAULT FALSE,
    created_at        TIMESTAMP NOT NULL,
    updated_at        TIMESTAMP NOT NULL
);

CREATE TABLE user_interests (
    user_id       TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    category_slug TEXT NOT NULL REFERENCES categories (slug),
    PRIMARY KEY (user_id, category_slug)
);

CREATE TABLE user_availability (
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    slot    TEXT NOT NULL,
    PRIMARY KEY (user_id, slot)
);

CREATE TABLE sessions (
    id            TEXT PRIMARY KEY NOT NULL,
    user_id       TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at    TIMESTAMP NOT NULL,
    expires_at    TIMESTAMP NOT NULL,
    revoked_at    TIMESTAMP,
    revoke_reason TEXT
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE refresh_tokens (
    token_hash TEXT PRIMARY KEY NOT NULL,
    session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    created_at TIMESTAMP NOT NULL,
    used_at    TIMESTAMP
);
CREATE INDEX refresh_tokens_session_idx ON refresh_tokens (session_id);

CREATE TABLE email_tokens (
    token_hash TEXT PRIMARY KEY NOT NULL,
    user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose    TEXT NOT NULL CHECK (purpose IN ('verify_email', 'password_reset')),
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    used_at    TIMESTAMP
);
CREATE INDEX email_tokens_user_idx ON email_tokens (user_id, purpose);

CREATE TABLE login_throttle (
    account_key  TEXT PRIMARY KEY NOT NULL,
    window_start TIMESTAMP NOT NULL,
    failures     INTEGER NOT NULL
);

CREATE TABLE outbox (
    id              TEXT PRIMARY KEY NOT NULL,
    user_id         TEXT REFERENCES users (id) ON DELETE CASCADE,
    kind            TEXT NOT NULL,
    recipient       TEXT NOT NULL,
    subject         TEXT NOT NULL,
    body_text       TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP NOT NULL,
    locked_until    TIMESTAMP,
    last_error      TEXT,
    created_at      TIMESTAMP NOT NULL,
    sent_at         TIMESTAMP
);
CREATE INDEX outbox_due_idx ON outbox (status, next_attempt_at);
CREATE INDEX outbox_user_idx ON outbox (user_id);
