-- A programme's dashboard, kept (issue 22, Speed: under 50 ms for 1,000
-- pairs, where each figure read every pair of the programme on every
-- view). Each programmes worker keeps the figures' rows (lib/kept.h,
-- cgi-bin/programmes/dashboard.c) under two versions of the programme,
-- moved by triggers in the writer's own transaction, whoever writes:
--
-- programme_versions: what moves rarely. The funnel, the counts by
--   stage, goal outcomes, stage medians, survey answers, the pairs at
--   risk and the cadence figure read only the programme's pairs, their
--   stage events, goals, meetings, surveys, participants, invitations
--   and the names of their people. Room messages move it only when they
--   may change the pairs at risk: a message to a pair quiet for 21 days
--   (or nearly), a message dated that far back, a message deleted or
--   moved. The rest of the messages of a busy programme leave it alone:
--   writers of different pairs do not all update this one row (a
--   certification conflict on Galera, docs/admin.md).
--   What the clock alone changes (a pair crossing 30 days in Initiation,
--   a meeting coming to pass) is not a write: the dashboard keeps those
--   figures until the first moment one of them can change, and counts
--   again from then (dashboard.c, clock_until).
--
-- programme_week_versions: the weekly activity of the programme's past
--   weeks (sql/241's pair_weeks rows of weeks before the current one),
--   which no longer move but by an edit, a deletion or a row dated back.
--   The current week is read as it is on every view (one counter row a
--   pair), so the messages of the week move no version at all. A write
--   within the last 5 minutes of a week moves it too: its transaction
--   may commit after the week has turned and a dashboard has kept the
--   past weeks without it.
--
-- Versions as sql/092 and sql/240: UUID_SHORT(), and only up.

CREATE TABLE programme_versions (
  programme_id  BIGINT UNSIGNED NOT NULL PRIMARY KEY,
  version       BIGINT UNSIGNED NOT NULL,
  CONSTRAINT programme_versions_fk FOREIGN KEY (programme_id)
    REFERENCES programmes (id) ON DELETE CASCADE
) ENGINE=InnoDB;

CREATE TABLE programme_week_versions (
  programme_id  BIGINT UNSIGNED NOT NULL PRIMARY KEY,
  version       BIGINT UNSIGNED NOT NULL,
  CONSTRAINT programme_week_versions_fk FOREIGN KEY (programme_id)
    REFERENCES programmes (id) ON DELETE CASCADE
) ENGINE=InnoDB;

INSERT INTO programme_versions (programme_id, version)
SELECT id, UUID_SHORT() FROM programmes;
INSERT INTO programme_week_versions (programme_id, version)
SELECT id, UUID_SHORT() FROM programmes;

DELIMITER //

CREATE TRIGGER programme_versions_up BEFORE UPDATE ON programme_versions
FOR EACH ROW SET NEW.version = GREATEST(OLD.version + 1, NEW.version)//

CREATE TRIGGER programme_week_versions_up BEFORE UPDATE
ON programme_week_versions
FOR EACH ROW SET NEW.version = GREATEST(OLD.version + 1, NEW.version)//

CREATE TRIGGER programmes_versions AFTER INSERT ON programmes
FOR EACH ROW BEGIN
  INSERT INTO programme_versions (programme_id, version)
    VALUES (NEW.id, UUID_SHORT());
  INSERT INTO programme_week_versions (programme_id, version)
    VALUES (NEW.id, UUID_SHORT());
END//

-- The one writer of each version: programme `pid` (NULL: none) moved.
CREATE PROCEDURE programme_moved(pid BIGINT UNSIGNED)
MODIFIES SQL DATA
BEGIN
  IF pid IS NOT NULL THEN
    UPDATE programme_versions SET version = UUID_SHORT()
      WHERE programme_id = pid;
  END IF;
END//

CREATE PROCEDURE programme_weeks_moved(pid BIGINT UNSIGNED)
MODIFIES SQL DATA
BEGIN
  IF pid IS NOT NULL THEN
    UPDATE programme_week_versions SET version = UUID_SHORT()
      WHERE programme_id = pid;
  END IF;
END//

-- The programme of pair `mid` moved (nothing when it is in none).
CREATE PROCEDURE programme_pair_moved(mid BIGINT UNSIGNED)
MODIFIES SQL DATA
BEGIN
  CALL programme_moved((SELECT programme_id FROM mentorships
    WHERE id = mid));
END//

-- Pairs: any change of a programme's pair (stage, dates, contract,
-- cadence, people, the programme itself). A pair deleted or moved to
-- another programme takes its weekly rows along (a cascade fires no
-- trigger on pair_weeks): both versions.
CREATE TRIGGER mentorships_programme_insert AFTER INSERT ON mentorships
FOR EACH ROW CALL programme_moved(NEW.programme_id)//

CREATE TRIGGER mentorships_programme_update AFTER UPDATE ON mentorships
FOR EACH ROW BEGIN
  CALL programme_moved(OLD.programme_id);
  IF NOT OLD.programme_id <=> NEW.programme_id THEN
    CALL programme_moved(NEW.programme_id);
    CALL programme_weeks_moved(OLD.programme_id);
    CALL programme_weeks_moved(NEW.programme_id);
  END IF;
END//

CREATE TRIGGER mentorships_programme_delete AFTER DELETE ON mentorships
FOR EACH ROW BEGIN
  CALL programme_moved(OLD.programme_id);
  CALL programme_weeks_moved(OLD.programme_id);
END//

CREATE TRIGGER stage_events_programme_insert AFTER INSERT ON stage_events
FOR EACH ROW CALL programme_pair_moved(NEW.mentorship_id)//
CREATE TRIGGER stage_events_programme_update AFTER UPDATE ON stage_events
FOR EACH ROW BEGIN
  CALL programme_pair_moved(OLD.mentorship_id);
  CALL programme_pair_moved(NEW.mentorship_id);
END//
CREATE TRIGGER stage_events_programme_delete AFTER DELETE ON stage_events
FOR EACH ROW CALL programme_pair_moved(OLD.mentorship_id)//

CREATE TRIGGER goals_programme_insert AFTER INSERT ON goals
FOR EACH ROW CALL programme_pair_moved(NEW.mentorship_id)//
CREATE TRIGGER goals_programme_update AFTER UPDATE ON goals
FOR EACH ROW BEGIN
  CALL programme_pair_moved(OLD.mentorship_id);
  CALL programme_pair_moved(NEW.mentorship_id);
END//
CREATE TRIGGER goals_programme_delete AFTER DELETE ON goals
FOR EACH ROW CALL programme_pair_moved(OLD.mentorship_id)//

CREATE TRIGGER meetings_programme_insert AFTER INSERT ON meetings
FOR EACH ROW CALL programme_pair_moved(NEW.mentorship_id)//
CREATE TRIGGER meetings_programme_update AFTER UPDATE ON meetings
FOR EACH ROW BEGIN
  CALL programme_pair_moved(OLD.mentorship_id);
  CALL programme_pair_moved(NEW.mentorship_id);
END//
CREATE TRIGGER meetings_programme_delete AFTER DELETE ON meetings
FOR EACH ROW CALL programme_pair_moved(OLD.mentorship_id)//

CREATE TRIGGER surveys_programme_insert AFTER INSERT ON surveys
FOR EACH ROW CALL programme_moved(NEW.programme_id)//
CREATE TRIGGER surveys_programme_update AFTER UPDATE ON surveys
FOR EACH ROW BEGIN
  CALL programme_moved(OLD.programme_id);
  IF NOT OLD.programme_id <=> NEW.programme_id THEN
    CALL programme_moved(NEW.programme_id);
  END IF;
END//
CREATE TRIGGER surveys_programme_delete AFTER DELETE ON surveys
FOR EACH ROW CALL programme_moved(OLD.programme_id)//

CREATE TRIGGER survey_answers_programme_insert AFTER INSERT ON survey_answers
FOR EACH ROW CALL programme_moved((SELECT programme_id FROM surveys
  WHERE id = NEW.survey_id))//
CREATE TRIGGER survey_answers_programme_update AFTER UPDATE ON survey_answers
FOR EACH ROW BEGIN
  CALL programme_moved((SELECT programme_id FROM surveys
    WHERE id = OLD.survey_id));
  CALL programme_moved((SELECT programme_id FROM surveys
    WHERE id = NEW.survey_id));
END//
CREATE TRIGGER survey_answers_programme_delete AFTER DELETE ON survey_answers
FOR EACH ROW CALL programme_moved((SELECT programme_id FROM surveys
  WHERE id = OLD.survey_id))//

CREATE TRIGGER programme_participants_version_insert AFTER INSERT
ON programme_participants
FOR EACH ROW CALL programme_moved(NEW.programme_id)//
CREATE TRIGGER programme_participants_version_update AFTER UPDATE
ON programme_participants
FOR EACH ROW BEGIN
  CALL programme_moved(OLD.programme_id);
  IF NOT OLD.programme_id <=> NEW.programme_id THEN
    CALL programme_moved(NEW.programme_id);
  END IF;
END//
CREATE TRIGGER programme_participants_version_delete AFTER DELETE
ON programme_participants
FOR EACH ROW CALL programme_moved(OLD.programme_id)//

CREATE TRIGGER programme_invitations_version_insert AFTER INSERT
ON programme_invitations
FOR EACH ROW CALL programme_moved(NEW.programme_id)//
CREATE TRIGGER programme_invitations_version_update AFTER UPDATE
ON programme_invitations
FOR EACH ROW BEGIN
  CALL programme_moved(OLD.programme_id);
  IF NOT OLD.programme_id <=> NEW.programme_id THEN
    CALL programme_moved(NEW.programme_id);
  END IF;
END//
CREATE TRIGGER programme_invitations_version_delete AFTER DELETE
ON programme_invitations
FOR EACH ROW CALL programme_moved(OLD.programme_id)//

-- The pairs at risk show their people's names.
CREATE TRIGGER users_programme_version AFTER UPDATE ON users
FOR EACH ROW BEGIN
  IF NOT OLD.display_name <=> NEW.display_name THEN
    FOR p IN (SELECT DISTINCT programme_id FROM mentorships
        WHERE mentor_id = NEW.id AND programme_id IS NOT NULL
        UNION SELECT DISTINCT programme_id FROM mentorships
        WHERE mentee_id = NEW.id AND programme_id IS NOT NULL) DO
      CALL programme_moved(p.programme_id);
    END FOR;
  END IF;
END//

-- Room messages, for the quiet pairs (lib/risk.c RISK_QUIET: the newest
-- message 21 days old or more): a message to a pair whose newest one
-- before it is that old, or nearly (an hour's margin for a transaction
-- committing after the pair crossed), or none; a message dated back as
-- far; any message moved or deleted. Other messages move nothing here.
CREATE TRIGGER room_messages_programme_insert AFTER INSERT ON room_messages
FOR EACH ROW BEGIN
  IF NEW.created_at <= UTC_TIMESTAMP() - INTERVAL 21 DAY + INTERVAL 1 HOUR
      OR COALESCE((SELECT x.created_at FROM room_messages x
        WHERE x.mentorship_id = NEW.mentorship_id AND x.id < NEW.id
        ORDER BY x.id DESC LIMIT 1), TIMESTAMP('1000-01-01'))
        <= UTC_TIMESTAMP() - INTERVAL 21 DAY + INTERVAL 1 HOUR THEN
    CALL programme_pair_moved(NEW.mentorship_id);
  END IF;
END//

CREATE TRIGGER room_messages_programme_update AFTER UPDATE ON room_messages
FOR EACH ROW BEGIN
  IF NOT (OLD.mentorship_id <=> NEW.mentorship_id AND
      OLD.created_at <=> NEW.created_at) THEN
    CALL programme_pair_moved(OLD.mentorship_id);
    CALL programme_pair_moved(NEW.mentorship_id);
  END IF;
END//

CREATE TRIGGER room_messages_programme_delete AFTER DELETE ON room_messages
FOR EACH ROW CALL programme_pair_moved(OLD.mentorship_id)//

-- Past weeks: a counter row of a week before the programme's current
-- one (or of the current one in its last 5 minutes) changed, inserted
-- or deleted, whoever did it (sql/241's procedures and triggers, a
-- programme's first day moved, SQL by hand).
CREATE PROCEDURE pair_weeks_moved(mid BIGINT UNSIGNED, w INT)
MODIFIES SQL DATA
BEGIN
  IF w < pair_week(mid, UTC_TIMESTAMP() + INTERVAL 5 MINUTE) THEN
    CALL programme_weeks_moved((SELECT programme_id FROM mentorships
      WHERE id = mid));
  END IF;
END//

CREATE TRIGGER pair_weeks_version_insert AFTER INSERT ON pair_weeks
FOR EACH ROW CALL pair_weeks_moved(NEW.mentorship_id, NEW.week)//
CREATE TRIGGER pair_weeks_version_update AFTER UPDATE ON pair_weeks
FOR EACH ROW BEGIN
  CALL pair_weeks_moved(OLD.mentorship_id, OLD.week);
  CALL pair_weeks_moved(NEW.mentorship_id, NEW.week);
END//
CREATE TRIGGER pair_weeks_version_delete AFTER DELETE ON pair_weeks
FOR EACH ROW CALL pair_weeks_moved(OLD.mentorship_id, OLD.week)//

DELIMITER ;
