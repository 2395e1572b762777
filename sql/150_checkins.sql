-- Redefinition check-ins (SPEC 3): either party logs that one happened
-- (a date, a note); the next one falls due an interval after it. The
-- newest few are shown on the mentorship page, newest first.
CREATE TABLE checkins (
  id             BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  mentorship_id  BIGINT UNSIGNED NOT NULL,
  logged_by      BIGINT UNSIGNED NULL,        -- NULL: the account was deleted
  held_on        DATE NOT NULL,
  note           TEXT NOT NULL,
  created_at     DATETIME NOT NULL,
  KEY checkins_mentorship (mentorship_id, held_on, id),
  CONSTRAINT checkins_mentorship_fk FOREIGN KEY (mentorship_id) REFERENCES mentorships (id) ON DELETE CASCADE,
  CONSTRAINT checkins_user_fk FOREIGN KEY (logged_by) REFERENCES users (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
