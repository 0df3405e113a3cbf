-- Back to invitations that wait for their address to register; answered ones are dropped
-- (the old table had no place for them).
DELETE FROM association_invitations WHERE status <> 'pending';
DROP INDEX association_invitations_inviter_idx;
DROP INDEX association_invitations_email_idx;
ALTER TABLE association_invitations
    DROP CONSTRAINT association_invitations_token_hash_key,
    DROP COLUMN responded_at,
    DROP COLUMN expires_at,
    DROP COLUMN emailed_at,
    DROP COLUMN status,
    DROP COLUMN token_hash;
CREATE INDEX association_invitations_email_idx ON association_invitations (email);
