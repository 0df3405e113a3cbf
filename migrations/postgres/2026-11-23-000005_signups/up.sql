-- Sign-ups (ilmoittautuminen) to tasks, their history, and volunteering records.

-- The number of accepted sign-ups, kept by the application in the same transaction as each
-- change; the CHECK makes overbooking impossible even if a code path forgot to lock.
ALTER TABLE tasks ADD COLUMN accepted_count INTEGER NOT NULL DEFAULT 0,
    ADD CONSTRAINT tasks_capacity_check
        CHECK (accepted_count >= 0 AND (spots IS NULL OR accepted_count <= spots));

CREATE TABLE signups (
    id                      TEXT PRIMARY KEY NOT NULL,
    task_id                 TEXT NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    -- No cascade: erasing a volunteer must go through the sign-up code, which frees spots.
    volunteer_id            TEXT NOT NULL REFERENCES users (id),
    message                 TEXT,
    status                  TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'waitlisted',
                                'declined', 'withdrawn', 'completed', 'no_show', 'cancelled')),
    referral_id             TEXT,
    hours                   DOUBLE PRECISION CHECK (hours IS NULL OR (hours > 0 AND hours <= 1000)),
    -- Act 148/2014: only when the extract was seen and by whom, never its contents.
    record_checked_on       DATE,
    record_checked_by       TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at              TIMESTAMP NOT NULL,
    decided_at              TIMESTAMP,
    decided_by              TEXT REFERENCES users (id) ON DELETE SET NULL,
    withdrawn_at            TIMESTAMP,
    completed_at            TIMESTAMP,
    completed_by            TEXT REFERENCES users (id) ON DELETE SET NULL,
    cancelled_at            TIMESTAMP,
    updated_at              TIMESTAMP NOT NULL,
    volunteer_rating        INTEGER CHECK (volunteer_rating BETWEEN 1 AND 5),
    volunteer_comment       TEXT,
    volunteer_feedback_at   TIMESTAMP,
    association_rating      INTEGER CHECK (association_rating BETWEEN 1 AND 5),
    association_comment     TEXT,
    association_feedback_at TIMESTAMP,
    association_feedback_by TEXT REFERENCES users (id) ON DELETE SET NULL
);
-- At most one open sign-up per (task, volunteer), whatever the concurrency.
CREATE UNIQUE INDEX signups_one_open_idx ON signups (task_id, volunteer_id)
    WHERE status IN ('pending', 'accepted', 'waitlisted');
CREATE INDEX signups_task_idx ON signups (task_id, status, created_at);
CREATE INDEX signups_volunteer_idx ON signups (volunteer_id, status, created_at);

-- Every transition: when, from and to which state, and who made it (NULL: the service
-- itself, e.g. a waitlist move-up).
CREATE TABLE signup_events (
    id          TEXT PRIMARY KEY NOT NULL,
    signup_id   TEXT NOT NULL REFERENCES signups (id) ON DELETE CASCADE,
    from_status TEXT,
    to_status   TEXT NOT NULL,
    actor_id    TEXT REFERENCES users (id) ON DELETE SET NULL,
    at          TIMESTAMP NOT NULL
);
CREATE INDEX signup_events_signup_idx ON signup_events (signup_id, at);

-- A volunteer's record: the verification code they hand to an employer or a school, and
-- what that code shows.
CREATE TABLE volunteer_records (
    user_id     TEXT PRIMARY KEY NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code        TEXT NOT NULL UNIQUE,
    share_name  BOOLEAN NOT NULL DEFAULT TRUE,
    share_tasks BOOLEAN NOT NULL DEFAULT TRUE,
    share_hours BOOLEAN NOT NULL DEFAULT TRUE,
    created_at  TIMESTAMP NOT NULL,
    updated_at  TIMESTAMP NOT NULL
);
