-- Two bits a path in the set of unread paths (sql/300), not one: with one
-- bit of 63, a page shared its bit with one unread path in 63, and every
-- view of it paid notif_seen's three statements (an UPDATE that marks
-- nothing, the set read and written again) until that notification was
-- read. With two, a page is "maybe" only when both its bits are set: for
-- one unread path about one page in 4,000 (a Bloom filter of k = 2).
--
-- The same formula is lib/notif.c notif_path_bits, which the session's
-- query is given (lib/sess.h SESS_COLS). The function keeps its name: the
-- procedures of sql/315 call it.
DROP FUNCTION notification_path_bit;
DELIMITER //
CREATE FUNCTION notification_path_bit(path VARCHAR(300)) RETURNS BIGINT UNSIGNED
  DETERMINISTIC NO SQL
  RETURN (1 << (CRC32(path) % 63)) | (1 << (CRC32(path) DIV 63 % 63))//
DELIMITER ;

UPDATE notification_counts nc SET paths = (
  SELECT COALESCE(BIT_OR(notification_path_bit(n.path)), 0) FROM notifications n
  WHERE n.user_id = nc.user_id AND n.read_at IS NULL),
  version = GREATEST(version + 1, UUID_SHORT());
