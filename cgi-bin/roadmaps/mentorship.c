/*
 * roadmaps: a mentorship's roadmap: applying one, then dating, linking to
 * goals and ticking off its milestones.
 */
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "field.h"
#include "md.h"
#include "mship.h"
#include "page.h"
#include "resp.h"
#include "roadmaps.h"
#include "stage.h"

/* The form of one milestone of the mentorship that failed, to re-show. */
struct mform {
	long long	 mid;
	const char	*due_date;
	const char	*goal;
	const char	*error;
};

/* Applying a roadmap to a mentorship. */
enum { AP_ROADMAP, AP_START, AP_AGAIN, APPLY_NFIELDS };
static const struct field apply_fields[APPLY_NFIELDS] = {
	{ "roadmap",	F_INT,	1, 9223372036854775807LL, 1, NULL },
	{ "start_date",	F_DATE,	10, 10, 1, NULL },
	/* "yes, apply it again": sent from the question asked first */
	{ "again",	F_BOOL,	0, 1, 0, NULL },
};

/* Taking back what an applied roadmap added: its open milestones,
 * asked first on the page (?remove=ID), then sent (roadmap=ID). */
static const struct field remove_field =
	{ "remove",	F_INT,	1, 9223372036854775807LL, 0, NULL };
static const struct field unapply_field =
	{ "roadmap",	F_INT,	1, 9223372036854775807LL, 1, NULL };

/* Changing one applied milestone: each field only when sent. */
enum { UP_GOAL, UP_DUE, UP_DONE, UP_INSTANT, UPD_NFIELDS };
static const struct field upd_fields[UPD_NFIELDS] = {
	{ "goal",	F_INT,	0, 9223372036854775807LL, 0, NULL },
	{ "due_date",	F_DATE,	10, 10, 0, NULL },
	{ "done",	F_INT,	0, 1, 0, NULL },
	/* sent by menteo.js, which shows the change itself: no flash */
	{ "instant",	F_BOOL,	0, 1, 0, NULL },
};

/* Dates people type: a real date, and not one from another century. */
static const char *
date_sane(const char *s)
{
	if (s == NULL)
		return NULL;
	if (strcmp(s, "2000-01-01") < 0 || strcmp(s, "2099-12-31") > 0)
		return "Enter a date between 2000 and 2099.";
	return NULL;
}

/* Why m's milestones cannot change at its stage now, or NULL. */
static const char *
mr_refusal(const struct mship *m)
{
	if (!m->is_open)
		return "This mentorship is closed: its milestones are kept as "
		    "a record and can no longer change.";
	if (strcmp(m->stage, "requested") == 0)
		return "This request has not been accepted yet: a roadmap can "
		    "be applied once it is.";
	return NULL;
}

/* The mentorship r->id[0] for one of its parties; answers errors itself. */
static int
mr_load(struct req *r, struct mship *m, int writing)
{
	const char *why;

	if (mship_open(r, r->id[0], m, "Only the mentor and the mentee of "
	    "this mentorship can see or change its milestones.") == -1)
		return -1;
	if (writing && (why = mr_refusal(m)) != NULL) {
		page_error_msg(r, 409, why);
		return -1;
	}
	return 0;
}

/*
 * The first step of every write of m's milestones, in its transaction:
 * the mentorship locked and its stage read again (stage_lock), as it may
 * have ended since mr_load read it (found in a review: a roadmap taken
 * off a pair ended meanwhile). 0, 404, 409 (*why) or -1.
 */
static int
mr_lock(struct req *r, struct mship *m, const char **why)
{
	int rc;

	if ((rc = stage_lock(r, m)) != 0)
		return rc;
	return (*why = mr_refusal(m)) != NULL ? 409 : 0;
}

/* A write's transaction refused under mr_lock (404, 409), or failed. */
static void
mr_refused(struct req *r, int rc, const char *why)
{
	if (rc == 409)
		page_error_msg(r, 409, why);
	else if (rc == 404)
		page_error(r, 404);
	/* -1: the database failed, answered as every page's 503 */
}

/*
 * The roadmaps one may apply to mentorship mid: a programme pair's
 * suggested roadmap first, chosen unless another is (SPEC §11), then
 * curated, mine, shared by others.
 */
static int
mr_choices(struct req *r, struct tdict *d, long long mid, const char *chosen)
{
	static const char *const grp[][2] = {
		{ "OPT_SUGGESTED", "GRP_SUGGESTED" },
		{ "OPT_CURATED", "GRP_CURATED" }, { "OPT_MINE", "GRP_MINE" },
		{ "OPT_SHARED", "GRP_SHARED" },
	};
	struct db_rows *rows;
	size_t i;

	rows = db_query(r,
	    "SELECT rm.id, rm.title, IF(rm.id <=> s.roadmap_id, 0, "
	    "IF(rm.kind = 'curated', 1, IF(rm.owner_id = ?, 2, 3))) AS grp, "
	    "u.display_name, (SELECT COUNT(*) FROM roadmap_milestones x "
	    "WHERE x.roadmap_id = rm.id) AS milestones "
	    "FROM roadmaps rm LEFT JOIN users u ON u.id = rm.owner_id "
	    "LEFT JOIN (SELECT p.roadmap_id FROM mentorships m JOIN programmes "
	    "p ON p.id = m.programme_id WHERE m.id = ?) s ON TRUE "
	    "WHERE rm.kind = 'curated' OR rm.owner_id = ? OR "
	    "(rm.kind = 'custom' AND rm.visibility = 'shared') "
	    "ORDER BY grp, rm.title LIMIT 300", "iii", (long long)r->user.id,
	    mid, (long long)r->user.id);
	if (rows == NULL)
		return -1;
	for (i = 0; i < rows->nrows; i++) {
		long long g = db_get_int(rows, i, "grp");
		struct tdict *o;

		if (g < 0 || g > 3)
			g = 3;
		o = tmpl_section(d, grp[g][0]);
		tmpl_show(d, grp[g][1]);
		tmpl_set(o, "RID", db_get(rows, i, "id"));
		tmpl_set(o, "RTITLE", db_get(rows, i, "title"));
		tmpl_set(o, "RCOUNT", db_get(rows, i, "milestones"));
		if (g == 3)
			tmpl_set(tmpl_section(o, "BY"), "BY_NAME",
			    db_get(rows, i, "display_name"));
		if (chosen != NULL ? strcmp(chosen, db_get(rows, i, "id")) == 0 :
		    g == 0)
			tmpl_show(o, "SELECTED");
	}
	return 0;
}

/* Progress numbers: all, done, overdue (MS_OVERDUE, as the dashboard). */
static int
mr_progress(struct req *r, struct tdict *d, long long mid)
{
	struct db_rows *p;
	long long total, done, overdue;

	p = db_query(r,
	    "SELECT COUNT(*) AS total, COUNT(done_at) AS done, "
	    "COALESCE(SUM(" MS_OVERDUE("ms", "?") "), 0) AS overdue "
	    "FROM mentorship_milestones ms WHERE mentorship_id = ?", "si",
	    page_today(r), mid);
	if (p == NULL)
		return -1;
	total = db_get_int(p, 0, "total");
	done = db_get_int(p, 0, "done");
	overdue = db_get_int(p, 0, "overdue");
	if (total == 0)
		return 0;
	d = tmpl_section(d, "PROGRESS");
	tmpl_set_int(d, "TOTAL", total);
	tmpl_set_int(d, "DONE", done);
	tmpl_set_int(d, "OVERDUE", overdue);
	tmpl_set_int(d, "PERCENT", done * 100 / total);
	tmpl_show(d, overdue > 0 ? "HAS_OVERDUE" : "NO_OVERDUE");
	return 0;
}

static void
mr_goal_options(struct tdict *row, struct db_rows *goals, const char *sel)
{
	size_t i;

	for (i = 0; goals != NULL && i < goals->nrows; i++) {
		struct tdict *g = tmpl_section(row, "GOALS");
		tmpl_set(g, "GID", db_get(goals, i, "id"));
		tmpl_set(g, "GTITLE", db_get(goals, i, "title"));
		if (sel != NULL && strcmp(sel, db_get(goals, i, "id")) == 0)
			tmpl_show(g, "GSELECTED");
	}
	if (sel == NULL || *sel == '\0' || strcmp(sel, "0") == 0)
		tmpl_show(row, "NO_GOAL_SELECTED");
}

static void
mr_row(struct req *r, struct tdict *row, struct db_rows *ms, size_t i,
    struct db_rows *goals, int writable, const struct mform *mf)
{
	const char *st = db_get(ms, i, "stage");
	const char *goal = db_get(ms, i, "goal_id");
	const char *due = db_get(ms, i, "due_date");
	int done = db_get(ms, i, "done_at") != NULL;
	int mine = mf != NULL && mf->mid == db_get_int(ms, i, "id");

	tmpl_set(row, "MID", db_get(ms, i, "id"));
	tmpl_set(row, "M_TITLE", db_get(ms, i, "title"));
	if (*db_get(ms, i, "description") != '\0')
		tmpl_set(tmpl_section(row, "HAS_DESC"), "DESCRIPTION_HTML",
		    md_html(r, db_get(ms, i, "description")));
	page_date(r, row, "DUE", due);
	tmpl_set(row, "DUE_DATE", mine && mf->due_date != NULL ?
	    mf->due_date : due);
	if (st != NULL) {
		struct tdict *b = tmpl_section(row, "HAS_STAGE");
		tmpl_set(b, "STAGE", st);
		tmpl_set(b, "STAGE_LABEL", mship_stage_label(st));
	}
	if (done) {
		struct tdict *s = tmpl_section(row, "IS_DONE");
		page_time(r, s, "DONE_AT", db_get(ms, i, "done_at"));
		tmpl_set(s, "DONE_BY", db_get(ms, i, "done_name") != NULL ?
		    db_get(ms, i, "done_name") : "a former member");
		tmpl_set(row, "CLASS", "done");
	} else if (db_get_int(ms, i, "overdue")) {
		tmpl_show(row, "IS_OVERDUE");
		tmpl_set(row, "CLASS", "overdue");
	} else
		tmpl_show(row, "IS_OPEN");
	if (goal != NULL)
		tmpl_set(tmpl_section(row, "HAS_GOAL"), "GOAL_TITLE",
		    db_get(ms, i, "goal_title"));
	if (!writable)
		return;
	row = tmpl_section(row, "WRITABLE");
	tmpl_show(row, done ? "CAN_REOPEN" : "CAN_DONE");
	mr_goal_options(row, goals, mine && mf->goal != NULL ? mf->goal :
	    goal);
	if (mine && mf->error != NULL) {
		tmpl_set(tmpl_section(row, "ROW_ERROR"), "MESSAGE", mf->error);
		tmpl_show(row, "ROW_INVALID");
	}
}

/*
 * The roadmaps applied to mentorship mid, each with what it added and
 * a way to take back its open milestones in one step (an applied wrong
 * roadmap was ten removals); ?remove=ID asks first, on this page.
 */
static int
mr_applied(struct req *r, struct tdict *d, long long mid)
{
	struct db_rows *q;
	struct tdict *s, *a;
	struct fval ask;
	long long open;
	size_t i;

	q = db_query(r, "SELECT rm.id, rm.title, COUNT(*) AS total, "
	    "COUNT(mm.done_at) AS done FROM mentorship_milestones mm JOIN "
	    "roadmaps rm ON rm.id = mm.roadmap_id WHERE mm.mentorship_id = ? "
	    "GROUP BY rm.id, rm.title ORDER BY MIN(mm.id)", "i", mid);
	if (q == NULL)
		return -1;
	if (q->nrows == 0)
		return 0;
	field_read(r, &remove_field, 1, &ask);
	s = tmpl_section(d, "APPLIED");
	for (i = 0; i < q->nrows; i++) {
		a = tmpl_section(s, "ROADMAPS");
		open = db_get_int(q, i, "total") - db_get_int(q, i, "done");
		tmpl_set(a, "RID", db_get(q, i, "id"));
		tmpl_set(a, "RTITLE", db_get(q, i, "title"));
		tmpl_set(a, "DONE", db_get(q, i, "done"));
		tmpl_set(a, "TOTAL", db_get(q, i, "total"));
		if (open == 0)
			continue;
		tmpl_set_int(a, "OPEN", open);
		tmpl_set(a, "S", open == 1 ? "" : "s");
		if (ask.str == NULL || db_get_int(q, i, "id") != ask.num) {
			tmpl_show(a, "CAN_REMOVE");
			continue;
		}
		a = tmpl_section(a, "ASK_REMOVE");
		if (db_get_int(q, i, "done") > 0)
			tmpl_show(a, "KEEPS_DONE");
	}
	return 0;
}

/*
 * The roadmap page of a mentorship. apply: the apply form to put back;
 * again: the title of a roadmap already applied, asked about first.
 */
static void
mr_page_ask(struct req *r, struct mship *m, struct fval *apply,
    const struct mform *mf, const char *again, int status)
{
	struct tdict *d, *s;
	struct db_rows *ms, *goals = NULL;
	int writable = m->is_open && strcmp(m->stage, "requested") != 0;
	size_t i, stages = 0;

	ms = db_query(r,
	    "SELECT mm.id, mm.title, mm.description, mm.due_date, mm.done_at, "
	    "mm.stage, mm.goal_id, g.title AS goal_title, "
	    "u.display_name AS done_name, "
	    MS_OVERDUE("mm", "?") " AS overdue "
	    "FROM mentorship_milestones mm "
	    "LEFT JOIN goals g ON g.id = mm.goal_id "
	    "LEFT JOIN users u ON u.id = mm.done_by "
	    "WHERE mm.mentorship_id = ? ORDER BY mm.due_date, mm.position, mm.id",
	    "si", page_today(r), m->id);
	if (ms == NULL)
		return;
	if (writable && (goals = db_query(r, "SELECT id, title FROM goals "
	    "WHERE mentorship_id = ? ORDER BY id", "i", m->id)) == NULL)
		return;
	d = page_new(r, req_printf(r, "%s: roadmap", m->focus),
	    "roadmaps_mentorship.tpl");
	tmpl_set_int(d, "MSHIP_ID", m->id);
	tmpl_set(d, "FOCUS", m->focus);
	tmpl_set(d, "MENTOR_NAME", m->mentor_name);
	tmpl_set(d, "MENTEE_NAME", m->mentee_name);
	tmpl_set(d, "STAGE", m->stage);
	tmpl_set(d, "STAGE_LABEL", mship_stage_label(m->stage));
	tmpl_set(d, "TODAY", page_today(r));
	if (mr_progress(r, d, m->id) == -1)
		return;
	for (i = 0; i < ms->nrows; i++) {
		mr_row(r, tmpl_section(d, "MILESTONES"), ms, i, goals,
		    writable, mf);
		if (db_get(ms, i, "stage") != NULL && stages++ == 0)
			tmpl_include(d, "STAGE_LEGEND", "roadmaps_stages.tpl");
	}
	if (ms->nrows == 0)
		tmpl_show(d, "EMPTY");
	if (!writable) {
		tmpl_show(d, m->is_open ? "NOT_YET" : "CLOSED");
		page_send(r, status);
		return;
	}
	if (goals != NULL && goals->nrows == 0)
		tmpl_show(d, "NO_GOALS");
	if (mr_applied(r, d, m->id) == -1)
		return;
	s = tmpl_section(d, "CAN_APPLY");
	tmpl_set(s, "APPLY_HEADING", ms->nrows > 0 ? "Add another roadmap" :
	    "Apply a roadmap");
	if (apply != NULL)
		page_form(s, apply_fields, APPLY_NFIELDS, apply);
	else
		tmpl_set(s, "START_DATE", page_today(r));
	if (again != NULL)
		tmpl_set(tmpl_section(s, "ASK_AGAIN"), "AGAIN_TITLE", again);
	if (mr_choices(r, s, m->id, apply != NULL ? apply[0].raw :
	    req_query(r, "roadmap")) == -1)
		return;
	page_send(r, status);
}

static void
mr_page(struct req *r, struct mship *m, struct fval *apply,
    const struct mform *mf, int status)
{
	mr_page_ask(r, m, apply, mf, NULL, status);
}

void
mr_show(struct req *r)
{
	struct mship m;

	if (mr_load(r, &m, 0) == -1)
		return;
	mr_page(r, &m, NULL, NULL, 200);
}

/*
 * Applying, in a transaction that runs again after a deadlock or a Galera
 * certification failure (db_tx_run): the new milestones' triggers move
 * the pair's version and weeks, as a milestone marked at that moment
 * does. 1: applied already, and not asked to again.
 */
struct apply_write {
	struct mship	*m;
	struct fval	*v;
	long long	 added;
	const char	*why;	/* refused under the lock */
};

static int
apply_tx(struct req *r, void *arg)
{
	struct apply_write *w = arg;
	long long mid = w->m->id;
	const char *n;
	int rc;

	/* the lock gives two appliers distinct positions, too */
	if ((rc = mr_lock(r, w->m, &w->why)) != 0)
		return rc;
	if ((n = db_value(r, "SELECT COUNT(*) FROM mentorship_milestones mm "
	    "JOIN roadmaps a ON a.id = mm.roadmap_id JOIN roadmaps b ON b.id = "
	    "? WHERE mm.mentorship_id = ? AND (a.id = b.id OR a.id = "
	    "b.copied_from OR a.copied_from = b.id OR a.copied_from = "
	    "b.copied_from)", "ii", w->v[AP_ROADMAP].num, mid)) == NULL)
		return -1;
	/*
	 * applied already, itself or a copy of it, or the roadmap it copies
	 * (a copy, then its original, made every milestone twice: found
	 * walking): twice is asked first, never done silently
	 */
	if (strcmp(n, "0") != 0 && !w->v[AP_AGAIN].num)
		return 1;
	if ((n = db_value(r, "SELECT COALESCE(MAX(position), 0) FROM "
	    "mentorship_milestones WHERE mentorship_id = ?", "i",
	    mid)) == NULL)
		return -1;
	w->added = db_exec(r,
	    "INSERT INTO mentorship_milestones (mentorship_id, goal_id, title, "
	    "description, due_date, position, stage, roadmap_id, applied_by, "
	    "created_at) SELECT ?, NULL, title, description, "
	    "DATE_ADD(CAST(? AS DATE), INTERVAL week_offset WEEK), "
	    "? + ROW_NUMBER() OVER (ORDER BY " RM_MS_ORDER "), stage, "
	    "roadmap_id, ?, UTC_TIMESTAMP() FROM roadmap_milestones WHERE "
	    "roadmap_id = ?",
	    "isiii", mid, w->v[AP_START].str, strtoll(n, NULL, 10),
	    (long long)r->user.id, w->v[AP_ROADMAP].num);
	return w->added < 0 ? -1 : 0;
}

void
mr_apply(struct req *r)
{
	struct mship m;
	struct fval v[APPLY_NFIELDS];
	struct db_rows *rm = NULL;
	struct apply_write w;
	int rc;

	if (mr_load(r, &m, 1) == -1)
		return;
	field_read(r, apply_fields, APPLY_NFIELDS, v);
	if (v[AP_START].err == NULL &&
	    (v[AP_START].err = date_sane(v[AP_START].str)) != NULL)
		v[AP_START].str = NULL;
	if (v[AP_ROADMAP].err == NULL) {
		/* one the applier may see: curated, shared, or their own */
		rm = db_query(r, "SELECT rm.title, (SELECT COUNT(*) FROM "
		    "roadmap_milestones x WHERE x.roadmap_id = rm.id) "
		    "AS milestones "
		    "FROM roadmaps rm WHERE rm.id = ? AND (rm.kind = 'curated' "
		    "OR rm.visibility = 'shared' OR rm.owner_id = ?)", "ii",
		    v[AP_ROADMAP].num, (long long)r->user.id);
		if (rm == NULL)
			return;
		if (rm->nrows == 0)
			v[AP_ROADMAP].err = "Choose a roadmap from the list.";
		else if (db_get_int(rm, 0, "milestones") == 0)
			v[AP_ROADMAP].err = "This roadmap has no milestones yet: add "
			    "some to it before applying it.";
	}
	if (v[AP_ROADMAP].err != NULL || v[AP_START].err != NULL)
		return mr_page(r, &m, v, NULL, 422);
	w = (struct apply_write){ &m, v, 0, NULL };
	if ((rc = db_tx_run(r, apply_tx, &w)) == 1)
		return mr_page_ask(r, &m, v, NULL, db_get(rm, 0, "title"), 409);
	if (rc != 0)
		return mr_refused(r, rc, w.why);
	resp_flash(r, req_printf(r, "Roadmap applied: %lld milestone%s "
	    "added.", w.added, w.added == 1 ? "" : "s"));
	resp_redirect(r, req_printf(r, "/mentorships/%lld/roadmap", m.id));
}

/* Applies the fields that were sent; 1 when the form must come back. */
static int
mr_change(struct req *r, struct mship *m, struct fval *v, struct mform *mf)
{
	long long mid = r->id[1];

	if (v[UP_GOAL].raw != NULL) {
		long long g = v[UP_GOAL].str != NULL ? v[UP_GOAL].num : 0;
		if (g > 0) {
			const char *ok = db_value(r, "SELECT id FROM goals "
			    "WHERE id = ? AND mentorship_id = ?", "ii", g, m->id);
			if (ok == NULL && r->db_failed)
				return -1;
			if (ok == NULL) {
				mf->error = "Choose one of this mentorship's goals.";
				return 1;
			}
		}
		if (g > 0 && db_exec(r, "UPDATE mentorship_milestones "
		    "SET goal_id = ? WHERE id = ?", "ii", g, mid) < 0)
			return -1;
		if (g == 0 && db_exec(r, "UPDATE mentorship_milestones "
		    "SET goal_id = NULL WHERE id = ?", "i", mid) < 0)
			return -1;
	}
	/* who set a date, and when, is whom its reminders spare that day */
	if (v[UP_DUE].str != NULL && db_exec(r, "UPDATE mentorship_milestones "
	    "SET due_date = ?, dated_by = ?, dated_at = UTC_TIMESTAMP() WHERE "
	    "id = ? AND NOT due_date <=> ?", "siis", v[UP_DUE].str,
	    (long long)r->user.id, mid, v[UP_DUE].str) < 0)
		return -1;
	if (v[UP_DONE].str != NULL && v[UP_DONE].num == 1 && db_exec(r,
	    "UPDATE mentorship_milestones SET done_at = UTC_TIMESTAMP(), "
	    "done_by = ? WHERE id = ? AND done_at IS NULL", "ii",
	    (long long)r->user.id, mid) < 0)
		return -1;
	if (v[UP_DONE].str != NULL && v[UP_DONE].num == 0 && db_exec(r,
	    "UPDATE mentorship_milestones SET done_at = NULL, done_by = NULL "
	    "WHERE id = ?", "i", mid) < 0)
		return -1;
	return 0;
}

/*
 * The change in a transaction that runs again after a deadlock or a
 * Galera certification failure (db_tx_run): a milestone's triggers move
 * the mentorship's version (sql/290), which the pair's goals, meetings,
 * check-ins and stage moves take as well.
 */
struct upd_write {
	struct mship	*m;
	struct fval	*v;
	struct mform	*mf;
	const char	*why;	/* refused under the lock */
};

static int
upd_tx(struct req *r, void *arg)
{
	struct upd_write *w = arg;
	int rc;

	if ((rc = mr_lock(r, w->m, &w->why)) != 0)
		return rc;
	return mr_change(r, w->m, w->v, w->mf);
}

void
mr_update(struct req *r)
{
	struct mship m;
	struct fval v[UPD_NFIELDS];
	struct mform mf;
	struct upd_write w;
	const char *found;
	int rc;

	if (mr_load(r, &m, 1) == -1)
		return;
	/* its date as it is ("": none), to tell a date kept from a new one */
	found = db_value(r, "SELECT COALESCE(due_date, '') FROM "
	    "mentorship_milestones WHERE id = ? AND mentorship_id = ?", "ii",
	    r->id[1], m.id);
	if (found == NULL)
		return r->db_failed ? (void)0 : page_error(r, 404);
	memset(&mf, 0, sizeof(mf));
	mf.mid = r->id[1];
	mf.due_date = req_form(r, "due_date");
	mf.goal = req_form(r, "goal");
	field_read(r, upd_fields, UPD_NFIELDS, v);
	if (v[UP_DUE].err == NULL && (v[UP_DUE].err = date_sane(v[UP_DUE].str)) != NULL)
		v[UP_DUE].str = NULL;
	if (v[UP_DUE].raw != NULL && v[UP_DUE].str == NULL && v[UP_DUE].err == NULL)
		v[UP_DUE].err = "Enter the new due date: the day, month and year.";
	/* a new date already past is a slip (it was saved, overdue at
	 * once: found walking), as a goal's target date is */
	if (v[UP_DUE].str != NULL && strcmp(v[UP_DUE].str, found) != 0 &&
	    strcmp(v[UP_DUE].str, page_today(r)) < 0) {
		v[UP_DUE].err = "The due date is in the past. Choose today or a "
		    "later day.";
		v[UP_DUE].str = NULL;
	}
	mf.error = v[UP_GOAL].err != NULL ? "Choose one of this mentorship's goals." :
	    v[UP_DUE].err != NULL ? v[UP_DUE].err : v[UP_DONE].err != NULL ?
	    "Mark the milestone done or reopen it." : NULL;
	if (mf.error != NULL)
		return mr_page(r, &m, NULL, &mf, 422);
	w = (struct upd_write){ &m, v, &mf, NULL };
	if ((rc = db_tx_run(r, upd_tx, &w)) == 1)
		return mr_page(r, &m, NULL, &mf, 422);
	if (rc != 0)
		return mr_refused(r, rc, w.why);
	if (!v[UP_INSTANT].num)
		resp_flash(r, v[UP_DONE].str != NULL ? (v[UP_DONE].num ?
		    "Milestone done." : "Milestone reopened.") :
		    "Milestone saved.");
	resp_redirect(r, req_printf(r, "/mentorships/%lld/roadmap", m.id));
}

/* A milestone taken off the pair (r->id[1]); 404: not theirs, or gone. */
struct remove_write {
	struct mship	*m;
	const char	*why;	/* refused under the lock */
};

static int
remove_tx(struct req *r, void *arg)
{
	struct remove_write *w = arg;
	long long n;
	int rc;

	if ((rc = mr_lock(r, w->m, &w->why)) != 0)
		return rc;
	n = db_exec(r, "DELETE FROM mentorship_milestones WHERE id = ? AND "
	    "mentorship_id = ?", "ii", r->id[1], w->m->id);
	return n < 0 ? -1 : n == 0 ? 404 : 0;
}

void
mr_remove(struct req *r)
{
	struct mship m;
	struct remove_write w = { &m, NULL };
	int rc;

	if (mr_load(r, &m, 1) == -1)
		return;
	if ((rc = db_tx_run(r, remove_tx, &w)) != 0)
		return mr_refused(r, rc, w.why);
	resp_flash(r, "Milestone removed from this mentorship.");
	resp_redirect(r, req_printf(r, "/mentorships/%lld/roadmap", m.id));
}

/*
 * The open milestones an applied roadmap added, taken back at once; the
 * done ones stay, as the record of what was done. In a transaction that
 * runs again after a deadlock or a Galera conflict: each row's trigger
 * moves the pair's version, as the other party's tick may at that
 * moment. 1: that roadmap is not applied here.
 */
struct unapply_write {
	struct mship	*m;
	long long	 rid;
	const char	*title;
	long long	 removed, done;
	const char	*why;	/* refused under the lock */
};

static int
unapply_tx(struct req *r, void *arg)
{
	struct unapply_write *w = arg;
	struct db_rows *q;
	int rc;

	if ((rc = mr_lock(r, w->m, &w->why)) != 0)
		return rc;
	if ((q = db_query(r, "SELECT rm.title, "
	    "COUNT(mm.done_at) AS done FROM mentorship_milestones mm JOIN "
	    "roadmaps rm ON rm.id = mm.roadmap_id WHERE mm.mentorship_id = ? "
	    "AND mm.roadmap_id = ? GROUP BY rm.title", "ii", w->m->id,
	    w->rid)) == NULL)
		return -1;
	if (q->nrows == 0)
		return 1;
	w->title = db_get(q, 0, "title");
	w->done = db_get_int(q, 0, "done");
	w->removed = db_exec(r, "DELETE FROM mentorship_milestones WHERE "
	    "mentorship_id = ? AND roadmap_id = ? AND done_at IS NULL", "ii",
	    w->m->id, w->rid);
	return w->removed < 0 ? -1 : 0;
}

void
mr_unapply(struct req *r)
{
	struct mship m;
	struct fval v;
	struct unapply_write w;
	const char *msg;
	int rc;

	if (mr_load(r, &m, 1) == -1)
		return;
	field_read(r, &unapply_field, 1, &v);
	if (v.err != NULL)
		return page_error_msg(r, 422, "Choose a roadmap applied to "
		    "this mentorship.");
	w = (struct unapply_write){ &m, v.num, NULL, 0, 0, NULL };
	if ((rc = db_tx_run(r, unapply_tx, &w)) == 1)
		return page_error_msg(r, 404, "That roadmap is not applied to "
		    "this mentorship.");
	if (rc != 0)
		return mr_refused(r, rc, w.why);
	msg = w.removed == 0 ? req_printf(r, "“%s” has no open milestones "
	    "left here.", w.title) : req_printf(r, "Removed %lld milestone%s "
	    "of “%s”.", w.removed, w.removed == 1 ? "" : "s", w.title);
	if (w.done > 0)
		msg = req_printf(r, "%s %s", msg, w.done == 1 ? "The one done "
		    "is kept." : req_printf(r, "The %lld done are kept.",
		    w.done));
	resp_flash(r, msg);
	resp_redirect(r, req_printf(r, "/mentorships/%lld/roadmap", m.id));
}
