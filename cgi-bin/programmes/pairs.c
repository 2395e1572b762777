/*
 * programmes/pairs: one pair as its programme's organisers may see it:
 * the two people and when each was last active, the stage and its
 * timeline (dates only: a stage change's note is the pair's own words),
 * the contract's terms, the goals and their outcomes, milestone progress
 * and the dates of meetings. Never the room, a meeting's agenda or notes,
 * a goal's review note, or a thread. A pair the programme proposed, not
 * answered yet, its organisers may take back.
 */
#include <string.h>

#include "mship.h"
#include "programmes.h"
#include "resp.h"
#include "stage.h"
#include "survey.h"

static int
pair_head(struct req *r, struct tdict *d, const struct db_rows *m)
{
	tmpl_set(d, "PAIR_ID", db_get(m, 0, "id"));
	tmpl_set(d, "FOCUS", db_get(m, 0, "focus"));
	tmpl_set(d, "MENTOR", db_get(m, 0, "mentor"));
	tmpl_set(d, "MENTEE", db_get(m, 0, "mentee"));
	tmpl_set(d, "STAGE_LABEL", mship_stage_label(db_get(m, 0, "stage")));
	tmpl_set(d, "STAGE", db_get(m, 0, "stage"));
	/*
	 * The day it was asked; a pair its mentor accepted has a contract to
	 * show, one never accepted (not yet answered, or come to nothing,
	 * ended by an admin included) none.
	 */
	tmpl_set(d, "ASKED_AS", db_get_int(m, 0, "proposed_by_programme") ?
	    "Proposed" : "Asked");
	page_date(r, d, "ASKED", db_get(m, 0, "created_at"));
	if (db_get_int(m, 0, "accepted"))
		tmpl_show(d, "CONTRACT");
	else
		tmpl_set(tmpl_section(d, "NO_CONTRACT"), "WHY", strcmp(db_get(m,
		    0, "stage"), "requested") == 0 ? "None yet: the mentor has "
		    "not answered." : "None: the pair closed before the mentor "
		    "accepted it.");
	page_date(r, d, "STAGE_SINCE", db_get(m, 0, "stage_changed_at"));
	tmpl_set(d, "MENTOR_ACTIVE", db_get(m, 0, "mentor_active") != NULL ?
	    page_date_text(r, db_get(m, 0, "mentor_active")) : "not yet");
	tmpl_set(d, "MENTEE_ACTIVE", db_get(m, 0, "mentee_active") != NULL ?
	    page_date_text(r, db_get(m, 0, "mentee_active")) : "not yet");
	tmpl_set(d, "GROUND_RULES", db_get(m, 0, "ground_rules"));
	tmpl_set(d, "CADENCE", mship_cadence_label(db_get(m, 0, "cadence")));
	tmpl_set(d, "CHANNELS", mship_channels_label(r, db_get(m, 0,
	    "channels")));
	if (db_get(m, 0, "review_date") != NULL)
		tmpl_set(tmpl_section(d, "REVIEW"), "REVIEW_DATE",
		    page_date_text(r, db_get(m, 0, "review_date")));
	return mship_strip(r, tmpl_section(d, "STRIP"), db_get_int(m, 0, "id"));
}

/*
 * Who moved the pair, in words: a party by name, the organisers or an
 * administrator; NULL for Menteo itself (an expiry, a deleted account),
 * which the timeline does not name. An organiser since taken off the
 * list is still "the organisers"; only a site administrator who is no
 * organiser of the programme is one.
 */
#define EVENT_BY "CASE WHEN e.actor_id IS NULL THEN 'menteo' " \
	"WHEN e.by_outsider = 0 AND e.actor_id = m.mentor_id THEN 'mentor' " \
	"WHEN e.by_outsider = 0 AND e.actor_id = m.mentee_id THEN 'mentee' " \
	"WHEN EXISTS (SELECT 1 FROM programme_organisers o WHERE " \
	"o.programme_id = m.programme_id AND o.user_id = e.actor_id) " \
	"THEN 'organisers' WHEN (SELECT u.is_admin FROM users u WHERE " \
	"u.id = e.actor_id) = 1 THEN 'admin' ELSE 'organisers' END"

static const char *
event_by(const struct db_rows *m, const char *by)
{
	if (strcmp(by, "mentor") == 0)
		return db_get(m, 0, "mentor");
	if (strcmp(by, "mentee") == 0)
		return db_get(m, 0, "mentee");
	if (strcmp(by, "admin") == 0)
		return "an administrator";
	return strcmp(by, "menteo") == 0 ? NULL : "the organisers";
}

static int
pair_lists(struct req *r, struct tdict *d, const struct db_rows *m)
{
	struct db_rows *g, *e, *ms, *mt;
	struct tdict *s;
	long long id = db_get_int(m, 0, "id");
	const char *by;
	size_t i;

	g = db_query(r, "SELECT title, measure, status, target_date FROM goals "
	    "WHERE mentorship_id = ? ORDER BY id", "i", id);
	e = db_query(r, "SELECT e.from_stage, e.to_stage, e.created_at, "
	    EVENT_BY " AS by_whom FROM stage_events e JOIN mentorships m ON "
	    "m.id = e.mentorship_id WHERE e.mentorship_id = ? ORDER BY e.id",
	    "i", id);
	ms = db_query(r, "SELECT COUNT(*) AS total, COUNT(done_at) AS done, "
	    "SUM(" MS_OVERDUE("ms", "?") ") AS overdue FROM "
	    "mentorship_milestones ms WHERE mentorship_id = ?", "si",
	    page_today(r), id);
	mt = db_query(r, "SELECT starts_at, starts_at < UTC_TIMESTAMP() AS past "
	    "FROM meetings WHERE mentorship_id = ? ORDER BY starts_at DESC "
	    "LIMIT 50", "i", id);
	if (g == NULL || e == NULL || ms == NULL || mt == NULL)
		return -1;
	for (i = 0; i < g->nrows; i++) {
		s = tmpl_section(d, "GOAL");
		tmpl_set(s, "G_TITLE", db_get(g, i, "title"));
		tmpl_set(s, "G_MEASURE", db_get(g, i, "measure"));
		tmpl_set(s, "G_OUTCOME", mship_outcome_label(db_get(g, i,
		    "status")));
		if (db_get(g, i, "target_date") != NULL)
			tmpl_set(tmpl_section(s, "G_TARGET"), "AT",
			    page_date_text(r, db_get(g, i, "target_date")));
	}
	if (g->nrows == 0)
		tmpl_show(d, "NO_GOALS");
	for (i = 0; i < e->nrows; i++) {
		s = tmpl_section(d, "EVENT");
		/* the first event of a proposal is the organisers' proposing */
		tmpl_set(s, "E_TO", i == 0 && db_get_int(m, 0,
		    "proposed_by_programme") ? "Proposed" :
		    mship_stage_label(db_get(e, i, "to_stage")));
		if ((by = event_by(m, db_get(e, i, "by_whom"))) != NULL)
			tmpl_set(tmpl_section(s, "E_BY"), "WHO", by);
		page_date(r, s, "E_AT", db_get(e, i, "created_at"));
	}
	/* what is true now, in words: no roadmap is not "0 of 0 done" */
	tmpl_set(d, "MS_TEXT", db_get_int(ms, 0, "total") == 0 ?
	    "No roadmap applied yet" : req_printf(r, "%s of %s done, %s "
	    "overdue", db_get(ms, 0, "done"), db_get(ms, 0, "total"),
	    db_get(ms, 0, "overdue") != NULL ? db_get(ms, 0, "overdue") :
	    "0"));
	for (i = 0; i < mt->nrows; i++) {
		s = tmpl_section(d, "MEETING");
		page_time(r, s, "M_AT", db_get(mt, i, "starts_at"));
		tmpl_set(s, "M_WHEN", db_get_int(mt, i, "past") ? "held" :
		    "planned");
	}
	if (mt->nrows == 0)
		tmpl_set(tmpl_section(d, "NO_MEETINGS"), "WHY",
		    mship_stage_open(db_get(m, 0, "stage")) ? "No meeting "
		    "planned yet." : "No meeting was held.");
	return 0;
}

/*
 * Row i of a survey's answers, as the organisers read it: its question
 * (q, a standard one; NULL, the programme's own, which scores 1 to 5)
 * and a score with its scale, or the words written.
 */
static void
answer_put(struct req *r, struct tdict *s, const struct db_rows *a,
    size_t i, const struct survey_q *q)
{
	struct tdict *ans = tmpl_section(s, "ANS");
	int ten = q != NULL && q->kind == SURVEY_SCORE10;

	tmpl_set(ans, "Q", q != NULL ? q->prompt : db_get(a, i, "prompt"));
	tmpl_set(ans, "A", db_get(a, i, "score") == NULL ? db_get(a, i,
	    "answer") : req_printf(r, "%s (from %d to %d)", db_get(a, i,
	    "score"), ten ? 0 : 1, ten ? 10 : 5));
}

/*
 * The answers of one survey, rows [b, e) of a: the standard questions in
 * the order lib/survey.c asks them at its moment, then the programme's
 * own (by id, as the query has them).
 */
static void
survey_put(struct req *r, struct tdict *s, const struct db_rows *a,
    size_t b, size_t e)
{
	const struct survey_q *q;
	size_t nq = 0, k, i;

	q = survey_questions(db_get(a, b, "moment"), &nq);
	for (k = 0; q != NULL && k < nq; k++)
		for (i = b; i < e; i++)
			if (strcmp(db_get(a, i, "question"), q[k].name) == 0)
				answer_put(r, s, a, i, &q[k]);
	for (i = b; i < e; i++)
		if (db_get(a, i, "prompt") != NULL)
			answer_put(r, s, a, i, NULL);
}

/*
 * The pair's surveys answered, each party's alone, oldest first (SPEC
 * §11: organisers see survey answers), but for an organiser who is a
 * party of it (own: SURVEY_OWN_PAIR). A programme's question retired
 * since keeps its words. A pair that began Cultivation again has its
 * surveys named by cycle: two "as Cultivation starts" looked alike but
 * for their dates (found walking). -1 db.
 */
static int
pair_surveys(struct req *r, struct tdict *d, long long id, int own)
{
	struct db_rows *a;
	struct tdict *s;
	size_t b, e;
	long long cycles = 1;

	if (own) {
		tmpl_show(d, "OWN_PAIR");
		return 0;
	}
	a = db_query(r, "SELECT s.id, s.role, s.moment, s.answered_at, "
	    "(SELECT COUNT(*) FROM stage_events e WHERE e.mentorship_id = "
	    "s.mentorship_id AND " MSHIP_CYCLE_START("e") " AND "
	    "e.created_at <= s.created_at) + 1 AS cycle, "
	    "u.display_name AS who, a.question, a.score, a.answer, q.prompt "
	    "FROM surveys s JOIN users u ON u.id = s.user_id JOIN "
	    "survey_answers a ON a.survey_id = s.id LEFT JOIN "
	    "programme_survey_questions q ON a.question LIKE 'p%' AND q.id = "
	    "SUBSTRING(a.question, 2) AND q.programme_id = s.programme_id "
	    "WHERE s.mentorship_id = ? AND s.answered_at IS NOT NULL ORDER BY "
	    "s.answered_at, s.id, q.id", "i", id);
	if (a == NULL)
		return -1;
	if (a->nrows == 0)
		tmpl_show(d, "NO_SURVEYS");
	for (b = 0; b < a->nrows; b++)
		if (db_get_int(a, b, "cycle") > cycles)
			cycles = db_get_int(a, b, "cycle");
	for (b = 0; b < a->nrows; b = e) {
		for (e = b + 1; e < a->nrows && db_get_int(a, e, "id") ==
		    db_get_int(a, b, "id"); e++)
			;
		s = tmpl_section(d, "SURVEY");
		tmpl_set(s, "WHO", db_get(a, b, "who"));
		tmpl_set(s, "ROLE", db_get(a, b, "role"));
		tmpl_set(s, "MOMENT", cycles == 1 ? survey_moment_label(
		    db_get(a, b, "moment")) : req_printf(r, "cycle %s, %s",
		    db_get(a, b, "cycle"), survey_moment_label(db_get(a, b,
		    "moment"))));
		page_date(r, s, "AT", db_get(a, b, "answered_at"));
		survey_put(r, s, a, b, e);
	}
	return 0;
}

static const char *const pair_actions[] = { "take_back", NULL };
enum { AF_ACTION, AF_N };
static const struct field pair_f[AF_N] = {
	{ "action",	F_CHOICE,	0, 0,	1, pair_actions },
};

/* The pair page, saying error when there is one (status then 409). */
static void
pair_page(struct req *r, const struct prog *p, const char *error, int status)
{
	struct db_rows *m;
	struct tdict *d;

	m = db_query(r, "SELECT m.id, m.focus, m.stage, m.created_at, "
	    "m.stage_changed_at, m.ground_rules, m.cadence, m.channels, "
	    "m.review_date, m.proposed_by_programme, a.display_name AS mentor, "
	    "b.display_name AS mentee, "
	    "a.last_active AS mentor_active, b.last_active AS mentee_active, "
	    MSHIP_ACCEPTED("m") " AS accepted, " SURVEY_OWN_PAIR("m") " AS "
	    "own FROM mentorships m JOIN users a ON a.id = m.mentor_id JOIN "
	    "users b ON b.id = m.mentee_id WHERE m.id = ? AND m.programme_id = "
	    "?", "iii", r->user.id, r->id[1], p->id);
	if (m == NULL)
		return;
	if (m->nrows == 0)
		return page_error_msg(r, 404, "This programme has no such pair.");
	d = page_new(r, req_printf(r, "%s and %s", db_get(m, 0, "mentor"),
	    db_get(m, 0, "mentee")), "programmes_pair.tpl");
	prog_head(d, p, "Participants");
	if (error != NULL)
		tmpl_set(tmpl_section(d, "ERROR"), "MESSAGE", error);
	/* a proposal not answered yet is the organisers' to take back */
	if (db_get_int(m, 0, "proposed_by_programme") &&
	    strcmp(db_get(m, 0, "stage"), "requested") == 0)
		tmpl_show(d, "TAKE_BACK");
	if (pair_head(r, d, m) == -1 || pair_lists(r, d, m) == -1 ||
	    pair_surveys(r, d, db_get_int(m, 0, "id"),
	    db_get_int(m, 0, "own") == 1) == -1)
		return;
	page_send(r, status);
}

void
prog_pair(struct req *r)
{
	struct prog p;

	if (prog_manage(r, &p) == -1)
		return;
	pair_page(r, &p, NULL, 200);
}

const char *
prog_withdrawn_note(struct req *r, const struct prog *p)
{
	return req_printf(r, "Withdrawn by the organisers of %s.", p->name);
}

/* Why m, as it is under its lock now, could not be taken back. */
static const char *
take_back_refused(struct req *r, const struct mship *m, const char *why)
{
	const char *stage = mship_stage_label(m->stage);

	if (strcmp(m->stage, "requested") != 0)
		why = m->is_open ? req_printf(r, "%s has accepted the pair "
		    "already: it is in %s.", m->mentor_name, stage) :
		    req_printf(r, "The pair is closed already (%s).", stage);
	return req_printf(r, "%s Nothing was changed.", why);
}

/*
 * A proposal taken back (action=take_back) before the mentor accepted
 * it: the pair is withdrawn, both are told (lib/stage.c, STAGE_TAKEN_BACK),
 * and the organiser goes to the board, where the mentee waits again.
 */
void
prog_pair_post(struct req *r)
{
	struct prog p;
	struct fval v[AF_N];
	struct mship m;
	const char *why = NULL, *in;
	int rc;

	if (prog_manage(r, &p) == -1)
		return;
	if (field_read(r, pair_f, AF_N, v) > 0)
		return page_error_msg(r, 400, "The one thing to do to a pair "
		    "here is to take back a proposal (action=take_back).");
	in = db_value(r, "SELECT id FROM mentorships WHERE id = ? AND "
	    "programme_id = ?", "ii", r->id[1], p.id);
	rc = in == NULL ? (r->db_failed ? -1 : 404) :
	    mship_load(r, r->id[1], &m);
	if (rc == 404)
		return page_error_msg(r, 404, "This programme has no such "
		    "pair.");
	if (rc != 0)
		return;		/* the database: app.c answers 503 */
	rc = stage_end(r, &m, STAGE_TAKEN_BACK, prog_withdrawn_note(r, &p),
	    &why);
	if (rc == 409)
		return pair_page(r, &p, take_back_refused(r, &m, why), 409);
	if (rc == 404)
		return page_error_msg(r, 404, "This pair is gone.");
	if (rc != 0)
		return;
	resp_flash(r, req_printf(r, "The pair of %s with %s is taken back: "
	    "both have been told by e-mail.", m.mentee_name, m.mentor_name));
	resp_redirect(r, req_printf(r, "/programmes/%s/matching", p.slug));
}
