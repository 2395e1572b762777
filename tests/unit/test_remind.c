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
#include <time.h>

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

static const struct remind_rule *
rule_named(const char *event)
{
	size_t i;

	for (i = 0; i < sizeof(rules) / sizeof(rules[0]); i++)
		if (strcmp(rules[i].event, event) == 0)
			return &rules[i];
	fail_msg("no rule %s", event);
	return NULL;
}

/* A date `days` from the moment t where tz lives, or a UTC timestamp. */
static const char *
date_at(struct req *r, const char *tz, time_t t, int days)
{
	return page_date_in(r, tz, t + (time_t)days * 86400);
}

static const char *
utc_at(struct req *r, time_t t)
{
	struct tm tm;
	char *s = req_printf(r, "%s", "0000-00-00 00:00:00");

	gmtime_r(&t, &tm);
	strftime(s, 20, "%Y-%m-%d %H:%M:%S", &tm);
	return s;
}

/*
 * One candidate row as a rule's statement reads it: due on `due`, for a
 * recipient in tz; its date set at `applied` (UTC) by someone in
 * applier_tz, the recipient (mine) or the other party, with its roadmap
 * (redated 0) or again later (1, sql/401).
 */
static enum remind_due
due_of_set(struct req *r, const char *event, const char *due, const char *tz,
    const char *applied, const char *applier_tz, int mine, int redated,
    long long *days)
{
	static const char *names[] = { "k", "uid", "mid", "other", "focus",
	    "due", "days", "title", "tz", "applied", "applier_tz", "mine",
	    "redated" };
	const char *cell[C_REDATED + 1] = { "k", "1", "1", "Ana", "focus",
	    due, NULL, "A milestone", tz, applied, applier_tz,
	    mine ? "1" : "0", redated ? "1" : "0" };
	struct db_rows c = { 1, C_REDATED + 1, (char **)cell, names };

	return rule_due(r, rule_named(event), &c, 0, days);
}

static enum remind_due
due_of(struct req *r, const char *event, const char *due, const char *tz,
    const char *applied, const char *applier_tz, int mine, long long *days)
{
	return due_of_set(r, event, due, tz, applied, applier_tz, mine, 0,
	    days);
}

/*
 * rule_due on rows made by hand, at this moment: the days ahead counted
 * where the recipient lives; nothing the day a milestone was applied to
 * the party who applied it, nor for one due that day (the applier's
 * day: a roadmap applied in Kiritimati's morning is applied on
 * Kiritimati's date, a day ahead of UTC's).
 */
static void
test_rule_due_on_rows(void **state)
{
	struct req *r = req_offline_new();
	time_t now = time(NULL), hour_ago = now - 3600;
	const char *ago = utc_at(r, hour_ago), *long_ago = utc_at(r,
	    now - 20 * 86400), *kir = "Pacific/Kiritimati";
	/* applied this very moment: today where she lives (an hour ago was
	 * yesterday there from 10:00 to 11:00 UTC, and the test failed) */
	const char *just = utc_at(r, now);
	long long days;

	(void)state;
	/* three days ahead where she lives, applied long ago: told, "3" */
	assert_int_equal(due_of(r, "milestone-3d", date_at(r, kir, now, 3),
	    kir, long_ago, kir, 0, &days), DUE_NOW);
	assert_int_equal(days, 3);
	/* four days ahead: a later pass tells it */
	assert_int_equal(due_of(r, "milestone-3d", date_at(r, kir, now, 4),
	    kir, long_ago, kir, 0, &days), DUE_NOT_YET);
	/* yesterday where she lives: gone by for this rule */
	assert_int_equal(due_of(r, "milestone-3d", date_at(r, kir, now, -1),
	    kir, long_ago, kir, 0, &days), DUE_NEVER);
	/* applied just now: nothing today to the one who applied it */
	assert_int_equal(due_of(r, "milestone-3d", date_at(r, kir, now, 2),
	    kir, just, kir, 1, &days), DUE_NOT_YET);
	/* ... and to the other party, told as any day */
	assert_int_equal(due_of(r, "milestone-3d", date_at(r, kir, now, 2),
	    kir, just, kir, 0, &days), DUE_NOW);
	assert_int_equal(days, 2);
	/* due on the applier's day of applying: news to nobody */
	assert_int_equal(due_of(r, "milestone-3d", date_at(r, kir, hour_ago,
	    0), "UTC", ago, kir, 0, &days), DUE_NEVER);
	/* ... but a date set again to that day is news to the other party */
	assert_int_equal(due_of_set(r, "milestone-3d", date_at(r, kir,
	    hour_ago, 0), "UTC", ago, kir, 0, 1, &days), DUE_NOW);
	/* ... nor overdue, where its own day counts for the overdue mail */
	assert_int_equal(due_of(r, "milestone-overdue", date_at(r, kir,
	    hour_ago, -1), "UTC", ago, kir, 0, &days), DUE_NEVER);
	/* overdue: the day before the recipient's today, applied long ago */
	assert_int_equal(due_of(r, "milestone-overdue", date_at(r, kir, now,
	    -1), kir, long_ago, kir, 0, &days), DUE_NOW);
	/* not overdue while it is still its day where she lives */
	assert_int_equal(due_of(r, "milestone-overdue", date_at(r, kir, now,
	    0), kir, long_ago, kir, 0, &days), DUE_NOT_YET);
	req_offline_free(r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_windows_hold_the_days_ahead),
		cmocka_unit_test(test_rule_due_on_rows),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
