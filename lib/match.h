/*
 * match: the pairing of a cohort that maximises the total score, each
 * mentor taking at most their capacity, each mentee at most one mentor,
 * no pair under a minimum score (SPEC §12). Scores and their reasons
 * are lib/suggest.h; this is only the optimisation.
 */
#ifndef MENTEO_MATCH_H
#define MENTEO_MATCH_H

#include <stddef.h>
#include <stdint.h>

/* A pair that may be made, and what it is worth. */
struct match_edge {
	uint32_t	mentee;		/* 0 .. nmentees - 1 */
	uint32_t	mentor;		/* 0 .. nmentors - 1 */
	int64_t		score;
};

/*
 * The assignment of greatest total score: mentor_of[i] is mentee i's
 * mentor, or -1 when leaving i unmatched serves the total better (no
 * edge of score >= min_score, or every mentor it could take is better
 * used by others). Edges under min_score or under 1 are never used.
 * The same input gives the same answer; ties go to the lower indices
 * in the order the edges were given. Memory is O(nedges + nmentees +
 * nmentors), time at worst O(nmentees * nedges * log). Returns the
 * total score, or -1 when memory is short or an edge names no one.
 */
int64_t	match_assign(size_t nmentees, size_t nmentors,
	    const unsigned *capacity, const struct match_edge *, size_t nedges,
	    int64_t min_score, long *mentor_of);

#endif
