/*
 * arena: per-request memory. Everything a request allocates comes from
 * here and is released in one call when the request ends.
 */
#ifndef MENTEO_ARENA_H
#define MENTEO_ARENA_H

#include <stddef.h>
#include <stdarg.h>

struct arena;

struct arena	*arena_new(void);
void		 arena_free(struct arena *);
void		 arena_reset(struct arena *);
void		*arena_alloc(struct arena *, size_t);
char		*arena_strdup(struct arena *, const char *);
char		*arena_strndup(struct arena *, const char *, size_t);
char		*arena_printf(struct arena *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));
char		*arena_vprintf(struct arena *, const char *, va_list);

#endif
