/*
 * The key a room's message list is kept under (cgi-bin/rooms.c,
 * room_list_key): everything the list shows is in it, so two views that
 * show different things never share a key, and two that show the same
 * thing do. cgi-bin/rooms.c is included, as lighttpd's test_mod_alias.c
 * includes mod_alias.c, to reach its static functions; its APP_MAIN
 * becomes a reference to its route table instead of a main().
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

#include "../../cgi-bin/rooms.c"
#include "kept_watch.h"

/* Three messages, newest first, as the page query returns them. */
static const char *names[] = { "id", "author_id", "body_html",
    "created_at" };
static char c00[] = "30", c01[] = "7", c02[] = "<p>c</p>",
	    c03[] = "2026-12-01 10:20:00",
	    c10[] = "20", c11[] = "8", c12[] = "<p>b</p>",
	    c13[] = "2026-12-01 10:10:00",
	    c20[] = "10", c21[] = "7", c22[] = "<p>a</p>",
	    c23[] = "2026-12-01 09:00:00";
static char *cells[] = { c00, c01, c02, c03, c10, c11, c12, c13,
    c20, c21, c22, c23 };
static struct db_rows rows = { 3, 4, cells, names };

struct view {
	long long	 viewer;
	const char	*tz;
	const char	*mentor, *mentee;
	const char	*version;
	long long	 last_read;
	int		 open;
	const char	*edit_after;
};

/* A view of room 5 (mentor 7, mentee 8) by its mentor. */
static const struct view base = { 7, "Europe/Oslo", "Ann Lee", "Bo Ek",
    "41", 20, 1, "2026-12-01 10:05:00" };

static void
room_of(struct req *r, const struct view *v, struct room *out)
{
	struct room rm;

	memset(&rm, 0, sizeof(rm));
	rm.m.id = 5;
	rm.m.mentor_id = 7;
	rm.m.mentee_id = 8;
	rm.m.mentor_name = v->mentor;
	rm.m.mentee_name = v->mentee;
	rm.m.is_open = v->open;
	rm.version = v->version;
	rm.last_read = v->last_read;
	rm.edit_after = v->edit_after;
	r->user.id = v->viewer;
	r->user.tz = v->tz;
	*out = rm;
}

static const char *
key_of(struct req *r, const struct view *v, size_t n)
{
	struct room rm;

	room_of(r, v, &rm);
	return room_list_key(r, &rm, &rows, n);
}

static const char *
etag_of(struct req *r, const struct view *v)
{
	struct room rm;

	room_of(r, v, &rm);
	return room_etag(r, &rm, &rows, 3);
}

static int
current(struct req *r, const struct view *v, const char *tag)
{
	struct room rm;

	room_of(r, v, &rm);
	return room_etag_current(r, &rm, tag);
}

/*
 * The live list's ETag (issue 20): a change of anything the list shows
 * makes a held tag stale, the edit window's closing included; the read
 * position alone does not (it moves with every view of the newest).
 */
static void
test_room_etag(void **state)
{
	struct req *r = req_offline_new();
	struct view v[8], w = base;
	const char *t0;
	char *held, bad[128];
	size_t i, nv = 0;

	(void)state;
	assert_non_null(r);
	held = strdup(etag_of(r, &base));
	/* mentor 7's message 30 of 10:20 is editable, the oldest such */
	assert_string_equal(strchr(held, '.'), ".2026-12-01T10:20:00Z\"");
	assert_true(current(r, &base, held));
	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++)
		v[i] = base;
	v[nv++].viewer = 8;
	v[nv++].tz = "Asia/Tokyo";		/* times in another zone */
	v[nv++].mentor = "Ann Renamed";
	v[nv++].version = "42";
	v[nv++].open = 0;
	v[nv++].edit_after = "2026-12-01 10:20:00";	/* the window closed */
	for (i = 0; i < nv; i++)
		if (current(r, &v[i], held))
			fail_msg("view %zu: a 304 for a list that changed", i);
	w.last_read = 30;
	assert_true(current(r, &w, held));
	w.edit_after = "2026-12-01 10:19:59";	/* a second before */
	assert_true(current(r, &w, held));
	/* nothing editable: "0", current until something else moves */
	w.edit_after = "2026-12-01 11:00:00";
	t0 = etag_of(r, &w);
	assert_string_equal(strchr(t0, '.'), ".0\"");
	assert_true(current(r, &w, t0));
	/* a tag of any other shape is never current, nor echoed */
	snprintf(bad, sizeof(bad), "%.*s", (int)(strchr(held, '.') - held + 1),
	    held);
	assert_false(current(r, &base, bad));
	snprintf(bad, sizeof(bad), "%s ", held);
	assert_false(current(r, &base, bad));
	snprintf(bad, sizeof(bad), "%.*s2026-12-01T10:20:00Z\r\n\"",
	    (int)(strchr(held, '.') - held + 1), held);
	assert_false(current(r, &base, bad));
	assert_false(current(r, &base, ""));
	w.version = NULL;
	assert_null(etag_of(r, &w));
	assert_false(current(r, &w, held));
	free(held);
	req_offline_free(r);
}

/* Each change of what the list shows: the key must change with it. */
static void
test_room_key_differs(void **state)
{
	struct req *r = req_offline_new();
	struct view v[10];
	const char *k0, *k;
	size_t i, nv = 0;

	(void)state;
	assert_non_null(r);
	k0 = key_of(r, &base, 3);
	assert_non_null(k0);
	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++)
		v[i] = base;
	v[nv++].viewer = 8;				/* the other party */
	v[nv++].tz = "Europe/London";			/* another zone */
	v[nv].mentor = "Ann Lee Bo";			/* names that ...   */
	v[nv++].mentee = "Ek";				/* ... run together */
	v[nv++].version = "42";				/* a write */
	v[nv++].last_read = 30;				/* read further */
	v[nv++].open = 0;				/* ended: no forms */
	v[nv++].edit_after = "2026-12-01 10:25:00";	/* edit time over */
	v[nv++].tz = "";				/* no zone set */
	for (i = 0; i < nv; i++) {
		k = key_of(r, &v[i], 3);
		assert_non_null(k);
		if (strcmp(k, k0) == 0)
			fail_msg("view %zu shares the key %s", i, k0);
	}
	/* fewer rows shown (another page) */
	assert_string_not_equal(key_of(r, &base, 2), k0);
	req_offline_free(r);
}

/* What the list does not show leaves the key alone. */
static void
test_room_key_same(void **state)
{
	struct req *r = req_offline_new();
	struct view v = base;
	char *k0;

	(void)state;
	k0 = strdup(key_of(r, &base, 3));
	assert_string_equal(key_of(r, &base, 3), k0);	/* stable */
	v.edit_after = "2026-12-01 10:06:00";	/* same messages editable */
	assert_string_equal(key_of(r, &v, 3), k0);
	free(k0);
	req_offline_free(r);
}

/* No version, or a row without its HTML: not kept at all. */
static void
test_room_key_none(void **state)
{
	struct req *r = req_offline_new();
	struct view v = base;

	(void)state;
	v.version = NULL;
	assert_null(key_of(r, &v, 3));
	cells[6] = NULL;	/* message 20 has no HTML yet */
	assert_null(key_of(r, &base, 3));
	assert_non_null(key_of(r, &base, 1));	/* the newest alone has */
	cells[6] = c12;
	req_offline_free(r);
}

/* Which messages the viewer may still edit (a static helper). */
static void
test_room_editable(void **state)
{
	static const struct {
		int		 open;
		const char	*after, *created;
		int		 ok;
	} cases[] = {
		{ 1, "2026-12-01 10:05:00", "2026-12-01 10:06:00", 1 },
		{ 1, "2026-12-01 10:05:00", "2026-12-01 10:05:00", 0 },
		{ 1, "2026-12-01 10:05:00", "2026-12-01 10:04:59", 0 },
		{ 0, "2026-12-01 10:05:00", "2026-12-01 10:06:00", 0 },
		{ 1, NULL, "2026-12-01 10:06:00", 0 },
		{ 1, "2026-12-01 10:05:00", NULL, 0 },
	};
	struct room rm;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		memset(&rm, 0, sizeof(rm));
		rm.m.is_open = cases[i].open;
		rm.edit_after = cases[i].after;
		if (room_editable(&rm, cases[i].created) != cases[i].ok)
			fail_msg("case %zu: not %d", i, cases[i].ok);
	}
}

/* Every column the kept rows show is watched (lib/kept.h). */
static void
test_room_watch(void **state)
{
	const char *miss;

	(void)state;
	miss = watch_missing(&room_rows_kept, page_sql,
	    "m=room_messages q=room_messages");
	if (miss != NULL)
		fail_msg("the room page shows %s: add it to room_watch and "
		    "to sql/092's triggers", miss);
	assert_ptr_equal(room_list_kept.watch, room_rows_kept.watch);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_room_key_differs),
		cmocka_unit_test(test_room_key_same),
		cmocka_unit_test(test_room_key_none),
		cmocka_unit_test(test_room_editable),
		cmocka_unit_test(test_room_etag),
		cmocka_unit_test(test_room_watch),
	};

	(void)test_routes;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
