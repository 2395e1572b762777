-- Scale (issue 24): the notifier's digest scan (lib/remind.c) asks, for
-- each party of each open room, for the other party's newest message
-- older than an hour, read backwards on this index: it walks that
-- party's messages of the last hour, never the reader's own nor those
-- read long ago (room_messages_room alone walked the room from its
-- first message whenever its newest was unread).
ALTER TABLE room_messages
  ADD KEY room_messages_room_author (mentorship_id, author_id, id);
