DROP INDEX outbox_status_created_idx;
ALTER TABLE outbox DROP COLUMN retried_at;
