/*
 * Messages are written for the person filling the form, not for the
 * programmer: they appear next to the field.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "field.h"
#include "zone.h"

/*
 * The bytes of the blank at s (n bytes left), or 0: a space or tab (and
 * a line break in a multiline field), or a space that shows nothing
 * though it is no ASCII one: no-break (U+00A0), Ogham (U+1680), the
 * typographic spaces and the zero-width one (U+2000-U+200B), narrow
 * no-break (U+202F), medium mathematical (U+205F), ideographic (U+3000),
 * the byte order mark (U+FEFF). A name of three no-break spaces is
 * empty, not three characters long.
 */
static size_t
blank_len(const unsigned char *s, size_t n, int multiline)
{
	if (n >= 1 && (s[0] == ' ' || s[0] == '\t' || (multiline &&
	    (s[0] == '\r' || s[0] == '\n'))))
		return 1;
	if (n >= 2 && s[0] == 0xc2 && s[1] == 0xa0)
		return 2;
	if (n < 3)
		return 0;
	if ((s[0] == 0xe1 && s[1] == 0x9a && s[2] == 0x80) ||
	    (s[0] == 0xe2 && s[1] == 0x80 && ((s[2] >= 0x80 && s[2] <= 0x8b) ||
	    s[2] == 0xaf)) || (s[0] == 0xe2 && s[1] == 0x81 && s[2] == 0x9f) ||
	    (s[0] == 0xe3 && s[1] == 0x80 && s[2] == 0x80) ||
	    (s[0] == 0xef && s[1] == 0xbb && s[2] == 0xbf))
		return 3;
	return 0;
}

static const char *
trim_copy(struct arena *a, const char *s, int multiline)
{
	const unsigned char *p = (const unsigned char *)s, *e;
	size_t k;

	e = p + strlen(s);
	while ((k = blank_len(p, (size_t)(e - p), multiline)) > 0)
		p += k;
	/* from the end: a line break is trailing in any field */
	while (e > p) {
		if (e[-1] == '\r' || e[-1] == '\n' || e[-1] == ' ' ||
		    e[-1] == '\t')
			k = 1;
		else if (e - p >= 2 && blank_len(e - 2, 2, 0) == 2)
			k = 2;
		else if (e - p >= 3 && blank_len(e - 3, 3, 0) == 3)
			k = 3;
		else
			break;
		e -= k;
	}
	return arena_strndup(a, (const char *)p, (size_t)(e - p));
}

/* A number outside its range says the range: "from 5 to 600". */
static int
check_int(struct arena *a, const char *s, const struct field *f,
    struct fval *v)
{
	char *end;
	long long n;

	errno = 0;
	n = strtoll(s, &end, 10);
	if (*s == '\0' || errno != 0 || *end != '\0' || isspace((unsigned char)*s)) {
		v->err = "Enter a whole number.";
		return -1;
	}
	if (n < f->min || n > f->max) {
		v->err = arena_printf(a, "Enter a number from %lld to %lld.",
		    f->min, f->max);
		if (v->err == NULL || f->max > 1000000000LL)
			v->err = "This number is out of range.";
		return -1;
	}
	v->num = n;
	return 0;
}

static int
email_ok(const char *s)
{
	const char *at = strchr(s, '@'), *dot, *p;

	if (at == NULL || at == s || strchr(at + 1, '@') != NULL)
		return 0;
	if ((dot = strrchr(at, '.')) == NULL || dot < at + 2 ||
	    dot[1] == '\0' || dot[1] == '.')
		return 0;
	for (p = s; *p != '\0'; p++)
		if ((unsigned char)*p <= ' ' || strchr("<>()[]\\,;:\"", *p))
			return 0;
	/* .invalid never delivers (RFC 6761); a deleted account's is there */
	if (strcasecmp(dot, ".invalid") == 0)
		return 0;
	return strstr(s, "..") == NULL && at[1] != '.';
}

const char field_email_accented[] = "Enter the address without accented "
    "letters: mail cannot reach it written so.";

static int
ascii_only(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s >= 0x80)
			return 0;
	return 1;
}

static int
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* The value of n characters already checked to be digits. */
static int
digits(const char *s, size_t n)
{
	int v = 0;

	while (n-- > 0)
		v = v * 10 + (*s++ - '0');
	return v;
}

#define DATE_WHOLE "Enter a whole date: the day, the month and the year."

/*
 * NULL when s is a date as YYYY-MM-DD, else why not: a day the month
 * does not have (30 February) is said so, not taken for a date typed in
 * part.
 */
static const char *
date_why(struct arena *a, const char *s)
{
	static const int mdays[] = {31,28,31,30,31,30,31,31,30,31,30,31};
	static const char *const months[] = { "January", "February",
	    "March", "April", "May", "June", "July", "August", "September",
	    "October", "November", "December" };
	int y, m, d, n;
	size_t i;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return DATE_WHOLE;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
			return DATE_WHOLE;
	y = digits(s, 4);
	m = digits(s + 5, 2);
	d = digits(s + 8, 2);
	if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1)
		return DATE_WHOLE;
	if (d <= (n = mdays[m - 1] + (m == 2 && leap(y))))
		return NULL;
	return arena_printf(a, "There is no %d %s %d: %s has %d days%s.", d,
	    months[m - 1], y, months[m - 1], n, m == 2 ? " that year" : "");
}

static int
time_ok(const char *s)
{
	return strlen(s) == 5 && isdigit((unsigned char)s[0]) &&
	    isdigit((unsigned char)s[1]) && s[2] == ':' &&
	    isdigit((unsigned char)s[3]) && isdigit((unsigned char)s[4]) &&
	    (s[0] - '0') * 10 + (s[1] - '0') < 24 &&
	    (s[3] - '0') * 10 + (s[4] - '0') < 60;
}

/* The fixed paths beside /people/{slug} and /programmes/{slug}. */
static const char *const slug_reserved[] = { "new", "suggestions", NULL };

int
field_slug_reserved(const char *s)
{
	const char *const *w;

	for (w = slug_reserved; *w != NULL; w++)
		if (strcmp(s, *w) == 0)
			return 1;
	return 0;
}

static int
slug_ok(const char *s)
{
	const char *p;

	if (*s == '-' || *s == '\0' || s[strlen(s) - 1] == '-')
		return 0;
	for (p = s; *p != '\0'; p++)
		if (!(islower((unsigned char)*p) || isdigit((unsigned char)*p) ||
		    *p == '-'))
			return 0;
	return 1;
}

static int
timezone_ok(const char *s)
{
	char path[256], magic[4];
	struct stat st;
	const char *p;
	FILE *f;
	int ok;

	if (strcmp(s, "UTC") == 0)
		return 1;
	if (*s == '\0' || *s == '/' || strstr(s, "..") != NULL ||
	    strstr(s, "//") != NULL || strlen(s) > 64)
		return 0;
	for (p = s; *p != '\0'; p++)
		if (!(isalnum((unsigned char)*p) || strchr("/_+-", *p)))
			return 0;
	snprintf(path, sizeof(path), ZONE_DIR "%s", s);
	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
		return 0;
	/* the directory also holds tables (leapseconds...): zones only */
	if ((f = fopen(path, "rb")) == NULL)
		return 0;
	ok = fread(magic, 1, 4, f) == 4 && memcmp(magic, "TZif", 4) == 0;
	fclose(f);
	return ok;
}

static int
next_ok(const char *s)
{
	return s[0] == '/' && s[1] != '/' && s[1] != '\\' &&
	    strpbrk(s, "\r\n\\") == NULL;
}

static int
choice_ok(const struct field *f, const char *s)
{
	const char *const *c;

	for (c = f->choices; c != NULL && *c != NULL; c++)
		if (strcmp(*c, s) == 0)
			return 1;
	return 0;
}

/*
 * One-line values never carry control characters: a newline in a name
 * could forge a mail header, a tab in a path is dropped by browsers
 * ("/\t/evil.com" becomes "//evil.com"). Free text keeps tabs and
 * line breaks.
 */
static int
controls_ok(const char *s, int multiline)
{
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;
		if (multiline && (c == '\t' || c == '\r' || c == '\n'))
			continue;
		if (c < 0x20 || c == 0x7f)
			return 0;
	}
	return 1;
}

static int
check_length(struct arena *a, const struct field *f, const char *s,
    struct fval *v)
{
	size_t n = req_utf8_len(s);

	if (f->max > 0 && (long long)n > f->max) {
		/* by how much: a person cuts a message to fit, not in the dark */
		v->err = arena_printf(a, "This is too long: %lld characters "
		    "at most, and it has %zu.", f->max, n);
		if (v->err == NULL)
			v->err = "This is too long.";
		return -1;
	}
	if ((long long)n < f->min) {
		/* how short: "too short" alone left people guessing (a walk) */
		v->err = arena_printf(a, "This is too short: %lld characters "
		    "at least.", f->min);
		if (v->err == NULL)
			v->err = "This is too short.";
		return -1;
	}
	return 0;
}

static int
check_typed(struct arena *a, const struct field *f, const char *s,
    struct fval *v)
{
	if (f->type != F_PASSWORD && !controls_ok(s, f->type == F_MULTILINE))
		return v->err = f->type == F_TEXT ?
		    "Use a single line without control characters." :
		    "This contains characters that are not allowed.", -1;
	switch (f->type) {
	case F_INT:
		return check_int(a, s, f, v);
	case F_EMAIL:
		if (strlen(s) > 254 || !email_ok(s))
			return v->err = "Enter an e-mail address like name@example.org.", -1;
		/*
		 * Mail goes out without SMTPUTF8 (RFC 6531), which many
		 * servers refuse: an address with a letter beyond ASCII was
		 * taken, then failed at every try (found walking).
		 */
		if (!ascii_only(s))
			return v->err = field_email_accented, -1;
		break;
	case F_DATE:
		if ((v->err = date_why(a, s)) != NULL)
			return -1;
		break;
	case F_TIME:
		if (!time_ok(s))
			return v->err = "Enter a time: the hour and the "
			    "minutes.", -1;
		break;
	case F_SLUG:
		if (!slug_ok(s))
			return v->err = "Use lower-case letters, digits and dashes.", -1;
		if (field_slug_reserved(s))
			return v->err = "That address is a page of Menteo; choose "
			    "another.", -1;
		break;
	case F_CHOICE:
		if (!choice_ok(f, s))
			return v->err = "Choose one of the options.", -1;
		break;
	case F_BOOL:
		if (strcmp(s, "1") != 0 && strcmp(s, "on") != 0)
			return v->err = "Tick the box or leave it empty.", -1;
		v->num = 1;
		break;
	case F_TIMEZONE:
		if (!timezone_ok(s))
			return v->err = "Choose a time zone such as Europe/Berlin.", -1;
		break;
	case F_NEXT:
		if (!next_ok(s))
			return v->err = "Not a page of this site.", -1;
		break;
	default:
		break;
	}
	if (f->type != F_INT && f->type != F_BOOL &&
	    check_length(a, f, s, v) == -1)
		return -1;
	return 0;
}

int
field_check(struct arena *a, const struct field *f, const char *raw,
    struct fval *v)
{
	const char *s, *zone;

	memset(v, 0, sizeof(*v));
	v->raw = raw;
	if (raw != NULL && !req_utf8_valid(raw, strlen(raw)))
		return v->raw = NULL, v->err = "This text is not valid UTF-8.", -1;
	if (f->type == F_PASSWORD)
		s = raw;
	else if (raw != NULL)
		s = trim_copy(a, raw, f->type == F_MULTILINE);
	else
		s = NULL;
	if (s == NULL || *s == '\0') {
		if (f->required)
			return v->err = f->type == F_CHOICE ?
			    "Choose one of the options." :
			    "This field is required.", -1;
		return 0;
	}
	if (f->type == F_EMAIL) {
		char *low = arena_strdup(a, s), *p;
		for (p = low; *p != '\0'; p++)
			*p = (char)tolower((unsigned char)*p);
		s = low;
	}
	if (check_typed(a, f, s, v) == -1)
		return -1;
	/* an old name is kept as the one the list shows and matching knows */
	if (f->type == F_TIMEZONE && (zone = zone_canonical(s)) != NULL)
		s = zone;
	v->str = s;
	return 0;
}

int
field_read(struct req *r, const struct field *f, size_t n, struct fval *v)
{
	size_t i;
	int errors = 0;

	for (i = 0; i < n; i++) {
		const char *raw = req_is_post(r) ? req_form(r, f[i].name) :
		    req_query(r, f[i].name);
		if (field_check(r->arena, &f[i], raw, &v[i]) != 0)
			errors++;
	}
	return errors;
}

int
field_drop(struct fval *v)
{
	if (v->err == NULL)
		return 0;
	memset(v, 0, sizeof(*v));
	return 1;
}

int
field_rows(struct req *r, const struct field *f, size_t ncol, size_t need,
    size_t max, struct fval *v, size_t stride, size_t *nrows)
{
	const char **col = req_alloc(r, ncol * (max + 1) * sizeof(*col));
	size_t *n = req_alloc(r, ncol * sizeof(*n)), i, k;
	int errors = 0;

	*nrows = 0;
	for (k = 0; k < ncol; k++) {
		n[k] = req_form_all(r, f[k].name, col + k * (max + 1), max + 1);
		if (n[k] > max || (n[k] != n[0] && (k < need || n[k] != 0)))
			return -1;
	}
	for (i = 0; i < n[0]; i++)
		for (k = 0; k < ncol; k++)
			if (field_check(r->arena, &f[k], n[k] != 0 ?
			    col[k * (max + 1) + i] : NULL,
			    &v[i * stride + k]) != 0)
				errors++;
	*nrows = n[0];
	return errors;
}

void
field_stored(struct fval *v, const char *s)
{
	v->raw = v->str = s;
}

const char *
field_opt(const struct fval *v)
{
	return v->str != NULL ? v->str : "";
}
