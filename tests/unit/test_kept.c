/*
 * kept: rows come back as they were kept (NULL cells stay NULL), under
 * their exact key only, a copy in the request's memory; a key kept again
 * holds the new rows; the oldest written go when the ring is full;
 * results over KEPT_MAX are not kept. What one process keeps, a process
 * forked after kept_open finds, and one that dies holding the ring's
 * lock leaves it emptied, not locked. db_rows_copy is what it stores
 * and db_rows_moved what it reads back, so they are checked here too.
 * The one entry point (kept_get, kept_get_text) makes only what is not
 * kept, and keeps what its maker allows, kept_get_until until the clock
 * reaches what the rows say; the one key encoder (kept_key)
 * never lets two parts run together. lib/kept.c and lib/ring.c are
 * included to reach their statics, as lighttpd's test_mod_alias.c
 * includes mod_alias.c.
 */
#include <sys/wait.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "../../lib/kept.c"
#include "../../lib/ring.c"
#include "req.h"

static char	c1[] = "1", c2[] = "first", c4[] = "2", c5[] = "second",
		c6[] = "x";
static char	*cells[6] = { c1, c2, NULL, c4, c5, c6 };
static const char *names[3] = { "id", "body", "note" };
static struct db_rows two = { 2, 3, cells, names };
static struct req *rq;

static int
setup(void **state)
{
	(void)state;
	if (kept_open(0) == -1 || (rq = req_offline_new()) == NULL)
		return -1;
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	req_offline_free(rq);
	return 0;
}

static void
test_kept_copy(void **state)
{
	struct db_rows *c, *m;
	size_t size = 0;

	(void)state;
	c = db_rows_copy(&two, &size);
	assert_non_null(c);
	assert_true(size > sizeof(*c));
	assert_int_equal(c->nrows, 2);
	assert_int_equal(c->ncols, 3);
	assert_string_equal(db_get(c, 0, "body"), "first");
	assert_null(db_get(c, 0, "note"));
	assert_string_equal(db_get(c, 1, "note"), "x");
	assert_int_equal(db_get_int(c, 1, "id"), 2);
	assert_ptr_not_equal(c->cell[1], cells[1]);	/* a copy */
	/* the block copied elsewhere whole, then the original gone */
	m = malloc(size);
	assert_non_null(m);
	memcpy(m, c, size);
	memset(c, 0, size);
	free(c);
	db_rows_moved(m);
	assert_string_equal(db_get(m, 0, "body"), "first");
	assert_null(db_get(m, 0, "note"));
	assert_string_equal(db_get(m, 1, "note"), "x");
	assert_true((char *)m->cell[4] > (char *)m &&
	    (char *)m->cell[4] < (char *)m + size);	/* in the copy */
	free(m);
}

static void
test_kept_keys(void **state)
{
	const struct db_rows *k, *k2;
	struct db_rows one = { 1, 3, cells + 3, names };

	(void)state;
	kept_clear();
	assert_null(kept_rows(rq, "room 1 9 0"));
	kept_keep("room 1 9 0", &two);
	k = kept_rows(rq, "room 1 9 0");
	assert_non_null(k);
	assert_int_equal(k->nrows, 2);
	assert_string_equal(db_get(k, 1, "body"), "second");
	k2 = kept_rows(rq, "room 1 9 0");
	assert_ptr_not_equal(k, k2);		/* each its own copy */
	assert_string_equal(db_get(k, 1, "body"), "second");
	assert_null(kept_rows(rq, "room 1 9 1"));	/* another version */
	assert_null(kept_rows(rq, "room 1 9"));
	kept_keep("room 1 9 0", &one);		/* the same key, new rows */
	k = kept_rows(rq, "room 1 9 0");
	assert_int_equal(k->nrows, 1);
	assert_string_equal(db_get(k, 0, "body"), "second");
	kept_forget("room 1 9 0");
	assert_null(kept_rows(rq, "room 1 9 0"));
	kept_keep("room 1 9 0", &one);
	kept_clear();
	assert_null(kept_rows(rq, "room 1 9 0"));
}

static void
test_kept_too_big(void **state)
{
	char *big = malloc(KEPT_MAX + 1), *c[1];
	const char *n[1] = { "body" };
	struct db_rows rows = { 1, 1, c, n };

	(void)state;
	assert_non_null(big);
	memset(big, 'a', KEPT_MAX);
	big[KEPT_MAX] = '\0';
	c[0] = big;
	kept_clear();
	kept_keep("big", &rows);
	assert_null(kept_rows(rq, "big"));
	free(big);
}

/*
 * Results that fit one by one, more than KEPT_BYTES in all: the oldest
 * written go, as soon as a later one is written over them.
 */
static void
test_kept_bytes(void **state)
{
	size_t each = KEPT_MAX / 2, n = KEPT_BYTES / each + 2, i;
	char *body = malloc(each), *c[1], key[32];
	const char *col[1] = { "body" };
	struct db_rows rows = { 1, 1, c, col };
	const struct db_rows *k;

	(void)state;
	assert_non_null(body);
	memset(body, 'a', each - 1);
	body[each - 1] = '\0';
	c[0] = body;
	kept_clear();
	for (i = 0; i < n; i++) {
		snprintf(key, sizeof(key), "b%zu", i);
		body[0] = (char)('a' + i % 26);
		kept_keep(key, &rows);
		assert_non_null(k = kept_rows(rq, key));
		assert_int_equal(db_get(k, 0, "body")[0], 'a' + i % 26);
	}
	assert_null(kept_rows(rq, "b0"));	/* written over: gone */
	assert_null(kept_rows(rq, "b1"));
	for (i = n - (KEPT_BYTES / each - 2); i < n; i++) { /* the last stay */
		snprintf(key, sizeof(key), "b%zu", i);
		assert_non_null(k = kept_rows(rq, key));
		assert_int_equal(db_get(k, 0, "body")[0], 'a' + i % 26);
		assert_int_equal(strlen(db_get(k, 0, "body")), each - 1);
	}
	kept_clear();
	free(body);
}

/*
 * Keys whose hashes fall on the same slots: RING_PROBES of them are
 * found, one more takes the place of the oldest written.
 */
static void
test_kept_probes(void **state)
{
	char key[32];
	size_t size, i;

	(void)state;
	kept_clear();
	for (i = 0; i <= RING_PROBES; i++) {
		snprintf(key, sizeof(key), "same %zu", i);
		ring_put(key, 7, key, strlen(key) + 1);
	}
	assert_null(ring_get(rq->arena, "same 0", 7, &size));
	for (i = 1; i <= RING_PROBES; i++) {
		snprintf(key, sizeof(key), "same %zu", i);
		assert_string_equal(ring_get(rq->arena, key, 7, &size), key);
		assert_int_equal(size, strlen(key) + 1);
	}
	assert_null(ring_get(rq->arena, "same 1", 8, &size)); /* its hash */
	kept_clear();
}

/* What a forked worker keeps, its parent and siblings find. */
static void
test_kept_shared(void **state)
{
	const struct db_rows *k;
	pid_t pid;
	int status;

	(void)state;
	kept_clear();
	if ((pid = fork()) == 0) {
		kept_keep("room 3 5 0", &two);
		_exit(kept_rows(rq, "room 3 5 0") != NULL ? 0 : 1);
	}
	assert_true(pid > 0);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	assert_non_null(k = kept_rows(rq, "room 3 5 0"));
	assert_string_equal(db_get(k, 1, "body"), "second");
	kept_clear();
}

/* A worker killed holding the lock: the next one empties, not waits. */
static void
test_kept_holder_died(void **state)
{
	pid_t pid;
	int status;

	(void)state;
	kept_clear();
	kept_keep("room 4 1 0", &two);
	if ((pid = fork()) == 0) {
		ring_lock();
		_exit(0);		/* as if killed mid-copy */
	}
	assert_true(pid > 0);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_null(kept_rows(rq, "room 4 1 0"));	/* emptied */
	kept_keep("room 4 1 0", &two);
	assert_non_null(kept_rows(rq, "room 4 1 0"));	/* and working */
	kept_clear();
}

/* A maker that counts its calls, and keeps or not as told. */
struct maker {
	int		 calls;
	int		 keep;
	char		*text;
	struct db_rows	*rows;		/* what make_rows makes; NULL: two */
};

static const struct db_rows *
make_rows(struct req *r, void *arg, int *keep)
{
	struct maker *m = arg;

	(void)r;
	m->calls++;
	*keep = m->keep;
	return m->rows != NULL ? m->rows : &two;
}

static const char *
make_text(struct req *r, void *arg, int *keep)
{
	struct maker *m = arg;

	(void)r;
	m->calls++;
	*keep = m->keep;
	return m->text;
}

static void
test_kept_get(void **state)
{
	struct maker m = { 0, 1, NULL, NULL };
	const struct db_rows *k;

	(void)state;
	kept_clear();
	k = kept_get(rq, "room 7 1 0", make_rows, &m);
	assert_ptr_equal(k, &two);		/* made: the maker's own */
	k = kept_get(rq, "room 7 1 0", make_rows, &m);
	assert_int_equal(m.calls, 1);		/* kept: not made again */
	assert_ptr_not_equal(k, &two);
	assert_string_equal(k->cell[4], "second");
	assert_non_null(kept_get(rq, NULL, make_rows, &m));
	assert_non_null(kept_get(rq, NULL, make_rows, &m));
	assert_int_equal(m.calls, 3);		/* no key: never kept */
	m.keep = 0;
	kept_get(rq, "room 7 2 0", make_rows, &m);
	kept_get(rq, "room 7 2 0", make_rows, &m);
	assert_int_equal(m.calls, 5);		/* the maker said no */
	kept_clear();
}

/* One row that holds until a time, the shape kept_get_until reads. */
static char	u_id[] = "3", u_until[] = "2027-03-01 10:00:00";
static char	*u_cells[2] = { u_id, u_until };
static const char *u_names[2] = { "id", "until" };
static struct db_rows until_row = { 1, 2, u_cells, u_names };

/* An until of another shape: the second row's note (two, above). */
static const char *
note_until(const struct db_rows *rows)
{
	return rows->nrows == 2 ? db_get(rows, 1, "note") : NULL;
}

/*
 * Rows kept until the clock reaches the time they say: made again from
 * that second on, kept again after; the until read where the caller says.
 */
static void
test_kept_get_until(void **state)
{
	struct maker m = { 0, 1, NULL, &until_row };
	const char *key = "card 3 1";

	(void)state;
	kept_clear();
	kept_get_until(rq, key, make_rows, &m, "2027-03-01 09:00:00", NULL);
	kept_get_until(rq, key, make_rows, &m, "2027-03-01 09:59:59", NULL);
	assert_int_equal(m.calls, 1);		/* before: kept */
	kept_get_until(rq, key, make_rows, &m, "2027-03-01 10:00:00", NULL);
	assert_int_equal(m.calls, 2);		/* reached: made again */
	kept_get_until(rq, NULL, make_rows, &m, "2027-03-02 00:00:00", NULL);
	assert_int_equal(m.calls, 3);		/* no key: made once */
	kept_clear();
	m.calls = 0;
	m.rows = NULL;
	kept_get_until(rq, "two", make_rows, &m, "w", note_until);
	kept_get_until(rq, "two", make_rows, &m, "w", note_until);
	assert_int_equal(m.calls, 1);		/* "w" < "x" */
	kept_get_until(rq, "two", make_rows, &m, "x", note_until);
	assert_int_equal(m.calls, 2);
	kept_clear();
}

static void
test_kept_text(void **state)
{
	char html[] = "<ol>one</ol>";
	struct maker m = { 0, 1, html, NULL };

	(void)state;
	kept_clear();
	assert_string_equal(kept_get_text(rq, "list 1", make_text, &m),
	    "<ol>one</ol>");
	html[1] = 'X';				/* a copy was kept */
	assert_string_equal(kept_get_text(rq, "list 1", make_text, &m),
	    "<ol>one</ol>");
	assert_int_equal(m.calls, 1);
	m.text = NULL;				/* a maker that failed */
	assert_null(kept_get_text(rq, "list 2", make_text, &m));
	assert_null(kept_get_text(rq, "list 2", make_text, &m));
	assert_int_equal(m.calls, 3);		/* nothing was kept */
	kept_clear();
}

/* A built thing that counts how many of its kind are alive. */
static int	alive, nbuilt;

static void *
make_built(struct req *r, void *arg, int *keep)
{
	int *k = arg, *thing;

	(void)r;
	if (*k < 0)			/* a maker that failed */
		return NULL;
	*keep = *k;
	if ((thing = malloc(sizeof(*thing))) == NULL)
		return NULL;
	*thing = ++nbuilt;
	alive++;
	return thing;
}

static void
free_built(void *thing)
{
	alive--;
	free(thing);
}

/*
 * Built things (kept_get_built) follow the rules of rows: made once per
 * key, made again for a new version; one of each kept_def is held, the
 * older freed; without a key, or refused by the maker, made for one
 * request and freed by the next call; rows never push one out.
 */
static void
test_kept_built(void **state)
{
	const int *t;
	int keep = 1, fail = -1, once = 0;
	char key[32];
	size_t i;

	(void)state;
	kept_clear();
	alive = nbuilt = 0;
	t = kept_get_built(NULL, "suggest 41 2026-12-02", make_built,
	    free_built, &keep);
	assert_int_equal(*t, 1);
	t = kept_get_built(NULL, "suggest 41 2026-12-02", make_built,
	    free_built, &keep);
	assert_int_equal(*t, 1);		/* kept: not built again */
	t = kept_get_built(NULL, "index 41 2026-12-02", make_built,
	    free_built, &keep);
	assert_int_equal(*t, 2);		/* another def: its own */
	assert_int_equal(alive, 2);
	t = kept_get_built(NULL, "suggest 42 2026-12-02", make_built,
	    free_built, &keep);
	assert_int_equal(*t, 3);		/* a write: built again ... */
	assert_int_equal(alive, 2);		/* ... the older freed */
	t = kept_get_built(NULL, "suggest 41 2026-12-02", make_built,
	    free_built, &keep);
	assert_int_equal(*t, 4);		/* it is gone for good */
	/* rows filling every entry never push a built thing out */
	for (i = 0; i < RING_SLOTS + 2; i++) {
		snprintf(key, sizeof(key), "room %zu", i);
		kept_keep(key, &two);
	}
	t = kept_get_built(NULL, "index 41 2026-12-02", make_built,
	    free_built, &keep);
	assert_int_equal(*t, 2);
	/* no key, or the maker says no: for this request, freed next call */
	t = kept_get_built(NULL, NULL, make_built, free_built, &keep);
	assert_int_equal(*t, 5);
	assert_int_equal(alive, 3);
	t = kept_get_built(NULL, "suggest 50 x", make_built, free_built, &once);
	assert_int_equal(*t, 6);
	assert_int_equal(alive, 3);		/* the one without a key freed */
	t = kept_get_built(NULL, "suggest 50 x", make_built, free_built, &once);
	assert_int_equal(*t, 7);		/* not kept */
	assert_null(kept_get_built(NULL, "suggest 51 x", make_built,
	    free_built, &fail));
	assert_int_equal(alive, 2);
	kept_clear();
	assert_int_equal(alive, 0);		/* all freed */
}

/*
 * A worker that exits frees its own built things, and leaves the rows
 * its siblings share where they are.
 */
static void
test_kept_exit(void **state)
{
	pid_t pid;
	int status;

	(void)state;
	kept_clear();
	if ((pid = fork()) == 0) {
		int keep = 1;

		kept_keep("room 6 1 0", &two);
		kept_get_built(rq, "suggest 6 x", make_built, free_built, &keep);
		exit(0);		/* its exit handler runs */
	}
	assert_true(pid > 0);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	assert_non_null(kept_rows(rq, "room 6 1 0"));
	kept_clear();
}

/* Every part in its place: keys differ whenever one part does. */
static void
test_kept_key(void **state)
{
	static const char *const watch[] = { "t.c", NULL };
	static const struct kept_def def = { "list", "t_versions", watch,
	    "none" };
	const char *k;

	(void)state;
	assert_null(kept_key(rq, &def, NULL, "i", 1LL));	/* no version */
	assert_string_equal(kept_key(rq, &def, "41", ""), "list 41");
	assert_string_equal(kept_key(rq, &def, "41", "isi", 5LL, "Ann Lee",
	    -3LL), "list 41 5 7:Ann Lee -3");
	assert_string_equal(kept_key(rq, &def, "41", "s", NULL), "list 41 -");
	assert_string_equal(kept_key(rq, &def, "41", "s", ""), "list 41 0:");
	assert_string_equal(kept_key(rq, &def, "41", "s", "-"), "list 41 1:-");
	/* names that run together, a zone that hides a token */
	k = kept_key(rq, &def, "41", "ss", "Ann Lee Bo", "Ek");
	assert_string_not_equal(k, kept_key(rq, &def, "41", "ss", "Ann Lee",
	    "Bo Ek"));
	k = kept_key(rq, &def, "41", "ss", "UTC aaaa", "");
	assert_string_not_equal(k, kept_key(rq, &def, "41", "ss", "UTC",
	    "aaaa"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kept_copy),
		cmocka_unit_test(test_kept_keys),
		cmocka_unit_test(test_kept_too_big),
		cmocka_unit_test(test_kept_bytes),
		cmocka_unit_test(test_kept_probes),
		cmocka_unit_test(test_kept_shared),
		cmocka_unit_test(test_kept_holder_died),
		cmocka_unit_test(test_kept_get),
		cmocka_unit_test(test_kept_get_until),
		cmocka_unit_test(test_kept_text),
		cmocka_unit_test(test_kept_built),
		cmocka_unit_test(test_kept_exit),
		cmocka_unit_test(test_kept_key),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
