-- Not reversible in place once a volunteer has been erased (their rows have no volunteer);
-- on a database without erasures the columns simply go.
ALTER TABLE signups DROP COLUMN erased_gender;
ALTER TABLE signups DROP COLUMN erased_age_band;
