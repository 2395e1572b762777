/*
 * The viewer's date that every page counts days from (lib/page.h):
 * their zone's, read once a request, and days to a date from it.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "page.h"
#include "req.h"

/* "YYYY-MM-DD" days after the date s (negative: before). */
static void
day_after(const char *s, int days, char out[11])
{
	struct tm tm;

	memset(&tm, 0, sizeof(tm));
	assert_non_null(strptime(s, "%Y-%m-%d", &tm));
	tm.tm_mday += days;
	(void)timegm(&tm);	/* normalises the day of the month */
	strftime(out, 11, "%Y-%m-%d", &tm);
}

static void
test_days_to(void **state)
{
	struct req *r = req_offline_new();
	const char *today;
	char d[11];
	long long days = 99;

	(void)state;
	today = page_today(r);
	assert_int_equal(page_days_to(r, today, &days), 0);
	assert_int_equal(days, 0);
	day_after(today, 1, d);
	assert_int_equal(page_days_to(r, d, &days), 0);
	assert_int_equal(days, 1);
	day_after(today, -40, d);
	assert_int_equal(page_days_to(r, d, &days), 0);
	assert_int_equal(days, -40);
	/* a DATETIME counts by its day */
	day_after(today, 3, d);
	assert_int_equal(page_days_to(r, req_printf(r, "%s 23:59:59", d),
	    &days), 0);
	assert_int_equal(days, 3);
	assert_int_equal(page_days_to(r, NULL, &days), -1);
	assert_int_equal(page_days_to(r, "soon", &days), -1);
	req_offline_free(r);
}

/*
 * Kiritimati (UTC+14) is a day or two ahead of Pago Pago (UTC-11),
 * whatever the hour; a reader's date is read once a request, and again
 * for another zone.
 */
static void
test_reader_dates(void **state)
{
	struct req *r = req_offline_new();
	const char *behind, *ahead;
	long long days;

	(void)state;
	r->user.tz = "Pacific/Pago_Pago";
	behind = page_today(r);
	assert_ptr_equal(page_today(r), behind);	/* once a request */
	r->user.tz = "Pacific/Kiritimati";
	ahead = page_today(r);
	assert_int_equal(page_days_to(r, behind, &days), 0);
	assert_true(days == -1 || days == -2);
	assert_true(strcmp(ahead, behind) > 0);
	req_offline_free(r);
}

/*
 * A zone stored under an old name (before names were made the list's)
 * is read as the list's zone it links to, not as UTC. Samoa (Pago
 * Pago's old name, UTC-11) is a day behind UTC's date before 11:00
 * UTC, Enderbury (Kanton's, UTC+13) a day ahead from 11:00: read as
 * UTC, one of the two would have UTC's date at any hour.
 */
static void
test_old_zone_names(void **state)
{
	struct req *r = req_offline_new();
	const char *utc;

	(void)state;
	utc = page_today_in(r, NULL);
	assert_string_equal(page_today_in(r, "Pacific/Samoa"),
	    page_today_in(r, "Pacific/Pago_Pago"));
	assert_string_equal(page_today_in(r, "Pacific/Enderbury"),
	    page_today_in(r, "Pacific/Kanton"));
	assert_true(strcmp(page_today_in(r, "Pacific/Samoa"), utc) < 0 ||
	    strcmp(page_today_in(r, "Pacific/Enderbury"), utc) > 0);
	assert_string_equal(page_today_in(r, "Etc/UTC"), utc);
	assert_string_equal(page_today_in(r, "No/Such_Zone"), utc);
	req_offline_free(r);
}

/*
 * A date where someone lives, at a given moment: the day a milestone
 * was applied is its applier's (lib/remind.c). At 09:59 UTC Kiritimati
 * (UTC+14) still has UTC's date and at 10:00 the next; Pago Pago
 * (UTC-11) has the day before until 11:00.
 */
static void
test_dates_at_a_moment(void **state)
{
	struct req *r = req_offline_new();
	struct tm tm = { .tm_year = 126, .tm_mon = 11, .tm_mday = 6,
	    .tm_hour = 9, .tm_min = 59 };
	time_t t = timegm(&tm);

	(void)state;
	assert_string_equal(page_date_in(r, "Pacific/Kiritimati", t),
	    "2026-12-06");
	assert_string_equal(page_date_in(r, "Pacific/Kiritimati", t + 60),
	    "2026-12-07");
	assert_string_equal(page_date_in(r, "Pacific/Pago_Pago", t + 60 * 60),
	    "2026-12-05");
	assert_string_equal(page_date_in(r, "Pacific/Pago_Pago",
	    t + 61 * 60), "2026-12-06");
	assert_string_equal(page_date_in(r, NULL, t), "2026-12-06");
	assert_string_equal(page_date_in(r, "Pacific/Samoa", t), "2026-12-05");
	assert_string_equal(page_date_in(r, "No/Such_Zone", t), "2026-12-06");
	/* summer time: New York is UTC-4 on 1 July, UTC-5 in December */
	tm.tm_mon = 6, tm.tm_mday = 1, tm.tm_hour = 3, tm.tm_min = 30;
	t = timegm(&tm);
	assert_string_equal(page_date_in(r, "America/New_York", t),
	    "2026-06-30");
	assert_string_equal(page_date_in(r, "America/New_York", t + 60 * 60),
	    "2026-07-01");
	req_offline_free(r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_days_to),
		cmocka_unit_test(test_reader_dates),
		cmocka_unit_test(test_old_zone_names),
		cmocka_unit_test(test_dates_at_a_moment),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
