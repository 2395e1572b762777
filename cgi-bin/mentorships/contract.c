/*
 * mentorships: the contract page, as stored or as typed (contract_save.c
 * writes its one form; goals.c a goal at a time; agreement.c keeps the
 * versions both agree to).
 */
#include <stdlib.h>
#include <string.h>

#include "mentorships.h"
#include "contract.h"

/* ---- the contract and its goals --------------------------------------- */

static const char *const cadences[] = { "weekly", "biweekly", "monthly", NULL };
const char *const mships_channel_names[] = { "room", "email", "video",
	"in_person", NULL };

const struct field mships_contract_f[CT_N] = {
	{ "ground_rules", F_MULTILINE, 1, 4000, 1, NULL },
	{ "cadence", F_CHOICE, 0, 0, 1, cadences },
	{ "review_date", F_DATE, 10, 10, 1, NULL },
};

#define ROWS_ADD	STAGE_GOALS_MAX	/* "Add a goal" offered below it */

/*
 * What the contract says, as a fingerprint of mentorship row m: its
 * terms and every goal's words, version and status (an outcome recorded
 * decides which goals a new cycle carries over). Its forms carry the
 * one the page showed ("seen"), so that a save from a page older than
 * the contract does not overwrite what the other party saved since, and
 * an agreement is to the terms the page showed.
 */
#define CONTRACT_SEEN(m) \
	"SHA1(CONCAT_WS(0x1f, IFNULL(" m ".ground_rules, 0x00), " \
	"IFNULL(" m ".cadence, 0x00), IFNULL(" m ".channels, 0x00), " \
	"IFNULL(" m ".review_date, 0x00), IFNULL((SELECT GROUP_CONCAT(" \
	"CONCAT_WS(0x1e, g.id, g.version, g.status, g.title, " \
	"IFNULL(g.measure, 0x00), IFNULL(g.target_date, 0x00)) ORDER BY " \
	"g.id SEPARATOR 0x1d) FROM " \
	"goals g WHERE g.mentorship_id = " m ".id), 0x00)))"

/* A row as the form shows it: raw values, no message. */
static void
row_set(struct fval *row, const char *title, const char *measure,
    const char *target, const char *goal)
{
	memset(row, 0, GL_N * sizeof(*row));
	row[GL_TITLE].raw = title;
	row[GL_MEASURE].raw = measure;
	row[GL_TARGET_DATE].raw = target;
	row[GL_GOAL].raw = goal;
}

/* The goals this version may change, a row each, after f's rows. */
int
mships_contract_rows_stored(struct req *r, const struct mship *m,
    struct cform *f)
{
	struct db_rows *g;
	size_t i;

	g = db_query(r, "SELECT g.id, g.title, g.measure, g.target_date "
	    "FROM goals g JOIN mentorships m ON m.id = g.mentorship_id "
	    "WHERE g.mentorship_id = ? AND " GOAL_EDITABLE " ORDER BY g.id",
	    "i", m->id);
	if (g == NULL)
		return -1;
	for (i = 0; i < g->nrows && f->nrows < ROWS_MAX; i++)
		row_set(f->rows[f->nrows++], db_get(g, i, "title"),
		    db_get(g, i, "measure"), db_get(g, i, "target_date"),
		    db_get(g, i, "id"));
	return 0;
}

/* Blank rows up to what the version needs at least (3 first, 1 later). */
void
mships_rows_pad(const struct mship *m, struct cform *f)
{
	size_t least = mships_is(m, "initiation") ? STAGE_GOALS_MIN : 1;

	while (f->nrows < least)
		row_set(f->rows[f->nrows++], "", "", "", "");
}

/*
 * The stored terms as the form shows them (the review date proposed
 * when none is set) and the channels. 0, 404 gone, or -1 (db).
 */
int
mships_contract_terms_stored(struct req *r, const struct mship *m,
    struct cform *f)
{
	struct db_rows *c;
	char *set, *p, *save = NULL;

	/*
	 * The default review date: six months, or the programme's weeks,
	 * from the first day the form takes, and never after the
	 * programme's end while it has not passed.
	 */
	c = db_query(r, "SELECT m.ground_rules, m.cadence, m.channels, "
	    "COALESCE(m.review_date, DATE_FORMAT(LEAST(CAST(? AS DATE) + "
	    "INTERVAL COALESCE(7 * p.review_weeks, 182) DAY, COALESCE(IF("
	    "p.ends_on >= ?, p.ends_on, NULL), '9999-12-31')), '%Y-%m-%d')) AS "
	    "review_date, m.review_date IS NOT NULL AS review_set FROM "
	    "mentorships m LEFT JOIN programmes p ON p.id = m.programme_id "
	    "WHERE m.id = ?", "ssi", page_first_open_day(r),
	    page_first_open_day(r), m->id);
	if (c == NULL)
		return -1;
	if (c->nrows == 0)
		return 404;
	f->terms[CT_GROUND_RULES].raw = db_get(c, 0, "ground_rules");
	field_stored(&f->terms[CT_CADENCE], db_get(c, 0, "cadence"));
	f->terms[CT_REVIEW_DATE].raw = db_get(c, 0, "review_date");
	f->review_set = db_get_int(c, 0, "review_set") != 0;
	f->chan_set = db_get(c, 0, "channels");
	f->nchans = 0;
	if (f->chan_set != NULL) {
		set = req_strdup(r, f->chan_set);
		for (p = strtok_r(set, ",", &save); p != NULL &&
		    f->nchans < 8; p = strtok_r(NULL, ",", &save))
			f->chans[f->nchans++] = p;
	}
	return 0;
}

/*
 * The rows of the form, each with its own Remove button (a section of
 * the row: a page-level one would not see the row's N); the last one
 * focused after "Add a goal".
 */
static void
form_rows_show(struct req *r, struct tdict *d, const struct cform *f,
    int editable, int focus_last)
{
	struct tdict *s;
	size_t i;

	for (i = 0; i < f->nrows; i++) {
		s = tmpl_section(d, "ROW");
		page_form(s, mships_goal_f, GL_ROW, f->rows[i]);
		tmpl_set_int(s, "N", (long long)i);
		tmpl_set_int(s, "NUMBER", (long long)i + 1);
		tmpl_set(s, "ROW_ID", req_printf(r, "row-%zu", i));
		if (editable)
			tmpl_show(s, "REMOVABLE");
		if (focus_last && i + 1 == f->nrows)
			tmpl_show(s, "AUTOFOCUS");
	}
	if (f->nrows < ROWS_ADD)
		tmpl_show(d, "CAN_ADD");
}

/*
 * Agreeing, offered only to a party who has not agreed yet, once the
 * stored contract is complete; otherwise what it lacks, in words.
 */
static int
form_agreement(struct req *r, struct tdict *d, const struct mship *m,
    struct db_rows *c, const struct cform *typed)
{
	const char *why[8];
	size_t i, n;
	int failed;

	if (db_get(c, 0, m->is_mentor ? "mentor_agreed_at" :
	    "mentee_agreed_at") != NULL) {
		tmpl_show(d, "YOU_AGREED");
		return 0;
	}
	/*
	 * A form re-shown beside a contract changed meanwhile: "I agree"
	 * would save the older page over the change (it sends the form),
	 * whether or not anything was typed into it.
	 */
	if (typed != NULL && typed->moved) {
		tmpl_show(d, "AGREE_RELOAD");
		return 0;
	}
	n = stage_contract_missing(r, m, why, 8, &failed);
	if (failed)
		return -1;
	if (n == 0) {
		tmpl_show(d, "CAN_AGREE");
		return 0;
	}
	for (i = 0; i < n; i++)
		tmpl_set(tmpl_section(d, "MISSING"), "TEXT", why[i]);
	tmpl_show(d, "INCOMPLETE");
	/* the list judges the saved contract, not the form re-shown beside it */
	tmpl_show(d, typed != NULL ? "TYPED" : "SAVED");
	return 0;
}

/*
 * Each party's agreement in the sidebar. Both agreed: to the version
 * numbered, which a new cycle's page showed as if given to the draft
 * beside it (found walking); one alone: to the draft, which has no number yet.
 */
static void
agreed_text(struct req *r, struct tdict *d, const struct db_rows *c)
{
	static const char *const keys[2][2] = {
		{ "mentor_agreed_at", "MENTOR_AGREED_TEXT" },
		{ "mentee_agreed_at", "MENTEE_AGREED_TEXT" }
	};
	const char *at;
	int both = db_get(c, 0, "mentor_agreed_at") != NULL &&
	    db_get(c, 0, "mentee_agreed_at") != NULL;
	size_t i;

	for (i = 0; i < 2; i++) {
		if ((at = db_get(c, 0, keys[i][0])) == NULL)
			tmpl_set(d, keys[i][1], "not yet");
		else if (both)
			tmpl_set(d, keys[i][1], req_printf(r, "agreed to "
			    "version %s on %s", db_get(c, 0,
			    "contract_version"), page_time_text(r, at)));
		else
			tmpl_set(d, keys[i][1], req_printf(r, "agreed on %s",
			    page_time_text(r, at)));
	}
}

/*
 * Whose agreement the draft waits for, at the top of the page: the
 * other party's agreement was only in the box at its foot, under a
 * header that said "Not agreed yet" (found walking). Nothing when
 * neither agreed.
 */
static void
agreement_head(struct req *r, struct tdict *d, const struct mship *m,
    const struct db_rows *c)
{
	const char *mine = db_get(c, 0, m->is_mentor ? "mentor_agreed_at" :
	    "mentee_agreed_at"), *theirs = db_get(c, 0, m->is_mentor ?
	    "mentee_agreed_at" : "mentor_agreed_at");
	const char *other = m->is_mentor ? m->mentee_name : m->mentor_name;

	if ((mine == NULL) == (theirs == NULL))
		return;
	tmpl_set(tmpl_section(d, "WAITING"), "TEXT", mine != NULL ?
	    req_printf(r, "You agreed on %s: waiting for %s.",
	    page_time_text(r, mine), other) : req_printf(r, "%s agreed on "
	    "%s: waiting for you.", other, page_time_text(r, theirs)));
}

/*
 * The goals agreed before, shown, not in the form: those this version
 * keeps (KEPT_GOAL), and those closed in an earlier cycle (CLOSED_GOAL),
 * which a new cycle does not carry over (a new cycle's form listed every
 * one as "carried over": found walking). While a version is written
 * (editable) every closed one is earlier; once it is agreed, those
 * closed before the cycle began. The count of kept ones, or -1.
 */
static int
form_kept_goals(struct req *r, struct tdict *d, const struct mship *m,
    int editable)
{
	struct db_rows *g;
	struct tdict *s;
	size_t i, kept = 0;
	int earlier;

	g = db_query(r, "SELECT g.title, g.measure, g.status, g.version, "
	    "g.status <> 'open' AND (? OR g.version < m.cycle_version) AS "
	    "earlier FROM goals g JOIN mentorships m ON m.id = "
	    "g.mentorship_id WHERE g.mentorship_id = ? AND NOT " GOAL_EDITABLE
	    " ORDER BY g.id", "ii", (long long)editable, m->id);
	if (g == NULL)
		return -1;
	for (i = 0; i < g->nrows; i++) {
		earlier = db_get_int(g, i, "earlier") == 1;
		s = tmpl_section(d, earlier ? "CLOSED_GOAL" : "KEPT_GOAL");
		tmpl_set(s, "TITLE", db_get(g, i, "title"));
		tmpl_set(s, "MEASURE", db_get(g, i, "measure"));
		tmpl_set(s, "STATUS_LABEL", mship_outcome_label(db_get(g, i,
		    "status")));
		tmpl_set(s, "VERSION", db_get(g, i, "version"));
		kept += !earlier;
	}
	if (kept > 0)
		tmpl_show(d, "HAS_KEPT");
	if (kept < g->nrows)
		tmpl_show(d, "HAS_CLOSED");
	return (int)kept;
}

/*
 * The stored terms as text, where the stage only reads them: a document
 * to read and copy from, not a form whose fields refuse the cursor. The
 * review date only if one is set (the form proposes one otherwise).
 */
static void
terms_text(struct req *r, struct tdict *d, const struct cform *f)
{
	const char *s = f->terms[CT_GROUND_RULES].raw;

	tmpl_set(d, "GROUND_RULES_TEXT", s != NULL && *s != '\0' ? s :
	    "None written.");
	tmpl_set(d, "CADENCE_LABEL",
	    mship_cadence_label(f->terms[CT_CADENCE].raw));
	tmpl_set(d, "CHANNELS", mship_channels_label(r, f->chan_set));
	tmpl_set(d, "REVIEW_TEXT", f->review_set ? page_date_text(r,
	    f->terms[CT_REVIEW_DATE].raw) : "not set");
}

/*
 * A programme's pair: its end beside the review date, and a word when
 * the date chosen falls after it (allowed: a pair may go on, but the
 * programme's reviews and dashboard end with it). c: the page's row.
 */
static void
review_end_show(struct req *r, struct tdict *d, const struct cform *f,
    const struct db_rows *c)
{
	const char *end = db_get(c, 0, "prog_ends");
	const char *day = f->terms[CT_REVIEW_DATE].raw;
	struct tdict *s;
	int over;

	if (db_get(c, 0, "prog_name") == NULL)
		return tmpl_show(d, "USUAL_REVIEW");
	if (end == NULL)
		return;
	over = strcmp(end, page_today(r)) < 0;
	s = tmpl_section(d, "PROG_END");
	tmpl_set(s, "PROG_NAME", db_get(c, 0, "prog_name"));
	tmpl_set(s, "PROG_ENDS", over ? "ended" : "ends");
	tmpl_set(s, "PROG_ENDS_TEXT", page_date_text(r, end));
	if (!over && day != NULL && strlen(day) == 10 && strcmp(day, end) > 0)
		tmpl_show(d, "REVIEW_AFTER_END");
}

/*
 * The reason a form came back, and each field with a problem as a link
 * to it, in the form's order: "Goal 2, how it is measured: ..." (GOV.UK's
 * error summary; the fields marked alone left the person to find them).
 */
/* One more item of the list of problems, the list made at the first. */
static struct tdict *
problem(struct tdict *s, struct tdict **list)
{
	if (*list == NULL)
		*list = tmpl_section(s, "PROBLEMS");
	return tmpl_section(*list, "PROBLEM");
}

static void
problems_fill(struct req *r, struct tdict *s, const char *err,
    const struct cform *f)
{
	static const char *const terms[CT_N] = {
		"Ground rules", "Cadence", "Review date"
	};
	static const struct { const char *label, *id; } goal[GL_TARGET_DATE + 1] = {
		{ "title", "title" }, { "how it is measured", "measure" },
		{ "target date", "target" }
	};
	struct tdict *list = NULL, *p;
	size_t i, k;

	tmpl_set(s, "REASON", err);
	for (i = 0; f != NULL && i < CT_N; i++)
		if (f->terms[i].err != NULL) {
			p = problem(s, &list);
			tmpl_set(p, "P_ID", mships_contract_f[i].name);
			tmpl_set(p, "P_TEXT", req_printf(r, "%s: %s", terms[i],
			    f->terms[i].err));
		}
	if (f != NULL && f->chan_err != NULL) {
		p = problem(s, &list);
		tmpl_set(p, "P_ID", "channel-room");
		tmpl_set(p, "P_TEXT", req_printf(r, "Communication: %s",
		    f->chan_err));
	}
	for (i = 0; f != NULL && i < f->nrows; i++)
		for (k = 0; k <= GL_TARGET_DATE; k++)
			if (f->rows[i][k].err != NULL) {
				p = problem(s, &list);
				tmpl_set(p, "P_ID", req_printf(r, "%s-row-%zu",
				    goal[k].id, i));
				tmpl_set(p, "P_TEXT", req_printf(r, "Goal %zu, "
				    "%s: %s", i + 1, goal[k].label,
				    f->rows[i][k].err));
			}
}

/*
 * The review date's hint: the browser refuses a day before REVIEW_MIN,
 * and the hint says which, and why: the first open day, and the date
 * kept (mships_review_kept), still a day where one of the pair lives.
 */
static void
review_hint(struct req *r, struct tdict *d, const struct mship *m,
    const char *first, const char *kept)
{
	const char *from = strcmp(first, page_today(r)) == 0 ?
	    "today or a later day." : req_printf(r, "%s or a later day (it is "
	    "that day already in UTC: an earlier one is past for people "
	    "there).", page_date_text(r, first));

	if (kept != NULL)
		from = req_printf(r, "%s You may keep %s: it is not over yet "
		    "where %s.", from, page_date_text(r, kept),
		    strcmp(kept, page_today(r)) >= 0 ? "you live" :
		    req_printf(r, "%s lives", m->is_mentor ? m->mentee_name :
		    m->mentor_name));
	tmpl_set(d, "REVIEW_FROM", from);
}

/*
 * The review date stored (was), when it is before the reader's first
 * open day and has not passed for the pair (mship_pair_today): the form
 * takes it unchanged, so that a partner a day ahead edits the rest of
 * the contract on the other's review day (as a goal's target date kept
 * as it was is taken: mships_goal_target_past). NULL when not.
 */
const char *
mships_review_kept(struct req *r, const struct mship *m, const char *was)
{
	if (was == NULL || strcmp(was, page_first_open_day(r)) >= 0 ||
	    strcmp(was, mship_pair_today(r, m)) < 0)
		return NULL;
	return was;
}

/*
 * The contract page. typed: the form as posted (re-shown with what was
 * typed, its errors marked), or NULL for the stored contract; note: a
 * line above the form (a row taken out, not saved yet).
 */
void
mships_contract_page(struct req *r, struct mship *m, int status,
    const struct cform *typed, const char *err, const char *note,
    int focus_last)
{
	struct tdict *d;
	struct db_rows *c;
	struct cform stored;
	const struct cform *f = typed;
	const char *first = page_first_open_day(r), *from, *now;
	size_t i, j;
	int rc, kept, editable = mships_contract_editable(m);

	c = db_query(r, "SELECT m.mentor_agreed_at, m.mentee_agreed_at, "
	    "m.contract_version, m.review_date, p.name AS prog_name, "
	    "p.ends_on AS prog_ends, "
	    CONTRACT_SEEN("m") " AS seen FROM mentorships m LEFT JOIN "
	    "programmes p ON p.id = m.programme_id WHERE m.id = ?", "i", m->id);
	if (c == NULL)
		return;
	if (c->nrows == 0)	/* deleted since it was loaded */
		return page_error(r, 404);
	/*
	 * A page that only reads shows what is stored: a form refused because
	 * the stage moved meanwhile would list what was typed as drafts.
	 */
	if (f == NULL || !editable) {
		memset(&stored, 0, sizeof(stored));
		if ((rc = mships_contract_terms_stored(r, m, &stored)) == 404)
			return page_error(r, 404);
		if (rc == -1 ||
		    mships_contract_rows_stored(r, m, &stored) == -1)
			return;
		if (editable)
			mships_rows_pad(m, &stored);
		f = &stored;
	}
	from = mships_review_kept(r, m, db_get(c, 0, "review_date"));
	d = page_new(r, req_printf(r, "%s: contract", m->focus),
	    "mentorships_contract.tpl");
	tmpl_set_int(d, "ID", m->id);
	tmpl_set(d, "FOCUS", m->focus);
	tmpl_set(d, "STAGE", m->stage);
	tmpl_set(d, "STAGE_LABEL", mship_stage_label(m->stage));
	tmpl_set(d, "REVIEW_MIN", from != NULL ? from : first);
	review_hint(r, d, m, first, from);
	if (db_get_int(c, 0, "contract_version") > 0)
		tmpl_set(tmpl_section(d, "AGREED_VERSION"), "N",
		    db_get(c, 0, "contract_version"));
	else
		tmpl_show(d, "NEVER_AGREED");
	tmpl_show(d, editable ? "EDITABLE" : "READ_ONLY");
	tmpl_show(d, mships_is(m, "initiation") ? "FIRST_CYCLE" :
	    "LATER_CYCLE");
	tmpl_set(d, "SEEN", typed != NULL && typed->seen != NULL ?
	    typed->seen : db_get(c, 0, "seen"));
	if (typed != NULL && typed->moved) {
		/* the version being written: goals.c's rule for a new goal */
		if ((now = mships_contract_text(r, m, mships_is(m,
		    "initiation") ? 1 : db_get_int(c, 0, "contract_version") +
		    1, "As saved now, not agreed")) == NULL)
			return;
		tmpl_set(tmpl_section(d, "NOW"), "TEXT", now);
	}
	if (err != NULL)
		problems_fill(r, tmpl_section(d, "REFUSED"), err, typed);
	if (note != NULL)
		tmpl_set(tmpl_section(d, "NOTE"), "TEXT", note);
	page_form(d, mships_contract_f, CT_N, f->terms);
	if (f->chan_err != NULL)
		tmpl_set(tmpl_section(d, "CHANNELS_ERROR"), "MESSAGE",
		    f->chan_err);
	for (i = 0; mships_channel_names[i] != NULL; i++)
		for (j = 0; j < f->nchans; j++)
			if (strcmp(f->chans[j], mships_channel_names[i]) == 0) {
				tmpl_show(d, req_printf(r, "CH_%s_CHECKED",
				    i == 0 ? "ROOM" : i == 1 ? "EMAIL" :
				    i == 2 ? "VIDEO" : "IN_PERSON"));
				break;
			}
	form_rows_show(r, d, f, editable, focus_last);
	review_end_show(r, d, f, c);
	agreed_text(r, d, c);
	if (editable)
		agreement_head(r, d, m, c);
	if (editable && form_agreement(r, d, m, c, typed) == -1)
		return;
	if (!editable)
		terms_text(r, d, f);
	if ((kept = form_kept_goals(r, d, m, editable)) == -1 ||
	    mships_versions_show(r, d, m) == -1)
		return;
	if (!editable && f->nrows > 0)
		tmpl_show(d, "DRAFTED");
	else if (!editable && kept == 0)
		tmpl_show(d, "NO_GOALS");
	page_send(r, status);
}

void
mships_contract(struct req *r)
{
	struct mship m;

	if (mships_load(r, &m) == -1)
		return;
	mships_contract_page(r, &m, 200, NULL, NULL, NULL, 0);
}

int
mships_contract_moved(struct req *r, const struct mship *m,
    const char *seen, const char **now)
{
	const char *v;

	if (seen == NULL)	/* a script's post: it showed no page */
		return 0;
	v = db_value(r, "SELECT " CONTRACT_SEEN("m") " FROM mentorships m "
	    "WHERE m.id = ?", "i", m->id);
	if (v == NULL)
		return -1;
	if (now != NULL)
		*now = v;
	return strcmp(v, seen) != 0;
}
