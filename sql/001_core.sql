-- Core: people, sessions, the e-mail outbox and e-mailed tokens.
-- Every table declares its charset: a server's default may be latin1.

CREATE TABLE users (
  id                BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  email             VARCHAR(254) NOT NULL,
  email_verified_at DATETIME NULL,
  password_hash     VARCHAR(255) NOT NULL,
  display_name      VARCHAR(80) NOT NULL,
  headline          VARCHAR(140) NOT NULL DEFAULT '',
  bio               TEXT NOT NULL,
  skills            VARCHAR(500) NOT NULL DEFAULT '',
  timezone          VARCHAR(64) NOT NULL DEFAULT 'UTC',
  is_mentor         TINYINT(1) NOT NULL DEFAULT 0,
  capacity          SMALLINT UNSIGNED NOT NULL DEFAULT 0,
  slug              VARCHAR(40) NOT NULL,
  last_active       DATE NULL,
  is_admin          TINYINT(1) NOT NULL DEFAULT 0,
  disabled_at       DATETIME NULL,
  calendar_secret   CHAR(64) NULL,
  created_at        DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY users_email (email),
  UNIQUE KEY users_slug (slug),
  UNIQUE KEY users_calendar (calendar_secret)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE sessions (
  id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  token_hash   CHAR(64) CHARACTER SET ascii NOT NULL,
  user_id      BIGINT UNSIGNED NOT NULL,
  created_at   DATETIME NOT NULL,
  last_seen_at DATETIME NOT NULL,
  user_agent   VARCHAR(200) NOT NULL DEFAULT '',
  UNIQUE KEY sessions_token (token_hash),
  KEY sessions_user (user_id),
  CONSTRAINT sessions_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Mail to send, written in the transaction of the change that causes it.
-- dedup_key makes "the same event" unique: a second scan queues nothing.
CREATE TABLE outbox (
  id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  kind         VARCHAR(40) CHARACTER SET ascii NOT NULL,
  user_id      BIGINT UNSIGNED NULL,
  to_addr      VARCHAR(254) NOT NULL,
  subject      VARCHAR(200) NOT NULL,
  body_text    MEDIUMTEXT NOT NULL,
  body_html    MEDIUMTEXT NOT NULL,
  dedup_key    VARCHAR(190) CHARACTER SET ascii NULL,
  status       ENUM('queued','sent','failed') NOT NULL DEFAULT 'queued',
  attempts     SMALLINT UNSIGNED NOT NULL DEFAULT 0,
  next_try_at  DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  last_error   VARCHAR(500) NULL,
  created_at   DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  sent_at      DATETIME NULL,
  UNIQUE KEY outbox_dedup (dedup_key),
  KEY outbox_due (status, next_try_at),
  KEY outbox_kind (kind, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Single-use tokens sent by e-mail: verification, reset, reminder links.
CREATE TABLE email_tokens (
  id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  token_hash   CHAR(64) CHARACTER SET ascii NOT NULL,
  purpose      VARCHAR(20) CHARACTER SET ascii NOT NULL,
  user_id      BIGINT UNSIGNED NOT NULL,
  target       VARCHAR(500) NOT NULL DEFAULT '',
  expires_at   DATETIME NOT NULL,
  used_at      DATETIME NULL,
  created_at   DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY email_tokens_hash (token_hash),
  KEY email_tokens_user (user_id, purpose),
  CONSTRAINT email_tokens_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Attempts counted per key (an account, an address) for throttling.
CREATE TABLE throttle (
  bucket       VARCHAR(300) NOT NULL PRIMARY KEY,
  failures     INT UNSIGNED NOT NULL DEFAULT 0,
  window_start DATETIME NOT NULL,
  blocked_until DATETIME NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
