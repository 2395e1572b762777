-- One-time form keys (lib/once.h, issue 25): a form render submitted
-- twice is answered once. A row is claimed inside the transaction of the
-- submission it guards, so it commits or rolls back with it; a second
-- identical submission waits on the key, then answers with `location`.
-- No foreign key to sessions: the claim would share-lock the session's
-- row, which sign-out and deletion write. The notifier forgets rows
-- after a day.
CREATE TABLE form_submits (
  session_id  BIGINT UNSIGNED NOT NULL,
  submit_hash CHAR(64) CHARACTER SET ascii NOT NULL,
  location    VARCHAR(1000) NULL,
  created_at  DATETIME NOT NULL,
  PRIMARY KEY (session_id, submit_hash),
  KEY form_submits_created (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
