/*
 * programmes/surveys: /surveys/{id}, one person's survey (lib/survey):
 * answered alone and once, by that person only (anyone else: 404, as if
 * it did not exist), the page saying who will see the answers. The
 * fields are q_<question>: the moment's standard questions, then the
 * programme's own (q_p<id>).
 */
#include <string.h>

#include "programmes.h"
#include "resp.h"
#include "survey.h"

/* A question as this page asks it: standard or the programme's own. */
struct ask {
	const char	*key;		/* stored as survey_answers.question */
	const char	*prompt;
	enum survey_kind kind;
	const char	*low, *high;	/* a scale's ends; NULL: generic */
	struct field	 f;
	struct fval	 v;
};

struct taking {
	long long	 id;
	long long	 mid;		/* the mentorship's */
	const char	*moment;
	const char	*answered_at;
	const char	*focus;
	const char	*other;
	const char	*programme;	/* its name, or NULL */
	struct ask	*ask;
	size_t		 n;
};

static int
taking_load(struct req *r, struct taking *t)
{
	struct db_rows *s, *pq;
	const struct survey_q *q;
	size_t nq, i, k;

	memset(t, 0, sizeof(*t));
	s = db_query(r, "SELECT s.id, s.mentorship_id, s.moment, s.answered_at, "
	    "s.programme_id, "
	    "m.focus, u.display_name AS other, p.name AS programme FROM surveys "
	    "s JOIN mentorships m ON m.id = s.mentorship_id JOIN users u ON "
	    "u.id = IF(m.mentor_id = s.user_id, m.mentee_id, m.mentor_id) LEFT "
	    "JOIN programmes p ON p.id = s.programme_id WHERE s.id = ? AND "
	    "s.user_id = ?", "ii", r->id[0], r->user.id);
	if (s == NULL)
		return -1;
	if (s->nrows == 0) {
		page_error_msg(r, 404, "There is no survey of yours here.");
		return -1;
	}
	t->id = db_get_int(s, 0, "id");
	t->mid = db_get_int(s, 0, "mentorship_id");
	t->moment = db_get(s, 0, "moment");
	t->answered_at = db_get(s, 0, "answered_at");
	t->focus = db_get(s, 0, "focus");
	t->other = db_get(s, 0, "other");
	t->programme = db_get(s, 0, "programme");
	pq = db_query(r, "SELECT id, prompt, kind FROM "
	    "programme_survey_questions WHERE programme_id = ? AND retired_at "
	    "IS NULL ORDER BY id "
	    "LIMIT 20", "i", db_get_int(s, 0, "programme_id"));
	if (pq == NULL)
		return -1;
	q = survey_questions(t->moment, &nq);
	t->ask = req_alloc(r, (nq + pq->nrows + 1) * sizeof(*t->ask));
	memset(t->ask, 0, (nq + pq->nrows + 1) * sizeof(*t->ask));
	for (i = 0; i < nq; i++) {
		t->ask[i].key = q[i].name;
		t->ask[i].prompt = q[i].prompt;
		t->ask[i].kind = q[i].kind;
		t->ask[i].f.required = q[i].required;
		t->ask[i].low = q[i].low;
		t->ask[i].high = q[i].high;
	}
	for (k = 0; k < pq->nrows; k++, i++) {
		t->ask[i].key = req_printf(r, "p%s", db_get(pq, k, "id"));
		t->ask[i].prompt = db_get(pq, k, "prompt");
		t->ask[i].kind = strcmp(db_get(pq, k, "kind"), "score") == 0 ?
		    SURVEY_SCORE5 : SURVEY_TEXT;
		t->ask[i].f.required = t->ask[i].kind != SURVEY_TEXT;
	}
	t->n = i;
	for (i = 0; i < t->n; i++) {
		struct field *f = &t->ask[i].f;
		f->name = req_printf(r, "q_%s", t->ask[i].key);
		f->type = t->ask[i].kind == SURVEY_TEXT ? F_MULTILINE : F_INT;
		f->min = t->ask[i].kind == SURVEY_SCORE5 ? 1 : 0;
		f->max = t->ask[i].kind == SURVEY_SCORE10 ? 10 :
		    t->ask[i].kind == SURVEY_SCORE5 ? 5 : 2000;
	}
	return 0;
}

static void
ask_fill(struct req *r, struct tdict *d, const struct ask *a, int typed)
{
	struct tdict *o;
	long long lo, hi, k;

	tmpl_set(d, "Q_NAME", a->f.name);
	tmpl_set(d, "Q_PROMPT", a->prompt);
	if (!a->f.required)
		tmpl_show(d, "OPTIONAL");
	if (typed && a->v.err != NULL)
		tmpl_set(tmpl_section(d, "Q_ERROR"), "MESSAGE", a->v.err);
	if (a->kind == SURVEY_TEXT) {
		tmpl_show(d, "IS_TEXT");
		tmpl_set_int(d, "Q_MAX", a->f.max);
		if (typed && a->v.raw != NULL)
			tmpl_set(d, "Q_VALUE", a->v.raw);
		return;
	}
	tmpl_show(d, "IS_SCALE");
	lo = a->f.min;
	hi = a->f.max;
	tmpl_set_int(d, "POINTS", hi - lo + 1);
	/* a programme's own question: the scale's generic ends */
	tmpl_set(d, "LOW", a->low != NULL ? a->low : "1: not at all");
	tmpl_set(d, "HIGH", a->high != NULL ? a->high : "5: completely");
	for (k = lo; k <= hi; k++) {
		o = tmpl_section(d, "POINT");
		tmpl_set_int(o, "P", k);
		tmpl_set(o, "P_ID", req_printf(r, "%s-%lld", a->f.name, k));
		if (typed && a->v.str != NULL && a->v.num == k)
			tmpl_show(o, "P_CHECKED");
	}
}

/*
 * What was answered, question by question as the page asks them (a
 * programme's question retired since is not asked, nor shown). -1 db.
 */
static int
answers_fill(struct req *r, struct tdict *d, const struct taking *t)
{
	const struct ask *a;
	struct db_rows *g;
	struct tdict *s;
	const char *said;
	size_t i, k;

	g = db_query(r, "SELECT question, score, answer FROM survey_answers "
	    "WHERE survey_id = ?", "i", t->id);
	if (g == NULL)
		return -1;
	for (i = 0; i < t->n; i++)
		for (a = &t->ask[i], k = 0; k < g->nrows; k++) {
			if (strcmp(db_get(g, k, "question"), a->key) != 0)
				continue;
			said = a->kind == SURVEY_TEXT ? db_get(g, k,
			    "answer") : req_printf(r, "%s (from %lld to %lld)",
			    db_get(g, k, "score"), a->f.min, a->f.max);
			s = tmpl_section(d, "GAVE");
			tmpl_set(s, "Q", a->prompt);
			tmpl_set(s, "A", said);
		}
	return 0;
}

/*
 * The survey to answer, or as answered: 409 when answers were sent to
 * one answered before (a second tab), which says they were not kept.
 */
static void
survey_page(struct req *r, struct taking *t, int typed, int status)
{
	struct tdict *d, *done;
	size_t i;

	d = page_new(r, req_printf(r, "Survey: %s", t->focus),
	    "surveys_show.tpl");
	tmpl_set_int(d, "SURVEY_ID", t->id);
	tmpl_set(d, "FOCUS", t->focus);
	tmpl_set(d, "OTHER", t->other);
	tmpl_set(d, "MOMENT", survey_moment_label(t->moment));
	if (t->programme != NULL)
		tmpl_set(tmpl_section(d, "IN_PROGRAMME"), "PROGRAMME",
		    t->programme);
	else
		tmpl_show(d, "NO_PROGRAMME");
	if (t->answered_at != NULL) {
		done = tmpl_section(d, "ANSWERED");
		page_date(r, done, "AT", t->answered_at);
		tmpl_set_int(done, "MID", t->mid);
		tmpl_show(done, status == 409 ? "NOT_SENT" : "THANKS");
		if (answers_fill(r, done, t) == -1)
			return;
		return page_send(r, status);
	}
	tmpl_show(d, "OPEN");
	for (i = 0; i < t->n; i++) {
		ask_fill(r, tmpl_section(d, "ASK"), &t->ask[i], typed);
		if (typed && t->ask[i].v.err != NULL)
			tmpl_show(d, "ERRORS");
	}
	page_send(r, status);
}

void
prog_survey(struct req *r)
{
	struct taking t;

	if (taking_load(r, &t) == -1)
		return;
	survey_page(r, &t, 0, 200);
}

static int
answers_save(struct req *r, const struct taking *t)
{
	const struct ask *a;
	size_t i;

	for (i = 0; i < t->n; i++) {
		a = &t->ask[i];
		if (a->v.str == NULL)
			continue;	/* an optional question left empty */
		if (db_exec(r, "INSERT INTO survey_answers (survey_id, question, "
		    "score, answer) VALUES (?, ?, ?, ?)", "isss", t->id, a->key,
		    a->kind == SURVEY_TEXT ? NULL : a->v.str,
		    a->kind == SURVEY_TEXT ? a->v.str : NULL) < 0)
			return -1;
	}
	return 0;
}

/*
 * The answers, in a transaction that runs again after a deadlock or a
 * Galera certification failure (db_tx_run): a survey's mail brings many
 * at once. Answered once: 1 when the second of two posts finds it done.
 */
static int
answer_tx(struct req *r, void *arg)
{
	struct taking *t = arg;
	long long n;

	n = db_exec(r, "UPDATE surveys SET answered_at = UTC_TIMESTAMP() WHERE "
	    "id = ? AND answered_at IS NULL", "i", t->id);
	if (n <= 0)
		return n < 0 ? -1 : 1;
	return answers_save(r, t);
}

void
prog_survey_post(struct req *r)
{
	struct taking t;
	size_t i;
	int errors = 0, rc;

	if (taking_load(r, &t) == -1)
		return;
	if (t.answered_at != NULL)
		return survey_page(r, &t, 0, 409);
	for (i = 0; i < t.n; i++)
		if (field_check(r->arena, &t.ask[i].f, req_form(r,
		    t.ask[i].f.name), &t.ask[i].v) != 0)
			errors++;
	if (errors > 0)
		return survey_page(r, &t, 1, 422);
	if ((rc = db_tx_run(r, answer_tx, &t)) == 1) {
		resp_flash(r, "This survey was answered already.");
		return resp_redirect(r, req_printf(r, "/surveys/%lld", t.id));
	}
	if (rc != 0)
		return;
	resp_flash(r, "Thank you: your answers are saved.");
	resp_redirect(r, req_printf(r, "/surveys/%lld", t.id));
}
