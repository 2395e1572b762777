-- The lifecycle around a mentorship (docs/product.md): agreed contract
-- versions, meetings, and the secret that shares a record of achievement.

CREATE TABLE contract_versions (
  id             BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  mentorship_id  BIGINT UNSIGNED NOT NULL,
  version        INT UNSIGNED NOT NULL,
  snapshot       MEDIUMTEXT NOT NULL,            -- the contract and goals as agreed (text)
  agreed_at      DATETIME NOT NULL,
  UNIQUE KEY contract_versions_number (mentorship_id, version),
  CONSTRAINT contract_versions_mentorship_fk FOREIGN KEY (mentorship_id) REFERENCES mentorships (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE meetings (
  id             BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  mentorship_id  BIGINT UNSIGNED NOT NULL,
  starts_at      DATETIME NOT NULL,              -- UTC
  minutes        SMALLINT UNSIGNED NOT NULL DEFAULT 60,
  agenda         TEXT NOT NULL,
  notes          TEXT NULL,
  actions        TEXT NULL,
  created_by     BIGINT UNSIGNED NOT NULL,
  created_at     DATETIME NOT NULL,
  KEY meetings_mentorship (mentorship_id, starts_at),
  CONSTRAINT meetings_mentorship_fk FOREIGN KEY (mentorship_id) REFERENCES mentorships (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE mentorships
  ADD COLUMN record_secret CHAR(64) CHARACTER SET ascii NULL,
  ADD UNIQUE KEY mentorships_record_secret (record_secret);
