-- Programmes (docs/programmes.md): an organisation's cohort of mentees and
-- mentors who join (openly or by invitation), are approved, matched and
-- followed by the programme's organisers.

CREATE TABLE programmes (
  id              BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  slug            VARCHAR(40) CHARACTER SET ascii NOT NULL,
  name            VARCHAR(120) NOT NULL,
  description     TEXT NOT NULL,
  join_mode       ENUM('open','invite') NOT NULL DEFAULT 'invite',
  mentor_approval TINYINT(1) NOT NULL DEFAULT 1,
  starts_on       DATE NULL,
  ends_on         DATE NULL,
  review_weeks    SMALLINT UNSIGNED NOT NULL DEFAULT 26,
  cadence         ENUM('weekly','biweekly','monthly') NOT NULL DEFAULT 'biweekly',
  ground_rules    TEXT NOT NULL,
  roadmap_id      BIGINT UNSIGNED NULL,          -- the suggested roadmap
  created_by      BIGINT UNSIGNED NULL,
  created_at      DATETIME NOT NULL,
  updated_at      DATETIME NOT NULL,
  UNIQUE KEY programmes_slug (slug),
  KEY programmes_join (join_mode, id),
  CONSTRAINT programmes_roadmap_fk FOREIGN KEY (roadmap_id) REFERENCES roadmaps (id) ON DELETE SET NULL,
  CONSTRAINT programmes_creator_fk FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Who manages a programme: its organisers, named by the site admin.
CREATE TABLE programme_organisers (
  programme_id BIGINT UNSIGNED NOT NULL,
  user_id      BIGINT UNSIGNED NOT NULL,
  created_at   DATETIME NOT NULL,
  PRIMARY KEY (programme_id, user_id),
  KEY programme_organisers_user (user_id),
  CONSTRAINT programme_organisers_prog_fk FOREIGN KEY (programme_id) REFERENCES programmes (id) ON DELETE CASCADE,
  CONSTRAINT programme_organisers_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Intake questions asked on joining, in the organisers' order.
CREATE TABLE programme_questions (
  id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  programme_id BIGINT UNSIGNED NOT NULL,
  prompt       VARCHAR(300) NOT NULL,
  kind         ENUM('short','long','choice') NOT NULL,
  choices      VARCHAR(1000) NOT NULL DEFAULT '',   -- one per line, for 'choice'
  audience     ENUM('mentee','mentor','both') NOT NULL DEFAULT 'both',
  created_at   DATETIME NOT NULL,
  KEY programme_questions_prog (programme_id, id),
  CONSTRAINT programme_questions_prog_fk FOREIGN KEY (programme_id) REFERENCES programmes (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A person in a programme, with one role. status: 'waiting' a mentor
-- awaiting approval; 'active' a mentee who joined or an approved mentor;
-- 'rejected' and 'removed' by an organiser (kept, so a removed person
-- cannot simply join again).
CREATE TABLE programme_participants (
  id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  programme_id BIGINT UNSIGNED NOT NULL,
  user_id      BIGINT UNSIGNED NOT NULL,
  role         ENUM('mentee','mentor') NOT NULL,
  status       ENUM('waiting','active','rejected','removed') NOT NULL,
  capacity     SMALLINT UNSIGNED NULL,        -- a mentor's mentees in this programme
  joined_at    DATETIME NOT NULL,
  decided_at   DATETIME NULL,
  decided_by   BIGINT UNSIGNED NULL,
  UNIQUE KEY programme_participants_user (programme_id, user_id),
  KEY programme_participants_list (programme_id, role, status, id),
  KEY programme_participants_mine (user_id),
  CONSTRAINT programme_participants_prog_fk FOREIGN KEY (programme_id) REFERENCES programmes (id) ON DELETE CASCADE,
  CONSTRAINT programme_participants_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE programme_answers (
  participant_id BIGINT UNSIGNED NOT NULL,
  question_id    BIGINT UNSIGNED NOT NULL,
  answer         TEXT NOT NULL,
  PRIMARY KEY (participant_id, question_id),
  KEY programme_answers_question (question_id),
  CONSTRAINT programme_answers_part_fk FOREIGN KEY (participant_id) REFERENCES programme_participants (id) ON DELETE CASCADE,
  CONSTRAINT programme_answers_q_fk FOREIGN KEY (question_id) REFERENCES programme_questions (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One invitation per (programme, address): re-inviting re-sends the same
-- row's link at most once a day. Only the token's hash is stored.
CREATE TABLE programme_invitations (
  id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  programme_id BIGINT UNSIGNED NOT NULL,
  email        VARCHAR(254) NOT NULL,
  role         ENUM('mentee','mentor') NOT NULL,
  token_hash   CHAR(64) CHARACTER SET ascii NOT NULL,
  invited_by   BIGINT UNSIGNED NULL,
  created_at   DATETIME NOT NULL,
  sent_at      DATETIME NOT NULL,
  expires_at   DATETIME NOT NULL,
  used_at      DATETIME NULL,
  used_by      BIGINT UNSIGNED NULL,
  UNIQUE KEY programme_invitations_email (programme_id, email),
  UNIQUE KEY programme_invitations_token (token_hash),
  KEY programme_invitations_list (programme_id, id),
  CONSTRAINT programme_invitations_prog_fk FOREIGN KEY (programme_id) REFERENCES programmes (id) ON DELETE CASCADE,
  CONSTRAINT programme_invitations_by_fk FOREIGN KEY (invited_by) REFERENCES users (id) ON DELETE SET NULL,
  CONSTRAINT programme_invitations_used_fk FOREIGN KEY (used_by) REFERENCES users (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A mentorship made in a programme belongs to it; proposed_by_programme
-- marks a pair an organiser proposed (matching) rather than a request.
ALTER TABLE mentorships
  ADD COLUMN programme_id BIGINT UNSIGNED NULL,
  ADD COLUMN proposed_by_programme TINYINT(1) NOT NULL DEFAULT 0,
  ADD KEY mentorships_programme (programme_id, stage),
  ADD CONSTRAINT mentorships_programme_fk FOREIGN KEY (programme_id) REFERENCES programmes (id) ON DELETE SET NULL;
