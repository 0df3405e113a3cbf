-- An administrator can send a failed email again (issue 14). The sender gives up on a
-- message some time after it was queued; a retried one gets that time again from its retry,
-- and keeps when it was first queued.
ALTER TABLE outbox ADD COLUMN retried_at TIMESTAMP;
-- The administrators' list of failed emails, newest first.
CREATE INDEX outbox_status_created_idx ON outbox (status, created_at);
