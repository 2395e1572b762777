-- A goal's outcome among its mentorship's stage events: the last event
-- made before the review (as sql/399 places a rename). A goal closed
-- before the newest move back into Cultivation is an earlier cycle's:
-- shown apart, fixed in the new cycle's review. Times have whole
-- seconds, and a review and the move that starts the next cycle can
-- share one; the id, read as the outcome is written, cannot. Outcomes
-- given before are placed by their time, a tie read as before the move.
ALTER TABLE goals
  ADD COLUMN reviewed_after_event BIGINT UNSIGNED NOT NULL DEFAULT 0 AFTER reviewed_at;

UPDATE goals g
   SET reviewed_after_event = IFNULL((SELECT MAX(e.id) FROM stage_events e
                                      WHERE e.mentorship_id = g.mentorship_id
                                        AND e.created_at < g.reviewed_at), 0)
 WHERE g.reviewed_at IS NOT NULL;
