/*
 * kept: each worker's own small cache of query results that cost much to
 * make and little to recognise. A result is kept under a key naming all
 * it depends on, a version of its data among them (kept up by triggers,
 * e.g. sql/092), so a key found is current and a stale one is simply
 * never asked for again: nothing to invalidate, nothing to expire (the
 * key-based expiry of Basecamp's caches). The least recently used goes
 * first; KEPT_ENTRIES results of at most KEPT_MAX bytes each, KEPT_BYTES
 * in all. Many entries: a worker serves hundreds of rooms, not one.
 */
#ifndef MENTEO_KEPT_H
#define MENTEO_KEPT_H

#include "db.h"

#define KEPT_ENTRIES	1024
#define KEPT_MAX	(256 * 1024)
#define KEPT_BYTES	(16 * 1024 * 1024)

/* The rows kept under key, or NULL; valid until the next kept_keep. */
const struct db_rows	*kept_rows(const char *key);

/* Keeps a copy of rows under key, replacing what it held. */
void			 kept_keep(const char *key, const struct db_rows *);

/* Text kept under key (a rendered fragment), or NULL; as kept_rows. */
const char		*kept_text(const char *key);
void			 kept_keep_text(const char *key, const char *text);

/* Forgets everything (the unit tests; exit frees it all too). */
void			 kept_clear(void);

#endif
