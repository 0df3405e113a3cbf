-- Service counsellors (palveluohjaaja): a user asks for the role, an administrator approves
-- or rejects the request, and may later revoke an approved one. A user is a counsellor
-- while one of their requests is `approved`; the request row is the role, so the
-- organisation, title and municipality shown on `GET /me` are the ones an administrator
-- saw and approved.
CREATE TABLE counsellor_requests (
    id                TEXT PRIMARY KEY NOT NULL,
    user_id           TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    organisation      TEXT NOT NULL,
    title             TEXT NOT NULL,
    municipality_code TEXT NOT NULL REFERENCES municipalities (code),
    work_email        TEXT,
    status            TEXT NOT NULL
        CHECK (status IN ('pending', 'approved', 'rejected', 'revoked')),
    -- Why a request was rejected or a role revoked, as the administrator wrote it to the user.
    reason            TEXT,
    decided_by        TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at        TIMESTAMP NOT NULL,
    decided_at        TIMESTAMP,
    revoked_at        TIMESTAMP
);
-- One open request (pending) or role (approved) per user, whatever the concurrency.
CREATE UNIQUE INDEX counsellor_requests_one_open_idx ON counsellor_requests (user_id)
    WHERE status IN ('pending', 'approved');
-- The administrators' queue.
CREATE INDEX counsellor_requests_status_idx ON counsellor_requests (status, created_at);
