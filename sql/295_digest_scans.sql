-- The notifier's unread digest (lib/remind.c remind_digest_one) builds a
-- person's digest holding this row, one scanner after the other, where
-- it held the person's users row FOR UPDATE until now (issue 24: the
-- mixed run's one 503). A room page that marks a room read for the first
-- time inserts the room_reads row and then checks its foreign key on the
-- reader's users row (a shared lock): with the digest holding that users
-- row and about to write the same room_reads row, the two deadlocked and
-- InnoDB rolled the page back. Nothing but the digest locks this row, so
-- the page and the digest now only ever meet on the room_reads row
-- itself, and one waits for the other's commit.
CREATE TABLE digest_scans (
  user_id     BIGINT UNSIGNED NOT NULL PRIMARY KEY,
  scanned_at  DATETIME NOT NULL,
  CONSTRAINT digest_scans_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB;
