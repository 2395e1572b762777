/*
 * programmes/participants: the organisers' list of everyone in the
 * programme (role, status, pair and stage, with filters), and their
 * decisions: approve or reject a waiting mentor, remove anyone, take a
 * removal back. Each decision is mailed to the person it is about.
 */
#include <limits.h>
#include <string.h>

#include "cfg.h"
#include "cohort.h"
#include "mail.h"
#include "mship.h"
#include "programmes.h"
#include "resp.h"
#include "stage.h"

#define LIST_PAGE	100	/* participants on one page */

/*
 * The organisers' decisions on a participant, one row each: the form's
 * word (actions[], the field's choices) and what the decision does and
 * says. The first three are for a participant who waits, and one more
 * status: an organiser may approve a mentor they turned down (a mistake,
 * a change of mind), and remove one who is active. Restoring takes back
 * a removal, and nothing else.
 */
enum { D_APPROVE, D_REJECT, D_REMOVE, D_RESTORE, D_N };
static const char *const actions[D_N + 1] = {
	[D_APPROVE] = "approve", [D_REJECT] = "reject", [D_REMOVE] = "remove",
	[D_RESTORE] = "restore",
};
static const struct decision {
	const char	*to;		/* the status it gives */
	int		 waiting;	/* taken from "waiting" */
	const char	*also;		/* the other status it is taken from */
	const char	*done;		/* "Ana cannot be <done> now" */
	const char	*said;		/* the flash after it, after a name */
	const char	*mail;		/* mail/programme_decision's section */
	const char	*subject;	/* the mail's, before the programme */
} decisions[D_N] = {
	[D_APPROVE] = { "active", 1, "rejected", "approved", " is approved "
	    "as a mentor; they have been told by e-mail.", "IS_APPROVE",
	    "You are approved as a mentor in " },
	[D_REJECT] = { "rejected", 1, NULL, "turned down", " is not "
	    "approved as a mentor; they have been told by e-mail.", "IS_REJECT",
	    "Your place as a mentor in " },
	[D_REMOVE] = { "removed", 1, "active", "removed", " is removed from "
	    "the programme; they have been told by e-mail.", "IS_REMOVE",
	    "You are no longer in " },
	[D_RESTORE] = { "active", 0, "removed", "taken back in", " is back "
	    "in the programme; they have been told by e-mail.",
	    "IS_RESTORE", "You are back in " },
};

/*
 * The status decision a gives a participant of role: a mentor taken
 * back in waits for approval again where the programme asks for it (a
 * removal may have come before any approval).
 */
static const char *
decision_to(const struct prog *p, size_t a, const char *role)
{
	if (a == D_RESTORE && p->approval && strcmp(role, "mentor") == 0)
		return "waiting";
	return decisions[a].to;
}

/* "invited": the addresses invited, not joined yet (no participant) */
static const char *const statuses[] = {
	"invited", "waiting", "active", "paired", "unpaired", "rejected",
	"removed", "left", NULL
};

enum { DF_ACTION, DF_N };
static const struct field decide_f[DF_N] = {
	{ "action",	F_CHOICE,	0, 0,	1, actions },
};

static const struct field filter_f[] = {
	{ "role",	F_CHOICE,	0, 0,	0, prog_roles },
	{ "status",	F_CHOICE,	0, 0,	0, statuses },
	{ "q",		F_TEXT,		0, 254,	0, NULL },	/* name, address */
	{ "after",	F_INT,		1, LLONG_MAX, 0, NULL },
};
enum { FF_ROLE, FF_STATUS, FF_Q, FF_AFTER, FF_N };

/* The list with the filters of v, from the participant after on (or NULL). */
static const char *
list_url(struct req *r, const struct prog *p, const struct fval *v,
    const char *after)
{
	const char *name[] = { "role", "status", "q", "after" };
	const char *val[] = { v[FF_ROLE].str, v[FF_STATUS].str, v[FF_Q].str,
	    after };
	struct buf b = { NULL, 0, 0 };
	const char *out, *sep = "?";
	size_t i;

	buf_printf(&b, "/programmes/%s/participants", p->slug);
	for (i = 0; i < 4; i++) {
		if (val[i] == NULL)
			continue;
		buf_printf(&b, "%s%s=%s", sep, name[i], req_url_enc(r, val[i]));
		sep = "&";
	}
	out = req_strdup(r, b.p);
	buf_free(&b);
	return out;
}

/*
 * The pair a participant's status tells of: their newest open one (in a
 * pair, as the matching board has it: lib/cohort.h COHORT_PAIRED), else
 * their newest, which says why they are in none. Read on their role's
 * side only (a programme's mentor is never one of its mentees), by the
 * person's own mentorships (an index read): asked with "the mentee or
 * the mentor", no index fitted, and MariaDB walked every mentorship from
 * the newest down, 0.3 to 1.3 s a page in the bench's programme.
 */
#define PAIR_SHOWN(side) "(SELECT x.id FROM mentorships x WHERE x." side \
	" = pp.user_id AND x.programme_id = pp.programme_id ORDER BY " \
	"x.stage IN (" STAGES_OPEN ") DESC, x.id DESC LIMIT 1)"
/* the status filter's "In a pair", by the same rule */
#define IN_A_PAIR "(" COHORT_PAIRED("pp.programme_id", "mentee_id", \
	"pp.user_id") " OR " COHORT_PAIRED("pp.programme_id", "mentor_id", \
	"pp.user_id") ")"

/*
 * One page of participants, keyset on id, with the pair each one's
 * status tells of and, for mentors, the places their pairs take.
 */
static struct db_rows *
participants_load(struct req *r, const struct prog *p, const struct fval *v)
{
	const char *status = v[FF_STATUS].str, *q = prog_search_like(r, v[FF_Q].str);
	int paired = status != NULL && strcmp(status, "paired") == 0;
	int unpaired = status != NULL && strcmp(status, "unpaired") == 0;

	return db_query(r, "SELECT pp.id, pp.role, pp.status, pp.capacity, "
	    "pp.joined_at, pp.decided_at, u.display_name, u.email, u.slug, "
	    "u.disabled_at IS NOT NULL AS closed, " AUTH_DELETED("u.email")
	    " AS deleted, "
	    "pm.id AS pair_id, pm.stage AS pair_stage, pm.proposed_by_programme "
	    "AS pair_proposed, " MSHIP_ACCEPTED("pm") " AS pair_accepted, "
	    "(SELECT e.by_outsider FROM stage_events e WHERE "
	    "e.mentorship_id = pm.id ORDER BY e.id DESC LIMIT 1) AS "
	    "pair_by_other, (SELECT o.display_name FROM users o "
	    "WHERE o.id = IF(pp.role = 'mentee', pm.mentor_id, pm.mentee_id)) "
	    "AS pair_other, "
	    COHORT_TAKEN("pp.programme_id", "pp.user_id") " AS open_pairs, "
	    COHORT_ASKED("pp.programme_id", "pp.user_id") " AS asked_pairs "
	    "FROM programme_participants pp JOIN users u ON u.id = "
	    "pp.user_id LEFT JOIN mentorships pm ON pm.id = IF(pp.role = "
	    "'mentee', " PAIR_SHOWN("mentee_id") ", " PAIR_SHOWN("mentor_id")
	    ") WHERE pp.programme_id = ? AND pp.id > ? "
	    "AND (? IS NULL OR pp.role = ?) "
	    "AND (? IS NULL OR ? IN ('paired', 'unpaired') OR pp.status = ?) "
	    "AND (? = 0 OR (pp.status = 'active' AND " IN_A_PAIR " = 1)) "
	    "AND (? = 0 OR (pp.status = 'active' AND " IN_A_PAIR " = 0)) "
	    "AND (? IS NULL OR u.display_name LIKE ? ESCAPE '!' OR "
	    "u.email LIKE ? ESCAPE '!') "
	    "ORDER BY pp.id LIMIT ?", "iisssssiisssi", p->id,
	    v[FF_AFTER].str != NULL ? v[FF_AFTER].num : 0LL, v[FF_ROLE].str,
	    v[FF_ROLE].str, status, status, status, (long long)paired,
	    (long long)unpaired, q, q, q, (long long)LIST_PAGE + 1);
}

/*
 * 1 when a participant of status may be given decision a. A closed
 * account (deleted, or suspended by an administrator) may only be
 * removed, never approved nor taken back in: a deletion leaves its
 * places removed for good (admin/data.c).
 */
static int
decide_ok(size_t a, const char *status, int closed)
{
	if (closed && a != D_REMOVE)
		return 0;
	/* one who left may come back as anyone may, unless removed */
	if (a == D_REMOVE && strcmp(status, "left") == 0)
		return 1;
	return (decisions[a].waiting && strcmp(status, "waiting") == 0) ||
	    (decisions[a].also != NULL && strcmp(status, decisions[a].also) ==
	    0);
}

/*
 * The open pairs of the page's mentors (participants first..last), in
 * participant order: a mentor may have several, where the newest pair
 * says one. A page filtered to people who cannot have any (mentees,
 * waiting, turned down, removed, unpaired) asks nothing: its range of
 * ids may span the whole programme.
 */
static const struct db_rows *
mentor_pairs_load(struct req *r, const struct prog *p, const struct fval *v,
    const struct db_rows *rows, size_t n)
{
	static const struct db_rows none;
	const char *role = v[FF_ROLE].str, *status = v[FF_STATUS].str;

	if ((role != NULL && strcmp(role, "mentor") != 0) || (status != NULL &&
	    strcmp(status, "active") != 0 && strcmp(status, "paired") != 0))
		return &none;
	return db_query(r, "SELECT pp.id AS participant_id, m.id, m.stage, "
	    "m.proposed_by_programme AS proposed, u.display_name AS "
	    "mentee_name FROM programme_participants pp "
	    "JOIN mentorships m ON m.mentor_id = pp.user_id AND "
	    "m.programme_id = pp.programme_id AND m.stage IN (" STAGES_OPEN
	    ") JOIN users u ON u.id = m.mentee_id WHERE pp.programme_id = ? "
	    "AND pp.role = 'mentor' AND pp.id BETWEEN ? AND ? "
	    "ORDER BY pp.id, m.id", "iii", p->id, db_get_int(rows, 0, "id"),
	    db_get_int(rows, n - 1, "id"));
}

/*
 * A mentor's places (row i): a request not answered yet holds one, so
 * that no more are proposed than they offered (COHORT_TAKEN), but it is
 * not a pair yet: the directory's "places left" counts pairs only, and
 * the two pages must not seem to disagree.
 */
static const char *
mentor_load(struct req *r, const struct db_rows *rows, size_t i)
{
	long long asked = db_get_int(rows, i, "asked_pairs");
	long long taken = db_get_int(rows, i, "open_pairs") - asked;
	const char *cap = db_get(rows, i, "capacity");

	if (asked == 0)
		return req_printf(r, "%lld of %s places taken", taken, cap);
	return req_printf(r, "%lld of %s places taken, %lld more held for %s "
	    "not answered yet", taken, cap, asked, asked == 1 ? "a request" :
	    "requests");
}

/*
 * A mentor's pair (row i of pairs) as their list says it: its stage, but
 * a request is "not answered yet", and one in Redefinition takes none of
 * their places (COHORT_TAKEN): "N of M places taken" below leaves it out.
 */
static const char *
mentor_pair_stage(struct req *r, const struct db_rows *pairs, size_t i)
{
	const char *stage = db_get(pairs, i, "stage");

	if (strcmp(stage, "requested") == 0)
		return db_get_int(pairs, i, "proposed") ? "proposed, not "
		    "answered yet" : "asked, not answered yet";
	return strcmp(stage, "redefinition") == 0 ? req_printf(r, "%s (takes "
	    "no place)", mship_stage_label(stage)) : mship_stage_label(stage);
}

/* The same as a mentor's status, when it is their one open pair. */
static const char *
mentor_pair_status(struct req *r, const struct db_rows *pairs, size_t i)
{
	const char *who = db_get(pairs, i, "mentee_name");

	if (strcmp(db_get(pairs, i, "stage"), "requested") != 0)
		return req_printf(r, "In a pair: %s", mentor_pair_stage(r,
		    pairs, i));
	return db_get_int(pairs, i, "proposed") ? req_printf(r, "Proposed "
	    "to mentor %s, not answered yet", who) : req_printf(r, "Asked "
	    "by %s, not answered yet", who);
}

/*
 * A mentor's open pairs, from *k on in pairs (both in participant
 * order), as their status: "In a pair: Cultivation", or "In 3 pairs"
 * with each one listed. 0 when they have none.
 */
static size_t
mentor_pairs_fill(struct req *r, struct tdict *s, long long id,
    const struct db_rows *pairs, size_t *k)
{
	struct tdict *list = NULL, *one;
	size_t first, n;

	while (*k < pairs->nrows && db_get_int(pairs, *k, "participant_id") <
	    id)
		(*k)++;
	for (first = *k; *k < pairs->nrows &&
	    db_get_int(pairs, *k, "participant_id") == id; (*k)++)
		;
	if ((n = *k - first) == 1) {
		tmpl_set(s, "P_STATUS", mentor_pair_status(r, pairs, first));
		one = tmpl_section(s, "P_PAIR");
		tmpl_set(one, "PAIR_ID", db_get(pairs, first, "id"));
		tmpl_set(one, "PAIR_LINK", "See the pair");
	} else if (n > 1)
		tmpl_set(s, "P_STATUS", req_printf(r, "In %zu pairs", n));
	for (; n > 1 && first < *k; first++) {
		if (list == NULL)
			list = tmpl_section(s, "P_PAIRS");
		one = tmpl_section(list, "PAIR");
		tmpl_set(one, "PAIR_ID", db_get(pairs, first, "id"));
		tmpl_set(one, "PAIR_MENTEE", db_get(pairs, first,
		    "mentee_name"));
		tmpl_set(one, "PAIR_STAGE", mentor_pair_stage(r, pairs,
		    first));
	}
	return n;
}

/* A participant's open pair (row i of the page) as their status says it. */
static const char *
pair_status(struct req *r, const struct db_rows *rows, size_t i)
{
	const char *stage = db_get(rows, i, "pair_stage");
	const char *other = db_get(rows, i, "pair_other");

	if (strcmp(stage, "requested") != 0)
		return req_printf(r, "In a pair: %s", mship_stage_label(stage));
	return req_printf(r, "%s %s, waiting for their answer",
	    db_get_int(rows, i, "pair_proposed") ? "Proposed to" : "Asked",
	    other != NULL ? other : "a mentor");
}

static void
participant_fill(struct req *r, struct tdict *s, const struct db_rows *rows,
    size_t i, const struct db_rows *pairs, size_t *k)
{
	const char *role = db_get(rows, i, "role");
	const char *status = db_get(rows, i, "status");
	const char *stage = db_get(rows, i, "pair_stage");
	int closed = db_get_int(rows, i, "closed");
	int said;

	tmpl_set(s, "P_ID", db_get(rows, i, "id"));
	tmpl_set(s, "P_NAME", db_get(rows, i, "display_name"));
	/* a closed account has no profile; a deleted one no address */
	if (!closed)
		tmpl_set(tmpl_section(s, "P_LINK"), "P_SLUG", db_get(rows, i,
		    "slug"));
	else
		tmpl_show(s, "P_NAME_ONLY");
	if (!db_get_int(rows, i, "deleted"))
		tmpl_set(tmpl_section(s, "P_ADDRESS"), "P_EMAIL", db_get(rows,
		    i, "email"));
	tmpl_set(s, "P_ROLE", strcmp(role, "mentor") == 0 ? "Mentor" :
	    "Mentee");
	page_date(r, s, "P_JOINED", db_get(rows, i, "joined_at"));
	/* a mentor's open pairs, each; else the newest pair says it */
	said = strcmp(role, "mentor") == 0 && strcmp(status, "active") == 0 &&
	    mentor_pairs_fill(r, s, db_get_int(rows, i, "id"), pairs, k) > 0;
	if (!said && stage != NULL && strcmp(status, "active") == 0) {
		int open = mship_stage_open(stage);
		int never = !open && !db_get_int(rows, i, "pair_accepted");
		struct tdict *pair = tmpl_section(s, "P_PAIR");

		/* the newest pair: open, or why the person has none now */
		tmpl_set(s, "P_STATUS", open ? pair_status(r, rows, i) :
		    never ? req_printf(r, "Not in a pair (the last request: "
		    "%s%s)", mship_stage_label(stage), strcmp(stage,
		    "withdrawn") == 0 && db_get_int(rows, i, "pair_by_other") ?
		    " by the organisers" : "") :
		    "Not in a pair (their pair ended)");
		/* the way to what organisers may see of the pair */
		tmpl_set(pair, "PAIR_ID", db_get(rows, i, "pair_id"));
		tmpl_set(pair, "PAIR_LINK", never ? "See the request" :
		    "See the pair");
	} else if (!said && strcmp(status, "left") == 0)
		tmpl_set(s, "P_STATUS", req_printf(r, "Left the programme on %s",
		    page_date_text(r, db_get(rows, i, "decided_at"))));
	else if (!said)
		tmpl_set(s, "P_STATUS", closed ? req_printf(r, "%s (the account "
		    "is closed)", prog_status_label(role, status)) :
		    prog_status_label(role, status));
	/* places are offered while one takes part: not once removed */
	if (strcmp(role, "mentor") == 0 && db_get(rows, i, "capacity") != NULL &&
	    (strcmp(status, "active") == 0 || strcmp(status, "waiting") == 0))
		tmpl_set(tmpl_section(s, "P_LOAD"), "LOAD", mentor_load(r,
		    rows, i));
	if (strcmp(status, "waiting") == 0)
		tmpl_show(s, "CAN_DECIDE");
	if (decide_ok(D_APPROVE, status, closed) && strcmp(status, "waiting")
	    != 0)
		tmpl_show(s, "CAN_APPROVE_NOW");
	/*
	 * One who left has nothing to be removed from: what is offered is
	 * to close their place, so they cannot join again by themselves
	 * ("Remove" beside "Left the programme": found walking)
	 */
	if (decide_ok(D_REMOVE, status, closed))
		tmpl_show(tmpl_section(s, "CAN_REMOVE"), strcmp(status,
		    "left") == 0 ? "AS_CLOSE" : "AS_REMOVE");
	if (decide_ok(D_RESTORE, status, closed))
		tmpl_show(s, "CAN_RESTORE");
}

/*
 * The intake answers of the page's participants (ids first..last, in
 * order), each under its question: what organisers asked them to read.
 */
static struct db_rows *
answers_load(struct req *r, const struct prog *p, const struct db_rows *rows,
    size_t n)
{
	return db_query(r, "SELECT a.participant_id, q.prompt, a.answer FROM "
	    "programme_answers a JOIN programme_questions q ON q.id = "
	    "a.question_id AND q.programme_id = ? WHERE a.participant_id "
	    "BETWEEN ? AND ? ORDER BY a.participant_id, "
	    PROG_QUESTION_ORDER("q."),
	    "iii", p->id, db_get_int(rows, 0, "id"), db_get_int(rows, n - 1,
	    "id"));
}

/* Participant id's answers, from *k on in a (both in id order). */
static void
answers_fill(struct tdict *s, long long id, const struct db_rows *a,
    size_t *k)
{
	struct tdict *sec = NULL, *one;
	size_t n = 0;

	while (*k < a->nrows && db_get_int(a, *k, "participant_id") < id)
		(*k)++;
	for (; *k < a->nrows && db_get_int(a, *k, "participant_id") == id;
	    (*k)++, n++) {
		if (sec == NULL)
			sec = tmpl_section(s, "P_ANSWERS");
		one = tmpl_section(sec, "ANSWER");
		tmpl_set(one, "A_PROMPT", db_get(a, *k, "prompt"));
		tmpl_set(one, "A_TEXT", db_get(a, *k, "answer"));
	}
	if (sec != NULL)
		tmpl_set_int(sec, "N_ANSWERS", (long long)n);
}

/* Pending invitations, below the list of any status. */
static int
invited_fill(struct req *r, struct tdict *d, const struct prog *p,
    const struct fval *v)
{
	struct db_rows *rows;
	struct tdict *s;
	const char *like = prog_search_like(r, v[FF_Q].str);
	size_t i;

	rows = db_query(r, "SELECT email, role, sent_at FROM "
	    "programme_invitations WHERE programme_id = ? AND used_at IS NULL "
	    "AND declined_at IS NULL AND (? IS NULL OR role = ?) AND (? IS "
	    "NULL OR email LIKE ? ESCAPE '!') ORDER BY id DESC LIMIT 200",
	    "issss", p->id, v[FF_ROLE].str, v[FF_ROLE].str, like, like);
	if (rows == NULL)
		return -1;
	for (i = 0; i < rows->nrows; i++) {
		s = tmpl_section(d, "INVITED");
		tmpl_set(s, "I_EMAIL", db_get(rows, i, "email"));
		tmpl_set(s, "I_ROLE", strcmp(db_get(rows, i, "role"),
		    "mentor") == 0 ? "Mentor" : "Mentee");
		page_date(r, s, "I_SENT", db_get(rows, i, "sent_at"));
	}
	if (rows->nrows > 0)
		tmpl_show(d, "HAS_INVITED");
	return (int)rows->nrows;
}

/* The list as filtered by v, with error above it when not NULL. */
static void
participants_page(struct req *r, const struct prog *p, const struct fval *v,
    const char *error, int status)
{
	struct db_rows *rows, *answers = NULL;
	const struct db_rows *pairs = NULL;
	struct tdict *d, *list = NULL, *s;
	size_t i, n, k = 0, kp = 0;
	int invited = 0;

	if ((rows = participants_load(r, p, v)) == NULL)
		return;
	n = rows->nrows > LIST_PAGE ? LIST_PAGE : rows->nrows;
	if (n > 0 && ((answers = answers_load(r, p, rows, n)) == NULL ||
	    (pairs = mentor_pairs_load(r, p, v, rows, n)) == NULL))
		return;
	d = page_new(r, req_printf(r, "%s: participants", p->name),
	    "programmes_participants.tpl");
	prog_head(d, p, "Participants");
	page_form(d, filter_f, FF_N, v);
	if (error != NULL)
		tmpl_set(tmpl_section(d, "ERROR"), "MESSAGE", error);
	for (i = 0; i < n; i++) {
		if (list == NULL)
			list = tmpl_section(d, "LIST");
		s = tmpl_section(list, "PARTICIPANT");
		participant_fill(r, s, rows, i, pairs, &kp);
		answers_fill(s, db_get_int(rows, i, "id"), answers, &k);
	}
	if (rows->nrows > LIST_PAGE)
		tmpl_set(tmpl_section(d, "MORE"), "MORE_URL", list_url(r, p, v,
		    db_get(rows, n - 1, "id")));
	/* those not in yet: under "any" and "invited", on the first page */
	if ((v[FF_STATUS].str == NULL || strcmp(v[FF_STATUS].str, "invited")
	    == 0) && v[FF_AFTER].str == NULL &&
	    (invited = invited_fill(r, d, p, v)) == -1)
		return;
	if (n == 0 && invited == 0)	/* an empty filter: not an empty programme */
		tmpl_show(d, v[FF_ROLE].str != NULL || v[FF_STATUS].str !=
		    NULL || v[FF_Q].str != NULL ? "NONE_MATCH" : "NONE");
	page_send(r, status);
}

void
prog_participants(struct req *r)
{
	struct prog p;
	struct fval v[FF_N];

	if (prog_manage(r, &p) == -1)
		return;
	if (field_read(r, filter_f, FF_N, v) > 0)
		return page_error_msg(r, 400, "Choose a role and a status from "
		    "the filters on the page, and search with at most 254 "
		    "characters.");
	participants_page(r, &p, v, NULL, 200);
}

/* The decision of the form's word, which field_read took from actions[]. */
static size_t
decision_of(const char *action)
{
	size_t i;

	for (i = 0; i < D_N - 1; i++)
		if (strcmp(actions[i], action) == 0)
			break;
	return i;
}

/*
 * Decision a mailed to participant part_id (user uid), now in status
 * to. A decision may come again (removed, taken back in, removed): each
 * mail its own key, or the second would be taken for the first.
 */
static int
decide_mail(struct req *r, const struct prog *p, long long uid, size_t a,
    long long part_id, const char *to, const char *withdrawn)
{
	struct tdict *d = tmpl_dict_new("mail");
	int rc;

	tmpl_set(d, "PROG_NAME", p->name);
	if (withdrawn != NULL)	/* a removal's requests, ended with it */
		tmpl_set(tmpl_section(tmpl_section(d, decisions[a].mail),
		    "WITHDRAWN"), "LIST", withdrawn);
	tmpl_set(d, "LINK", req_printf(r, "%s/programmes/%s", cfg_base_url(),
	    p->slug));
	if (strcmp(to, "waiting") == 0)	/* within the decision's section */
		tmpl_show(tmpl_section(d, decisions[a].mail), "RESTORE_WAITING");
	else
		tmpl_show(d, decisions[a].mail);
	rc = mail_notify(r, "programme", uid, req_printf(r, "%s%s",
	    decisions[a].subject, p->name),
	    req_printf(r, "/programmes/%s", p->slug),
	    "mail/programme_decision", d, prog_once_key(r, req_printf(r,
	    "%s:%lld", actions[a], part_id)));
	tmpl_dict_free(d);
	return rc == -1 ? -1 : 0;
}

/*
 * The requests and proposals of participant uid (role) in programme p
 * that nobody answered yet: a locking read, which sees what committed
 * while the caller waited for its locks, whatever its snapshot.
 */
static struct db_rows *
requests_open(struct req *r, const struct prog *p, long long uid,
    const char *role)
{
	return db_query(r, strcmp(role, "mentee") == 0 ? "SELECT id, "
	    "proposed_by_programme FROM mentorships WHERE mentee_id = ? AND "
	    "programme_id = ? AND stage = 'requested' ORDER BY id FOR UPDATE" :
	    "SELECT id, proposed_by_programme FROM mentorships WHERE "
	    "mentor_id = ? AND programme_id = ? AND stage = 'requested' "
	    "ORDER BY id FOR UPDATE", "ii", uid, p->id);
}

/*
 * A place closed (removed, or left): the requests and proposals its
 * participant has in the programme, not yet answered, are withdrawn
 * with note (their pairs under way go on), so no mentor accepts a pair
 * with someone no longer in it. Withdrawn, not declined: neither party
 * said no, so the organisers may propose the pair again should the
 * person come back (SUGGEST_SAID_NO). The other party is told with the
 * note; *list says what was withdrawn, as the participant reads it, or
 * is NULL. Inside the caller's transaction: 0, or -1 db.
 */
int
prog_requests_withdraw(struct req *r, const struct prog *p, long long uid,
    const char *role, const char *note, const char **list)
{
	struct db_rows *q;
	struct mship m;
	const char *why, *what;
	int mentee = strcmp(role, "mentee") == 0;
	size_t i;
	int rc;

	*list = NULL;
	if ((q = requests_open(r, p, uid, role)) == NULL)
		return -1;
	for (i = 0; i < q->nrows; i++) {
		if ((rc = mship_load(r, db_get_int(q, i, "id"), &m)) == -1)
			return -1;
		if (rc != 0)
			continue;	/* deleted meanwhile */
		rc = stage_end(r, &m, STAGE_PROGRAMME, note, &why);
		if (rc == -1)
			return -1;
		if (rc != 0)
			continue;	/* answered meanwhile: nothing ended */
		what = db_get_int(q, i, "proposed_by_programme") ?
		    req_printf(r, "the pair proposed with %s", mentee ?
		    m.mentor_name : m.mentee_name) : mentee ?
		    req_printf(r, "your request to %s", m.mentor_name) :
		    req_printf(r, "%s's request", m.mentee_name);
		*list = *list == NULL ? what : req_printf(r, "%s; %s", *list,
		    what);
	}
	return 0;
}

/*
 * A decision, in a transaction that runs again after a deadlock or a
 * Galera certification failure (db_tx_run): it moves the programme's
 * version (sql/270), as its pairs' work and its joiners do meanwhile.
 * 0: decided; 1: no such participant; 2: their status refuses the
 * decision (status); 3: their account is closed.
 */
struct decide_w {
	const struct prog	*p;
	size_t			 a;	/* decisions[] */
	const char		*role, *status, *name;
	const char		*to;	/* the status it gave */
};

static int
decide_tx(struct req *r, void *arg)
{
	struct decide_w *w = arg;
	struct db_rows *row;
	const char *withdrawn = NULL;	/* a removal's: what went with it */
	long long uid;

	/*
	 * The place and its person's account, locked first: a request to or
	 * from them takes the account's lock (mentorships/request.c), so one
	 * made meanwhile is committed before the removal reads the open
	 * ones, and withdrawn with them (it outlived the place: found in a
	 * review)
	 */
	row = db_query(r, "SELECT p.user_id, p.role, p.status, u.display_name, "
	    "u.disabled_at IS NOT NULL AS closed FROM programme_participants p "
	    "JOIN users u ON u.id = p.user_id WHERE p.id = ? AND "
	    "p.programme_id = ? FOR UPDATE", "ii", r->id[1], w->p->id);
	if (row == NULL)
		return -1;
	if (row->nrows == 0)
		return 1;
	w->status = req_strdup(r, db_get(row, 0, "status"));
	w->name = req_strdup(r, db_get(row, 0, "display_name"));
	w->role = req_strdup(r, db_get(row, 0, "role"));
	if (!decide_ok(w->a, w->status, 0))
		return 2;
	if (!decide_ok(w->a, w->status, db_get_int(row, 0, "closed")))
		return 3;	/* a closed account */
	w->to = decision_to(w->p, w->a, w->role);
	uid = db_get_int(row, 0, "user_id");
	if (db_exec(r, "UPDATE programme_participants SET status = ?, "
	    "decided_at = UTC_TIMESTAMP(), decided_by = ? WHERE id = ?", "sii",
	    w->to, r->user.id, r->id[1]) < 0 || (w->a == D_REMOVE &&
	    prog_requests_withdraw(r, w->p, uid, w->role,
	    prog_withdrawn_note(r, w->p), &withdrawn) == -1) ||
	    decide_mail(r, w->p, uid, w->a, r->id[1], w->to, withdrawn) == -1)
		return -1;
	return 0;
}

void
prog_participant_post(struct req *r)
{
	struct prog p;
	struct fval v[DF_N];
	struct fval fv[FF_N];
	struct decide_w w = { &p, 0, NULL, NULL, NULL, NULL };
	int rc;

	if (prog_manage(r, &p) == -1)
		return;
	if (field_read(r, decide_f, DF_N, v) > 0)
		return page_error_msg(r, 400, "Choose approve, reject, remove "
		    "or restore.");
	/* the list's filters, to come back to them; a bad one is dropped */
	if (field_read(r, filter_f, FF_N, fv) > 0)
		memset(fv, 0, sizeof(fv));
	w.a = decision_of(v[DF_ACTION].str);
	if ((rc = db_tx_run(r, decide_tx, &w)) == 1)
		return page_error_msg(r, 404, "This person is not in the "
		    "programme.");
	/* decided meanwhile (another tab, another organiser): the list as
	 * it is now, saying so */
	if (rc == 2)
		return participants_page(r, &p, fv, req_printf(r, "%s cannot be "
		    "%s now: their place reads \"%s\". Nothing was changed.",
		    w.name, decisions[w.a].done, prog_status_label(w.role,
		    w.status)), 409);
	if (rc == 3)
		return participants_page(r, &p, fv, req_printf(r, "%s cannot be "
		    "%s: their account is closed. Nothing was changed.",
		    w.name, decisions[w.a].done), 409);
	if (rc != 0)
		return;
	/* by name: in a filtered list the row may be gone from view */
	resp_flash(r, strcmp(w.to, "waiting") == 0 ? req_printf(r, "%s is "
	    "back in the programme, waiting for approval as a mentor; they "
	    "have been told by e-mail.", w.name) : req_printf(r, "%s%s",
	    w.name, decisions[w.a].said));
	resp_redirect(r, list_url(r, &p, fv, NULL));
}
