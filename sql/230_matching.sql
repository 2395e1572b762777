-- Matching (SPEC §12, issue 23): a mentee names the skills they look for
-- and the languages they speak, a mentor the languages. Suggestions read
-- them beside the directory's columns, so a mentor's languages move the
-- directory's version too (sql/093): a worker's kept suggestion index is
-- then never older than the profiles it scores.

ALTER TABLE users
  ADD COLUMN looking_for VARCHAR(500) NOT NULL DEFAULT '',
  ADD COLUMN languages   VARCHAR(200) NOT NULL DEFAULT '';

DROP TRIGGER IF EXISTS users_directory_update;

DELIMITER //

-- as sql/111's, with the languages
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
      BINARY NEW.skills <=> BINARY OLD.skills AND
      BINARY NEW.timezone <=> BINARY OLD.timezone AND
      BINARY NEW.languages <=> BINARY OLD.languages) THEN
    UPDATE directory_version SET version = UUID_SHORT() WHERE id = 1;
  END IF;
END//

DELIMITER ;
