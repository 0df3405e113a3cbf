-- Membership by consent: an invitation is a single-use link (stored as the SHA-256 of its
-- token) that expires, and the invited person accepts or declines it; nobody becomes a
-- member because an owner typed their address. Invitations made before this step cannot be
-- opened from an email (their placeholder hash matches no token) but can still be accepted
-- or declined from the invited person's account.

ALTER TABLE association_invitations
    ADD COLUMN token_hash   TEXT,
    ADD COLUMN status       TEXT NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'accepted', 'declined')),
    ADD COLUMN emailed_at   TIMESTAMP,
    ADD COLUMN expires_at   TIMESTAMP,
    ADD COLUMN responded_at TIMESTAMP;

UPDATE association_invitations
SET token_hash = 'unusable:' || id,
    emailed_at = created_at,
    expires_at = created_at + INTERVAL '14 days';

ALTER TABLE association_invitations
    ALTER COLUMN token_hash SET NOT NULL,
    ALTER COLUMN status DROP DEFAULT,
    ALTER COLUMN emailed_at SET NOT NULL,
    ALTER COLUMN expires_at SET NOT NULL,
    ADD CONSTRAINT association_invitations_token_hash_key UNIQUE (token_hash);

-- "My invitations": the open ones of one address.
DROP INDEX association_invitations_email_idx;
CREATE INDEX association_invitations_email_idx ON association_invitations (email, status);
-- The daily cap on invitation emails per inviter.
CREATE INDEX association_invitations_inviter_idx ON association_invitations (invited_by, emailed_at);
