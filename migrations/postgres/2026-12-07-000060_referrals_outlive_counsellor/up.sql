-- A referral outlives its counsellor's account (issue 14), so that the region's referral
-- figures do not move when a counsellor erases their account: counsellor_id becomes
-- nullable and is set to NULL with the account (the erasure first expires the open ones,
-- so an open referral always has its counsellor). The counsellor's organisation is kept on
-- each referral, for the organisation's figures, from the role they held when they made it.
ALTER TABLE referrals ADD COLUMN organisation TEXT;
UPDATE referrals SET organisation = (
    SELECT c.organisation FROM counsellor_requests c
    WHERE c.user_id = referrals.counsellor_id
      AND c.status IN ('approved', 'revoked')
      AND c.decided_at <= referrals.created_at
    ORDER BY c.decided_at DESC
    LIMIT 1
);
ALTER TABLE referrals ALTER COLUMN counsellor_id DROP NOT NULL;
ALTER TABLE referrals DROP CONSTRAINT referrals_counsellor_id_fkey;
ALTER TABLE referrals ADD CONSTRAINT referrals_counsellor_id_fkey
    FOREIGN KEY (counsellor_id) REFERENCES users (id) ON DELETE SET NULL;
ALTER TABLE referrals ADD CONSTRAINT referrals_open_has_counsellor
    CHECK (counsellor_id IS NOT NULL OR status <> 'sent');
CREATE INDEX referrals_organisation_idx ON referrals (organisation, created_at);
