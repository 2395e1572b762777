/*
 * json: writing JSON into a buffer: strings escaped per RFC 8259, and
 * whole result sets as arrays of objects keyed by column name.
 */
#ifndef MENTEO_JSON_H
#define MENTEO_JSON_H

#include "db.h"
#include "req.h"

void	json_str(struct buf *, const char *);	/* "..." or null */
/* {col: value, ...} for row i (null when there is none). */
void	json_object(struct buf *, const struct db_rows *, size_t,
	    const char *numeric);
/* [ {col: value, ...}, ... ]; columns named in `numeric` are numbers. */
void	json_rows(struct buf *, const struct db_rows *, const char *numeric);

#endif
