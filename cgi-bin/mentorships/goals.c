/*
 * mentorships: a goal at a time (/goals), and the rules every goal is
 * written by, which the contract's one form (contract.c) follows too.
 */
#include <stdlib.h>
#include <string.h>

#include "mentorships.h"
#include "contract.h"

const struct field mships_goal_f[GL_N] = {
	{ "title", F_TEXT, 1, 200, 1, NULL },
	{ "measure", F_MULTILINE, 1, 1000, 1, NULL },
	{ "target_date", F_DATE, 10, 10, 0, NULL },
	{ "goal", F_INT, 1, 9000000000000000000LL, 0, NULL },
	{ "remove", F_BOOL, 0, 0, 0, NULL },
};

/*
 * A new goal for the version being written. Under the lock, so that the
 * count read is the count written: the version holds STAGE_GOALS_MAX at
 * most (its own goals, and the open ones a renewal carries over), and
 * the mentorship GOALS_MAX over all its cycles.
 */
int
mships_goal_insert(struct req *r, struct cwrite *w, const struct fval *v)
{
	struct db_rows *g;

	g = db_query(r, "SELECT COUNT(*) AS n, IFNULL(SUM(" GOAL_EDITABLE
	    " OR g.status = 'open'), 0) AS version_n FROM goals g JOIN "
	    "mentorships m ON m.id = g.mentorship_id WHERE g.mentorship_id "
	    "= ?", "i", w->m->id);
	if (g == NULL)
		return -1;
	if (db_get_int(g, 0, "version_n") >= STAGE_GOALS_MAX)
		return w->why = mships_is(w->m, "initiation") ? "A contract "
		    "holds 3 to 5 goals: remove one before adding another." :
		    "A new cycle holds 1 to 5 goals, the open ones carried "
		    "over among them: remove one before adding another.", 422;
	if (db_get_int(g, 0, "n") >= GOALS_MAX)
		return w->why = "This mentorship has too many goals already "
		    "(50 at most).", 422;
	if (db_exec(r, "INSERT INTO goals (mentorship_id, title, "
	    "measure, target_date, version, created_at) SELECT id, ?, "
	    "?, ?, IF(stage = 'initiation', 1, contract_version + 1), "
	    "UTC_TIMESTAMP() FROM mentorships WHERE id = ?", "sssi",
	    v[GL_TITLE].str, v[GL_MEASURE].str, v[GL_TARGET_DATE].str,
	    w->m->id) != 1)
		return -1;
	return 0;
}

/*
 * Goal g of this mentorship may be changed in this version: 0; 404 when
 * it is not this mentorship's; 409 when an agreed version holds it.
 */
int
mships_goal_editable(struct req *r, struct cwrite *w, long long g)
{
	struct db_rows *q;

	q = db_query(r, "SELECT " GOAL_EDITABLE " AS editable FROM goals g "
	    "JOIN mentorships m ON m.id = g.mentorship_id WHERE g.id = ? AND "
	    "g.mentorship_id = ? FOR UPDATE", "ii", g, w->m->id);
	if (q == NULL)
		return -1;
	if (q->nrows == 0)
		return 404;
	if (!db_get_int(q, 0, "editable"))
		return w->why = "This goal belongs to an agreed contract "
		    "version: record its outcome on the review page "
		    "instead.", 409;
	return 0;
}

/* "A goal is measured": said in words when the measure is missing. */
void
mships_goal_measure_msg(struct fval *v)
{
	if (v[GL_MEASURE].err != NULL && v[GL_MEASURE].str == NULL)
		v[GL_MEASURE].err = "Say how you will know the goal is "
		    "reached: the measure cannot be empty.";
}

/*
 * A target date before today is a slip of the keyboard, unless it is
 * the date the goal has already: a goal kept from before, whose day has
 * passed, still saves with the rest. 1 when marked on the row; -1 when
 * the database failed (answered).
 */
int
mships_goal_target_past(struct req *r, const struct mship *m, struct fval *row)
{
	const char *day = row[GL_TARGET_DATE].str, *was = NULL;

	if (day == NULL || strcmp(day, page_today(r)) >= 0)
		return 0;
	if (row[GL_GOAL].str != NULL && (was = db_value(r, "SELECT "
	    "target_date FROM goals WHERE id = ? AND mentorship_id = ?", "ii",
	    row[GL_GOAL].num, m->id)) == NULL && r->db_failed)
		return -1;
	if (was != NULL && strcmp(was, day) == 0)
		return 0;
	row[GL_TARGET_DATE].err = "The target date is in the past. Choose a "
	    "later day, or leave it empty.";
	row[GL_TARGET_DATE].str = NULL;
	return 1;
}

/*
 * A goal removed (GL_REMOVE), edited (w->goal) or added through /goals,
 * under the mentorship's lock: the stage, whether the goal is still
 * open to edits and the count are read there.
 */
static int
goal_tx(struct req *r, void *arg)
{
	struct cwrite *w = arg;
	struct fval *v = w->v;
	int rc;

	if ((rc = mships_contract_lock(r, w->m, &w->why)) != 0)
		return rc;
	if (w->goal > 0 && (rc = mships_goal_editable(r, w, w->goal)) != 0)
		return rc;
	if (w->goal > 0 && v[GL_REMOVE].num) {
		if (db_exec(r, "DELETE FROM goals WHERE id = ? AND "
		    "mentorship_id = ?", "ii", w->goal, w->m->id) == -1)
			return -1;
		return mships_contract_changed(r, w->m, "a goal was removed",
		    NULL);
	}
	if (w->goal > 0) {
		if (db_exec(r, "UPDATE goals SET title = ?, measure = ?, "
		    "target_date = ? WHERE id = ? AND mentorship_id = ?",
		    "sssii", v[GL_TITLE].str, v[GL_MEASURE].str,
		    v[GL_TARGET_DATE].str, w->goal, w->m->id) == -1)
			return -1;
		return mships_contract_changed(r, w->m, "a goal was edited",
		    NULL);
	}
	if ((rc = mships_goal_insert(r, w, v)) != 0)
		return rc;
	return mships_contract_changed(r, w->m, "a goal was added", NULL);
}

/*
 * /goals refused: the contract page with the goal as typed, in its row
 * (an edit) or as a row of its own (a new one).
 */
static void
goal_refused(struct req *r, struct mship *m, int status,
    const struct fval *v, const char *why)
{
	struct cform f;
	size_t i;
	int rc;

	memset(&f, 0, sizeof(f));
	if ((rc = mships_contract_terms_stored(r, m, &f)) == 404)
		return page_error(r, 404);
	if (rc == -1 || mships_contract_rows_stored(r, m, &f) == -1)
		return;
	for (i = 0; i < f.nrows; i++)
		if (v[GL_GOAL].str != NULL && f.rows[i][GL_GOAL].str == NULL &&
		    strcmp(f.rows[i][GL_GOAL].raw, v[GL_GOAL].str) == 0)
			break;
	if (i == f.nrows && f.nrows < ROWS_MAX)
		f.nrows++;
	if (i < f.nrows)
		memcpy(f.rows[i], v, GL_N * sizeof(*v));
	mships_contract_page(r, m, status, &f, why, NULL, 0);
}

void
mships_goals_post(struct req *r)
{
	struct fval v[GL_N];
	struct mship m;
	struct cwrite w = { .m = &m, .v = v };
	int rc;

	if (mships_load(r, &m) == -1)
		return;
	if (!mships_contract_editable(&m))
		return mships_contract_refused(r, &m, 409, req_printf(r, "Goals "
		    "cannot be changed in %s.", mship_stage_label(m.stage)));
	field_read(r, mships_goal_f, GL_N, v);
	w.goal = v[GL_GOAL].str != NULL ? v[GL_GOAL].num : 0;
	if (!(w.goal > 0 && v[GL_REMOVE].num) &&
	    v[GL_TARGET_DATE].err == NULL &&
	    mships_goal_target_past(r, &m, v) == -1)
		return;
	if (!(w.goal > 0 && v[GL_REMOVE].num) &&
	    (v[GL_TITLE].err != NULL || v[GL_MEASURE].err != NULL ||
	    v[GL_TARGET_DATE].err != NULL)) {
		mships_goal_measure_msg(v);
		return goal_refused(r, &m, 422, v, "Check the goal fields "
		    "marked below.");
	}
	if ((rc = db_tx_run(r, goal_tx, &w)) == -1)
		return;
	if (rc == 404)
		return page_error(r, 404);
	if (rc != 0)
		return goal_refused(r, &m, rc, v, w.why);
	resp_flash(r, w.goal > 0 && v[GL_REMOVE].num ? "Goal removed." :
	    w.goal > 0 ? "Goal saved." : "Goal added.");
	resp_redirect(r, mships_path(r, &m, "/contract"));
}
