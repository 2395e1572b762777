/*
 * home: the landing page for visitors, the dashboard for people signed
 * in, and /health for load balancers and monitors.
 */
#include "app.h"
#include "db.h"
#include "mine.h"
#include "page.h"
#include "resp.h"
#include "stage.h"

static void	home_index(struct req *);
static void	home_health(struct req *);

static const struct route routes[] = {
	{ "GET",	"/",		home_index,	0 },
	{ "GET",	"/health",	home_health,	0 },
};

APP_MAIN("home", routes)

static void
home_landing(struct req *r)
{
	page_new(r, "Structured mentorship", "home.tpl");
	page_send(r, 200);
}

/*
 * With no mentorship yet, how to start mentoring too: tick "I mentor",
 * or give a capacity, or (already listed) wait for requests. -1: db.
 */
static int
home_mentor_hint(struct req *r, struct tdict *d)
{
	struct db_rows *u;

	u = db_query(r, "SELECT is_mentor, capacity FROM users WHERE id = ?",
	    "i", r->user.id);
	if (u == NULL)
		return -1;
	if (u->nrows == 0)
		return 0;
	if (!db_get_int(u, 0, "is_mentor"))
		tmpl_show(d, "HINT_BECOME_MENTOR");
	else if (db_get_int(u, 0, "capacity") <= 0)
		tmpl_show(d, "HINT_SET_CAPACITY");
	else
		tmpl_set(tmpl_section(d, "HINT_LISTED"), "PROFILE_URL",
		    req_printf(r, "/people/%s", r->user.slug));
	return 0;
}

/* The signed-in home: mentorships and what needs attention (lib/stage). */
static void
home_dashboard(struct req *r)
{
	struct tdict *d = page_new(r, "Dashboard", "dashboard.tpl");
	const char *cal;
	int n;

	if ((n = mine_fill(r, d)) == -1 ||
	    (cal = stage_calendar_url(r)) == NULL)
		return;
	tmpl_set(d, "CALENDAR_URL", cal);
	/* the hints are for someone with no mentorship yet */
	if (n == 0 && home_mentor_hint(r, d) == -1)
		return;
	page_send(r, 200);
}

static void
home_index(struct req *r)
{
	if (r->user.id > 0)
		home_dashboard(r);
	else
		home_landing(r);
}

/* 200 "ok" only when the database answers a query now. */
static void
home_health(struct req *r)
{
	const char *one;

	if (db_ping() == -1 || (one = db_value(r, "SELECT 1", "")) == NULL) {
		r->db_failed = 0;
		resp_text(r, 503, "text/plain; charset=utf-8", "database down\n");
		return;
	}
	resp_text(r, 200, "text/plain; charset=utf-8", "ok\n");
}
