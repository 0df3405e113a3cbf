-- Referrals of erased counsellors cannot get their counsellor back; they go.
DROP INDEX referrals_organisation_idx;
ALTER TABLE referrals DROP CONSTRAINT referrals_open_has_counsellor;
DELETE FROM referrals WHERE counsellor_id IS NULL;
ALTER TABLE referrals DROP CONSTRAINT referrals_counsellor_id_fkey;
ALTER TABLE referrals ADD CONSTRAINT referrals_counsellor_id_fkey
    FOREIGN KEY (counsellor_id) REFERENCES users (id) ON DELETE CASCADE;
ALTER TABLE referrals ALTER COLUMN counsellor_id SET NOT NULL;
ALTER TABLE referrals DROP COLUMN organisation;
