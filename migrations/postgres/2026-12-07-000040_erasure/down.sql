ALTER TABLE signups DROP CONSTRAINT signups_open_has_volunteer;
ALTER TABLE signups DROP COLUMN erased_gender;
ALTER TABLE signups DROP COLUMN erased_age_band;
ALTER TABLE signups ALTER COLUMN volunteer_id SET NOT NULL;
