DROP INDEX signups_referral_idx;
DROP TABLE referral_events;
DROP TABLE referrals;
