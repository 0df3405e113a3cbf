-- Matching (issue 13): a volunteer may ask for tasks where they get support (a named
-- contact, guidance: the task's `supported` flag); recommendations rank such tasks higher.
ALTER TABLE users ADD COLUMN wants_support BOOLEAN NOT NULL DEFAULT FALSE;
