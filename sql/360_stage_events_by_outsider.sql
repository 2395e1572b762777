-- Whether a stage event was done as one of the two parties or from
-- outside the pair: by an admin, a programme's organisers (a proposal, a
-- proposal taken back, a party removed), Menteo itself (an expiry) or an
-- account's deletion. The actor alone cannot say: an organiser may be the
-- mentee of a pair their programme proposed, and taking it back is not
-- the mentee's "no" (lib/suggest.h SUGGEST_SAID_NO). Written by the code
-- that knows the rule it applied (lib/stage.c, the matching board).
ALTER TABLE stage_events
  ADD COLUMN by_outsider TINYINT(1) NOT NULL DEFAULT 0 AFTER actor_id;

-- The events before: what the actor and Menteo's own sentences tell.
UPDATE stage_events e JOIN mentorships m ON m.id = e.mentorship_id
SET e.by_outsider = 1
WHERE e.actor_id IS NULL
   OR e.actor_id NOT IN (m.mentor_id, m.mentee_id)
   OR (e.from_stage IS NULL AND m.proposed_by_programme = 1)
   OR (e.to_stage = 'withdrawn' AND e.note LIKE 'Withdrawn by the organisers of %');
