/*
 * kept: a program's cache of query results that cost much to make and
 * little to recognise, shared by its workers (lib/ring.h): what one
 * worker made, the next request finds whichever worker answers it. A
 * result is kept under a key naming all it depends on, a version of its
 * data among them (kept up by triggers, e.g. sql/092), so a key found is
 * current and a stale one is simply never asked for again: nothing to
 * invalidate, nothing to expire (the key-based expiry of Basecamp's
 * caches). The oldest written go first; results of at most KEPT_MAX
 * bytes, KEPT_BYTES in all. Each worker had its own until issue 24: four
 * workers read every result four times after each write.
 */
#ifndef MENTEO_KEPT_H
#define MENTEO_KEPT_H

#include "db.h"

#define KEPT_MAX	(256 * 1024)
#define KEPT_BYTES	(64 * 1024 * 1024)	/* conf: kept_mib */
#define KEPT_BUILT	16	/* kept_defs with a built thing */

struct req;

/*
 * A kept thing, declared once beside the code that makes it: the first
 * word of its keys, the table holding its version, every column it
 * shows, filters or sorts by ("table.column": a write to any of them
 * must move the version), and the triggers that do. `program --kept`
 * prints them (lib/app.h). The unit tests of each program's keys fail
 * when the page's SQL reads a column missing from watch (kept_watch.h),
 * tests/integration/test_kept_watch.py when a trigger misses one.
 * Adding a field to a kept page: add it to watch.
 */
struct kept_def {
	const char		*name;
	const char		*version;	/* the version's table */
	const char *const	*watch;		/* NULL-terminated */
	const char		*moved_by;	/* the triggers, by migration */
};

/*
 * The one key encoder: the name, the version, then a part for each
 * letter of types, as db_query's: 'i' a long long, 's' a string (with
 * its length, so that no text can pass for two; NULL as "-"). NULL when
 * version is NULL (a result without a version is never kept) or memory
 * is short (a key cut short is never used).
 */
const char	*kept_key(struct req *, const struct kept_def *,
		    const char *version, const char *types, ...);

/*
 * The cache, of bytes (0: KEPT_BYTES), shared with the workers forked
 * after it: app_main opens it before it forks them, of the size the
 * configuration's kept_mib says. 0 if fine; -1: nothing is kept.
 */
int		 kept_open(size_t bytes);

/*
 * The one entry point (cgit's cache_process): the rows kept under key,
 * or those make(r, arg, &keep) returns, kept unless it set keep to 0.
 * key NULL: made, never kept. NULL when make failed (it answered).
 * Kept rows are a copy in the request's memory: valid until it ends.
 */
typedef const struct db_rows *(*kept_make_fn)(struct req *, void *arg,
		    int *keep);
const struct db_rows	*kept_get(struct req *, const char *key,
			    kept_make_fn, void *arg);

/* The same for a laid-out fragment: make returns its text. */
typedef const char	*(*kept_text_fn)(struct req *, void *arg, int *keep);
const char		*kept_get_text(struct req *, const char *key,
			    kept_text_fn, void *arg);

/*
 * kept_get for rows that the clock alone makes stale (a meeting starts,
 * a due date passes): until(rows) says when they stop holding, as
 * 'YYYY-MM-DD hh:mm:ss' (NULL: while their key does), and once now (the
 * database's UTC_TIMESTAMP, as text) has reached it they are made again.
 * until NULL: the one row's "until" column. A query writes "for good"
 * as KEPT_NEVER, so that the comparison needs no NULL.
 */
#define KEPT_NEVER	"TIMESTAMP('9999-12-31 23:59:59')"
typedef const char	*(*kept_until_fn)(const struct db_rows *);
const struct db_rows	*kept_get_until(struct req *, const char *key,
			    kept_make_fn, void *arg, const char *now,
			    kept_until_fn until);

/* Forgets what is kept under key (the unit tests). */
void			 kept_forget(const char *key);

/*
 * A thing built from rows, kept as rows are, under a key of kept_key:
 * a word index with the rows it indexes (lib/suggest.c's mentors; the
 * directory's search can use it the same way). make(r, arg, &keep)
 * builds it, release(thing) frees it; kept owns it from then on. One of
 * each kept_def is kept: a newer key of the def replaces it (its data
 * moved on). Each worker keeps its own (a built thing is pointers, not
 * bytes to share), outside KEPT_BYTES: there are only as many as defs.
 * key NULL, or keep set to 0: made for this request alone. NULL when
 * make failed (it answered). Valid until the next kept_get_built.
 */
typedef void		*(*kept_build_fn)(struct req *, void *arg, int *keep);
typedef void		 (*kept_free_fn)(void *thing);
const void		*kept_get_built(struct req *, const char *key,
			    kept_build_fn, kept_free_fn, void *arg);

/* Forgets everything (the unit tests; exit frees it all too). */
void			 kept_clear(void);

#endif
