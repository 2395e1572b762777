/*
 * home: the landing page for visitors, the dashboard for people signed
 * in, their notifications, and /health for load balancers and monitors.
 */
#include <limits.h>
#include <string.h>

#include "app.h"
#include "db.h"
#include "field.h"
#include "kept.h"
#include "mine.h"
#include "notif.h"
#include "page.h"
#include "resp.h"
#include "route.h"
#include "schema.h"	/* MENTEO_SCHEMA, made by the Makefile */
#include "sess.h"
#include "stage.h"
#include "suggest.h"

static void	home_index(struct req *);
static void	home_health(struct req *);
static void	home_notifications(struct req *);
static void	home_notifications_read(struct req *);

static const struct route routes[] = {
	{ "GET",	"/",		home_index,	ROUTE_OWN_SESSION },
	{ "GET",	"/health",	home_health,	0 },
	{ "GET",	"/notifications", home_notifications,
	    ROUTE_USER | ROUTE_OWN_SESSION },
	{ "POST",	"/notifications", home_notifications_read, ROUTE_USER },
};

/*
 * The dashboard's newest unread notifications ("New for you"), kept
 * under the version of the viewer's count, which comes with the
 * session's row: a view with unread ones asks nothing more.
 */
static const char *const new_watch[] = { "notifications.user_id",
    "notifications.title", "notifications.path",
    "notifications.created_at", "notifications.read_at", NULL };
static const struct kept_def new_kept = { "new", "notification_counts",
    new_watch, "sql/315 notifications_count_insert, _update, _delete" };

/* the dashboard's suggestions (lib/suggest.h), its new ones, its cards (lib/mine.h) */
static const struct kept_def *const kept[] = { &suggest_kept, &new_kept,
    &mine_kept, NULL };

APP_MAIN_KEPT("home", routes, kept)

static void
home_landing(struct req *r)
{
	page_new(r, "Structured mentorship", "home.tpl");
	page_send(r, 200);
}

/*
 * With no mentorship yet, how to start mentoring too: tick "I mentor",
 * or give a capacity, or (already listed) wait for requests. The two
 * columns come with the session's user row.
 */
static void
home_mentor_hint(struct req *r, struct tdict *d)
{
	if (!r->user.mentor)
		tmpl_show(d, "HINT_BECOME_MENTOR");
	else if (r->user.capacity <= 0)
		tmpl_show(d, "HINT_SET_CAPACITY");
	else
		tmpl_set(tmpl_section(d, "HINT_LISTED"), "PROFILE_URL",
		    req_printf(r, "/people/%s", r->user.slug));
}

/*
 * Whether the viewer looks for a mentor: anyone who is not a mentor, and
 * a mentor who also says what they look for or has been a mentee (asked
 * for a mentor, or was paired as one). A mentor with no mentee side is
 * not told to find mentors (nor one who mentors in a programme only:
 * the suggestions' own row says so, suggest_from.mentor_only). The
 * dashboard's rows tell when they are all there (open). 1, 0, or -1: db.
 */
static int
home_seeks_mentor(struct req *r, const struct mine_open *open)
{
	const char *v;

	if (!r->user.mentor)	/* the session's user row says so */
		return 1;
	if (open->mentee_side != -1)
		return open->mentee_side;
	v = db_value(r, "SELECT looking_for <> '' OR EXISTS "
	    "(SELECT 1 FROM mentorships m WHERE m.mentee_id = u.id) OR EXISTS "
	    "(SELECT 1 FROM programme_participants p WHERE p.user_id = u.id "
	    "AND p.role = 'mentee') FROM users u WHERE u.id = ?", "i",
	    r->user.id);
	if (v == NULL)
		return r->db_failed ? -1 : 0;
	return strcmp(v, "1") == 0;
}

/*
 * A mentee with no mentor (no open request nor mentorship as a mentee)
 * sees the three mentors who fit best (lib/suggest.h): at the top when
 * they have nothing else, after their own mentorships when they mentor
 * (their work comes first), and then not at all when none fits: a box
 * that finds nobody is no help there (journey-32). A mentor who looks
 * for no mentor sees none. A programme's mentee sees its mentors, told
 * by their own row (SUGGEST_OWN), and "Find a mentor" leads there.
 * organises and mentors_in (NULL: not asked): set when that row was
 * read, and one who organises a programme sees their programmes instead
 * (home_organises), one who mentors in one those (home_mentors_in): the
 * same statement says so. -1: answered.
 */
static int
home_suggestions(struct req *r, struct tdict *d, const struct mine_open *open,
    int *organises, int *mentors_in)
{
	struct suggest_from from = { SUGGEST_OWN, NULL, NULL, 0, 0, 0 };
	struct db_rows *c;
	struct tdict *box;
	const char *html;
	long n;
	int mentors;

	if (open->whole) {	/* the dashboard's list has them all */
		if (open->as_mentee != 0)
			return 0;
		mentors = open->as_mentor != 0;
	} else {
		c = db_query(r, "SELECT COALESCE(SUM(mentee_id = ?), 0) AS "
		    "mentee, COALESCE(SUM(mentor_id = ?), 0) AS mentor FROM "
		    "mentorships WHERE (mentee_id = ? OR mentor_id = ?) AND "
		    "stage IN (" STAGES_OPEN ")", "iiii", r->user.id,
		    r->user.id, r->user.id, r->user.id);
		if (c == NULL)
			return -1;
		if (db_get_int(c, 0, "mentee") != 0)
			return 0;
		mentors = db_get_int(c, 0, "mentor") != 0;
	}
	if ((n = home_seeks_mentor(r, open)) != 1)
		return (int)n;
	box = tmpl_dict_new("for-you");
	if ((n = suggest_fill(r, box, &from, 3)) == -1) {
		tmpl_dict_free(box);
		return -1;
	}
	if (organises != NULL)
		*organises = from.organises;
	if (mentors_in != NULL)
		*mentors_in = from.mentors_in;
	if (from.mentor_only || (organises != NULL && from.organises)) {
		tmpl_dict_free(box);	/* they mentor, in a programme */
		return 0;
	}
	if (from.id > 0) {	/* their programme's mentors, and its page */
		tmpl_set(d, "FIND_URL", req_printf(r, "/programmes/%s",
		    from.slug));
		tmpl_set(box, "PROG_NAME", from.name);
		tmpl_set(box, "PROG_SLUG", from.slug);
		tmpl_show(box, "IN_PROGRAMME");
		tmpl_show(box, "MORE_IN_PROGRAMME");
	} else {
		tmpl_show(box, "IN_DIRECTORY");
		tmpl_show(box, "MORE_IN_DIRECTORY");
	}
	if (mentors && n == 0) {
		tmpl_dict_free(box);
		return 0;
	}
	if ((html = page_part(r, "dashboard_suggestions.tpl", box)) == NULL)
		return -1;
	tmpl_set(tmpl_section(d, mentors ? "FOR_YOU_AFTER" : "FOR_YOU"), "BOX",
	    html);
	return 0;
}

static const char new_sql[] = "SELECT n.title, n.path, n.created_at FROM "
    "notifications n WHERE n.user_id = ? AND n.read_at IS NULL "
    "ORDER BY n.id DESC LIMIT 5";

static const struct db_rows *
new_rows(struct req *r, void *arg, int *keep)
{
	(void)arg;
	(void)keep;
	return db_query(r, new_sql, "i", r->user.id);
}

/*
 * The newest unread notifications, so "Nothing waits for you" is said
 * only when nothing does: kept under the version of the viewer's count
 * (version, from the dashboard's rows), asked when none came. -1 db.
 */
static int
home_new_for_you(struct req *r, struct tdict *d, const char *version)
{
	const struct db_rows *rows;
	struct tdict *s;
	size_t i;

	if (r->user.unread == 0) {	/* counted with the session */
		tmpl_show(d, "NO_NEW");
		return 0;
	}
	rows = kept_get(r, kept_key(r, &new_kept, version, "i", r->user.id),
	    new_rows, NULL);
	if (rows == NULL)
		return -1;
	if (rows->nrows == 0) {
		tmpl_show(d, "NO_NEW");
		return 0;
	}
	s = tmpl_section(d, "NEW_FOR_YOU");
	tmpl_set_int(s, "UNREAD_COUNT", r->user.unread);
	if (r->user.unread != 1)
		tmpl_show(s, "PLURAL");
	for (i = 0; i < rows->nrows; i++) {
		struct tdict *row = tmpl_section(s, "NOTES");
		tmpl_set(row, "TITLE", db_get(rows, i, "title"));
		tmpl_set(row, "URL", db_get(rows, i, "path"));
		page_time(r, row, "WHEN", db_get(rows, i, "created_at"));
	}
	return 0;
}

/*
 * The programmes the viewer organises, with the mentors waiting for
 * their approval, for one with no mentorship: their home is the
 * programmes, not "Start your first mentorship" and mentors to ask (a
 * new organiser's home led nowhere near theirs). Their number, or -1.
 */
static int
home_organises(struct req *r, struct tdict *d)
{
	struct db_rows *p;
	struct tdict *s, *row;
	size_t i;

	p = db_query(r, "SELECT g.slug, g.name, (SELECT COUNT(*) FROM "
	    "programme_participants pp WHERE pp.programme_id = g.id AND "
	    "pp.status = 'waiting') AS waiting FROM programme_organisers o "
	    "JOIN programmes g ON g.id = o.programme_id WHERE o.user_id = ? "
	    "ORDER BY g.name LIMIT 20", "i", r->user.id);
	if (p == NULL)
		return -1;
	if (p->nrows == 0)
		return 0;
	s = tmpl_section(d, "ORGANISES");
	for (i = 0; i < p->nrows; i++) {
		row = tmpl_section(s, "PROG");
		tmpl_set(row, "SLUG", db_get(p, i, "slug"));
		tmpl_set(row, "NAME", db_get(p, i, "name"));
		if (db_get_int(p, i, "waiting") > 0)
			tmpl_set_int(tmpl_section(row, "WAITING"), "N",
			    db_get_int(p, i, "waiting"));
	}
	return (int)p->nrows;
}

/*
 * The programmes the viewer mentors in, for one with no mentorship: a
 * mentor who joined by invitation was told to find a mentor and to tick
 * "I mentor" (found walking). Their number, or -1.
 */
static int
home_mentors_in(struct req *r, struct tdict *d)
{
	struct db_rows *p;
	struct tdict *in, *s, *row;
	size_t i;

	p = db_query(r, "SELECT g.slug, g.name, pp.status, pp.capacity FROM "
	    "programme_participants pp JOIN programmes g ON g.id = "
	    "pp.programme_id WHERE pp.user_id = ? AND pp.role = 'mentor' AND "
	    "pp.status IN ('active', 'waiting') ORDER BY g.name LIMIT 20", "i",
	    r->user.id);
	if (p == NULL)
		return -1;
	if (p->nrows == 0)
		return 0;
	in = tmpl_section(d, "MENTORS_IN");
	for (i = 0; i < p->nrows; i++) {
		row = tmpl_section(in, "PROG");
		tmpl_set(row, "SLUG", db_get(p, i, "slug"));
		tmpl_set(row, "NAME", db_get(p, i, "name"));
		if (strcmp(db_get(p, i, "status"), "waiting") == 0) {
			tmpl_show(row, "WAITING");
			continue;
		}
		s = tmpl_section(row, "ACTIVE");
		if (db_get(p, i, "capacity") != NULL)
			tmpl_set(tmpl_section(s, "OFFER"), "PLACES",
			    db_get_int(p, i, "capacity") == 1 ? "1 place" :
			    req_printf(r, "%lld places",
			    db_get_int(p, i, "capacity")));
	}
	return (int)p->nrows;
}

/*
 * The signed-in home: the viewer's mentorships q and what needs
 * attention (lib/stage).
 */
static void
home_dashboard(struct req *r, const struct db_rows *q)
{
	struct tdict *d = page_new(r, "Dashboard", "dashboard.tpl");
	struct mine_open open;
	const char *cal;
	int n, org = -1;	/* organises a programme: -1 not known */
	int mentors_in = -1;	/* programmes mentored in: -1 not known */

	if ((n = mine_fill(r, d, q, &open)) == -1 ||
	    home_new_for_you(r, d, open.notes_version) == -1 ||
	    (cal = stage_calendar_url(r)) == NULL)
		return;
	tmpl_set(d, "CALENDAR_URL", cal);
	tmpl_set(d, "FIND_URL", "/people");	/* a programme's mentee: its page */
	if (home_suggestions(r, d, &open, n == 0 ? &org : NULL,
	    n == 0 ? &mentors_in : NULL) == -1)
		return;
	/* no mentorship: an organiser's programmes, or how to begin one */
	if (n == 0 && org != 0 && (org = home_organises(r, d)) == -1)
		return;
	if (org <= 0)
		tmpl_show(d, "NOT_ORGANISING");
	if (n == 0 && org == 0 && mentors_in != 0 &&
	    (mentors_in = home_mentors_in(r, d)) == -1)
		return;
	if (n == 0 && org == 0 && mentors_in == 0) {
		tmpl_show(d, "EMPTY");
		home_mentor_hint(r, d);
	}
	page_send(r, 200);
}

/* The viewer's mentorships bring the session (ROUTE_OWN_SESSION). */
static void
home_index(struct req *r)
{
	const struct db_rows *q = mine_rows(r);

	if (q == NULL)
		return;
	if (r->user.id > 0)
		home_dashboard(r, q);
	else
		home_landing(r);
}

/* ---- notifications (SPEC §14) ------------------------------------------ */

/*
 * The list, newest first, NOTIF_PAGE at a time: `before` is the last id
 * shown (keyset paging on notifications_page, never OFFSET). `error` is
 * the message of a refused POST (422), NULL otherwise.
 */
static void
notifications_page(struct req *r, const char *error, int status)
{
	enum { NL_BEFORE, NL_N };
	static const struct field f[NL_N] = {
		{ "before", F_INT, 1, LLONG_MAX, 0, NULL },
	};
	struct fval v[NL_N];
	struct db_rows *rows;
	struct tdict *d, *row;
	long long before = LLONG_MAX;
	size_t i;
	int bad = 0;

	/* a refused POST shows the newest page: its form has no cursor */
	if (!req_is_post(r)) {
		bad = field_read(r, f, NL_N, v) != 0;
		if (!bad && v[NL_BEFORE].str != NULL)
			before = v[NL_BEFORE].num;
	}
	/* with the session on a GET (ROUTE_OWN_SESSION) */
	rows = sess_load_rows(r, "n.id, n.title, n.path, n.created_at, "
	    "n.read_at", "JOIN notifications n ON n.user_id = s.user_id AND "
	    "n.id < ?", req_printf(r, "ORDER BY n.id DESC LIMIT %d",
	    NOTIF_PAGE + 1), before);
	if (rows == NULL)
		return;
	if (r->user.id == 0)
		return route_to_login(r);
	if (bad)
		return page_error_msg(r, 400, "That page of notifications "
		    "does not exist: start from the newest.");
	d = page_new(r, "Notifications", "notifications.tpl");
	if (error != NULL)
		tmpl_set(tmpl_section(d, "READ_ERROR"), "MESSAGE", error);
	if (rows->nrows > NOTIF_PAGE) {
		rows->nrows = NOTIF_PAGE;
		tmpl_set(tmpl_section(d, "OLDER"), "BEFORE",
		    db_get(rows, NOTIF_PAGE - 1, "id"));
	}
	if (rows->nrows == 0)
		tmpl_show(d, "NONE");
	for (i = 0; i < rows->nrows; i++) {
		row = tmpl_section(d, "ITEMS");
		tmpl_set(row, "ID", db_get(rows, i, "id"));
		tmpl_set(row, "TITLE", db_get(rows, i, "title"));
		tmpl_set(row, "URL", db_get(rows, i, "path"));
		page_time(r, row, "WHEN", db_get(rows, i, "created_at"));
		if (db_get(rows, i, "read_at") == NULL) {
			tmpl_show(row, "UNREAD");
			tmpl_show(d, "ANY_UNREAD");
		}
	}
	page_send(r, status);
}

static void
home_notifications(struct req *r)
{
	notifications_page(r, NULL, 200);
}

/* `read` = "all", or the id of one of the person's notifications. */
static void
home_notifications_read(struct req *r)
{
	enum { NR_READ, NR_N };
	static const struct field f[NR_N] = {
		{ "read", F_TEXT, 1, 20, 1, NULL },
	};
	/* the same field when it is not "all": one notification's id */
	static const struct field id_f =
		{ "read", F_INT, 1, LLONG_MAX, 1, NULL };
	struct fval v[NR_N], id;
	int all = 0;
	long long n;

	if (field_read(r, f, NR_N, v) != 0 || (!(all = strcmp(v[NR_READ].str,
	    "all") == 0) && field_check(r->arena, &id_f, v[NR_READ].str,
	    &id) != 0))
		return notifications_page(r, "Choose a notification, or mark "
		    "them all read.", 422);
	if (all)
		n = notif_mark_read(r, 0);
	else if ((n = notif_mark_read(r, id.num)) == 0 &&
	    db_value(r, "SELECT 1 FROM notifications WHERE id = ? AND "
	    "user_id = ?", "ii", id.num, r->user.id) == NULL)
		/* another person's is as absent as one that never was */
		return r->db_failed ? (void)0 : page_error(r, 404);
	if (n < 0)
		return;
	resp_flash(r, all ? "All notifications are marked read." :
	    "Marked read.");
	resp_redirect(r, "/notifications");
}

/*
 * 200 "ok" only when the database answers a query now, and holds the
 * newest migration this code was written for: a node upgraded before
 * `menteo-admin migrate` ran fails pages that read new columns, and its
 * load balancer should leave it out until then.
 */
static void
home_health(struct req *r)
{
	static const char behind[] = "schema behind this code: run "
	    "menteo-admin migrate (" MENTEO_SCHEMA ")\n";
	const char *n, *why = NULL;

	/* no schema_migrations at all (never migrated) is behind too */
	if (db_ping() == -1 || (n = db_value(r, "SELECT COUNT(*) FROM "
	    "schema_migrations WHERE version = ?", "s", MENTEO_SCHEMA)) ==
	    NULL)
		why = r->db_schema ? behind : "database down\n";
	else if (strcmp(n, "1") != 0)
		why = behind;
	r->db_failed = r->db_schema = 0;
	if (why != NULL)
		resp_text(r, 503, "text/plain; charset=utf-8", why);
	else
		resp_text(r, 200, "text/plain; charset=utf-8", "ok\n");
}
