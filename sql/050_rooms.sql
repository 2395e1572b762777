-- Mentorship rooms (docs/product.md: Mentorship Rooms): the messages of each mentorship's room and
-- how far each party has read. Pages are read with the keyset
-- (mentorship_id, id): WHERE mentorship_id = ? AND id < ? ORDER BY id DESC,
-- so the first page and a page deep in the history cost the same.

CREATE TABLE room_messages (
  id             BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  mentorship_id  BIGINT UNSIGNED NOT NULL,
  author_id      BIGINT UNSIGNED NOT NULL,
  body           MEDIUMTEXT NOT NULL,
  reply_to       BIGINT UNSIGNED NULL,          -- a message of the same room
  created_at     DATETIME NOT NULL,
  edited_at      DATETIME NULL,
  KEY room_messages_room (mentorship_id, id),
  KEY room_messages_author (author_id),
  KEY room_messages_reply (reply_to),
  CONSTRAINT room_messages_mentorship_fk FOREIGN KEY (mentorship_id) REFERENCES mentorships (id) ON DELETE CASCADE,
  CONSTRAINT room_messages_author_fk FOREIGN KEY (author_id) REFERENCES users (id),
  CONSTRAINT room_messages_reply_fk FOREIGN KEY (reply_to) REFERENCES room_messages (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Unread for user U in mentorship M: messages of M with id > last_read_id
-- (0 without a row) written by someone else. digest_id is the newest
-- message a digest e-mail already covered, so the notifier sends one
-- digest per batch of unread messages, never one per message.
CREATE TABLE room_reads (
  mentorship_id  BIGINT UNSIGNED NOT NULL,
  user_id        BIGINT UNSIGNED NOT NULL,
  last_read_id   BIGINT UNSIGNED NOT NULL DEFAULT 0,
  read_at        DATETIME NULL,
  digest_id      BIGINT UNSIGNED NOT NULL DEFAULT 0,
  PRIMARY KEY (mentorship_id, user_id),
  KEY room_reads_user (user_id),
  CONSTRAINT room_reads_mentorship_fk FOREIGN KEY (mentorship_id) REFERENCES mentorships (id) ON DELETE CASCADE,
  CONSTRAINT room_reads_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
