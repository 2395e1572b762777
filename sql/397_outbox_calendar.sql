-- A mail about a meeting carries the meeting as an iCalendar object
-- (RFC 5545, METHOD:PUBLISH), sent as its attachment event.ics, so that
-- the reader's mail client adds it to their calendar, or moves or
-- cancels it there by its UID and SEQUENCE (lib/mail.c build). NULL:
-- none.
ALTER TABLE outbox
  ADD COLUMN calendar MEDIUMTEXT NULL AFTER body_html;
