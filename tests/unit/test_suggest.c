/*
 * suggest: each part of a score is true of the data and said in words;
 * mentors with no room, no shared language (both named some), or who
 * are already the mentee's are never suggested; an empty profile ranks
 * by responsiveness alone. The kept set's SQL reads only watched
 * columns.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

/* the module itself, to reach its SQL (as test_people_keys.c does) */
#include "../../lib/suggest.c"
#include "kept_watch.h"

static const struct suggest_mentor mentors[] = {
	/* id, headline, bio, skills, languages, timezone, room, answered, idle,
	   choices, intake */
	{ 1, "Fundraising coach", "I help new charities with fundraising and "
	    "grant writing.", "fundraising, grants, public speaking",
	    "English, Español", "Europe/Madrid", 1, 3, 2, NULL, NULL },
	{ 2, "Go engineer", "Backend systems in Go.", "go, sql",
	    "English", "America/New_York", 2, 0, -1, NULL, NULL },
	{ 3, "Full mentor", "Fundraising expert", "fundraising", "English",
	    "UTC", 0, 9, 0, NULL, NULL },
	{ 4, "French only", "Fundraising for NGOs", "fundraising", "Français",
	    "Europe/Paris", 3, 1, 40, NULL, NULL },
	{ 5, "Already mine", "Fundraising", "fundraising", "", "UTC", 2, 0, 0,
	    NULL, NULL },
	{ 6, "Very responsive", "Design", "figma", "", "UTC", 5, 20, 0, NULL,
	    NULL },
};
#define NM (sizeof(mentors) / sizeof(mentors[0]))

static void
test_suggest_reasons(void **state)
{
	static const long long mine[] = { 5 };
	struct suggest_mentee e = {
		.id = 100, .looking_for = "Fundraising, Public Speaking, cooking",
		.languages = "español", .timezone = "Europe/London",
		.text = { "", "Raise money through grants", "New charity worker; grant writer",
		    "" },
		.mentors = mine, .nmentors = 1,
	};
	struct suggest_set *s = suggest_set_new(mentors, NM);
	struct suggest_fit fit[NM], best[3];
	char why[SUGGEST_WHY];
	size_t n;

	(void)state;
	assert_non_null(s);
	assert_int_equal(suggest_score(s, &e, fit), 0);
	assert_string_equal(fit[2].excluded, "this mentor has no place left.");
	assert_string_equal(fit[3].excluded, "they have no language in common.");
	assert_string_equal(fit[4].excluded, "they are a pair already.");
	assert_string_equal(fit[1].excluded, "they have no language in common.");
	assert_null(fit[5].excluded);	/* named no language: may be asked */
	/* counted, for a mentee no mentor can take */
	suggest_excluded_counts(fit, NM, why);
	assert_string_equal(why, "1 is their mentor already, 1 has no place "
	    "left, 2 share no language with them");
	assert_int_equal(fit[0].skills, 2);
	assert_true(fit[0].words > 0);
	assert_int_equal(fit[0].language, 1);
	assert_int_equal(fit[0].hours, 1);
	n = suggest_top(fit, NM, 3, best);
	assert_int_equal(n, 2);
	assert_int_equal(best[0].mentor, 0);
	assert_int_equal(best[1].mentor, 5);
	/* "grant" of the headline is "grants" of the goals: said once */
	suggest_why(s, &e, &best[0], NULL, 0, why);
	assert_string_equal(why, "has 2 of the skills you want: fundraising, "
	    "public speaking; writes about grants, as your goals do; "
	    "speaks Español, as you do; is 1 hour from your time zone; "
	    "can take 1 more mentee; "
	    "answered 3 requests; was active this week");
	/* the same about her, to her mentor or organisers */
	suggest_why(s, &e, &best[0], "Ana", 0, why);
	assert_string_equal(why, "has 2 of the skills Ana wants: fundraising, "
	    "public speaking; writes about grants, as Ana's goals do; "
	    "speaks Español, as Ana does; is 1 hour from Ana's time zone; "
	    "can take 1 more mentee; "
	    "answered 3 requests; was active this week");
	/* and to the mentor, after "you" (the mail of a proposal) */
	suggest_why(s, &e, &best[0], "Ana", 1, why);
	assert_string_equal(why, "have 2 of the skills Ana wants: fundraising, "
	    "public speaking; write about grants, as Ana's goals do; "
	    "speak Español, as Ana does; are 1 hour from Ana's time zone");
	/*
	 * A name of 80 four-byte characters: "Ana's" is cut to 127 bytes
	 * and the reasons to SUGGEST_WHY, each between characters (they are
	 * stored, and MariaDB refuses a split one).
	 */
	{
		char name[80 * 4 + 1] = "";
		size_t i;

		for (i = 0; i < 80; i++)
			strcat(name, "\xf0\x9f\x8c\xb1");	/* 🌱 */
		suggest_why(s, &e, &best[0], name, 0, why);
		assert_true(strlen(why) > SUGGEST_WHY - 8);	/* it was cut */
		assert_true(req_utf8_valid(why, strlen(why)));
		assert_non_null(strstr(why, "\xf0\x9f\x8c\xb1's goals do"));
	}
	/* a word as common as "and" is no reason, though both write it */
	e.text[SUGGEST_GOALS] = "Raise money and grants and more";
	suggest_score(s, &e, fit);
	suggest_why(s, &e, &fit[0], NULL, 0, why);
	assert_null(strstr(why, "about and"));
	assert_non_null(strstr(why, "writes about grants"));
	suggest_set_free(s);
}

/*
 * A programme's choice question asked of both ("Which track?"): the
 * same choice counts, the same words under another question do not,
 * and the reasons name the choices made alike. Equal otherwise, the
 * mentor of the same track comes first though listed second.
 */
static void
test_suggest_choices(void **state)
{
	static const struct suggest_mentor two[] = {
		{ 1, "Coach", "", "coaching", "", "UTC", 2, 0, 0,
		    "7:Engineering\n9:Design", NULL },
		{ 2, "Coach", "", "coaching", "", "UTC", 2, 0, 0,
		    "7:Design\n9:Remote", NULL },
	};
	struct suggest_mentee e = {
		.id = 100, .looking_for = "coaching", .timezone = "UTC",
		.choices = "7:Design\n9:Remote",
	};
	struct suggest_set *s = suggest_set_new(two, 2);
	struct suggest_fit fit[2], best[2];
	char why[SUGGEST_WHY];

	(void)state;
	assert_non_null(s);
	assert_int_equal(suggest_score(s, &e, fit), 0);
	assert_int_equal(fit[0].same, 0);	/* Design, but as track 9 */
	assert_int_equal(fit[1].same, 2);
	assert_int_equal(fit[1].score - fit[0].score, 20);
	assert_int_equal(suggest_top(fit, 2, 2, best), 2);
	assert_int_equal(best[0].mentor, 1);
	suggest_why(s, &e, &best[0], "Ana", 0, why);
	assert_non_null(strstr(why, "answered 2 of the programme's questions "
	    "as Ana did: Design, Remote"));
	suggest_why(s, &e, &best[1], NULL, 0, why);
	assert_null(strstr(why, "programme's questions"));
	/* none answered: nothing counted, nothing said */
	e.choices = NULL;
	assert_int_equal(suggest_score(s, &e, fit), 0);
	assert_int_equal(fit[1].same, 0);
	suggest_set_free(s);
}

static void
test_suggest_empty_profile(void **state)
{
	struct suggest_mentee e = { .id = 100, .timezone = "UTC" };
	struct suggest_set *s = suggest_set_new(mentors, NM);
	struct suggest_fit fit[NM], best[10];
	size_t n;

	(void)state;
	assert_true(suggest_empty(&e));
	assert_int_equal(suggest_score(s, &e, fit), 0);
	n = suggest_top(fit, NM, 10, best);
	assert_int_equal(n, 5);	/* all but the full one */
	assert_int_equal(best[0].mentor, 5);	/* room 5, 20 answered, today */
	assert_int_equal(best[n - 1].mentor, 1);	/* never active */
	suggest_set_free(s);
}

/*
 * A word every mentor writes scores nothing (its idf is near 0), so no
 * reason names it: the board said "writes about leadership" of every
 * mentor of a programme whose profiles all had it (found walking the
 * product).
 */
static void
test_suggest_reasons_name_words_that_score(void **state)
{
	static const struct suggest_mentor all[] = {
		{ 1, "Leadership coach", "Leadership and kubernetes.", "", "",
		    "UTC", 2, 0, -1, NULL, NULL },
		{ 2, "Leadership mentor", "Leadership for new leads.", "", "",
		    "UTC", 2, 0, -1, NULL, NULL },
		{ 3, "Leadership", "Leadership of teams.", "", "", "UTC", 2, 0,
		    -1, NULL, NULL },
	};
	struct suggest_mentee e = { .id = 100, .timezone = "UTC",
	    .text = { "", "", "", "leadership kubernetes" } };
	struct suggest_set *s = suggest_set_new(all, 3);
	struct suggest_fit fit[3];
	char why[SUGGEST_WHY];

	(void)state;
	assert_non_null(s);
	assert_int_equal(suggest_score(s, &e, fit), 0);
	suggest_why(s, &e, &fit[0], NULL, 0, why);
	assert_non_null(strstr(why, "writes about kubernetes, as your"));
	assert_null(strstr(why, "leadership"));
	suggest_why(s, &e, &fit[1], NULL, 0, why);
	assert_null(strstr(why, "writes about"));
	assert_int_equal(fit[1].words, 0);
	suggest_set_free(s);
}

/* Every column of the kept directory set is watched (lib/kept.h). */
static void
test_suggest_kept_watch(void **state)
{
	(void)state;
	assert_null(watch_missing(&suggest_kept, SQL_LISTED,
	    "u=users m=mentorships k=user_skills"));
	/* a column not in the list is named */
	assert_string_equal(watch_missing(&suggest_kept, "SELECT u.email "
	    "FROM users u", "u=users"), "users.email");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_suggest_reasons),
		cmocka_unit_test(test_suggest_choices),
		cmocka_unit_test(test_suggest_empty_profile),
		cmocka_unit_test(test_suggest_reasons_name_words_that_score),
		cmocka_unit_test(test_suggest_kept_watch),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
