#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cfg.h"
#include "log.h"
#include "notif.h"
#include "once.h"
#include "page.h"
#include "resp.h"
#include "zone.h"

struct tdict *
page_new(struct req *r, const char *title, const char *tpl)
{
	const char *flash;

	if (r->page != NULL)
		tmpl_dict_free(r->page);
	r->page = tmpl_dict_new("layout");
	tmpl_set(r->page, "TITLE", title);
	tmpl_set(r->page, "CSRF", r->csrf != NULL ? r->csrf : "");
	tmpl_set(r->page, "FORM_KEY", once_key(r));
	tmpl_set(r->page, "PATH", r->path);
	if (r->user.id > 0) {
		struct tdict *u = tmpl_section(r->page, "SIGNED_IN");
		tmpl_set(u, "USER_NAME", r->user.name);
		tmpl_set(u, "USER_SLUG", r->user.slug);
		if (r->user.admin)
			tmpl_show(r->page, "ADMIN");
		/* a new link comes back to the page it was asked on */
		if (!r->user.verified)
			tmpl_set(tmpl_section(r->page, "UNVERIFIED"), "HERE",
			    req_is_post(r) ? "" : req_here(r));
	} else
		tmpl_show(r->page, "SIGNED_OUT");
	if ((flash = req_cookie(r, "menteo_flash")) != NULL ||
	    (flash = req_cookie(r, "__Host-menteo_flash")) != NULL) {
		char *text;
		size_t len;
		if (*flash != '\0' && req_url_decode(r->arena, flash,
		    strlen(flash), 0, &text, &len) == 0)
			tmpl_set(tmpl_section(r->page, "FLASH"), "FLASH_TEXT",
			    text);
		resp_cookie(r, "menteo_flash", "", 0);
	}
	r->content = tmpl_include(r->page, "CONTENT", tpl);
	/* includes do not see their parent's values: give the common ones */
	tmpl_set(r->content, "CSRF", r->csrf != NULL ? r->csrf : "");
	tmpl_set(r->content, "FORM_KEY", once_key(r));	/* the same key */
	if (r->user.id > 0) {
		tmpl_show(r->content, "SIGNED_IN");
		tmpl_set(r->content, "USER_NAME", r->user.name);
		tmpl_set(r->content, "USER_SLUG", r->user.slug);
		tmpl_set_int(r->content, "USER_ID", r->user.id);
	} else
		tmpl_show(r->content, "SIGNED_OUT");
	return r->content;
}

const char *
page_part(struct req *r, const char *tpl, struct tdict *d)
{
	char *html;
	const char *part;
	size_t len;

	html = tmpl_expand(tpl, d, &len);
	tmpl_dict_free(d);
	if (html == NULL) {
		log_err("page: %s did not expand", tpl);
		page_error(r, 500);
		return NULL;
	}
	while (len > 0 && html[len - 1] == '\n')
		len--;
	part = arena_strndup(r->arena, html, len);
	free(html);
	return part;
}

/*
 * The header's link to /notifications with the unread count, on every
 * page (a form sent back with its errors, a 404): the count came with
 * the session, and only a page shown as asked (200) reads its own
 * notification (notif_seen). -1 db.
 */
static int
page_unread(struct req *r, int status)
{
	struct tdict *s;
	long long n;

	if ((n = notif_seen(r, status)) == -1)
		return -1;
	s = tmpl_section(r->page, "NOTIFICATIONS");
	if (n > NOTIF_COUNT_MAX)
		tmpl_set(tmpl_section(s, "UNREAD"), "UNREAD_COUNT",
		    req_printf(r, "%d+", NOTIF_COUNT_MAX));
	else if (n > 0)
		tmpl_set_int(tmpl_section(s, "UNREAD"), "UNREAD_COUNT", n);
	return 0;
}

void
page_send(struct req *r, int status)
{
	size_t len;
	char *html;

	if (r->page == NULL) {
		resp_text(r, 500, "text/plain; charset=utf-8", "no page\n");
		return;
	}
	if (r->user.id > 0 && page_unread(r, status) == -1) {
		tmpl_dict_free(r->page);
		r->page = r->content = NULL;
		return;			/* db_failed: 503 */
	}
	/* a form sent back with what to mend: the title, read first, says so */
	if (status == 422)
		tmpl_show(r->page, "FORM_ERROR");
	html = tmpl_expand("layout.tpl", r->page, &len);
	tmpl_dict_free(r->page);
	r->page = r->content = NULL;
	if (html == NULL) {
		log_err("page: template expansion failed for %s", r->path);
		resp_text(r, 500, "text/plain; charset=utf-8",
		    "Template error.\n");
		return;
	}
	r->status = status;
	r->body.len = 0;
	resp_header(r, "Content-Type", "text/html; charset=utf-8");
	if (r->user.id > 0)
		resp_header(r, "Cache-Control", "private, no-store");
	resp_write(r, html, len);
	free(html);
}

/* Template names are the field names upper-cased, plus a suffix. */
static const char *
upper(char *dst, size_t size, const char *name, const char *suffix)
{
	char *p;

	snprintf(dst, size, "%s%s", name, suffix);
	for (p = dst; *p != '\0'; p++)
		*p = (char)toupper((unsigned char)*p);
	return dst;
}

void
page_form(struct tdict *d, const struct field *f, size_t n,
    const struct fval *v)
{
	char name[96], suffix[64];
	size_t i;
	int errors = 0;

	for (i = 0; i < n; i++) {
		if (f[i].type != F_PASSWORD && v[i].raw != NULL)
			tmpl_set(d, upper(name, sizeof(name), f[i].name, ""),
			    v[i].raw);
		if (f[i].type == F_BOOL && v[i].num)
			tmpl_show(d, upper(name, sizeof(name), f[i].name,
			    "_CHECKED"));
		if (f[i].type == F_CHOICE && v[i].str != NULL) {
			snprintf(suffix, sizeof(suffix), "_%s", v[i].str);
			tmpl_show(d, upper(name, sizeof(name), f[i].name,
			    suffix));
		}
		if (v[i].err != NULL) {
			tmpl_set(tmpl_section(d, upper(name, sizeof(name),
			    f[i].name, "_ERROR")), "MESSAGE", v[i].err);
			errors++;
		}
	}
	if (errors)
		tmpl_show(d, "ERRORS");
}

/* n digits at s as a number, or -1. */
static int
digits(const char *s, int n)
{
	int v = 0;

	while (n-- > 0) {
		if (*s < '0' || *s > '9')
			return -1;
		v = v * 10 + (*s++ - '0');
	}
	return v;
}

/*
 * "YYYY-MM-DD" or "YYYY-MM-DD HH:MM:SS", as MariaDB writes dates and
 * times, into tm; -1 for anything else. (sscanf was a tenth of a room
 * page's time: fifty times shown.)
 */
static int
parse_utc(const char *s, struct tm *tm)
{
	memset(tm, 0, sizeof(*tm));
	if (s == NULL || strlen(s) < 10 || s[4] != '-' || s[7] != '-' ||
	    (tm->tm_year = digits(s, 4)) < 0 ||
	    (tm->tm_mon = digits(s + 5, 2)) < 0 ||
	    (tm->tm_mday = digits(s + 8, 2)) < 0)
		return -1;
	tm->tm_year -= 1900;
	tm->tm_mon -= 1;
	if (s[10] == '\0')
		return 0;
	if (strlen(s) < 19 || s[10] != ' ' || s[13] != ':' || s[16] != ':' ||
	    (tm->tm_hour = digits(s + 11, 2)) < 0 ||
	    (tm->tm_min = digits(s + 14, 2)) < 0 ||
	    (tm->tm_sec = digits(s + 17, 2)) < 0)
		return -1;
	return 0;
}

time_t
page_utc_time(const char *utc)
{
	struct tm tm;

	if (parse_utc(utc, &tm) == -1)
		return (time_t)-1;
	return timegm(&tm);
}

/* Converts "YYYY-MM-DD HH:MM:SS" (UTC) to the viewer's zone. */
static int
local_tm(struct req *r, const char *utc, struct tm *out)
{
	struct tm tm;
	time_t t;
	const char *tz = page_zone(r);
	char *old;

	if (parse_utc(utc, &tm) == -1)
		return -1;
	t = timegm(&tm);
	/*
	 * The viewer's zone stays set: switching TZ back and forth made
	 * tzset() stat the zone files twice per time shown (100 system
	 * calls on a room page). Nothing else in a worker reads local time.
	 */
	old = getenv("TZ");
	if (old == NULL || strcmp(old, tz) != 0) {
		setenv("TZ", tz, 1);
		tzset();
	}
	localtime_r(&t, out);
	return 0;
}

const char *
page_time_text(struct req *r, const char *utc)
{
	struct tm tm;
	char s[64];

	if (local_tm(r, utc, &tm) == -1)
		return NULL;
	/* signed out, no zone is the reader's: the time says its own */
	strftime(s, sizeof(s), r->user.tz != NULL ? "%e %b %Y, %H:%M" :
	    "%e %b %Y, %H:%M UTC", &tm);
	return req_strdup(r, s[0] == ' ' ? s + 1 : s);
}

void
page_time(struct req *r, struct tdict *d, const char *key, const char *utc)
{
	const char *s = page_time_text(r, utc);

	tmpl_set(d, key, s != NULL ? s : "");
}

const char *
page_date_text(struct req *r, const char *utc)
{
	struct tm tm;
	char s[64];

	if (utc != NULL && strlen(utc) == 10) {	/* a DATE has no zone */
		if (parse_utc(utc, &tm) == -1)
			return NULL;
	} else if (local_tm(r, utc, &tm) == -1)
		return NULL;
	strftime(s, sizeof(s), "%e %b %Y", &tm);
	return req_strdup(r, s[0] == ' ' ? s + 1 : s);
}

void
page_date(struct req *r, struct tdict *d, const char *key, const char *utc)
{
	const char *s = page_date_text(r, utc);

	tmpl_set(d, key, s != NULL ? s : "");
}

const char *
page_zone(const struct req *r)
{
	return r->user.tz != NULL ? r->user.tz : "UTC";
}

const char *
page_when_in(struct req *r, const char *utc, const char *tz,
    enum page_when how)
{
	struct tm tm;
	char s[96];
	size_t n;

	if (zone_from_utc(tz, utc, &tm) == -1)
		return "";
	n = how == WHEN_DATE ? strftime(s, sizeof(s), "%Y-%m-%d", &tm) :
	    how == WHEN_HM ? strftime(s, sizeof(s), "%H:%M", &tm) :
	    strftime(s, sizeof(s), "%A %e %B %Y, %H:%M", &tm);
	if (n == 0)
		return "";
	/* "%e" pads a day below 10 with a space: "Monday  2 March" */
	if (how == WHEN_TEXT && (s[strcspn(s, " ") + 1] == ' '))
		memmove(s + strcspn(s, " ") + 1, s + strcspn(s, " ") + 2,
		    strlen(s + strcspn(s, " ") + 2) + 1);
	return req_strdup(r, s);
}

const char *
page_date_in(struct req *r, const char *tz, time_t t)
{
	struct tm tm;
	long off;
	char s[16];

	/* an old name (Asia/Calcutta) as the list's; none or unknown: UTC */
	(void)zone_offset_at(zone_canonical(tz), t, &off);
	t += off;
	if (gmtime_r(&t, &tm) == NULL)
		return "";
	strftime(s, sizeof(s), "%Y-%m-%d", &tm);
	return req_strdup(r, s);
}

const char *
page_today_in(struct req *r, const char *tz)
{
	return page_date_in(r, tz, time(NULL));
}

const char *
page_today(struct req *r)
{
	/*
	 * Once a request: a page's key and the counts kept under it must
	 * name one day, though its midnight passes between the two.
	 */
	if (r->today != NULL && r->today_tz == r->user.tz)
		return r->today;
	r->today_tz = r->user.tz;
	return r->today = page_today_in(r, r->user.tz);
}

int
page_days_between(const char *from, const char *date, long long *days)
{
	struct tm a, b;

	if (from == NULL || date == NULL || parse_utc(date, &b) == -1 ||
	    parse_utc(from, &a) == -1)
		return -1;
	a.tm_hour = a.tm_min = a.tm_sec = 0;
	b.tm_hour = b.tm_min = b.tm_sec = 0;
	*days = (long long)(timegm(&b) - timegm(&a)) / 86400;
	return 0;
}

int
page_days_to(struct req *r, const char *date, long long *days)
{
	return page_days_between(page_today(r), date, days);
}

const char *
page_first_open_day(struct req *r)
{
	const char *local = page_today(r), *utc = page_today_in(r, NULL);

	return strcmp(local, utc) >= 0 ? local : utc;
}

static const char *
default_message(int status)
{
	switch (status) {
	case 400: return "The request could not be understood. Check the address or the form and try again.";
	case 403: return "You do not have access to this page.";
	case 404: return "There is no page at this address.";
	case 405: return "This page does not accept that kind of request.";
	case 409: return "That change is not possible right now.";
	case 422: return "Some fields need attention.";
	case 429: return "Too many attempts. Wait a little and try again.";
	case 503: return "Menteo cannot reach its database right now. Try again in a minute.";
	default:  return "Something went wrong on our side. It has been logged.";
	}
}

/*
 * The error page's heading: HTTP's own words where they read well ("Not
 * Found"), a person's where they read as a rebuke ("Forbidden" to one
 * who has only to confirm their address) or as jargon ("Conflict").
 */
static const char *
error_heading(int status)
{
	switch (status) {
	case 403: return "Not open to you";
	case 409: return "Not done";
	case 429: return "One moment";
	default:  return resp_reason(status);
	}
}

void
page_error_back(struct req *r, int status, const char *message,
    const char *back)
{
	struct tdict *d;

	r->body.len = 0;
	d = page_new(r, error_heading(status), "error.tpl");
	if (d == NULL) {
		resp_text(r, status, "text/plain; charset=utf-8", message);
		return;
	}
	tmpl_set_int(d, "STATUS", status);
	tmpl_set(d, "HEADING", error_heading(status));
	tmpl_set(d, "MESSAGE", message);
	if (back != NULL)
		tmpl_set(tmpl_section(d, "BACK"), "BACK_URL", back);
	else
		tmpl_show(d, "NO_BACK");
	page_send(r, status);
}

void
page_error_msg(struct req *r, int status, const char *message)
{
	page_error_back(r, status, message, NULL);
}

/*
 * A body over the configuration's body_max (lib/app.c). htdocs/413.html
 * says the same, without the number, for the web server's own limit.
 */
static const char *
too_large(struct req *r)
{
	long long max = cfg_int("body_max", CFG_BODY_MAX);

	return req_printf(r, "What you sent is too large: a form takes at "
	    "most %lld %s. Nothing was saved. Go back (your browser keeps "
	    "what you typed), shorten it and send it again.",
	    max % (1024 * 1024) == 0 ? max / (1024 * 1024) : max / 1024,
	    max % (1024 * 1024) == 0 ? "MB" : "KB");
}

void
page_error(struct req *r, int status)
{
	page_error_msg(r, status, status == 413 ? too_large(r) :
	    default_message(status));
}
