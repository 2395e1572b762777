-- A programme's earlier addresses. Renaming a programme broke every link
-- already sent (invitations, notifications, bookmarks, the intranet's
-- link to the cohort): the old address now leads to the new one, as
-- GitHub's old repository names do. A live address always wins: another
-- programme may take an old one, and the row goes with it.
CREATE TABLE programme_slugs (
  slug          VARCHAR(40) CHARACTER SET ascii NOT NULL PRIMARY KEY,
  programme_id  BIGINT UNSIGNED NOT NULL,
  retired_at    DATETIME NOT NULL,
  KEY programme_slugs_programme (programme_id),
  CONSTRAINT programme_slugs_programme_fk FOREIGN KEY (programme_id) REFERENCES programmes (id) ON DELETE CASCADE
) ENGINE=InnoDB;
