/*
 * programmes: an organisation's cohort of mentees and mentors
 * (docs/programmes.md). One program, a page file per area: main.c (this
 * route table, loading, the list and a programme's page), settings.c
 * (creating and configuring), questions.c (its intake and survey
 * questions), invitations.c, join.c, participants.c,
 * dashboard.c (the dashboard, the export), pairs.c (one pair as
 * organisers see it, a proposal taken back), matching.c (the matching
 * board), surveys.c (/surveys/{id}).
 *
 * Who may do what, the same rule on every page (prog_load, prog_manage):
 *   anyone signed in   sees a programme's page; joins an open one
 *   an invitation      joins an invite-only one (its single-use token)
 *   organisers         manage their own programme, and no other (403)
 *   site admins        create programmes and manage every one
 * Organisers never see a pair's room, meeting notes or private threads:
 * nothing in this program reads them.
 */
#include <string.h>

#include "app.h"
#include "cohort.h"
#include "md.h"
#include "mship.h"
#include "notif.h"
#include "programmes.h"
#include "resp.h"
#include "suggest.h"

static void	prog_index(struct req *);
static void	prog_show(struct req *);

static const struct route routes[] = {
	{ "GET",  "/programmes",			prog_index,	ROUTE_USER },
	{ "GET",  "/programmes/new",			prog_new,	ROUTE_ADMIN },
	{ "POST", "/programmes/new",			prog_create,	ROUTE_ADMIN },
	{ "GET",  "/programmes/{slug}",			prog_show,	ROUTE_USER },
	{ "GET",  "/programmes/{slug}/join",		prog_join_form,	0 },
	{ "POST", "/programmes/{slug}/join",		prog_join,	0 },
	{ "GET",  "/programmes/{slug}/decline",		prog_decline_form, 0 },
	{ "POST", "/programmes/{slug}/decline",		prog_decline,	ROUTE_SIGNED },
	{ "POST", "/programmes/{slug}/places",		prog_places,	ROUTE_USER },
	{ "GET",  "/programmes/{slug}/answers",		prog_answers_form, ROUTE_USER },
	{ "POST", "/programmes/{slug}/answers",		prog_answers_save, ROUTE_USER },
	{ "POST", "/programmes/{slug}/leave",		prog_leave,	ROUTE_USER },
	{ "GET",  "/programmes/{slug}/settings",	prog_settings,	ROUTE_USER },
	{ "POST", "/programmes/{slug}/settings",	prog_settings_post, ROUTE_USER },
	{ "GET",  "/programmes/{slug}/settings/questions/{id}", prog_question_form, ROUTE_USER },
	{ "POST", "/programmes/{slug}/settings/questions/{id}", prog_question_save, ROUTE_USER },
	{ "POST", "/programmes/{slug}/settings/questions/{id}/move", prog_question_move, ROUTE_USER },
	{ "POST", "/programmes/{slug}/settings/questions/{id}/delete", prog_question_delete, ROUTE_USER },
	{ "POST", "/programmes/{slug}/settings/survey-questions/{id}/retire", prog_survey_question_retire, ROUTE_USER },
	{ "POST", "/programmes/{slug}/settings/survey-questions/{id}/restore", prog_survey_question_restore, ROUTE_USER },
	{ "GET",  "/programmes/{slug}/invitations",	prog_invitations, ROUTE_USER },
	{ "POST", "/programmes/{slug}/invitations",	prog_invite,	ROUTE_USER },
	{ "POST", "/programmes/{slug}/invitations/{id}", prog_invitation_post, ROUTE_USER },
	{ "GET",  "/programmes/{slug}/participants",	prog_participants, ROUTE_USER },
	{ "POST", "/programmes/{slug}/participants/{id}", prog_participant_post, ROUTE_USER },
	{ "GET",  "/programmes/{slug}/matching",	prog_matching,	ROUTE_USER },
	{ "POST", "/programmes/{slug}/matching",	prog_matching_post, ROUTE_USER },
	{ "GET",  "/programmes/{slug}/dashboard",	prog_dashboard,	ROUTE_USER },
	{ "GET",  "/programmes/{slug}/export.csv",	prog_export,	ROUTE_USER },
	{ "GET",  "/programmes/{slug}/surveys.csv",	prog_surveys_csv, ROUTE_USER },
	{ "GET",  "/programmes/{slug}/pairs/{id}",	prog_pair,	ROUTE_USER },
	{ "POST", "/programmes/{slug}/pairs/{id}",	prog_pair_post,	ROUTE_USER },
	{ "GET",  "/surveys/{id}",			prog_survey,	ROUTE_USER },
	{ "POST", "/surveys/{id}",			prog_survey_post, ROUTE_USER },
};

APP_MAIN_KEPT("programmes", routes, prog_kept)

const char *const prog_roles[] = { "mentee", "mentor", NULL };

const char *
prog_once_key(struct req *r, const char *what)
{
	char t[SESS_TOKEN_LEN + 1];

	sess_token(t);
	return req_printf(r, "programme-%s:%.16s", what, t);
}

/* ---- loading: one rule for who may see and manage ------------------------ */

/*
 * An earlier address of a programme (sql/325) leads to the same page at
 * its address now, the rest of the path and the query kept (an
 * invitation's link, a notification's): 302, or 307 for a form, so that
 * it is posted again there. Not 301 or 308: a browser keeps those for
 * good, and an address given back to the programme (or taken by another)
 * then looped between the two. -1 after answering, 404 when the address
 * was never a programme's.
 */
static int
prog_moved(struct req *r)
{
	const char *now, *rest;
	size_t n = strlen("/programmes/") + strlen(r->arg[0]);

	now = db_value(r, "SELECT p.slug FROM programme_slugs s JOIN "
	    "programmes p ON p.id = s.programme_id WHERE s.slug = ?", "s",
	    r->arg[0]);
	if (now == NULL) {
		if (!r->db_failed)
			page_error_msg(r, 404, "There is no programme at this "
			    "address.");
		return -1;
	}
	/*
	 * A notification links the address the programme had when it was
	 * written: opened there, it is read, as at the page's own address
	 * (the redirect is no 200, which notif_seen waits for).
	 */
	if (!req_is_post(r) && notif_seen(r, 200) == -1)
		return -1;
	rest = strlen(r->path) >= n ? r->path + n : "";
	resp_redirect_as(r, req_is_post(r) ? 307 : 302, req_printf(r,
	    "/programmes/%s%s%s%s", now, rest, r->query_string != NULL &&
	    *r->query_string != '\0' ? "?" : "", r->query_string != NULL ?
	    r->query_string : ""));
	return -1;
}

/*
 * Loads the programme of the route's {slug} for the viewer: 0 found,
 * -1 after answering (404 unknown, a 302 from an earlier address, or the
 * database failed).
 */
int
prog_load(struct req *r, struct prog *p)
{
	struct db_rows *rows;

	memset(p, 0, sizeof(*p));
	rows = db_query(r, "SELECT p.id, p.slug, p.name, p.description, "
	    "p.join_mode, p.mentor_approval, p.starts_on, p.ends_on, "
	    "p.review_weeks, p.cadence, p.ground_rules, p.roadmap_id, "
	    "rm.title AS roadmap_title, "
	    "o.user_id IS NOT NULL AS organiser, pp.id AS part_id, "
	    "pp.role AS part_role, pp.status AS part_status "
	    "FROM programmes p "
	    "LEFT JOIN roadmaps rm ON rm.id = p.roadmap_id "
	    "LEFT JOIN programme_organisers o ON o.programme_id = p.id "
	    "AND o.user_id = ? "
	    "LEFT JOIN programme_participants pp ON pp.programme_id = p.id "
	    "AND pp.user_id = ? WHERE p.slug = ?", "iis",
	    r->user.id, r->user.id, r->arg[0]);
	if (rows == NULL)
		return -1;
	if (rows->nrows == 0)
		return prog_moved(r);
	p->id = db_get_int(rows, 0, "id");
	p->slug = db_get(rows, 0, "slug");
	p->name = db_get(rows, 0, "name");
	p->description = db_get(rows, 0, "description");
	p->join = db_get(rows, 0, "join_mode");
	p->approval = (int)db_get_int(rows, 0, "mentor_approval");
	p->starts_on = db_get(rows, 0, "starts_on");
	p->ends_on = db_get(rows, 0, "ends_on");
	p->review_weeks = db_get_int(rows, 0, "review_weeks");
	p->cadence = db_get(rows, 0, "cadence");
	p->ground_rules = db_get(rows, 0, "ground_rules");
	p->roadmap_id = db_get_int(rows, 0, "roadmap_id");
	p->roadmap_title = db_get(rows, 0, "roadmap_title");
	p->organiser = db_get_int(rows, 0, "organiser") || r->user.admin;
	p->part_id = db_get_int(rows, 0, "part_id");
	p->part_role = db_get(rows, 0, "part_role");
	p->part_status = db_get(rows, 0, "part_status");
	return 0;
}

/* prog_load for the programme's organisers only: anyone else gets 403. */
int
prog_manage(struct req *r, struct prog *p)
{
	if (prog_load(r, p) == -1)
		return -1;
	if (!p->organiser) {
		page_error_msg(r, 403, "Only this programme's organisers can "
		    "manage it.");
		return -1;
	}
	return 0;
}

/*
 * The part of every page about the programme itself; tab: the organisers'
 * tab the page is ("Dashboard", ...; NULL: none), marked current and
 * named on the phone's tab menu.
 */
void
prog_head(struct tdict *d, const struct prog *p, const char *tab)
{
	static const char *const tabs[][2] = {
		{ "Overview", "TAB_OVERVIEW" }, { "Dashboard", "TAB_DASHBOARD" },
		{ "Participants", "TAB_PARTICIPANTS" },
		{ "Matching", "TAB_MATCHING" },
		{ "Invitations", "TAB_INVITATIONS" },
		{ "Settings", "TAB_SETTINGS" },
	};
	struct tdict *nav = tmpl_include(d, "NAV", "programmes_nav.tpl");
	struct tdict *t[2] = { d, nav };
	size_t i;

	/* an include does not see its parent's values: both get them */
	for (i = 0; i < 2; i++) {
		tmpl_set(t[i], "PROG_SLUG", p->slug);
		tmpl_set(t[i], "PROG_NAME", p->name);
		if (p->organiser)
			tmpl_show(t[i], "ORGANISER");
	}
	tmpl_set(nav, "TAB_CURRENT", "Manage the programme");
	for (i = 0; tab != NULL && i < sizeof(tabs) / sizeof(tabs[0]); i++)
		if (strcmp(tabs[i][0], tab) == 0) {
			tmpl_show(nav, tabs[i][1]);
			tmpl_set(nav, "TAB_CURRENT", tab);
		}
}


/* ---- /programmes ---------------------------------------------------------- */

static void
list_fill(struct req *r, struct tdict *d, const char *section,
    const struct db_rows *rows)
{
	struct tdict *s;
	size_t i;

	for (i = 0; i < rows->nrows; i++) {
		s = tmpl_section(d, section);
		tmpl_set(s, "SLUG", db_get(rows, i, "slug"));
		tmpl_set(s, "NAME", db_get(rows, i, "name"));
		tmpl_set(s, "PEOPLE", db_get(rows, i, "people"));
		if (strcmp(db_get(rows, i, "join_mode"), "open") == 0)
			tmpl_show(s, "IS_OPEN");
		else
			tmpl_show(s, "IS_INVITE");
		if (db_get(rows, i, "my_role") != NULL)
			tmpl_set(tmpl_section(s, "MINE"), "MY_ROLE",
			    db_get(rows, i, "my_role"));
	}
	if (rows->nrows == 0)
		tmpl_show(d, req_printf(r, "%s_NONE", section));
}

#define LIST_COLS "SELECT p.slug, p.name, p.join_mode, pp.role AS my_role, " \
	"(SELECT COUNT(*) FROM programme_participants c WHERE " \
	"c.programme_id = p.id AND c.status IN ('waiting', 'active')) AS people "

static void
prog_index(struct req *r)
{
	struct db_rows *mine, *open, *run;
	struct tdict *d;

	mine = db_query(r, LIST_COLS "FROM programme_participants pp "
	    "JOIN programmes p ON p.id = pp.programme_id WHERE pp.user_id = ? "
	    "AND pp.status IN ('waiting', 'active') ORDER BY p.name LIMIT 100",
	    "i", r->user.id);
	run = db_query(r, LIST_COLS "FROM programmes p "
	    "LEFT JOIN programme_participants pp ON pp.programme_id = p.id "
	    "AND pp.user_id = ? WHERE ? OR p.id IN (SELECT programme_id FROM "
	    "programme_organisers WHERE user_id = ?) ORDER BY p.name LIMIT 200",
	    "iii", r->user.id, (long long)r->user.admin, r->user.id);
	open = db_query(r, LIST_COLS "FROM programmes p "
	    "LEFT JOIN programme_participants pp ON pp.programme_id = p.id "
	    "AND pp.user_id = ? WHERE p.join_mode = 'open' AND pp.id IS NULL "
	    "ORDER BY p.id DESC LIMIT 100", "i", r->user.id);
	if (mine == NULL || run == NULL || open == NULL)
		return;
	d = page_new(r, "Programmes", "programmes_index.tpl");
	list_fill(r, d, "MINE", mine);
	list_fill(r, d, "OPEN", open);
	if (run->nrows > 0) {
		tmpl_show(d, "RUNS");
		list_fill(r, d, "RUN", run);
	}
	if (r->user.admin)
		tmpl_show(d, "CAN_CREATE");
	page_send(r, 200);
}


/*
 * The search as a LIKE pattern for a part of a name or an address, its
 * wildcards taken as letters ('!' escapes them), or NULL for none. LIKE,
 * not LOCATE: LIKE compares by the column's collation, so "zoe" finds
 * "Zoë", which LOCATE did not.
 */
const char *
prog_search_like(struct req *r, const char *q)
{
	struct buf b = { NULL, 0, 0 };
	const char *out;

	if (q == NULL)
		return NULL;
	buf_printf(&b, "%%");
	for (; *q != '\0'; q++)
		buf_printf(&b, "%s%c", strchr("!%_", *q) != NULL ? "!" : "", *q);
	buf_printf(&b, "%%");
	out = req_strdup(r, b.p);
	buf_free(&b);
	return out;
}

/* ---- /programmes/{slug} ----------------------------------------------------- */

const char *
prog_status_label(const char *role, const char *status)
{
	if (status == NULL)
		return "";
	if (strcmp(status, "waiting") == 0)
		return "Waiting for an organiser's approval";
	if (strcmp(status, "rejected") == 0)
		return "Not approved";
	if (strcmp(status, "removed") == 0)
		return "Removed";
	if (strcmp(status, "left") == 0)
		return "Left the programme";
	return strcmp(role, "mentor") == 0 ? "Approved mentor" : "Joined";
}

/* The programme's counts for its organisers, from the participants' index. */
static int
counts_fill(struct req *r, struct tdict *d, const struct prog *p)
{
	struct db_rows *c;

	c = db_query(r, "SELECT "
	    "SUM(role = 'mentee' AND status = 'active') AS mentees, "
	    "SUM(role = 'mentor' AND status = 'active') AS mentors, "
	    "SUM(status = 'waiting') AS waiting, "
	    "(SELECT COUNT(*) FROM programme_invitations i WHERE "
	    "i.programme_id = ? AND i.used_at IS NULL AND i.declined_at IS "
	    "NULL) AS invited, "
	    "(SELECT COUNT(*) FROM mentorships m WHERE m.programme_id = ? AND "
	    "m.stage IN (" STAGES_ACTIVE ")) AS pairs FROM "
	    "programme_participants WHERE programme_id = ?",
	    "iii", p->id, p->id, p->id);
	if (c == NULL)
		return -1;
	tmpl_set(d, "N_MENTEES", db_get(c, 0, "mentees") ?
	    db_get(c, 0, "mentees") : "0");
	tmpl_set(d, "N_MENTORS", db_get(c, 0, "mentors") ?
	    db_get(c, 0, "mentors") : "0");
	tmpl_set(d, "N_WAITING", db_get(c, 0, "waiting") ?
	    db_get(c, 0, "waiting") : "0");
	if (db_get_int(c, 0, "waiting") > 0)
		tmpl_show(d, "HAS_WAITING");
	tmpl_set(d, "N_INVITED", db_get(c, 0, "invited"));
	tmpl_set(d, "N_PAIRS", db_get(c, 0, "pairs"));
	return 0;
}

/*
 * The viewer's own pairs in this programme, the open ones first (a
 * declined request above the pair under way: found walking): how many
 * are open, or -1.
 */
static int
my_pairs_fill(struct req *r, struct tdict *d, const struct prog *p)
{
	struct db_rows *m;
	struct tdict *s;
	size_t i;
	int open = 0;

	m = db_query(r, "SELECT m.id, m.stage, m.focus, u.display_name AS other, "
	    "m.stage IN (" STAGES_OPEN ") AS open FROM mentorships m JOIN "
	    "users u ON u.id = IF(m.mentor_id = ?, "
	    "m.mentee_id, m.mentor_id) WHERE m.programme_id = ? AND "
	    "(m.mentor_id = ? OR m.mentee_id = ?) ORDER BY open DESC, m.id DESC "
	    "LIMIT 20",
	    "iiii", r->user.id, p->id, r->user.id, r->user.id);
	if (m == NULL)
		return -1;
	for (i = 0; i < m->nrows; i++) {
		s = tmpl_section(d, "MY_PAIR");
		tmpl_set(s, "M_ID", db_get(m, i, "id"));
		tmpl_set(s, "M_FOCUS", db_get(m, i, "focus"));
		tmpl_set(s, "M_OTHER", db_get(m, i, "other"));
		tmpl_set(s, "M_STAGE", mship_stage_label(db_get(m, i, "stage")));
		open += db_get_int(m, i, "open") != 0;
	}
	return open;
}

/*
 * For a mentee of the programme without a pair: its approved mentors with
 * a place left, but one they are paired with elsewhere or who declined
 * them (the board's rule too). When those are all there is, the page
 * says so: "no mentor has a place" told a mentee whom the one mentor
 * with places had declined (found walking).
 */
static int
mentors_fill(struct req *r, struct tdict *d, const struct prog *p)
{
	struct db_rows *m;
	struct tdict *s;
	size_t i, shown = 0;

	m = db_query(r, "SELECT u.display_name, u.slug, u.headline, u.skills, "
	    "CAST(pp.capacity AS SIGNED) - " COHORT_TAKEN("pp.programme_id",
	    "pp.user_id")
	    " AS places, EXISTS (SELECT 1 FROM mentorships ms WHERE "
	    "ms.mentee_id = ? AND ms.mentor_id = pp.user_id AND "
	    SUGGEST_NOT_AGAIN("ms") ") AS not_again "
	    "FROM programme_participants pp JOIN users u ON u.id = "
	    "pp.user_id WHERE pp.programme_id = ? AND pp.role = 'mentor' AND "
	    "pp.status = 'active' AND u.disabled_at IS NULL "
	    "HAVING places > 0 ORDER BY not_again, places DESC, "
	    "u.display_name LIMIT 100", "ii", r->user.id, p->id);
	if (m == NULL)
		return -1;
	for (i = 0; i < m->nrows; i++) {
		if (db_get_int(m, i, "not_again"))
			continue;
		shown++;
		s = tmpl_section(d, "MENTOR");
		tmpl_set(s, "M_NAME", db_get(m, i, "display_name"));
		tmpl_set(s, "M_SLUG", db_get(m, i, "slug"));
		tmpl_set(s, "M_HEADLINE", db_get(m, i, "headline"));
		if (db_get(m, i, "skills") != NULL &&
		    *db_get(m, i, "skills") != '\0')
			tmpl_set(tmpl_section(s, "M_SKILLS"), "SKILLS",
			    db_get(m, i, "skills"));
		tmpl_set(s, "M_PLACES", db_get(m, i, "places"));
	}
	if (shown > 0)
		tmpl_show(d, "HAS_MENTORS");
	else if (m->nrows > 0)
		return prog_contact(r, tmpl_section(d, "NO_MENTORS_LEFT"), p);
	else
		tmpl_show(d, "NO_MENTORS");
	return 0;
}

int
prog_about(struct req *r, struct tdict *d, const struct prog *p)
{
	const char *names;

	tmpl_set(d, "DESCRIPTION_HTML", md_html(r, p->description));
	if (p->starts_on != NULL && p->ends_on != NULL)
		tmpl_set(tmpl_section(d, "WHEN"), "WHEN_TEXT", req_printf(r,
		    "From %s to %s", page_date_text(r, p->starts_on),
		    page_date_text(r, p->ends_on)));
	names = db_value(r, "SELECT GROUP_CONCAT(u.display_name ORDER BY "
	    "o.created_at, u.id SEPARATOR ', ') FROM programme_organisers o "
	    "JOIN users u ON u.id = o.user_id WHERE o.programme_id = ? AND "
	    "u.disabled_at IS NULL", "i", p->id);
	if (names == NULL)
		return r->db_failed ? -1 : 0;
	tmpl_set(tmpl_section(d, "ORGANISED"), "ORGANISERS", names);
	return 0;
}

int
prog_contact(struct req *r, struct tdict *d, const struct prog *p)
{
	struct db_rows *o;
	struct tdict *c, *e;
	size_t i;

	o = db_query(r, "SELECT u.display_name AS name, u.email FROM "
	    "programme_organisers o JOIN users u ON u.id = o.user_id WHERE "
	    "o.programme_id = ? AND u.disabled_at IS NULL ORDER BY "
	    "o.created_at, u.id LIMIT 20", "i", p->id);
	if (o == NULL)
		return -1;
	if (o->nrows == 0)
		return 0;
	c = tmpl_include(d, "CONTACT", "programmes_contact.tpl");
	for (i = 0; i < o->nrows; i++) {
		e = tmpl_section(c, "ORGANISER");
		tmpl_set(e, "NAME", db_get(o, i, "name"));
		tmpl_set(e, "EMAIL", db_get(o, i, "email"));
	}
	return 0;
}

int
prog_tell_organisers(struct req *r, const struct prog *p, const char *kind,
    const char *title, const char *path, const char *key)
{
	struct db_rows *o;
	size_t i;

	o = db_query(r, "SELECT user_id AS id FROM programme_organisers "
	    "WHERE programme_id = ? UNION SELECT id FROM users WHERE is_admin "
	    "= 1 AND disabled_at IS NULL AND NOT EXISTS (SELECT 1 FROM "
	    "programme_organisers WHERE programme_id = ?)", "ii", p->id, p->id);
	if (o == NULL)
		return -1;
	for (i = 0; i < o->nrows; i++)
		if (notif_add(r, db_get_int(o, i, "id"), kind, title, path,
		    req_printf(r, "%s:%s", key, db_get(o, i, "id"))) == -1)
			return -1;
	return 0;
}

/*
 * What the viewer told the programme, with the way to change it, and
 * what it still waits for: a question added after they joined was never
 * asked, and a typo stayed for good (found walking). And a profile that
 * matching cannot read: skills are half of a suggestion's score, and
 * joining by invitation never asked for them. -1 db.
 */
static int
you_answers(struct req *r, struct tdict *s, const struct prog *p)
{
	struct db_rows *q;
	struct tdict *a, *list;
	size_t i, missing = 0, asked = 0;

	if (!prog_place_open(p->part_status))
		return 0;
	/* every answer the organisers read, asked of this role or not */
	q = db_query(r, "SELECT q.prompt, a.answer, q.required, q.audience "
	    "IN ('both', ?) AS asked FROM programme_questions q LEFT JOIN "
	    "programme_answers a ON a.question_id = q.id AND "
	    "a.participant_id = ? WHERE q.programme_id = ? ORDER BY "
	    PROG_QUESTION_ORDER("q.") " LIMIT 50", "sii", p->part_role,
	    p->part_id, p->id);
	if (q == NULL)
		return -1;
	for (i = 0, list = NULL; i < q->nrows; i++) {
		asked += db_get_int(q, i, "asked") != 0;
		if (db_get(q, i, "answer") == NULL) {
			missing += db_get_int(q, i, "asked") &&
			    db_get_int(q, i, "required");
			continue;
		}
		if (list == NULL)	/* one section: each call adds one */
			list = tmpl_section(s, "MY_ANSWERS");
		a = tmpl_section(list, "ANSWER");
		tmpl_set(a, "Q", db_get(q, i, "prompt"));
		tmpl_set(a, "A", db_get(q, i, "answer"));
	}
	if (missing > 0)
		tmpl_set(tmpl_section(s, "ANSWERS_MISSING"), "TEXT",
		    missing == 1 ? "A question waits for your answer." :
		    req_printf(r, "%zu questions wait for your answer.",
		    missing));
	else if (asked > 0)
		tmpl_show(s, "ANSWERS_CHANGE");
	q = db_query(r, "SELECT skills = '' AND languages = '' AND headline = "
	    "'' AS bare FROM users WHERE id = ?", "i", r->user.id);
	if (q == NULL)
		return -1;
	if (q->nrows == 1 && db_get_int(q, 0, "bare"))
		tmpl_show(s, "PROFILE_BARE");
	return 0;
}

/* The viewer's place: their role, status and pairs, or why they left. */
static int
you_fill(struct req *r, struct tdict *d, struct prog *p,
    const struct fval *places)
{
	struct tdict *s = tmpl_section(d, "PARTICIPANT");
	int open;

	tmpl_set(s, "MY_ROLE", p->part_role);
	tmpl_set(s, "MY_STATUS", prog_status_label(p->part_role,
	    p->part_status));
	if ((open = my_pairs_fill(r, s, p)) == -1 ||
	    prog_place_fill(r, s, p, places) == -1 ||
	    you_answers(r, s, p) == -1)
		return -1;
	if (open == 0 && strcmp(p->part_role, "mentee") == 0 &&
	    strcmp(p->part_status, "active") == 0 &&
	    mentors_fill(r, d, p) == -1)
		return -1;
	return 0;
}

void
prog_show_page(struct req *r, struct prog *p, int status,
    const struct fval *places)
{
	struct invite inv;
	struct tdict *d;
	int in = p->part_id > 0;

	d = page_new(r, p->name, "programmes_show.tpl");
	prog_head(d, p, "Overview");
	if (prog_about(r, d, p) == -1)
		return;
	tmpl_set(d, "CADENCE", mship_cadence_label(p->cadence));
	tmpl_set_int(d, "REVIEW_WEEKS", p->review_weeks);
	if (p->starts_on != NULL)
		tmpl_set(tmpl_section(d, "STARTS"), "STARTS_ON",
		    page_date_text(r, p->starts_on));
	if (p->ends_on != NULL)
		tmpl_set(tmpl_section(d, "ENDS"), "ENDS_ON",
		    page_date_text(r, p->ends_on));
	if (p->roadmap_title != NULL)
		tmpl_set(tmpl_section(d, "ROADMAP"), "ROADMAP_TITLE",
		    p->roadmap_title);
	tmpl_show(d, strcmp(p->join, "open") == 0 ? "IS_OPEN" : "IS_INVITE");
	if (in && you_fill(r, d, p, places) == -1)
		return;
	/* one who left may come back as anyone may: open, or invited */
	in = in && strcmp(p->part_status, "left") != 0;
	if (!in && strcmp(p->join, "open") == 0)
		tmpl_show(d, "CAN_JOIN");
	else if (!in && r->user.id > 0) {
		/* invited by mail: where the way in is (SPEC §11: the link) */
		if (invite_mine(r, p, &inv) == -1)
			return;
		if (inv.id > 0) {
			struct tdict *s = tmpl_section(d, "INVITED");
			tmpl_set(s, "INVITE_ROLE", inv.role);
			tmpl_set(s, "INVITE_EMAIL", inv.email);
		}
	}
	if (p->organiser && counts_fill(r, d, p) == -1)
		return;
	page_send(r, status);
}

static void
prog_show(struct req *r)
{
	struct prog p;

	if (prog_load(r, &p) == -1)
		return;
	prog_show_page(r, &p, 200, NULL);
}

