-- The header's unread count (lib/notif.h) kept as it happens: one row per
-- person, moved by the triggers below whenever a notification is made,
-- read, made unread again or deleted. The session's own query joins it
-- by primary key (SESS_COLS, lib/sess.h), so a signed-in page no longer
-- sends a statement of its own to count (it was one of the mixed run's
-- 3.4 statements per request, issue 24). A cascade from a deleted
-- account fires no trigger; the count row cascades away with it.
CREATE TABLE notification_counts (
  user_id  BIGINT UNSIGNED NOT NULL PRIMARY KEY,
  unread   INT UNSIGNED NOT NULL DEFAULT 0,
  CONSTRAINT notification_counts_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB;

INSERT INTO notification_counts (user_id, unread)
  SELECT user_id, COUNT(*) FROM notifications WHERE read_at IS NULL GROUP BY user_id;

DELIMITER //
CREATE TRIGGER notifications_count_insert AFTER INSERT ON notifications FOR EACH ROW
BEGIN
  IF NEW.read_at IS NULL THEN
    INSERT INTO notification_counts (user_id, unread) VALUES (NEW.user_id, 1)
      ON DUPLICATE KEY UPDATE unread = unread + 1;
  END IF;
END//

CREATE TRIGGER notifications_count_update AFTER UPDATE ON notifications FOR EACH ROW
BEGIN
  IF OLD.read_at IS NULL AND NEW.read_at IS NOT NULL THEN
    UPDATE notification_counts SET unread = GREATEST(unread, 1) - 1
      WHERE user_id = OLD.user_id;
  ELSEIF OLD.read_at IS NOT NULL AND NEW.read_at IS NULL THEN
    INSERT INTO notification_counts (user_id, unread) VALUES (NEW.user_id, 1)
      ON DUPLICATE KEY UPDATE unread = unread + 1;
  END IF;
END//

CREATE TRIGGER notifications_count_delete AFTER DELETE ON notifications FOR EACH ROW
BEGIN
  IF OLD.read_at IS NULL THEN
    UPDATE notification_counts SET unread = GREATEST(unread, 1) - 1
      WHERE user_id = OLD.user_id;
  END IF;
END//
DELIMITER ;
