ALTER TABLE jobs DROP COLUMN first_due_at;
