-- Reports of abuse (issue 14): anyone can flag a task or an association; administrators
-- work through the queue, hide tasks and suspend accounts, and close each report with an
-- outcome that the reporter, if signed in, is told.

-- A task an administrator took down: out of search and closed to sign-ups, visible to its
-- association (which cannot publish it again until an administrator restores it).
ALTER TABLE tasks ADD COLUMN hidden_at TIMESTAMP;
-- A suspended account cannot log in; its sessions were ended when it was suspended.
ALTER TABLE users ADD COLUMN suspended_at TIMESTAMP;

CREATE TABLE reports (
    id          TEXT PRIMARY KEY NOT NULL,
    target_kind TEXT NOT NULL CHECK (target_kind IN ('task', 'association')),
    target_id   TEXT NOT NULL,
    reason      TEXT NOT NULL CHECK (reason IN
                    ('inappropriate_for_minors', 'asks_for_money', 'not_real', 'other')),
    details     TEXT,
    -- NULL for an anonymous report (or once the reporter's account is erased).
    reporter_id TEXT REFERENCES users (id) ON DELETE SET NULL,
    status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    outcome     TEXT CHECK (outcome IN
                    ('no_action', 'task_hidden', 'association_suspended', 'user_suspended')),
    note        TEXT,
    closed_by   TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at  TIMESTAMP NOT NULL,
    closed_at   TIMESTAMP,
    CHECK ((status = 'open') = (outcome IS NULL)),
    CHECK ((status = 'open') = (closed_at IS NULL))
);
CREATE INDEX reports_status_created_idx ON reports (status, created_at);
CREATE INDEX reports_reporter_idx ON reports (reporter_id);
CREATE INDEX reports_closed_by_idx ON reports (closed_by);
