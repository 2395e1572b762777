-- Which pages someone's unread notifications are about, kept beside their
-- count: a set of 63 bits, one per path (notification_path_bit), so that
-- the session's query knows whether the page asked for has an unread one
-- (lib/sess.h sess_here) by arithmetic on the row it joins anyway (the
-- formula below written out there: lib/notif.h NOTIF_PATH_BIT). The
-- subquery it replaces (one entry of notifications_path) cost MariaDB's
-- optimizer more than the rest of the room page's query (issue 20's
-- bench, docs/performance.md).
--
-- A bit is set when a notification becomes unread and never cleared by a
-- trigger, except all at once when nothing is unread any more: clearing
-- one bit needs every other unread path, a read the triggers would do
-- for each of many rows marked read at once. A bit left set says only
-- "maybe", as a path sharing another's bit does: the page then sends
-- the UPDATE that marks its notifications read and finds none, and
-- notif_seen sets the bits again from what is unread (lib/notif.c),
-- checking `version` (moved by every trigger below) so that it never
-- overwrites a notification made meanwhile.
DELIMITER //
CREATE FUNCTION notification_path_bit(path VARCHAR(300)) RETURNS BIGINT UNSIGNED
  DETERMINISTIC NO SQL
  RETURN 1 << (CRC32(path) % 63)//
DELIMITER ;

ALTER TABLE notification_counts
  ADD COLUMN paths BIGINT UNSIGNED NOT NULL DEFAULT 0,
  ADD COLUMN version BIGINT UNSIGNED NOT NULL DEFAULT 0;

UPDATE notification_counts nc SET paths = (
  SELECT COALESCE(BIT_OR(notification_path_bit(n.path)), 0) FROM notifications n
  WHERE n.user_id = nc.user_id AND n.read_at IS NULL);

DROP TRIGGER notifications_count_insert;
DROP TRIGGER notifications_count_update;
DROP TRIGGER notifications_count_delete;

-- One notification becoming unread, and one stopping being unread: the
-- triggers below call these, once each way.
DELIMITER //
CREATE PROCEDURE notification_unread_add(p_user BIGINT UNSIGNED, p_path VARCHAR(300))
  INSERT INTO notification_counts (user_id, unread, paths, version)
    VALUES (p_user, 1, notification_path_bit(p_path), 1)
    ON DUPLICATE KEY UPDATE unread = unread + 1,
      paths = paths | notification_path_bit(p_path), version = version + 1//

CREATE PROCEDURE notification_unread_drop(p_user BIGINT UNSIGNED)
  UPDATE notification_counts SET paths = IF(unread <= 1, 0, paths),
    unread = GREATEST(unread, 1) - 1, version = version + 1
    WHERE user_id = p_user//

CREATE TRIGGER notifications_count_insert AFTER INSERT ON notifications FOR EACH ROW
BEGIN
  IF NEW.read_at IS NULL THEN
    CALL notification_unread_add(NEW.user_id, NEW.path);
  END IF;
END//

CREATE TRIGGER notifications_count_update AFTER UPDATE ON notifications FOR EACH ROW
BEGIN
  IF OLD.read_at IS NULL AND NEW.read_at IS NOT NULL THEN
    CALL notification_unread_drop(OLD.user_id);
  ELSEIF OLD.read_at IS NOT NULL AND NEW.read_at IS NULL THEN
    CALL notification_unread_add(NEW.user_id, NEW.path);
  END IF;
END//

CREATE TRIGGER notifications_count_delete AFTER DELETE ON notifications FOR EACH ROW
BEGIN
  IF OLD.read_at IS NULL THEN
    CALL notification_unread_drop(OLD.user_id);
  END IF;
END//
DELIMITER ;
