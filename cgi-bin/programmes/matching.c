/*
 * programmes/matching: the organisers' board (SPEC §12). Every mentee of
 * the programme not yet in a pair, with the three mentors who fit best
 * and why (lib/suggest.h); one pair proposed by hand; or every mentee at
 * once (auto=1): the assignment of greatest total score under each
 * mentor's places and a minimum score (lib/match.h), shown first, then
 * confirmed. A proposal is a mentorship in `requested`, marked proposed
 * by the programme, mailed to both; the mentor answers as usual. A
 * confirmation writes every pair or none.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cohort.h"
#include "log.h"
#include "match.h"
#include "mship.h"
#include "programmes.h"
#include "resp.h"
#include "stage.h"
#include "suggest.h"

#define BOARD_BEST	3	/* mentors shown for each mentee */
#define MIN_SCORE	15	/* default minimum of a pair: more than room,
				   zone and activity alone give */
#define PAIRS_MAX	20000	/* bytes of a confirmation's pairs */
#define PAIR_SHOWN	40	/* bytes of a bad one said back */
#define FOCUS_MAX	180	/* bytes of a proposal's focus (200 chars) */

static const struct field board_f[] = {
	{ "auto",	F_BOOL,	0, 0,		0, NULL },
	{ "min",	F_INT,	0, SUGGEST_SCORE_MAX, 0, NULL },
};
enum { BF_AUTO, BF_MIN, BF_N };

static const struct field propose_f[] = {
	{ "mentee",	F_INT,	1, LLONG_MAX,	0, NULL },
	{ "mentor",	F_INT,	1, LLONG_MAX,	0, NULL },
	{ "auto",	F_BOOL,	0, 0,		0, NULL },
	{ "pairs",	F_MULTILINE, 0, PAIRS_MAX, 0, NULL },
	{ "min",	F_INT,	0, SUGGEST_SCORE_MAX, 0, NULL },
};
enum { PF_MENTEE, PF_MENTOR, PF_AUTO, PF_PAIRS, PF_MIN, PF_N };

/*
 * The approved mentors with their places left in the programme
 * (lib/suggest.h), and the mentees in no open pair of the programme, in
 * id order: the same data, the same board. A mentee's focus is read from
 * the programme's own pairs only: the board, a proposal's reasons and its
 * mail show organisers and mentors no word of a private mentorship. And
 * from the pairs they asked for: a proposal's focus is Menteo's words
 * (prog_focus), or their wish, read already.
 */
#define SQL_MENTORS(which) SUGGEST_PROGRAMME_MENTORS(which)
#define SQL_MENTEES(which) "SELECT u.id, u.display_name, u.slug, " \
	"u.headline, u.looking_for, u.languages, u.timezone, (SELECT " \
	"GROUP_CONCAT(a.answer SEPARATOR '\\n') FROM programme_answers a " \
	"JOIN programme_questions q ON q.id = a.question_id WHERE " \
	"a.participant_id = pp.id" which ") AS intake, (SELECT " \
	"GROUP_CONCAT(m.focus SEPARATOR '\\n') FROM mentorships m WHERE " \
	"m.mentee_id = u.id AND m.programme_id = pp.programme_id AND " \
	"m.proposed_by_programme = 0) AS focus, " \
	SUGGEST_CHOICES("a.participant_id = pp.id", which) " AS choices " \
	"FROM programme_participants pp JOIN users u ON u.id = pp.user_id " \
	"WHERE pp.programme_id = ? AND pp.role = 'mentee' AND " \
	"pp.status = 'active' AND u.disabled_at IS NULL AND NOT " \
	COHORT_PAIRED("pp.programme_id", "mentee_id", "u.id") " ORDER BY u.id"
/*
 * open pairs of those mentees anywhere, then the mentors who said no to
 * them or whom they said no to: never proposed again
 */
#define SQL_THEIRS "SELECT m.mentee_id, m.mentor_id, " \
	SUGGEST_SAID_NO("m") " AS declined FROM mentorships m JOIN " \
	"programme_participants pp ON pp.user_id = m.mentee_id AND " \
	"pp.programme_id = ? AND pp.role = 'mentee' WHERE " \
	SUGGEST_NOT_AGAIN("m") " ORDER BY m.mentee_id, declined, m.mentor_id"
/* the programme's proposals still waiting for the mentor: the pairs made */
#define SQL_PROPOSED "SELECT m.id, e.display_name AS e_name, e.slug AS " \
	"e_slug, o.display_name AS m_name, o.slug AS m_slug FROM mentorships " \
	"m JOIN users e ON e.id = m.mentee_id JOIN users o ON o.id = " \
	"m.mentor_id WHERE m.programme_id = ? AND m.proposed_by_programme = 1 " \
	"AND m.stage = 'requested' ORDER BY m.id DESC LIMIT 200"

/*
 * Loading, scoring and pairing the board answer nothing, so that a
 * transaction's body may do them (db.h): they return 0, -1 when the
 * database failed (app.c answers 503), or BOARD_SHORT when memory was
 * short, for the caller to answer with board_short once the transaction
 * is over.
 */
#define BOARD_SHORT	(-2)

struct board {
	long long		 prog;	/* the programme's id */
	struct db_rows		*mentors, *mentees;
	struct suggest_mentor	*m;
	struct suggest_mentee	*e;
	struct suggest_set	*set;
	struct suggest_fit	*fit;	/* one mentee's, scratch */
	/*
	 * The same board as the pairs may read it (SUGGEST_SHOWN), for the
	 * reasons a proposal gives them; loaded by the first proposal.
	 */
	struct board		*shown;
};

static void
board_free(struct board *b)
{
	if (b->shown != NULL)
		board_free(b->shown);
	free(b->shown);
	suggest_set_free(b->set);
	free(b->m);
	free(b->e);
	free(b->fit);
}

static int
board_theirs(struct req *r, struct board *b, long long prog_id)
{
	struct db_rows *t;
	long long *ids;
	size_t i, k = 0;

	if ((t = db_query(r, SQL_THEIRS, "i", prog_id)) == NULL)
		return -1;
	/* each mentee's rows in a run: its pairs, then who declined it */
	ids = req_alloc(r, (t->nrows + 1) * sizeof(*ids));
	for (i = 0; i < b->mentees->nrows; i++) {
		struct suggest_mentee *e = &b->e[i];

		while (k < t->nrows && db_int(t, k, 0) < e->id)
			k++;
		for (e->mentors = ids + k; k < t->nrows && db_int(t, k, 0) ==
		    e->id && !db_get_int(t, k, "declined"); k++)
			ids[k] = db_int(t, k, 1), e->nmentors++;
		for (e->declined = ids + k; k < t->nrows && db_int(t, k, 0) ==
		    e->id; k++)
			ids[k] = db_int(t, k, 1), e->ndeclined++;
	}
	return 0;
}

/*
 * Everything the board scores, of every answer (organisers read them
 * all) or, shown 1, of those the pairs may read: 0, -1 or BOARD_SHORT.
 */
static int
board_load(struct req *r, struct board *b, long long prog_id, int shown)
{
	const struct db_rows *e;
	size_t i;

	memset(b, 0, sizeof(*b));
	b->prog = prog_id;
	if ((b->mentors = db_query(r, shown ? SQL_MENTORS(SUGGEST_SHOWN) :
	    SQL_MENTORS(SUGGEST_ALL), "i", prog_id)) == NULL ||
	    (b->mentees = db_query(r, shown ? SQL_MENTEES(SUGGEST_SHOWN) :
	    SQL_MENTEES(SUGGEST_ALL), "i", prog_id)) == NULL)
		return -1;
	e = b->mentees;
	if ((b->m = calloc(b->mentors->nrows + 1, sizeof(*b->m))) == NULL ||
	    (b->e = calloc(e->nrows + 1, sizeof(*b->e))) == NULL ||
	    (b->fit = calloc(b->mentors->nrows + 1, sizeof(*b->fit))) == NULL)
		goto short_of_memory;
	suggest_mentors_of(b->mentors, b->m);
	for (i = 0; i < e->nrows; i++) {
		b->e[i].id = db_get_int(e, i, "id");
		b->e[i].looking_for = db_get(e, i, "looking_for");
		b->e[i].languages = db_get(e, i, "languages");
		b->e[i].timezone = db_get(e, i, "timezone");
		b->e[i].text[SUGGEST_HEADLINE] = db_get(e, i, "headline");
		b->e[i].text[SUGGEST_INTAKE] = db_get(e, i, "intake");
		b->e[i].text[SUGGEST_FOCUS] = db_get(e, i, "focus");
		b->e[i].choices = db_get(e, i, "choices");
	}
	if (board_theirs(r, b, prog_id) == -1)
		return -1;
	if ((b->set = suggest_set_new(b->m, b->mentors->nrows)) == NULL)
		goto short_of_memory;
	return 0;
short_of_memory:
	log_err("programmes: out of memory scoring %zu mentees",
	    b->mentees->nrows);
	return BOARD_SHORT;
}

/* Mentee i's fits into b->fit: 0 or BOARD_SHORT. */
static int
board_score(struct board *b, size_t i)
{
	if (suggest_score(b->set, &b->e[i], b->fit) == 0)
		return 0;
	log_err("programmes: out of memory scoring");
	return BOARD_SHORT;
}

/* The answer to a board that rc (not 0) says could not be made. */
static void
board_short(struct req *r, int rc)
{
	if (rc == BOARD_SHORT)
		page_error(r, 503);
}

/* Who reads a fit's reasons. */
enum why_reader { WHY_ORGANISER, WHY_MENTEE, WHY_MENTOR };

/* The fit's reasons about mentee i, worded for its reader. */
static const char *
why_text(struct req *r, const struct board *b, size_t i,
    const struct suggest_fit *f, enum why_reader to)
{
	char why[SUGGEST_WHY];

	suggest_why(b->set, &b->e[i], f, to == WHY_MENTEE ? NULL :
	    db_get(b->mentees, i, "display_name"), to == WHY_MENTOR, why);
	return req_strdup(r, why);
}

static void
mentee_head(struct tdict *s, const struct board *b, size_t i)
{
	tmpl_set(s, "E_ID", db_get(b->mentees, i, "id"));
	tmpl_set(s, "E_NAME", db_get(b->mentees, i, "display_name"));
	tmpl_set(s, "E_SLUG", db_get(b->mentees, i, "slug"));
}

static void
mentor_cells(struct req *r, struct tdict *s, const struct board *b,
    size_t i, const struct suggest_fit *f)
{
	tmpl_set(s, "M_ID", db_get(b->mentors, f->mentor, "id"));
	tmpl_set(s, "M_NAME", db_get(b->mentors, f->mentor, "display_name"));
	tmpl_set(s, "M_SLUG", db_get(b->mentors, f->mentor, "slug"));
	tmpl_set(s, "M_SCORE", req_printf(r, "%lld", (long long)f->score));
	tmpl_set(s, "M_WHY", why_text(r, b, i, f, WHY_ORGANISER));
}

/* Why mentee i is left out of the assignment, in words. */
static const char *
unmatched_why(struct req *r, const struct board *b, long long min)
{
	struct suggest_fit best;
	char why[SUGGEST_WHY];

	if (b->mentors->nrows == 0)
		return "The programme has no approved mentor yet.";
	if (suggest_top(b->fit, b->mentors->nrows, 1, &best) == 0) {
		suggest_excluded_counts(b->fit, b->mentors->nrows, why);
		return req_printf(r, "No mentor of the programme can take "
		    "them: of its %zu, %s.", b->mentors->nrows, why);
	}
	if (best.score < min)
		return req_printf(r, "No mentor reaches the minimum score of "
		    "%lld: the best, %s, scores %lld.", min,
		    db_get(b->mentors, best.mentor, "display_name"),
		    (long long)best.score);
	return req_printf(r, "The places of the mentors who fit them (the "
	    "best: %s, %lld) serve other mentees better: the programme has "
	    "more mentees than places.", db_get(b->mentors, best.mentor,
	    "display_name"), (long long)best.score);
}

/*
 * Why a mentee's card names n mentors, fewer than BOARD_BEST, of the
 * board's: the others counted by why (b->fit holds the mentee's).
 */
static const char *
fewer_why(struct req *r, const struct board *b, size_t n)
{
	size_t nm = b->mentors->nrows;
	char why[SUGGEST_WHY];

	if (nm == n)
		return req_printf(r, "The programme has only %zu mentor%s.", nm,
		    nm == 1 ? "" : "s");
	suggest_excluded_counts(b->fit, nm, why);
	return req_printf(r, "Only %zu of the programme's %zu mentors can "
	    "take them: of the others, %s.", n, nm, why);
}

/* The pairs the programme proposed that wait for the mentor's answer. */
static int
proposed_fill(struct req *r, struct tdict *d, long long prog_id)
{
	struct db_rows *t;
	struct tdict *sec, *s;
	size_t i;

	if ((t = db_query(r, SQL_PROPOSED, "i", prog_id)) == NULL)
		return -1;
	if (t->nrows == 0)
		return 0;
	sec = tmpl_section(d, "PROPOSED");
	tmpl_set(sec, "NPROPOSED", req_printf(r, "%zu", t->nrows));
	for (i = 0; i < t->nrows; i++) {
		s = tmpl_section(sec, "MADE");
		tmpl_set(s, "MS_ID", db_get(t, i, "id"));
		tmpl_set(s, "E_NAME", db_get(t, i, "e_name"));
		tmpl_set(s, "E_SLUG", db_get(t, i, "e_slug"));
		tmpl_set(s, "M_NAME", db_get(t, i, "m_name"));
		tmpl_set(s, "M_SLUG", db_get(t, i, "m_slug"));
	}
	return 0;
}

/* The row whose "id" is id, or -1. */
static long
row_of(const struct db_rows *rows, long long id)
{
	size_t i;

	for (i = 0; i < rows->nrows; i++)
		if (db_get_int(rows, i, "id") == id)
			return (long)i;
	return -1;
}

/*
 * The programme's mentors whom mentee i said no to or who said no to
 * them, by name: the board leaves them out, and says so.
 */
static void
said_no_fill(struct req *r, struct tdict *s, const struct board *b, size_t i)
{
	const struct suggest_mentee *e = &b->e[i];
	const char *names = NULL;
	size_t k;
	long row;

	for (k = 0; k < e->ndeclined; k++) {
		/* in id order: a mentor who said no twice, named once */
		if (k > 0 && e->declined[k] == e->declined[k - 1])
			continue;
		/* and only a mentor of the programme still */
		if ((row = row_of(b->mentors, e->declined[k])) < 0)
			continue;
		names = req_printf(r, "%s%s%s", names != NULL ? names : "",
		    names != NULL ? ", " : "", db_get(b->mentors, (size_t)row,
		    "display_name"));
	}
	if (names != NULL)
		tmpl_set(tmpl_section(s, "SAID_NO"), "NAMES", names);
}

/* The board: each mentee with the BOARD_BEST best mentors. */
static int
board_fill(struct req *r, struct tdict *d, struct board *b)
{
	struct suggest_fit best[BOARD_BEST];
	struct tdict *s;
	size_t i, k, n;

	for (i = 0; i < b->mentees->nrows; i++) {
		if (board_score(b, i) != 0)
			return BOARD_SHORT;
		s = tmpl_section(d, "MENTEE");
		mentee_head(s, b, i);
		n = suggest_top(b->fit, b->mentors->nrows, BOARD_BEST, best);
		for (k = 0; k < n; k++)
			mentor_cells(r, tmpl_section(s, "BEST"), b, i, &best[k]);
		if (n == 0)
			tmpl_show(s, "NO_BEST");
		else if (n < BOARD_BEST)	/* why fewer than promised */
			tmpl_set(tmpl_section(s, "FEWER"), "FEWER_WHY",
			    fewer_why(r, b, n));
		said_no_fill(r, s, b, i);
		if (suggest_empty(&b->e[i]))
			tmpl_show(s, "EMPTY_PROFILE");
	}
	return 0;
}

/*
 * The assignment of greatest total score (lib/match.h) into mentor_of
 * (a mentor's row, -1 none), and each pair's fit into fit_of: 0 or
 * BOARD_SHORT.
 */
static int
board_assign(struct board *b, long long min, long *mentor_of,
    struct suggest_fit *fit_of)
{
	size_t nm = b->mentors->nrows, ne = b->mentees->nrows, i, k, n = 0;
	size_t room = 0;
	struct match_edge *edges = NULL, *more;
	unsigned *cap;
	int64_t total;

	/* only the pairs that may be made: memory as their number, not n*m */
	if ((cap = malloc((nm + 1) * sizeof(*cap))) == NULL)
		goto short_of_memory;
	for (k = 0; k < nm; k++)
		cap[k] = b->m[k].room > 0 ? (unsigned)b->m[k].room : 0;
	for (i = 0; i < ne; i++) {
		if (board_score(b, i) != 0)
			goto fail;
		for (k = 0; k < nm; k++)
			if (b->fit[k].excluded == NULL && b->fit[k].score >= min) {
				if (n == room) {
					room = room ? room * 2 : 4096;
					if ((more = realloc(edges, room *
					    sizeof(*edges))) == NULL)
						goto short_of_memory;
					edges = more;
				}
				edges[n].mentee = (uint32_t)i;
				edges[n].mentor = (uint32_t)k;
				edges[n++].score = b->fit[k].score;
			}
	}
	if ((total = match_assign(ne, nm, cap, edges, n, min, mentor_of)) < 0)
		goto short_of_memory;
	for (i = 0; i < ne; i++) {
		if (mentor_of[i] < 0)
			continue;
		if (board_score(b, i) != 0)
			goto fail;
		fit_of[i] = b->fit[mentor_of[i]];
	}
	free(edges);
	free(cap);
	return 0;
short_of_memory:
	log_err("programmes: out of memory pairing %zu mentees", ne);
fail:
	free(edges);
	free(cap);
	return BOARD_SHORT;
}

/* The preview of auto=1: pairs with reasons, the unmatched with why. */
static int
preview_fill(struct req *r, struct tdict *d, struct board *b, long long min)
{
	size_t ne = b->mentees->nrows, i, npairs = 0;
	long *mentor_of = req_alloc(r, (ne + 1) * sizeof(*mentor_of));
	struct suggest_fit *fit_of = req_alloc(r, (ne + 1) * sizeof(*fit_of));
	size_t cap = ne * 44 + 1;	/* " id:id" at most 42 bytes a pair */
	char *pairs = req_alloc(r, cap), *p = pairs;
	struct tdict *s, *auto_d = tmpl_section(d, "AUTO");

	*p = '\0';
	if (board_assign(b, min, mentor_of, fit_of) != 0)
		return BOARD_SHORT;
	for (i = 0; i < ne; i++) {
		if (mentor_of[i] < 0)
			continue;
		s = tmpl_section(auto_d, "PAIR");
		mentee_head(s, b, i);
		mentor_cells(r, s, b, i, &fit_of[i]);
		p += snprintf(p, cap - (size_t)(p - pairs), "%s%lld:%lld",
		    npairs++ ? " " : "", b->e[i].id, b->m[mentor_of[i]].id);
	}
	for (i = 0; i < ne; i++) {
		if (mentor_of[i] >= 0)
			continue;
		if (board_score(b, i) != 0)
			return BOARD_SHORT;
		s = tmpl_section(auto_d, "LEFT");
		mentee_head(s, b, i);
		tmpl_set(s, "L_WHY", unmatched_why(r, b, min));
	}
	tmpl_set(auto_d, "PAIRS", pairs);
	tmpl_set(auto_d, "NPAIRS", req_printf(r, "%zu", npairs));
	tmpl_set(auto_d, "NLEFT", req_printf(r, "%zu", ne - npairs));
	tmpl_show(auto_d, npairs > 0 ? "CAN_CONFIRM" : "NO_PAIRS");
	return 0;
}

static void
board_page(struct req *r, struct prog *p, const struct fval *v,
    const char *error, int status)
{
	long long min = v[BF_MIN].str != NULL ? v[BF_MIN].num : MIN_SCORE;
	const char *typed = v[BF_MIN].err != NULL ? v[BF_MIN].raw : NULL;
	struct board b;
	struct tdict *d, *w;
	int rc;

	if ((rc = board_load(r, &b, p->id, 0)) != 0)
		goto out;
	d = page_new(r, req_printf(r, "%s: matching", p->name),
	    "programmes_matching.tpl");
	prog_head(d, p, "Matching");
	tmpl_set(d, "MIN", typed != NULL ? typed : req_printf(r, "%lld", min));
	if (typed != NULL)
		tmpl_show(d, "MIN_BAD");
	tmpl_set(d, "SCORE_MAX", req_printf(r, "%d", SUGGEST_SCORE_MAX));
	if (b.mentees->nrows > 0) {	/* else "Every mentee has a pair" */
		w = tmpl_section(d, "WAITING");
		tmpl_set(w, "NMENTEES", req_printf(r, "%zu", b.mentees->nrows));
		tmpl_show(w, b.mentees->nrows == 1 ? "ONE_MENTEE" : "MENTEES");
	}
	if ((rc = proposed_fill(r, d, p->id)) != 0)
		goto out;
	if (error != NULL)
		tmpl_set(tmpl_section(d, "ERROR"), "MESSAGE", error);
	if (b.mentees->nrows == 0)
		tmpl_show(d, "NONE");
	else if (v[BF_AUTO].num && b.mentors->nrows > 0)
		rc = preview_fill(r, d, &b, min);
	else
		rc = board_fill(r, d, &b);
	if (rc == 0)
		page_send(r, status);
out:
	board_short(r, rc);
	board_free(&b);
}

void
prog_matching(struct req *r)
{
	struct prog p;
	struct fval v[BF_N];

	if (prog_manage(r, &p) == -1)
		return;
	/* the board, and the minimum as typed to mend (no preview of it) */
	if (field_read(r, board_f, BF_N, v) > 0) {
		v[BF_AUTO].num = 0;
		return board_page(r, &p, v, req_printf(r, "The minimum score "
		    "is a whole number from 0 to %d, the most a pair can "
		    "score.", SUGGEST_SCORE_MAX), 422);
	}
	board_page(r, &p, v, NULL, 200);
}

/* ---- proposing ----------------------------------------------------------- */

/*
 * Why the pair of mentee and mentor (user ids) cannot be made, naming
 * the mentee (in a confirmation of many pairs, which one it is), as
 * the board has them or else as the programme's participants: the name
 * of an account outside it is none of its organisers' business.
 */
#define PARTICIPANT_NAME "(SELECT u.display_name FROM users u JOIN " \
	"programme_participants pp ON pp.user_id = u.id AND " \
	"pp.programme_id = ? WHERE u.id = ? LIMIT 1)"

static const char *
pair_refused(struct req *r, const struct board *b, long long mentee,
    long long mentor, const char *why)
{
	long ri = row_of(b->mentees, mentee), rk = row_of(b->mentors, mentor);
	struct db_rows *u = NULL;
	const char *e, *o;

	if ((ri < 0 || rk < 0) && (u = db_query(r, "SELECT "
	    PARTICIPANT_NAME " AS mentee, " PARTICIPANT_NAME " AS mentor",
	    "iiii", b->prog, mentee, b->prog, mentor)) == NULL)
		return NULL;
	e = ri >= 0 ? db_get(b->mentees, ri, "display_name") :
	    db_get(u, 0, "mentee");
	o = rk >= 0 ? db_get(b->mentors, rk, "display_name") :
	    db_get(u, 0, "mentor");
	return req_printf(r, "%s cannot be paired with %s: %s",
	    e != NULL ? e : req_printf(r, "The mentee %lld", mentee),
	    o != NULL ? o : req_printf(r, "person %lld", mentor), why);
}

const char *
prog_focus(struct req *r, const char *name)
{
	int n = (int)req_utf8_prefix(name, FOCUS_MAX);

	/* "Mentoring in Northwind Mentoring" says it twice */
	if (strcasestr(name, "mentor") != NULL)
		return req_printf(r, "%.*s", n, name);
	return req_printf(r, "Mentoring in %.*s", n, name);
}

/* What a proposal says of why, to each who reads it. */
struct pair_why {
	const char	*message;	/* the pair's page: about the mentee */
	const char	*mentor;	/* the mentor's notice: "you ..." */
	const char	*mentee;	/* the mentee's: "the skills you want" */
};

/*
 * Why mentee i and mentor k of the board, from what each may read of
 * the other: the board's own reasons may name an answer only organisers
 * read ("answered as you did: Mobile"), so the pair's are scored again
 * on the board of shown answers, the same rows in the same transaction:
 * loaded by the transaction's first proposal, once for all its pairs.
 * 0, -1 or BOARD_SHORT.
 */
static int
pair_why(struct req *r, struct board *b, size_t i, size_t k,
    struct pair_why *w)
{
	struct board *s = b->shown;
	int rc;

	if (s == NULL) {
		if ((s = b->shown = calloc(1, sizeof(*s))) == NULL)
			return BOARD_SHORT;
		if ((rc = board_load(r, s, b->prog, 1)) != 0)
			return rc;
	}
	if (i >= s->mentees->nrows || k >= s->mentors->nrows ||
	    s->e[i].id != b->e[i].id || s->m[k].id != b->m[k].id) {
		/* one transaction reads one snapshot: never so */
		log_err("programmes: the board of shown answers is not the "
		    "board's (programme %lld)", b->prog);
		return -1;
	}
	s->m[k].room = b->m[k].room;	/* as the proposals so far left it */
	if (suggest_score(s->set, &s->e[i], s->fit) == -1)
		return BOARD_SHORT;
	w->message = why_text(r, s, i, &s->fit[k], WHY_ORGANISER);
	w->mentor = why_text(r, s, i, &s->fit[k], WHY_MENTOR);
	w->mentee = why_text(r, s, i, &s->fit[k], WHY_MENTEE);
	return 0;
}

/*
 * Mentee i and mentor k of the board made a pair, in the caller's
 * transaction, both mailed: 0, 1 refused (*why), -1 database down or
 * BOARD_SHORT.
 */
static int
propose(struct req *r, const struct prog *p, struct board *b, size_t i,
    size_t k, const char **why)
{
	long long mentor = b->m[k].id, mentee = b->e[i].id, prog_id, id;
	const char *mentor_name, *mentee_name, *focus;
	struct mship_notice n = { 0 };
	struct pair_why w;
	struct mship m;
	int rc;

	mentor_name = db_get(b->mentors, k, "display_name");
	mentee_name = db_get(b->mentees, i, "display_name");
	if (cohort_pair_check(r, p->slug, mentor, mentee,
	    COHORT_ORGANISER, &prog_id, why) == -1)
		return -1;
	if (*why == NULL && b->fit[k].excluded != NULL)
		*why = b->fit[k].excluded;
	if (*why != NULL)
		return (*why = pair_refused(r, b, mentee, mentor, *why)) ==
		    NULL ? -1 : 1;
	if ((rc = pair_why(r, b, i, k, &w)) != 0)
		return rc;
	/* what the mentee wants is the mentorship's subject, not the cohort */
	focus = b->e[i].looking_for != NULL && *b->e[i].looking_for != '\0' ?
	    req_printf(r, "%.*s", (int)req_utf8_prefix(b->e[i].looking_for,
	    FOCUS_MAX), b->e[i].looking_for) : prog_focus(r, p->name);
	if (db_exec(r, "INSERT INTO mentorships (mentor_id, mentee_id, stage, "
	    "focus, message, stage_changed_at, created_at) VALUES (?, ?, "
	    "'requested', ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP())", "iiss",
	    mentor, mentee, focus, req_printf(r,
	    "Proposed by the organisers of %s. Why this pair, as their "
	    "matching board puts it: %s %s.", p->name,
	    mentor_name, w.message)) != 1)
		return -1;
	id = db_last_id();
	if (cohort_pair_terms(r, id, prog_id, 1) == -1 ||
	    db_exec(r, "INSERT INTO stage_events (mentorship_id, from_stage, "
	    "to_stage, actor_id, by_outsider, note, created_at) VALUES (?, "
	    "NULL, 'requested', ?, 1, ?, UTC_TIMESTAMP())", "iis", id,
	    r->user.id,
	    "Proposed by the programme") != 1 || mship_load(r, id, &m) != 0)
		return -1;
	n.path = req_printf(r, "/mentorships/%lld", id);
	/*
	 * The reasons are Menteo's, not a person's: in the introduction,
	 * never as "their note". The subject gains "— with X on “focus”"
	 * (mship_notice_send): each name once, the programme in the text.
	 */
	n.headline = "A mentee proposed for you";
	n.intro = req_printf(r, "The organisers of %s propose that you "
	    "mentor %s.%s%s%s Accept, ask for more, or decline on the "
	    "mentorship page.", p->name, mentee_name, *w.mentor ? " Why, as "
	    "their matching board puts it: you " : "", w.mentor, *w.mentor ?
	    "." : "");
	n.dedup = req_printf(r, "proposed:%lld:mentor", id);
	if (mship_notice_send(r, &m, mentor, &n) == -1)
		return -1;
	n.headline = "A mentor proposed for you";
	n.intro = req_printf(r, "The organisers of %s propose %s as your "
	    "mentor. Why this pair: %s %s. %s will accept or decline; you may "
	    "withdraw on the mentorship page.", p->name, mentor_name,
	    mentor_name, w.mentee, mentor_name);
	n.dedup = req_printf(r, "proposed:%lld:mentee", id);
	if (mship_notice_send(r, &m, mentee, &n) == -1)
		return -1;
	return 0;
}

/*
 * The pair "mentee:mentor" (user ids) of the board: 0 and the rows, 1
 * refused (*why), -1 database down.
 */
static int
pair_rows(struct req *r, struct board *b, long long mentee, long long mentor,
    size_t *i, size_t *k, const char **why)
{
	long ri = row_of(b->mentees, mentee), rk = row_of(b->mentors, mentor);

	if (ri < 0)
		*why = "they are no longer waiting for a mentor (in a pair "
		    "already, or gone from the programme).";
	else if (rk < 0)
		*why = COHORT_NOT_MENTOR;
	else {
		*i = (size_t)ri;
		*k = (size_t)rk;
		return 0;
	}
	return (*why = pair_refused(r, b, mentee, mentor, *why)) == NULL ?
	    -1 : 1;
}

/* A confirmation's pairs (user ids), as pairs_read found them. */
struct pairs {
	long long	*mentee, *mentor;
	size_t		 n;
};

/*
 * The pairs of text, "mentee:mentor" apart by white space, each id read
 * as its declared field reads it (propose_f: a whole number in range,
 * nothing around it): 0, or -1 with *bad the first word that is no
 * pair, as sent. Never a pair skipped: one bad word and there are none.
 */
static int
pairs_read(struct req *r, const char *text, struct pairs *ps,
    const char **bad)
{
	size_t cap = strlen(text) / 4 + 2, len;	/* "1:1 " the shortest */
	struct fval e, o;
	char *word = NULL, *colon;

	ps->mentee = req_alloc(r, cap * sizeof(*ps->mentee));
	ps->mentor = req_alloc(r, cap * sizeof(*ps->mentor));
	ps->n = 0;
	for (;;) {
		text += strspn(text, " \t\r\n");
		if (*text == '\0')
			return 0;
		len = strcspn(text, " \t\r\n");
		word = arena_strndup(r->arena, text, len);
		text += len;
		if ((colon = strchr(word, ':')) == NULL || ps->n + 1 >= cap)
			break;
		*colon = '\0';
		if (field_check(r->arena, &propose_f[PF_MENTEE], word, &e) != 0 ||
		    e.str == NULL || field_check(r->arena, &propose_f[PF_MENTOR],
		    colon + 1, &o) != 0 || o.str == NULL) {
			*colon = ':';
			break;
		}
		ps->mentee[ps->n] = e.num;
		ps->mentor[ps->n++] = o.num;
	}
	/* said back: the first PAIR_SHOWN bytes, in whole characters */
	len = req_utf8_prefix(word, PAIR_SHOWN);
	*bad = req_printf(r, "%.*s%s", (int)len, word, word[len] != '\0' ?
	    "\xE2\x80\xA6" : "");	/* … */
	return -1;
}

/*
 * Each pair of ps proposed: 0, 1 refused (*why), -1 database down, or
 * BOARD_SHORT.
 */
static int
propose_all(struct req *r, const struct prog *p, struct board *b,
    const struct pairs *ps, const char **why)
{
	unsigned char *paired = req_alloc(r, b->mentees->nrows + 1);
	size_t i, k, n;
	int rc;

	memset(paired, 0, b->mentees->nrows + 1);
	for (n = 0; n < ps->n; n++) {
		if ((rc = pair_rows(r, b, ps->mentee[n], ps->mentor[n], &i, &k,
		    why)) != 0)
			return rc;
		if (paired[i]++)
			return *why = req_printf(r, "%s appears in two pairs.",
			    db_get(b->mentees, i, "display_name")), 1;
		if ((rc = board_score(b, i)) != 0 ||
		    (rc = propose(r, p, b, i, k, why)) != 0)
			return rc;
		b->m[k].room--;		/* what the next check sees */
	}
	return 0;
}

/*
 * The proposal, in a transaction that runs again after a deadlock or a
 * Galera certification failure (db_tx_run): each pair moves the
 * programme's version (sql/270), as its pairs' work and its joiners do
 * meanwhile. Each try reads the board afresh under the mentors' locks.
 * 0: proposed; 1: refused (why); -1 database down; BOARD_SHORT.
 */
struct propose_w {
	const struct prog	*p;
	const struct fval	*v;
	const struct pairs	*ps;
	struct board		*b;
	const char		*why;
};

static int
propose_tx(struct req *r, void *arg)
{
	struct propose_w *w = arg;
	const struct fval *v = w->v;
	size_t i, k;
	int rc;

	board_free(w->b);
	memset(w->b, 0, sizeof(*w->b));
	w->why = NULL;
	/*
	 * Locked first, before any read: the programme's places, so that a
	 * mentor's places are counted once; then, shared, the accounts of
	 * those in it, so that a request (which locks both accounts:
	 * mentorships/request.c), a departure or a removal made meanwhile
	 * is committed before the board is read, not proposed past (found in
	 * a review). Shared, those accounts' own posts and sign-ins (foreign
	 * keys, shared too) go on while the proposal runs.
	 */
	if (db_query(r, "SELECT id FROM programme_participants WHERE "
	    "programme_id = ? ORDER BY id FOR UPDATE", "i", w->p->id) == NULL ||
	    db_query(r, "SELECT u.id FROM programme_participants pp JOIN users "
	    "u ON u.id = pp.user_id WHERE pp.programme_id = ? AND pp.status IN "
	    "('active', 'waiting') ORDER BY u.id LOCK IN SHARE MODE", "i",
	    w->p->id) == NULL)
		return -1;
	if ((rc = board_load(r, w->b, w->p->id, 0)) != 0)
		return rc;
	if (v[PF_AUTO].num)
		return propose_all(r, w->p, w->b, w->ps, &w->why);
	if ((rc = pair_rows(r, w->b, v[PF_MENTEE].num, v[PF_MENTOR].num, &i,
	    &k, &w->why)) != 0 || (rc = board_score(w->b, i)) != 0)
		return rc;
	return propose(r, w->p, w->b, i, k, &w->why);
}

void
prog_matching_post(struct req *r)
{
	struct prog p;
	struct fval v[PF_N], bv[BF_N];
	struct board b;
	struct pairs ps = { NULL, NULL, 0 };
	struct propose_w w = { &p, v, &ps, &b, NULL };
	const char *bad;
	int rc;

	memset(&b, 0, sizeof(b));
	memset(bv, 0, sizeof(bv));
	if (prog_manage(r, &p) == -1)
		return;
	if (field_read(r, propose_f, PF_N, v) > 0 || (!v[PF_AUTO].num &&
	    (v[PF_MENTEE].str == NULL || v[PF_MENTOR].str == NULL)) ||
	    (v[PF_AUTO].num && v[PF_PAIRS].str == NULL))
		return page_error_msg(r, 400, "Propose a pair with a mentee "
		    "and a mentor from the board, or confirm the pairs shown.");
	if (v[PF_AUTO].num && pairs_read(r, v[PF_PAIRS].str, &ps, &bad) == -1) {
		/* the proposal again, to confirm as it stands now */
		bv[BF_AUTO].num = 1;
		bv[BF_MIN] = v[PF_MIN];
		return board_page(r, &p, bv, req_printf(r, "\"%s\" is not a "
		    "pair of the form mentee:mentor (two user ids). Nothing "
		    "was proposed: here is the proposal again.", bad), 422);
	}
	rc = db_tx_run(r, propose_tx, &w);
	board_free(&b);
	if (rc == 1) {
		bv[BF_AUTO].num = 0;
		bv[BF_MIN] = v[PF_MIN];		/* the minimum stays */
		return board_page(r, &p, bv, req_printf(r, "%s Nothing was "
		    "proposed.", w.why), 409);
	}
	if (rc != 0)
		return board_short(r, rc);
	resp_flash(r, v[PF_AUTO].num ? "The pairs are proposed: each mentor "
	    "and mentee has been told by e-mail." : "The pair is proposed: "
	    "both have been told by e-mail.");
	/*
	 * The minimum the organiser chose stays for the next preview. No
	 * fragment: a jump to the pairs made scrolled the flash, at the
	 * top, out of a phone's view; the list is a few lines below it.
	 */
	resp_redirect(r, v[PF_MIN].str != NULL ? req_printf(r,
	    "/programmes/%s/matching?min=%lld", p.slug, v[PF_MIN].num) :
	    req_printf(r, "/programmes/%s/matching", p.slug));
}
