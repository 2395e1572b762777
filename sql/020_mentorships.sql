-- Mentorships and their stages (docs/stages.md). The contract being written
-- lives on the mentorship row; agreed versions in contract_versions (021).

CREATE TABLE mentorships (
  id               BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  mentor_id        BIGINT UNSIGNED NOT NULL,
  mentee_id        BIGINT UNSIGNED NOT NULL,
  stage            ENUM('requested','initiation','cultivation','separation',
                        'redefinition','declined','withdrawn','expired','ended')
                   NOT NULL DEFAULT 'requested',
  focus            VARCHAR(200) NOT NULL,
  message          TEXT NOT NULL,
  stage_changed_at DATETIME NOT NULL,
  created_at       DATETIME NOT NULL,
  -- the contract as currently written
  ground_rules     TEXT NULL,
  cadence          ENUM('weekly','biweekly','monthly') NULL,
  channels         SET('room','email','video','in_person') NULL,
  review_date      DATE NULL,
  mentor_agreed_at DATETIME NULL,
  mentee_agreed_at DATETIME NULL,
  contract_version INT UNSIGNED NOT NULL DEFAULT 0,   -- last agreed version
  acknowledged_at  DATETIME NULL,                     -- mentor's acknowledgment
  checkin_months   TINYINT UNSIGNED NULL,             -- Redefinition interval
  next_checkin     DATE NULL,
  KEY mentorships_mentor (mentor_id, stage),
  KEY mentorships_mentee (mentee_id, stage),
  KEY mentorships_stage (stage, stage_changed_at),
  CONSTRAINT mentorships_mentor_fk FOREIGN KEY (mentor_id) REFERENCES users (id),
  CONSTRAINT mentorships_mentee_fk FOREIGN KEY (mentee_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE stage_events (
  id             BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  mentorship_id  BIGINT UNSIGNED NOT NULL,
  from_stage     VARCHAR(20) CHARACTER SET ascii NULL,
  to_stage       VARCHAR(20) CHARACTER SET ascii NOT NULL,
  actor_id       BIGINT UNSIGNED NULL,        -- NULL: the system (expiry)
  note           TEXT NULL,
  created_at     DATETIME NOT NULL,
  KEY stage_events_mentorship (mentorship_id, id),
  CONSTRAINT stage_events_mentorship_fk FOREIGN KEY (mentorship_id) REFERENCES mentorships (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE goals (
  id             BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  mentorship_id  BIGINT UNSIGNED NOT NULL,
  title          VARCHAR(200) NOT NULL,
  measure        VARCHAR(1000) NOT NULL,
  target_date    DATE NULL,
  status         ENUM('open','achieved','partly','not_achieved','dropped') NOT NULL DEFAULT 'open',
  review_note    TEXT NULL,
  reviewed_at    DATETIME NULL,
  reviewed_by    BIGINT UNSIGNED NULL,
  version        INT UNSIGNED NOT NULL DEFAULT 1,  -- contract version it belongs to
  created_at     DATETIME NOT NULL,
  KEY goals_mentorship (mentorship_id, id),
  CONSTRAINT goals_mentorship_fk FOREIGN KEY (mentorship_id) REFERENCES mentorships (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
