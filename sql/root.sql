-- What root runs in Menteo's database, once an install and again after an
-- upgrade (it may run any number of times): mariadb menteo < sql/root.sql
-- The migrations (sql/NNN_*.sql) run as the programs' own user; this does
-- what that user must not be able to do itself.
--
-- reopen_tables(): a table whose triggers failed to load (on Galera,
-- another node's write that aborted the transaction reading them) stays
-- broken for every session while the server keeps it open; a program that
-- meets it calls this (lib/db.c tables_reopen). FLUSH needs the RELOAD
-- privilege, which also allows FLUSH TABLES WITH READ LOCK and RESET
-- MASTER on the whole server: the programs' user gets none of it, only
-- this procedure, run as an account that cannot sign in.
CREATE USER IF NOT EXISTS 'menteo_flush'@'localhost' ACCOUNT LOCK;
GRANT RELOAD ON *.* TO 'menteo_flush'@'localhost';
-- LOCAL: this server only (Galera replicates a plain FLUSH to every node)
CREATE OR REPLACE DEFINER = 'menteo_flush'@'localhost' PROCEDURE reopen_tables()
  SQL SECURITY DEFINER
  COMMENT 'closes the tables not in use, so that their triggers load again'
  FLUSH LOCAL TABLES;
GRANT EXECUTE ON PROCEDURE reopen_tables TO 'menteo_flush'@'localhost';
