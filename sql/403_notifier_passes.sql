-- When each host's notifier was last at work (bin/menteo-notify, after a
-- pass's scan and after each batch it sends): mail waits silently in the outbox when no notifier runs (a timer
-- not enabled, a service stopped), and nothing said so (found by an
-- admin's walk). /admin and `menteo-admin check` read it by the rule in
-- lib/mail.h (MAIL_NOTIFIER_LIVE). One row a host: every database node of
-- a cluster may run its own notifier; a host's row is its own to write.
CREATE TABLE notifier_passes (
  host          VARCHAR(255) NOT NULL PRIMARY KEY,
  every_seconds INT UNSIGNED NOT NULL,    -- the loop's interval; 0: --once (a timer's)
  passed_at     DATETIME NOT NULL
) ENGINE=InnoDB;
