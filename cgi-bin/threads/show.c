/*
 * threads: a thread's page, its entries part kept laid out (lib/kept.h).
 */
#include <limits.h>
#include <string.h>
#include <time.h>

#include "db.h"
#include "field.h"
#include "kept.h"
#include "md.h"
#include "once.h"
#include "page.h"
#include "resp.h"
#include "svg.h"
#include "threads.h"
#include "zone.h"

#define THREAD_PAGE	30	/* entries on one page of a thread */

/* The parts of a page about the thread itself. */
void
thread_head(struct req *r, struct tdict *d, const struct thread *t)
{
	struct tdict *ms;

	tmpl_set_int(d, "THREAD_ID", t->id);
	tmpl_set(d, "THREAD_TITLE", t->title);
	tmpl_set(d, "PURPOSE_HTML", md_html(r, t->purpose));
	tmpl_set(d, "OWNER_NAME", t->owner_name);
	tmpl_set(d, "OWNER_SLUG", t->owner_slug);
	page_date(r, d, "STARTED", t->created_at);
	set_visibility(d, t->visibility);
	if (strcmp(t->visibility, "public") == 0)
		tmpl_show(d, "PUBLIC");
	if (t->is_owner)
		tmpl_show(d, "OWNER");
	if (t->is_owner || strcmp(t->visibility, "public") == 0)
		tmpl_show(d, "HEAD_ACTIONS");
	/* the mentorship is named to its two parties only */
	if (t->linked && t->m.is_party) {
		ms = tmpl_section(d, "MSHIP");
		tmpl_set_int(ms, "MSHIP_ID", t->m.id);
		tmpl_set(ms, "MSHIP_FOCUS", t->m.focus);
		tmpl_set(ms, "MSHIP_MENTOR", t->m.mentor_name);
		tmpl_set(ms, "MSHIP_MENTEE", t->m.mentee_name);
	}
}

void
entry_fill(struct req *r, struct tdict *e, const struct thread *t,
    const char *id, const char *kind, const char *body,
    const char *created, const char *updated)
{
	tmpl_set(e, "ENTRY_ID", id);
	tmpl_set(e, "ENTRY_KIND", kind);
	tmpl_set(e, "ENTRY_KIND_LABEL", entry_kind_label(kind));
	tmpl_set(e, "ENTRY_HTML", md_html(r, body));
	page_time(r, e, "ENTRY_TIME", created);
	tmpl_set(e, "ENTRY_ISO", iso_time(r, created));
	if (strcmp(created, updated) != 0)
		page_time(r, tmpl_section(e, "EDITED"), "EDITED_TIME", updated);
	if (t->is_owner)
		tmpl_show(e, "ENTRY_TOOLS");
	if (t->can_comment && t->m.is_open)
		tmpl_show(e, "COMMENT_FORM");
}

/*
 * Kept (lib/kept.h): the entries part of a thread page (entries_html),
 * under the thread's version. What it shows: its entries (ENTRIES_SQL),
 * their feedback and its authors' names (comments_load), each column
 * watched by sql/095's triggers.
 */
static const char *const entries_watch[] = {
	"thread_entries.thread_id", "thread_entries.kind",
	"thread_entries.body", "thread_entries.created_at",
	"thread_entries.updated_at",
	"thread_comments.entry_id", "thread_comments.body",
	"thread_comments.created_at", "thread_comments.author_id",
	"users.display_name", NULL
};
const struct kept_def entries_kept = { "entries", "thread_versions",
    entries_watch, "sql/095 thread_entries_version_*, "
    "thread_comments_version_*, users_thread_version" };

/* A page of entries, newest first, older than the second parameter. */
#define ENTRIES_SQL(and) \
	"SELECT e.id, e.kind, e.body, e.created_at, e.updated_at " \
	"FROM thread_entries e WHERE e.thread_id = ? " and " AND e.id < ? " \
	"ORDER BY e.id DESC LIMIT 31"

static const char comments_sql[] =
    "SELECT c.id, c.entry_id, c.body, c.created_at, u.display_name, "
    "c.author_id FROM thread_comments c "
    "JOIN thread_entries e ON e.id = c.entry_id "
    "JOIN users u ON u.id = c.author_id "
    "WHERE e.thread_id = ? AND c.entry_id BETWEEN ? AND ? ORDER BY c.id";

/* Comments of entries [lo, hi] of thread t. */
struct db_rows *
comments_load(struct req *r, const struct thread *t, long long lo,
    long long hi)
{
	return db_query(r, comments_sql, "iii", t->id, lo, hi);
}

/*
 * The feedback on entry entry_id, the owner's answers among it; once
 * there is some, the owner may answer while the mentorship is open
 * (SPEC 6).
 */
void
comments_fill(struct req *r, struct tdict *e, const struct thread *t,
    const struct db_rows *c, long long entry_id)
{
	struct tdict *row;
	size_t i;
	int n = 0;

	for (i = 0; i < c->nrows; i++) {
		if (db_get_int(c, i, "entry_id") != entry_id)
			continue;
		row = tmpl_section(e, "COMMENT");
		tmpl_set(row, "COMMENT_ID", db_get(c, i, "id"));
		tmpl_set(row, "COMMENT_HTML", md_html(r, db_get(c, i, "body")));
		page_time(r, row, "COMMENT_TIME", db_get(c, i, "created_at"));
		tmpl_set(row, "COMMENT_AUTHOR", db_get(c, i, "display_name"));
		tmpl_show(row, db_get_int(c, i, "author_id") == t->owner_id ?
		    "ANSWER" : "FEEDBACK");
		n++;
	}
	if (n > 0 && t->is_owner && t->linked && t->m.is_open)
		tmpl_show(e, "ANSWER_FORM");
}

static void
filter_tabs(struct tdict *d, const struct thread *t, const char *kind)
{
	struct tdict *tab;
	size_t i;

	if (kind == NULL)
		tmpl_show(d, "ALL_CURRENT");
	for (i = 0; entry_kinds[i] != NULL; i++) {
		tab = tmpl_section(d, "FILTER");
		tmpl_set_int(tab, "THREAD_ID", t->id);
		tmpl_set(tab, "F_KIND", entry_kinds[i]);
		tmpl_set(tab, "F_LABEL", entry_kind_labels[i]);
		if (kind != NULL && strcmp(kind, entry_kinds[i]) == 0)
			tmpl_show(tab, "F_CURRENT");
	}
}

/*
 * What the entries part of a thread page shows besides the thread's
 * entries: the page (kind, before), the viewer's zone, and the forms
 * it holds for them, the owner's tools and answer forms and the mentor's
 * feedback form (while the mentorship is open), with their CSRF token
 * (the tools' Delete buttons submit the page's one form, outside the
 * part: threads_show.tpl). Readers who see no form share one key. NULL:
 * not to be kept (no version).
 */
static const char *
entries_key(struct req *r, const struct thread *t, const char *kind,
    long long before)
{
	const char *tz = r->user.tz != NULL ? r->user.tz : "";
	int form = t->can_comment && t->m.is_open;
	const char *csrf = (t->is_owner || form) && r->csrf != NULL ?
	    r->csrf : "";

	/* the visibility too: the feedback form says who reads it */
	return kept_key(r, &entries_kept, t->version, "isiiisss", t->id, kind,
	    before, (long long)t->is_owner, (long long)form, tz, csrf,
	    t->visibility);
}

/*
 * The entries part of a thread page (threads_entries.tpl): THREAD_PAGE
 * entries newest first with their feedback, older than entry `before`
 * (0: the newest), by keyset on id (one backward range scan of
 * thread_entries_thread or thread_entries_kind), and the links to other
 * pages. Kept laid out by this worker under
 * entries_key and the thread's version, which every write to what it
 * shows moves (sql/095): a thread read again as it was costs neither
 * its two queries nor the Markdown of its entries.
 */
struct entries_page {
	const struct thread	*t;
	const char		*kind;
	long long		 before;
};

static const char *
entries_make(struct req *r, void *arg, int *keep)
{
	const struct entries_page *p = arg;
	const struct thread *t = p->t;
	const char *kind = p->kind;
	long long before = p->before;
	long long from = before > 0 ? before : LLONG_MAX;
	struct db_rows *rows, *cm = NULL;
	struct tdict *d, *e;
	size_t i, n;

	(void)keep;
	if (kind != NULL)
		rows = db_query(r, ENTRIES_SQL("AND e.kind = ?"), "isi",
		    t->id, kind, from);
	else
		rows = db_query(r, ENTRIES_SQL(""), "ii", t->id, from);
	if (rows == NULL)
		return NULL;
	n = rows->nrows > THREAD_PAGE ? THREAD_PAGE : rows->nrows;
	if (n > 0 && (cm = comments_load(r, t, db_get_int(rows, n - 1, "id"),
	    db_get_int(rows, 0, "id"))) == NULL)
		return NULL;
	d = tmpl_dict_new("entries");
	tmpl_set_int(d, "THREAD_ID", t->id);
	tmpl_set(d, "CSRF", r->csrf != NULL ? r->csrf : "");
	tmpl_set(d, "FORM_KEY", ONCE_MARK);	/* kept: each page its own */
	set_visibility(d, t->visibility);	/* in the key */
	if (kind != NULL)
		tmpl_show(d, "FILTERED");
	for (i = 0; i < n; i++) {
		e = tmpl_section(d, "ENTRY");
		entry_fill(r, e, t, db_get(rows, i, "id"),
		    db_get(rows, i, "kind"), db_get(rows, i, "body"),
		    db_get(rows, i, "created_at"), db_get(rows, i, "updated_at"));
		comments_fill(r, e, t, cm, db_get_int(rows, i, "id"));
	}
	if (n == 0)
		tmpl_show(d, before > 0 ? "NO_OLDER" : "NO_ENTRIES");
	if (rows->nrows > THREAD_PAGE)
		tmpl_set(tmpl_section(d, "OLDER"), "OLDER_URL", req_printf(r,
		    "/threads/%lld?before=%s%s%s", t->id,
		    db_get(rows, n - 1, "id"),
		    kind != NULL ? "&kind=" : "", kind != NULL ? kind : ""));
	if (before > 0)
		tmpl_show(d, "NEWER");
	return page_part(r, "threads_entries.tpl", d);
}

static const char *
entries_html(struct req *r, const struct thread *t, const char *kind,
    long long before)
{
	struct entries_page p = { t, kind, before };

	return kept_get_text(r, entries_key(r, t, kind, before), entries_make,
	    &p);
}

/*
 * Kept (lib/kept.h): a thread's entries counted by day since the
 * calendar's first Monday, under the thread's version, that day and the
 * owner's zone.
 */
static const char *const calendar_watch[] = {
	"thread_entries.thread_id", "thread_entries.created_at", NULL
};
const struct kept_def calendar_kept = { "calendar", "thread_versions",
    calendar_watch, "sql/095 thread_entries_version_*" };

/*
 * The entries by the quarter hour of UTC from ? on: a zone's offset and
 * its changes are whole quarter hours, so each quarter falls on one day
 * of the owner's. Kept: read once per new entry, not per page.
 */
#define CALENDAR_SQL \
	"SELECT TIMESTAMPDIFF(MINUTE, ?, e.created_at) DIV 15 AS q, " \
	"COUNT(*) AS n FROM thread_entries e WHERE e.thread_id = ? AND " \
	"e.created_at >= ? GROUP BY q"

/*
 * The calendar's days are the owner's, for every reader: a journal's
 * day is the day its writer lived, as a commit's date is its author's
 * (in UTC, a Californian's evening entries fell on the next day). Its
 * window: the 53 weeks that end with the week of the owner's today.
 */
enum { CAL_DAYS = 371 };
struct cal {
	const struct thread	*t;
	const char		*tz;	/* the owner's, as the list names it */
	long long		 first;	/* its first Monday, days since 1970 */
	size_t			 n;	/* days drawn, to the owner's today */
	char			 monday[11];
	char			 from[11];	/* the day before it */
};

/* Day (since 1970) as "YYYY-MM-DD" into s. */
static void
cal_date(long long day, char *s, size_t n)
{
	time_t t = (time_t)(day * 86400);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(s, n, "%Y-%m-%d", &tm);
}

static void
cal_window(const struct thread *t, struct cal *c)
{
	time_t now = time(NULL);
	long off;
	long long today;

	c->tz = zone_canonical(t->owner_tz);	/* Asia/Calcutta: Kolkata */
	(void)zone_offset_at(c->tz, now, &off);	/* none: UTC */
	today = ((long long)now + off) / 86400;
	/* 1 Jan 1970 was a Thursday: day 0 is 3 days after a Monday */
	c->first = today - (today + 3) % 7 - 52 * 7;
	c->n = (size_t)(today - c->first + 1);
	c->t = t;
	cal_date(c->first, c->monday, sizeof(c->monday));
	/* from the day before: east of UTC, a Monday begins on Sunday */
	cal_date(c->first - 1, c->from, sizeof(c->from));
}

/* Adds the quarter hours of rows to the owner's days in counts. */
static long long
cal_count(const struct cal *c, const struct db_rows *rows, int *counts)
{
	time_t base = (time_t)((c->first - 1) * 86400), q;
	long long day, total = 0;
	long off;
	size_t i;

	for (i = 0; i < rows->nrows; i++) {
		q = base + (time_t)db_get_int(rows, i, "q") * 900;
		(void)zone_offset_at(c->tz, q, &off);
		day = ((long long)q + off) / 86400 - c->first;
		if (day >= 0 && day < (long long)c->n) {
			counts[day] += (int)db_get_int(rows, i, "n");
			total += db_get_int(rows, i, "n");
		}
	}
	return total;
}

/*
 * The days with entries in words, newest first, folded under the
 * picture: its counts are hover titles, which a touch screen never
 * shows, and a screen reader reads the picture (role="img") by its
 * name alone. The days are the owner's: the summary names their zone.
 */
static void
cal_list(struct req *r, const struct cal *c, const int *counts,
    struct tdict *d)
{
	struct tdict *row;
	struct tm tm;
	time_t t;
	size_t i;
	char wd[8], my[16], iso[11], city[80];

	tmpl_set(d, "CAL_ZONE", c->tz == NULL || strcmp(c->tz, "UTC") == 0 ?
	    "UTC" : req_printf(r, "%s time", zone_city(c->tz, city,
	    sizeof(city))));
	for (i = c->n; i-- > 0; ) {
		if (counts[i] == 0)
			continue;
		t = (time_t)((c->first + (long long)i) * 86400);
		gmtime_r(&t, &tm);
		strftime(wd, sizeof(wd), "%a", &tm);
		strftime(my, sizeof(my), "%b %Y", &tm);
		row = tmpl_section(d, "CAL_DAY");
		tmpl_set(row, "DAY", req_printf(r, "%s %d %s", wd, tm.tm_mday,
		    my));
		cal_date(c->first + (long long)i, iso, sizeof(iso));
		tmpl_set(row, "ISO", iso);
		tmpl_set(row, "ENTRIES", req_printf(r, "%d entr%s", counts[i],
		    counts[i] == 1 ? "y" : "ies"));
	}
}

/*
 * SPEC §15: the days with entries over the last year, drawn as a
 * calendar of the 53 weeks ending with this one, its numbers in words
 * beside it (threads_calendar.tpl). "" before the first entry of the
 * year; NULL: the database (answered).
 */
static const char *
calendar_make(struct req *r, void *arg, int *keep)
{
	const struct cal *c = arg;
	int counts[CAL_DAYS] = { 0 };
	struct db_rows *rows;
	struct tdict *d;
	long long total;
	size_t i, days = 0;

	(void)keep;
	rows = db_query(r, CALENDAR_SQL, "sis", c->from, c->t->id, c->from);
	if (rows == NULL)
		return NULL;
	if ((total = cal_count(c, rows, counts)) == 0)
		return "";
	for (i = 0; i < c->n; i++)
		days += counts[i] > 0;
	d = tmpl_dict_new("calendar");
	tmpl_set(d, "CAL_HTML", svg_calendar(r, "Days with entries over "
	    "the last year", c->monday, counts, c->n));
	tmpl_set(d, "CAL_TEXT", req_printf(r, "Entries on %zu day%s in the "
	    "last year (%lld entr%s)", days, days == 1 ? "" : "s",
	    total, total == 1 ? "y" : "ies"));
	cal_list(r, c, counts, d);
	return page_part(r, "threads_calendar.tpl", d);
}

/*
 * The calendar laid out, kept under the thread's version, its first day
 * and the owner's zone: a thread read again costs neither the count nor
 * the drawing.
 */
static const char *
calendar_html(struct req *r, const struct thread *t)
{
	struct cal c;

	cal_window(t, &c);
	return kept_get_text(r, kept_key(r, &calendar_kept, t->version,
	    "isis", t->id, c.monday, (long long)c.n, c.tz != NULL ? c.tz :
	    ""), calendar_make, &c);
}

/* The thread page; ev is the new-entry form to put back (422) or NULL. */
void
show_page(struct req *r, const struct thread *t, const struct fval *ev,
    int status)
{
	struct fval fk, fb;
	struct tdict *d;
	const char *entries, *cal;

	if (field_check(r->arena, &filter_f[FF_KIND], req_query(r, "kind"),
	    &fk) != 0 || field_check(r->arena, &filter_f[FF_BEFORE],
	    req_query(r, "before"), &fb) != 0)
		return page_error(r, 400);
	if ((entries = entries_html(r, t, fk.str,
	    fb.str != NULL ? fb.num : 0)) == NULL)
		return;
	d = page_new(r, t->title, "threads_show.tpl");
	thread_head(r, d, t);
	filter_tabs(d, t, fk.str);
	if (fk.str != NULL)
		tmpl_set(tmpl_section(d, "FILTERED"), "FILTER_LABEL",
		    entry_kind_label(fk.str));
	tmpl_set(d, "ENTRIES_HTML", once_fill(r, entries));
	if ((cal = calendar_html(r, t)) == NULL)
		return;
	tmpl_set(d, "CALENDAR_HTML", cal);
	if (t->is_owner) {
		tmpl_show(d, "ENTRY_FORM");
		if (ev != NULL)
			page_form(d, entry_f, EF_N, ev);
	}
	page_send(r, status);
}

void
threads_show(struct req *r)
{
	struct thread t;

	if (thread_get(r, &t) == RESP_GO_ON)
		show_page(r, &t, NULL, 200);
}
