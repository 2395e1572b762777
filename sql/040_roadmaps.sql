-- Roadmaps (docs/product.md: Roadmaps): curated ones (owner NULL, kept by admins) and
-- custom ones written by people, private or shared in the library.
-- Applying one copies its milestones into mentorship_milestones, so a
-- later edit of the roadmap never moves a mentorship's due dates.

CREATE TABLE roadmaps (
  id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  kind         ENUM('curated','custom') NOT NULL DEFAULT 'custom',
  owner_id     BIGINT UNSIGNED NULL,            -- NULL for curated
  title        VARCHAR(200) NOT NULL,
  summary      TEXT NOT NULL,
  visibility   ENUM('private','shared') NOT NULL DEFAULT 'private',
  copied_from  BIGINT UNSIGNED NULL,
  created_at   DATETIME NOT NULL,
  updated_at   DATETIME NOT NULL,
  -- the library: curated by title, shared custom newest first (keyset on id)
  KEY roadmaps_library (kind, visibility, id),
  KEY roadmaps_owner (owner_id, id),
  CONSTRAINT roadmaps_owner_fk FOREIGN KEY (owner_id) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT roadmaps_copied_fk FOREIGN KEY (copied_from) REFERENCES roadmaps (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE roadmap_milestones (
  id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  roadmap_id   BIGINT UNSIGNED NOT NULL,
  position     INT UNSIGNED NOT NULL,           -- order chosen by the author
  title        VARCHAR(200) NOT NULL,
  description  TEXT NOT NULL,
  week_offset  SMALLINT UNSIGNED NOT NULL,      -- weeks from the start, 0..520
  stage        ENUM('initiation','cultivation','separation') NULL,
  KEY roadmap_milestones_order (roadmap_id, position),
  CONSTRAINT roadmap_milestones_roadmap_fk FOREIGN KEY (roadmap_id) REFERENCES roadmaps (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The applied copy (shared schema in the team brief). Progress of a
-- mentorship: COUNT(*) total, COUNT(done_at) done,
-- SUM(done_at IS NULL AND due_date < UTC_DATE()) overdue.
CREATE TABLE mentorship_milestones (
  id             BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  mentorship_id  BIGINT UNSIGNED NOT NULL,
  goal_id        BIGINT UNSIGNED NULL,
  title          VARCHAR(200) NOT NULL,
  description    TEXT NOT NULL,
  due_date       DATE NOT NULL,
  done_at        DATETIME NULL,
  done_by        BIGINT UNSIGNED NULL,
  position       INT UNSIGNED NOT NULL,
  stage          ENUM('initiation','cultivation','separation') NULL,
  roadmap_id     BIGINT UNSIGNED NULL,          -- where it was copied from
  applied_by     BIGINT UNSIGNED NULL,
  created_at     DATETIME NOT NULL,
  KEY mentorship_milestones_due (mentorship_id, due_date),
  KEY mentorship_milestones_goal (goal_id),
  KEY mentorship_milestones_open (done_at, due_date),
  CONSTRAINT mentorship_milestones_mentorship_fk FOREIGN KEY (mentorship_id) REFERENCES mentorships (id) ON DELETE CASCADE,
  CONSTRAINT mentorship_milestones_goal_fk FOREIGN KEY (goal_id) REFERENCES goals (id) ON DELETE SET NULL,
  CONSTRAINT mentorship_milestones_done_by_fk FOREIGN KEY (done_by) REFERENCES users (id) ON DELETE SET NULL,
  CONSTRAINT mentorship_milestones_roadmap_fk FOREIGN KEY (roadmap_id) REFERENCES roadmaps (id) ON DELETE SET NULL,
  CONSTRAINT mentorship_milestones_applied_by_fk FOREIGN KEY (applied_by) REFERENCES users (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
