-- A participant may leave a programme of their own accord: 'left' is
-- their own choice, where 'removed' is an organiser's. The row is kept
-- while they are out, so organisers see who left and when (decided_at);
-- joining again (an open programme, or a new invitation) replaces it.
ALTER TABLE programme_participants
  MODIFY status ENUM('waiting','active','rejected','removed','left') NOT NULL;
