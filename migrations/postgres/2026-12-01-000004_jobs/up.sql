-- Background jobs (src/jobs): work that a request hands off so that its answer does not
-- depend on it. A job row is written in the request's transaction, and the scheduler runs
-- it later in a transaction of its own that deletes the row; a failed run is retried with
-- backoff and, after a day, kept as 'failed'.
CREATE TABLE jobs (
    id         TEXT PRIMARY KEY NOT NULL,
    kind       TEXT NOT NULL,
    payload    TEXT NOT NULL,
    status     TEXT NOT NULL CHECK (status IN ('pending', 'failed')),
    attempts   INTEGER NOT NULL DEFAULT 0,
    run_at     TIMESTAMP NOT NULL,
    last_error TEXT,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX jobs_due_idx ON jobs (status, run_at);
