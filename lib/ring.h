/*
 * ring: bytes kept under keys in one mapping that every process forked
 * after ring_open shares: what one worker of a program made, its other
 * workers find (lib/kept.c keeps query results there). A write goes
 * after the last one and the oldest are written over, as a ring: no
 * free list, no fragments, nothing to expire. A table of RING_SLOTS
 * finds an entry by its key's hash among RING_PROBES slots.
 *
 * One lock, shared by the processes and robust: a worker that dies
 * holding it (killed mid-copy) leaves the ring emptied, never torn.
 * Without ring_open, or when it failed, nothing is found and nothing
 * kept: the caller makes everything, as without a cache.
 */
#ifndef MENTEO_RING_H
#define MENTEO_RING_H

#include <stddef.h>
#include <stdint.h>

#define RING_SLOTS	16384
#define RING_PROBES	8

struct arena;

/* A ring of about bytes, shared with the children forked from now; 0. */
int	 ring_open(size_t bytes);
int	 ring_is_open(void);

/*
 * A copy in a of the bytes kept under key (of hash h), their size in
 * *size; NULL when none are kept.
 */
void	*ring_get(struct arena *a, const char *key, uint32_t h,
	    size_t *size);

/* Keeps size bytes at p under key (of hash h); the oldest make room. */
void	 ring_put(const char *key, uint32_t h, const void *p, size_t size);

/* Forgets what is kept under key (of hash h). */
void	 ring_forget(const char *key, uint32_t h);

/* Forgets everything. */
void	 ring_clear(void);

#endif
