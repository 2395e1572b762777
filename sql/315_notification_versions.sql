-- The dashboard's newest unread notifications are kept under the version
-- of the person's count (cgi-bin/home.c new_kept, issue 24), so that
-- version must never repeat and must move with everything that list
-- shows. As sql/240: a new version is the larger of the old plus one and
-- UUID_SHORT(), so it only goes up within a row, and after a restore
-- from backup or on another Galera node it still jumps past anything a
-- worker kept (sql/300 counted up from 1, which a restore repeats).
-- notif_seen (lib/notif.c) compares it for equality only.
DROP PROCEDURE notification_unread_add;
DROP PROCEDURE notification_unread_drop;
DROP TRIGGER notifications_count_update;

DELIMITER //
CREATE PROCEDURE notification_unread_add(p_user BIGINT UNSIGNED, p_path VARCHAR(300))
  INSERT INTO notification_counts (user_id, unread, paths, version)
    VALUES (p_user, 1, notification_path_bit(p_path), UUID_SHORT())
    ON DUPLICATE KEY UPDATE unread = unread + 1,
      paths = paths | notification_path_bit(p_path),
      version = GREATEST(version + 1, UUID_SHORT())//

CREATE PROCEDURE notification_unread_drop(p_user BIGINT UNSIGNED)
  UPDATE notification_counts SET paths = IF(unread <= 1, 0, paths),
    unread = GREATEST(unread, 1) - 1,
    version = GREATEST(version + 1, UUID_SHORT())
    WHERE user_id = p_user//

-- An unread notification whose person, title, path or time changed is
-- one leaving and another coming: the list shows them all, and the set of
-- unread paths takes the new path.
CREATE TRIGGER notifications_count_update AFTER UPDATE ON notifications FOR EACH ROW
BEGIN
  IF NOT (OLD.read_at <=> NEW.read_at AND OLD.user_id <=> NEW.user_id AND
      OLD.title <=> NEW.title AND OLD.path <=> NEW.path AND
      OLD.created_at <=> NEW.created_at) THEN
    IF OLD.read_at IS NULL THEN
      CALL notification_unread_drop(OLD.user_id);
    END IF;
    IF NEW.read_at IS NULL THEN
      CALL notification_unread_add(NEW.user_id, NEW.path);
    END IF;
  END IF;
END//
DELIMITER ;
