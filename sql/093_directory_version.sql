-- Performance (issue 12): each people worker keeps the rows of the
-- directory searches it answered last (cgi-bin/people.c, lib/kept.h)
-- under the directory's version, which moves whenever anything a search
-- shows or sorts by changes, whoever writes it: a listed mentor's text,
-- skills, capacity or last activity, someone listed or unlisted, a
-- mentorship entering or leaving the stages that take up a mentor's
-- room. Kept rows are then exactly what the query would answer now. The
-- version row is updated in the writer's transaction, so it becomes
-- visible together with the change: a reader that sees a version sees
-- at least the data written with it. Versions are UUID_SHORT() values,
-- never handed out twice, as in sql/092.

CREATE TABLE directory_version (
  id      TINYINT UNSIGNED NOT NULL PRIMARY KEY,
  version BIGINT UNSIGNED NOT NULL
) ENGINE=InnoDB;

INSERT INTO directory_version (id, version) VALUES (1, UUID_SHORT());

DELIMITER //

CREATE TRIGGER users_directory_insert AFTER INSERT ON users FOR EACH ROW
BEGIN
  IF NEW.is_mentor = 1 THEN
    UPDATE directory_version SET version = UUID_SHORT() WHERE id = 1;
  END IF;
END//

-- a mentor's row changes daily (last_active); other people's do not count
CREATE TRIGGER users_directory_update AFTER UPDATE ON users FOR EACH ROW
BEGIN
  IF (NEW.is_mentor = 1 OR OLD.is_mentor = 1) AND NOT (
      NEW.is_mentor <=> OLD.is_mentor AND
      NEW.disabled_at <=> OLD.disabled_at AND
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

CREATE TRIGGER users_directory_delete AFTER DELETE ON users FOR EACH ROW
BEGIN
  IF OLD.is_mentor = 1 THEN
    UPDATE directory_version SET version = UUID_SHORT() WHERE id = 1;
  END IF;
END//

CREATE TRIGGER user_skills_directory_insert AFTER INSERT ON user_skills
FOR EACH ROW UPDATE directory_version SET version = UUID_SHORT() WHERE id = 1//
CREATE TRIGGER user_skills_directory_update AFTER UPDATE ON user_skills
FOR EACH ROW UPDATE directory_version SET version = UUID_SHORT() WHERE id = 1//
CREATE TRIGGER user_skills_directory_delete AFTER DELETE ON user_skills
FOR EACH ROW UPDATE directory_version SET version = UUID_SHORT() WHERE id = 1//

-- a mentor "has room" by the mentorships in these three stages
CREATE TRIGGER mentorships_directory_insert AFTER INSERT ON mentorships
FOR EACH ROW
BEGIN
  IF NEW.stage IN ('initiation', 'cultivation', 'separation') THEN
    UPDATE directory_version SET version = UUID_SHORT() WHERE id = 1;
  END IF;
END//

CREATE TRIGGER mentorships_directory_update AFTER UPDATE ON mentorships
FOR EACH ROW
BEGIN
  IF NOT (NEW.mentor_id <=> OLD.mentor_id) OR
      (NEW.stage IN ('initiation', 'cultivation', 'separation')) <>
      (OLD.stage IN ('initiation', 'cultivation', 'separation')) THEN
    UPDATE directory_version SET version = UUID_SHORT() WHERE id = 1;
  END IF;
END//

CREATE TRIGGER mentorships_directory_delete AFTER DELETE ON mentorships
FOR EACH ROW
BEGIN
  IF OLD.stage IN ('initiation', 'cultivation', 'separation') THEN
    UPDATE directory_version SET version = UUID_SHORT() WHERE id = 1;
  END IF;
END//

DELIMITER ;
