-- Back to invitations that wait for their address to register; answered ones are dropped
-- (the old table had no place for them).
CREATE TABLE association_invitations_old (
    id             TEXT PRIMARY KEY NOT NULL,
    association_id TEXT NOT NULL REFERENCES associations (id) ON DELETE CASCADE,
    email          TEXT NOT NULL,
    role           TEXT NOT NULL CHECK (role IN ('owner', 'editor')),
    invited_by     TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at     TIMESTAMP NOT NULL,
    UNIQUE (association_id, email)
);
INSERT INTO association_invitations_old
    (id, association_id, email, role, invited_by, created_at)
SELECT id, association_id, email, role, invited_by, created_at
FROM association_invitations
WHERE status = 'pending';
DROP TABLE association_invitations;
ALTER TABLE association_invitations_old RENAME TO association_invitations;
CREATE INDEX association_invitations_email_idx ON association_invitations (email);
