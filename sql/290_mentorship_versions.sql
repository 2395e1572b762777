-- The mentorship page, kept (issue 24: the mixed run's largest share of
-- MariaDB's statements, about ten a view). Each mentorships worker keeps
-- the rows of the pages it served (cgi-bin/mentorships/show.c, lib/kept.h)
-- under the pair's version here, moved by triggers in the writer's own
-- transaction, whoever writes: the mentorship's row (contract, stage,
-- dates, agreements, check-in interval), its goals, stage events,
-- milestones, meetings and check-ins, the name of its programme, the
-- names of the people its timeline and check-ins show.
-- Room messages move nothing here: the page's one figure of the room
-- (the viewer's unread count) is read with the mentorship on every view,
-- so a busy room leaves its page kept.
-- What the clock alone changes (days left, overdue milestones, a meeting
-- coming to pass, the days in the current stage) is not a write: the page
-- keys those rows by the day, or keeps them until the first moment they
-- can change (show.c).
-- Versions as sql/092 and sql/240: UUID_SHORT(), and only up. A table of
-- its own, not a column of mentorships: a goal or a meeting inserted
-- holds a shared lock on its mentorship's row (the foreign key); two at
-- once, each then updating that row, would deadlock (sql/092).

CREATE TABLE mentorship_versions (
  mentorship_id BIGINT UNSIGNED NOT NULL PRIMARY KEY,
  version       BIGINT UNSIGNED NOT NULL,
  CONSTRAINT mentorship_versions_fk FOREIGN KEY (mentorship_id)
    REFERENCES mentorships (id) ON DELETE CASCADE
) ENGINE=InnoDB;

INSERT INTO mentorship_versions (mentorship_id, version)
SELECT id, UUID_SHORT() FROM mentorships;

DELIMITER //

CREATE TRIGGER mentorship_versions_up BEFORE UPDATE ON mentorship_versions
FOR EACH ROW SET NEW.version = GREATEST(OLD.version + 1, NEW.version)//

-- The one writer of the version: pair `mid` (NULL: none) moved.
CREATE PROCEDURE mentorship_moved(mid BIGINT UNSIGNED)
MODIFIES SQL DATA
BEGIN
  IF mid IS NOT NULL THEN
    UPDATE mentorship_versions SET version = UUID_SHORT()
      WHERE mentorship_id = mid;
  END IF;
END//

-- A row of the pair's that an update may move to another pair: both moved.
CREATE PROCEDURE mentorship_moved_from(old_mid BIGINT UNSIGNED,
    new_mid BIGINT UNSIGNED)
MODIFIES SQL DATA
BEGIN
  CALL mentorship_moved(old_mid);
  IF old_mid <> new_mid THEN
    CALL mentorship_moved(new_mid);
  END IF;
END//

CREATE TRIGGER mentorships_version_insert AFTER INSERT ON mentorships
FOR EACH ROW INSERT INTO mentorship_versions (mentorship_id, version)
  VALUES (NEW.id, UUID_SHORT())//

-- Every change of the row: it is written rarely (a contract saved, an
-- agreement, a stage move), and the page shows most of its columns.
CREATE TRIGGER mentorships_version_update AFTER UPDATE ON mentorships
FOR EACH ROW CALL mentorship_moved(NEW.id)//

CREATE TRIGGER goals_version_insert AFTER INSERT ON goals
FOR EACH ROW CALL mentorship_moved(NEW.mentorship_id)//
CREATE TRIGGER goals_version_update AFTER UPDATE ON goals
FOR EACH ROW CALL mentorship_moved_from(OLD.mentorship_id, NEW.mentorship_id)//
CREATE TRIGGER goals_version_delete AFTER DELETE ON goals
FOR EACH ROW CALL mentorship_moved(OLD.mentorship_id)//

CREATE TRIGGER stage_events_version_insert AFTER INSERT ON stage_events
FOR EACH ROW CALL mentorship_moved(NEW.mentorship_id)//
CREATE TRIGGER stage_events_version_update AFTER UPDATE ON stage_events
FOR EACH ROW CALL mentorship_moved_from(OLD.mentorship_id, NEW.mentorship_id)//
CREATE TRIGGER stage_events_version_delete AFTER DELETE ON stage_events
FOR EACH ROW CALL mentorship_moved(OLD.mentorship_id)//

CREATE TRIGGER milestones_version_insert AFTER INSERT
ON mentorship_milestones
FOR EACH ROW CALL mentorship_moved(NEW.mentorship_id)//
CREATE TRIGGER milestones_version_update AFTER UPDATE
ON mentorship_milestones
FOR EACH ROW CALL mentorship_moved_from(OLD.mentorship_id, NEW.mentorship_id)//
CREATE TRIGGER milestones_version_delete AFTER DELETE
ON mentorship_milestones
FOR EACH ROW CALL mentorship_moved(OLD.mentorship_id)//

CREATE TRIGGER meetings_version_insert AFTER INSERT ON meetings
FOR EACH ROW CALL mentorship_moved(NEW.mentorship_id)//
CREATE TRIGGER meetings_version_update AFTER UPDATE ON meetings
FOR EACH ROW CALL mentorship_moved_from(OLD.mentorship_id, NEW.mentorship_id)//
CREATE TRIGGER meetings_version_delete AFTER DELETE ON meetings
FOR EACH ROW CALL mentorship_moved(OLD.mentorship_id)//

CREATE TRIGGER checkins_version_insert AFTER INSERT ON checkins
FOR EACH ROW CALL mentorship_moved(NEW.mentorship_id)//
CREATE TRIGGER checkins_version_update AFTER UPDATE ON checkins
FOR EACH ROW CALL mentorship_moved_from(OLD.mentorship_id, NEW.mentorship_id)//
CREATE TRIGGER checkins_version_delete AFTER DELETE ON checkins
FOR EACH ROW CALL mentorship_moved(OLD.mentorship_id)//

-- The programme's name and address, shown on each of its pairs' pages;
-- a programme deleted sets its pairs' programme_id to NULL by a cascade,
-- which fires no trigger on mentorships: moved before it goes.
CREATE TRIGGER programmes_pairs_version AFTER UPDATE ON programmes
FOR EACH ROW BEGIN
  IF NOT (OLD.name <=> NEW.name AND OLD.slug <=> NEW.slug) THEN
    FOR p IN (SELECT id FROM mentorships WHERE programme_id = NEW.id) DO
      CALL mentorship_moved(p.id);
    END FOR;
  END IF;
END//
CREATE TRIGGER programmes_pairs_version_delete BEFORE DELETE ON programmes
FOR EACH ROW BEGIN
  FOR p IN (SELECT id FROM mentorships WHERE programme_id = OLD.id) DO
    CALL mentorship_moved(p.id);
  END FOR;
END//

-- The names the timeline (the actor of each move) and the check-ins (who
-- logged one) show: an actor is a party or an administrator, a logger a
-- party. Names change rarely; the events are read whole then.
CREATE TRIGGER users_mentorship_version AFTER UPDATE ON users
FOR EACH ROW BEGIN
  IF NOT OLD.display_name <=> NEW.display_name THEN
    FOR p IN (SELECT id FROM mentorships WHERE mentor_id = NEW.id
        UNION SELECT id FROM mentorships WHERE mentee_id = NEW.id
        UNION SELECT mentorship_id FROM stage_events
        WHERE actor_id = NEW.id) DO
      CALL mentorship_moved(p.id);
    END FOR;
  END IF;
END//

DELIMITER ;
