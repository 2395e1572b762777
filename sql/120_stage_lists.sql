-- The directory's triggers of sql/093, re-created with the list of the
-- stages that take up a mentor's place written as lib/mship.h defines it
-- (STAGES_CAPACITY, the one definition; docs/stages.md). Every stage
-- list in this file must be that one: tests/unit/test_stage.c reads
-- this file and fails when one differs, so a change of the stages is a
-- change of mship.h plus a new migration written the same way.

DROP TRIGGER IF EXISTS mentorships_directory_insert;
DROP TRIGGER IF EXISTS mentorships_directory_update;
DROP TRIGGER IF EXISTS mentorships_directory_delete;

DELIMITER //

CREATE TRIGGER mentorships_directory_insert AFTER INSERT ON mentorships
FOR EACH ROW
BEGIN
  IF NEW.stage IN ('initiation','cultivation','separation') THEN
    UPDATE directory_version SET version = UUID_SHORT() WHERE id = 1;
  END IF;
END//

CREATE TRIGGER mentorships_directory_update AFTER UPDATE ON mentorships
FOR EACH ROW
BEGIN
  IF NOT (NEW.mentor_id <=> OLD.mentor_id) OR
      (NEW.stage IN ('initiation','cultivation','separation')) <>
      (OLD.stage IN ('initiation','cultivation','separation')) THEN
    UPDATE directory_version SET version = UUID_SHORT() WHERE id = 1;
  END IF;
END//

CREATE TRIGGER mentorships_directory_delete AFTER DELETE ON mentorships
FOR EACH ROW
BEGIN
  IF OLD.stage IN ('initiation','cultivation','separation') THEN
    UPDATE directory_version SET version = UUID_SHORT() WHERE id = 1;
  END IF;
END//

DELIMITER ;
