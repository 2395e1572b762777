-- Reminders (docs/product.md: E-mail): one row per reminder ever decided, keyed by
-- (event, object, due date, recipient), written in the transaction that
-- queues the mail. The key is what makes a scan idempotent: a second
-- scan, or one on another machine, finds it and queues nothing. It is
-- kept apart from the outbox so a mail the person opted out of (nothing
-- queued) is still decided once, and pruning sent mail forgets nothing.

CREATE TABLE reminders (
  dedup_key   VARCHAR(190) CHARACTER SET ascii NOT NULL PRIMARY KEY,
  user_id     BIGINT UNSIGNED NOT NULL,
  created_at  DATETIME NOT NULL,
  KEY reminders_user (user_id),
  CONSTRAINT reminders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The scans look for review dates and check-ins in a window of days.
ALTER TABLE mentorships
  ADD KEY mentorships_review (stage, review_date),
  ADD KEY mentorships_checkin (stage, next_checkin);
