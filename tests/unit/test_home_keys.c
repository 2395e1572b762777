/*
 * The dashboard's kept "New for you" list (cgi-bin/home.c new_kept):
 * every column its SQL reads is watched, and its key names the viewer
 * beside the version of their count; and the same for its kept cards
 * (lib/mine.c). cgi-bin/home.c is included, as in
 * test_room_keys.c, to reach its statics.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "app.h"
#undef APP_MAIN_KEPT
#define APP_MAIN_KEPT(name, table, kept) \
	const struct route *const test_routes = (table);

#include "../../cgi-bin/home.c"
#include "kept_watch.h"

/* Every column the kept list shows, filters or sorts by is watched. */
static void
test_new_watch(void **state)
{
	const char *miss;

	(void)state;
	miss = watch_missing(&new_kept, new_sql, "n=notifications");
	if (miss != NULL)
		fail_msg("the dashboard's new notifications read %s: add it "
		    "to new_watch and to sql/315's triggers", miss);
	assert_ptr_equal(kept[1], &new_kept);
}

/*
 * Every column a mentorship's kept card reads is watched (lib/mine.c),
 * the dashboard and /mentorships keep it.
 */
static void
test_card_watch(void **state)
{
	const char *miss;

	(void)state;
	miss = watch_missing(&mine_kept, mine_card_sql, "m=mentorships "
	    "x=meetings e=stage_events t=mentorship_milestones");
	if (miss != NULL)
		fail_msg("a mentorship's card reads %s: add it to card_watch "
		    "and to sql/290's triggers", miss);
	assert_ptr_equal(kept[2], &mine_kept);
	assert_string_equal(mine_kept.version, "mentorship_versions");
}

/* Two viewers, or two versions, never share a key; no version, no key. */
static void
test_new_key(void **state)
{
	struct req r;
	const char *a, *b, *c;

	(void)state;
	memset(&r, 0, sizeof(r));
	r.arena = arena_new();
	a = kept_key(&r, &new_kept, "41", "i", 7LL);
	b = kept_key(&r, &new_kept, "41", "i", 8LL);
	c = kept_key(&r, &new_kept, "42", "i", 7LL);
	assert_non_null(a);
	assert_string_not_equal(a, b);
	assert_string_not_equal(a, c);
	assert_string_equal(a, kept_key(&r, &new_kept, "41", "i", 7LL));
	assert_null(kept_key(&r, &new_kept, NULL, "i", 7LL));
	arena_free(r.arena);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_new_watch),
		cmocka_unit_test(test_new_key),
		cmocka_unit_test(test_card_watch),
	};

	(void)test_routes;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
