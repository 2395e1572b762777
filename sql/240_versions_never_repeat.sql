-- Kept results across database nodes (issue 24, Galera): a version of
-- sql/092, 093 and 095 is UUID_SHORT(): (server_id & 255) << 56, the
-- server's start time in seconds << 24, then a counter of its own. The
-- nodes of a Galera cluster commonly share server_id (MariaDB's GTIDs
-- want it so); two started in the same second hand out the same
-- sequence, and a node started later repeats its elders' values after
-- 2^24 versions per second between the starts. Triggers run on the node
-- that takes the write, so a write through one node could set a room's
-- version to the very value another node had set before it: a worker
-- reading through that other node would still find its kept page under
-- that key and show the room without the write
-- (tests/integration/check_galera.sh shows it).
-- One rule, on the version tables themselves, whatever trigger or hand
-- writes them: a row's version only goes up. A new one is the larger of
-- the old plus one and the UUID_SHORT() asked for: within a row it never
-- repeats (two nodes moving one row at once conflict in certification,
-- and one of them retries on the new value), and after a restore from a
-- backup UUID_SHORT() of the restarted server, started later, still
-- jumps past anything a worker kept before (docs/admin.md: keep the
-- same server_id when restoring, or restart the workers).

DELIMITER //

CREATE TRIGGER room_versions_up BEFORE UPDATE ON room_versions
FOR EACH ROW SET NEW.version = GREATEST(OLD.version + 1, NEW.version)//

CREATE TRIGGER thread_versions_up BEFORE UPDATE ON thread_versions
FOR EACH ROW SET NEW.version = GREATEST(OLD.version + 1, NEW.version)//

CREATE TRIGGER directory_version_up BEFORE UPDATE ON directory_version
FOR EACH ROW SET NEW.version = GREATEST(OLD.version + 1, NEW.version)//

DELIMITER ;
