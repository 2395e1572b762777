-- A request's page shows each party what the other wrote about
-- themselves (headline, skills, what a mentee looks for, languages, time
-- zone), so that a mentor decides on more than a name: those columns
-- now move the pages of every pair a person is in, as their name did
-- (sql/290). People edit their profile rarely; the pages are read whole
-- then.
DROP TRIGGER IF EXISTS users_mentorship_version;

DELIMITER //
CREATE TRIGGER users_mentorship_version AFTER UPDATE ON users
FOR EACH ROW BEGIN
  IF NOT (OLD.display_name <=> NEW.display_name AND
      OLD.headline <=> NEW.headline AND OLD.skills <=> NEW.skills AND
      OLD.looking_for <=> NEW.looking_for AND
      OLD.languages <=> NEW.languages AND OLD.timezone <=> NEW.timezone) THEN
    FOR p IN (SELECT id FROM mentorships WHERE mentor_id = NEW.id
        UNION SELECT id FROM mentorships WHERE mentee_id = NEW.id
        UNION SELECT mentorship_id FROM stage_events
        WHERE actor_id = NEW.id) DO
      CALL mentorship_moved(p.id);
    END FOR;
  END IF;
END//
DELIMITER ;
