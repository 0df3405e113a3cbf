-- Membership by consent: an invitation is a single-use link (stored as the SHA-256 of its
-- token) that expires, and the invited person accepts or declines it; nobody becomes a
-- member because an owner typed their address. Invitations made before this step cannot be
-- opened from an email (their placeholder hash matches no token) but can still be accepted
-- or declined from the invited person's account.
--
-- SQLite cannot add NOT NULL columns without a default nor constraints to a table, so the
-- table is rebuilt (nothing refers to it).

CREATE TABLE association_invitations_new (
    id             TEXT PRIMARY KEY NOT NULL,
    association_id TEXT NOT NULL REFERENCES associations (id) ON DELETE CASCADE,
    email          TEXT NOT NULL,
    role           TEXT NOT NULL CHECK (role IN ('owner', 'editor')),
    invited_by     TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at     TIMESTAMP NOT NULL,
    token_hash     TEXT NOT NULL UNIQUE,
    status         TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'declined')),
    emailed_at     TIMESTAMP NOT NULL,
    expires_at     TIMESTAMP NOT NULL,
    responded_at   TIMESTAMP,
    UNIQUE (association_id, email)
);

INSERT INTO association_invitations_new
    (id, association_id, email, role, invited_by, created_at,
     token_hash, status, emailed_at, expires_at, responded_at)
SELECT id, association_id, email, role, invited_by, created_at,
       'unusable:' || id, 'pending', created_at,
       strftime('%Y-%m-%d %H:%M:%f', created_at, '+14 days'), NULL
FROM association_invitations;

DROP TABLE association_invitations;
ALTER TABLE association_invitations_new RENAME TO association_invitations;

-- "My invitations": the open ones of one address.
CREATE INDEX association_invitations_email_idx ON association_invitations (email, status);
-- The daily cap on invitation emails per inviter.
CREATE INDEX association_invitations_inviter_idx ON association_invitations (invited_by, emailed_at);
