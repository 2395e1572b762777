-- A form's answer kept for a reload (lib/once.c): beside the redirect's
-- location, the page that answered when the form's work committed and a
-- page said what it did (a paste of invitations partly sent, the lines
-- to correct back in its box). A reload is shown that page again, with
-- a key of its own, rather than "sent already" with the lines lost.
-- Migrate before the new binaries: they write both columns.
ALTER TABLE form_submits
  ADD COLUMN status SMALLINT UNSIGNED NULL AFTER location,
  ADD COLUMN page MEDIUMTEXT NULL AFTER status;
