-- Meetings change (SPEC 7): either party edits, reschedules or cancels a
-- planned meeting, and the calendars follow. sequence is the event's
-- iCalendar SEQUENCE, raised by every change a calendar shows (time,
-- length, agenda). A cancelled meeting leaves meetings, so every count,
-- cadence and risk rule that reads meetings ignores it without knowing;
-- it is kept here, under its own id (the calendar UID), for the feed and
-- its .ics to say STATUS:CANCELLED with the next SEQUENCE.
ALTER TABLE meetings
  ADD COLUMN sequence INT UNSIGNED NOT NULL DEFAULT 0;

CREATE TABLE meetings_cancelled (
  id             BIGINT UNSIGNED NOT NULL PRIMARY KEY,   -- the meeting's id
  mentorship_id  BIGINT UNSIGNED NOT NULL,
  starts_at      DATETIME NOT NULL,                      -- UTC
  minutes        SMALLINT UNSIGNED NOT NULL,
  agenda         TEXT NOT NULL,
  sequence       INT UNSIGNED NOT NULL,
  created_by     BIGINT UNSIGNED NULL,
  cancelled_by   BIGINT UNSIGNED NULL,                   -- NULL: account deleted
  cancelled_at   DATETIME NOT NULL,
  KEY meetings_cancelled_mentorship (mentorship_id, starts_at),
  CONSTRAINT meetings_cancelled_mentorship_fk FOREIGN KEY (mentorship_id) REFERENCES mentorships (id) ON DELETE CASCADE,
  CONSTRAINT meetings_cancelled_by_fk FOREIGN KEY (cancelled_by) REFERENCES users (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
