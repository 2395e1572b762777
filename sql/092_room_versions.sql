-- Performance (issue 12): each rooms worker keeps the rows of the room
-- pages it served last (cgi-bin/rooms.c room_rows, lib/kept.h) under the
-- room's version. The version changes with every write to the room's
-- messages, whoever makes it (the programs, an admin, SQL by hand),
-- because triggers keep it: a kept page is current exactly while the
-- version it was kept under is the room's version.
-- A version is a fresh UUID_SHORT() (server id, server start time and a
-- counter), not a count: a database restored from a backup, or rolled
-- back, never hands out again a version a worker may have kept pages
-- under, as a counter would, counting again from the backup's value.
-- A table of its own rather than a column of mentorships: inserting a
-- message takes a shared lock on its mentorship's row (the foreign key);
-- two messages posted at once, each then wanting to update that row,
-- would deadlock. Here they only queue on the version row.

CREATE TABLE room_versions (
  mentorship_id BIGINT UNSIGNED NOT NULL PRIMARY KEY,
  version       BIGINT UNSIGNED NOT NULL,
  CONSTRAINT room_versions_mentorship_fk FOREIGN KEY (mentorship_id)
    REFERENCES mentorships (id) ON DELETE CASCADE
) ENGINE=InnoDB;

INSERT INTO room_versions (mentorship_id, version)
SELECT id, UUID_SHORT() FROM mentorships;

CREATE TRIGGER mentorships_room_version AFTER INSERT ON mentorships
FOR EACH ROW INSERT INTO room_versions (mentorship_id, version)
  VALUES (NEW.id, UUID_SHORT());

CREATE TRIGGER room_messages_version_insert AFTER INSERT ON room_messages
FOR EACH ROW UPDATE room_versions SET version = UUID_SHORT()
  WHERE mentorship_id = NEW.mentorship_id;

CREATE TRIGGER room_messages_version_update AFTER UPDATE ON room_messages
FOR EACH ROW UPDATE room_versions SET version = UUID_SHORT()
  WHERE mentorship_id IN (OLD.mentorship_id, NEW.mentorship_id);

CREATE TRIGGER room_messages_version_delete AFTER DELETE ON room_messages
FOR EACH ROW UPDATE room_versions SET version = UUID_SHORT()
  WHERE mentorship_id = OLD.mentorship_id;
