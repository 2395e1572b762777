-- Performance (issue 12): the directory's ?q= is now searched by each
-- people worker in its own word index of the listed mentors
-- (lib/search.h, cgi-bin/people.c), rebuilt when directory_version
-- (sql/093) moves. InnoDB's full-text search took ~5 ms of the server's
-- CPU for a word most profiles hold, and nothing else searches text, so
-- the full-text indexes and the table that fed one go: every write of a
-- profile is cheaper for it.

DROP TRIGGER IF EXISTS users_mentor_search_insert;
DROP TRIGGER IF EXISTS users_mentor_search_update;
DROP TABLE IF EXISTS mentor_search;
ALTER TABLE users DROP INDEX users_search;
