/*
 * Every validator of field_check, valid and invalid values side by side.
 * Each case names the field declaration, the raw value, whether it must
 * pass, and the cleaned value (str) or number it must give.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "arena.h"
#include "field.h"

static const char *const stages[] = { "weekly", "biweekly", "monthly", NULL };

/* Declarations under test. */
static const struct field f_text = { "title", F_TEXT, 1, 5, 1, NULL };
static const struct field f_text_opt = { "headline", F_TEXT, 0, 10, 0, NULL };
static const struct field f_text_min3 = { "name", F_TEXT, 3, 0, 1, NULL };
static const struct field f_multi = { "bio", F_MULTILINE, 0, 20, 0, NULL };
static const struct field f_int = { "capacity", F_INT, 0, 10, 1, NULL };
static const struct field f_int_neg = { "offset", F_INT, -5, 5, 0, NULL };
static const struct field f_int_big = { "id", F_INT, 1, INT64_MAX, 1, NULL };
static const struct field f_email = { "email", F_EMAIL, 3, 254, 1, NULL };
static const struct field f_pw = { "password", F_PASSWORD, 10, 1024, 1, NULL };
static const struct field f_date = { "review_date", F_DATE, 0, 0, 1, NULL };
static const struct field f_time = { "at", F_TIME, 0, 0, 1, NULL };
static const struct field f_slug = { "slug", F_SLUG, 3, 12, 1, NULL };
static const struct field f_choice = { "cadence", F_CHOICE, 0, 0, 1, stages };
static const struct field f_choice_opt = { "cadence", F_CHOICE, 0, 0, 0, stages };
static const struct field f_bool = { "mentor", F_BOOL, 0, 0, 0, NULL };
static const struct field f_tz = { "timezone", F_TIMEZONE, 0, 64, 1, NULL };
static const struct field f_next = { "next", F_NEXT, 0, 500, 0, NULL };

struct fcase {
	const struct field	*f;
	const char		*raw;		/* NULL: absent */
	int			 ok;
	const char		*str;		/* expected v.str when ok */
	long long		 num;		/* expected v.num when ok */
};

#define OK(f, raw, str)		{ &(f), (raw), 1, (str), 0 }
#define OKN(f, raw, num)	{ &(f), (raw), 1, NULL, (num) }
#define NO(f, raw)		{ &(f), (raw), 0, NULL, 0 }

static const struct fcase cases[] = {
	/* F_TEXT: trimmed, one line, length in characters */
	OK(f_text, "abc", "abc"),
	OK(f_text, "  abc\t ", "abc"),
	OK(f_text, "abcde", "abcde"),
	NO(f_text, "abcdef"),
	OK(f_text, "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9",
	    "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"),	/* 5 chars, 10 bytes */
	NO(f_text, "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"),
	OK(f_text, "\xf0\x9f\x98\x80\xf0\x9f\x98\x80",
	    "\xf0\x9f\x98\x80\xf0\x9f\x98\x80"),	/* 2 chars, 8 bytes */
	NO(f_text, ""),				/* required */
	NO(f_text, "   "),			/* blank is absent */
	NO(f_text, NULL),
	NO(f_text, "a\nb"),			/* one line */
	NO(f_text, "a\rb"),
	NO(f_text, "a\x01"),			/* control characters */
	NO(f_text, "a\x7f"),
	NO(f_text, "\xff"),			/* invalid UTF-8 */
	NO(f_text, "\xed\xa0\x80"),
	OK(f_text_opt, NULL, NULL),
	OK(f_text_opt, "", NULL),
	OK(f_text_opt, "  ", NULL),
	OK(f_text_min3, "abc", "abc"),
	NO(f_text_min3, "ab"),
	NO(f_text_min3, " ab "),		/* trimmed before counting */
	OK(f_text_min3, "\xc3\xa9\xc3\xa9\xc3\xa9", "\xc3\xa9\xc3\xa9\xc3\xa9"),
	NO(f_text_min3, "\xc3\xa9\xc3\xa9"),	/* 4 bytes, 2 chars */
	/* spaces that show nothing are blank too: no name of three of them */
	NO(f_text, "\xc2\xa0\xc2\xa0\xc2\xa0"),	/* U+00A0 */
	NO(f_text, "\xe2\x80\x8b\xe2\x80\x8b\xe2\x80\x8b"),	/* U+200B */
	OK(f_text_min3, "\xc2\xa0" "abc\xe3\x80\x80", "abc"),
	NO(f_text_min3, "\xe2\x80\x83" "ab\xef\xbb\xbf"),	/* 2 chars left */
	OK(f_text, "a\xc2\xa0" "b", "a\xc2\xa0" "b"),	/* kept inside */
	OK(f_text, "\xe1\x9a\x80" "a\xe2\x81\x9f", "a"),
	/* F_MULTILINE: newlines kept inside, trimmed around */
	OK(f_multi, "line 1\nline 2", "line 1\nline 2"),
	OK(f_multi, "\r\n  a\r\nb\t\r\n", "a\r\nb"),
	OK(f_multi, "tab\there", "tab\there"),
	NO(f_multi, "01234567890123456789x"),
	NO(f_multi, "bell\x07"),
	OK(f_multi, NULL, NULL),
	/* F_INT */
	OKN(f_int, "0", 0),
	OKN(f_int, "10", 10),
	OKN(f_int, " 7 ", 7),
	OKN(f_int, "007", 7),
	NO(f_int, "11"),
	NO(f_int, "-1"),
	NO(f_int, ""),
	NO(f_int, NULL),
	NO(f_int, "1.5"),
	NO(f_int, "1e3"),
	NO(f_int, "0x5"),
	NO(f_int, "5abc"),
	NO(f_int, "abc"),
	NO(f_int, "5 5"),
	NO(f_int, "--5"),
	NO(f_int, "99999999999999999999"),	/* overflow */
	NO(f_int, "\xd9\xa3"),			/* Arabic-Indic three */
	OKN(f_int_neg, "-5", -5),
	OKN(f_int_neg, "5", 5),
	NO(f_int_neg, "-6"),
	NO(f_int_neg, "6"),
	OKN(f_int_big, "9223372036854775807", INT64_MAX),
	NO(f_int_big, "9223372036854775808"),
	NO(f_int_big, "0"),
	/* F_EMAIL: lower-cased */
	OK(f_email, "ada@example.org", "ada@example.org"),
	OK(f_email, " Ada.Lovelace@Example.ORG ", "ada.lovelace@example.org"),
	OK(f_email, "a+tag@sub.example.co.uk", "a+tag@sub.example.co.uk"),
	OK(f_email, "x_y-z@ex-ample.io", "x_y-z@ex-ample.io"),
	NO(f_email, "plainaddress"),
	NO(f_email, "@example.org"),
	NO(f_email, "ada@"),
	NO(f_email, "ada@example"),
	NO(f_email, "ada@.example.org"),
	NO(f_email, "ada@example.org."),
	NO(f_email, "ada@example..org"),
	NO(f_email, "ada..b@example.org"),
	NO(f_email, "ada@@example.org"),
	NO(f_email, "a@b@example.org"),
	NO(f_email, "ada lovelace@example.org"),
	NO(f_email, "ada@exa mple.org"),
	NO(f_email, "<ada@example.org>"),
	NO(f_email, "ada@example.org\r\nBcc: x@evil.com"),
	NO(f_email, "ada,b@example.org"),
	/* .invalid is where a deleted account's address goes (admin/data.c) */
	NO(f_email, "deleted-42@deleted.invalid"),
	NO(f_email, "x@Deleted.INVALID"),
	OK(f_email, "ada@invalid.org", "ada@invalid.org"),
	NO(f_email, "ada;b@example.org"),
	/* no SMTPUTF8: such an address was taken, then never delivered */
	NO(f_email, "walk3-\xc3\xbc@example.org"),
	NO(f_email, "x@b\xc3\xbc" "cher.example"),
	OK(f_email, "x@xn--bcher-kva.example", "x@xn--bcher-kva.example"),
	NO(f_email, "\"ada\"@example.org"),
	NO(f_email, ""),
	/* F_PASSWORD: never trimmed, length in characters */
	OK(f_pw, "correct horse", "correct horse"),
	OK(f_pw, "  ten chars ", "  ten chars "),
	OK(f_pw, "          ", "          "),	/* ten spaces are ten chars */
	NO(f_pw, "  short  "),			/* 9 characters */
	NO(f_pw, "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"),	/* 10 bytes, 5 chars */
	OK(f_pw, "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
	    "\xc3\xa9\xc3\xa9\xc3\xa9", "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
	    "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"),
	NO(f_pw, ""),
	NO(f_pw, NULL),
	NO(f_pw, "\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff"),
	/* F_DATE: a real calendar date */
	OK(f_date, "2026-11-25", "2026-11-25"),
	OK(f_date, "2024-02-29", "2024-02-29"),	/* leap year */
	OK(f_date, "2000-02-29", "2000-02-29"),	/* divisible by 400 */
	NO(f_date, "1900-02-29"),		/* divisible by 100 */
	NO(f_date, "2100-02-29"),
	NO(f_date, "2025-02-29"),		/* not a leap year */
	OK(f_date, "2025-02-28", "2025-02-28"),
	NO(f_date, "2024-02-30"),
	OK(f_date, "2026-01-31", "2026-01-31"),
	NO(f_date, "2026-04-31"),
	OK(f_date, "2026-12-31", "2026-12-31"),
	NO(f_date, "2026-13-01"),
	NO(f_date, "2026-00-10"),
	NO(f_date, "2026-01-00"),
	NO(f_date, "2026-1-5"),
	NO(f_date, "26-01-05"),
	NO(f_date, "2026/01/05"),
	NO(f_date, "2026-01-05T10:00"),
	NO(f_date, "2026-0a-05"),
	NO(f_date, "+026-01-05"),
	NO(f_date, "0000-01-01"),
	NO(f_date, ""),
	/* F_TIME */
	OK(f_time, "00:00", "00:00"),
	OK(f_time, "23:59", "23:59"),
	OK(f_time, "09:30", "09:30"),
	NO(f_time, "24:00"),
	NO(f_time, "12:60"),
	NO(f_time, "9:30"),
	NO(f_time, "09:3"),
	NO(f_time, "09.30"),
	NO(f_time, "09:30:00"),
	NO(f_time, "ab:cd"),
	NO(f_time, "-1:30"),
	/* F_SLUG */
	OK(f_slug, "ada", "ada"),
	OK(f_slug, "ada-lovelace", "ada-lovelace"),
	OK(f_slug, "a-1-b", "a-1-b"),
	OK(f_slug, "123", "123"),
	NO(f_slug, "ab"),			/* too short */
	NO(f_slug, "abcdefghijklm"),		/* too long */
	NO(f_slug, "Ada"),
	NO(f_slug, "ada_lovelace"),
	NO(f_slug, "ada lovelace"),
	NO(f_slug, "-ada"),
	NO(f_slug, "ada-"),
	NO(f_slug, "ad/a"),
	NO(f_slug, "ad.a"),
	NO(f_slug, "\xc3\xa9t\xc3\xa9"),
	/* F_CHOICE */
	OK(f_choice, "weekly", "weekly"),
	OK(f_choice, "monthly", "monthly"),
	NO(f_choice, "Weekly"),
	NO(f_choice, "yearly"),
	NO(f_choice, "weekly "	"x"),
	NO(f_choice, ""),
	NO(f_choice, NULL),
	OK(f_choice_opt, NULL, NULL),
	NO(f_choice_opt, "daily"),
	/* F_BOOL */
	OKN(f_bool, "1", 1),
	OKN(f_bool, "on", 1),
	OKN(f_bool, NULL, 0),
	OKN(f_bool, "", 0),
	NO(f_bool, "yes"),
	NO(f_bool, "2"),
	NO(f_bool, "true"),
	/* F_TIMEZONE: IANA names from the zone database */
	OK(f_tz, "UTC", "UTC"),
	OK(f_tz, "Europe/Berlin", "Europe/Berlin"),
	OK(f_tz, "America/Argentina/Buenos_Aires",
	    "America/Argentina/Buenos_Aires"),
	OK(f_tz, "Etc/GMT+5", "Etc/GMT+5"),	/* a zone, not of the list */
	OK(f_tz, "Asia/Calcutta", "Asia/Kolkata"),	/* the name it links to */
	OK(f_tz, "Etc/UTC", "UTC"),
	OK(f_tz, "Europe/Bratislava", "Europe/Bratislava"),	/* listed link */
	NO(f_tz, "Europe/Nowhere"),
	NO(f_tz, "Europe"),			/* a directory */
	NO(f_tz, "Europe/"),
	NO(f_tz, "Europe//Berlin"),
	NO(f_tz, "/etc/passwd"),
	NO(f_tz, "../../../etc/passwd"),
	NO(f_tz, "Europe/../Europe/Berlin"),
	NO(f_tz, "zone.tab"),
	NO(f_tz, "leapseconds"),		/* in the directory, not a zone */
	NO(f_tz, "Europe/Berlin;rm"),
	NO(f_tz, "Mars/Olympus_Mons"),
	NO(f_tz, ""),
	/* F_NEXT: a local path, never another site */
	OK(f_next, "/", "/"),
	OK(f_next, "/rooms/12", "/rooms/12"),
	OK(f_next, "/people?q=a&skill=b", "/people?q=a&skill=b"),
	OK(f_next, "/a//b", "/a//b"),
	NO(f_next, "//evil.com"),
	NO(f_next, "//evil.com/path"),
	NO(f_next, "/\\evil.com"),
	NO(f_next, "\\\\evil.com"),
	NO(f_next, "/x\\y"),
	NO(f_next, "/\t/evil.com"),		/* browsers drop the tab */
	NO(f_next, "/\n/evil.com"),
	NO(f_next, "/x\r\nSet-Cookie: a=b"),
	NO(f_next, "http://evil.com"),
	NO(f_next, "https://127.0.0.1:8091/"),
	NO(f_next, "javascript:alert(1)"),
	NO(f_next, "evil.com"),
	NO(f_next, "rooms/12"),
	OK(f_next, NULL, NULL),
};

/* Report every failing case, not only the first. */
#define CASE_FAIL(...) do { print_error(__VA_ARGS__); print_error("\n"); \
	bad++; goto next; } while (0)

static void
test_field_check(void **state)
{
	struct arena *a = arena_new();
	size_t i;
	int bad = 0;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct fcase *c = &cases[i];
		struct fval v;
		int rc = field_check(a, c->f, c->raw, &v);

		if ((rc == 0) != c->ok)
			CASE_FAIL("case %zu %s \"%s\": rc %d (%s)", i,
			    c->f->name, c->raw ? c->raw : "(null)", rc,
			    v.err ? v.err : "no error");
		if (rc != 0) {
			if (v.err == NULL || *v.err == '\0')
				CASE_FAIL("case %zu: failed without a message",
				    i);
			if (v.str != NULL)
				CASE_FAIL("case %zu: failed but has str", i);
			continue;
		}
		if (v.err != NULL)
			CASE_FAIL("case %zu: passed with a message", i);
		if (c->f->type != F_INT && c->f->type != F_BOOL &&
		    ((c->str == NULL) != (v.str == NULL) ||
		    (c->str != NULL && strcmp(c->str, v.str) != 0)))
			CASE_FAIL("case %zu %s \"%s\": str \"%s\", want \"%s\"",
			    i, c->f->name, c->raw ? c->raw : "(null)",
			    v.str ? v.str : "(null)",
			    c->str ? c->str : "(null)");
		if ((c->f->type == F_INT || c->f->type == F_BOOL) &&
		    v.num != c->num)
			CASE_FAIL("case %zu %s \"%s\": num %lld, want %lld", i,
			    c->f->name, c->raw ? c->raw : "(null)", v.num,
			    c->num);
next:
		;
	}
	arena_free(a);
	if (bad > 0)
		fail_msg("%d of %zu cases failed", bad,
		    sizeof(cases) / sizeof(cases[0]));
}

/* The raw text is kept for re-showing the form, except when not UTF-8. */
static void
test_field_raw_kept(void **state)
{
	struct arena *a = arena_new();
	struct fval v;

	(void)state;
	assert_int_equal(field_check(a, &f_int, " 12x", &v), -1);
	assert_string_equal(v.raw, " 12x");
	assert_null(v.str);
	assert_int_equal(field_check(a, &f_text, "\xc3", &v), -1);
	assert_null(v.raw);
	assert_int_equal(field_check(a, &f_text, "  ok ", &v), 0);
	assert_string_equal(v.raw, "  ok ");
	assert_string_equal(v.str, "ok");
	arena_free(a);
}

/* A number out of its range says the range, one a person can type. */
static void
test_field_range_said(void **state)
{
	struct arena *a = arena_new();
	struct fval v;

	(void)state;
	assert_int_equal(field_check(a, &f_int, "11", &v), -1);
	assert_string_equal(v.err, "Enter a number from 0 to 10.");
	assert_int_equal(field_check(a, &f_int_neg, "-6", &v), -1);
	assert_string_equal(v.err, "Enter a number from -5 to 5.");
	assert_int_equal(field_check(a, &f_int_big, "0", &v), -1);
	assert_string_equal(v.err, "This number is out of range.");
	arena_free(a);
}

/*
 * A date the calendar does not have is said so, and kept as typed; a
 * date typed in part or in another form asks for the whole date.
 */
static void
test_field_date_messages(void **state)
{
	static const struct { const char *raw, *err; } dates[] = {
		{ "2027-02-30", "There is no 30 February 2027: February has "
		    "28 days that year." },
		{ "2024-02-30", "There is no 30 February 2024: February has "
		    "29 days that year." },
		{ "2025-02-29", "There is no 29 February 2025: February has "
		    "28 days that year." },
		{ "2100-02-29", "There is no 29 February 2100: February has "
		    "28 days that year." },
		{ "2026-04-31", "There is no 31 April 2026: April has 30 "
		    "days." },
		{ "2026-11-31", "There is no 31 November 2026: November has "
		    "30 days." },
		{ "2026-01-32", "There is no 32 January 2026: January has 31 "
		    "days." },
		{ "2026-13-01", "Enter a whole date: the day, the month and "
		    "the year." },
		{ "2026-01-00", "Enter a whole date: the day, the month and "
		    "the year." },
		{ "2026-1-5", "Enter a whole date: the day, the month and "
		    "the year." },
		{ "30/02/2027", "Enter a whole date: the day, the month and "
		    "the year." },
	};
	struct arena *a = arena_new();
	struct fval v;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(dates) / sizeof(dates[0]); i++) {
		assert_int_equal(field_check(a, &f_date, dates[i].raw, &v), -1);
		assert_string_equal(v.err, dates[i].err);
		assert_string_equal(v.raw, dates[i].raw);
		assert_null(v.str);
	}
	arena_free(a);
}

/* field_read takes the form on POST and the query on GET. */
static void
test_field_read(void **state)
{
	static const struct field f[] = {
		{ "title", F_TEXT, 1, 20, 1, NULL },
		{ "capacity", F_INT, 0, 5, 0, NULL },
		{ "mentor", F_BOOL, 0, 0, 0, NULL },
	};
	struct req *r = req_offline_new();
	struct fval v[3];

	(void)state;
	assert_int_equal(req_parse_urlencoded(r->arena, "title=Q&capacity=9",
	    18, &r->query, &r->nquery), 0);
	assert_int_equal(req_parse_urlencoded(r->arena,
	    "title=+Form+&capacity=3&mentor=1", 32, &r->form, &r->nform), 0);
	r->method = "GET";
	assert_int_equal(field_read(r, f, 3, v), 1);	/* capacity 9 > 5 */
	assert_string_equal(v[0].str, "Q");
	assert_non_null(v[1].err);
	assert_int_equal(v[2].num, 0);
	r->method = "POST";
	assert_int_equal(field_read(r, f, 3, v), 0);
	assert_string_equal(v[0].str, "Form");
	assert_int_equal(v[1].num, 3);
	assert_int_equal(v[2].num, 1);
	req_offline_free(r);
}

/* Posts body as the request's form. */
static void
form_set(struct req *r, const char *body)
{
	r->method = "POST";
	assert_int_equal(req_parse_urlencoded(r->arena, body, strlen(body),
	    &r->form, &r->nform), 0);
}

/*
 * field_rows: rows of repeated fields line up by position; a column
 * after `need` may be absent, one before may not; too many rows refused.
 */
static void
test_field_rows(void **state)
{
	static const struct field f[] = {
		{ "goal", F_INT, 1, 99, 1, NULL },
		{ "title", F_TEXT, 1, 20, 1, NULL },
		{ "note", F_TEXT, 0, 20, 0, NULL },
	};
	struct req *r = req_offline_new();
	struct fval v[3][4];	/* a stride wider than the columns */
	size_t n;

	(void)state;
	form_set(r, "goal=1&title=A&note=x&goal=2&title=&note=y");
	assert_int_equal(field_rows(r, f, 3, 3, 3, v[0], 4, &n), 1);
	assert_int_equal(n, 2);
	assert_int_equal(v[0][0].num, 1);
	assert_string_equal(v[0][1].str, "A");
	assert_string_equal(v[0][2].str, "x");
	assert_int_equal(v[1][0].num, 2);
	assert_non_null(v[1][1].err);		/* a title is required */
	assert_string_equal(v[1][2].str, "y");

	/* the note left out: empty in every row when it may be */
	req_offline_free(r);
	r = req_offline_new();
	form_set(r, "goal=1&title=A&goal=2&title=B");
	assert_int_equal(field_rows(r, f, 3, 2, 3, v[0], 4, &n), 0);
	assert_int_equal(n, 2);
	assert_null(v[1][2].raw);
	assert_int_equal(field_rows(r, f, 3, 3, 3, v[0], 4, &n), -1);

	/* a column one short, or more rows than room for */
	req_offline_free(r);
	r = req_offline_new();
	form_set(r, "goal=1&title=A&note=x&goal=2&title=B");
	assert_int_equal(field_rows(r, f, 3, 2, 3, v[0], 4, &n), -1);
	req_offline_free(r);
	r = req_offline_new();
	form_set(r, "goal=1&title=A&goal=2&title=B&goal=3&title=C&goal=4&"
	    "title=D");
	assert_int_equal(field_rows(r, f, 3, 2, 3, v[0], 4, &n), -1);
	assert_int_equal(n, 0);
	req_offline_free(r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_field_check),
		cmocka_unit_test(test_field_raw_kept),
		cmocka_unit_test(test_field_range_said),
		cmocka_unit_test(test_field_date_messages),
		cmocka_unit_test(test_field_read),
		cmocka_unit_test(test_field_rows),
	};

	return cmocka_run_group_tests_name("field", tests, NULL, NULL);
}
