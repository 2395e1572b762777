-- In-app notifications (SPEC §14, lib/notif.h): one per e-mail event
-- about a mentorship, a thread or a programme, written by mail_notify in
-- the transaction of the outbox row and under the same key, so a retried
-- event makes neither twice. Kept even when that kind of mail is off.
-- notifications_page: the list, newest first by id (cursor paging);
-- notifications_unread: the header's count, one range read (capped);
-- notifications_path: "read on visit", the unread ones about one page,
-- without reading every unread row of the person (a thousand of them
-- made the room page ten times slower).
CREATE TABLE notifications (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  user_id     BIGINT UNSIGNED NOT NULL,
  kind        VARCHAR(40) CHARACTER SET ascii NOT NULL,
  title       VARCHAR(200) NOT NULL,
  path        VARCHAR(300) NOT NULL,
  dedup_key   VARCHAR(190) CHARACTER SET ascii NULL,
  created_at  DATETIME NOT NULL,
  read_at     DATETIME NULL,
  UNIQUE KEY notifications_dedup (dedup_key),
  KEY notifications_page (user_id, id),
  KEY notifications_unread (user_id, read_at),
  KEY notifications_path (user_id, path, read_at),
  CONSTRAINT notifications_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
