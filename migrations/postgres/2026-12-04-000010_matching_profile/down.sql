ALTER TABLE users DROP COLUMN wants_support;
