-- Matching (issue 13), second part: alerts of saved searches and follows, reminders before
-- a task starts, and a personal calendar feed.

-- A newly listed task that matched one of a user's saved searches or followed associations:
-- one row per source and task (so a task listed again alerts nobody twice), sent in the
-- user's next digest of that kind. source_kind is 'saved_search' (source_id: its id) or
-- 'follow' (source_id: the association's id).
CREATE TABLE alert_matches (
    id          TEXT PRIMARY KEY NOT NULL,
    user_id     TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    task_id     TEXT NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    source_kind TEXT NOT NULL,
    source_id   TEXT NOT NULL,
    alert       TEXT NOT NULL,
    created_at  TIMESTAMP NOT NULL,
    sent_at     TIMESTAMP,
    UNIQUE (user_id, source_kind, source_id, task_id)
);
-- A digest reads its user's unsent matches.
CREATE INDEX alert_matches_unsent_idx ON alert_matches (user_id, alert, sent_at);

-- The digests waiting to go out: at most one per user and kind, so that two matches found at
-- once (or on two instances) schedule one email, not two.
CREATE TABLE alert_digests (
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    alert   TEXT NOT NULL,
    due_at  TIMESTAMP NOT NULL,
    PRIMARY KEY (user_id, alert)
);

-- A follow can stay without its emails (its unsubscribe link turns them off).
ALTER TABLE association_follows ADD COLUMN alerts BOOLEAN NOT NULL DEFAULT TRUE;

-- The List-Unsubscribe address of an alert email (RFC 8058), sent as a header.
ALTER TABLE outbox ADD COLUMN list_unsubscribe TEXT;

-- Reminders go out once: per sign-up to the volunteer, per task to the association.
ALTER TABLE signups ADD COLUMN reminded_at TIMESTAMP;
ALTER TABLE tasks ADD COLUMN roster_sent_at TIMESTAMP;

-- The personal calendar feed's secret, stored as its SHA-256 (hex) like every token.
ALTER TABLE users ADD COLUMN calendar_token_hash TEXT;
CREATE UNIQUE INDEX users_calendar_token_idx ON users (calendar_token_hash);
