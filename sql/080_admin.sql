-- Reports of problems with a mentorship, filed by a party, handled by admins.
CREATE TABLE mentorship_reports (
  id             BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  mentorship_id  BIGINT UNSIGNED NOT NULL,
  reporter_id    BIGINT UNSIGNED NULL,
  kind           ENUM('unresponsive','inappropriate','other') NOT NULL,
  body           TEXT NOT NULL,
  status         ENUM('open','closed') NOT NULL DEFAULT 'open',
  admin_note     TEXT NULL,
  created_at     DATETIME NOT NULL,
  closed_at      DATETIME NULL,
  closed_by      BIGINT UNSIGNED NULL,
  KEY mentorship_reports_status (status, id),
  KEY mentorship_reports_mentorship (mentorship_id),
  CONSTRAINT mentorship_reports_mentorship_fk FOREIGN KEY (mentorship_id) REFERENCES mentorships (id) ON DELETE CASCADE,
  CONSTRAINT mentorship_reports_reporter_fk FOREIGN KEY (reporter_id) REFERENCES users (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
