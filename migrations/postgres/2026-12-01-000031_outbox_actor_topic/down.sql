DROP INDEX outbox_topic_idx;
DROP INDEX outbox_recipient_idx;
DROP INDEX outbox_actor_idx;
ALTER TABLE outbox DROP COLUMN topic;
ALTER TABLE outbox DROP COLUMN actor_id;
