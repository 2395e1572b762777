/*
 * The key a thread's entries are kept under (cgi-bin/threads/show.c,
 * entries_key) and its small label helpers. Readers who see no form share
 * one key; anything the part shows, forms and their CSRF token included,
 * changes it. The program's page files are included to reach their static
 * functions (as lighttpd's test_mod_alias.c includes mod_alias.c).
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

#include "../../cgi-bin/threads/main.c"
#include "../../cgi-bin/threads/atom.c"
#include "../../cgi-bin/threads/entries.c"
#include "../../cgi-bin/threads/form.c"
#include "../../cgi-bin/threads/list.c"
#include "../../cgi-bin/threads/show.c"
#include "kept_watch.h"

struct view {
	int		 owner, can_comment, open;
	const char	*version, *kind, *tz, *csrf;
	long long	 before;
};

static const struct view reader = { 0, 0, 1, "12", NULL, "UTC", "aaaa", 0 };

static const char *
key_of(struct req *r, const struct view *v)
{
	struct thread t;

	memset(&t, 0, sizeof(t));
	t.id = 3;
	t.version = v->version;
	t.is_owner = v->owner;
	t.can_comment = v->can_comment;
	t.m.is_open = v->open;
	r->user.tz = v->tz;
	r->csrf = v->csrf;
	return entries_key(r, &t, v->kind, v->before);
}

static void
test_entries_key(void **state)
{
	struct req *r = req_offline_new();
	struct view v[8], same;
	char *k0;
	const char *k;
	size_t i, nv = 0;

	(void)state;
	k0 = strdup(key_of(r, &reader));
	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++)
		v[i] = reader;
	v[nv++].version = "13";			/* a write */
	v[nv++].kind = "lesson";		/* a filter */
	v[nv++].before = 40;			/* an older page */
	v[nv++].tz = "Asia/Tokyo";		/* another zone */
	v[nv++].owner = 1;			/* the owner's tools */
	v[nv].can_comment = 1;			/* the mentor's form */
	nv++;
	for (i = 0; i < nv; i++) {
		k = key_of(r, &v[i]);
		assert_non_null(k);
		if (strcmp(k, k0) == 0)
			fail_msg("view %zu shares the key %s", i, k0);
	}
	/* readers without a form: one key, whatever their CSRF token */
	same = reader;
	same.csrf = "bbbb";
	assert_string_equal(key_of(r, &same), k0);
	/* the mentor's form of an ended mentorship is not shown */
	same.can_comment = 1;
	same.open = 0;
	assert_string_equal(key_of(r, &same), k0);
	/* with a form, the token is part of what is shown */
	v[0] = reader;
	v[0].owner = 1;
	v[1] = v[0];
	v[1].csrf = "bbbb";
	k = key_of(r, &v[0]);
	assert_string_not_equal(key_of(r, &v[1]), k);
	/* a zone cannot pass for a zone plus a token */
	v[0] = reader;
	v[0].owner = 1;
	v[0].tz = "UTC aaaa";
	v[0].csrf = "";
	v[1] = reader;
	v[1].owner = 1;
	v[1].tz = "UTC";
	v[1].csrf = "aaaa";
	k = key_of(r, &v[0]);
	assert_string_not_equal(key_of(r, &v[1]), k);
	/* no version: never kept */
	v[0] = reader;
	v[0].version = NULL;
	assert_null(key_of(r, &v[0]));
	free(k0);
	req_offline_free(r);
}

/* The section name page_form shows for a chosen option. */
static void
test_choice_key(void **state)
{
	static const struct {
		const char	*prefix, *value, *key;
	} cases[] = {
		{ "KIND_", "lesson", "KIND_LESSON" },
		{ "KIND_", "question", "KIND_QUESTION" },
		{ "VIS_", "mentorship", "VIS_MENTORSHIP" },
		{ "KIND_", "", "KIND_" },
	};
	struct req *r = req_offline_new();
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		assert_string_equal(choice_key(r, cases[i].prefix,
		    cases[i].value), cases[i].key);
	req_offline_free(r);
}

/* Every kind an entry can have is shown by a name, never raw. */
static void
test_kind_label(void **state)
{
	size_t i;
	static const struct {
		const char	*kind, *label;
	} cases[] = {
		{ "assumption", "Assumption" }, { "experiment", "Experiment" },
		{ "failure", "Failure" }, { "breakthrough", "Breakthrough" },
		{ "lesson", "Lesson" }, { "update", "Update" },
		{ "Lesson", "Entry" }, { "", "Entry" }, { "no-such", "Entry" },
	};
	size_t n = 0;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		assert_string_equal(entry_kind_label(cases[i].kind), cases[i].label);
	/* one label per kind, and every kind is in the table above */
	while (entry_kinds[n] != NULL)
		n++;
	assert_int_equal(n, 6);
	assert_null(entry_kind_labels[n]);
}

/* Every column the kept entries part shows is watched (lib/kept.h). */
static void
test_entries_watch(void **state)
{
	static const struct {
		const char	*sql, *aliases;
	} shown[] = {
		{ ENTRIES_SQL("AND e.kind = ?"), "e=thread_entries" },
		{ comments_sql, "c=thread_comments e=thread_entries u=users" },
	};
	const char *miss;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(shown) / sizeof(shown[0]); i++)
		if ((miss = watch_missing(&entries_kept, shown[i].sql,
		    shown[i].aliases)) != NULL)
			fail_msg("a thread page shows %s: add it to "
			    "entries_watch and to sql/095's triggers", miss);
	if ((miss = watch_missing(&calendar_kept, CALENDAR_SQL,
	    "e=thread_entries")) != NULL)
		fail_msg("the calendar counts %s: add it to calendar_watch and "
		    "to sql/095's triggers", miss);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_entries_key),
		cmocka_unit_test(test_choice_key),
		cmocka_unit_test(test_kind_label),
		cmocka_unit_test(test_entries_watch),
	};

	(void)test_routes;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
