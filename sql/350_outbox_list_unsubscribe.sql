-- A mail to a bare address (an invitation) carries its own way out, as
-- mail to an account carries its unsubscribe link: the URL its
-- List-Unsubscribe header names, where a mail client's one-click POST
-- (RFC 8058) acts. For an invitation: its decline link (lib/mail.c
-- mail_queue_bare). NULL: the header comes from the account, or none.
ALTER TABLE outbox
  ADD COLUMN list_unsubscribe VARCHAR(600) CHARACTER SET ascii NULL AFTER dedup_key;
