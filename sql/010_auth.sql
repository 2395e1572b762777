-- Accounts: per-kind e-mail opt-outs (reminders only; account mail is
-- always sent), and an index for expiring old e-mail tokens.

CREATE TABLE mail_optouts (
  user_id    BIGINT UNSIGNED NOT NULL,
  kind       VARCHAR(40) CHARACTER SET ascii NOT NULL,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (user_id, kind),
  CONSTRAINT mail_optouts_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE email_tokens ADD KEY email_tokens_expires (expires_at);
