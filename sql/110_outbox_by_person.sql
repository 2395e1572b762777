-- Security (issue 19, item 8): deleting an account removes every mail
-- queued or kept for the person (their address and the bodies written
-- to them). These keys find those rows without scanning the outbox,
-- which would lock every row it reads and stall the notifier meanwhile.

ALTER TABLE outbox
  ADD KEY outbox_user (user_id),
  ADD KEY outbox_to (to_addr);
