-- A request's page shows each party what the other wrote about
-- themselves (headline, skills, what a mentee looks for, languages, time
-- zone), so that a mentor decides on more than a name: those columns
-- now move the pages of the pairs a person is in, as their name did
-- (sql/290), and the name also those of the pairs whose timeline shows
-- them as an actor. Compared as bytes: under the column's collation a
-- change of case or accent alone was no change, and the page kept the
-- old words. People edit their profile rarely; the pages are read whole
-- then.
DROP TRIGGER IF EXISTS users_mentorship_version;

DELIMITER //
CREATE TRIGGER users_mentorship_version AFTER UPDATE ON users
FOR EACH ROW BEGIN
  IF NOT (BINARY OLD.display_name <=> BINARY NEW.display_name) THEN
    FOR p IN (SELECT id FROM mentorships WHERE mentor_id = NEW.id
        UNION SELECT id FROM mentorships WHERE mentee_id = NEW.id
        UNION SELECT mentorship_id FROM stage_events
        WHERE actor_id = NEW.id) DO
      CALL mentorship_moved(p.id);
    END FOR;
  ELSEIF NOT (BINARY OLD.headline <=> BINARY NEW.headline AND
      BINARY OLD.skills <=> BINARY NEW.skills AND
      BINARY OLD.looking_for <=> BINARY NEW.looking_for AND
      BINARY OLD.languages <=> BINARY NEW.languages AND
      BINARY OLD.timezone <=> BINARY NEW.timezone) THEN
    FOR p IN (SELECT id FROM mentorships WHERE mentor_id = NEW.id
        UNION SELECT id FROM mentorships WHERE mentee_id = NEW.id) DO
      CALL mentorship_moved(p.id);
    END FOR;
  END IF;
END//
DELIMITER ;
