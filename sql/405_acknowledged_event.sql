-- An acknowledgment belongs to the Separation it was given in: the stage
-- event that began it, written with it (MSHIP_ACKED, lib/mship.h). Read
-- by its time (acknowledged_at >= stage_changed_at) it was whole seconds,
-- which a move and an acknowledgment can share. One given before is
-- placed in the newest move into Separation made by its time: it can be
-- given in Separation alone.
ALTER TABLE mentorships
  ADD COLUMN IF NOT EXISTS acknowledged_event BIGINT UNSIGNED NULL AFTER acknowledged_at;

UPDATE mentorships m
   SET acknowledged_event = (SELECT MAX(e.id) FROM stage_events e
                             WHERE e.mentorship_id = m.id
                               AND e.to_stage = 'separation'
                               AND e.created_at <= m.acknowledged_at)
 WHERE m.acknowledged_at IS NOT NULL AND m.acknowledged_event IS NULL;

-- A pair in Separation now that the old rule read as acknowledged in it
-- keeps that answer whatever the clocks of the nodes that wrote the two
-- times: its acknowledgment is its newest event's.
UPDATE mentorships m
   SET acknowledged_event = (SELECT MAX(e.id) FROM stage_events e
                             WHERE e.mentorship_id = m.id)
 WHERE m.stage = 'separation' AND m.acknowledged_at >= m.stage_changed_at;

-- The outcomes an acknowledgment fixed, each marked with it (review.c's
-- GOAL_ACKED): compared by time, a goal added after it for a new cycle
-- and reviewed within its second read as acknowledged. Before, those
-- reviewed by its time.
ALTER TABLE goals
  ADD COLUMN IF NOT EXISTS acknowledged_event BIGINT UNSIGNED NULL AFTER reviewed_after_event;

UPDATE goals g JOIN mentorships m ON m.id = g.mentorship_id
   SET g.acknowledged_event = m.acknowledged_event
 WHERE g.acknowledged_event IS NULL AND m.acknowledged_event IS NOT NULL
   AND g.reviewed_at <= m.acknowledged_at;
