/*
 * The time zone list of the settings form: read from the tz database,
 * in name order (each region's zones together), named for people.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "zone.h"

static const struct { const char *zone, *region, *city; } cases[] = {
	{ "Europe/Berlin", "Europe", "Berlin" },
	{ "America/New_York", "Americas", "New York" },
	{ "America/Argentina/Buenos_Aires", "Americas",
	    "Argentina / Buenos Aires" },
	{ "Indian/Maldives", "Indian Ocean", "Maldives" },
	{ "Atlantic/Reykjavik", "Atlantic Ocean", "Reykjavik" },
	{ "Asia/Ho_Chi_Minh", "Asia", "Ho Chi Minh" },
	{ "UTC", "Other", "UTC" },
};

static void
test_zone_names(void **state)
{
	char rb[64], cb[128];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		assert_string_equal(zone_region(cases[i].zone, rb, sizeof(rb)),
		    cases[i].region);
		assert_string_equal(zone_city(cases[i].zone, cb, sizeof(cb)),
		    cases[i].city);
	}
	/* a small buffer is cut, never overrun */
	assert_true(strlen(zone_city("America/Argentina/Buenos_Aires", cb,
	    8)) < 8);
}

static void
test_zone_list(void **state)
{
	size_t i, n = zone_count();
	int berlin = 0, kolkata = 0;

	(void)state;
	assert_true(n > 300);
	for (i = 0; i < n; i++) {
		if (i > 0)
			assert_true(strcmp(zone_name(i - 1), zone_name(i)) < 0);
		berlin |= strcmp(zone_name(i), "Europe/Berlin") == 0;
		kolkata |= strcmp(zone_name(i), "Asia/Kolkata") == 0;
	}
	assert_true(berlin && kolkata);
	assert_null(zone_name(n));
}

/* The list's own name: old names to the zones they link to, once. */
static void
test_zone_canonical(void **state)
{
	(void)state;
	assert_string_equal(zone_canonical("Europe/Berlin"), "Europe/Berlin");
	assert_string_equal(zone_canonical("Asia/Calcutta"), "Asia/Kolkata");
	assert_string_equal(zone_canonical("Europe/Kiev"), "Europe/Kyiv");
	assert_string_equal(zone_canonical("UTC"), "UTC");
	assert_string_equal(zone_canonical("Etc/UTC"), "UTC");
	assert_string_equal(zone_canonical("Zulu"), "UTC");
	/* listed, though the database links it to Prague's rules */
	assert_string_equal(zone_canonical("Europe/Bratislava"),
	    "Europe/Bratislava");
	/* zones and files that are not of the list */
	assert_null(zone_canonical("Etc/GMT+5"));
	assert_null(zone_canonical("EST5EDT"));
	assert_null(zone_canonical("zone.tab"));
	assert_null(zone_canonical("Europe"));
	assert_null(zone_canonical("../../etc/passwd"));
	assert_null(zone_canonical("Mars/Olympus"));
	assert_null(zone_canonical(NULL));
}

/* Distances from UTC, for the hours apart of a suggestion. */
static void
test_zone_offset(void **state)
{
	long off = 7;

	(void)state;
	assert_int_equal(zone_offset("UTC", &off), 0);
	assert_int_equal(off, 0);
	assert_int_equal(zone_offset("Asia/Kolkata", &off), 0);
	assert_int_equal(off, 19800);		/* +5:30, no summer time */
	assert_int_equal(zone_offset("Europe/Berlin", &off), 0);
	assert_true(off == 3600 || off == 7200);
	/* only names of the list: no paths, no POSIX rules */
	assert_int_equal(zone_offset("../../etc/passwd", &off), -1);
	assert_int_equal(zone_offset("EST5EDT", &off), -1);
	assert_int_equal(zone_offset(NULL, &off), -1);
}

/*
 * Across a change of summer time: Berlin leaves +2 at 01:00 UTC on 25
 * October 2026, New York and Lord Howe (+11 to +10:30, at 15:00 UTC on
 * 4 April) likewise, and Lord Howe goes back to +11 at 15:30 UTC on 3
 * October: within an hour of UTC, so a reading kept for the hour would
 * pass the others. Asked ten minutes before and after, the offset read
 * before is not kept past the change (it was kept for an hour).
 */
static void
test_zone_offset_change(void **state)
{
	static const struct { const char *zone; time_t at; long before,
	    after; } change[] = {
		{ "Europe/Berlin", 1792890000, 7200, 3600 },
		{ "America/New_York", 1793512800, -14400, -18000 },
		{ "Australia/Lord_Howe", 1775314800, 39600, 37800 },
		{ "Australia/Lord_Howe", 1791041400, 37800, 39600 },
	};
	long off;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(change) / sizeof(change[0]); i++) {
		assert_int_equal(zone_offset_at(change[i].zone,
		    change[i].at - 600, &off), 0);
		assert_int_equal(off, change[i].before);
		assert_int_equal(zone_offset_at(change[i].zone,
		    change[i].at + 600, &off), 0);
		assert_int_equal(off, change[i].after);
		/* and back: a reading of later is not kept for earlier */
		assert_int_equal(zone_offset_at(change[i].zone,
		    change[i].at - 1, &off), 0);
		assert_int_equal(off, change[i].before);
	}
}

/* the words of a gap, as both the suggestions and a pair's page say it */
static void
test_zone_gap(void **state)
{
	char b[64];

	(void)state;
	assert_string_equal(zone_gap(3600, b, sizeof(b)), "1 hour");
	assert_string_equal(zone_gap(-7200, b, sizeof(b)), "2 hours");
	assert_string_equal(zone_gap(19800, b, sizeof(b)),
	    "5 hours 30 minutes");	/* UTC and Kolkata, not "6 hours" */
	assert_string_equal(zone_gap(-2700, b, sizeof(b)), "45 minutes");
	assert_string_equal(zone_gap(20700, b, sizeof(b)),
	    "5 hours 45 minutes");	/* Kathmandu */
	assert_string_equal(zone_gap(0, b, sizeof(b)), "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_zone_names),
		cmocka_unit_test(test_zone_list),
		cmocka_unit_test(test_zone_canonical),
		cmocka_unit_test(test_zone_offset),
		cmocka_unit_test(test_zone_offset_change),
		cmocka_unit_test(test_zone_gap),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
