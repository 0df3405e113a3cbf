DROP TABLE volunteer_records;
DROP TABLE signup_events;
DROP TABLE signups;
-- SQLite cannot drop a column that a CHECK constraint names without rebuilding `tasks`
-- (and its full-text triggers); tasks.accepted_count stays, and re-running up.sql needs a
-- fresh database.
