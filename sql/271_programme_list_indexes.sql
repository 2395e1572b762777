-- Every organiser list by an index (issue 22, Speed), whatever share of a
-- table one programme holds: on the bench, where the programme holds a
-- quarter of the mentorships and all the invitations, MariaDB read the
-- funnel's mentorships and invitations whole, the export's mentorships
-- by primary key (filtered), surveys.csv's surveys whole and the
-- invitations list by primary key, newest first: a scan preferred when
-- most rows match, and walking the whole table when few do. Covering
-- indexes for the funnel's counts (an index read, never the rows); the
-- lists name theirs (FORCE INDEX in cgi-bin/programmes/dashboard.c and
-- invitations.c). tests/integration/check_programme_plans.sh EXPLAINs
-- each statement the pages send.

-- The funnel's invited mentees: counted in the index.
ALTER TABLE programme_invitations
  ADD KEY programme_invitations_role (programme_id, role);

-- A programme's pairs in order (the export) and their mentees (the
-- funnel's COUNT(DISTINCT mentee_id)), from the index alone.
ALTER TABLE mentorships
  ADD KEY mentorships_programme_pairs (programme_id, id, mentee_id);
