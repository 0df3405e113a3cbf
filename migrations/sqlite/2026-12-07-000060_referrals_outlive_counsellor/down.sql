-- Not reversible in place once a counsellor has been erased (their referrals have no
-- counsellor); the organisation column goes, the nullable column stays.
DROP INDEX referrals_organisation_idx;
ALTER TABLE referrals DROP COLUMN organisation;
