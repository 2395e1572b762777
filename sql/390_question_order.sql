-- An organiser's questions, as a form builder's: intake questions are
-- asked in the order the organiser gives them (`position`, then id: two
-- added at the same moment share a position and keep their order) and may
-- be optional (`required` 0: the join form takes a blank, and writes no
-- answer row for it). A programme's own survey question is retired, not
-- deleted: its answers stay counted on the dashboard and in surveys.csv
-- under the words they answered, and surveys stop asking it.
ALTER TABLE programme_questions
  ADD COLUMN position INT NOT NULL DEFAULT 0 AFTER audience,
  ADD COLUMN required TINYINT(1) NOT NULL DEFAULT 1 AFTER position,
  ADD KEY programme_questions_order (programme_id, position, id);

UPDATE programme_questions q JOIN (SELECT id, ROW_NUMBER() OVER
    (PARTITION BY programme_id ORDER BY id) AS n FROM programme_questions) o
  ON o.id = q.id SET q.position = o.n;

ALTER TABLE programme_survey_questions
  ADD COLUMN retired_at DATETIME NULL AFTER kind;
