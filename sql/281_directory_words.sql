-- Scale (issue 24): the directory's version (sql/093) moves with a
-- mentor's last activity, which their first request of each day writes,
-- and each people worker then built its word index of every listed
-- mentor again (0.3 s at 3,000 mentors, seconds at 30,000). The index
-- does not depend on the activity: `words` is the version of what it
-- holds, moved with `version` by every write but one that changes only
-- a mentor's last_active or answered_requests. Those move `activity`
-- instead, and a worker then reads just the mentors' activity again
-- (cgi-bin/people/directory.c). `version` keeps its meaning: anything a
-- directory page or a suggestion shows.

ALTER TABLE directory_version
  ADD COLUMN words    BIGINT UNSIGNED NOT NULL DEFAULT 0,
  ADD COLUMN activity BIGINT UNSIGNED NOT NULL DEFAULT 0;

UPDATE directory_version SET words = version;

DROP TRIGGER IF EXISTS directory_version_up;
DROP TRIGGER IF EXISTS users_directory_update;

DELIMITER //

-- as sql/240's, and `words` follows every move not marked as activity
CREATE TRIGGER directory_version_up BEFORE UPDATE ON directory_version
FOR EACH ROW
BEGIN
  SET NEW.version = GREATEST(OLD.version + 1, NEW.version);
  IF NEW.activity <=> OLD.activity THEN
    SET NEW.words = NEW.version;
  END IF;
END//

-- as sql/230's, with last activity and answered requests apart
CREATE TRIGGER users_directory_update AFTER UPDATE ON users FOR EACH ROW
BEGIN
  IF (NEW.is_mentor = 1 OR OLD.is_mentor = 1) AND NOT (
      NEW.is_mentor <=> OLD.is_mentor AND
      NEW.disabled_at <=> OLD.disabled_at AND
      NEW.unlisted_at <=> OLD.unlisted_at AND
      NEW.email_verified_at <=> OLD.email_verified_at AND
      NEW.capacity <=> OLD.capacity AND
      BINARY NEW.slug <=> BINARY OLD.slug AND
      BINARY NEW.display_name <=> BINARY OLD.display_name AND
      BINARY NEW.headline <=> BINARY OLD.headline AND
      BINARY NEW.bio <=> BINARY OLD.bio AND
      BINARY NEW.skills <=> BINARY OLD.skills AND
      BINARY NEW.timezone <=> BINARY OLD.timezone AND
      BINARY NEW.languages <=> BINARY OLD.languages) THEN
    UPDATE directory_version SET version = UUID_SHORT() WHERE id = 1;
  ELSEIF (NEW.is_mentor = 1 OR OLD.is_mentor = 1) AND NOT (
      NEW.answered_requests <=> OLD.answered_requests AND
      NEW.last_active <=> OLD.last_active) THEN
    UPDATE directory_version SET version = UUID_SHORT(),
      activity = activity + 1 WHERE id = 1;
  END IF;
END//

DELIMITER ;
