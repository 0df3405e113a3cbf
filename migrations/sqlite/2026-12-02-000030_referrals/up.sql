-- Referrals (lähete): a counsellor offers a client a task, or an association (and one of
-- its services). The client is an account, an address that may become one, or whoever
-- claims a link (stored as the SHA-256 of its code). Progress reaches the counsellor only
-- while the client shares it (`share_progress`).
CREATE TABLE referrals (
    id                  TEXT PRIMARY KEY NOT NULL,
    counsellor_id       TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- Set once known: at creation for an address with an account, on the first answer for
    -- an invited address, on the claim for a link. Erasing the client's account keeps the
    -- referral in its counsellor's history, without the client.
    client_id           TEXT REFERENCES users (id) ON DELETE SET NULL,
    -- The address the counsellor typed (normalised); NULL for a link.
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
    CHECK (client_email IS NOT NULL OR claim_hash IS NOT NULL)
);
-- The counsellor's list, and the daily cap on referrals per counsellor.
CREATE INDEX referrals_counsellor_idx ON referrals (counsellor_id, created_at);
-- The client's list, by account and by a verified address that has not answered yet.
CREATE INDEX referrals_client_idx ON referrals (client_id, created_at);
CREATE INDEX referrals_email_idx ON referrals (client_email, status);

-- Every state and consent change with its time, so that a counsellor's figures ("referred
-- 12, accepted 7") are honest and a consent can be shown to have been given.
CREATE TABLE referral_events (
    id          TEXT PRIMARY KEY NOT NULL,
    referral_id TEXT NOT NULL REFERENCES referrals (id) ON DELETE CASCADE,
    event       TEXT NOT NULL CHECK (event IN ('sent', 'claimed', 'accepted', 'declined',
                    'expired', 'sharing_started', 'sharing_stopped')),
    actor_id    TEXT REFERENCES users (id) ON DELETE SET NULL,
    at          TIMESTAMP NOT NULL
);
CREATE INDEX referral_events_referral_idx ON referral_events (referral_id, at);

-- A sign-up made by accepting a referral (`via_referral` for the association).
CREATE INDEX signups_referral_idx ON signups (referral_id);
