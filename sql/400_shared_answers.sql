-- An intake question the organiser marks as shown to the pair: while a
-- pair of the programme is asked, each party reads the other's answer
-- to it on the mentorship page (a mentor whose mentee joined through the
-- form had no profile to read). Each answer keeps whether it was given
-- under that notice: ticking the box later shares no answer given
-- before, and those given before this migration stay the organisers'.
ALTER TABLE programme_questions
  ADD COLUMN shared TINYINT(1) NOT NULL DEFAULT 0 AFTER required;

ALTER TABLE programme_answers
  ADD COLUMN shared TINYINT(1) NOT NULL DEFAULT 0;
