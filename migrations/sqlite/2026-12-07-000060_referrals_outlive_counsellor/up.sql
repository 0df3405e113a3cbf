-- A referral outlives its counsellor's account (issue 14), so that the region's referral
-- figures do not move when a counsellor erases their account: counsellor_id becomes
-- nullable and is set to NULL with the account (the erasure first expires the open ones,
-- so an open referral always has its counsellor). The counsellor's organisation is kept on
-- each referral, for the organisation's figures, from the role they held when they made it.
--
-- SQLite cannot change a column's NOT NULL or foreign key, so the table is rebuilt, with
-- foreign keys off around a transaction of our own (dropping the table with them on would
-- cascade to referral_events), and checked before it commits.
PRAGMA foreign_keys = OFF;
BEGIN;

CREATE TABLE referrals_new (
    id                  TEXT PRIMARY KEY NOT NULL,
    -- NULL once the counsellor's account is erased.
    counsellor_id       TEXT REFERENCES users (id) ON DELETE SET NULL,
    client_id           TEXT REFERENCES users (id) ON DELETE SET NULL,
    client_email        TEXT,
    claim_hash          TEXT UNIQUE,
    claimed_at          TIMESTAMP,
    task_id             TEXT REFERENCES tasks (id) ON DELETE CASCADE,
    association_id      TEXT NOT NULL REFERENCES associations (id) ON DELETE CASCADE,
    service_id          TEXT REFERENCES association_services (id) ON DELETE SET NULL,
    note                TEXT,
    status              TEXT NOT NULL CHECK (status IN ('sent', 'accepted', 'declined', 'expired')),
    share_progress      BOOLEAN NOT NULL DEFAULT FALSE,
    consent_changed_at  TIMESTAMP,
    client_message      TEXT,
    decline_reason      TEXT,
    signup_id           TEXT REFERENCES signups (id) ON DELETE SET NULL,
    created_at          TIMESTAMP NOT NULL,
    expires_at          TIMESTAMP NOT NULL,
    answered_at         TIMESTAMP,
    organisation        TEXT,
    CHECK (client_email IS NOT NULL OR claim_hash IS NOT NULL),
    CHECK (counsellor_id IS NOT NULL OR status <> 'sent')
);

INSERT INTO referrals_new (
    id, counsellor_id, client_id, client_email, claim_hash, claimed_at, task_id,
    association_id, service_id, note, status, share_progress, consent_changed_at,
    client_message, decline_reason, signup_id, created_at, expires_at, answered_at,
    organisation)
SELECT
    id, counsellor_id, client_id, client_email, claim_hash, claimed_at, task_id,
    association_id, service_id, note, status, share_progress, consent_changed_at,
    client_message, decline_reason, signup_id, created_at, expires_at, answered_at,
    (SELECT c.organisation FROM counsellor_requests c
     WHERE c.user_id = referrals.counsellor_id
       AND c.status IN ('approved', 'revoked')
       AND c.decided_at <= referrals.created_at
     ORDER BY c.decided_at DESC
     LIMIT 1)
FROM referrals;

DROP TABLE referrals;
ALTER TABLE referrals_new RENAME TO referrals;

CREATE INDEX referrals_counsellor_idx ON referrals (counsellor_id, created_at);
CREATE INDEX referrals_client_idx ON referrals (client_id, created_at);
CREATE INDEX referrals_email_idx ON referrals (client_email, status);
CREATE INDEX referrals_organisation_idx ON referrals (organisation, created_at);

-- Fails (a CHECK violation, so the migration stops before COMMIT) if a reference no longer
-- resolves.
CREATE TEMP TABLE referrals_fk_check (broken INTEGER NOT NULL CHECK (broken = 0));
INSERT INTO referrals_fk_check SELECT count(*) FROM pragma_foreign_key_check;
DROP TABLE referrals_fk_check;

COMMIT;
PRAGMA foreign_keys = ON;
