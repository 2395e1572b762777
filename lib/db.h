/*
 * db: the process's one MariaDB connection. Statements are prepared once
 * and cached by their SQL text; when the server goes away the connection
 * is reopened and the statements prepared again, invisibly to callers.
 *
 * Parameters are described by a type string, one letter each:
 *   's' const char * (NULL becomes SQL NULL), 'i' long long.
 * Results are copied into the request's arena as text (NULL stays NULL).
 * A failure marks the request (r->db_failed) so it answers 503.
 */
#ifndef MENTEO_DB_H
#define MENTEO_DB_H

#include <stddef.h>

#include "req.h"

#define DB_DUPLICATE	(-2)	/* a unique key refused the row */

struct db_rows {
	size_t		  nrows;
	size_t		  ncols;
	char		**cell;		/* nrows * ncols */
	const char	**names;	/* column names */
};

int		 db_open(void);
void		 db_close(void);
int		 db_ping(void);

struct db_rows	*db_query(struct req *, const char *sql, const char *types, ...);
long long	 db_exec(struct req *, const char *sql, const char *types, ...);
long long	 db_last_id(void);

int		 db_begin(struct req *);
int		 db_commit(struct req *);
void		 db_rollback(struct req *);

/*
 * r->tx_hook, when set, hears of each transaction: DB_TX_BEGUN inside it
 * (-1 ends it: db_begin fails), then how it ended. lib/once.c claims a
 * one-time form key this way, with the first thing the request does.
 */
enum { DB_TX_BEGUN, DB_TX_COMMITTED, DB_TX_ROLLED_BACK };

/*
 * Runs fn(r, arg) inside one transaction: 0 from fn commits, anything
 * else rolls back and is returned (fn's own refusal, or -1 when the
 * database failed). A transaction the server rolled back for a deadlock,
 * a lock-wait timeout or a Galera certification failure runs fn again
 * from its start, DB_TX_TRIES times at most, so two people clicking at
 * once both get an answer; a 503 is for a database that is down. fn
 * therefore writes nothing but rows and its arg: it answers nothing and
 * keeps nothing from a try that did not commit.
 */
#define DB_TX_TRIES	5
typedef int	(*db_tx_fn)(struct req *, void *arg);
int		 db_tx_run(struct req *, db_tx_fn, void *arg);
/*
 * db_tx_run for work a unique key decides (a reminder, a digest): a
 * COMMIT whose answer never came (db_read_timeout: a Galera node that
 * stalled) runs fn again too, as the next try finds the key taken if
 * that COMMIT held, and so does a START TRANSACTION unanswered. Never
 * for work without a key (a message posted twice), nor where a person
 * waits: each try may wait db_read_timeout again (DB_TX_TRIES such
 * tries at most). No person waits for it either way, so after a
 * conflict it tries longer (DB_TX_TRIES_KEYED, about 1.2 s of pauses at
 * most): notifiers on three Galera nodes met on the same keys five times
 * running (CI), and giving up stops a scan until its next pass.
 */
#define DB_TX_TRIES_KEYED	12
int		 db_tx_run_keyed(struct req *, db_tx_fn, void *arg);

const char	*db_str(const struct db_rows *, size_t row, size_t col);
long long	 db_int(const struct db_rows *, size_t row, size_t col);
const char	*db_get(const struct db_rows *, size_t row, const char *col);
long long	 db_get_int(const struct db_rows *, size_t row, const char *col);

/*
 * A copy of rows that outlives the request, in one malloc'd block: the
 * caller owns it and releases it with free(). *size is what it takes.
 * NULL when memory is short.
 */
struct db_rows	*db_rows_copy(const struct db_rows *, size_t *size);

/*
 * A block of db_rows_copy copied whole to another place (a cache shared
 * by processes, lib/ring.h): its pointers made to point into the copy.
 */
void		 db_rows_moved(struct db_rows *);

/* A one-value query: the first column of the first row, or NULL. */
const char	*db_value(struct req *, const char *sql, const char *types, ...);

#endif
