-- Erasure (issue 14): a sign-up outlives its volunteer as an anonymous row, so that the
-- associations' and the region's figures stay right. volunteer_id becomes nullable (NULL:
-- an erased volunteer); still without ON DELETE, so that only the erasure code, which
-- withdraws open sign-ups first, can leave a row without its volunteer. The age band and
-- gender the figures count are kept on the row when its volunteer is erased.
--
-- SQLite cannot drop NOT NULL, so the table is rebuilt. Dropping a table with foreign keys on
-- would cascade to its children (signup_events), so they are turned off around a
-- transaction of our own, and checked before it commits.
PRAGMA foreign_keys = OFF;
BEGIN;

CREATE TABLE signups_new (
    id                      TEXT PRIMARY KEY NOT NULL,
    task_id                 TEXT NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    -- NULL once the volunteer is erased; no cascade (see above).
    volunteer_id            TEXT REFERENCES users (id),
    message                 TEXT,
    status                  TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'waitlisted',
                                'declined', 'withdrawn', 'completed', 'no_show', 'cancelled')),
    referral_id             TEXT,
    hours                   DOUBLE PRECISION CHECK (hours IS NULL OR (hours > 0 AND hours <= 1000)),
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
    association_feedback_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    reminded_at             TIMESTAMP,
    -- Kept when the volunteer is erased: 13-15, 16-17, 18-24, 25-29 or 30+ at sign-up.
    erased_age_band         TEXT,
    erased_gender           TEXT,
    CHECK (volunteer_id IS NOT NULL OR status NOT IN ('pending', 'accepted', 'waitlisted'))
);

INSERT INTO signups_new (
    id, task_id, volunteer_id, message, status, referral_id, hours, record_checked_on,
    record_checked_by, created_at, decided_at, decided_by, withdrawn_at, completed_at,
    completed_by, cancelled_at, updated_at, volunteer_rating, volunteer_comment,
    volunteer_feedback_at, association_rating, association_comment, association_feedback_at,
    association_feedback_by, reminded_at)
SELECT
    id, task_id, volunteer_id, message, status, referral_id, hours, record_checked_on,
    record_checked_by, created_at, decided_at, decided_by, withdrawn_at, completed_at,
    completed_by, cancelled_at, updated_at, volunteer_rating, volunteer_comment,
    volunteer_feedback_at, association_rating, association_comment, association_feedback_at,
    association_feedback_by, reminded_at
FROM signups;

DROP TABLE signups;
ALTER TABLE signups_new RENAME TO signups;

CREATE UNIQUE INDEX signups_one_open_idx ON signups (task_id, volunteer_id)
    WHERE status IN ('pending', 'accepted', 'waitlisted');
CREATE INDEX signups_task_idx ON signups (task_id, status, created_at);
CREATE INDEX signups_volunteer_idx ON signups (volunteer_id, status, created_at);
CREATE INDEX signups_referral_idx ON signups (referral_id);

-- Fails (a CHECK violation, so the migration stops before COMMIT) if a reference no longer
-- resolves.
CREATE TEMP TABLE erasure_fk_check (broken INTEGER NOT NULL CHECK (broken = 0));
INSERT INTO erasure_fk_check SELECT count(*) FROM pragma_foreign_key_check;
DROP TABLE erasure_fk_check;

COMMIT;
PRAGMA foreign_keys = ON;
