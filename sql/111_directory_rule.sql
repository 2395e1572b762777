-- Security and the pair's experience (issue 19 item 10, issue 21 item 3;
-- SPEC §1): the directory lists a mentor once the address is verified
-- and the profile has a headline and at least one skill, unless an admin
-- unlisted them (unlisted_at). Listed mentors are ordered by relevance,
-- then by how responsive they are: requests answered (accepted or
-- declined, answered_requests, kept by the trigger below), then last
-- activity. The directory's version (sql/093) moves with every column
-- the rule or the order reads.

ALTER TABLE users
  ADD COLUMN unlisted_at DATETIME NULL,
  ADD COLUMN answered_requests INT UNSIGNED NOT NULL DEFAULT 0,
  -- browsing: mentors by answers, then activity, read backwards
  ADD KEY users_directory_rank (is_mentor, answered_requests, last_active, id);

UPDATE users u SET answered_requests = (
  SELECT COUNT(*) FROM stage_events e JOIN mentorships m ON m.id = e.mentorship_id
  WHERE m.mentor_id = u.id AND e.actor_id = u.id AND e.from_stage = 'requested'
    AND e.to_stage IN ('initiation', 'declined'))
WHERE u.is_mentor = 1;

DROP TRIGGER IF EXISTS users_directory_update;

DELIMITER //

-- as sql/093's, with what the listing rule and the order now read
CREATE TRIGGER users_directory_update AFTER UPDATE ON users FOR EACH ROW
BEGIN
  IF (NEW.is_mentor = 1 OR OLD.is_mentor = 1) AND NOT (
      NEW.is_mentor <=> OLD.is_mentor AND
      NEW.disabled_at <=> OLD.disabled_at AND
      NEW.unlisted_at <=> OLD.unlisted_at AND
      NEW.email_verified_at <=> OLD.email_verified_at AND
      NEW.answered_requests <=> OLD.answered_requests AND
      NEW.capacity <=> OLD.capacity AND
      NEW.last_active <=> OLD.last_active AND
      BINARY NEW.slug <=> BINARY OLD.slug AND
      BINARY NEW.display_name <=> BINARY OLD.display_name AND
      BINARY NEW.headline <=> BINARY OLD.headline AND
      BINARY NEW.bio <=> BINARY OLD.bio AND
      BINARY NEW.skills <=> BINARY OLD.skills) THEN
    UPDATE directory_version SET version = UUID_SHORT() WHERE id = 1;
  END IF;
END//

-- the mentor's own answer to a request, whoever writes the event
CREATE TRIGGER stage_events_answered AFTER INSERT ON stage_events
FOR EACH ROW
BEGIN
  IF NEW.from_stage = 'requested' AND
      NEW.to_stage IN ('initiation', 'declined') THEN
    UPDATE users u JOIN mentorships m ON m.mentor_id = u.id
    SET u.answered_requests = u.answered_requests + 1
    WHERE m.id = NEW.mentorship_id AND u.id = NEW.actor_id;
  END IF;
END//

DELIMITER ;
