DROP TABLE volunteer_records;
DROP TABLE signup_events;
DROP TABLE signups;
ALTER TABLE tasks DROP COLUMN accepted_count;
