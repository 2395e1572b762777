-- The dashboard's weekly activity (issue 22, Speed): counted as it
-- happens rather than recounted from a year of room messages, journal
-- entries and meetings on every view (2.3 s for 1,000 pairs).
-- One row per pair and week of its programme (week 0 begins on the
-- programme's first day, COALESCE(starts_on, DATE(created_at)), as the
-- dashboard counts), so two pairs writing at once never update one row
-- (nor conflict in certification on Galera); the dashboard sums its
-- pairs' rows of the weeks it draws (mentorships_programme, then this
-- key). Triggers keep it, whoever writes (the programs, an admin, SQL by
-- hand). Foreign-key cascades fire no trigger, hence:
-- - a deleted thread takes its entries' counts with it (threads BEFORE
--   DELETE), a thread linked to or unlinked from a pair moves them;
-- - a deleted pair takes its rows with it (the foreign key below);
-- - a programme whose first day moves has its pairs' rows counted again.
-- Meetings are counted by starts_at, future ones too: the dashboard takes
-- those of the current week from meetings, up to now.

CREATE TABLE pair_weeks (
  mentorship_id BIGINT UNSIGNED NOT NULL,
  week          INT NOT NULL,
  messages      INT NOT NULL DEFAULT 0,
  entries       INT NOT NULL DEFAULT 0,
  meetings      INT NOT NULL DEFAULT 0,
  PRIMARY KEY (mentorship_id, week),
  CONSTRAINT pair_weeks_mentorship_fk FOREIGN KEY (mentorship_id)
    REFERENCES mentorships (id) ON DELETE CASCADE
) ENGINE=InnoDB;

DELIMITER //

-- The week of `t` in the programme of pair `mid` (NULL: not in one).
CREATE FUNCTION pair_week(mid BIGINT UNSIGNED, t DATETIME) RETURNS INT
READS SQL DATA
RETURN (SELECT FLOOR(DATEDIFF(t, COALESCE(p.starts_on, DATE(p.created_at)))
    / 7) FROM mentorships m JOIN programmes p ON p.id = m.programme_id
  WHERE m.id = mid)//

-- Adds (or, negative, takes away) counts at `t` to pair `mid`'s week.
CREATE PROCEDURE pair_weeks_add(mid BIGINT UNSIGNED, t DATETIME,
    dm INT, de INT, dg INT)
MODIFIES SQL DATA
BEGIN
  DECLARE w INT DEFAULT pair_week(mid, t);
  IF w IS NOT NULL THEN
    INSERT INTO pair_weeks (mentorship_id, week, messages, entries, meetings)
      VALUES (mid, w, dm, de, dg)
      ON DUPLICATE KEY UPDATE messages = messages + dm,
        entries = entries + de, meetings = meetings + dg;
  END IF;
END//

-- Adds (k 1) or takes away (k -1) all entries of thread `tid` to pair `mid`.
CREATE PROCEDURE pair_weeks_thread(tid BIGINT UNSIGNED, mid BIGINT UNSIGNED,
    k INT)
MODIFIES SQL DATA
BEGIN
  IF mid IS NOT NULL AND pair_week(mid, UTC_TIMESTAMP()) IS NOT NULL THEN
    INSERT INTO pair_weeks (mentorship_id, week, entries)
      SELECT mid, pair_week(mid, e.created_at) AS w, k * COUNT(*)
      FROM thread_entries e WHERE e.thread_id = tid GROUP BY w
      ON DUPLICATE KEY UPDATE entries = entries + VALUES(entries);
  END IF;
END//

-- Counts programme `pid`'s pairs again from the rows themselves: the
-- backfill, and a programme whose first day moved.
CREATE PROCEDURE pair_weeks_fill(pid BIGINT UNSIGNED)
MODIFIES SQL DATA
BEGIN
  DECLARE d0 DATE;
  SET d0 = (SELECT COALESCE(starts_on, DATE(created_at)) FROM programmes
    WHERE id = pid);
  DELETE w FROM pair_weeks w JOIN mentorships m ON m.id = w.mentorship_id
    WHERE m.programme_id = pid;
  INSERT INTO pair_weeks (mentorship_id, week, messages)
    SELECT m.id, FLOOR(DATEDIFF(x.created_at, d0) / 7) AS w, COUNT(*)
    FROM mentorships m JOIN room_messages x ON x.mentorship_id = m.id
    WHERE m.programme_id = pid GROUP BY m.id, w;
  INSERT INTO pair_weeks (mentorship_id, week, entries)
    SELECT m.id, FLOOR(DATEDIFF(e.created_at, d0) / 7) AS w, COUNT(*)
    FROM mentorships m JOIN threads t ON t.mentorship_id = m.id
    JOIN thread_entries e ON e.thread_id = t.id
    WHERE m.programme_id = pid GROUP BY m.id, w
    ON DUPLICATE KEY UPDATE entries = VALUES(entries);
  INSERT INTO pair_weeks (mentorship_id, week, meetings)
    SELECT m.id, FLOOR(DATEDIFF(g.starts_at, d0) / 7) AS w, COUNT(*)
    FROM mentorships m JOIN meetings g ON g.mentorship_id = m.id
    WHERE m.programme_id = pid GROUP BY m.id, w
    ON DUPLICATE KEY UPDATE meetings = VALUES(meetings);
END//

CREATE TRIGGER room_messages_weeks_insert AFTER INSERT ON room_messages
FOR EACH ROW CALL pair_weeks_add(NEW.mentorship_id, NEW.created_at, 1, 0, 0)//

CREATE TRIGGER room_messages_weeks_delete AFTER DELETE ON room_messages
FOR EACH ROW CALL pair_weeks_add(OLD.mentorship_id, OLD.created_at, -1, 0, 0)//

CREATE TRIGGER room_messages_weeks_update AFTER UPDATE ON room_messages
FOR EACH ROW BEGIN
  IF NOT (OLD.mentorship_id <=> NEW.mentorship_id AND
      OLD.created_at <=> NEW.created_at) THEN
    CALL pair_weeks_add(OLD.mentorship_id, OLD.created_at, -1, 0, 0);
    CALL pair_weeks_add(NEW.mentorship_id, NEW.created_at, 1, 0, 0);
  END IF;
END//

CREATE TRIGGER thread_entries_weeks_insert AFTER INSERT ON thread_entries
FOR EACH ROW CALL pair_weeks_add((SELECT mentorship_id FROM threads
  WHERE id = NEW.thread_id), NEW.created_at, 0, 1, 0)//

CREATE TRIGGER thread_entries_weeks_delete AFTER DELETE ON thread_entries
FOR EACH ROW CALL pair_weeks_add((SELECT mentorship_id FROM threads
  WHERE id = OLD.thread_id), OLD.created_at, 0, -1, 0)//

CREATE TRIGGER thread_entries_weeks_update AFTER UPDATE ON thread_entries
FOR EACH ROW BEGIN
  IF NOT (OLD.thread_id <=> NEW.thread_id AND
      OLD.created_at <=> NEW.created_at) THEN
    CALL pair_weeks_add((SELECT mentorship_id FROM threads
      WHERE id = OLD.thread_id), OLD.created_at, 0, -1, 0);
    CALL pair_weeks_add((SELECT mentorship_id FROM threads
      WHERE id = NEW.thread_id), NEW.created_at, 0, 1, 0);
  END IF;
END//

CREATE TRIGGER threads_weeks_update AFTER UPDATE ON threads
FOR EACH ROW BEGIN
  IF NOT OLD.mentorship_id <=> NEW.mentorship_id THEN
    CALL pair_weeks_thread(OLD.id, OLD.mentorship_id, -1);
    CALL pair_weeks_thread(NEW.id, NEW.mentorship_id, 1);
  END IF;
END//

CREATE TRIGGER threads_weeks_delete BEFORE DELETE ON threads
FOR EACH ROW CALL pair_weeks_thread(OLD.id, OLD.mentorship_id, -1)//

CREATE TRIGGER meetings_weeks_insert AFTER INSERT ON meetings
FOR EACH ROW CALL pair_weeks_add(NEW.mentorship_id, NEW.starts_at, 0, 0, 1)//

CREATE TRIGGER meetings_weeks_delete AFTER DELETE ON meetings
FOR EACH ROW CALL pair_weeks_add(OLD.mentorship_id, OLD.starts_at, 0, 0, -1)//

CREATE TRIGGER meetings_weeks_update AFTER UPDATE ON meetings
FOR EACH ROW BEGIN
  IF NOT (OLD.mentorship_id <=> NEW.mentorship_id AND
      OLD.starts_at <=> NEW.starts_at) THEN
    CALL pair_weeks_add(OLD.mentorship_id, OLD.starts_at, 0, 0, -1);
    CALL pair_weeks_add(NEW.mentorship_id, NEW.starts_at, 0, 0, 1);
  END IF;
END//

CREATE TRIGGER programmes_weeks_update AFTER UPDATE ON programmes
FOR EACH ROW BEGIN
  IF NOT COALESCE(OLD.starts_on, DATE(OLD.created_at)) <=>
      COALESCE(NEW.starts_on, DATE(NEW.created_at)) THEN
    CALL pair_weeks_fill(NEW.id);
  END IF;
END//

CREATE TRIGGER mentorships_weeks_update AFTER UPDATE ON mentorships
FOR EACH ROW BEGIN
  IF NOT OLD.programme_id <=> NEW.programme_id THEN
    DELETE FROM pair_weeks WHERE mentorship_id = NEW.id;
    IF NEW.programme_id IS NOT NULL THEN
      INSERT INTO pair_weeks (mentorship_id, week, messages)
        SELECT NEW.id, pair_week(NEW.id, created_at) AS w, COUNT(*)
        FROM room_messages WHERE mentorship_id = NEW.id GROUP BY w;
      INSERT INTO pair_weeks (mentorship_id, week, meetings)
        SELECT NEW.id, pair_week(NEW.id, starts_at) AS w, COUNT(*)
        FROM meetings WHERE mentorship_id = NEW.id GROUP BY w
        ON DUPLICATE KEY UPDATE meetings = VALUES(meetings);
      FOR t IN (SELECT id FROM threads WHERE mentorship_id = NEW.id) DO
        CALL pair_weeks_thread(t.id, NEW.id, 1);
      END FOR;
    END IF;
  END IF;
END//

BEGIN NOT ATOMIC
  FOR p IN (SELECT id FROM programmes) DO
    CALL pair_weeks_fill(p.id);
  END FOR;
END//

DELIMITER ;
