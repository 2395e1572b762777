/*
 * mentorships: the contract, its goals, versions and the agreement.
 */
#include <stdlib.h>
#include <string.h>

#include "mentorships.h"

/* ---- the contract and its goals --------------------------------------- */

static const char *const cadences[] = { "weekly", "biweekly", "monthly", NULL };
static const char *const channel_names[] = { "room", "email", "video",
	"in_person", NULL };

static const struct field contract_f[] = {
	{ "ground_rules", F_MULTILINE, 1, 4000, 1, NULL },
	{ "cadence", F_CHOICE, 0, 0, 1, cadences },
	{ "review_date", F_DATE, 10, 10, 1, NULL },
};
#define CONTRACT_N (sizeof(contract_f) / sizeof(contract_f[0]))

static const struct field goal_f[] = {
	{ "title", F_TEXT, 1, 200, 1, NULL },
	{ "measure", F_MULTILINE, 1, 1000, 1, NULL },
	{ "target_date", F_DATE, 10, 10, 0, NULL },
	{ "goal", F_INT, 1, 9000000000000000000LL, 0, NULL },
	{ "remove", F_BOOL, 0, 0, 0, NULL },
};
#define GOAL_N (sizeof(goal_f) / sizeof(goal_f[0]))

/* Shows one agreed version, ?version=N. */
static int
contract_version_show(struct req *r, struct tdict *d, const struct mship *m)
{
	const char *vs = req_query(r, "version");
	struct db_rows *q;
	struct tdict *s;
	size_t i;
	long long n;
	char *end;

	q = db_query(r, "SELECT version, agreed_at, snapshot FROM "
	    "contract_versions WHERE mentorship_id = ? ORDER BY version",
	    "i", m->id);
	if (q == NULL)
		return -1;
	n = vs != NULL ? strtoll(vs, &end, 10) : 0;
	for (i = 0; i < q->nrows; i++) {
		s = tmpl_section(d, "VERSION");
		tmpl_set(s, "N", db_str(q, i, 0));
		tmpl_set_int(s, "ID", m->id);
		page_date(r, s, "AGREED", db_str(q, i, 1));
		if (n > 0 && db_int(q, i, 0) == n) {
			struct tdict *o = tmpl_section(d, "OLD_VERSION");
			tmpl_set(o, "N", db_str(q, i, 0));
			page_date(r, o, "AGREED", db_str(q, i, 1));
			tmpl_set(o, "SNAPSHOT", db_str(q, i, 2));
		}
	}
	if (q->nrows > 0)
		tmpl_show(d, "HAS_VERSIONS");
	return 0;
}

static void
contract_page(struct req *r, struct mship *m, int status, struct fval *cv,
    const char **chans, size_t nchans, struct fval *gv, const char *err)
{
	struct tdict *d, *s;
	struct db_rows *c, *g;
	size_t i, j;
	int editable = mships_contract_editable(m);

	c = db_query(r, "SELECT ground_rules, cadence, channels, review_date, "
	    "mentor_agreed_at, mentee_agreed_at, contract_version, "
	    /* the default review date: six months, or the programme's weeks */
	    "DATE_FORMAT(UTC_DATE() + INTERVAL COALESCE((SELECT 7 * "
	    "p.review_weeks FROM programmes p WHERE p.id = programme_id), 182) "
	    "DAY, '%Y-%m-%d') FROM "
	    "mentorships WHERE id = ?", "i", m->id);
	if (c == NULL)
		return;
	if (c->nrows == 0)	/* deleted since it was loaded */
		return page_error(r, 404);
	d = page_new(r, "Contract", "mentorships_contract.tpl");
	tmpl_set_int(d, "ID", m->id);
	tmpl_set(d, "FOCUS", m->focus);
	tmpl_set(d, "STAGE", m->stage);
	tmpl_set(d, "STAGE_LABEL", mship_stage_label(m->stage));
	tmpl_set(d, "TODAY", page_today(r));
	tmpl_set(d, "CONTRACT_VERSION", db_str(c, 0, 6));
	if (editable)
		tmpl_show(d, "EDITABLE");
	else
		tmpl_show(d, "READ_ONLY");
	if (!mships_is(m, "initiation"))
		tmpl_show(d, "LATER_CYCLE");
	if (err != NULL) {
		tmpl_set(tmpl_section(d, "REFUSED"), "REASON", err);
	}
	if (cv != NULL)
		page_form(d, contract_f, CONTRACT_N, cv);
	else {
		tmpl_set(d, "GROUND_RULES", db_str(c, 0, 0) ?
		    db_str(c, 0, 0) : "");
		tmpl_set(d, "REVIEW_DATE", db_str(c, 0, 3) ? db_str(c, 0, 3) :
		    db_str(c, 0, 7));
		if (db_str(c, 0, 1) != NULL)
			tmpl_show(d, req_printf(r, "CADENCE_%s",
			    strcmp(db_str(c, 0, 1), "weekly") == 0 ? "WEEKLY" :
			    strcmp(db_str(c, 0, 1), "biweekly") == 0 ?
			    "BIWEEKLY" : "MONTHLY"));
	}
	/* channels: from the post being re-shown, or the stored SET */
	for (i = 0; channel_names[i] != NULL; i++) {
		int on = 0;
		if (chans != NULL) {
			for (j = 0; j < nchans; j++)
				if (strcmp(chans[j], channel_names[i]) == 0)
					on = 1;
		} else if (db_str(c, 0, 2) != NULL) {
			const char *p = strstr(db_str(c, 0, 2),
			    channel_names[i]);
			on = p != NULL;
		}
		if (on)
			tmpl_show(d, req_printf(r, "CH_%s_CHECKED",
			    i == 0 ? "ROOM" : i == 1 ? "EMAIL" : i == 2 ?
			    "VIDEO" : "IN_PERSON"));
	}
	if (gv != NULL)
		page_form(tmpl_section(d, "GOALFORM"), goal_f, GOAL_N, gv);
	else
		tmpl_show(d, "GOALFORM");
	tmpl_set(d, "MENTOR_AGREED_TEXT", "not yet");
	tmpl_set(d, "MENTEE_AGREED_TEXT", "not yet");
	if (db_str(c, 0, 4) != NULL)
		page_time(r, d, "MENTOR_AGREED_TEXT", db_str(c, 0, 4));
	if (db_str(c, 0, 5) != NULL)
		page_time(r, d, "MENTEE_AGREED_TEXT", db_str(c, 0, 5));
	if (db_str(c, 0, m->is_mentor ? 4 : 5) == NULL && editable)
		tmpl_show(d, "CAN_AGREE");
	else if (editable)
		tmpl_show(d, "YOU_AGREED");
	g = db_query(r, "SELECT id, title, measure, target_date, status, "
	    "version, version > ? OR ? FROM goals WHERE mentorship_id = ? "
	    "ORDER BY id", "iii", db_int(c, 0, 6),
	    (long long)mships_is(m, "initiation"), m->id);
	if (g == NULL)
		return;
	for (i = 0; i < g->nrows; i++) {
		s = tmpl_section(d, "GOAL");
		tmpl_set(s, "GOAL_ID", db_str(g, i, 0));
		tmpl_set(s, "TITLE", db_str(g, i, 1));
		tmpl_set(s, "MEASURE", db_str(g, i, 2));
		tmpl_set(s, "TARGET_DATE", db_str(g, i, 3) ? db_str(g, i, 3) :
		    "");
		tmpl_set(s, "STATUS", db_str(g, i, 4));
		tmpl_set(s, "STATUS_LABEL", mship_outcome_label(db_str(g, i, 4)));
		tmpl_set(s, "VERSION", db_str(g, i, 5));
		tmpl_set_int(s, "ID", m->id);
		if (editable && db_int(g, i, 6))
			tmpl_show(s, "GOAL_EDITABLE");
	}
	tmpl_set_int(d, "GOAL_COUNT", (long long)g->nrows);
	if (contract_version_show(r, d, m) == -1)
		return;
	page_send(r, status);
}

void
mships_contract(struct req *r)
{
	struct mship m;

	if (mships_load(r, &m) == -1)
		return;
	contract_page(r, &m, 200, NULL, NULL, 0, NULL, NULL);
}

/*
 * A change to a contract one party agreed to clears both agreements
 * and tells the other party. Inside the caller's transaction.
 */
static int
contract_changed(struct req *r, const struct mship *m, const char *what)
{
	const char *v;

	v = db_value(r, "SELECT mentor_agreed_at IS NOT NULL OR "
	    "mentee_agreed_at IS NOT NULL FROM mentorships WHERE id = ?",
	    "i", m->id);
	if (v == NULL)
		return -1;
	if (strcmp(v, "1") != 0)
		return 0;
	if (db_exec(r, "UPDATE mentorships SET mentor_agreed_at = NULL, "
	    "mentee_agreed_at = NULL WHERE id = ?", "i", m->id) == -1)
		return -1;
	return mships_tell(r, m, "The contract changed: agree again",
	    req_printf(r, "%s changed the contract (%s), so both agreements "
	    "were cleared. Read it and agree again.", r->user.name, what),
	    NULL, "/contract");
}

static const char *
snapshot(struct req *r, const struct mship *m, long long version)
{
	struct db_rows *c, *g;
	struct buf b = { NULL, 0, 0 };
	const char *out;
	size_t i;

	c = db_query(r, "SELECT ground_rules, cadence, channels, review_date "
	    "FROM mentorships WHERE id = ?", "i", m->id);
	g = db_query(r, "SELECT title, measure, target_date, status FROM goals "
	    "WHERE mentorship_id = ? AND (version >= ? OR status = 'open' OR "
	    "? = 1) ORDER BY id", "iii", m->id, version, version);
	if (c == NULL || g == NULL || c->nrows == 0)
		return NULL;
	buf_printf(&b, "Contract version %lld\nMentor: %s\nMentee: %s\n"
	    "Focus: %s\n\nGround rules:\n%s\n\nMeeting cadence: %s\n"
	    "Communication: %s\nReview date: %s\n\nGoals:\n", version,
	    m->mentor_name, m->mentee_name, m->focus, db_str(c, 0, 0),
	    mship_cadence_label(db_str(c, 0, 1)), db_str(c, 0, 2), db_str(c, 0, 3));
	for (i = 0; i < g->nrows; i++)
		buf_printf(&b, "%zu. %s\n   Measured by: %s\n   Target: %s\n"
		    "   Status: %s\n", i + 1, db_str(g, i, 0), db_str(g, i, 1),
		    db_str(g, i, 2) ? db_str(g, i, 2) : "none",
		    mship_outcome_label(db_str(g, i, 3)));
	out = b.p != NULL ? req_strdup(r, b.p) : "";
	buf_free(&b);
	return out;
}

/* What a write to the contract found under the mentorship's lock. */
struct cwrite {
	struct mship	*m;
	const char	*why;		/* refused: why */
	int		 done;		/* agree: 0 nothing new, 1 one, 2 both */
	long long	 version;	/* agree: the version kept */
	struct fval	*v;		/* the form */
	const char	*setv;		/* contract: channels as a SET */
	long long	 goal;		/* goals: the goal edited, or 0 */
};

/* The stage may have moved since the page was loaded: ask it under lock. */
static int
lock_editable(struct req *r, struct cwrite *w)
{
	int rc;

	if ((rc = stage_lock(r, w->m)) != 0)
		return rc;	/* 404: deleted since it was loaded */
	if (!mships_contract_editable(w->m))
		return w->why = req_printf(r, "The contract cannot be changed "
		    "in %s: it is written in Initiation, and renewed in "
		    "Separation or Redefinition.",
		    mship_stage_label(w->m->stage)), 409;
	return 0;
}

/*
 * The viewer agrees; when both have, the version is kept. An agreement
 * already given is a no-op (done 0): nothing written, nobody mailed.
 */
static int
agree_tx(struct req *r, void *arg)
{
	struct cwrite *w = arg;
	struct mship *m = w->m;
	struct db_rows *c;
	const char *snap;
	long long n;
	int rc;

	w->done = 0;
	if ((rc = lock_editable(r, w)) != 0)
		return rc;
	if ((rc = stage_contract_complete(r, m, &w->why)) != 0)
		return rc == -1 ? -1 : 422;
	n = db_exec(r, m->is_mentor ?
	    "UPDATE mentorships SET mentor_agreed_at = UTC_TIMESTAMP() WHERE "
	    "id = ? AND mentor_agreed_at IS NULL" :
	    "UPDATE mentorships SET mentee_agreed_at = UTC_TIMESTAMP() WHERE "
	    "id = ? AND mentee_agreed_at IS NULL", "i", m->id);
	if (n == -1)
		return -1;
	if (n == 0)
		return 0;
	c = db_query(r, "SELECT mentor_agreed_at IS NOT NULL AND "
	    "mentee_agreed_at IS NOT NULL, (SELECT COALESCE(MAX(version), 0) "
	    "+ 1 FROM contract_versions WHERE mentorship_id = ?) FROM "
	    "mentorships WHERE id = ?", "ii", m->id, m->id);
	if (c == NULL)
		return -1;
	if (c->nrows == 0)
		return 404;
	w->done = db_int(c, 0, 0) ? 2 : 1;
	w->version = db_int(c, 0, 1);
	if (w->done == 1)
		return mships_tell(r, m, "The contract was agreed by one party",
		    req_printf(r, "%s agreed to the contract. Read it and "
		    "agree too, so the work can start.", r->user.name), NULL,
		    "/contract");
	if ((snap = snapshot(r, m, w->version)) == NULL)
		return -1;
	if (db_exec(r, "INSERT INTO contract_versions (mentorship_id, "
	    "version, snapshot, agreed_at) VALUES (?, ?, ?, "
	    "UTC_TIMESTAMP())", "iis", m->id, w->version, snap) != 1)
		return -1;
	if (db_exec(r, "UPDATE goals SET version = ? WHERE "
	    "mentorship_id = ? AND version > (SELECT contract_version "
	    "FROM mentorships WHERE id = ?)", "iii", w->version, m->id,
	    m->id) == -1)
		return -1;
	if (db_exec(r, "UPDATE mentorships SET contract_version = ? "
	    "WHERE id = ?", "ii", w->version, m->id) == -1)
		return -1;
	return mships_tell(r, m, req_printf(r, "Contract version %lld "
	    "agreed by both of you", w->version), req_printf(r, "%s "
	    "agreed too: version %lld of your contract is kept. You "
	    "can now start %s.", r->user.name, w->version,
	    mships_is(m, "initiation") ? "Cultivation" :
	    "the next Cultivation cycle"), NULL, "");
}

static void
contract_refused(struct req *r, struct mship *m, int status, const char *why)
{
	contract_page(r, m, status, NULL, NULL, 0, NULL, why);
}

static void
contract_agree(struct req *r, struct mship *m)
{
	struct cwrite w = { .m = m };
	int rc;

	if (mships_mail_throttled(r, m, contract_refused))
		return;
	if ((rc = db_tx_run(r, agree_tx, &w)) == -1)
		return;
	if (rc == 404)
		return page_error(r, 404);
	if (rc != 0)
		return contract_page(r, m, rc, NULL, NULL, 0, NULL, w.why);
	resp_flash(r, w.done == 2 ? "You both agreed: the contract is kept "
	    "as a new version." : w.done == 1 ? "You agreed. The other party "
	    "has been told." : "You have agreed to this contract already.");
	resp_redirect(r, mships_path(r, m, w.done == 2 ? "" : "/contract"));
}

/* The ground rules, cadence, channels and review date, saved. */
static int
contract_tx(struct req *r, void *arg)
{
	struct cwrite *w = arg;
	struct fval *v = w->v;
	struct db_rows *c;
	int rc;

	if ((rc = lock_editable(r, w)) != 0)
		return rc;
	c = db_query(r, "SELECT ground_rules <=> ? AND cadence <=> ? AND "
	    "channels <=> ? AND review_date <=> ? FROM mentorships WHERE "
	    "id = ?", "ssssi", v[0].str, v[1].str, w->setv, v[2].str,
	    w->m->id);
	if (c == NULL)
		return -1;
	if (c->nrows == 0)
		return 404;
	if (db_int(c, 0, 0))
		return 0;
	if (db_exec(r, "UPDATE mentorships SET ground_rules = ?, "
	    "cadence = ?, channels = ?, review_date = ? WHERE id = ?",
	    "ssssi", v[0].str, v[1].str, w->setv, v[2].str, w->m->id) == -1)
		return -1;
	return contract_changed(r, w->m, "ground rules, cadence, "
	    "communication or review date");
}

void
mships_contract_post(struct req *r)
{
	struct fval v[CONTRACT_N];
	struct mship m;
	struct cwrite w = { .m = &m, .v = v };
	const char *chans[8], *cur;
	struct buf set = { NULL, 0, 0 };
	size_t n, i, j;
	int rc;

	if (mships_load(r, &m) == -1)
		return;
	if (!mships_contract_editable(&m))
		return contract_page(r, &m, 409, NULL, NULL, 0, NULL,
		    req_printf(r, "The contract cannot be changed in %s: it is "
		    "written in Initiation, and renewed in Separation or "
		    "Redefinition.", mship_stage_label(m.stage)));
	if ((cur = req_form(r, "agree")) != NULL && strcmp(cur, "1") == 0)
		return contract_agree(r, &m);
	n = req_form_all(r, "channels", chans, 8);
	if (field_read(r, contract_f, CONTRACT_N, v) > 0)
		return contract_page(r, &m, 422, v, chans, n, NULL,
		    "Check the fields marked below.");
	if (strcmp(v[2].str, page_today(r)) < 0) {
		v[2].err = "The review date cannot be in the past.";
		return contract_page(r, &m, 422, v, chans, n, NULL,
		    "The review date cannot be in the past.");
	}
	/* the SET in its declared order, each channel once */
	for (i = 0; channel_names[i] != NULL; i++)
		for (j = 0; j < n; j++)
			if (strcmp(chans[j], channel_names[i]) == 0) {
				buf_printf(&set, "%s%s", set.len ? "," : "",
				    channel_names[i]);
				break;
			}
	for (j = 0; j < n; j++) {
		for (i = 0; channel_names[i] != NULL; i++)
			if (strcmp(chans[j], channel_names[i]) == 0)
				break;
		if (channel_names[i] == NULL)
			set.len = 0;
	}
	if (set.len == 0) {
		buf_free(&set);
		return contract_page(r, &m, 422, v, chans, n, NULL,
		    "Choose one or more ways to communicate: room, e-mail, "
		    "video or in person.");
	}
	w.setv = req_strdup(r, set.p);
	buf_free(&set);
	if ((rc = db_tx_run(r, contract_tx, &w)) == -1)
		return;
	if (rc == 404)
		return page_error(r, 404);
	if (rc != 0)
		return contract_page(r, &m, rc, v, chans, n, NULL, w.why);
	resp_flash(r, "Contract saved.");
	resp_redirect(r, mships_path(r, &m, "/contract"));
}

#define GOALS_MAX	50	/* per mentorship, over all its cycles */

/*
 * A goal removed (v[GOAL_REMOVE]), edited (w->goal) or added, under the
 * mentorship's lock: the stage, whether the goal is still open to edits
 * and the count are read there, so none of them can change meanwhile.
 */
static int
goal_tx(struct req *r, void *arg)
{
	struct cwrite *w = arg;
	struct mship *m = w->m;
	struct fval *v = w->v;
	struct db_rows *g;
	int rc;

	if ((rc = lock_editable(r, w)) != 0)
		return rc;
	if (w->goal > 0) {
		g = db_query(r, "SELECT version > (SELECT contract_version FROM "
		    "mentorships WHERE id = ?) OR ? FROM goals WHERE id = ? "
		    "AND mentorship_id = ? FOR UPDATE", "iiii", m->id,
		    (long long)mships_is(m, "initiation"), w->goal, m->id);
		if (g == NULL)
			return -1;
		if (g->nrows == 0)
			return 404;
		if (!db_int(g, 0, 0))
			return w->why = "This goal belongs to an agreed contract "
			    "version: record its outcome on the review page "
			    "instead.", 409;
	}
	if (w->goal > 0 && v[4].num) {
		if (db_exec(r, "DELETE FROM goals WHERE id = ? AND "
		    "mentorship_id = ?", "ii", w->goal, m->id) == -1)
			return -1;
		return contract_changed(r, m, "a goal was removed");
	}
	if (w->goal > 0) {
		if (db_exec(r, "UPDATE goals SET title = ?, measure = ?, "
		    "target_date = ? WHERE id = ? AND mentorship_id = ?",
		    "sssii", v[0].str, v[1].str, v[2].str, w->goal,
		    m->id) == -1)
			return -1;
		return contract_changed(r, m, "a goal was edited");
	}
	g = db_query(r, "SELECT COUNT(*) FROM goals WHERE mentorship_id = ?",
	    "i", m->id);
	if (g == NULL)
		return -1;
	if (db_int(g, 0, 0) >= GOALS_MAX)
		return w->why = "This mentorship has too many goals already "
		    "(50 at most).", 422;
	if (db_exec(r, "INSERT INTO goals (mentorship_id, title, "
	    "measure, target_date, version, created_at) SELECT id, ?, "
	    "?, ?, IF(stage = 'initiation', 1, contract_version + 1), "
	    "UTC_TIMESTAMP() FROM mentorships WHERE id = ?", "sssi",
	    v[0].str, v[1].str, v[2].str, m->id) != 1)
		return -1;
	return contract_changed(r, m, "a goal was added");
}

void
mships_goals_post(struct req *r)
{
	struct fval v[GOAL_N];
	struct mship m;
	struct cwrite w = { .m = &m, .v = v };
	int rc;

	if (mships_load(r, &m) == -1)
		return;
	if (!mships_contract_editable(&m))
		return contract_page(r, &m, 409, NULL, NULL, 0, NULL,
		    req_printf(r, "Goals cannot be changed in %s.",
		    mship_stage_label(m.stage)));
	field_read(r, goal_f, GOAL_N, v);
	w.goal = v[3].str != NULL ? v[3].num : 0;
	if (!(w.goal > 0 && v[4].num) &&
	    (v[0].err != NULL || v[1].err != NULL || v[2].err != NULL)) {
		if (v[1].err != NULL && v[1].str == NULL)
			v[1].err = "Say how you will know the goal is reached: "
			    "the measure cannot be empty.";
		return contract_page(r, &m, 422, NULL, NULL, 0, v,
		    "Check the goal fields marked below.");
	}
	if ((rc = db_tx_run(r, goal_tx, &w)) == -1)
		return;
	if (rc == 404)
		return page_error(r, 404);
	if (rc != 0)
		return contract_page(r, &m, rc, NULL, NULL, 0,
		    rc == 422 ? v : NULL, w.why);
	resp_flash(r, w.goal > 0 && v[4].num ? "Goal removed." : w.goal > 0 ?
	    "Goal saved." : "Goal added.");
	resp_redirect(r, mships_path(r, &m, "/contract"));
}
