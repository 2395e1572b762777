/*
 * programmes/questions: a programme's questions, set by its organisers on
 * the settings page: the intake questions its join form asks (added,
 * edited, moved, removed) and the questions of its own its surveys ask
 * beside lib/survey.c's (added, retired, asked again).
 */
#include <string.h>

#include "programmes.h"
#include "resp.h"

static const char *const qkinds[] = { "short", "long", "choice", NULL };
static const char *const audiences[] = { "mentee", "mentor", "both", NULL };

/* An intake question, as the organiser writes it. */
static const struct field question_f[] = {
	{ "question",	F_TEXT,		1, 300,	1, NULL },
	{ "kind",	F_CHOICE,	0, 0,	1, qkinds },
	{ "choices",	F_MULTILINE,	0, 1000, 0, NULL },
	{ "audience",	F_CHOICE,	0, 0,	1, audiences },
	{ "optional",	F_BOOL,		0, 0,	0, NULL },
	{ "shared",	F_BOOL,		0, 0,	0, NULL },
};
enum { QF_PROMPT, QF_KIND, QF_CHOICES, QF_AUDIENCE, QF_OPTIONAL, QF_SHARED,
    QF_N };
/* A question one place up or down. */
static const char *const moves[] = { "up", "down", NULL };
static const struct field move_f[] = {
	{ "to",		F_CHOICE,	0, 0,	1, moves },
};

/* A question of the programme's own for its surveys (lib/survey). */
static const char *const skinds[] = { "score", "text", NULL };
static const struct field survey_q_f[] = {
	{ "survey_question",	F_TEXT,		1, 300,	1, NULL },
	{ "survey_kind",	F_CHOICE,	0, 0,	1, skinds },
};
enum { SF_PROMPT, SF_KIND, SF_N };

/* ---- the settings page's part ------------------------------------------- */

/*
 * The intake questions, listed on the settings page and asked on joining,
 * in the organiser's order (sql/390).
 */
struct db_rows *
prog_questions(struct req *r, long long prog_id)
{
	return db_query(r, "SELECT id, prompt, kind, choices, audience, "
	    "required, shared FROM programme_questions WHERE programme_id = ? "
	    "ORDER BY "
	    PROG_QUESTION_ORDER("") " LIMIT 50", "i", prog_id);
}

/*
 * A choice question's choices, however they were typed: one a line (any
 * line end), tabs as spaces, each trimmed, blank lines dropped;
 * NULL-terminated in *out.
 * Their number. Stored rows from before the rule read the same way.
 */
size_t
prog_choices(struct req *r, const char *s, const char ***out)
{
	char *copy = req_strdup(r, s != NULL ? s : ""), *save = NULL, *tok, *e;
	size_t n = 1;

	for (tok = copy; *tok != '\0'; tok++)
		n += *tok == '\n' || *tok == '\r';	/* lines, at most */
	*out = req_alloc(r, (n + 1) * sizeof(**out));
	n = 0;
	for (tok = strtok_r(copy, "\r\n", &save); tok != NULL;
	    tok = strtok_r(NULL, "\r\n", &save)) {
		/* a tab (pasted spreadsheet columns) is a space: an answer
		 * is one line, where a tab would never match */
		for (e = tok; *e != '\0'; e++)
			if ((unsigned char)*e < 0x20)
				*e = ' ';
		tok += strspn(tok, " ");
		while (e > tok && e[-1] == ' ')
			e--;
		*e = '\0';
		if (*tok != '\0')
			(*out)[n++] = tok;
	}
	(*out)[n] = NULL;
	return n;
}

static const char *
audience_label(const char *a)
{
	if (strcmp(a, "mentee") == 0)
		return "Mentees";
	if (strcmp(a, "mentor") == 0)
		return "Mentors";
	return "Everyone";
}

/* A question's kind as the organiser chose it. */
static const char *
kind_label(const char *kind)
{
	if (strcmp(kind, "short") == 0)
		return "A short text";
	if (strcmp(kind, "long") == 0)
		return "A longer text";
	return strcmp(kind, "choice") == 0 ? "A choice" : kind;
}

/*
 * A choice's choices, said as a list beside its badge: "One of: a, b,
 * c" (in the badge, which never wraps, it ran off a phone's page).
 */
static const char *
choices_text(struct req *r, const char *choices)
{
	const char **c, *out = "One of:", *sep = " ";

	for (prog_choices(r, choices, &c); *c != NULL; c++, sep = ", ")
		out = req_printf(r, "%s%s%s", out, sep, *c);
	return out;
}

/* A question's fields, to add one or edit one: as typed (qv), or new. */
static void
question_fields(struct tdict *s, const struct fval *qv)
{
	struct tdict *f = tmpl_include(s, "QUESTION_FIELDS",
	    "programmes_question_fields.tpl");

	if (qv != NULL)
		page_form(f, question_f, QF_N, qv);
	else {
		tmpl_show(f, "KIND_SHORT");
		tmpl_show(f, "AUDIENCE_BOTH");
	}
}

int
prog_questions_fill(struct req *r, struct tdict *d, const struct prog *p,
    const struct fval *qv, const struct fval *sv)
{
	struct db_rows *q = prog_questions(r, p->id), *sq;
	struct tdict *s;
	size_t i;

	sq = db_query(r, "SELECT id, prompt, kind, retired_at IS NOT NULL AS "
	    "retired FROM programme_survey_questions WHERE programme_id = ? "
	    "ORDER BY retired, id LIMIT 40", "i", p->id);
	if (q == NULL || sq == NULL)
		return -1;
	for (i = 0; i < sq->nrows; i++) {
		s = tmpl_section(d, "SURVEY_QUESTION");
		tmpl_set(s, "SQ_ID", db_get(sq, i, "id"));
		tmpl_set(s, "SQ_PROMPT", db_get(sq, i, "prompt"));
		tmpl_set(s, "SQ_KIND", strcmp(db_get(sq, i, "kind"), "score") ==
		    0 ? "1 to 5" : "free text");
		tmpl_show(s, db_get_int(sq, i, "retired") ? "SQ_RETIRED" :
		    "SQ_ASKED");
	}
	s = tmpl_section(d, "SURVEY_FORM");
	if (sv != NULL)
		page_form(s, survey_q_f, SF_N, sv);
	else
		tmpl_show(s, "SURVEY_KIND_SCORE");
	for (i = 0; i < q->nrows; i++) {
		s = tmpl_section(d, "QUESTION");
		tmpl_set(s, "Q_ID", db_get(q, i, "id"));
		tmpl_set(s, "Q_PROMPT", db_get(q, i, "prompt"));
		tmpl_set(s, "Q_KIND", kind_label(db_get(q, i, "kind")));
		if (strcmp(db_get(q, i, "kind"), "choice") == 0)
			tmpl_set(tmpl_section(s, "Q_CHOICES"), "TEXT",
			    choices_text(r, db_get(q, i, "choices")));
		tmpl_set(s, "Q_AUDIENCE", audience_label(db_get(q, i,
		    "audience")));
		if (!db_get_int(q, i, "required"))
			tmpl_show(s, "Q_OPTIONAL");
		if (db_get_int(q, i, "shared"))
			tmpl_show(s, "Q_SHARED");
		if (i > 0)
			tmpl_show(s, "Q_UP");
		if (i + 1 < q->nrows)
			tmpl_show(s, "Q_DOWN");
	}
	if (q->nrows == 0)
		tmpl_show(d, "NO_QUESTIONS");
	question_fields(tmpl_section(d, "QUESTION_FORM"), qv);
	return 0;
}

/*
 * The choices of a 'choice' question: 2 to 20, each once. Kept as stored
 * (prog_choices: one a line, trimmed), so what is offered is what a
 * joiner's answer is checked against.
 */
static int
choices_check(struct req *r, struct fval *kind, struct fval *choices)
{
	const char **c, *joined = "";
	size_t n, i, k;

	if (kind->str == NULL || strcmp(kind->str, "choice") != 0)
		return 0;
	if ((n = prog_choices(r, choices->str, &c)) < 2 || n > 20) {
		choices->err = "Give 2 to 20 choices, one a line.";
		return 1;
	}
	for (i = 0; i < n; i++) {
		for (k = 0; k < i; k++)
			if (strcmp(c[k], c[i]) == 0) {
				choices->err = req_printf(r, "Give each choice "
				    "once: \"%s\" is there twice.", c[i]);
				return 1;
			}
		joined = req_printf(r, "%s%s%s", joined, i > 0 ? "\n" : "",
		    c[i]);
	}
	choices->str = joined;
	return 0;
}

/* Whether a question as typed must be answered: unless ticked optional. */
static long long
question_required(const struct fval *qv)
{
	return !qv[QF_OPTIONAL].num;
}

/* What a question stores as its choices: none but for a 'choice' one. */
static const char *
question_choices(const struct fval *qv)
{
	return strcmp(qv[QF_KIND].str, "choice") == 0 ? qv[QF_CHOICES].str : "";
}

struct add_w {
	const struct prog	*p;
	const struct fval	*qv;
};

/*
 * The question last in the order: two added at once share a place
 * (sql/390). In a transaction that runs again after a deadlock, as a
 * move beside it holds the programme's questions' locks (move_tx).
 */
static int
add_tx(struct req *r, void *arg)
{
	const struct add_w *w = arg;
	const struct fval *qv = w->qv;

	return db_exec(r, "INSERT INTO programme_questions (programme_id, "
	    "prompt, kind, choices, audience, required, shared, position, "
	    "created_at) SELECT ?, ?, ?, ?, ?, ?, ?, COALESCE(MAX(position), "
	    "0) + 1, UTC_TIMESTAMP() FROM programme_questions WHERE "
	    "programme_id = ?", "issssiii", w->p->id, qv[QF_PROMPT].str,
	    qv[QF_KIND].str, question_choices(qv), qv[QF_AUDIENCE].str,
	    question_required(qv), qv[QF_SHARED].num, w->p->id) < 0 ? -1 : 0;
}

void
prog_question_add(struct req *r, const struct prog *p)
{
	struct fval qv[QF_N];
	int errors;

	errors = field_read(r, question_f, QF_N, qv);
	errors += choices_check(r, &qv[QF_KIND], &qv[QF_CHOICES]);
	if (errors > 0)
		return prog_settings_page(r, p, NULL, qv, NULL, 422);
	if (db_tx_run(r, add_tx, &(struct add_w){ p, qv }) != 0)
		return;
	prog_settings_back(r, p->slug, "questions", "Question added to the join form.");
}

void
prog_survey_question_add(struct req *r, const struct prog *p)
{
	struct fval sv[SF_N];

	if (field_read(r, survey_q_f, SF_N, sv) > 0)
		return prog_settings_page(r, p, NULL, NULL, sv, 422);
	if (db_exec(r, "INSERT INTO programme_survey_questions (programme_id, "
	    "prompt, kind, created_at) VALUES (?, ?, ?, UTC_TIMESTAMP())",
	    "iss", p->id, sv[SF_PROMPT].str, sv[SF_KIND].str) < 0)
		return;
	prog_settings_back(r, p->slug, "surveys",
	    "Question added to the programme's surveys.");
}

void
prog_question_delete(struct req *r)
{
	struct prog p;

	if (prog_manage(r, &p) == -1)
		return;
	if (db_exec(r, "DELETE FROM programme_questions WHERE id = ? AND "
	    "programme_id = ?", "ii", r->id[1], p.id) < 0)
		return;
	prog_settings_back(r, p.slug, "questions", "Question removed; answers "
	    "already given are gone with it.");
}

/* ---- one intake question: edited, moved ---------------------------------- */

/*
 * Question id of programme p as its fields (v[QF_N]), with how many have
 * answered it: 0, or -1 after answering (404: not one of p's).
 */
static int
question_load(struct req *r, const struct prog *p, long long id,
    struct fval *v, long long *answers)
{
	struct db_rows *q;

	q = db_query(r, "SELECT prompt, kind, choices, audience, required, "
	    "shared, (SELECT COUNT(*) FROM programme_answers a WHERE "
	    "a.question_id = "
	    "q.id) AS answers FROM programme_questions q WHERE q.id = ? AND "
	    "q.programme_id = ?", "ii", id, p->id);
	if (q == NULL)
		return -1;
	if (q->nrows == 0) {
		page_error_msg(r, 404, "This programme has no such question.");
		return -1;
	}
	memset(v, 0, QF_N * sizeof(*v));
	field_stored(&v[QF_PROMPT], db_get(q, 0, "prompt"));
	field_stored(&v[QF_KIND], db_get(q, 0, "kind"));
	field_stored(&v[QF_CHOICES], db_get(q, 0, "choices"));
	field_stored(&v[QF_AUDIENCE], db_get(q, 0, "audience"));
	v[QF_OPTIONAL].num = !db_get_int(q, 0, "required");
	v[QF_SHARED].num = db_get_int(q, 0, "shared");
	*answers = db_get_int(q, 0, "answers");
	return 0;
}

static void
question_page(struct req *r, const struct prog *p, long long id,
    const struct fval *v, long long answers, int status)
{
	struct tdict *d = page_new(r, "Edit a question",
	    "programmes_question.tpl");

	prog_head(d, p, "Settings");
	tmpl_set_int(d, "Q_ID", id);
	if (answers > 0)
		tmpl_set(tmpl_section(d, "ANSWERED"), "ANSWERS", answers == 1 ?
		    "once" : req_printf(r, "%lld times", answers));
	page_form(d, question_f, QF_N, v);	/* the error list */
	question_fields(d, v);
	page_send(r, status);
}

void
prog_question_form(struct req *r)
{
	struct prog p;
	struct fval v[QF_N];
	long long answers;

	if (prog_manage(r, &p) == -1 ||
	    question_load(r, &p, r->id[1], v, &answers) == -1)
		return;
	question_page(r, &p, r->id[1], v, answers, 200);
}

/*
 * A question reworded, or its kind, audience or choices changed. Answers
 * already given are kept as written: a choice no longer offered stays the
 * answer its joiner chose.
 */
void
prog_question_save(struct req *r)
{
	struct prog p;
	struct fval v[QF_N], was[QF_N];
	long long answers;
	int errors;

	if (prog_manage(r, &p) == -1 ||
	    question_load(r, &p, r->id[1], was, &answers) == -1)
		return;
	errors = field_read(r, question_f, QF_N, v);
	errors += choices_check(r, &v[QF_KIND], &v[QF_CHOICES]);
	if (errors > 0)
		return question_page(r, &p, r->id[1], v, answers, 422);
	if (db_exec(r, "UPDATE programme_questions SET prompt = ?, kind = ?, "
	    "choices = ?, audience = ?, required = ?, shared = ? WHERE id = ? "
	    "AND programme_id = ?", "ssssiiii", v[QF_PROMPT].str,
	    v[QF_KIND].str, question_choices(v), v[QF_AUDIENCE].str,
	    question_required(v), v[QF_SHARED].num, r->id[1], p.id) < 0)
		return;
	prog_settings_back(r, p.slug, "questions", "Question saved.");
}

struct move_w {
	long long	 prog_id;
	long long	 id;
	int		 up;
};

/*
 * A question one place up or down: the programme's questions numbered
 * again 1..n in their new order, under their rows' locks, so two moves at
 * once each see the other's order and places shared by two added at once
 * come apart. 1: the question is gone.
 */
static int
move_tx(struct req *r, void *arg)
{
	struct move_w *w = arg;
	struct db_rows *q;
	size_t i, at, n;
	long long *ids, t;

	q = db_query(r, "SELECT id FROM programme_questions WHERE "
	    "programme_id = ? ORDER BY " PROG_QUESTION_ORDER("") " FOR UPDATE",
	    "i",
	    w->prog_id);
	if (q == NULL)
		return -1;
	n = q->nrows;
	ids = req_alloc(r, (n + 1) * sizeof(*ids));
	for (i = 0, at = n; i < n; i++)
		if ((ids[i] = db_get_int(q, i, "id")) == w->id)
			at = i;
	if (at == n)
		return 1;
	if (w->up ? at > 0 : at + 1 < n) {
		i = w->up ? at - 1 : at + 1;
		t = ids[i], ids[i] = ids[at], ids[at] = t;
	}
	for (i = 0; i < n; i++)
		if (db_exec(r, "UPDATE programme_questions SET position = ? "
		    "WHERE id = ?", "ii", (long long)i + 1, ids[i]) < 0)
			return -1;
	return 0;
}

void
prog_question_move(struct req *r)
{
	struct prog p;
	struct fval v[1];
	int rc;

	if (prog_manage(r, &p) == -1)
		return;
	if (field_read(r, move_f, 1, v) > 0)
		return page_error_msg(r, 400, "Move a question up or down.");
	rc = db_tx_run(r, move_tx, &(struct move_w){ p.id, r->id[1],
	    strcmp(v[0].str, "up") == 0 });
	if (rc == 1)
		return page_error_msg(r, 404, "This programme has no such "
		    "question.");
	if (rc != 0)
		return;
	prog_settings_back(r, p.slug, "questions", NULL);
}

/*
 * A survey question of the programme's own no longer asked (ask 0), or
 * asked again. Retired, not deleted: the answers given keep the words
 * they answered, on the dashboard and in surveys.csv, and asking it again
 * keeps them under the one question (sql/390).
 */
static void
survey_question_ask(struct req *r, int ask)
{
	struct prog p;

	if (prog_manage(r, &p) == -1)
		return;
	if (db_value(r, "SELECT id FROM programme_survey_questions WHERE id = "
	    "? AND programme_id = ?", "ii", r->id[1], p.id) == NULL) {
		if (!r->db_failed)
			page_error_msg(r, 404, "This programme has no such "
			    "survey question.");
		return;
	}
	if (db_exec(r, ask ? "UPDATE programme_survey_questions SET "
	    "retired_at = NULL WHERE id = ?" : "UPDATE "
	    "programme_survey_questions SET retired_at = COALESCE(retired_at, "
	    "UTC_TIMESTAMP()) WHERE id = ?", "i", r->id[1]) < 0)
		return;
	prog_settings_back(r, p.slug, "surveys", ask ? "Surveys ask that question "
	    "again." : "Surveys no longer ask that question; its answers stay "
	    "on the dashboard.");
}

void
prog_survey_question_retire(struct req *r)
{
	survey_question_ask(r, 0);
}

void
prog_survey_question_restore(struct req *r)
{
	survey_question_ask(r, 1);
}
