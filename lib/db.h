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

/* A one-value query: the first column of the first row, or NULL. */
const char	*db_value(struct req *, const char *sql, const char *types, ...);

#endif
