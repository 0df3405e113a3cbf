DROP TABLE reports;
ALTER TABLE users DROP COLUMN suspended_at;
ALTER TABLE tasks DROP COLUMN hidden_at;
