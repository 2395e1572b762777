/*
 * mentorships: the separation review: outcomes and the acknowledgment.
 */
#include <string.h>

#include "mentorships.h"

/* ---- the separation review and the record ----------------------------- */

static const char *const outcomes[] = { "achieved", "partly", "not_achieved",
	"dropped", NULL };

/*
 * A goal whose outcome the mentor acknowledged keeps it: the record says
 * "acknowledged by" above the outcomes, and a mentee could still change
 * one after it (found walking: achieved made dropped, no one told). The
 * acknowledgment marks the outcomes it acknowledged (sql/405): a goal
 * added after it, for a new cycle, is not one of them, however soon
 * reviewed. Or closed in an earlier cycle (one begun from Separation has
 * no acknowledgment).
 */
#define GOAL_ACKED	"(g.acknowledged_event IS NOT NULL)"
#define GOAL_SETTLED	"(" GOAL_ACKED " OR " GOAL_EARLIER ")"

enum { RV_GOAL, RV_OUTCOME, RV_NOTE, RV_N };
static const struct field review_f[RV_N] = {
	{ "goal", F_INT, 1, 9000000000000000000LL, 1, NULL },
	{ "outcome", F_CHOICE, 0, 0, 0, outcomes },
	{ "note", F_MULTILINE, 0, 4000, 0, NULL },
};

/*
 * The review is one form: each goal sends goal, outcome and note once,
 * in order, so that saving keeps what was typed for every goal (a form
 * a goal lost the others' choices). A goal left at "Choose…" with no
 * note is not changed; one posted alone (goal, outcome, note) is the
 * same form with one row.
 */
#define REVIEW_ROWS	32

struct review {
	struct fval	 rows[REVIEW_ROWS][RV_N];
	size_t		 n;
	size_t		 chosen;	/* rows with an outcome */
};

/* The row typed for goal `id`, or NULL. */
static const struct fval *
review_typed(const struct review *rv, const char *id)
{
	size_t i;

	for (i = 0; rv != NULL && i < rv->n; i++)
		if (rv->rows[i][RV_GOAL].str != NULL &&
		    strcmp(rv->rows[i][RV_GOAL].str, id) == 0)
			return rv->rows[i];
	return NULL;
}

static const char *
outcome_key(const char *status)
{
	return strcmp(status, "achieved") == 0 ? "ACHIEVED" :
	    strcmp(status, "partly") == 0 ? "PARTLY" :
	    strcmp(status, "not_achieved") == 0 ? "NOT_ACHIEVED" :
	    strcmp(status, "dropped") == 0 ? "DROPPED" : "NONE";
}

/* A goal's form fields: as typed when the form came back, else saved. */
static void
goal_form(struct req *r, struct tdict *f, const struct fval *typed,
    const char *status, const char *note)
{
	if (typed != NULL) {
		status = typed[RV_OUTCOME].str != NULL ?
		    typed[RV_OUTCOME].str : "";
		note = typed[RV_NOTE].raw;
		if (typed[RV_OUTCOME].err != NULL)
			tmpl_set(tmpl_section(f, "OUTCOME_ERROR"), "MESSAGE",
			    typed[RV_OUTCOME].err);
		if (typed[RV_NOTE].err != NULL)
			tmpl_set(tmpl_section(f, "NOTE_ERROR"), "MESSAGE",
			    typed[RV_NOTE].err);
	}
	tmpl_show(f, req_printf(r, "OUTCOME_%s", outcome_key(status)));
	tmpl_set(f, "NOTE", note != NULL ? note : "");
}

/*
 * The goals, each with its review form when forms (a settled one
 * without), notes shown or not: how many are still open, or -1.
 */
static int
goals_fill(struct req *r, struct tdict *d, const struct mship *m,
    int forms, int notes, const struct review *rv)
{
	struct db_rows *g;
	struct tdict *s;
	size_t i, nforms = 0, open = 0;

	g = db_query(r, "SELECT g.id, g.title, g.measure, g.status, "
	    "g.review_note, g.reviewed_at, u.display_name AS reviewer, "
	    "g.target_date, g.version, " GOAL_SETTLED " AS settled, "
	    GOAL_ACKED " AS acked "
	    "FROM goals g JOIN mentorships m ON m.id = g.mentorship_id "
	    "LEFT JOIN users u ON u.id = g.reviewed_by "
	    "WHERE g.mentorship_id = ? ORDER BY g.id", "i", m->id);
	if (g == NULL)
		return -1;
	for (i = 0; i < g->nrows; i++) {
		const char *status = db_get(g, i, "status");
		const char *note = db_get(g, i, "review_note");
		int settled = db_get_int(g, i, "settled") == 1;
		int form = forms && !settled;

		open += strcmp(status, "open") == 0;
		s = tmpl_section(d, "GOAL");
		tmpl_set(s, "GOAL_ID", db_get(g, i, "id"));
		tmpl_set_int(s, "ID", m->id);
		tmpl_set(s, "TITLE", db_get(g, i, "title"));
		tmpl_set(s, "MEASURE", db_get(g, i, "measure"));
		tmpl_set(s, "STATUS", status);
		tmpl_set(s, "STATUS_LABEL", mship_outcome_label(status));
		tmpl_set(s, "VERSION", db_get(g, i, "version"));
		if (db_get(g, i, "target_date") != NULL)
			page_date(r, tmpl_section(s, "TARGET"), "TARGET_DATE",
			    db_get(g, i, "target_date"));
		/* a form shows the note in its box: once is enough */
		if (notes && note != NULL && !form)
			tmpl_set(tmpl_section(s, "REVIEW_NOTE"), "TEXT", note);
		if (forms && settled)
			tmpl_set(tmpl_section(s, "SETTLED"), "TEXT",
			    db_get_int(g, i, "acked") ? "Acknowledged by the "
			    "mentor" : "Closed in an earlier cycle");
		if (db_get(g, i, "reviewed_at") != NULL) {
			struct tdict *x = tmpl_section(s, "REVIEWED");
			page_date(r, x, "AT", db_get(g, i, "reviewed_at"));
			tmpl_set(x, "BY", db_get(g, i, "reviewer") != NULL ?
			    db_get(g, i, "reviewer") : "");
		}
		if (form) {
			goal_form(r, tmpl_section(s, "FORM"), review_typed(rv,
			    db_get(g, i, "id")), status, note);
			nforms++;
		}
	}
	if (g->nrows == 0)
		tmpl_show(d, "NO_GOALS");
	else if (nforms > 0)
		tmpl_show(d, "SAVE");
	return (int)open;
}

int
mships_goals(struct req *r, struct tdict *d, const struct mship *m,
    int forms, int notes)
{
	return goals_fill(r, d, m, forms, notes, NULL);
}

static void
review_form_page(struct req *r, struct mship *m, int status, const char *err,
    const struct review *rv)
{
	const struct stage_rule *rl;
	struct tdict *d;
	const char *ack, *why;
	int open, rc, can = mships_is(m, "cultivation") ||
	    mships_is(m, "separation");

	ack = db_value(r, "SELECT m.acknowledged_at FROM mentorships m "
	    "WHERE m.id = ? AND " MSHIP_ACKED("m"), "i", m->id);
	if (ack == NULL && r->db_failed)
		return;
	d = page_new(r, req_printf(r, "%s: review", m->focus),
	    "mentorships_review.tpl");
	tmpl_set_int(d, "ID", m->id);
	tmpl_set(d, "FOCUS", m->focus);
	tmpl_set(d, "STAGE", m->stage);
	tmpl_set(d, "STAGE_LABEL", mship_stage_label(m->stage));
	if (err != NULL)
		tmpl_set(tmpl_section(d, "REFUSED"), "REASON", err);
	if (!can)
		tmpl_show(d, "NOT_NOW");
	if (ack != NULL)
		page_time(r, tmpl_section(d, "ACKNOWLEDGED"), "AT", ack);
	else if (mships_is(m, "separation") && m->is_mentor)
		tmpl_show(d, "CAN_ACKNOWLEDGE");
	if (can)
		tmpl_show(d, "FORMS");
	if ((open = goals_fill(r, d, m, can, 1, rv)) == -1)
		return;
	/*
	 * the review done, the page leads on (it ended there: walking), as
	 * far as the move's own rule goes: a pair whose goals were all
	 * removed was offered a move that answered 409 (found in a review)
	 */
	if (open == 0 && rv == NULL && mships_is(m, "cultivation")) {
		rl = stage_rule_find("cultivation", "separation", STAGE_EITHER);
		if ((rc = rl->cond(r, m, "", &why)) == -1)
			return;
		if (rc == 0)
			tmpl_show(d, "MOVE_ON");
	}
	page_send(r, status);
}

static void
review_page(struct req *r, struct mship *m, int status, const char *err)
{
	review_form_page(r, m, status, err, NULL);
}

void
mships_review(struct req *r)
{
	struct mship m;

	if (mships_load(r, &m) == -1)
		return;
	review_page(r, &m, 200, NULL);
}

/* A write on the review page, decided under the mentorship's lock. */
/*
 * The mentor acknowledges the goals achieved, once per Separation: an
 * acknowledgment already given for this stage is a no-op, not a mail.
 */
static int
ack_tx(struct req *r, void *arg)
{
	struct rwrite *w = arg;
	struct mship *m = w->m;
	const char *open;
	long long n;
	int rc;

	w->done = 0;
	if ((rc = stage_lock(r, m)) != 0)
		return rc;
	if (!mships_is(m, "separation"))
		return w->why = "The acknowledgment is given in Separation.",
		    409;
	if (!m->is_mentor)
		return w->why = "Only the mentor acknowledges the goals "
		    "achieved.", 409;
	open = db_value(r, "SELECT COUNT(*) FROM goals WHERE mentorship_id = ? "
	    "AND status = 'open'", "i", m->id);
	if (open == NULL)
		return -1;
	if (strcmp(open, "0") != 0)
		return w->why = "Record an outcome for every goal before "
		    "acknowledging them.", 409;
	n = db_exec(r, "UPDATE mentorships m SET m.acknowledged_at = "
	    "UTC_TIMESTAMP(), m.acknowledged_event = " MSHIP_LAST_EVENT("m.id")
	    " WHERE m.id = ? AND NOT " MSHIP_ACKED("m"), "i", m->id);
	if (n <= 0)
		return (int)n;
	/* the outcomes it acknowledges: every goal's, none open (above) */
	if (db_exec(r, "UPDATE goals g JOIN mentorships m ON m.id = "
	    "g.mentorship_id SET g.acknowledged_event = m.acknowledged_event "
	    "WHERE g.mentorship_id = ? AND g.acknowledged_event IS NULL", "i",
	    m->id) < 0)
		return -1;
	w->done = 1;
	return mships_tell(r, m, "Your mentor acknowledged your goals",
	    req_printf(r, "%s formally acknowledged the goals you achieved. "
	    "Your record of achievement is ready.", r->user.name), NULL,
	    "/record");
}

static void
review_acknowledge(struct req *r, struct mship *m)
{
	struct rwrite w = { .m = m };
	int rc;

	if (mships_mail_throttled(r, m, review_page))
		return;
	if ((rc = db_tx_run(r, ack_tx, &w)) == -1)
		return;
	if (rc == 404)
		return page_error(r, 404);
	if (rc != 0)
		return review_page(r, m, rc, w.why);
	resp_flash(r, w.done ? "Acknowledgment recorded." : "You have "
	    "acknowledged the goals already.");
	resp_redirect(r, mships_path(r, m, ""));
}

/*
 * The rows as posted, checked: their error count, or -1 when they do not
 * line up or are too many. A row with a note and no outcome is an error;
 * one with neither is left out of the write.
 */
static int
review_read(struct req *r, struct review *rv)
{
	struct fval *row;
	size_t i;
	int errors;

	/* only the goal is sent for every row: a note may be left out */
	if ((errors = field_rows(r, review_f, RV_N, RV_OUTCOME, REVIEW_ROWS,
	    rv->rows[0], RV_N, &rv->n)) == -1)
		return -1;
	for (i = 0; i < rv->n; i++) {
		row = rv->rows[i];
		if (row[RV_GOAL].err != NULL)
			return -1;
		if (row[RV_OUTCOME].str == NULL && row[RV_OUTCOME].err == NULL &&
		    row[RV_NOTE].str != NULL && row[RV_NOTE].str[0] != '\0') {
			row[RV_OUTCOME].err = "Choose an outcome for this "
			    "goal, or clear its note.";
			errors++;
		} else if (row[RV_OUTCOME].err != NULL)
			row[RV_OUTCOME].err = "Choose an outcome: achieved, "
			    "partly, not achieved or dropped.";
		else if (row[RV_OUTCOME].str != NULL)
			rv->chosen++;
	}
	return errors;
}

/*
 * Every goal's outcome, in the stages that review: a goal whose outcome
 * and note are what they were keeps its reviewer and date. w->done: how
 * many changed.
 */
static int
outcome_tx(struct req *r, void *arg)
{
	struct rwrite *w = arg;
	struct mship *m = w->m;
	const struct review *rv = w->arg;
	long long n;
	size_t i;
	int rc;

	if ((rc = stage_lock(r, m)) != 0)
		return rc;
	if (!mships_is(m, "cultivation") && !mships_is(m, "separation"))
		return w->why = req_printf(r, "Goals are reviewed in "
		    "Cultivation and Separation, not in %s.",
		    mship_stage_label(m->stage)), 409;
	for (w->done = 0, i = 0; i < rv->n; i++) {
		const struct fval *v = rv->rows[i];
		const struct db_rows *g = db_query(r, "SELECT g.title, "
		    GOAL_SETTLED " AS settled, " GOAL_ACKED " AS acked, "
		    "NOT (g.status <=> ? AND "
		    "g.review_note <=> ?) AS changed FROM goals g JOIN "
		    "mentorships m ON m.id = g.mentorship_id WHERE g.id = ? AND "
		    "g.mentorship_id = ?", "ssii", v[RV_OUTCOME].str,
		    v[RV_NOTE].str, v[RV_GOAL].num, m->id);
		if (g == NULL)
			return -1;
		if (g->nrows == 0)
			return 404;
		if (v[RV_OUTCOME].str == NULL)
			continue;
		/* a form opened before the acknowledgment: nothing saved */
		if (db_get_int(g, 0, "settled") == 1 &&
		    db_get_int(g, 0, "changed") == 1)
			return w->why = req_printf(r, "%s “%s”: it is part of "
			    "the record now and stays as it was. Nothing was "
			    "saved.", db_get_int(g, 0, "acked") ? "The mentor "
			    "acknowledged the outcome of" : "An earlier cycle "
			    "closed", db_get(g, 0, "title")), 409;
		/* under the stage lock: no event comes between (sql/404) */
		n = db_exec(r, "UPDATE goals SET status = ?, review_note = ?, "
		    "reviewed_at = UTC_TIMESTAMP(), reviewed_after_event = "
		    MSHIP_LAST_EVENT("?") ", reviewed_by = ? WHERE id = ? "
		    "AND NOT (status <=> ? AND review_note <=> ?)", "ssiiiss",
		    v[RV_OUTCOME].str, v[RV_NOTE].str, m->id, r->user.id,
		    v[RV_GOAL].num, v[RV_OUTCOME].str, v[RV_NOTE].str);
		if (n == -1)
			return -1;
		w->done += (int)n;
	}
	return 0;
}

void
mships_review_post(struct req *r)
{
	struct review *rv;
	struct mship m;
	struct rwrite w = { .m = &m };
	const char *a;
	int rc, errors;

	if (mships_load(r, &m) == -1)
		return;
	if ((a = req_form(r, "acknowledge")) != NULL && strcmp(a, "1") == 0)
		return review_acknowledge(r, &m);
	if (!mships_is(&m, "cultivation") && !mships_is(&m, "separation"))
		return review_page(r, &m, 409, req_printf(r, "Goals are "
		    "reviewed in Cultivation and Separation, not in %s.",
		    mship_stage_label(m.stage)));
	rv = req_alloc(r, sizeof(*rv));
	if ((errors = review_read(r, rv)) == -1)
		return page_error(r, 400);
	if (errors > 0)
		return review_form_page(r, &m, 422, "Check the outcomes "
		    "marked below: nothing was saved.", rv);
	if (rv->chosen == 0)
		return review_form_page(r, &m, 422, "Choose an outcome for a "
		    "goal first: achieved, partly, not achieved or dropped.",
		    rv);
	w.arg = rv;
	if ((rc = db_tx_run(r, outcome_tx, &w)) == -1)
		return;
	if (rc == 404)
		return page_error(r, 404);
	if (rc != 0)
		return review_form_page(r, &m, rc, w.why, rv);
	resp_flash(r, w.done == 0 ? "Nothing changed." : w.done == 1 ?
	    "Outcome recorded." : "Outcomes recorded.");
	resp_redirect(r, mships_path(r, &m, "/review"));
}
