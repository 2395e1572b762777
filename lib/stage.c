/*
 * stage: the transition table of docs/stages.md and the one function that
 * applies it. Conditions run inside the transaction, after the
 * mentorship row (and for an accept, the mentor's row) is locked, so
 * two people pressing buttons at once cannot both win.
 */
#include <stdlib.h>
#include <string.h>

#include "cohort.h"
#include "db.h"
#include "log.h"
#include "mail.h"
#include "page.h"
#include "sess.h"
#include "stage.h"
#include "tmpl.h"

static int	cond_room(struct req *, const struct mship *, const char *,
		    const char **);
static int	cond_note(struct req *, const struct mship *, const char *,
		    const char **);
static int	cond_question(struct req *, const struct mship *,
		    const char *, const char **);
static int	cond_agreed(struct req *, const struct mship *, const char *,
		    const char **);
static int	cond_reviewed(struct req *, const struct mship *,
		    const char *, const char **);
static int	cond_acknowledged(struct req *, const struct mship *,
		    const char *, const char **);
static int	cond_new_cycle(struct req *, const struct mship *,
		    const char *, const char **);
static int	cond_new_cycle_room(struct req *, const struct mship *,
		    const char *, const char **);
static int	cond_proposal(struct req *, const struct mship *,
		    const char *, const char **);

/* The endings outside the parties' rules: from every open stage. */
#define STAGE_ENDINGS(from) \
	{ from, "ended", STAGE_ADMIN, cond_note, "End the mentorship", \
	    "Your mentorship was ended by an administrator" }, \
	{ from, "ended", STAGE_DELETION, NULL, "Delete the account", \
	    "Your mentorship ended" }

const struct stage_rule stage_rules[] = {
	{ "requested", "initiation", STAGE_MENTOR, cond_room,
	    "Accept", "Your mentorship request was accepted" },
	{ "requested", "requested", STAGE_EITHER, cond_question,
	    "Send", "A question about your mentorship request" },
	{ "requested", "declined", STAGE_MENTOR, NULL,
	    "Decline", "Your mentorship request was declined" },
	{ "requested", "withdrawn", STAGE_MENTEE, NULL,
	    "Withdraw the request", "A mentorship request was withdrawn" },
	{ "requested", "expired", STAGE_SYSTEM, NULL,
	    "Expire", "Your mentorship request expired" },
	{ "initiation", "cultivation", STAGE_EITHER, cond_agreed,
	    "Start Cultivation", "Your mentorship moved to Cultivation" },
	{ "cultivation", "separation", STAGE_EITHER, cond_reviewed,
	    "Move to Separation", "Your mentorship moved to Separation" },
	{ "separation", "redefinition", STAGE_EITHER, cond_acknowledged,
	    "Move to Redefinition", "Your mentorship moved to Redefinition" },
	{ "separation", "cultivation", STAGE_EITHER, cond_new_cycle,
	    "Start a new Cultivation cycle",
	    "Your mentorship is back in Cultivation" },
	/* Redefinition takes no place: coming back needs a free one */
	{ "redefinition", "cultivation", STAGE_EITHER, cond_new_cycle_room,
	    "Start a new Cultivation cycle",
	    "Your mentorship is back in Cultivation" },
	{ "initiation", "ended", STAGE_EITHER, cond_note,
	    "End the mentorship", "Your mentorship was ended" },
	{ "cultivation", "ended", STAGE_EITHER, cond_note,
	    "End the mentorship", "Your mentorship was ended" },
	{ "separation", "ended", STAGE_EITHER, cond_note,
	    "End the mentorship", "Your mentorship was ended" },
	{ "redefinition", "ended", STAGE_EITHER, cond_note,
	    "End the mentorship", "Your mentorship was ended" },
	STAGE_ENDINGS("requested"),
	STAGE_ENDINGS("initiation"),
	STAGE_ENDINGS("cultivation"),
	STAGE_ENDINGS("separation"),
	STAGE_ENDINGS("redefinition"),
	/*
	 * The programme's organisers withdraw a request: what a party they
	 * removed asked or was proposed for (pairs under way go on), or a
	 * pair they proposed and changed their minds about. Withdrawn, not
	 * ended: it never began, and the dashboard counts it so.
	 */
	{ "requested", "withdrawn", STAGE_PROGRAMME, NULL,
	    "Remove from the programme", "A mentorship request was withdrawn" },
	{ "requested", "withdrawn", STAGE_TAKEN_BACK, cond_proposal,
	    "Take back the proposal", "A proposed pair was withdrawn" },
};
const size_t stage_nrules = sizeof(stage_rules) / sizeof(stage_rules[0]);

/* The endings by a programme's organisers: told to those still in it. */
int
stage_by_programme(enum stage_who who)
{
	return who == STAGE_PROGRAMME || who == STAGE_TAKEN_BACK;
}

/* One who left the programme, or an organiser who is a party. */
int
stage_by_leaver(const struct req *r, const struct mship *m,
    const struct stage_rule *rl)
{
	return stage_by_programme(rl->who) && r->user.id > 0 &&
	    (r->user.id == m->mentor_id || r->user.id == m->mentee_id);
}

/* The endings by an admin, a deletion or a programme: no party's choice. */
int
stage_by_outsider(enum stage_who who)
{
	return who == STAGE_ADMIN || who == STAGE_DELETION ||
	    stage_by_programme(who);
}

const struct stage_rule *
stage_rule_find(const char *from, const char *to, enum stage_who by)
{
	const struct stage_rule *rl;
	size_t i;

	if (from == NULL || to == NULL)
		return NULL;
	for (i = 0; i < stage_nrules; i++) {
		rl = &stage_rules[i];
		if (strcmp(rl->from, from) == 0 && strcmp(rl->to, to) == 0 &&
		    (stage_by_outsider(rl->who) ? rl->who == by : !stage_by_outsider(by)))
			return rl;
	}
	return NULL;
}

int
stage_actor_ok(const struct req *r, const struct mship *m,
    const struct stage_rule *rule)
{
	if (rule->who == STAGE_SYSTEM)
		return r->user.id == 0;
	if (r->user.id == 0 || stage_by_outsider(rule->who))
		return 0;
	switch (rule->who) {
	case STAGE_MENTOR:
		return r->user.id == m->mentor_id;
	case STAGE_MENTEE:
		return r->user.id == m->mentee_id;
	default:
		return r->user.id == m->mentor_id ||
		    r->user.id == m->mentee_id;
	}
}

stage_cond_fn
stage_pair_cond(const struct stage_rule *rl, int *whole)
{
	*whole = 1;
	if (rl->cond == cond_room)
		return NULL;
	if (rl->cond == cond_new_cycle_room) {
		*whole = 0;
		return cond_new_cycle;
	}
	return rl->cond;
}

int
stage_counts_capacity(const char *s)
{
	return mship_stage_in(STAGES_CAPACITY, s);
}

int
stage_mentor_has_room(struct req *r, long long mentor_id)
{
	struct db_rows *rows;

	rows = db_query(r, "SELECT u.is_mentor, u.capacity, "
	    "(SELECT COUNT(*) FROM mentorships m WHERE m.mentor_id = u.id "
	    "AND m.stage IN (" STAGES_CAPACITY ")) AS taken "
	    "FROM users u WHERE u.id = ?", "i", mentor_id);
	if (rows == NULL)
		return -1;
	if (rows->nrows == 0)
		return 0;
	return db_get_int(rows, 0, "taken") < db_get_int(rows, 0, "capacity");
}

int
stage_table_exists(struct req *r, const char *name)
{
	/* only "yes" is cached: another migration may add it any minute */
	static char known[8][48];
	const char *v;
	size_t i;

	for (i = 0; i < 8; i++)
		if (strcmp(known[i], name) == 0)
			return 1;
	v = db_value(r, "SELECT COUNT(*) FROM information_schema.tables "
	    "WHERE table_schema = DATABASE() AND table_name = ?", "s", name);
	if (v == NULL || strcmp(v, "0") == 0)
		return 0;
	for (i = 0; i < 8; i++)
		if (known[i][0] == '\0' && strlen(name) < sizeof(known[i])) {
			memcpy(known[i], name, strlen(name) + 1);
			break;
		}
	return 1;
}

static int
cond_note(struct req *r, const struct mship *m, const char *note,
    const char **why)
{
	(void)r;
	(void)m;
	if (note == NULL || *note == '\0') {
		*why = "Give a reason for ending the mentorship.";
		return STAGE_NOTE_MISSING;
	}
	return 0;
}

/* Only what the programme proposed is its organisers' to take back. */
static int
cond_proposal(struct req *r, const struct mship *m, const char *note,
    const char **why)
{
	struct cohort_proposal cp;

	(void)note;
	if (cohort_proposal(r, m->id, &cp) == -1)
		return -1;
	if (cp.name != NULL)
		return 0;
	*why = "The mentee asked for this pair themselves: only the mentor's "
	    "answer or the mentee's withdrawal ends it.";
	return 1;
}

int
stage_question_open(struct req *r, const struct mship *m)
{
	struct db_rows *q;

	q = db_query(r, "SELECT " STAGE_ASKED("e", "?") " AS asked FROM "
	    "stage_events e WHERE e.mentorship_id = ? ORDER BY e.id DESC "
	    "LIMIT 1", "ii", m->mentor_id, m->id);
	if (q == NULL)
		return -1;
	return q->nrows == 1 && db_get_int(q, 0, "asked") == 1;
}

/* Turns, not a free channel: each question mails once, each answer too. */
static int
cond_question(struct req *r, const struct mship *m, const char *note,
    const char **why)
{
	int open = stage_question_open(r, m);

	if (open == -1)
		return -1;
	if (r->user.id == m->mentor_id && open)
		return *why = "Your question waits for the mentee's answer; "
		    "you can ask again once they have answered.", 1;
	if (r->user.id != m->mentor_id && !open)
		return *why = "There is no question to answer: the mentor asks, "
		    "and each question takes one answer.", 1;
	if (note == NULL || *note == '\0') {
		*why = r->user.id == m->mentor_id ?
		    "Write the question you want the mentee to answer." :
		    "Write your answer for the mentor.";
		return STAGE_NOTE_MISSING;
	}
	return 0;
}

/*
 * Locks the mentor's row (after the mentorship's), so two moves that
 * each take a place cannot both fit in the last one. What closes a place
 * (leaving, a removal, an account deleted) locks the account first and
 * its pairs after, in stage_end: the two orders may meet in a deadlock,
 * which InnoDB breaks at once and db_tx_run runs again. Then
 * whether a place is free: 1, 0, or -1. The first plain read of the
 * transaction must come after it (see cond_new_cycle_room).
 */
static int
mentor_room_locked(struct req *r, const struct mship *m)
{
	struct db_rows *p;

	if (db_query(r, "SELECT id FROM users WHERE id = ? FOR UPDATE", "i",
	    m->mentor_id) == NULL)
		return -1;
	/*
	 * A programme's pair takes one of the places the mentor offered
	 * that programme (cohort.h), not one of the directory's: a mentor
	 * who came through an invitation may never have offered any there.
	 * The others: its places taken, this pair left out.
	 */
	p = db_query(r, "SELECT pp.status = 'active' AND " COHORT_TAKEN(
	    "m.programme_id", "m.mentor_id") " - (m.stage IN ('requested',"
	    STAGES_CAPACITY ")) < COALESCE(pp.capacity, 0) AS has_room "
	    "FROM mentorships m "
	    "LEFT JOIN programme_participants pp ON pp.programme_id = "
	    "m.programme_id AND pp.user_id = m.mentor_id AND pp.role = "
	    "'mentor' WHERE m.id = ? AND m.programme_id IS NOT NULL", "i",
	    m->id);
	if (p == NULL)
		return -1;
	if (p->nrows > 0)
		return db_get_int(p, 0, "has_room") == 1;
	return stage_mentor_has_room(r, m->mentor_id);
}

static int
cond_room(struct req *r, const struct mship *m, const char *note,
    const char **why)
{
	const char *v;
	int room;

	(void)note;
	if ((room = mentor_room_locked(r, m)) == -1)
		return -1;
	v = db_value(r, "SELECT email_verified_at IS NOT NULL FROM users "
	    "WHERE id = ?", "i", m->mentee_id);
	if (v == NULL)
		return -1;
	if (strcmp(v, "1") != 0) {
		*why = "The mentee has not confirmed their e-mail address yet.";
		return 1;
	}
	if (!room) {
		*why = "You are at your mentoring capacity: end or finish a "
		    "mentorship, or raise your capacity in your settings, "
		    "before accepting another.";
		return 1;
	}
	return 0;
}

size_t
stage_contract_missing(struct req *r, const struct mship *m,
    const char **why, size_t max, int *failed)
{
	struct db_rows *c;
	long long nnew, nopen, nall;
	size_t n = 0;
	int first;

	*failed = 0;
	/* passed for the pair: for both of them (mship_pair_today) */
	c = db_query(r, "SELECT ground_rules, cadence, channels, review_date, "
	    "review_date < ? AS review_past, stage, "
	    "(SELECT COUNT(*) FROM goals g WHERE g.mentorship_id = m.id "
	    " AND g.version > m.contract_version) AS nnew, "
	    "(SELECT COUNT(*) FROM goals g WHERE g.mentorship_id = m.id "
	    " AND g.version <= m.contract_version AND g.status = 'open') "
	    "AS nopen, "
	    "(SELECT COUNT(*) FROM goals g WHERE g.mentorship_id = m.id) AS nall "
	    "FROM mentorships m WHERE m.id = ?", "si", mship_pair_today(r, m),
	    m->id);
	if (c == NULL || c->nrows == 0)
		return *failed = 1, 0;
#define MISSING(s)	do { if (n < max) why[n++] = (s); } while (0)
	nnew = db_get_int(c, 0, "nnew");
	nopen = db_get_int(c, 0, "nopen");
	nall = db_get_int(c, 0, "nall");
	first = strcmp(db_get(c, 0, "stage"), "initiation") == 0;
	if (db_get(c, 0, "ground_rules") == NULL ||
	    *db_get(c, 0, "ground_rules") == '\0')
		MISSING("Write the ground rules first.");
	if (db_get(c, 0, "cadence") == NULL)
		MISSING("Choose a meeting cadence first.");
	if (db_get(c, 0, "channels") == NULL ||
	    *db_get(c, 0, "channels") == '\0')
		MISSING("Choose at least one way to communicate.");
	if (db_get(c, 0, "review_date") == NULL)
		MISSING("Save the contract to set its review date: the one in "
		    "the form is only proposed until it is saved.");
	else if (db_get_int(c, 0, "review_past"))
		MISSING("The review date is in the past: choose a later one.");
	if (first && nall < STAGE_GOALS_MIN)
		MISSING("The contract needs at least 3 goals (3 to 5).");
	else if (first && nall > STAGE_GOALS_MAX)
		MISSING("The contract holds at most 5 goals (3 to 5): remove "
		    "some.");
	else if (!first && nnew < 1)
		MISSING("Add at least one new goal for the next cycle.");
	else if (!first && nnew + nopen > STAGE_GOALS_MAX)
		MISSING("A new cycle holds 1 to 5 goals (new ones plus open "
		    "ones carried over): remove some.");
#undef MISSING
	return n;
}

int
stage_contract_complete(struct req *r, const struct mship *m,
    const char **why)
{
	int failed;

	if (stage_contract_missing(r, m, why, 1, &failed) > 0)
		return 1;
	return failed ? -1 : 0;
}

static int
cond_agreed(struct req *r, const struct mship *m, const char *note,
    const char **why)
{
	struct db_rows *c;
	int rc;

	(void)note;
	if ((rc = stage_contract_complete(r, m, why)) != 0)
		return rc;
	c = db_query(r, "SELECT mentor_agreed_at IS NOT NULL AND "
	    "mentee_agreed_at IS NOT NULL AND contract_version > 0 AS agreed "
	    "FROM mentorships WHERE id = ?", "i", m->id);
	if (c == NULL || c->nrows == 0)
		return -1;
	if (!db_get_int(c, 0, "agreed"))
		return *why = "Both of you must agree to the contract before "
		    "Cultivation starts.", 1;
	return 0;
}

static int
cond_reviewed(struct req *r, const struct mship *m, const char *note,
    const char **why)
{
	struct db_rows *c;

	(void)note;
	/*
	 * Passed for the pair, as the contract's rule reads it: by the
	 * mover's own date, a partner a day ahead took the other's review
	 * day from them (Separation without outcomes on it).
	 */
	c = db_query(r, "SELECT (SELECT COUNT(*) FROM goals g WHERE "
	    "g.mentorship_id = m.id AND g.status = 'open') AS nopen, "
	    "m.review_date IS NOT NULL AND m.review_date < ? "
	    "AS review_past, "
	    "(SELECT COUNT(*) FROM goals g WHERE g.mentorship_id = m.id) AS nall "
	    "FROM mentorships m WHERE m.id = ?", "si", mship_pair_today(r, m),
	    m->id);
	if (c == NULL || c->nrows == 0)
		return -1;
	if ((db_get_int(c, 0, "nopen") > 0 || db_get_int(c, 0, "nall") == 0) &&
	    !db_get_int(c, 0, "review_past"))
		return *why = "Every goal needs a review outcome before "
		    "Separation (or the review date must have passed): "
		    "record the outcomes on the review page.", 1;
	return 0;
}

static int
cond_acknowledged(struct req *r, const struct mship *m, const char *note,
    const char **why)
{
	const char *v;

	(void)note;
	v = db_value(r, "SELECT " MSHIP_ACKED("m") " FROM mentorships m "
	    "WHERE m.id = ?", "i", m->id);
	if (v == NULL)
		return -1;
	if (strcmp(v, "1") != 0)
		return *why = "The mentor has not acknowledged the goals "
		    "achieved yet.", 1;
	return 0;
}

/*
 * Where a pair meets rule rl's condition: the path under the mentorship
 * and its link's words, or NULL (a condition met nowhere in particular).
 */
const char *
stage_cond_place(const struct stage_rule *rl, const char **label)
{
	if (rl->cond == cond_reviewed || rl->cond == cond_acknowledged)
		return *label = "Open the review page", "/review";
	if (rl->cond == cond_agreed || rl->cond == cond_new_cycle ||
	    rl->cond == cond_new_cycle_room)
		return *label = "Open the contract", "/contract";
	return NULL;
}

static int
cond_new_cycle(struct req *r, const struct mship *m, const char *note,
    const char **why)
{
	struct db_rows *c;

	(void)note;
	/*
	 * a goal of a version newer than the one this stage began with, and
	 * that version agreed by both (numbers, not times: actions within
	 * one second must not count for the stage before)
	 */
	c = db_query(r, "SELECT (SELECT COUNT(*) FROM goals g WHERE "
	    "g.mentorship_id = m.id AND g.version > m.cycle_version) AS nnew, "
	    "m.mentor_agreed_at IS NOT NULL AND m.mentee_agreed_at IS NOT NULL "
	    "AND m.contract_version > m.cycle_version AS agreed "
	    "FROM mentorships m WHERE m.id = ?", "i", m->id);
	if (c == NULL || c->nrows == 0)
		return -1;
	if (db_get_int(c, 0, "nnew") < 1)
		return *why = "A new cycle needs at least one new goal: add "
		    "it to the contract first.", 1;
	if (!db_get_int(c, 0, "agreed"))
		return *why = "Both of you must agree to the new contract "
		    "version before going back to Cultivation.", 1;
	return 0;
}

/*
 * Back from Redefinition (which takes no place) to Cultivation (which
 * does): refused while the mentor's places are all taken, so no mentor
 * is ever over capacity (docs/stages.md, "Capacity").
 */
static int
cond_new_cycle_room(struct req *r, const struct mship *m, const char *note,
    const char **why)
{
	int room, rc;

	/*
	 * the mentor's lock before any plain read: the transaction's
	 * snapshot is taken by its first one, and must see every move that
	 * committed before the lock was ours
	 */
	if ((room = mentor_room_locked(r, m)) == -1)
		return -1;
	if ((rc = cond_new_cycle(r, m, note, why)) != 0)
		return rc;
	if (!room)
		return *why = r->user.id == m->mentor_id ? "You are at your "
		    "mentoring capacity: a new Cultivation cycle can start "
		    "when one of your places frees up, or when you raise "
		    "your capacity in your settings." : req_printf(r, "%s is "
		    "at their mentoring capacity: a new Cultivation cycle can "
		    "start when one of their places frees up, or when they "
		    "raise their capacity.", m->mentor_name), 1;
	return 0;
}

int
stage_lock(struct req *r, struct mship *m)
{
	struct db_rows *cur;

	cur = db_query(r, "SELECT stage FROM mentorships WHERE id = ? "
	    "FOR UPDATE", "i", m->id);
	if (cur == NULL)
		return -1;
	if (cur->nrows == 0)
		return 404;
	m->stage = db_get(cur, 0, "stage");
	m->is_open = mship_stage_open(m->stage);
	return 0;
}

/* One move as stage_move and stage_end ask for it. */
struct move {
	struct mship	*m;
	const char	*to;
	const char	*note;
	enum stage_who	 by;	/* STAGE_EITHER: a party's or the system's */
	const char	*seen;	/* the stage the party acted on */
	const char	*why;
	const char	*prog;	/* an answer to a proposal: its programme */
	const char	*actor;	/* the event's actor_id, as written */
	long long	 event;	/* the event written, by id */
};


/*
 * Why r->user may not make this move at all (403), or NULL. A party's
 * move is checked against the stage they saw; the endings by an admin or
 * a deletion take the stage as it is under the lock.
 */
static const char *
move_forbidden(struct req *r, const struct mship *m, const char *to,
    enum stage_who by)
{
	if (by == STAGE_ADMIN)
		return r->user.admin ? NULL : "Only an administrator can do "
		    "this.";
	if (by == STAGE_DELETION)
		return m->is_party ? NULL : "Only the two people in a "
		    "mentorship can change it.";
	if (stage_by_programme(by))	/* the caller checked the organiser */
		return NULL;
	if (r->user.id != 0 && !m->is_party)
		return "Only the two people in a mentorship can change it.";
	if (r->user.id != 0 && !r->user.verified &&
	    strcmp(to, "initiation") == 0)
		return "Confirm your e-mail address first: the link is in the "
		    "mail we sent you.";
	return NULL;
}

/*
 * The refusal of a move to the stage the mentorship is in already: the
 * other party (or another tab) made it first, and the page says who and
 * when, not "a mentorship in Cultivation cannot move to Cultivation".
 * NULL when the database failed.
 */
static const char *
already_there(struct req *r, const struct mship *m)
{
	struct db_rows *e;
	const char *who;

	e = db_query(r, "SELECT e.actor_id, e.created_at, u.display_name "
	    "FROM stage_events e LEFT JOIN users u ON u.id = e.actor_id "
	    "WHERE e.mentorship_id = ? AND e.to_stage = ? ORDER BY e.id DESC "
	    "LIMIT 1", "is", m->id, m->stage);
	if (e == NULL)
		return NULL;
	if (e->nrows == 0 || db_get(e, 0, "display_name") == NULL)
		return req_printf(r, "This mentorship is in %s already.",
		    mship_stage_label(m->stage));
	who = db_get_int(e, 0, "actor_id") == r->user.id ? "You" :
	    db_get(e, 0, "display_name");
	return req_printf(r, "This mentorship is in %s already: %s moved it "
	    "there on %s.", mship_stage_label(m->stage), who,
	    page_time_text(r, db_get(e, 0, "created_at")));
}

/*
 * A mentorship closing cancels the meetings it had still to come, as a
 * party's cancel does (MSHIP_MEETINGS_CANCEL): they leave the meetings
 * page's plans and the reminders, and both calendar feeds mark them
 * cancelled. An ended pair's, or a deleted account's, stayed planned
 * (found walking). *ids: which (comma-separated, NULL none), for the
 * stage's mail, whose calendar takes them out of a calendar that took
 * them from mail (stage_mail). 0, or -1.
 */
static int
move_cancel_meetings(struct req *r, const struct mship *m, const char **ids)
{
	long long by = r->user.id;

	if (db_exec(r, MSHIP_MEETINGS_CANCEL "mentorship_id = ? AND starts_at "
	    "> UTC_TIMESTAMP()", "ii", by > 0 ? by : 0LL, m->id) < 0)
		return -1;
	/* those copied, whatever the clock says by now: read as they are
	 * (a locking read), not as the transaction's first read saw them */
	*ids = db_value(r, "SELECT GROUP_CONCAT(x.id) FROM meetings_cancelled x "
	    "JOIN meetings g ON g.id = x.id WHERE g.mentorship_id = ? FOR UPDATE",
	    "i", m->id);
	if (r->db_failed || db_exec(r, "DELETE g FROM meetings g JOIN "
	    "meetings_cancelled x ON x.id = g.id WHERE g.mentorship_id = ?", "i",
	    m->id) < 0)
		return -1;
	return 0;
}

/* The move under the mentorship's lock; db_tx_run's body. */
static int
move_tx(struct req *r, void *arg)
{
	struct move *mv = arg;
	struct mship *m = mv->m;
	const struct stage_rule *rl;
	struct cohort_proposal cp;
	const char *cancelled = NULL;	/* meetings, by id */
	long long ev;
	int rc;

	if ((rc = stage_lock(r, m)) != 0)
		return rc;	/* 404: deleted since it was loaded */
	if (mv->by == STAGE_EITHER && strcmp(mv->seen, m->stage) != 0)
		return mv->why = "Someone changed this mentorship a moment "
		    "ago: look at its new stage.", 409;
	/* closed: say so, not "a mentorship in Withdrawn cannot move" */
	if ((rl = stage_rule_find(m->stage, mv->to, mv->by)) == NULL &&
	    m->is_open && strcmp(m->stage, mv->to) == 0)
		return (mv->why = already_there(r, m)) == NULL ? -1 : 409;
	if (rl == NULL)
		return mv->why = !m->is_open ? req_printf(r, "This mentorship "
		    "is closed already (%s): nothing can change it now.",
		    mship_stage_label(m->stage)) : req_printf(r, "A mentorship "
		    "in %s cannot move to %s.", mship_stage_label(m->stage),
		    mship_stage_label(mv->to)), 409;
	if (mv->by == STAGE_EITHER && !stage_actor_ok(r, m, rl))
		return mv->why = rl->who == STAGE_SYSTEM ?
		    "Only Menteo itself expires a request (after 14 days)." :
		    rl->who == STAGE_MENTOR ? "Only the mentor can do this." :
		    "Only the mentee can do this.", 409;
	if (rl->cond != NULL && (rc = rl->cond(r, m, mv->note, &mv->why)) != 0)
		return rc == -1 ? -1 : rc == STAGE_NOTE_MISSING ? 422 : 409;
	if (strcmp(rl->from, rl->to) != 0 && db_exec(r,
	    "UPDATE mentorships SET stage = ?, stage_changed_at = "
	    "UTC_TIMESTAMP(), cycle_version = contract_version "
	    "WHERE id = ? AND stage = ?", "sis", rl->to,
	    m->id, rl->from) != 1)
		return -1;
	/* closing: its meetings to come, and a contract's held "agree
	 * again" mail, which would reach the other party after the end */
	if (!mship_stage_open(rl->to) && (move_cancel_meetings(r, m,
	    &cancelled) == -1 ||
	    mship_change_take_back(r, m, 0, 0) == -1))
		return -1;
	mv->actor = r->user.id > 0 && rl->who != STAGE_DELETION ?
	    req_printf(r, "%lld", r->user.id) : NULL;
	/* written as the rule applied: an organiser may be a party too */
	if (db_exec(r, "INSERT INTO stage_events (mentorship_id, from_stage, "
	    "to_stage, actor_id, by_outsider, note, created_at) VALUES (?, ?, "
	    "?, ?, ?, ?, UTC_TIMESTAMP())", "isssis", m->id, rl->from, rl->to,
	    mv->actor, (long long)(stage_by_outsider(rl->who) ||
	    rl->who == STAGE_SYSTEM), mv->note) != 1)
		return -1;
	mv->event = ev = db_last_id();
	/* an answer to a programme's proposal is worded as one, and told */
	memset(&cp, 0, sizeof(cp));
	if (strcmp(rl->from, "requested") == 0 &&
	    cohort_proposal(r, m->id, &cp) == -1)
		return -1;
	mv->prog = cp.name;
	if (stage_mail(r, m, rl, mv->note, ev, &cp, cancelled) == -1 ||
	    (!stage_by_programme(rl->who) &&	/* their own doing */
	    cohort_tell_organisers(r, m, &cp, rl->to, ev) == -1))
		return -1;
	m->stage = rl->to;
	m->is_open = mship_stage_open(rl->to);
	return 0;
}

/*
 * Whether the move committed is read back, not taken from COMMIT's OK:
 * on Galera a transaction that a conflicting write from another node
 * aborts (a BF abort) can still be answered OK (issue 24: two parties
 * moving one request through two nodes were both told so, and one
 * event was written). The event the move wrote, looked for by its id
 * after this node applied what the cluster committed (db_sync_wait),
 * says who won: 0 ours, 409 another's (m->stage is the stage now), -1
 * db. Not the newest event: a move made by another after ours, between
 * our commit and this read, is no loss of ours (an administrator's
 * ending told a party their move had been refused, and it stood). Its
 * stage and actor as well as its id: ids are the node's own only while
 * wsrep_auto_increment_control gives each node its offset (docs/admin.md).
 */
static int
move_confirm(struct req *r, struct move *mv)
{
	struct mship *m = mv->m;
	struct db_rows *q;
	const char *to = m->stage;

	q = db_query(r, "SELECT m.stage, EXISTS (SELECT 1 FROM stage_events "
	    "e WHERE e.id = ? AND e.mentorship_id = m.id AND e.to_stage = ? "
	    "AND e.actor_id <=> ?) AS ours FROM mentorships m WHERE m.id = ?",
	    "issi", mv->event, to, mv->actor, m->id);
	if (q == NULL)
		return -1;
	if (q->nrows == 0)
		return 404;	/* deleted since */
	if (db_get_int(q, 0, "ours"))
		return 0;
	m->stage = db_get(q, 0, "stage");
	m->is_open = mship_stage_open(m->stage);
	log_err("stage: mentorship %lld: the move to %s was answered as "
	    "committed, but its event is not there: another's move won",
	    m->id, to);
	mv->why = "Someone changed this mentorship a moment ago: look at "
	    "its new stage.";
	return 409;
}

/* A move in the caller's transaction, or in one of its own. */
static int
move(struct req *r, struct mship *m, const char *to, enum stage_who by,
    const char *note, const char **why, const char **prog)
{
	struct move mv = { m, to, note, by, m->stage, NULL, NULL, NULL, 0 };
	int rc;

	*why = NULL;
	if (prog != NULL)
		*prog = NULL;
	if (mv.note != NULL && *mv.note == '\0')
		mv.note = NULL;
	if ((*why = move_forbidden(r, m, to, by)) != NULL)
		return 403;
	/* refused, m->stage is the stage as it is now: the page shows it */
	if (r->in_tx)
		rc = move_tx(r, &mv);	/* the caller commits */
	else if ((rc = db_tx_run(r, move_tx, &mv)) == 0)
		rc = move_confirm(r, &mv);
	if (rc == -1)
		r->db_failed = 1;
	*why = mv.why;
	if (prog != NULL && rc == 0)
		*prog = mv.prog;
	return rc;
}

int
stage_move(struct req *r, struct mship *m, const char *to, const char *note,
    const char **why, const char **prog)
{
	return move(r, m, to, STAGE_EITHER, note, why, prog);
}

int
stage_end(struct req *r, struct mship *m, enum stage_who by,
    const char *note, const char **why)
{
	if (!stage_by_outsider(by))
		return *why = "Only an administrator's, a deletion's or a "
		    "programme's ending goes this way.", 403;
	return move(r, m, stage_by_programme(by) ? "withdrawn" : "ended", by, note,
	    why, NULL);
}

const char *
stage_calendar_url(struct req *r)
{
	const char *s = r->user.calendar;	/* the session's user row */
	char tok[SESS_TOKEN_LEN + 1];

	if (s != NULL)
		return req_printf(r, "/calendar/%s.ics", s);
	/* made on first view of the link, never shown before it exists */
	sess_token(tok);
	if (db_exec(r, "UPDATE users SET calendar_secret = ? WHERE id = ? AND "
	    "calendar_secret IS NULL", "si", tok, r->user.id) == -1)
		return NULL;
	s = db_value(r, "SELECT calendar_secret FROM users WHERE id = ?", "i",
	    r->user.id);
	if (s != NULL)
		r->user.calendar = s;
	return s != NULL ? req_printf(r, "/calendar/%s.ics", s) : NULL;
}
