DROP INDEX users_calendar_token_idx;
ALTER TABLE users DROP COLUMN calendar_token_hash;
ALTER TABLE tasks DROP COLUMN roster_sent_at;
ALTER TABLE signups DROP COLUMN reminded_at;
ALTER TABLE outbox DROP COLUMN list_unsubscribe;
ALTER TABLE association_follows DROP COLUMN alerts;
DROP TABLE alert_digests;
DROP TABLE alert_matches;
