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
};
const size_t stage_nrules = sizeof(stage_rules) / sizeof(stage_rules[0]);

/* The endings by an admin or a deletion are no party's to choose. */
static int
rule_by_party(const struct stage_rule *rl)
{
	return rl->who != STAGE_ADMIN && rl->who != STAGE_DELETION;
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
		    (rule_by_party(rl) ? !(by == STAGE_ADMIN ||
		    by == STAGE_DELETION) : rl->who == by))
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
	if (r->user.id == 0 || !rule_by_party(rule))
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
	    "AND m.stage IN (" STAGES_CAPACITY ")) "
	    "FROM users u WHERE u.id = ?", "i", mentor_id);
	if (rows == NULL)
		return -1;
	if (rows->nrows == 0)
		return 0;
	return db_int(rows, 0, 2) < db_int(rows, 0, 1);
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
		return 1;
	}
	return 0;
}

int
stage_question_open(struct req *r, const struct mship *m)
{
	struct db_rows *q;

	q = db_query(r, "SELECT from_stage <=> to_stage AND actor_id <=> ? "
	    "AS asked FROM stage_events WHERE mentorship_id = ? ORDER BY id "
	    "DESC LIMIT 1", "ii", m->mentor_id, m->id);
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
		return 1;
	}
	return 0;
}

/*
 * Locks the mentor's row (after the mentorship's: the one order), so two
 * moves that each take a place cannot both fit in the last one; then
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
	    STAGES_CAPACITY ")) < COALESCE(pp.capacity, 0) FROM mentorships m "
	    "LEFT JOIN programme_participants pp ON pp.programme_id = "
	    "m.programme_id AND pp.user_id = m.mentor_id AND pp.role = "
	    "'mentor' WHERE m.id = ? AND m.programme_id IS NOT NULL", "i",
	    m->id);
	if (p == NULL)
		return -1;
	if (p->nrows > 0)
		return db_int(p, 0, 0) == 1;
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

int
stage_contract_complete(struct req *r, const struct mship *m,
    const char **why)
{
	struct db_rows *c;
	long long cv, nnew, nopen, nall;
	int first;

	c = db_query(r, "SELECT ground_rules, cadence, channels, review_date, "
	    "review_date < UTC_DATE(), contract_version, stage, "
	    "(SELECT COUNT(*) FROM goals g WHERE g.mentorship_id = m.id "
	    " AND g.version > m.contract_version), "
	    "(SELECT COUNT(*) FROM goals g WHERE g.mentorship_id = m.id "
	    " AND g.version <= m.contract_version AND g.status = 'open'), "
	    "(SELECT COUNT(*) FROM goals g WHERE g.mentorship_id = m.id) "
	    "FROM mentorships m WHERE m.id = ?", "i", m->id);
	if (c == NULL || c->nrows == 0)
		return -1;
	cv = db_int(c, 0, 5);
	nnew = db_int(c, 0, 7);
	nopen = db_int(c, 0, 8);
	nall = db_int(c, 0, 9);
	first = strcmp(db_str(c, 0, 6), "initiation") == 0;
	if (db_str(c, 0, 0) == NULL || *db_str(c, 0, 0) == '\0')
		return *why = "Write the ground rules first.", 1;
	if (db_str(c, 0, 1) == NULL)
		return *why = "Choose a meeting cadence first.", 1;
	if (db_str(c, 0, 2) == NULL || *db_str(c, 0, 2) == '\0')
		return *why = "Choose at least one way to communicate.", 1;
	if (db_str(c, 0, 3) == NULL)
		return *why = "Set the review date first.", 1;
	if (db_int(c, 0, 4))
		return *why = "The review date is in the past: choose a "
		    "later one.", 1;
	(void)cv;
	if (first) {
		if (nall < 3)
			return *why = "The contract needs at least 3 goals "
			    "(3 to 5).", 1;
		if (nall > 5)
			return *why = "The contract holds at most 5 goals "
			    "(3 to 5): remove some.", 1;
		return 0;
	}
	if (nnew < 1)
		return *why = "Add at least one new goal for the next "
		    "cycle.", 1;
	if (nnew + nopen > 5)
		return *why = "A new cycle holds 1 to 5 goals (new ones plus "
		    "open ones carried over): remove some.", 1;
	return 0;
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
	    "mentee_agreed_at IS NOT NULL AND contract_version > 0 "
	    "FROM mentorships WHERE id = ?", "i", m->id);
	if (c == NULL || c->nrows == 0)
		return -1;
	if (!db_int(c, 0, 0))
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
	c = db_query(r, "SELECT (SELECT COUNT(*) FROM goals g WHERE "
	    "g.mentorship_id = m.id AND g.status = 'open'), "
	    "m.review_date IS NOT NULL AND m.review_date < UTC_DATE(), "
	    "(SELECT COUNT(*) FROM goals g WHERE g.mentorship_id = m.id) "
	    "FROM mentorships m WHERE m.id = ?", "i", m->id);
	if (c == NULL || c->nrows == 0)
		return -1;
	if ((db_int(c, 0, 0) > 0 || db_int(c, 0, 2) == 0) && !db_int(c, 0, 1))
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
	v = db_value(r, "SELECT acknowledged_at IS NOT NULL AND "
	    "acknowledged_at >= stage_changed_at FROM mentorships "
	    "WHERE id = ?", "i", m->id);
	if (v == NULL)
		return -1;
	if (strcmp(v, "1") != 0)
		return *why = "The mentor has not acknowledged the goals "
		    "achieved yet.", 1;
	return 0;
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
	    "g.mentorship_id = m.id AND g.version > m.cycle_version), "
	    "m.mentor_agreed_at IS NOT NULL AND m.mentee_agreed_at IS NOT NULL "
	    "AND m.contract_version > m.cycle_version "
	    "FROM mentorships m WHERE m.id = ?", "i", m->id);
	if (c == NULL || c->nrows == 0)
		return -1;
	if (db_int(c, 0, 0) < 1)
		return *why = "A new cycle needs at least one new goal: add "
		    "it to the contract first.", 1;
	if (!db_int(c, 0, 1))
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
stage_notify(struct req *r, const struct mship *m, long long user_id,
    const char *subject, const char *intro, const char *note,
    const char *path, const char *dedup)
{
	struct tdict *d;
	const char *link;
	int rc;

	if ((link = mail_link(r, user_id, path)) == NULL)
		return -1;
	d = tmpl_dict_new("mail");
	tmpl_set(d, "HEADLINE", subject);
	tmpl_set(d, "INTRO", intro);
	tmpl_set(d, "FOCUS", m->focus != NULL ? m->focus : "");
	tmpl_set(d, "LINK", link);
	if (note != NULL && *note != '\0')
		tmpl_set(tmpl_section(d, "NOTE"), "NOTE_TEXT", note);
	rc = mail_queue(r, "mentorship", user_id, NULL, subject,
	    "mail/stage_notice", d, dedup);
	tmpl_dict_free(d);
	return rc == -1 ? -1 : 0;
}

/* What the other party reads about this move. */
static const char *
move_intro(struct req *r, const struct mship *m, const struct stage_rule *rl)
{
	const char *who = r->user.id == 0 ? "Menteo" :
	    (r->user.id == m->mentor_id ? m->mentor_name : m->mentee_name);

	if (rl->who == STAGE_ADMIN)
		return "An administrator of Menteo ended this mentorship.";
	if (rl->who == STAGE_DELETION)
		return "The other person deleted their Menteo account, so this "
		    "mentorship has ended. Its record stays readable for you.";
	if (strcmp(rl->to, "requested") == 0)
		return r->user.id == m->mentor_id ?
		    req_printf(r, "%s would like to know more before "
		    "answering your request. Answer on the mentorship page.",
		    who) :
		    req_printf(r, "%s answered your question about their "
		    "request.", who);
	if (strcmp(rl->to, "expired") == 0)
		return req_printf(r, "Your request to %s was not answered "
		    "within 14 days and has expired. You can ask another "
		    "mentor.", m->mentor_name);
	if (strcmp(rl->to, "initiation") == 0)
		return req_printf(r, "%s accepted your request. Next: write "
		    "the contract together (ground rules, cadence, 3 to 5 "
		    "goals).", who);
	return req_printf(r, "%s moved your mentorship from %s to %s.", who,
	    mship_stage_label(rl->from), mship_stage_label(rl->to));
}

static const char *
move_subject(struct req *r, const struct mship *m, const struct stage_rule *rl)
{
	if (strcmp(rl->to, "requested") == 0 && r->user.id != m->mentor_id)
		return "An answer to your question";
	if (strcmp(rl->to, "requested") == 0)
		return "More asked about your mentorship request";
	return rl->subject;
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
	m->stage = db_str(cur, 0, 0);
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
};

/* The mail about rule rl: to the other party, or both for an admin. */
static int
move_mail(struct req *r, const struct mship *m, const struct stage_rule *rl,
    const char *note, long long ev)
{
	const char *path = req_printf(r, "/mentorships/%lld", m->id);
	const char *subject = move_subject(r, m, rl);
	const char *intro = move_intro(r, m, rl);
	long long rcpt;

	if (rl->who == STAGE_ADMIN)
		return stage_notify(r, m, m->mentor_id, subject, intro, note,
		    path, req_printf(r, "stage:%lld:mentor", ev)) == -1 ||
		    stage_notify(r, m, m->mentee_id, subject, intro, note, path,
		    req_printf(r, "stage:%lld:mentee", ev)) == -1 ? -1 : 0;
	if (rl->who == STAGE_DELETION)
		note = NULL;	/* the event keeps it; the intro says it */
	rcpt = r->user.id == 0 ? m->mentee_id :
	    (r->user.id == m->mentor_id ? m->mentee_id : m->mentor_id);
	return stage_notify(r, m, rcpt, subject, intro, note, path,
	    req_printf(r, "stage:%lld", ev));
}

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
	if (r->user.id != 0 && !m->is_party)
		return "Only the two people in a mentorship can change it.";
	if (r->user.id != 0 && !r->user.verified &&
	    strcmp(to, "initiation") == 0)
		return "Confirm your e-mail address first: the link is in the "
		    "mail we sent you.";
	return NULL;
}

/* The move under the mentorship's lock; db_tx_run's body. */
static int
move_tx(struct req *r, void *arg)
{
	struct move *mv = arg;
	struct mship *m = mv->m;
	const struct stage_rule *rl;
	long long ev;
	int rc;

	if ((rc = stage_lock(r, m)) != 0)
		return rc;	/* 404: deleted since it was loaded */
	if (mv->by == STAGE_EITHER && strcmp(mv->seen, m->stage) != 0)
		return mv->why = "Someone changed this mentorship a moment "
		    "ago: look at its new stage.", 409;
	if ((rl = stage_rule_find(m->stage, mv->to, mv->by)) == NULL)
		return mv->why = !m->is_open && mv->by != STAGE_EITHER ?
		    "This mentorship is already closed." :
		    req_printf(r, "A mentorship in %s cannot move to %s.",
		    mship_stage_label(m->stage), mship_stage_label(mv->to)), 409;
	if (mv->by == STAGE_EITHER && !stage_actor_ok(r, m, rl))
		return mv->why = rl->who == STAGE_SYSTEM ?
		    "Only Menteo itself expires a request (after 14 days)." :
		    rl->who == STAGE_MENTOR ? "Only the mentor can do this." :
		    "Only the mentee can do this.", 409;
	if (rl->cond != NULL && (rc = rl->cond(r, m, mv->note, &mv->why)) != 0)
		return rc == -1 ? -1 : 409;
	if (strcmp(rl->from, rl->to) != 0 && db_exec(r,
	    "UPDATE mentorships SET stage = ?, stage_changed_at = "
	    "UTC_TIMESTAMP(), cycle_version = contract_version "
	    "WHERE id = ? AND stage = ?", "sis", rl->to,
	    m->id, rl->from) != 1)
		return -1;
	if (db_exec(r, "INSERT INTO stage_events (mentorship_id, from_stage, "
	    "to_stage, actor_id, note, created_at) VALUES (?, ?, ?, ?, ?, "
	    "UTC_TIMESTAMP())", "issss", m->id, rl->from, rl->to,
	    r->user.id > 0 && rl->who != STAGE_DELETION ?
	    req_printf(r, "%lld", r->user.id) : NULL, mv->note) != 1)
		return -1;
	ev = db_last_id();
	if (move_mail(r, m, rl, mv->note, ev) == -1)
		return -1;
	m->stage = rl->to;
	m->is_open = mship_stage_open(rl->to);
	return 0;
}

/* A move in the caller's transaction, or in one of its own. */
static int
move(struct req *r, struct mship *m, const char *to, enum stage_who by,
    const char *note, const char **why)
{
	struct move mv = { m, to, note, by, m->stage, NULL };
	int rc;

	*why = NULL;
	if (mv.note != NULL && *mv.note == '\0')
		mv.note = NULL;
	if ((*why = move_forbidden(r, m, to, by)) != NULL)
		return 403;
	/* refused, m->stage is the stage as it is now: the page shows it */
	rc = r->in_tx ? move_tx(r, &mv) : db_tx_run(r, move_tx, &mv);
	if (rc == -1)
		r->db_failed = 1;
	*why = mv.why;
	return rc;
}

int
stage_move(struct req *r, struct mship *m, const char *to, const char *note,
    const char **why)
{
	return move(r, m, to, STAGE_EITHER, note, why);
}

int
stage_end(struct req *r, struct mship *m, enum stage_who by,
    const char *note, const char **why)
{
	if (by != STAGE_ADMIN && by != STAGE_DELETION)
		return *why = "Only an administrator's or a deletion's ending "
		    "goes this way.", 403;
	return move(r, m, "ended", by, note, why);
}

/* ---- the viewer's mentorships (list page and dashboard) ----------------- */

struct attn {
	const char	*text[12];
	const char	*url[12];
	int		 n;
	long long	 ms_total, ms_done, ms_overdue;
	long long	 unread;
	int		 has_room;
};

static void
attn_add(struct attn *a, const char *text, const char *url)
{
	if (a->n < 12) {
		a->text[a->n] = text;
		a->url[a->n] = url;
		a->n++;
	}
}

/* "total done overdue" as MINE_MS packs them (three counts); NULL: none. */
static void
ms_counts(const char *s, struct attn *a)
{
	char *end;

	a->ms_total = a->ms_done = a->ms_overdue = 0;
	if (s == NULL)
		return;
	a->ms_total = strtoll(s, &end, 10);
	a->ms_done = strtoll(end, &end, 10);
	a->ms_overdue = strtoll(end, &end, 10);
}

/*
 * Milestones of row i (counted by the list query) and unread messages in
 * its room. The unread count is a query of its own: its range on the
 * room's key (id > the read position) needs the position as a constant;
 * as a subquery of the list, correlated, it walked the whole room.
 */
static int
mine_extras(struct req *r, struct attn *a, const struct db_rows *q, size_t i)
{
	long long id = db_get_int(q, i, "id");
	struct db_rows *u;

	ms_counts(db_get(q, i, "ms"), a);
	if (a->ms_overdue > 0)
		attn_add(a, req_printf(r, "%lld overdue milestone(s)",
		    a->ms_overdue), req_printf(r, "/mentorships/%lld/roadmap",
		    id));
	u = db_query(r, "SELECT COUNT(*) FROM room_messages x WHERE "
	    "x.mentorship_id = ? AND x.author_id <> ? AND x.id > "
	    "COALESCE((SELECT last_read_id FROM room_reads WHERE "
	    "mentorship_id = ? AND user_id = ?), 0)", "iiii", id,
	    r->user.id, id, r->user.id);
	if (u == NULL)
		return -1;
	a->has_room = 1;
	a->unread = db_int(u, 0, 0);
	if (a->unread > 0)
		attn_add(a, req_printf(r, "%lld unread message(s) in the room",
		    a->unread), req_printf(r, "/rooms/%lld", id));
	return 0;
}

/* What this row needs from the viewer, from its stage and contract. */
static void
mine_attention(struct req *r, struct attn *a, const struct db_rows *q,
    size_t i)
{
	const char *st = db_get(q, i, "stage");
	int mentor = db_get_int(q, i, "mentor_id") == r->user.id;
	int me = db_get(q, i, mentor ? "mentor_agreed_at" :
	    "mentee_agreed_at") != NULL;
	int other = db_get(q, i, mentor ? "mentee_agreed_at" :
	    "mentor_agreed_at") != NULL;
	const char *base = req_printf(r, "/mentorships/%s", db_get(q, i, "id"));

	if (strcmp(st, "requested") == 0 && mentor)
		attn_add(a, "Answer the request", base);
	else if (strcmp(st, "requested") == 0 &&
	    db_get_int(q, i, "asked") != 0)
		attn_add(a, "Answer the mentor's question", base);
	else if (strcmp(st, "initiation") == 0 && !me)
		attn_add(a, other ? "Agree to the contract" :
		    "Write and agree the contract",
		    req_printf(r, "%s/contract", base));
	else if (strcmp(st, "initiation") == 0 && other &&
	    db_get_int(q, i, "contract_version") > 0)
		attn_add(a, "Start Cultivation: the contract is agreed", base);
	else if ((strcmp(st, "separation") == 0 ||
	    strcmp(st, "redefinition") == 0) && other && !me)
		attn_add(a, "Agree to the new contract version",
		    req_printf(r, "%s/contract", base));
	if (strcmp(st, "cultivation") == 0 && db_get(q, i, "review_in") !=
	    NULL && db_get_int(q, i, "review_in") <= 7)
		attn_add(a, db_get_int(q, i, "review_in") < 0 ?
		    "The review date has passed: review the goals" :
		    "Review date within a week: review the goals",
		    req_printf(r, "%s/review", base));
	if (strcmp(st, "separation") == 0 && mentor &&
	    db_get(q, i, "acknowledged_at") == NULL)
		attn_add(a, "Acknowledge the goals achieved",
		    req_printf(r, "%s/review", base));
	if (strcmp(st, "redefinition") == 0 &&
	    db_get_int(q, i, "checkin_due") != 0)
		attn_add(a, "A check-in is due", base);
}

/* One mentorship in its group; returns the group: 0 needs, 1 active, 2 closed. */
static int
mine_row(struct req *r, struct tdict *d, const struct db_rows *q, size_t i,
    const struct attn *a)
{
	const char *st = db_get(q, i, "stage");
	const char *group, *next;
	struct tdict *row, *s;
	int open = mship_stage_open(st);
	int k;

	group = !open ? "CLOSED" : a->n > 0 ? "NEEDS" : "ACTIVE";
	row = tmpl_section(d, group);
	tmpl_set(row, "ID", db_get(q, i, "id"));
	tmpl_set(row, "FOCUS", db_get(q, i, "focus"));
	tmpl_set(row, "STAGE", st);
	tmpl_set(row, "STAGE_LABEL", mship_stage_label(st));
	tmpl_set(row, "OTHER_NAME", db_get(q, i, "other_name"));
	tmpl_set(row, "OTHER_SLUG", db_get(q, i, "other_slug"));
	tmpl_set(row, "ROLE", db_get_int(q, i, "mentor_id") == r->user.id ?
	    "You mentor" : "Your mentor");
	if ((next = db_get(q, i, "meetings")) != NULL)
		page_time(r, tmpl_section(row, "NEXT"), "AT",
		    req_printf(r, "%.*s", (int)strcspn(next, ","), next));
	for (k = 0; k < a->n; k++) {
		s = tmpl_section(row, "ATTN");
		tmpl_set(s, "TEXT", a->text[k]);
		tmpl_set(s, "URL", a->url[k]);
		s = tmpl_section(d, "ATTENTION");
		tmpl_set(s, "TEXT", a->text[k]);
		tmpl_set(s, "URL", a->url[k]);
		tmpl_set(s, "FOCUS", db_get(q, i, "focus"));
		tmpl_set(s, "OTHER_NAME", db_get(q, i, "other_name"));
	}
	if (a->ms_total > 0) {
		s = tmpl_section(row, "PROGRESS");
		tmpl_set_int(s, "TOTAL", a->ms_total);
		tmpl_set_int(s, "DONE", a->ms_done);
		tmpl_set_int(s, "OVERDUE", a->ms_overdue);
		tmpl_set_int(s, "PERCENT", a->ms_done * 100 / a->ms_total);
		if (a->ms_overdue > 0)
			tmpl_show(s, "HAS_OVERDUE");
	}
	if (a->has_room) {
		s = tmpl_section(row, "UNREAD_BOX");
		tmpl_set_int(s, "UNREAD", a->unread);
		tmpl_set(s, "ID", db_get(q, i, "id"));
		if (a->unread > 0)
			tmpl_show(s, "HAS_UNREAD");
	}
	return !open ? 2 : a->n > 0 ? 0 : 1;
}

/*
 * The viewer's mentorships in one query, with what the list shows of
 * each: its next meetings, who spoke last, and for open ones the roadmap's
 * progress (closed ones skip it: IF evaluates only the branch it takes).
 */
#define MINE_OPEN	"m.stage IN (" STAGES_ACTIVE ")"
#define MINE_MEETINGS	5	/* meetings on the dashboard, MINE_MEET's LIMIT */
/*
 * Its first MINE_MEETINGS meetings to come, "2026-12-01 09:00:00,..."
 * (mine_meetings): the dashboard's list of meetings from the rows it has
 * anyway. A query of their own cost the page more than this whole list
 * (its OR over the two parties' keys plans an index merge every time).
 */
#define MINE_MEET	"(SELECT GROUP_CONCAT(x.starts_at ORDER BY " \
	"x.starts_at SEPARATOR ',' LIMIT 5) FROM meetings x WHERE " \
	"x.mentorship_id = m.id AND x.starts_at >= UTC_TIMESTAMP())"
/* total, done and overdue milestones in one scan, as "3 1 0" (ms_counts) */
#define MINE_MS	"IF(" MINE_OPEN ", (SELECT CONCAT_WS(' ', COUNT(*), " \
	"COUNT(s.done_at), COUNT(IF(s.done_at IS NULL AND " \
	"s.due_date < UTC_DATE(), 1, NULL))) FROM mentorship_milestones s " \
	"WHERE s.mentorship_id = m.id), NULL)"
static const char mine_sql[] =
    "SELECT m.id, m.stage, m.focus, m.mentor_id, "
    "m.mentor_agreed_at, m.mentee_agreed_at, m.contract_version, "
    "m.acknowledged_at, DATEDIFF(m.review_date, UTC_DATE()) AS "
    "review_in, m.next_checkin <= UTC_DATE() AS checkin_due, "
    "u.display_name AS other_name, u.slug AS other_slug, "
    MINE_MEET " AS meetings, "
    "IF(m.stage = 'requested', (SELECT e.actor_id = m.mentor_id "
    " FROM stage_events e WHERE e.mentorship_id = m.id "
    " ORDER BY e.id DESC LIMIT 1), NULL) AS asked, "
    MINE_MS " AS ms "
    "FROM mentorships m JOIN users u ON u.id = IF(m.mentor_id = ?, "
    "m.mentee_id, m.mentor_id) WHERE m.mentor_id = ? OR "
    "m.mentee_id = ? ORDER BY m.stage_changed_at DESC, m.id DESC "
    "LIMIT 300";

struct meet {
	const char	*at;
	size_t		 row;
};

static int
meet_cmp(const void *a, const void *b)
{
	const struct meet *x = a, *y = b;
	int c = strcmp(x->at, y->at);	/* same width: the order of time */

	return c != 0 ? c : (x->row > y->row) - (x->row < y->row);
}

/*
 * The next MINE_MEETINGS meetings of the active mentorships among q's
 * rows (MINE_MEET lists each one's first few): those the list shows,
 * its newest 300, which is where a meeting is planned.
 */
static void
mine_meetings(struct req *r, struct tdict *d, const struct db_rows *q)
{
	struct meet *m;
	struct tdict *row;
	char *list, *at, *save;
	size_t i, k, n = 0;

	m = arena_alloc(r->arena, (q->nrows * MINE_MEETINGS + 1) * sizeof(*m));
	for (i = 0; i < q->nrows; i++) {
		if (db_get(q, i, "ms") == NULL ||	/* not MINE_OPEN */
		    db_get(q, i, "meetings") == NULL)
			continue;
		list = req_strdup(r, db_get(q, i, "meetings"));
		for (k = 0, at = strtok_r(list, ",", &save);
		    at != NULL && k < MINE_MEETINGS;
		    k++, at = strtok_r(NULL, ",", &save))
			m[n++] = (struct meet){ at, i };
	}
	qsort(m, n, sizeof(*m), meet_cmp);
	for (i = 0; i < n && i < MINE_MEETINGS; i++) {
		row = tmpl_section(d, "MEETING");
		page_time(r, row, "AT", m[i].at);
		tmpl_set(row, "ID", db_get(q, m[i].row, "id"));
		tmpl_set(row, "FOCUS", db_get(q, m[i].row, "focus"));
	}
	tmpl_show(d, n > 0 ? "HAS_MEETINGS" : "NO_MEETINGS");
}

int
stage_fill_mine(struct req *r, struct tdict *d)
{
	struct db_rows *q;
	struct attn a;
	size_t i;
	int natt = 0, groups[3] = { 0, 0, 0 };
	const char *st;
	long long me = r->user.id;

	if ((q = db_query(r, mine_sql, "iii", me, me, me)) == NULL)
		return -1;
	for (i = 0; i < q->nrows; i++) {
		st = db_get(q, i, "stage");
		memset(&a, 0, sizeof(a));
		if (mship_stage_open(st)) {
			mine_attention(r, &a, q, i);
			if (strcmp(st, "requested") != 0 &&
			    mine_extras(r, &a, q, i) == -1)
				return -1;
		}
		natt += a.n;
		groups[mine_row(r, d, q, i, &a)]++;
	}
	tmpl_show(d, q->nrows == 0 ? "EMPTY" : "HAS_ANY");
	/* no heading over an empty group; "another mentor" for mentees */
	if (groups[0] > 0)
		tmpl_show(d, "HAS_NEEDS");
	for (i = 0; i < q->nrows; i++)
		if (db_get_int(q, i, "mentor_id") != r->user.id &&
		    mship_stage_open(db_get(q, i, "stage"))) {
			tmpl_show(d, "IS_MENTEE");
			break;
		}
	if (groups[1] == 0)
		tmpl_show(d, "NO_ACTIVE");
	if (groups[2] == 0)
		tmpl_show(d, "NO_CLOSED");
	tmpl_show(d, natt > 0 ? "HAS_ATTENTION" : "NO_ATTENTION");
	mine_meetings(r, d, q);
	return (int)q->nrows;
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
