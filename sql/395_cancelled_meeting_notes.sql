-- A meeting cancelled kept its date and agenda but not the notes and
-- agreed actions written for it (preparing counts too): cancelling lost
-- them, from the meetings page and from the person's export. They are
-- kept with the cancelled meeting now. Those cancelled before this
-- change are gone; nothing can bring them back.
ALTER TABLE meetings_cancelled
  ADD COLUMN notes   TEXT NULL AFTER agenda,
  ADD COLUMN actions TEXT NULL AFTER notes;
