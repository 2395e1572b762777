-- A rename's place among its mentorship's stage events (sql/398): the
-- last event made before it. created_at has whole seconds, so a stage
-- move and a rename in the same second were listed stage move first,
-- whatever their order; the event's id, read as the rename is written,
-- orders them as they were made. Renames kept before are placed by
-- their time, as they were shown.
-- by_outsider: renamed by the programme's rename (its organisers), not
-- by a party, kept as the stage events keep it (sql/020's by_outsider):
-- an organiser who is also a party of the pair renames it as its party.
ALTER TABLE mentorship_renames
  ADD COLUMN after_event BIGINT UNSIGNED NOT NULL DEFAULT 0 AFTER mentorship_id,
  ADD COLUMN by_outsider TINYINT(1) NOT NULL DEFAULT 0 AFTER actor_id;

UPDATE mentorship_renames n
   SET after_event = IFNULL((SELECT MAX(e.id) FROM stage_events e
                             WHERE e.mentorship_id = n.mentorship_id
                               AND e.created_at <= n.created_at), 0);
