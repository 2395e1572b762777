/*
 * kept: rows come back as they were kept (NULL cells stay NULL), under
 * their exact key only; a key kept again holds the new rows; the least
 * recently used goes when the cache is full; results over KEPT_MAX are
 * not kept. db_rows_copy is what it stores, so it is checked here too.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "kept.h"

static char	c1[] = "1", c2[] = "first", c4[] = "2", c5[] = "second",
		c6[] = "x";
static char	*cells[6] = { c1, c2, NULL, c4, c5, c6 };
static const char *names[3] = { "id", "body", "note" };
static struct db_rows two = { 2, 3, cells, names };

static void
test_kept_copy(void **state)
{
	struct db_rows *c;
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
	free(c);
}

static void
test_kept_keys(void **state)
{
	const struct db_rows *k;
	struct db_rows one = { 1, 3, cells + 3, names };

	(void)state;
	kept_clear();
	assert_null(kept_rows("room 1 9 0"));
	kept_keep("room 1 9 0", &two);
	k = kept_rows("room 1 9 0");
	assert_non_null(k);
	assert_int_equal(k->nrows, 2);
	assert_string_equal(db_get(k, 1, "body"), "second");
	assert_null(kept_rows("room 1 9 1"));	/* another version */
	assert_null(kept_rows("room 1 9"));
	kept_keep("room 1 9 0", &one);		/* the same key, new rows */
	k = kept_rows("room 1 9 0");
	assert_int_equal(k->nrows, 1);
	assert_string_equal(db_get(k, 0, "body"), "second");
	kept_clear();
	assert_null(kept_rows("room 1 9 0"));
}

static void
test_kept_lru(void **state)
{
	char key[32];
	int i;

	(void)state;
	kept_clear();
	for (i = 0; i < KEPT_ENTRIES; i++) {
		snprintf(key, sizeof(key), "k%d", i);
		kept_keep(key, &two);
	}
	assert_non_null(kept_rows("k0"));	/* k0 used: k1 is oldest */
	kept_keep("new", &two);
	assert_non_null(kept_rows("k0"));
	assert_null(kept_rows("k1"));
	assert_non_null(kept_rows("new"));
	snprintf(key, sizeof(key), "k%d", KEPT_ENTRIES - 1);
	assert_non_null(kept_rows(key));
	kept_clear();
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
	assert_null(kept_rows("big"));
	free(big);
}

/* Many results that fit one by one: the oldest go to stay in KEPT_BYTES. */
static void
test_kept_bytes(void **state)
{
	size_t each = KEPT_MAX / 2, n = KEPT_BYTES / each + 2, i;
	char *body = malloc(each), *c[1], key[32];
	const char *col[1] = { "body" };
	struct db_rows rows = { 1, 1, c, col };

	(void)state;
	assert_non_null(body);
	memset(body, 'a', each - 1);
	body[each - 1] = '\0';
	c[0] = body;
	kept_clear();
	for (i = 0; i < n; i++) {
		snprintf(key, sizeof(key), "b%zu", i);
		kept_keep(key, &rows);
		assert_non_null(kept_rows(key));
	}
	assert_null(kept_rows("b0"));		/* over the budget: gone */
	snprintf(key, sizeof(key), "b%zu", n - 1);
	assert_non_null(kept_rows(key));
	assert_true(n - 1 < KEPT_ENTRIES);	/* the bytes decided, not the count */
	kept_clear();
	free(body);
}

static void
test_kept_text(void **state)
{
	char html[] = "<ol>one</ol>";

	(void)state;
	kept_clear();
	assert_null(kept_text("list 1"));
	kept_keep_text("list 1", html);
	html[1] = 'X';				/* a copy was kept */
	assert_string_equal(kept_text("list 1"), "<ol>one</ol>");
	assert_null(kept_text("list 2"));
	kept_keep("rows", &two);		/* rows are not text */
	assert_null(kept_text("rows"));
	kept_clear();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kept_copy),
		cmocka_unit_test(test_kept_keys),
		cmocka_unit_test(test_kept_lru),
		cmocka_unit_test(test_kept_too_big),
		cmocka_unit_test(test_kept_bytes),
		cmocka_unit_test(test_kept_text),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
