/*
 * The reminder rules' windows (lib/remind.c). Each rule about a date
 * ahead says its days ahead (lo to hi), counted on the recipient's date
 * (rule_due), and reads its candidates in a window of UTC's days a day
 * wider each side: a recipient's date is UTC's or the day either side.
 * The two are written side by side in the rules table; this keeps them
 * together. The one-day review reminder is wider ahead only (its
 * comment says why), so a window may start at lo but never later.
 * The file is included to reach the table.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "../../lib/remind.c"

/* UTC_DATE()'s offset at s: "UTC_DATE()", "... + INTERVAL n DAY", "- ...". */
static int
utc_offset(const char *s, int *days)
{
	char sign;
	int n;

	if (strncmp(s, "UTC_DATE()", 10) != 0)
		return -1;
	if (sscanf(s + 10, " %c INTERVAL %d DAY", &sign, &n) != 2 ||
	    (sign != '+' && sign != '-')) {
		*days = 0;
		return 0;
	}
	*days = sign == '+' ? n : -n;
	return 0;
}

/* The window "BETWEEN from AND to" of a rule's statement, in days. */
static void
window(const char *sql, int *from, int *to)
{
	const char *between = strstr(sql, " BETWEEN "), *and;

	assert_non_null(between);
	between += strlen(" BETWEEN ");
	assert_non_null(and = strstr(between, " AND "));
	assert_int_equal(utc_offset(between, from), 0);
	assert_int_equal(utc_offset(and + strlen(" AND "), to), 0);
	assert_null(strstr(and, " BETWEEN "));	/* one window a rule */
}

static void
test_windows_hold_the_days_ahead(void **state)
{
	size_t i, n = 0;
	int from, to;

	(void)state;
	for (i = 0; i < sizeof(rules) / sizeof(rules[0]); i++) {
		if (rules[i].when != W_AHEAD && rules[i].when != W_AHEAD_PAIR)
			continue;
		window(rules[i].sql, &from, &to);
		if (to != rules[i].hi + 1 || from < rules[i].lo - 1 ||
		    from > rules[i].lo)
			fail_msg("%s: days %d to %d read in UTC's %d to %d",
			    rules[i].event, rules[i].lo, rules[i].hi, from, to);
		n++;
	}
	assert_int_equal(n, 3);	/* review-7d, review-1d, milestone-3d */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_windows_hold_the_days_ahead),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
