-- Erasure (issue 14): a sign-up outlives its volunteer as an anonymous row, so that the
-- associations' and the region's figures stay right. volunteer_id becomes nullable (NULL:
-- an erased volunteer); still without ON DELETE, so that only the erasure code, which
-- withdraws open sign-ups first, can leave a row without its volunteer. The age band and
-- gender the figures count are kept on the row when its volunteer is erased.
ALTER TABLE signups ALTER COLUMN volunteer_id DROP NOT NULL;
ALTER TABLE signups ADD COLUMN erased_age_band TEXT;
ALTER TABLE signups ADD COLUMN erased_gender TEXT;
ALTER TABLE signups ADD CONSTRAINT signups_open_has_volunteer
    CHECK (volunteer_id IS NOT NULL OR status NOT IN ('pending', 'accepted', 'waitlisted'));
