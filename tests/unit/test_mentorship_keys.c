/*
 * The key the mentorship page's rows are kept under
 * (cgi-bin/mentorships/show.c) and its watch list: every column the
 * page's SQL reads is watched (tests/unit/kept_watch.h), so that a field
 * added to the page without it fails here, naming it, before a trigger
 * could miss it (tests/integration/test_kept_watch.py holds sql/290's
 * triggers to the list). The program's files are included to reach
 * their statics; its APP_MAIN_KEPT becomes a reference to its table.
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

#include "../../cgi-bin/mentorships/main.c"
#include "../../cgi-bin/mentorships/agreement.c"
#include "../../cgi-bin/mentorships/calendar.c"
#include "../../cgi-bin/mentorships/checkin.c"
#include "../../cgi-bin/mentorships/contract.c"
#include "../../cgi-bin/mentorships/contract_save.c"
#include "../../cgi-bin/mentorships/focus.c"
#include "../../cgi-bin/mentorships/goals.c"
#include "../../cgi-bin/mentorships/list.c"
#include "../../cgi-bin/mentorships/meetings.c"
#include "../../cgi-bin/mentorships/move.c"
#include "../../cgi-bin/mentorships/next.c"
#include "../../cgi-bin/mentorships/pictures.c"
#include "../../cgi-bin/mentorships/record.c"
#include "../../cgi-bin/mentorships/request.c"
#include "../../cgi-bin/mentorships/review.c"
#include "../../cgi-bin/mentorships/show.c"
#include "../../cgi-bin/mentorships/timeline.c"
#include "../../cgi-bin/mentorships/kept.c"
#include "kept_watch.h"

static void
test_page_watch(void **state)
{
	static const struct {
		const char	*sql, *aliases;
	} shown[] = {
		{ facts_sql, "m=mentorships p=programmes go=goals "
		    "ms=mentorship_milestones mt=meetings g=meetings" },
		{ goals_sql, "g=goals e=stage_events" },
		{ mships_timeline_sql, "e=stage_events m=mentorships u=users "
		    "n=stage_events" },
		{ mships_progress_sql, "x=mentorship_milestones m=mentorships "
		    "g=goals" },
		{ mships_checkins_sql, "k=checkins u=users" },
		{ parties_sql, "u=users" },
	};
	const char *miss;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(shown) / sizeof(shown[0]); i++)
		if ((miss = watch_missing(&show_kept, shown[i].sql,
		    shown[i].aliases)) != NULL)
			fail_msg("the mentorship page shows %s: add it to "
			    "show_watch and to sql/290's triggers", miss);
	/* the check itself: a column left out is named */
	assert_string_equal(watch_missing(&show_kept, "SELECT m.record_secret "
	    "FROM mentorships m", "m=mentorships"),
	    "mentorships.record_secret");
	assert_ptr_equal(mships_kept[0], &show_kept);
}

/* A pair, a version, a stage: each its own key; no version, none. */
static void
test_page_keys(void **state)
{
	struct req *r = req_offline_new();
	const char *k[4];
	size_t i, j;

	(void)state;
	k[0] = kept_key(r, &show_kept, "12", "is", 3LL, "cultivation");
	k[1] = kept_key(r, &show_kept, "13", "is", 3LL, "cultivation");
	k[2] = kept_key(r, &show_kept, "12", "is", 4LL, "cultivation");
	k[3] = kept_key(r, &show_kept, "12", "is", 3LL, "separation");
	for (i = 0; i < 4; i++) {
		assert_non_null(k[i]);
		for (j = 0; j < i; j++)
			if (strcmp(k[i], k[j]) == 0)
				fail_msg("keys %zu and %zu alike: %s", j, i, k[i]);
	}
	assert_null(kept_key(r, &show_kept, NULL, "is", 3LL, "cultivation"));
	req_offline_free(r);
}

/* Rows of several queries kept as one, read back part by part. */
static void
test_page_parts(void **state)
{
	static const char *const an[] = { "title", "status" };
	static const char *const bn[] = { "to_stage", "title" };
	struct req *r = req_offline_new();
	struct db_rows *a = show_rows_new(r, an, 2, 2);
	struct db_rows *b = show_rows_new(r, bn, 2, 1);
	struct db_rows *q[2], *all, p;
	const char *part[2] = { "goals", "events" };
	char g1[] = "G1", g2[] = "G2", open[] = "open", st[] = "cultivation",
	     t[] = "T";

	(void)state;
	a->cell[0] = g1;
	a->cell[1] = open;
	a->cell[2] = g2;
	b->cell[0] = st;
	b->cell[1] = t;
	q[0] = a;
	q[1] = b;
	all = show_join(r, part, q, 2);
	assert_non_null(all);
	assert_int_equal(all->nrows, 3);
	assert_int_equal(all->ncols, 4);	/* part, title, status, to_stage */
	p = mships_part(all, "goals");
	assert_int_equal(p.nrows, 2);
	assert_string_equal(db_get(&p, 1, "title"), "G2");
	assert_string_equal(db_get(&p, 0, "status"), "open");
	assert_null(db_get(&p, 0, "to_stage"));
	p = mships_part(all, "events");
	assert_int_equal(p.nrows, 1);
	assert_string_equal(db_get(&p, 0, "title"), "T");
	assert_string_equal(db_get(&p, 0, "to_stage"), "cultivation");
	assert_null(db_get(&p, 0, "status"));
	p = mships_part(all, "checkins");
	assert_int_equal(p.nrows, 0);
	req_offline_free(r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_page_watch),
		cmocka_unit_test(test_page_keys),
		cmocka_unit_test(test_page_parts),
	};

	(void)test_routes;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
