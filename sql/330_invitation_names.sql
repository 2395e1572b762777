-- The name an organiser pasted with an address ("Jane Doe <jane@…>"):
-- the invitation greets its person by it and the join form offers it
-- as their name. NULL when only an address was pasted; cleared with the
-- address when the account that used it is deleted (cgi-bin/admin.c).
ALTER TABLE programme_invitations
  ADD COLUMN name VARCHAR(80) NULL AFTER email;
