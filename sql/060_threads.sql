-- Growth Threads (docs/product.md: Growth Threads): a person's learning-in-public journal.
-- threads and thread_entries are read by other programs (the public
-- profile lists public threads; the record of achievement shows the
-- public entries of threads linked to the mentorship), so their names
-- and columns are part of the shared schema.

CREATE TABLE threads (
  id             BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  owner_id       BIGINT UNSIGNED NOT NULL,
  title          VARCHAR(120) NOT NULL,
  purpose        TEXT NOT NULL,
  visibility     ENUM('public','mentorship','private') NOT NULL DEFAULT 'private',
  mentorship_id  BIGINT UNSIGNED NULL,          -- one of the owner's mentorships
  created_at     DATETIME NOT NULL,
  updated_at     DATETIME NOT NULL,             -- bumped by every entry change
  KEY threads_owner (owner_id, id),                -- "my threads"
  KEY threads_public (owner_id, visibility, id),   -- a profile's public ones
  -- the record of achievement; threads shared through a mentorship
  KEY threads_mentorship (mentorship_id, visibility),
  CONSTRAINT threads_owner_fk FOREIGN KEY (owner_id) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT threads_mentorship_fk FOREIGN KEY (mentorship_id) REFERENCES mentorships (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Entries are written by the thread's owner only.
CREATE TABLE thread_entries (
  id             BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  thread_id      BIGINT UNSIGNED NOT NULL,
  kind           ENUM('assumption','experiment','failure','breakthrough','lesson','update') NOT NULL,
  body           MEDIUMTEXT NOT NULL,
  created_at     DATETIME NOT NULL,
  updated_at     DATETIME NOT NULL,
  KEY thread_entries_thread (thread_id, id),
  KEY thread_entries_kind (thread_id, kind, id),
  CONSTRAINT thread_entries_thread_fk FOREIGN KEY (thread_id) REFERENCES threads (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Feedback from the mentor of the linked mentorship, under an entry.
CREATE TABLE thread_comments (
  id             BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  entry_id       BIGINT UNSIGNED NOT NULL,
  author_id      BIGINT UNSIGNED NOT NULL,
  body           TEXT NOT NULL,
  created_at     DATETIME NOT NULL,
  KEY thread_comments_entry (entry_id, id),
  KEY thread_comments_author (author_id),
  CONSTRAINT thread_comments_entry_fk FOREIGN KEY (entry_id) REFERENCES thread_entries (id) ON DELETE CASCADE,
  CONSTRAINT thread_comments_author_fk FOREIGN KEY (author_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
