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
