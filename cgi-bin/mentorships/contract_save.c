/*
 * mentorships: the contract's one form written: its terms and goal rows
 * read and checked, saved under the mentorship's lock, and agreed to
 * when "I agree" was pressed on it (contract.c shows the page).
 */
#include <stdlib.h>
#include <string.h>

#include "mentorships.h"
#include "contract.h"

/* What the one form sends besides its fields: which button, and a mark. */
enum { CF_GOAL_ROWS, CF_ADD_GOAL, CF_REMOVE_GOAL, CF_N };
static const struct field form_f[CF_N] = {
	{ "goal_rows", F_BOOL, 0, 0, 0, NULL },	/* the rows are in the post */
	{ "add_goal", F_BOOL, 0, 0, 0, NULL },
	{ "remove_goal", F_INT, 0, ROWS_MAX - 1, 0, NULL },
};

#define CONTRACT_MOVED	"The contract changed after you opened the page, " \
	"so your changes were not saved. They are below as you typed them, " \
	"beside the contract as it is now: save again to replace it with " \
	"yours."

/*
 * The stage may have moved since the page was loaded: ask it under the
 * mentorship's lock. 0, 404 deleted meanwhile, 409 with why, -1 db.
 */
int
mships_contract_lock(struct req *r, struct mship *m, const char **why)
{
	int rc;

	if ((rc = stage_lock(r, m)) != 0)
		return rc;	/* 404: deleted since it was loaded */
	if (!mships_contract_editable(m))
		return *why = req_printf(r, "The contract cannot be changed "
		    "in %s: it is written in Initiation, and renewed in "
		    "Separation or Redefinition.",
		    mship_stage_label(m->stage)), 409;
	return 0;
}

void
mships_contract_refused(struct req *r, struct mship *m, int status,
    const char *why)
{
	mships_contract_page(r, m, status, NULL, why, NULL, 0);
}

/*
 * What changed, one more thing said (w->what: "the cadence; “Hire two”
 * added"): the other party's mail said only "the terms or the goals",
 * and they had to find the change (found walking).
 */
static void
what_add(struct req *r, struct cwrite *w, const char *thing)
{
	w->what = w->what == NULL ? thing : req_printf(r, "%s; %s", w->what,
	    thing);
}

/*
 * The ground rules, cadence, channels and review date written, when they
 * changed, each change said (what_add): 1 changed, 0 the same, 404 gone,
 * -1 db. Under the lock.
 */
static int
terms_write(struct req *r, struct cwrite *w)
{
	static const char *const said[] = { "the ground rules", "the cadence",
	    "the ways to communicate", "the review date" };
	static const char *const col[] = { "rules", "cadence", "channels",
	    "review" };
	struct fval *v = w->v;
	struct db_rows *c;
	size_t i;
	int same = 1;

	c = db_query(r, "SELECT ground_rules <=> ? AS rules, cadence <=> ? AS "
	    "cadence, channels <=> ? AS channels, review_date <=> ? AS review "
	    "FROM mentorships WHERE id = ?", "ssssi", v[CT_GROUND_RULES].str,
	    v[CT_CADENCE].str, w->setv, v[CT_REVIEW_DATE].str, w->m->id);
	if (c == NULL)
		return -1;
	if (c->nrows == 0)
		return 404;
	for (i = 0; i < sizeof(col) / sizeof(col[0]); i++)
		if (!db_get_int(c, 0, col[i])) {
			what_add(r, w, said[i]);
			same = 0;
		}
	if (same)
		return 0;
	if (db_exec(r, "UPDATE mentorships SET ground_rules = ?, "
	    "cadence = ?, channels = ?, review_date = ? WHERE id = ?",
	    "ssssi", v[CT_GROUND_RULES].str, v[CT_CADENCE].str, w->setv,
	    v[CT_REVIEW_DATE].str, w->m->id) == -1)
		return -1;
	return 1;
}

/* The terms alone (a post without goal rows, as SPEC section 9 has it). */
static int
contract_tx(struct req *r, void *arg)
{
	struct cwrite *w = arg;
	int rc;

	w->what = NULL;		/* run again after a deadlock: afresh */
	w->cleared = 0;
	if ((rc = mships_contract_lock(r, w->m, &w->why)) != 0)
		return rc;
	if ((rc = terms_write(r, w)) != 1)
		return rc;
	return mships_contract_changed(r, w->m, w->what, &w->cleared);
}

/* A row nobody typed into: no goal, nothing to save. */
static int
row_blank(const struct fval *row)
{
	return row[GL_GOAL].str == NULL && row[GL_TITLE].str == NULL &&
	    row[GL_MEASURE].str == NULL && (row[GL_TARGET_DATE].raw == NULL ||
	    *row[GL_TARGET_DATE].raw == '\0');
}

/*
 * Back to the contract, saying it was saved, and what came of an
 * agreement given before: the saver read only "Contract saved." when
 * their change had taken the other's agreement back (found walking).
 */
static void
saved(struct req *r, const struct mship *m, const struct cwrite *w)
{
	const char *other = m->is_mentor ? m->mentee_name : m->mentor_name;

	resp_flash(r, w->cleared ? req_printf(r, "Contract saved. The change "
	    "clears the agreements given before: %s is told, and you both "
	    "agree again.", other) : "Contract saved.");
	resp_redirect(r, mships_path(r, m, "/contract"));
}

/*
 * The whole form: the terms, each row's goal edited or added, and the
 * goals of this version whose rows were taken out deleted. The other
 * party is told once, if anything changed.
 */
static int
form_tx(struct req *r, void *arg)
{
	struct cwrite *w = arg;
	struct cform *f = w->form;
	struct db_rows *g;
	const struct fval *row;
	long long id;
	size_t i, j;
	int rc, changed;

	w->changed = 0;
	w->what = NULL;		/* run again after a deadlock: afresh */
	w->cleared = 0;
	if ((rc = mships_contract_lock(r, w->m, &w->why)) != 0)
		return rc;
	/* re-shown as typed beside the contract now, to save over it */
	if ((rc = mships_contract_moved(r, w->m, w->seen, &f->seen)) != 0)
		return rc == -1 ? -1 : (w->why = CONTRACT_MOVED, f->moved = 1,
		    409);
	if ((changed = terms_write(r, w)) == -1 || changed == 404)
		return changed;
	for (i = 0; i < f->nrows; i++)
		if (f->rows[i][GL_GOAL].str != NULL && (rc =
		    mships_goal_editable(r, w, f->rows[i][GL_GOAL].num)) != 0)
			return rc;
	g = db_query(r, "SELECT g.id, g.title FROM goals g JOIN mentorships m "
	    "ON m.id = g.mentorship_id WHERE g.mentorship_id = ? AND "
	    GOAL_EDITABLE, "i", w->m->id);
	if (g == NULL)
		return -1;
	for (i = 0; i < g->nrows; i++) {
		id = db_get_int(g, i, "id");
		for (j = 0; j < f->nrows; j++)
			if (f->rows[j][GL_GOAL].str != NULL &&
			    f->rows[j][GL_GOAL].num == id)
				break;
		if (j < f->nrows)
			continue;
		if (db_exec(r, "DELETE FROM goals WHERE id = ? AND "
		    "mentorship_id = ?", "ii", id, w->m->id) == -1)
			return -1;
		what_add(r, w, req_printf(r, "\u201c%s\u201d removed",
		    db_get(g, i, "title")));
		changed = 1;
	}
	for (i = 0; i < f->nrows; i++) {
		row = f->rows[i];
		if (row_blank(row))
			continue;
		if (row[GL_GOAL].str == NULL) {
			if ((rc = mships_goal_insert(r, w, row)) != 0)
				return rc;
			what_add(r, w, req_printf(r, "\u201c%s\u201d added",
			    row[GL_TITLE].str));
			changed = 1;
			continue;
		}
		if ((id = db_exec(r, "UPDATE goals SET title = ?, measure = ?, "
		    "target_date = ? WHERE id = ? AND mentorship_id = ? AND "
		    "NOT (title <=> ? AND measure <=> ? AND target_date <=> ?)",
		    "sssiisss", row[GL_TITLE].str, row[GL_MEASURE].str,
		    row[GL_TARGET_DATE].str, row[GL_GOAL].num, w->m->id,
		    row[GL_TITLE].str, row[GL_MEASURE].str,
		    row[GL_TARGET_DATE].str)) == -1)
			return -1;
		if (id > 0) {
			what_add(r, w, req_printf(r, "\u201c%s\u201d changed",
			    row[GL_TITLE].str));
			changed = 1;
		}
	}
	if (!changed)
		return 0;
	w->changed = 1;
	return mships_contract_changed(r, w->m, w->agreeing ? NULL : w->what,
	    &w->cleared);
}

/*
 * "I agree" on a page typed into: the form saved, then agreed to, in
 * one transaction, so that one agrees to what one sees, or to nothing.
 */
static int
form_agree_tx(struct req *r, void *arg)
{
	struct agreeing *a = arg;
	struct cwrite *w = a->typed;
	int rc;

	a->done = 0;
	if ((rc = form_tx(r, w)) != 0)
		return a->why = w->why, rc;
	a->changed = w->changed;
	a->what = w->what;
	return mships_agree_locked(r, a);
}

/*
 * The channels posted as the column's SET, in its declared order, each
 * once; NULL when none is chosen or one is unknown.
 */
static const char *
channels_set(struct req *r, const char *const *chans, size_t n)
{
	struct buf set = { NULL, 0, 0 };
	const char *out;
	size_t i, j;

	for (j = 0; j < n; j++) {
		for (i = 0; mships_channel_names[i] != NULL; i++)
			if (strcmp(chans[j], mships_channel_names[i]) == 0)
				break;
		if (mships_channel_names[i] == NULL)
			return NULL;
	}
	for (i = 0; mships_channel_names[i] != NULL; i++)
		for (j = 0; j < n; j++)
			if (strcmp(chans[j], mships_channel_names[i]) == 0) {
				buf_printf(&set, "%s%s", set.len ? "," : "",
				    mships_channel_names[i]);
				break;
			}
	out = set.len > 0 ? req_strdup(r, set.p) : NULL;
	buf_free(&set);
	return out;
}

/*
 * The terms as posted, checked: their error count (each marked on its
 * field), or -1 when the database failed. *setv: the channels as a SET,
 * NULL when that is the error.
 */
static int
terms_read(struct req *r, const struct mship *m, struct cform *f,
    const char **setv)
{
	struct fval *v = f->terms;
	const char *first = page_first_open_day(r);
	const char *day, *kept;
	int errors;

	f->nchans = req_form_all(r, "channels", f->chans, 8);
	errors = field_read(r, mships_contract_f, CT_N, v);
	day = v[CT_REVIEW_DATE].str;
	if (day != NULL && strcmp(day, first) < 0 && ((kept = mships_review_kept(r,
	    m, db_value(r, "SELECT review_date FROM mentorships WHERE id = ?",
	    "i", m->id))) == NULL || strcmp(kept, day) != 0)) {
		if (r->db_failed)
			return -1;
		/*
		 * the day is past in UTC, and so for a partner there or
		 * east of it ("your review date has passed" at once)
		 */
		v[CT_REVIEW_DATE].err = strcmp(day, page_today(r)) < 0 ?
		    "The review date cannot be in the past." :
		    req_printf(r, "The review date cannot be in the past: it "
		    "is %s already in UTC, and an earlier day is past for "
		    "people there. Choose that day or later.",
		    page_date_text(r, first));
		v[CT_REVIEW_DATE].str = NULL;
		errors++;
	}
	/* marked on its fieldset and listed, as every field's error is */
	if ((*setv = channels_set(r, f->chans, f->nchans)) == NULL) {
		f->chan_err = "Choose one or more ways to communicate: room, "
		    "e-mail, video or in person.";
		errors++;
	}
	return errors;
}

/*
 * The goal rows as posted: each row sends title, measure, target_date
 * and goal once, in order. Their error count (a blank row is none), or
 * -1 when the rows do not line up or are too many.
 */
static int
rows_read(struct req *r, struct cform *f)
{
	struct fval *row;
	size_t i, k;
	int errors = 0, e;

	memset(f->rows, 0, sizeof(f->rows));
	if (field_rows(r, mships_goal_f, GL_ROW, GL_ROW, ROWS_MAX, f->rows[0],
	    GL_N, &f->nrows) == -1)
		return -1;
	for (i = 0; i < f->nrows; i++) {
		row = f->rows[i];
		if (row_blank(row)) {
			for (k = 0; k < GL_ROW; k++)
				row[k].err = NULL;
			continue;
		}
		for (k = 0, e = 0; k < GL_ROW; k++)
			e += row[k].err != NULL;
		mships_goal_measure_msg(row);
		errors += e;
	}
	return errors;
}

/*
 * Re-shown beside a contract changed meanwhile: the rows of goals taken
 * out since become new rows, so that saving again adds them (their ids
 * answered 404, and what was typed was lost). -1 db.
 */
static int
rows_gone_new(struct req *r, const struct mship *m, struct cform *f)
{
	struct db_rows *g;
	size_t i, j;

	g = db_query(r, "SELECT id FROM goals WHERE mentorship_id = ?", "i",
	    m->id);
	if (g == NULL)
		return -1;
	for (i = 0; i < f->nrows; i++) {
		if (f->rows[i][GL_GOAL].str == NULL)
			continue;
		for (j = 0; j < g->nrows; j++)
			if (db_get_int(g, j, "id") == f->rows[i][GL_GOAL].num)
				break;
		if (j == g->nrows)
			memset(&f->rows[i][GL_GOAL], 0, sizeof(struct fval));
	}
	return 0;
}

/* Re-shown as typed without a word about errors: a row added, removed. */
static void
form_quiet(struct cform *f)
{
	size_t i, k;

	for (k = 0; k < CT_N; k++)
		f->terms[k].err = NULL;
	for (i = 0; i < f->nrows; i++)
		for (k = 0; k < GL_N; k++)
			f->rows[i][k].err = NULL;
}

/*
 * The form saved, and agreed to when agreeing: 0, or an answer given
 * (-1 db, the page refused with the form as typed).
 */
static int
form_write(struct req *r, struct cwrite *w, struct agreeing *a)
{
	const char *why;
	long long wait;
	int rc;

	if (a != NULL) {
		if ((why = mship_mail_wait(r, w->m, &wait)) != NULL) {
			mships_contract_page(r, w->m, 429, w->form, why, NULL,
			    0);
			return 1;
		}
		if (wait < 0)
			return -1;
		rc = db_tx_run(r, form_agree_tx, a);
		w->why = a->why;
	} else
		rc = db_tx_run(r, form_tx, w);
	if (rc == -1)
		return -1;
	if (rc == 404)
		return page_error(r, 404), 1;
	if (w->form->moved && rows_gone_new(r, w->m, w->form) == -1)
		return -1;
	if (rc == 0)
		return 0;
	mships_contract_page(r, w->m, rc, w->form, a == NULL ? w->why :
	    w->form->moved ? "You did not agree: the contract changed after "
	    "you opened the page. It is shown as it is now; the form below "
	    "still holds the page you had. Reload the page to agree to the "
	    "contract as it is now, or save the form to replace it with "
	    "yours." : req_printf(r, "You did not agree, and nothing was "
	    "saved. %s", w->why), NULL, 0);
	return 1;
}

/*
 * The one form: "Add a goal" and "Remove" (without JavaScript) show it
 * again with everything kept, saving nothing; "Save" checks every field
 * and writes the terms and goals at once; "I agree" (agreeing) saves
 * them and agrees to them.
 */
static void
contract_form_post(struct req *r, struct mship *m, int agreeing)
{
	struct fval ctl[CF_N];
	struct cform f;
	struct cwrite w = { .m = m, .v = f.terms, .form = &f,
	    .agreeing = agreeing };
	struct agreeing a = { .m = m, .typed = &w };
	size_t k;
	int errors, rc;

	memset(&f, 0, sizeof(f));
	w.seen = f.seen = mships_contract_seen(r);
	if (field_read(r, form_f, CF_N, ctl) > 0 ||
	    (errors = rows_read(r, &f)) == -1)
		return page_error_msg(r, 400, "The goal rows of this form do "
		    "not line up: reload the contract page.");
	if (agreeing && (ctl[CF_ADD_GOAL].num ||
	    ctl[CF_REMOVE_GOAL].str != NULL))	/* no page sends both */
		return page_error_msg(r, 400, "This form was sent by two "
		    "buttons at once: reload the contract page.");
	if ((rc = terms_read(r, m, &f, &w.setv)) == -1)
		return;
	errors += rc;
	if (ctl[CF_ADD_GOAL].num) {
		form_quiet(&f);
		if (f.nrows < ROWS_MAX)
			memset(f.rows[f.nrows++], 0, sizeof(f.rows[0]));
		return mships_contract_page(r, m, 200, &f, NULL, NULL, 1);
	}
	if (ctl[CF_REMOVE_GOAL].str != NULL) {
		k = (size_t)ctl[CF_REMOVE_GOAL].num;
		form_quiet(&f);
		if (k < f.nrows) {
			memmove(f.rows[k], f.rows[k + 1],
			    (f.nrows - k - 1) * sizeof(f.rows[0]));
			f.nrows--;
		}
		return mships_contract_page(r, m, 200, &f, NULL, "The goal is "
		    "out of the form. Save the contract to keep this change.",
		    0);
	}
	for (k = 0; k < f.nrows; k++) {
		if (row_blank(f.rows[k]) ||
		    f.rows[k][GL_TARGET_DATE].err != NULL)
			continue;
		if ((rc = mships_goal_target_past(r, m, f.rows[k])) == -1)
			return;
		errors += rc;
	}
	if (errors > 0)
		return mships_contract_page(r, m, 422, &f, req_printf(r, "%s%s",
		    agreeing ? "You did not agree, and nothing was saved. " :
		    "", "Check the fields marked below."), NULL, 0);
	if (form_write(r, &w, agreeing ? &a : NULL) != 0)
		return;
	if (agreeing)
		return mships_agreed(r, m, &a);
	saved(r, m, &w);
}

void
mships_contract_post(struct req *r)
{
	struct cform f;
	struct mship m;
	struct cwrite w = { .m = &m, .v = f.terms };
	const char *agree;
	int agreeing, rc;

	if (mships_load(r, &m) == -1)
		return;
	if (!mships_contract_editable(&m))
		return mships_contract_refused(r, &m, 409, req_printf(r, "The "
		    "contract cannot be changed in %s: it is written in "
		    "Initiation, and renewed in Separation or Redefinition.",
		    mship_stage_label(m.stage)));
	agreeing = (agree = req_form(r, "agree")) != NULL &&
	    strcmp(agree, "1") == 0;
	if (req_form(r, "goal_rows") != NULL)
		return contract_form_post(r, &m, agreeing);
	if (agreeing)
		return mships_agree(r, &m);
	/* the terms alone (no page sends them): the goals re-shown as stored */
	memset(&f, 0, sizeof(f));
	if ((rc = terms_read(r, &m, &f, &w.setv)) == -1)
		return;
	if (rc > 0) {
		if (mships_contract_rows_stored(r, &m, &f) == -1)
			return;
		mships_rows_pad(&m, &f);
		return mships_contract_page(r, &m, 422, &f,
		    "Check the fields marked below.", NULL, 0);
	}
	if ((rc = db_tx_run(r, contract_tx, &w)) == -1)
		return;
	if (rc == 404)
		return page_error(r, 404);
	if (rc != 0)
		return mships_contract_refused(r, &m, rc, w.why);
	saved(r, &m, &w);
}
