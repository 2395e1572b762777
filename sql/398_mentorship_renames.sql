-- A mentorship renamed (cgi-bin/mentorships/focus.c) is a line of its
-- timeline beside the stage events, "Ann renamed it from “A” to “B”":
-- what the pair called it before stays on its record, as a title's edit
-- does on a GitHub issue. The mentorship page keeps its timeline
-- (sql/290), so every write here moves the pair's version.
CREATE TABLE mentorship_renames (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  mentorship_id BIGINT UNSIGNED NOT NULL,
  from_focus    VARCHAR(200) NOT NULL,
  to_focus      VARCHAR(200) NOT NULL,
  actor_id      BIGINT UNSIGNED NULL,
  created_at    DATETIME NOT NULL,
  KEY mentorship_renames_pair (mentorship_id, id),
  CONSTRAINT mentorship_renames_fk FOREIGN KEY (mentorship_id)
    REFERENCES mentorships (id) ON DELETE CASCADE,
  CONSTRAINT mentorship_renames_actor_fk FOREIGN KEY (actor_id)
    REFERENCES users (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

DELIMITER //

CREATE TRIGGER mentorship_renames_version_insert AFTER INSERT
ON mentorship_renames
FOR EACH ROW CALL mentorship_moved(NEW.mentorship_id)//
CREATE TRIGGER mentorship_renames_version_update AFTER UPDATE
ON mentorship_renames
FOR EACH ROW CALL mentorship_moved_from(OLD.mentorship_id, NEW.mentorship_id)//
CREATE TRIGGER mentorship_renames_version_delete AFTER DELETE
ON mentorship_renames
FOR EACH ROW CALL mentorship_moved(OLD.mentorship_id)//

DELIMITER ;
