-- A programme's own survey questions are on its dashboard (their prompts
-- head the figures, their answers counted or listed under them), which
-- is kept under programme_versions (sql/270): a question added, renamed
-- or removed moves it too.
DELIMITER //
CREATE TRIGGER programme_survey_questions_version_insert
AFTER INSERT ON programme_survey_questions
FOR EACH ROW CALL programme_moved(NEW.programme_id)//
CREATE TRIGGER programme_survey_questions_version_update
AFTER UPDATE ON programme_survey_questions
FOR EACH ROW BEGIN
  CALL programme_moved(OLD.programme_id);
  IF NEW.programme_id <> OLD.programme_id THEN
    CALL programme_moved(NEW.programme_id);
  END IF;
END//
CREATE TRIGGER programme_survey_questions_version_delete
AFTER DELETE ON programme_survey_questions
FOR EACH ROW CALL programme_moved(OLD.programme_id)//
DELIMITER ;
