-- Who caused each email (for the per-person and per-recipient throttles) and what it is
-- about (so that a newer notice about the same thing replaces one still waiting).
ALTER TABLE outbox ADD COLUMN actor_id TEXT;
ALTER TABLE outbox ADD COLUMN topic TEXT;
CREATE INDEX outbox_actor_idx ON outbox (actor_id, created_at);
CREATE INDEX outbox_recipient_idx ON outbox (recipient, created_at);
CREATE INDEX outbox_topic_idx ON outbox (topic, recipient);
