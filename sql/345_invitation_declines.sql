-- An invitee may decline, by a link in the invitation (cgi-bin/programmes/
-- decline.c): the invitation's link stops working, the organisers' list
-- says "Declined", and a paste of the address mails nobody. Only a "send
-- again" from the list, which an organiser makes knowing it, mails them
-- again (and clears this).
ALTER TABLE programme_invitations
  ADD COLUMN declined_at DATETIME NULL AFTER used_by;
