/*
 * mentorships: the mentorship page's next step, one function a stage:
 * what this person does now, with its main button, and the conditions
 * of the moves the page asks once for the step and the forms alike.
 */
#include <string.h>

#include "mentorships.h"

/*
 * A move forward (not a request's answer, not a closing) whose condition
 * holds now: 1 yes, 0 no, -1 database down. Conditions of moves forward
 * only read; a move refused anyway is never offered. The page keeps the
 * answers of those that read the mentorship alone (show_make).
 */
int
mships_move_ready(struct req *r, const struct mship *m,
    const struct stage_rule *rl, struct asked *a)
{
	const char *why = NULL;
	size_t i;
	int rc;

	if (strcmp(rl->from, "requested") == 0 || rl->cond == NULL ||
	    strcmp(rl->to, "ended") == 0)
		return 1;
	/* kept: what reads the pair alone (stage_pair_cond) */
	for (i = 0; i < a->kept.nrows; i++)
		if (strcmp(db_get(&a->kept, i, "from_stage"), rl->from) == 0 &&
		    strcmp(db_get(&a->kept, i, "to_stage"), rl->to) == 0) {
			if (db_get_int(&a->kept, i, "ready") != 1)
				return 0;
			if (db_get_int(&a->kept, i, "whole") == 1)
				return 1;
			break;
		}
	for (i = 0; i < a->n; i++)
		if (a->cond[i] == rl->cond)
			return a->ready[i];
	rc = rl->cond(r, m, "", &why);
	if (rc == -1 || r->db_failed)
		return -1;
	if (a->n < ASKED_MAX) {
		a->cond[a->n] = rl->cond;
		a->ready[a->n++] = rc == 0;
	}
	return rc == 0;
}

/* A link the next step offers beside its main one. */
static void
next_also(struct tdict *n, const char *href, const char *label)
{
	struct tdict *a = tmpl_section(n, "ALSO");

	tmpl_set(a, "HREF", href);
	tmpl_set(a, "LABEL", label);
}

/* The next step's main action: a link, or a stage move (a form). */
static void
next_main(struct tdict *n, const char *href, const char *label)
{
	struct tdict *a = tmpl_section(n, "NEXT_LINK");

	tmpl_set(a, "HREF", href);
	tmpl_set(a, "LABEL", label);
}

/* The next step's main action as a stage move; returns the move's stage. */
static const char *
next_move(struct tdict *n, const struct mship *m, const char *to)
{
	const struct stage_rule *rl = stage_rule_find(m->stage, to, STAGE_EITHER);
	struct tdict *f = tmpl_section(n, "NEXT_FORM");

	tmpl_set(f, "TO", to);
	tmpl_set(f, "LABEL", rl != NULL ? rl->action : to);
	tmpl_set_int(f, "ID", m->id);
	return to;
}


/* The work of Cultivation: the room, the next meeting and milestone. */
static void
next_work(struct req *r, struct tdict *n, const struct mship *m,
    const struct db_rows *q, const struct show_counts *k, int main_link)
{
	long long unread = k->unread;
	const char *room = unread > 0 ? req_printf(r, "Open the room (%lld "
	    "unread)", unread) : "Open the room";

	if (main_link)
		next_main(n, req_printf(r, "/rooms/%lld", m->id), room);
	else
		next_also(n, req_printf(r, "/rooms/%lld", m->id), room);
	if (db_get(q, 0, "next_at") != NULL)
		next_also(n, mships_path(r, m, "/meetings"), req_printf(r,
		    "Next meeting: %s", page_time_text(r,
		    db_get(q, 0, "next_at"))));
	else
		next_also(n, mships_path(r, m, "/meetings"), "Plan a meeting");
	if (db_get(q, 0, "ms_title") != NULL)
		next_also(n, req_printf(r, "/mentorships/%lld/roadmap", m->id),
		    req_printf(r, "Next milestone: %s", db_get(q, 0,
		    "ms_title")));
	else if (k->ms_total == 0)
		next_also(n, req_printf(r, "/mentorships/%lld/roadmap", m->id),
		    "Apply a roadmap");
}

/* What the next step reads: the page's facts. */
struct next_in {
	const struct mship	*m;
	const struct db_rows	*q;	/* the page's facts */
	const struct show_counts *k;
	struct asked		*asked;	/* the conditions asked once */
	const char		*why;	/* what the contract lacks, or NULL */
	const char		*other;	/* the other party's name */
};

/* Initiation: finish the contract, then both agree to it. */
static const char *
next_initiation(struct req *r, struct tdict *n, const struct next_in *in)
{
	const struct mship *m = in->m;
	int mine, theirs;

	mine = db_get(in->q, 0, m->is_mentor ? "mentor_agreed_at" :
	    "mentee_agreed_at") != NULL;
	theirs = db_get(in->q, 0, m->is_mentor ? "mentee_agreed_at" :
	    "mentor_agreed_at") != NULL;
	if (mine && theirs) {
		tmpl_set(n, "TEXT", "You both agreed to the contract: "
		    "the deep work can start.");
		return next_move(n, m, "cultivation");
	}
	if (in->why != NULL) {
		tmpl_set(n, "TEXT", req_printf(r, "The contract is not "
		    "complete yet. %s", in->why));
		next_main(n, mships_path(r, m, "/contract"),
		    "Finish the contract");
	} else if (!mine) {
		tmpl_set(n, "TEXT", theirs ? req_printf(r, "%s agreed to the "
		    "contract; your agreement starts the work.", in->other) :
		    "The contract is complete. Read it once more and agree "
		    "to it.");
		next_main(n, mships_path(r, m, "/contract"),
		    "Read and agree to the contract");
	} else {
		tmpl_set(n, "TEXT", req_printf(r, "You agreed to the "
		    "contract. Waiting for %s to agree.", in->other));
		next_also(n, mships_path(r, m, "/contract"),
		    "Read the contract");
	}
	return NULL;
}

/* Cultivation: the work, the review when it nears, Separation once due. */
static const char *
next_cultivation(struct req *r, struct tdict *n, const struct next_in *in)
{
	const struct stage_rule *rl;
	const struct db_rows *q = in->q;
	long long days;
	int rc;

	rl = stage_rule_find("cultivation", "separation", STAGE_EITHER);
	if ((rc = mships_move_ready(r, in->m, rl, in->asked)) == -1)
		return "";
	if (rc == 1) {
		tmpl_set(n, "TEXT", db_get_int(q, 0, "open_goals") > 0 ?
		    "The review date has passed: time for the review and "
		    "Separation." : "Every goal has its outcome: move on to "
		    "Separation and the acknowledgment.");
		next_work(r, n, in->m, q, in->k, 0);
		return next_move(n, in->m, "separation");
	}
	/* (a review passed is the rule's, above, on the same date) */
	days = db_get_int(q, 0, "days_left");
	if (db_get(q, 0, "days_left") != NULL && days >= 0 && days <= 14) {
		tmpl_set(n, "TEXT", req_printf(r, "The review is %s: give "
		    "every goal its outcome.", days == 0 ? "today" :
		    req_printf(r, "in %lld day%s", days, days == 1 ? "" :
		    "s")));
		next_main(n, mships_path(r, in->m, "/review"),
		    "Review the goals");
		next_work(r, n, in->m, q, in->k, 0);
		return NULL;
	}
	tmpl_set(n, "TEXT", "The deep work: talk in the room, meet at your "
	    "cadence, follow the roadmap.");
	next_work(r, n, in->m, q, in->k, 1);
	return NULL;
}

/* Separation: the mentor acknowledges; then Redefinition or a new cycle. */
static const char *
next_separation(struct req *r, struct tdict *n, const struct next_in *in)
{
	const struct mship *m = in->m;

	if (db_get_int(in->q, 0, "acked")) {
		tmpl_set(n, "TEXT", "The goals achieved are acknowledged. Go "
		    "on as peers in Redefinition, or start a new cycle with a "
		    "new goal.");
		next_also(n, mships_path(r, m, "/contract"),
		    "Start a new cycle: add a goal");
		next_also(n, mships_path(r, m, "/record"),
		    "Record of achievement");
		return next_move(n, m, "redefinition");
	}
	if (m->is_mentor) {
		tmpl_set_int(tmpl_section(n, "NEXT_ACK"), "ID", m->id);
		tmpl_set(n, "TEXT", "As the mentor, acknowledge what was "
		    "achieved. It is recorded with the date.");
	} else
		tmpl_set(n, "TEXT", req_printf(r, "Waiting for %s to "
		    "acknowledge the goals achieved.", in->other));
	next_also(n, mships_path(r, m, "/review"), "The review");
	return NULL;
}

/*
 * Redefinition: a new cycle agreed is the next step, not the check-ins
 * (its button was left under "Other changes": found walking).
 */
static const char *
next_redefinition(struct req *r, struct tdict *n, const struct next_in *in)
{
	const struct stage_rule *rl;
	const struct mship *m = in->m;
	int rc = 0;

	rl = stage_rule_find("redefinition", "cultivation", STAGE_EITHER);
	if (rl != NULL && (rc = mships_move_ready(r, m, rl, in->asked)) == -1)
		return "";
	if (rc == 1) {
		tmpl_set(n, "TEXT", "You both agreed to the new contract: start "
		    "the new cycle's deep work.");
		return next_move(n, m, "cultivation");
	}
	if (db_get(in->q, 0, "next_checkin") != NULL)
		tmpl_set(n, "TEXT", req_printf(r, "Peers now. Next check-in "
		    "due %s. " MSHIP_NEW_CYCLE, page_date_text(r,
		    db_get(in->q, 0, "next_checkin"))));
	else
		tmpl_set(n, "TEXT", "Peers now: choose how often you check "
		    "in, and log each check-in. " MSHIP_NEW_CYCLE);
	next_main(n, "#checkin-h", "Log a check-in");
	/* the way back to Cultivation was only "change the contract" */
	next_also(n, mships_path(r, m, "/contract"), "Start a new cycle: add "
	    "a goal");
	next_also(n, req_printf(r, "/rooms/%lld", m->id), "Open the room");
	return NULL;
}

/* The next step of each stage of an open mentorship. */
static const struct {
	const char	*stage;
	const char	*(*fill)(struct req *, struct tdict *,
			    const struct next_in *);
} nexts[] = {
	{ "initiation",		next_initiation },
	{ "cultivation",	next_cultivation },
	{ "separation",		next_separation },
	{ "redefinition",	next_redefinition },
};

/*
 * What to do next, for this person at this stage (issue 21). Returns the
 * stage move it offers as its main button (show_actions leaves that one
 * out), NULL for none, or "" when the database failed. q: the page's
 * facts; why: what the contract still lacks (NULL: complete).
 */
const char *
mships_next(struct req *r, struct tdict *d, const struct mship *m,
    const struct db_rows *q, const struct show_counts *k,
    struct asked *asked_once, const char *why)
{
	struct next_in in = { m, q, k, asked_once, why,
	    m->is_mentor ? m->mentee_name : m->mentor_name };
	size_t i;

	if (!m->is_open)
		return NULL;
	for (i = 0; i < sizeof(nexts) / sizeof(nexts[0]); i++)
		if (mships_is(m, nexts[i].stage))
			return nexts[i].fill(r, tmpl_section(d, "NEXT"), &in);
	return NULL;	/* a request: its answers are the actions */
}
