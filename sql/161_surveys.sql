-- Surveys (docs/programmes.md): each party of a mentorship answers alone,
-- at three moments: Cultivation starts, every 30 days in Cultivation, and
-- on entering Separation. One row per (mentorship, person, moment, seq):
-- seq is the contract version for 'start' and 'end', and version * 100 +
-- the 30-day period for 'checkin', so a scan never makes one twice.

CREATE TABLE surveys (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  mentorship_id BIGINT UNSIGNED NOT NULL,
  user_id       BIGINT UNSIGNED NOT NULL,
  role          ENUM('mentor','mentee') NOT NULL,
  moment        ENUM('start','checkin','end') NOT NULL,
  seq           INT UNSIGNED NOT NULL,
  programme_id  BIGINT UNSIGNED NULL,
  created_at    DATETIME NOT NULL,
  answered_at   DATETIME NULL,
  UNIQUE KEY surveys_once (mentorship_id, user_id, moment, seq),
  KEY surveys_user (user_id, answered_at),
  KEY surveys_programme (programme_id, answered_at),
  CONSTRAINT surveys_mentorship_fk FOREIGN KEY (mentorship_id) REFERENCES mentorships (id) ON DELETE CASCADE,
  CONSTRAINT surveys_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT surveys_programme_fk FOREIGN KEY (programme_id) REFERENCES programmes (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A programme's own questions, asked at every moment after the standard ones.
CREATE TABLE programme_survey_questions (
  id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  programme_id BIGINT UNSIGNED NOT NULL,
  prompt       VARCHAR(300) NOT NULL,
  kind         ENUM('score','text') NOT NULL,   -- 1 to 5, or free text
  created_at   DATETIME NOT NULL,
  KEY programme_survey_questions_prog (programme_id, id),
  CONSTRAINT psq_programme_fk FOREIGN KEY (programme_id) REFERENCES programmes (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- question: a standard one's name ('clarity', 'going', 'comment',
-- 'satisfaction', 'recommend', 'valuable') or 'p' and a programme
-- question's id ('p12'). A question left empty has no row.
CREATE TABLE survey_answers (
  survey_id  BIGINT UNSIGNED NOT NULL,
  question   VARCHAR(24) CHARACTER SET ascii NOT NULL,
  score      SMALLINT NULL,
  answer     TEXT NULL,
  PRIMARY KEY (survey_id, question),
  CONSTRAINT survey_answers_survey_fk FOREIGN KEY (survey_id) REFERENCES surveys (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
