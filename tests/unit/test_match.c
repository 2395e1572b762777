/*
 * match: the assignment is optimal (its total equals a brute-force
 * search's on hundreds of small random cohorts with capacities), valid
 * (no mentor over capacity, no pair under the minimum, only pairs that
 * exist), deterministic, and beats greedy where greedy loses.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "match.h"

#define SMALL	6

struct inst {
	size_t			n, m, ne;
	unsigned		cap[SMALL];
	struct match_edge	e[SMALL * SMALL * 2];
	int64_t			min;
};

/* The best total over every way to place mentees i.. (brute force). */
static int64_t
brute(const struct inst *p, size_t i, unsigned *left)
{
	int64_t best, sub;
	size_t k;

	if (i == p->n)
		return 0;
	best = brute(p, i + 1, left);		/* i unmatched */
	for (k = 0; k < p->ne; k++) {
		if (p->e[k].mentee != i || p->e[k].score < p->min ||
		    p->e[k].score < 1 || left[p->e[k].mentor] == 0)
			continue;
		left[p->e[k].mentor]--;
		sub = p->e[k].score + brute(p, i + 1, left);
		left[p->e[k].mentor]++;
		if (sub > best)
			best = sub;
	}
	return best;
}

/* mentor_of is a real assignment of p, worth total. */
static void
check_valid(const struct inst *p, const long *mentor_of, int64_t total)
{
	unsigned took[SMALL] = { 0 };
	int64_t sum = 0, best;
	size_t i, k;

	for (i = 0; i < p->n; i++) {
		if (mentor_of[i] == -1)
			continue;
		assert_in_range(mentor_of[i], 0, (long)p->m - 1);
		took[mentor_of[i]]++;
		best = -1;	/* the best usable edge of that pair */
		for (k = 0; k < p->ne; k++)
			if (p->e[k].mentee == i &&
			    p->e[k].mentor == (uint32_t)mentor_of[i] &&
			    p->e[k].score >= p->min && p->e[k].score > best)
				best = p->e[k].score;
		assert_true(best >= 1);
		sum += best;
	}
	for (k = 0; k < p->m; k++)
		assert_true(took[k] <= p->cap[k]);
	assert_int_equal(sum, total);
}

static void
random_inst(struct inst *p, unsigned *seed)
{
	size_t i, k;

	memset(p, 0, sizeof(*p));
	p->n = 1 + rand_r(seed) % SMALL;
	p->m = 1 + rand_r(seed) % SMALL;
	for (k = 0; k < p->m; k++)
		p->cap[k] = rand_r(seed) % 4;		/* 0..3 */
	p->min = rand_r(seed) % 3 == 0 ? rand_r(seed) % 40 : 0;
	for (i = 0; i < p->n; i++)
		for (k = 0; k < p->m; k++) {
			if (rand_r(seed) % 4 == 0)
				continue;		/* no such pair */
			p->e[p->ne].mentee = (uint32_t)i;
			p->e[p->ne].mentor = (uint32_t)k;
			/* few distinct values: ties are common */
			p->e[p->ne++].score = rand_r(seed) % 3 == 0 ?
			    (rand_r(seed) % 4) * 10 : rand_r(seed) % 100 - 5;
		}
	/* now and then the same pair twice, or an edge first for a later mentee */
	if (p->ne > 1 && rand_r(seed) % 5 == 0) {
		struct match_edge t = p->e[0];

		p->e[0] = p->e[p->ne - 1];
		p->e[p->ne - 1] = t;
		p->e[p->ne] = p->e[p->ne / 2];
		p->e[p->ne++].score += 7;
	}
}

static void
test_match_brute_force(void **state)
{
	struct inst p;
	unsigned seed = 20261202, left[SMALL];
	long mentor_of[SMALL], again[SMALL];
	int64_t total, want;
	int c;

	(void)state;
	for (c = 0; c < 2000; c++) {
		random_inst(&p, &seed);
		memcpy(left, p.cap, sizeof(left));
		want = brute(&p, 0, left);
		total = match_assign(p.n, p.m, p.cap, p.e, p.ne, p.min,
		    mentor_of);
		if (total != want)
			fail_msg("case %d: %lld, brute force %lld", c,
			    (long long)total, (long long)want);
		check_valid(&p, mentor_of, total);
		/* the same data, the same answer */
		assert_int_equal(match_assign(p.n, p.m, p.cap, p.e, p.ne,
		    p.min, again), total);
		assert_memory_equal(mentor_of, again, p.n * sizeof(*again));
	}
}

/*
 * Ann fits Xavier best (10) and Yuki nearly as well (9); Ben fits only
 * Xavier (8; Yuki 1). Greedy, best pair first or Ann first, gives Ann
 * Xavier and Ben Yuki: 11. The optimum moves Ann to Yuki: 17.
 */
static void
test_match_beats_greedy(void **state)
{
	static const unsigned cap[] = { 1, 1 };
	static const struct match_edge e[] = {
		{ 0, 0, 10 }, { 0, 1, 9 }, { 1, 0, 8 }, { 1, 1, 1 },
	};
	long mentor_of[2];

	(void)state;
	assert_int_equal(match_assign(2, 2, cap, e, 4, 0, mentor_of), 17);
	assert_int_equal(mentor_of[0], 1);
	assert_int_equal(mentor_of[1], 0);
	/* with a minimum of 5, Ben-Yuki is out and greedy leaves Ben alone */
	assert_int_equal(match_assign(2, 2, cap, e, 4, 5, mentor_of), 17);
	/* a minimum of 9 leaves only Ann-Xavier, Ann-Yuki: one pair */
	assert_int_equal(match_assign(2, 2, cap, e, 4, 9, mentor_of), 10);
	assert_int_equal(mentor_of[0], 0);
	assert_int_equal(mentor_of[1], -1);
}

/* More mentees than places: the rest stay unmatched, capacity holds. */
static void
test_match_capacity(void **state)
{
	static const unsigned cap[] = { 2, 0 };
	struct match_edge e[10];
	long mentor_of[5];
	size_t i;

	(void)state;
	for (i = 0; i < 5; i++) {
		e[2 * i] = (struct match_edge){ (uint32_t)i, 0,
		    (int64_t)(10 + i) };
		e[2 * i + 1] = (struct match_edge){ (uint32_t)i, 1, 50 };
	}
	assert_int_equal(match_assign(5, 2, cap, e, 10, 0, mentor_of), 27);
	for (i = 0; i < 3; i++)
		assert_int_equal(mentor_of[i], -1);
	assert_int_equal(mentor_of[3], 0);
	assert_int_equal(mentor_of[4], 0);
}

static void
test_match_bad_input(void **state)
{
	static const unsigned cap[] = { 1 };
	static const struct match_edge bad[] = { { 0, 1, 5 } };
	static const struct match_edge bad2[] = { { 1, 0, 5 } };
	long mentor_of[1] = { 7 };

	(void)state;
	assert_int_equal(match_assign(1, 1, cap, bad, 1, 0, mentor_of), -1);
	assert_int_equal(match_assign(1, 1, cap, bad2, 1, 0, mentor_of), -1);
	/* nothing to pair: everyone unmatched, total 0 */
	assert_int_equal(match_assign(1, 1, cap, NULL, 0, 0, mentor_of), 0);
	assert_int_equal(mentor_of[0], -1);
	assert_int_equal(match_assign(0, 0, NULL, NULL, 0, 0, NULL), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_match_brute_force),
		cmocka_unit_test(test_match_beats_greedy),
		cmocka_unit_test(test_match_capacity),
		cmocka_unit_test(test_match_bad_input),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
