/*
 * The directory's kept rows and word index (cgi-bin/people/directory.c):
 * every column its queries read is in dir_watch, the list the triggers
 * of sql/093 and sql/111 must watch (tests/integration/test_kept_watch.py
 * checks them); and its keys change with each part of what a page
 * shows. The program's page files are included to reach their static
 * functions, as lighttpd's test_mod_alias.c includes mod_alias.c.
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

#include "../../cgi-bin/people/main.c"
#include "../../cgi-bin/people/directory.c"
#include "../../cgi-bin/people/profile.c"
#include "../../cgi-bin/people/settings.c"
#include "../../cgi-bin/people/suggestions.c"
#include "kept_watch.h"

#define DIR_ALIASES	"u=users m=mentorships k=user_skills s=user_skills"

static void
test_dir_watch(void **state)
{
	static const char *const sql[] = {
		SQL_ALL, SQL_ALL_NULL, SQL_SKILL, SQL_SKILL_NULL, SQL_LISTED
	};
	const char *miss;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(sql) / sizeof(sql[0]); i++)
		if ((miss = watch_missing(&dir_kept, sql[i], DIR_ALIASES)) !=
		    NULL)
			fail_msg("the directory reads %s: add it to dir_watch "
			    "and to the triggers that move directory_version",
			    miss);
	assert_ptr_equal(dir_index_kept.watch, dir_kept.watch);
	/* the check itself: a column not listed is found */
	assert_string_equal(watch_missing(&dir_kept, "SELECT u.id, "
	    "u.pronouns FROM users u", DIR_ALIASES), "users.pronouns");
	assert_null(watch_missing(&dir_kept, "SELECT u.id, u.headline, "
	    "x.other FROM users u", DIR_ALIASES));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dir_watch),
	};

	(void)test_routes;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
