-- When a job was first due. A job scheduled for later (a referral's expiry, thirty days
-- ahead) gives up a day after it first came due, not a day after it was written; older rows
-- were all due at once, so their creation time stands in.
ALTER TABLE jobs ADD COLUMN first_due_at TIMESTAMP;
UPDATE jobs SET first_due_at = created_at;
