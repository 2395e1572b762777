/*
 * The keys a programme's dashboard figures are kept under
 * (cgi-bin/programmes/dashboard.c) and their watch lists: every column
 * the figures' SQL reads is watched (tests/unit/kept_watch.h), so that a
 * figure reading a new column fails here, naming it, before a trigger
 * could miss it (tests/integration/test_kept_watch.py holds the
 * triggers to the list). The page file is included to reach its
 * statics; what it calls of main.c is stubbed.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "../../cgi-bin/programmes/dashboard.c"
#include "kept_watch.h"

int
prog_manage(struct req *r, struct prog *p)
{
	(void)r;
	(void)p;
	return -1;
}

void
prog_head(struct tdict *d, const struct prog *p, const char *tab)
{
	(void)d;
	(void)p;
	(void)tab;
}

static void
test_figures_watch(void **state)
{
	static const struct {
		const struct kept_def	*k;
		const char		*sql, *aliases;
	} shown[] = {
		{ &figures_kept, funnel_sql, "i=programme_invitations "
		    "pp=programme_participants m=mentorships e=stage_events" },
		{ &figures_kept, stages_sql, "m=mentorships" },
		{ &figures_kept, outcomes_sql, "g=goals m=mentorships" },
		{ &figures_kept, medians_sql, "e=stage_events m=mentorships" },
		{ &figures_kept, cadence_sql, "m=mentorships g=meetings" },
		{ &figures_kept, surveys_sql, "s=surveys a=survey_answers" },
		{ &figures_kept, clock_sql, "m=mentorships x=room_messages "
		    "g=meetings" },
		{ &figures_kept, week_meetings_sql, "m=mentorships g=meetings" },
		{ &weeks_kept, weeks_sql, "m=mentorships w=pair_weeks" },
	};
	const char *miss;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(shown) / sizeof(shown[0]); i++)
		if ((miss = watch_missing(shown[i].k, shown[i].sql,
		    shown[i].aliases)) != NULL)
			fail_msg("the dashboard shows %s: add it to %s's watch "
			    "and to sql/270's triggers", miss, shown[i].k->name);
	/* the check itself: a column left out is named */
	assert_string_equal(watch_missing(&weeks_kept, "SELECT m.focus FROM "
	    "mentorships m", "m=mentorships"), "mentorships.focus");
}

/* A figure, a programme, a version, a clock: each its own key. */
static void
test_figure_keys(void **state)
{
	struct req *r = req_offline_new();
	const char *k[6];
	size_t i, j;

	(void)state;
	k[0] = kept_key(r, &figures_kept, "12", "is", 3LL, "funnel");
	k[1] = kept_key(r, &figures_kept, "13", "is", 3LL, "funnel");
	k[2] = kept_key(r, &figures_kept, "12", "is", 4LL, "funnel");
	k[3] = kept_key(r, &figures_kept, "12", "is", 3LL, "stages");
	k[4] = kept_key(r, &figures_kept, "12", "iss", 3LL, "cadence",
	    "2026-12-02 06:00:00");
	k[5] = kept_key(r, &figures_kept, "12", "iss", 3LL, "cadence",
	    "2026-12-02 06:00:01");
	for (i = 0; i < 6; i++) {
		assert_non_null(k[i]);
		for (j = 0; j < i; j++)
			if (strcmp(k[i], k[j]) == 0)
				fail_msg("keys %zu and %zu alike: %s", j, i, k[i]);
	}
	/* no version: never kept */
	assert_null(kept_key(r, &weeks_kept, NULL, "iii", 3LL, 0LL, 5LL));
	req_offline_free(r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_figures_watch),
		cmocka_unit_test(test_figure_keys),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
