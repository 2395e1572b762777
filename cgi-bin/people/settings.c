/*
 * people: a person's settings: the public profile, the e-mail they get,
 * their calendar feed's secret.
 */
#include <string.h>

#include "cfg.h"
#include "db.h"
#include "field.h"
#include "page.h"
#include "people.h"
#include "resp.h"
#include "sess.h"
#include "stage.h"
#include "zone.h"

#define MAX_TAGS	20
#define MAX_TAG_LEN	40
#define MAX_SKILLS_LEN	500	/* users.skills */

/* Settings: the public profile. */

enum { S_NAME, S_HEADLINE, S_BIO, S_SKILLS, S_TZ, S_MENTOR, S_CAPACITY,
    S_SLUG, S_LOOKING, S_LANGS, S_NFIELDS };

static const struct field settings_f[S_NFIELDS] = {
	{ "display_name",	F_TEXT,		1, 80,		1, NULL },
	{ "headline",		F_TEXT,		0, 140,		0, NULL },
	{ "bio",		F_MULTILINE,	0, 5000,	0, NULL },
	{ "skills",		F_TEXT,		0, 2000,	0, NULL },
	{ "timezone",		F_TIMEZONE,	0, 64,		1, NULL },
	{ "mentor",		F_BOOL,		0, 1,		0, NULL },
	{ "capacity",		F_INT,		0, 20,		0, NULL },
	{ "slug",		F_SLUG,		3, 40,		1, NULL },
	/* matching (SPEC §12): skills wanted, as skills are; languages */
	{ "looking_for",	F_TEXT,		0, 2000,	0, NULL },
	{ "languages",		F_TEXT,		0, 200,		0, NULL },
};

/*
 * "Go, leadership ,go" → "go, leadership": lower-case, trimmed, unique.
 * Sets v->err and returns NULL when the list breaks a limit.
 */
static const char *
skills_norm(struct req *r, struct fval *v)
{
	const char *tags[MAX_TAGS], *p = v->str, *e;
	struct buf b = { NULL, 0, 0 };
	const char *res;
	size_t n = 0, i;
	char *t;

	if (p == NULL)
		return "";
	while (*p != '\0') {
		if ((e = strchr(p, ',')) == NULL)
			e = p + strlen(p);
		t = tag_norm(r, p, (size_t)(e - p));
		p = *e == ',' ? e + 1 : e;
		if (*t == '\0')
			continue;
		if (req_utf8_len(t) > MAX_TAG_LEN)
			return v->err = "Keep each skill to 40 characters "
			    "or fewer.", NULL;
		for (i = 0; i < n; i++)
			if (strcmp(tags[i], t) == 0)
				break;
		if (i < n)
			continue;
		if (n == MAX_TAGS)
			return v->err = "List at most 20 skills.", NULL;
		tags[n++] = t;
	}
	for (i = 0; i < n; i++) {
		buf_adds(&b, i ? ", " : "");
		buf_adds(&b, tags[i]);
	}
	res = b.p != NULL ? req_strdup(r, b.p) : "";
	buf_free(&b);
	if (req_utf8_len(res) > MAX_SKILLS_LEN)
		return v->err = "This list is too long: keep it under 500 "
		    "characters.", NULL;
	return res;
}

/*
 * The time zone select: UTC, then the zones grouped by region, tz chosen.
 * A value not on the list (an alias stored earlier, or what was sent with
 * an error) is kept as an option of its own, so nothing is lost. A new
 * account's UTC lets menteo.js offer the browser's zone instead.
 */
static void
zone_select(struct req *r, struct tdict *d, const char *tz)
{
	char rb[64], cb[128];
	const char *zone, *region, *last = "";
	struct tdict *g = NULL, *o;
	size_t i;
	int seen = tz == NULL || *tz == '\0' || strcmp(tz, "UTC") == 0;

	if (tz == NULL || strcmp(tz, "UTC") == 0)
		tmpl_show(d, "UTC_SELECTED");
	for (i = 0; (zone = zone_name(i)) != NULL; i++) {
		region = zone_region(zone, rb, sizeof(rb));
		if (g == NULL || strcmp(region, last) != 0) {
			g = tmpl_section(d, "REGION");
			tmpl_set(g, "REGION_LABEL", region);
			last = req_strdup(r, region);
		}
		o = tmpl_section(g, "ZONE_OPT");
		tmpl_set(o, "ZONE", zone);
		tmpl_set(o, "ZONE_LABEL", zone_city(zone, cb, sizeof(cb)));
		if (tz != NULL && strcmp(tz, zone) == 0) {
			tmpl_show(o, "ZONE_SELECTED");
			seen = 1;
		}
	}
	if (!seen) {
		o = tmpl_section(tmpl_section(d, "OTHER_ZONE"), "ZONE_OPT");
		tmpl_set(o, "ZONE", tz);
		tmpl_set(o, "ZONE_LABEL", tz);
		tmpl_show(o, "ZONE_SELECTED");
	}
}

static void
settings_page(struct req *r, struct tdict *d, const char *tz)
{
	zone_select(r, d, tz);
	tmpl_set(d, "PROFILE_URL", req_printf(r, "/people/%s",
	    r->user.slug));
}

/*
 * The mail a person can turn off: every kind lib/mail.c, lib/remind.c,
 * lib/stage.c and the programs queue with an unsubscribe link. Account
 * mail (verification, resets) is not here: it is always sent.
 */
static const struct notify_kind {
	const char	*kind;		/* mail_optouts.kind */
	const char	*label;
	const char	*hint;
} notify_kinds[] = {
	{ "mentorship", "Mentorship updates", "Requests, answers, stage "
	    "changes, contract changes and meetings planned, moved or "
	    "cancelled, from the other person." },
	{ "request", "Unanswered requests", "When a request to you waits "
	    "for an answer for 3 and for 7 days." },
	{ "contract", "Contract not agreed", "When Initiation has been open "
	    "for 30 days without an agreed contract." },
	{ "review", "Review date", "7 days and 1 day before the review date, "
	    "and when it has passed." },
	{ "milestone", "Milestones", "3 days before a milestone is due, and "
	    "when it is overdue." },
	{ "checkin", "Check-ins", "When a Redefinition check-in is due." },
	{ "meeting", "Meeting reminders", "The day before each meeting "
	    "planned in Menteo, at its time where you live." },
	{ "digest", "Unread room messages", "One digest when messages have "
	    "waited unread for a while." },
	{ "thread-feedback", "Feedback on your Growth Threads", "When your "
	    "mentor comments on one of your entries." },
	{ "thread-answer", "Answers to your feedback", "When the person "
	    "keeping a Growth Thread answers your feedback on it." },
	{ "survey", "Surveys", "A short survey about your mentorship as "
	    "Cultivation starts, every 30 days in it, and on entering "
	    "Separation." },
	{ "programme", "Programme news", "Your place in a programme, and for "
	    "its organisers, answers to the pairs they proposed and changes "
	    "to who organises it." },
};
#define NOTIFY_N	(sizeof(notify_kinds) / sizeof(notify_kinds[0]))

/* The e-mail choices and the calendar feed: -1 when the database failed. */
static int
settings_extra(struct req *r, struct tdict *d)
{
	struct db_rows *o;
	struct tdict *k;
	const char *cal, *kind;
	size_t i, j;
	int off;

	o = db_query(r, "SELECT kind FROM mail_optouts WHERE user_id = ?",
	    "i", r->user.id);
	if (o == NULL)
		return -1;
	for (i = 0; i < NOTIFY_N; i++) {
		k = tmpl_section(d, "NOTIFY");
		tmpl_set(k, "KIND", notify_kinds[i].kind);
		tmpl_set(k, "LABEL", notify_kinds[i].label);
		tmpl_set(k, "HINT", notify_kinds[i].hint);
		for (off = 0, j = 0; j < o->nrows; j++) {
			kind = db_get(o, j, "kind");
			off |= strcmp(kind, notify_kinds[i].kind) == 0 ||
			    strcmp(kind, "all") == 0;
		}
		if (!off)
			tmpl_show(k, "NOTIFY_ON");
	}
	/* made on first view, as the dashboard and mentorships do */
	if ((cal = stage_calendar_url(r)) == NULL)
		return -1;
	tmpl_set(d, "CALENDAR_URL", req_printf(r, "%s%s", cfg_base_url(), cal));
	return 0;
}

void
settings_show(struct req *r)
{
	struct db_rows *u;
	struct tdict *d;

	u = db_query(r, "SELECT display_name, headline, bio, skills, "
	    "timezone, is_mentor, capacity, slug, looking_for, languages "
	    "FROM users WHERE id = ?",
	    "i", r->user.id);
	if (u == NULL)
		return;
	if (u->nrows == 0) {
		page_error(r, 404);
		return;
	}
	d = page_new(r, "Settings", "settings.tpl");
	tmpl_set(d, "DISPLAY_NAME", db_get(u, 0, "display_name"));
	tmpl_set(d, "HEADLINE", db_get(u, 0, "headline"));
	tmpl_set(d, "BIO", db_get(u, 0, "bio"));
	tmpl_set(d, "SKILLS", db_get(u, 0, "skills"));
	tmpl_set(d, "TIMEZONE", db_get(u, 0, "timezone"));
	tmpl_set(d, "CAPACITY", db_get(u, 0, "capacity"));
	tmpl_set(d, "SLUG", db_get(u, 0, "slug"));
	tmpl_set(d, "LOOKING_FOR", db_get(u, 0, "looking_for"));
	tmpl_set(d, "LANGUAGES", db_get(u, 0, "languages"));
	if (db_get_int(u, 0, "is_mentor"))
		tmpl_show(d, "MENTOR_CHECKED");
	settings_page(r, d, db_get(u, 0, "timezone"));
	/* a new account's zone: menteo.js may offer the browser's */
	if (strcmp(db_get(u, 0, "timezone"), "UTC") == 0)
		tmpl_show(d, "ZONE_GUESS");
	if (settings_extra(r, d) == -1)
		return;
	page_send(r, 200);
}

static void
settings_fail(struct req *r, struct fval *v)
{
	struct tdict *d;

	d = page_new(r, "Settings", "settings.tpl");
	page_form(d, settings_f, S_NFIELDS, v);
	settings_page(r, d, v[S_TZ].raw);
	if (settings_extra(r, d) == -1)
		return;
	page_send(r, 422);
}

/*
 * DIR_MENTOR's rule in words, for a mentor who just saved the profile
 * (capacity: how many mentees they take; 0 is never listed, which the
 * note said nothing of: found walking).
 */
static const char *
listing_note(struct req *r, const char *headline, const char *skills,
    long long capacity)
{
	const char *miss[3];
	size_t n = 0;

	if (sess_publish_refused(r) != NULL)
		miss[n++] = "confirm your e-mail address (the link is in the "
		    "mail we sent you)";
	if (headline == NULL || *headline == '\0')
		miss[n++] = "add a headline";
	if (skills == NULL || *skills == '\0')
		miss[n++] = "add at least one skill";
	if (n == 0 && capacity == 0)
		return "Profile saved. You take no mentees for now, so the "
		    "mentor directory does not list you: raise how many "
		    "mentees you take to be found.";
	if (n == 0)
		return "Profile saved. Mentees find you in the mentor "
		    "directory while you have room.";
	return req_printf(r, "Profile saved. You will appear in the mentor "
	    "directory once you %s%s%s%s%s.", miss[0], n == 3 ? ", " :
	    n == 2 ? " and " : "", n > 1 ? miss[1] : "", n == 3 ? " and " : "",
	    n == 3 ? miss[2] : "");
}

/*
 * The profile, in a transaction that runs again after a deadlock or a
 * Galera certification failure (db_tx_run): a mentor's save moves the
 * directory's version row, as every other mentor's does, and through two
 * nodes at once the loser answered 503. 1: the address (slug) is taken.
 */
struct save_w {
	struct fval	*v;
	const char	*skills, *wanted;
};

static int
save_tx(struct req *r, void *arg)
{
	struct save_w *w = arg;
	struct fval *v = w->v;
	long long rc;

	rc = db_exec(r, "UPDATE users SET display_name = ?, headline = ?, "
	    "bio = ?, skills = ?, timezone = ?, is_mentor = ?, capacity = ?, "
	    "slug = ?, looking_for = ?, languages = ? WHERE id = ?",
	    "sssssiisssi", v[S_NAME].str, field_opt(&v[S_HEADLINE]),
	    field_opt(&v[S_BIO]), w->skills, v[S_TZ].str,
	    (long long)v[S_MENTOR].num, (long long)v[S_CAPACITY].num,
	    v[S_SLUG].str, w->wanted, field_opt(&v[S_LANGS]), r->user.id);
	return rc == DB_DUPLICATE ? 1 : rc < 0 ? -1 : 0;
}

void
settings_save(struct req *r)
{
	struct fval v[S_NFIELDS];
	struct save_w w = { v, NULL, NULL };
	int errors, rc;

	errors = field_read(r, settings_f, S_NFIELDS, v);
	w.skills = v[S_SKILLS].err == NULL ? skills_norm(r, &v[S_SKILLS]) :
	    NULL;
	w.wanted = v[S_LOOKING].err == NULL ? skills_norm(r, &v[S_LOOKING]) :
	    NULL;
	if (errors > 0 || w.skills == NULL || w.wanted == NULL) {
		settings_fail(r, v);
		return;
	}
	if ((rc = db_tx_run(r, save_tx, &w)) == 1) {
		v[S_SLUG].err = "This address is taken. Choose another one.";
		settings_fail(r, v);
		return;
	}
	if (rc != 0)
		return;
	resp_flash(r, v[S_MENTOR].num ? listing_note(r, v[S_HEADLINE].str,
	    w.skills, v[S_CAPACITY].num) : "Profile saved.");
	resp_redirect(r, "/settings");
}

/* The kinds ticked (on, n of them): each other kind is opted out. */
struct notify_w {
	const char	**on;
	size_t		  n;
};

/* Whether kind i of notify_kinds is among the ticked. */
static int
notify_wanted(const struct notify_w *w, size_t i)
{
	size_t j;

	for (j = 0; j < w->n; j++)
		if (strcmp(w->on[j], notify_kinds[i].kind) == 0)
			return 1;
	return 0;
}

/* What the choices saved are, in words: the kinds turned off by name. */
static const char *
notify_said(struct req *r, const struct notify_w *w)
{
	const char *off = NULL;
	size_t i;

	for (i = 0; i < NOTIFY_N; i++)
		if (!notify_wanted(w, i))
			off = req_printf(r, "%s%s%s", off != NULL ? off : "",
			    off != NULL ? ", " : "", notify_kinds[i].label);
	return off == NULL ? "E-mail choices saved: every kind of e-mail is "
	    "on." : req_printf(r, "E-mail choices saved. Off: %s.", off);
}

static int
notify_tx(struct req *r, void *arg)
{
	const struct notify_w *w = arg;
	size_t i;
	long long rc;

	if (db_exec(r, "DELETE FROM mail_optouts WHERE user_id = ? AND "
	    "kind = 'all'", "i", r->user.id) < 0)
		return -1;
	for (i = 0; i < NOTIFY_N; i++) {
		if (notify_wanted(w, i))
			rc = db_exec(r, "DELETE FROM mail_optouts WHERE "
			    "user_id = ? AND kind = ?", "is", r->user.id,
			    notify_kinds[i].kind);
		else
			rc = db_exec(r, "INSERT IGNORE INTO mail_optouts "
			    "(user_id, kind, created_at) VALUES (?, ?, "
			    "UTC_TIMESTAMP())", "is", r->user.id,
			    notify_kinds[i].kind);
		if (rc < 0)
			return -1;
	}
	return 0;
}

/*
 * The ticked kinds arrive; every other kind is opted out. A blanket
 * "all" row is replaced by the choice made here. In a transaction that
 * runs again (db_tx_run): the same person saving from two tabs, or
 * through two Galera nodes, deadlocked on the rows' gaps.
 */
void
notify_save(struct req *r)
{
	const char *on[NOTIFY_N + 1];
	struct notify_w w = { on, 0 };

	w.n = req_form_all(r, "notify", on, NOTIFY_N + 1);
	if (db_tx_run(r, notify_tx, &w) != 0)
		return;
	/* at the top, where the flash is: the section's anchor hid it */
	resp_flash(r, notify_said(r, &w));
	resp_redirect(r, "/settings");
}

/* A new secret for the calendar feed: the old address stops working. */
void
calendar_renew(struct req *r)
{
	char tok[SESS_TOKEN_LEN + 1];
	long long rc;

	sess_token(tok);
	rc = db_exec(r, "UPDATE users SET calendar_secret = ? WHERE id = ?",
	    "si", tok, r->user.id);
	if (rc == DB_DUPLICATE) {
		/* 256 random bits met another's: let the person try again */
		page_error_msg(r, 409, "That did not work. Try again.");
		return;
	}
	if (rc < 0)
		return;
	resp_flash(r, "Your calendar feed has a new address. Update it in "
	    "your calendar app: the old one no longer works.");
	resp_redirect(r, "/settings#calendar");
}
