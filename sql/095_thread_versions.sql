-- Performance (issue 12): each threads worker keeps the entries part of
-- the thread pages it served last, laid out (cgi-bin/threads.c
-- entries_html, lib/kept.h), under the thread's version. The version
-- moves with every write to what that part shows, whoever makes it: an
-- entry written, edited or deleted, feedback left on one, the name of
-- someone who left feedback. As in sql/092: a fresh UUID_SHORT() each
-- time (never handed out twice, even after a restore), a table of its
-- own (a write to an entry takes a shared lock on its thread's row by
-- the foreign key; two at once, each then updating that row, would
-- deadlock), updated in the writer's transaction so that a reader who
-- sees a version sees the data written with it.

CREATE TABLE thread_versions (
  thread_id BIGINT UNSIGNED NOT NULL PRIMARY KEY,
  version   BIGINT UNSIGNED NOT NULL,
  CONSTRAINT thread_versions_thread_fk FOREIGN KEY (thread_id)
    REFERENCES threads (id) ON DELETE CASCADE
) ENGINE=InnoDB;

INSERT INTO thread_versions (thread_id, version)
SELECT id, UUID_SHORT() FROM threads;

DELIMITER //

CREATE TRIGGER threads_version AFTER INSERT ON threads
FOR EACH ROW INSERT INTO thread_versions (thread_id, version)
  VALUES (NEW.id, UUID_SHORT())//

CREATE TRIGGER thread_entries_version_insert AFTER INSERT ON thread_entries
FOR EACH ROW UPDATE thread_versions SET version = UUID_SHORT()
  WHERE thread_id = NEW.thread_id//

CREATE TRIGGER thread_entries_version_update AFTER UPDATE ON thread_entries
FOR EACH ROW UPDATE thread_versions SET version = UUID_SHORT()
  WHERE thread_id IN (OLD.thread_id, NEW.thread_id)//

-- its feedback goes with it by the foreign key, which fires no trigger
CREATE TRIGGER thread_entries_version_delete AFTER DELETE ON thread_entries
FOR EACH ROW UPDATE thread_versions SET version = UUID_SHORT()
  WHERE thread_id = OLD.thread_id//

CREATE TRIGGER thread_comments_version_insert AFTER INSERT ON thread_comments
FOR EACH ROW UPDATE thread_versions SET version = UUID_SHORT()
  WHERE thread_id = (SELECT thread_id FROM thread_entries
                     WHERE id = NEW.entry_id)//

CREATE TRIGGER thread_comments_version_update AFTER UPDATE ON thread_comments
FOR EACH ROW UPDATE thread_versions SET version = UUID_SHORT()
  WHERE thread_id IN (SELECT thread_id FROM thread_entries
                      WHERE id IN (OLD.entry_id, NEW.entry_id))//

CREATE TRIGGER thread_comments_version_delete AFTER DELETE ON thread_comments
FOR EACH ROW UPDATE thread_versions SET version = UUID_SHORT()
  WHERE thread_id = (SELECT thread_id FROM thread_entries
                     WHERE id = OLD.entry_id)//

-- feedback shows its author's name: a new name moves every thread they
-- left feedback in (rare; a user's row changes daily for other reasons)
CREATE TRIGGER users_thread_version AFTER UPDATE ON users FOR EACH ROW
BEGIN
  IF NOT (BINARY NEW.display_name <=> BINARY OLD.display_name) THEN
    UPDATE thread_versions SET version = UUID_SHORT()
    WHERE thread_id IN (SELECT e.thread_id FROM thread_comments c
                        JOIN thread_entries e ON e.id = c.entry_id
                        WHERE c.author_id = NEW.id);
  END IF;
END//

DELIMITER ;
