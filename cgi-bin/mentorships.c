/*
 * mentorships: requests, the mentorship page, the contract and its
 * goals, the separation review, the record of achievement, meetings
 * and the calendar feed. Every stage change goes through lib/stage.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "cohort.h"
#include "db.h"
#include "mail.h"
#include "md.h"
#include "mship.h"
#include "page.h"
#include "resp.h"
#include "sess.h"
#include "stage.h"

static void	mships_list(struct req *);
static void	mships_new(struct req *);
static void	mships_create(struct req *);
static void	mships_show(struct req *);
static void	mships_stage(struct req *);
static void	mships_contract(struct req *);
static void	mships_contract_post(struct req *);
static void	mships_goals_post(struct req *);
static void	mships_review(struct req *);
static void	mships_review_post(struct req *);
static void	mships_record(struct req *);
static void	mships_record_share(struct req *);
static void	mships_checkin(struct req *);
static void	mships_checkin_log(struct req *);
static void	mships_meetings(struct req *);
static void	mships_meetings_post(struct req *);
static void	mships_meeting_post(struct req *);
static void	mships_meeting_ics(struct req *);
static void	mships_calendar(struct req *);

static const struct route routes[] = {
	{ "GET",  "/mentorships",			mships_list, ROUTE_USER },
	{ "GET",  "/mentorships/new",			mships_new, ROUTE_USER },
	{ "POST", "/mentorships/new",			mships_create, ROUTE_USER },
	{ "GET",  "/mentorships/{id}",			mships_show, ROUTE_USER },
	{ "POST", "/mentorships/{id}/stage",		mships_stage, ROUTE_USER },
	{ "GET",  "/mentorships/{id}/contract",		mships_contract, ROUTE_USER },
	{ "POST", "/mentorships/{id}/contract",		mships_contract_post, ROUTE_USER },
	{ "GET",  "/mentorships/{id}/goals",		mships_contract, ROUTE_USER },
	{ "POST", "/mentorships/{id}/goals",		mships_goals_post, ROUTE_USER },
	{ "GET",  "/mentorships/{id}/review",		mships_review, ROUTE_USER },
	{ "POST", "/mentorships/{id}/review",		mships_review_post, ROUTE_USER },
	{ "GET",  "/mentorships/{id}/record",		mships_record, 0 },
	{ "POST", "/mentorships/{id}/record",		mships_record_share, ROUTE_USER },
	{ "POST", "/mentorships/{id}/checkin",		mships_checkin, ROUTE_USER },
	{ "POST", "/mentorships/{id}/checkins",		mships_checkin_log, ROUTE_USER },
	{ "GET",  "/mentorships/{id}/meetings",		mships_meetings, ROUTE_USER },
	{ "POST", "/mentorships/{id}/meetings",		mships_meetings_post, ROUTE_USER },
	{ "POST", "/mentorships/{id}/meetings/{id}",	mships_meeting_post, ROUTE_USER },
	{ "GET",  "/mentorships/{id}/meetings/{id}.ics", mships_meeting_ics, ROUTE_USER },
	{ "GET",  "/calendar/{secret}.ics",		mships_calendar, 0 },
};

APP_MAIN("mentorships", routes)

static const char *const cadences[] = { "weekly", "biweekly", "monthly", NULL };
static const char *const outcomes[] = { "achieved", "partly", "not_achieved",
	"dropped", NULL };
static const char *const channel_names[] = { "room", "email", "video",
	"in_person", NULL };

/* ---- shared helpers ---------------------------------------------------- */

/* Loads the mentorship of the path for a party; otherwise answers. */
static int
load(struct req *r, struct mship *m)
{
	return mship_open(r, r->id[0], m, NULL);
}

static const char *
path_of(struct req *r, const struct mship *m, const char *sub)
{
	return req_printf(r, "/mentorships/%lld%s", m->id, sub);
}

static int
stage_is(const struct mship *m, const char *a)
{
	return strcmp(m->stage, a) == 0;
}

/* The contract may be written in Initiation, and for a new cycle. */
static int
contract_editable(const struct mship *m)
{
	return stage_is(m, "initiation") || stage_is(m, "separation") ||
	    stage_is(m, "redefinition");
}


static int
cadence_days(const char *s)
{
	if (s == NULL)
		return 0;
	if (strcmp(s, "weekly") == 0)
		return 7;
	if (strcmp(s, "biweekly") == 0)
		return 14;
	return 31;
}

/* The stepper: stages before the current one are done. */
static void
stepper(struct tdict *d, const char *stage)
{
	static const char *const st[] = { "initiation", "cultivation",
		"separation", "redefinition" };
	static const char *const up[] = { "INITIATION", "CULTIVATION",
		"SEPARATION", "REDEFINITION" };
	struct tdict *s = tmpl_include(d, "STEPPER", "stepper.tpl");
	char key[64];
	int i, cur = -1;

	for (i = 0; i < 4; i++)
		if (strcmp(st[i], stage) == 0)
			cur = i;
	for (i = 0; i < 4; i++) {
		if (cur >= 0 && i < cur) {
			snprintf(key, sizeof(key), "%s_DONE", up[i]);
			tmpl_show(s, key);
		} else if (i == cur) {
			snprintf(key, sizeof(key), "%s_CURRENT", up[i]);
			tmpl_show(s, key);
		}
	}
}

/* Both parties of m, other than the actor, are told about a change. */
static int
tell_other(struct req *r, const struct mship *m, const char *subject,
    const char *intro, const char *note, const char *sub)
{
	if (mship_mail_count(r, m) == -1)
		return -1;
	return stage_notify(r, m, m->other_id, subject, intro, note,
	    path_of(r, m, sub), NULL);
}

/*
 * 429 and the page again (what was typed kept) once the viewer has
 * mailed the other party too often (lib/mship.h); 1 then, or when the
 * database failed; 0 to go on. For posts that always mail.
 */
static int
mail_throttled(struct req *r, struct mship *m,
    void (*page)(struct req *, struct mship *, int, const char *))
{
	const char *why;
	long long wait;

	if ((why = mship_mail_wait(r, m, &wait)) == NULL)
		return wait < 0;
	page(r, m, 429, why);
	return 1;
}

/* ---- the list of mine ------------------------------------------------- */

static void
mships_list(struct req *r)
{
	struct tdict *d = page_new(r, "Your mentorships",
	    "mentorships_list.tpl");
	const char *cal;

	if (stage_fill_mine(r, d) == -1)
		return;
	if ((cal = stage_calendar_url(r)) == NULL)
		return;
	tmpl_set(d, "CALENDAR_URL", cal);
	page_send(r, 200);
}

/* ---- a new request ---------------------------------------------------- */

static const struct field new_f[] = {
	{ "mentor", F_SLUG, 1, 40, 1, NULL },
	{ "focus", F_TEXT, 3, 200, 1, NULL },
	{ "message", F_MULTILINE, 10, 4000, 1, NULL },
	{ "programme", F_SLUG, 3, 40, 0, NULL },	/* a programme's pair */
};
#define NEW_N (sizeof(new_f) / sizeof(new_f[0]))

static void
new_form(struct req *r, struct fval *v, const char *slug, const char *err,
    int status)
{
	struct tdict *d = page_new(r, "Request a mentorship",
	    "mentorships_new.tpl");
	struct db_rows *u;

	if (v != NULL)
		page_form(d, new_f, NEW_N, v);
	else if (req_query(r, "programme") != NULL)
		tmpl_set(d, "PROGRAMME", req_query(r, "programme"));
	if (slug != NULL) {
		tmpl_set(d, "MENTOR", slug);
		u = db_query(r, "SELECT display_name, headline FROM users "
		    "WHERE slug = ? AND is_mentor = 1 AND "
		    "disabled_at IS NULL", "s", slug);
		if (u == NULL)
			return;
		if (u->nrows == 1) {
			struct tdict *s = tmpl_section(d, "MENTOR_CARD");
			tmpl_set(s, "MENTOR_NAME", db_str(u, 0, 0));
			tmpl_set(s, "MENTOR_HEADLINE", db_str(u, 0, 1));
		}
	}
	if (err != NULL) {
		tmpl_set(tmpl_section(d, "REFUSED"), "REASON", err);
		tmpl_show(d, "ERRORS");
	}
	page_send(r, status);
}

static void
mships_new(struct req *r)
{
	const char *slug = req_query(r, "mentor");

	if (!r->user.verified)
		return page_error_msg(r, 403, "Confirm your e-mail address "
		    "first: the link is in the mail we sent you. Then you can "
		    "request a mentorship.");
	new_form(r, NULL, slug, NULL, 200);
}

/*
 * Why this person may not ask this mentor now, or NULL. -1: db. In a
 * programme (prog not NULL) its own rule stands for the directory's: the
 * mentor is approved there and has a place left of those offered to it
 * (*prog_id set); outside, the mentor is listed and has room.
 */
static int
request_refusal(struct req *r, const char *slug, const char *prog,
    long long *mentor_id, long long *prog_id, const char **why)
{
	struct db_rows *u;
	const char *v;
	int room;

	*why = NULL;
	u = db_query(r, "SELECT id, is_mentor, email_verified_at IS NOT NULL, "
	    "display_name FROM users WHERE slug = ? AND disabled_at IS NULL",
	    "s", slug);
	if (u == NULL)
		return -1;
	if (u->nrows == 0 || (prog == NULL && !db_int(u, 0, 1)))
		return *why = "There is no mentor with this name: choose one "
		    "in the mentor directory.", 0;
	*mentor_id = db_int(u, 0, 0);
	if (*mentor_id == r->user.id)
		return *why = "You cannot request a mentorship with "
		    "yourself.", 0;
	if (prog != NULL) {
		if (cohort_pair_check(r, prog, *mentor_id, r->user.id,
		    prog_id, why) == -1)
			return -1;
		room = *why == NULL;
	} else if ((room = stage_mentor_has_room(r, *mentor_id)) == -1)
		return -1;
	if (*why != NULL)
		return 0;
	if (!room)
		return *why = req_printf(r, "%s has no room for another mentee "
		    "right now: try again later or choose another mentor.",
		    db_str(u, 0, 3)), 0;
	v = db_value(r, "SELECT COUNT(*) FROM mentorships WHERE mentor_id = ? "
	    "AND mentee_id = ? AND stage IN (" STAGES_OPEN ")", "ii", *mentor_id,
	    r->user.id);
	if (v == NULL)
		return -1;
	if (strcmp(v, "0") != 0)
		return *why = req_printf(r, "You already have an open request "
		    "or mentorship with %s.", db_str(u, 0, 3)), 0;
	return 0;
}

static void
mships_create(struct req *r)
{
	struct fval v[NEW_N];
	struct mship m;
	long long mentor_id = 0, prog_id = 0, id;
	const char *why;

	if (!r->user.verified)
		return page_error_msg(r, 403, "Confirm your e-mail address "
		    "first: the link is in the mail we sent you. Then you can "
		    "request a mentorship.");
	if (field_read(r, new_f, NEW_N, v) > 0)
		return new_form(r, v, v[0].str, NULL, 422);
	if (db_begin(r) == -1)
		return;
	/* the mentee row serialises two identical requests */
	if (db_query(r, "SELECT id FROM users WHERE id = ? FOR UPDATE", "i",
	    r->user.id) == NULL)
		return;
	if (request_refusal(r, v[0].str, v[3].str, &mentor_id, &prog_id,
	    &why) == -1)
		return;
	if (why != NULL) {
		db_rollback(r);
		return new_form(r, v, v[0].str, why, 422);
	}
	if (db_exec(r, "INSERT INTO mentorships (mentor_id, mentee_id, stage, "
	    "focus, message, stage_changed_at, created_at) VALUES (?, ?, "
	    "'requested', ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP())", "iiss",
	    mentor_id, r->user.id, v[1].str, v[2].str) != 1)
		return;
	id = db_last_id();
	if (prog_id > 0 && cohort_pair_terms(r, id, prog_id, 0) == -1)
		return;
	if (db_exec(r, "INSERT INTO stage_events (mentorship_id, from_stage, "
	    "to_stage, actor_id, note, created_at) VALUES (?, NULL, "
	    "'requested', ?, ?, UTC_TIMESTAMP())", "iis", id, r->user.id,
	    v[2].str) != 1)
		return;
	if (mship_load(r, id, &m) != 0)
		return;
	if (stage_notify(r, &m, mentor_id, "New mentorship request",
	    req_printf(r, "%s asks you to mentor them on \"%s\". Accept, "
	    "ask for more, or decline on the mentorship page.", r->user.name,
	    v[1].str), v[2].str, path_of(r, &m, ""),
	    req_printf(r, "requested:%lld", id)) == -1)
		return;
	if (db_commit(r) == -1)
		return;
	resp_flash(r, "Your request was sent. You will get an e-mail when "
	    "the mentor answers.");
	resp_redirect(r, path_of(r, &m, ""));
}

/* ---- the mentorship page ---------------------------------------------- */

/*
 * A move forward (not a request's answer, not a closing) whose condition
 * holds now: 1 yes, 0 no, -1 database down. Conditions of moves forward
 * only read; a move refused anyway is never offered.
 */
static int
move_ready(struct req *r, const struct mship *m, const struct stage_rule *rl)
{
	const char *why = NULL;
	int rc;

	if (strcmp(rl->from, "requested") == 0 || rl->cond == NULL ||
	    strcmp(rl->to, "ended") == 0)
		return 1;
	rc = rl->cond(r, m, "", &why);
	return rc == -1 || r->db_failed ? -1 : rc == 0;
}

/*
 * The forms the viewer may use now: the rules they may act on whose
 * condition holds, but the one the next step offers (next_to). 0, or
 * -1 database down.
 */
static int
show_actions(struct req *r, struct tdict *d, const struct mship *m,
    const char *next_to)
{
	const struct stage_rule *rl;
	struct tdict *a;
	size_t i;
	int any = 0, asked = 0, rc;
	/* a refused stage change shows its note again */
	const char *posted = strcmp(r->method, "POST") == 0 ?
	    req_form(r, "to") : NULL;

	if (stage_is(m, "requested") &&
	    (asked = stage_question_open(r, m)) == -1)
		return -1;

	for (i = 0; i < stage_nrules; i++) {
		rl = &stage_rules[i];
		if (strcmp(rl->from, m->stage) != 0 ||
		    !stage_actor_ok(r, m, rl) ||
		    (next_to != NULL && strcmp(rl->to, next_to) == 0))
			continue;
		if ((rc = move_ready(r, m, rl)) == -1)
			return -1;
		if (rc == 0)
			continue;
		/* not this person's turn (unless refused: keep what they typed) */
		if (strcmp(rl->to, "requested") == 0 && asked !=
		    (m->is_mentor ? 0 : 1) && (posted == NULL ||
		    strcmp(posted, rl->to) != 0))
			continue;
		a = tmpl_section(d, "ACTION");
		if (posted != NULL && strcmp(posted, rl->to) == 0)
			tmpl_set(a, "NOTE", req_form(r, "note"));
		tmpl_set(a, "BUTTON_CLASS", "btn-primary");
		tmpl_set(a, "TO", rl->to);
		tmpl_set_int(a, "ID", m->id);
		if (strcmp(rl->to, "requested") == 0) {
			tmpl_set(a, "LABEL", m->is_mentor ? "Ask for more" :
			    "Answer the mentor");
			tmpl_set(a, "NOTE_LABEL", m->is_mentor ?
			    "Your question to the mentee" : "Your answer");
			tmpl_show(a, "NOTE_REQUIRED");
		} else if (strcmp(rl->to, "ended") == 0) {
			tmpl_set(a, "LABEL", rl->action);
			tmpl_set(a, "NOTE_LABEL", "Why it ends (required)");
			tmpl_show(a, "NOTE_REQUIRED");
			tmpl_show(a, "IS_END");	/* folded: rarely the next step */
			tmpl_set(a, "BUTTON_CLASS", "btn-danger");
		} else if (strcmp(rl->to, "declined") == 0) {
			tmpl_set(a, "LABEL", rl->action);
			tmpl_set(a, "NOTE_LABEL", "Reason (optional)");
			tmpl_set(a, "BUTTON_CLASS", "btn-danger");
		} else {
			tmpl_set(a, "LABEL", rl->action);
			tmpl_set(a, "NOTE_LABEL", "Note (optional)");
			if (strcmp(rl->to, "withdrawn") == 0)
				tmpl_set(a, "BUTTON_CLASS", "btn-danger");
		}
		any = 1;
	}
	if (any)
		tmpl_set(tmpl_section(d, "HAS_ACTIONS"), "ACTIONS_HEADING",
		    !stage_is(m, "requested") ? "Other changes" :
		    m->is_mentor ? "Your answer" : "What you can do");
	return 0;
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

static const char *
next_move(struct req *r, struct tdict *n, const struct mship *m,
    const char *to)
{
	const struct stage_rule *rl = stage_rule_find(m->stage, to, STAGE_EITHER);
	struct tdict *f = tmpl_section(n, "NEXT_FORM");

	tmpl_set(f, "TO", to);
	tmpl_set(f, "LABEL", rl != NULL ? rl->action : to);
	tmpl_set_int(f, "ID", m->id);
	(void)r;
	return to;
}

/* The work of Cultivation: the room, the next meeting and milestone. */
static void
next_work(struct req *r, struct tdict *n, const struct mship *m,
    const struct db_rows *q, int main_link)
{
	long long unread = db_get_int(q, 0, "unread");
	const char *room = unread > 0 ? req_printf(r, "Open the room (%lld "
	    "unread)", unread) : "Open the room";

	if (main_link)
		next_main(n, req_printf(r, "/rooms/%lld", m->id), room);
	else
		next_also(n, req_printf(r, "/rooms/%lld", m->id), room);
	if (db_get(q, 0, "next_meeting") != NULL)
		next_also(n, path_of(r, m, "/meetings"), req_printf(r,
		    "Next meeting: %s", page_time_text(r,
		    db_get(q, 0, "next_meeting"))));
	else
		next_also(n, path_of(r, m, "/meetings"), "Plan a meeting");
	if (db_get(q, 0, "ms_title") != NULL)
		next_also(n, req_printf(r, "/mentorships/%lld/roadmap", m->id),
		    req_printf(r, "Next milestone: %s", db_get(q, 0,
		    "ms_title")));
	else if (db_get_int(q, 0, "ms_total") == 0)
		next_also(n, req_printf(r, "/mentorships/%lld/roadmap", m->id),
		    "Apply a roadmap");
}

/*
 * What to do next, for this person at this stage (issue 21): finish and
 * agree the contract in Initiation; in Cultivation the room, the next
 * meeting and milestone, Separation only once it may start; in
 * Separation the acknowledgment; in Redefinition a check-in. Returns the
 * stage move it offers as its main button (show_actions leaves that one
 * out), NULL for none, or "" when the database failed.
 */
static const char *
show_next(struct req *r, struct tdict *d, const struct mship *m)
{
	const struct stage_rule *rl;
	struct db_rows *q;
	struct tdict *n;
	const char *why = NULL, *other = m->is_mentor ? m->mentee_name :
	    m->mentor_name;
	int rc, mine, theirs;

	if (!m->is_open || stage_is(m, "requested"))
		return NULL;
	q = db_query(r, "SELECT "
	    "(SELECT COUNT(*) FROM goals g WHERE g.mentorship_id = m.id AND "
	    " g.status = 'open') AS open_goals, "
	    "DATEDIFF(m.review_date, UTC_DATE()) AS review_in, "
	    "(SELECT MIN(starts_at) FROM meetings x WHERE x.mentorship_id = "
	    " m.id AND x.starts_at >= UTC_TIMESTAMP()) AS next_meeting, "
	    "(SELECT title FROM mentorship_milestones x WHERE x.mentorship_id "
	    " = m.id AND x.done_at IS NULL ORDER BY x.due_date, x.position, "
	    " x.id LIMIT 1) AS ms_title, "
	    "(SELECT COUNT(*) FROM mentorship_milestones x WHERE "
	    " x.mentorship_id = m.id) AS ms_total, "
	    /*
	     * The room's id by value, not m.id: correlated to m, the read
	     * position is no constant to the optimizer, and the count
	     * walked every message of the room (5,000 rows a page in the
	     * bench's mixed run, half the database's time); by value it is
	     * a range after the read position, what is unread.
	     */
	    "(SELECT COUNT(*) FROM room_messages x WHERE x.mentorship_id = "
	    " ? AND x.author_id <> ? AND x.id > COALESCE((SELECT "
	    " last_read_id FROM room_reads w WHERE w.mentorship_id = ? AND "
	    " w.user_id = ?), 0)) AS unread, "
	    "m.mentor_agreed_at IS NOT NULL AS mentor_agreed, "
	    "m.mentee_agreed_at IS NOT NULL AS mentee_agreed, "
	    "m.acknowledged_at IS NOT NULL AND m.acknowledged_at >= "
	    " m.stage_changed_at AS acked, m.next_checkin "
	    "FROM mentorships m WHERE m.id = ?", "iiiii", m->id, r->user.id,
	    m->id, r->user.id, m->id);
	if (q == NULL || q->nrows == 0)
		return "";
	n = tmpl_section(d, "NEXT");
	mine = db_get_int(q, 0, m->is_mentor ? "mentor_agreed" :
	    "mentee_agreed");
	theirs = db_get_int(q, 0, m->is_mentor ? "mentee_agreed" :
	    "mentor_agreed");
	if (stage_is(m, "initiation")) {
		if (mine && theirs) {
			tmpl_set(n, "TEXT", "You both agreed to the contract: "
			    "the deep work can start.");
			return next_move(r, n, m, "cultivation");
		}
		if ((rc = stage_contract_complete(r, m, &why)) == -1 ||
		    r->db_failed)
			return "";
		if (rc != 0) {
			tmpl_set(n, "TEXT", req_printf(r, "Write the contract "
			    "together. Still missing: %s", why));
			next_main(n, path_of(r, m, "/contract"),
			    "Finish the contract");
		} else if (!mine) {
			tmpl_set(n, "TEXT", theirs ? req_printf(r, "%s agreed "
			    "to the contract; your agreement starts the work.",
			    other) : "The contract is complete. Read it once "
			    "more and agree to it.");
			next_main(n, path_of(r, m, "/contract"),
			    "Read and agree to the contract");
		} else {
			tmpl_set(n, "TEXT", req_printf(r, "You agreed to the "
			    "contract. Waiting for %s to agree.", other));
			next_also(n, path_of(r, m, "/contract"),
			    "Read the contract");
		}
		return NULL;
	}
	if (stage_is(m, "cultivation")) {
		rl = stage_rule_find("cultivation", "separation",
		    STAGE_EITHER);
		if ((rc = move_ready(r, m, rl)) == -1)
			return "";
		if (rc == 1) {
			tmpl_set(n, "TEXT", db_get_int(q, 0, "open_goals") > 0 ?
			    "The review date has passed: time for the review "
			    "and Separation." : "Every goal has its outcome: "
			    "move on to Separation and the acknowledgment.");
			next_work(r, n, m, q, 0);
			return next_move(r, n, m, "separation");
		}
		if (db_get(q, 0, "review_in") != NULL &&
		    db_get_int(q, 0, "review_in") <= 14) {
			tmpl_set(n, "TEXT", req_printf(r, "The review is %s: "
			    "give every goal its outcome.",
			    db_get_int(q, 0, "review_in") == 0 ? "today" :
			    req_printf(r, "in %lld day%s",
			    db_get_int(q, 0, "review_in"),
			    db_get_int(q, 0, "review_in") == 1 ? "" : "s")));
			next_main(n, path_of(r, m, "/review"),
			    "Review the goals");
			next_work(r, n, m, q, 0);
			return NULL;
		}
		tmpl_set(n, "TEXT", "The deep work: talk in the room, meet "
		    "at your cadence, follow the roadmap.");
		next_work(r, n, m, q, 1);
		return NULL;
	}
	if (stage_is(m, "separation")) {
		if (db_get_int(q, 0, "acked")) {
			tmpl_set(n, "TEXT", "The goals achieved are "
			    "acknowledged. Go on as peers in Redefinition, or "
			    "start a new cycle with a new goal.");
			next_also(n, path_of(r, m, "/record"),
			    "Record of achievement");
			return next_move(r, n, m, "redefinition");
		}
		if (m->is_mentor) {
			struct tdict *f = tmpl_section(n, "NEXT_ACK");
			tmpl_set_int(f, "ID", m->id);
			tmpl_set(n, "TEXT", "As the mentor, acknowledge what "
			    "was achieved. It is recorded with the date.");
		} else
			tmpl_set(n, "TEXT", req_printf(r, "Waiting for %s to "
			    "acknowledge the goals achieved.", other));
		next_also(n, path_of(r, m, "/review"), "The review");
		return NULL;
	}
	/* redefinition */
	if (db_get(q, 0, "next_checkin") != NULL)
		tmpl_set(n, "TEXT", req_printf(r, "Peers now. Next check-in "
		    "due %s.", page_date_text(r, db_get(q, 0, "next_checkin"))));
	else
		tmpl_set(n, "TEXT", "Peers now: choose how often you check "
		    "in, and log each check-in.");
	next_main(n, "#checkin-h", "Log a check-in");
	next_also(n, req_printf(r, "/rooms/%lld", m->id), "Open the room");
	return NULL;
}

static int
show_contract(struct req *r, struct tdict *d, const struct mship *m,
    struct db_rows *c)
{
	struct db_rows *g;
	struct tdict *s;
	size_t i;
	long long open = 0;

	tmpl_set(d, "MESSAGE", db_get(c, 0, "message"));
	tmpl_set(d, "GROUND_RULES", db_get(c, 0, "ground_rules") ?
	    db_get(c, 0, "ground_rules") : "");
	/* what holds now: peers check in, they no longer meet at a cadence */
	if (stage_is(m, "redefinition"))
		tmpl_set(d, "CADENCE_LABEL", db_get(c, 0, "checkin_months") !=
		    NULL ? req_printf(r, "Check-ins every %s month%s (was: %s)",
		    db_get(c, 0, "checkin_months"), strcmp(db_get(c, 0,
		    "checkin_months"), "1") == 0 ? "" : "s", mship_cadence_label(
		    db_get(c, 0, "cadence"))) : req_printf(r, "Occasional "
		    "check-ins (was: %s)", mship_cadence_label(db_get(c, 0,
		    "cadence"))));
	else
		tmpl_set(d, "CADENCE_LABEL", mship_cadence_label(db_get(c, 0,
		    "cadence")));
	tmpl_set(d, "CHANNELS", mship_channels_label(r, db_get(c, 0, "channels")));
	tmpl_set_int(d, "CONTRACT_VERSION", db_get_int(c, 0,
	    "contract_version"));
	if (db_get(c, 0, "review_date") == NULL)
		tmpl_set(d, "REVIEW_TEXT", "not set");
	else {
		long long left = db_get_int(c, 0, "days_left");
		page_date(r, d, "REVIEW_DATE", db_get(c, 0, "review_date"));
		/* days left only while the review is ahead of the pair */
		tmpl_set(d, "REVIEW_LEFT", stage_is(m, "separation") ?
		    "the review is under way" : stage_is(m, "redefinition") ||
		    !m->is_open ? "reviewed" : left < 0 ? "passed" :
		    left == 0 ? "today" : left == 1 ? "1 day left" :
		    req_printf(r, "%lld days left", left));
		tmpl_show(d, "HAS_REVIEW");
	}
	tmpl_set(d, "MENTOR_AGREED_TEXT", "not yet");
	tmpl_set(d, "MENTEE_AGREED_TEXT", "not yet");
	if (db_get(c, 0, "mentor_agreed_at") != NULL)
		page_time(r, d, "MENTOR_AGREED_TEXT",
		    db_get(c, 0, "mentor_agreed_at"));
	if (db_get(c, 0, "mentee_agreed_at") != NULL)
		page_time(r, d, "MENTEE_AGREED_TEXT",
		    db_get(c, 0, "mentee_agreed_at"));
	tmpl_set(d, "CONTRACT_LINK_TEXT", !contract_editable(m) ?
	    "Read the contract and its versions" :
	    db_get(c, 0, "mentor_agreed_at") != NULL &&
	    db_get(c, 0, "mentee_agreed_at") != NULL ?
	    "Change the contract (both agree again)" :
	    "Write and agree the contract");
	g = db_query(r, "SELECT id, title, measure, target_date, status, "
	    "review_note, version FROM goals WHERE mentorship_id = ? "
	    "ORDER BY id", "i", m->id);
	if (g == NULL)
		return -1;
	for (i = 0; i < g->nrows; i++) {
		s = tmpl_section(d, "GOAL");
		tmpl_set(s, "TITLE", db_str(g, i, 1));
		tmpl_set(s, "MEASURE", db_str(g, i, 2));
		if (db_str(g, i, 3) != NULL)
			page_date(r, tmpl_section(s, "TARGET"), "TARGET_DATE",
			    db_str(g, i, 3));
		tmpl_set(s, "STATUS", db_str(g, i, 4));
		tmpl_set(s, "STATUS_LABEL", mship_outcome_label(db_str(g, i, 4)));
		if (db_str(g, i, 5) != NULL)
			tmpl_set(tmpl_section(s, "REVIEW_NOTE"), "TEXT",
			    db_str(g, i, 5));
		if (strcmp(db_str(g, i, 4), "open") == 0)
			open++;
	}
	tmpl_set_int(d, "GOAL_COUNT", (long long)g->nrows);
	if (g->nrows == 0)
		tmpl_show(d, "NO_GOALS");
	tmpl_set_int(d, "OPEN_GOALS", open);
	return 0;
}

/*
 * The words the latest move came with, above everything else: the
 * mentor's open question while a request waits, or why it closed. The
 * timeline has them too, but further down and among older events.
 */
static void
show_last_word(struct req *r, struct tdict *d, const struct mship *m,
    const struct db_rows *e)
{
	struct tdict *s;
	const char *from, *to, *note, *who;
	size_t i;

	if (e->nrows == 0)
		return;
	i = e->nrows - 1;
	from = db_str(e, i, 0);
	to = db_str(e, i, 1);
	note = db_str(e, i, 2);
	who = db_str(e, i, 4) != NULL ? db_str(e, i, 4) : "Menteo";
	if (note == NULL || *note == '\0' || strcmp(to, m->stage) != 0)
		return;
	if (stage_is(m, "requested") && from != NULL &&
	    strcmp(from, to) == 0 && db_int(e, i, 5) == m->mentor_id) {
		s = tmpl_section(d, "QUESTION");
		tmpl_set(s, "WHO", who);
		tmpl_set(s, "TEXT", note);
		page_time(r, s, "WHEN", db_str(e, i, 3));
	} else if (!m->is_open) {
		s = tmpl_section(d, "CLOSED_NOTE");
		tmpl_set(s, "WHO", who);
		tmpl_set(s, "LABEL", mship_stage_label(to));
		tmpl_set(s, "TEXT", note);
		page_time(r, s, "WHEN", db_str(e, i, 3));
	}
}

static int
show_timeline(struct req *r, struct tdict *d, const struct mship *m,
    int notes)
{
	struct db_rows *e;
	struct tdict *s;
	size_t i;

	e = db_query(r, "SELECT e.from_stage, e.to_stage, e.note, "
	    "e.created_at, u.display_name, e.actor_id FROM stage_events e "
	    "LEFT JOIN users u ON u.id = e.actor_id WHERE e.mentorship_id = ? "
	    "ORDER BY e.id", "i", m->id);
	if (e == NULL)
		return -1;
	if (notes)
		show_last_word(r, d, m, e);
	for (i = 0; i < e->nrows; i++) {
		const char *from = db_str(e, i, 0), *to = db_str(e, i, 1);
		s = tmpl_section(d, "EVENT");
		page_time(r, s, "WHEN", db_str(e, i, 3));
		/* a datetime attribute without a zone would be local time */
		tmpl_set(s, "WHEN_ISO", strlen(db_str(e, i, 3)) == 19 ?
		    req_printf(r, "%.10sT%sZ", db_str(e, i, 3),
		    db_str(e, i, 3) + 11) : db_str(e, i, 3));
		tmpl_set(s, "ACTOR", db_str(e, i, 4) ? db_str(e, i, 4) :
		    "Menteo");
		tmpl_set(s, "TO", to);
		tmpl_set(s, "TO_LABEL", mship_stage_label(to));
		tmpl_set(s, "WHAT", mship_event_text(r, from, to));
		if (notes && db_str(e, i, 2) != NULL && *db_str(e, i, 2) != '\0')
			tmpl_set(tmpl_section(s, "NOTE"), "TEXT",
			    db_str(e, i, 2));
	}
	return 0;
}

/* Next meeting, and whether the cadence has been kept. */
static int
show_meetings(struct req *r, struct tdict *d, const struct mship *m,
    const char *cadence)
{
	struct db_rows *q;
	struct tdict *s;
	int days = cadence_days(cadence);

	q = db_query(r, "SELECT "
	    "(SELECT MIN(starts_at) FROM meetings WHERE mentorship_id = ? "
	    " AND starts_at >= UTC_TIMESTAMP()), "
	    "(SELECT MAX(starts_at) FROM meetings WHERE mentorship_id = ? "
	    " AND starts_at < UTC_TIMESTAMP()), "
	    "(SELECT COUNT(*) FROM meetings WHERE mentorship_id = ? AND "
	    " starts_at < UTC_TIMESTAMP() AND starts_at >= UTC_TIMESTAMP() - "
	    " INTERVAL ? DAY), "
	    "(SELECT stage_changed_at < UTC_TIMESTAMP() - INTERVAL ? DAY "
	    " FROM mentorships WHERE id = ?), "
	    "(SELECT MAX(starts_at) < UTC_TIMESTAMP() - INTERVAL ? DAY FROM "
	    " meetings WHERE mentorship_id = ? AND starts_at < "
	    " UTC_TIMESTAMP())", "iiiiiiii", m->id, m->id, m->id,
	    (long long)days * 3, (long long)days, m->id, (long long)days,
	    m->id);
	if (q == NULL)
		return -1;
	if (db_str(q, 0, 0) != NULL)
		page_time(r, tmpl_section(d, "NEXT_MEETING"), "AT",
		    db_str(q, 0, 0));
	else
		tmpl_show(d, "NO_NEXT_MEETING");
	if (db_str(q, 0, 1) != NULL)
		page_time(r, tmpl_section(d, "LAST_MEETING"), "AT",
		    db_str(q, 0, 1));
	if (days == 0 || !stage_is(m, "cultivation"))
		return 0;
	s = tmpl_section(d, "CADENCE");
	tmpl_set(s, "HELD", db_int(q, 0, 2) == 0 ? "No meeting" :
	    db_int(q, 0, 2) == 1 ? "1 meeting" : req_printf(r,
	    "%lld meetings", db_int(q, 0, 2)));
	tmpl_set_int(s, "WEEKS", days * 3 / 7);
	/* behind: no meeting within one interval once one has passed; kept
	 * is said of meetings held, never of none */
	if ((db_str(q, 0, 1) == NULL && db_int(q, 0, 3)) ||
	    (db_str(q, 0, 1) != NULL && db_int(q, 0, 4)))
		tmpl_show(s, "BEHIND");
	else if (db_str(q, 0, 1) == NULL)
		tmpl_show(s, "FIRST_DUE");
	else
		tmpl_show(s, "ON_TRACK");
	return 0;
}

/* Roadmap progress and unread room messages, when those tables exist. */
static int
show_extras(struct req *r, struct tdict *d, const struct mship *m)
{
	struct db_rows *q;
	struct tdict *s;

	if (stage_table_exists(r, "mentorship_milestones")) {
		q = db_query(r, "SELECT COUNT(*), COALESCE(SUM(done_at IS NOT "
		    "NULL), 0), COALESCE(SUM(done_at IS NULL AND due_date < "
		    "UTC_DATE()), 0) FROM mentorship_milestones WHERE "
		    "mentorship_id = ?", "i", m->id);
		if (q == NULL)
			return -1;
		s = tmpl_section(d, "MILESTONES");
		tmpl_set_int(s, "TOTAL", db_int(q, 0, 0));
		tmpl_set_int(s, "DONE", db_int(q, 0, 1));
		tmpl_set_int(s, "OVERDUE", db_int(q, 0, 2));
		if (db_int(q, 0, 2) > 0)
			tmpl_show(s, "HAS_OVERDUE");
		if (db_int(q, 0, 0) > 0)
			tmpl_set_int(s, "PERCENT", db_int(q, 0, 1) * 100 /
			    db_int(q, 0, 0));
		else
			tmpl_set_int(s, "PERCENT", 0);
	} else if (r->db_failed)
		return -1;
	if (stage_table_exists(r, "room_messages") &&
	    stage_table_exists(r, "room_reads")) {
		q = db_query(r, "SELECT COUNT(*) FROM room_messages x WHERE "
		    "x.mentorship_id = ? AND x.author_id <> ? AND x.id > "
		    "COALESCE((SELECT last_read_id FROM room_reads WHERE "
		    "mentorship_id = ? AND user_id = ?), 0)", "iiii", m->id,
		    r->user.id, m->id, r->user.id);
		if (q == NULL)
			return -1;
		s = tmpl_section(d, "ROOM");
		tmpl_set_int(s, "UNREAD", db_int(q, 0, 0));
		if (db_int(q, 0, 0) > 0)
			tmpl_show(s, "HAS_UNREAD");
	} else if (r->db_failed)
		return -1;
	return 0;
}

static const struct field checkin_f[] = {
	{ "date", F_DATE, 10, 10, 1, NULL },
	{ "note", F_MULTILINE, 0, 4000, 0, NULL },
};
enum { CK_DATE, CK_NOTE, CK_N };

static int	show_checkins(struct req *, struct tdict *,
		    const struct mship *, const struct fval *);

/* The mentorship page; cv: a check-in form to put back (422), or NULL. */
static void
show_page_with(struct req *r, struct mship *m, int status,
    const char *reason, const struct fval *cv)
{
	struct tdict *d;
	struct db_rows *c;
	const char *next_to;

	c = db_query(r, "SELECT message, ground_rules, cadence, channels, "
	    "review_date, DATEDIFF(review_date, UTC_DATE()) AS days_left, "
	    "mentor_agreed_at, mentee_agreed_at, contract_version, "
	    "acknowledged_at, checkin_months, next_checkin, created_at, "
	    "(SELECT p.name FROM programmes p WHERE p.id = programme_id) AS "
	    "programme, (SELECT p.slug FROM programmes p WHERE p.id = "
	    "programme_id) AS programme_slug FROM mentorships WHERE id = ?",
	    "i", m->id);
	if (c == NULL)
		return;
	if (c->nrows == 0)	/* deleted since it was loaded */
		return page_error(r, 404);
	d = page_new(r, m->focus, "mentorships_show.tpl");
	if (db_get(c, 0, "programme") != NULL) {
		struct tdict *s = tmpl_section(d, "PROGRAMME");
		tmpl_set(s, "PROGRAMME_NAME", db_get(c, 0, "programme"));
		tmpl_set(s, "PROGRAMME_SLUG", db_get(c, 0, "programme_slug"));
	}
	tmpl_set_int(d, "ID", m->id);
	tmpl_set(d, "FOCUS", m->focus);
	tmpl_set(d, "STAGE", m->stage);
	tmpl_set(d, "STAGE_LABEL", mship_stage_label(m->stage));
	tmpl_set(d, "MENTOR_NAME", m->mentor_name);
	tmpl_set(d, "MENTOR_SLUG", m->mentor_slug);
	tmpl_set(d, "MENTEE_NAME", m->mentee_name);
	tmpl_set(d, "MENTEE_SLUG", m->mentee_slug);
	tmpl_set(d, "ROLE", m->is_mentor ? "mentor" : "mentee");
	page_date(r, d, "CREATED", db_get(c, 0, "created_at"));
	if (reason != NULL)
		tmpl_set(tmpl_section(d, "REFUSED"), "REASON", reason);
	if (m->is_open && !stage_is(m, "requested"))
		stepper(d, m->stage);
	if (stage_is(m, "requested"))
		tmpl_show(d, "IS_REQUESTED");
	if (!m->is_open)
		tmpl_show(d, "IS_CLOSED");
	else
		tmpl_show(d, "IS_OPEN");
	if (!stage_is(m, "requested") && m->is_open)
		tmpl_show(d, "IS_ACTIVE");
	if (stage_is(m, "cultivation") || stage_is(m, "separation"))
		tmpl_show(d, "CAN_REVIEW");
	if (stage_is(m, "separation") || stage_is(m, "redefinition") ||
	    (stage_is(m, "ended") && db_get(c, 0, "acknowledged_at") != NULL))
		tmpl_show(d, "HAS_RECORD");
	if (stage_is(m, "separation") && m->is_mentor &&
	    db_get(c, 0, "acknowledged_at") == NULL)
		tmpl_show(d, "CAN_ACKNOWLEDGE");
	/* an acknowledgment belongs to its cycle: a new one has none yet */
	if (db_get(c, 0, "acknowledged_at") != NULL)
		page_time(r, tmpl_section(d, stage_is(m, "separation") ||
		    stage_is(m, "redefinition") || !m->is_open ?
		    "ACKNOWLEDGED" : "ACK_EARLIER"), "AT",
		    db_get(c, 0, "acknowledged_at"));
	if (stage_is(m, "redefinition")) {
		struct tdict *s = tmpl_section(d, "CHECKIN");
		if (db_get(c, 0, "next_checkin") != NULL) {
			page_date(r, tmpl_section(s, "NEXT_CHECKIN"), "AT",
			    db_get(c, 0, "next_checkin"));
			tmpl_set(s, "CHECKIN_EVERY", strcmp(db_get(c, 0,
			    "checkin_months"), "1") == 0 ? "every month" :
			    req_printf(r, "every %s months",
			    db_get(c, 0, "checkin_months")));
		}
		if (show_checkins(r, s, m, cv) == -1)
			return;
	}
	if ((next_to = show_next(r, d, m)) != NULL && *next_to == '\0')
		return;
	if (show_actions(r, d, m, next_to) == -1)
		return;
	if (show_contract(r, d, m, c) == -1 || show_timeline(r, d, m, 1) == -1 ||
	    show_meetings(r, d, m, db_get(c, 0, "cadence")) == -1 ||
	    show_extras(r, d, m) == -1)
		return;
	page_send(r, status);
}

static void
show_page(struct req *r, struct mship *m, int status, const char *reason)
{
	show_page_with(r, m, status, reason, NULL);
}

static void
mships_show(struct req *r)
{
	struct mship m;

	if (load(r, &m) == -1)
		return;
	show_page(r, &m, 200, NULL);
}

static void
mships_stage(struct req *r)
{
	static const struct field f[] = {
		{ "to", F_TEXT, 1, 20, 1, NULL },
		{ "note", F_MULTILINE, 0, 4000, 0, NULL },
	};
	struct fval v[2];
	struct mship m;
	const char *why;
	int rc;

	if (load(r, &m) == -1)
		return;
	if (field_read(r, f, 2, v) > 0)
		return show_page(r, &m, 409, v[0].err != NULL ?
		    "Choose what to do with this mentorship." :
		    "The note is too long (4000 characters at most).");
	if (mail_throttled(r, &m, show_page))
		return;
	rc = stage_move(r, &m, v[0].str, v[1].str, &why);
	if (rc == 0 && mship_mail_count(r, &m) == -1)
		rc = -1;
	if (rc == -1)
		return;
	if (rc == 403)
		return page_error_msg(r, 403, why);
	if (rc == 404)
		return page_error(r, 404);
	if (rc == 409)
		return show_page(r, &m, 409, why);
	resp_flash(r, strcmp(v[0].str, "requested") == 0 ?
	    "Sent." : req_printf(r, "The mentorship is now in %s.",
	    mship_stage_label(m.stage)));
	resp_redirect(r, path_of(r, &m, ""));
}

/* ---- the contract and its goals --------------------------------------- */

static const struct field contract_f[] = {
	{ "ground_rules", F_MULTILINE, 1, 4000, 1, NULL },
	{ "cadence", F_CHOICE, 0, 0, 1, cadences },
	{ "review_date", F_DATE, 10, 10, 1, NULL },
};
#define CONTRACT_N (sizeof(contract_f) / sizeof(contract_f[0]))

static const struct field goal_f[] = {
	{ "title", F_TEXT, 1, 200, 1, NULL },
	{ "measure", F_MULTILINE, 1, 1000, 1, NULL },
	{ "target_date", F_DATE, 10, 10, 0, NULL },
	{ "goal", F_INT, 1, 9000000000000000000LL, 0, NULL },
	{ "remove", F_BOOL, 0, 0, 0, NULL },
};
#define GOAL_N (sizeof(goal_f) / sizeof(goal_f[0]))

/* Shows one agreed version, ?version=N. */
static int
contract_version_show(struct req *r, struct tdict *d, const struct mship *m)
{
	const char *vs = req_query(r, "version");
	struct db_rows *q;
	struct tdict *s;
	size_t i;
	long long n;
	char *end;

	q = db_query(r, "SELECT version, agreed_at, snapshot FROM "
	    "contract_versions WHERE mentorship_id = ? ORDER BY version",
	    "i", m->id);
	if (q == NULL)
		return -1;
	n = vs != NULL ? strtoll(vs, &end, 10) : 0;
	for (i = 0; i < q->nrows; i++) {
		s = tmpl_section(d, "VERSION");
		tmpl_set(s, "N", db_str(q, i, 0));
		tmpl_set_int(s, "ID", m->id);
		page_date(r, s, "AGREED", db_str(q, i, 1));
		if (n > 0 && db_int(q, i, 0) == n) {
			struct tdict *o = tmpl_section(d, "OLD_VERSION");
			tmpl_set(o, "N", db_str(q, i, 0));
			page_date(r, o, "AGREED", db_str(q, i, 1));
			tmpl_set(o, "SNAPSHOT", db_str(q, i, 2));
		}
	}
	if (q->nrows > 0)
		tmpl_show(d, "HAS_VERSIONS");
	return 0;
}

static void
contract_page(struct req *r, struct mship *m, int status, struct fval *cv,
    const char **chans, size_t nchans, struct fval *gv, const char *err)
{
	struct tdict *d, *s;
	struct db_rows *c, *g;
	size_t i, j;
	int editable = contract_editable(m);

	c = db_query(r, "SELECT ground_rules, cadence, channels, review_date, "
	    "mentor_agreed_at, mentee_agreed_at, contract_version, "
	    /* the default review date: six months, or the programme's weeks */
	    "DATE_FORMAT(UTC_DATE() + INTERVAL COALESCE((SELECT 7 * "
	    "p.review_weeks FROM programmes p WHERE p.id = programme_id), 182) "
	    "DAY, '%Y-%m-%d') FROM "
	    "mentorships WHERE id = ?", "i", m->id);
	if (c == NULL)
		return;
	if (c->nrows == 0)	/* deleted since it was loaded */
		return page_error(r, 404);
	d = page_new(r, "Contract", "mentorships_contract.tpl");
	tmpl_set_int(d, "ID", m->id);
	tmpl_set(d, "FOCUS", m->focus);
	tmpl_set(d, "STAGE", m->stage);
	tmpl_set(d, "STAGE_LABEL", mship_stage_label(m->stage));
	tmpl_set(d, "TODAY", page_today(r));
	tmpl_set(d, "CONTRACT_VERSION", db_str(c, 0, 6));
	if (editable)
		tmpl_show(d, "EDITABLE");
	else
		tmpl_show(d, "READ_ONLY");
	if (!stage_is(m, "initiation"))
		tmpl_show(d, "LATER_CYCLE");
	if (err != NULL) {
		tmpl_set(tmpl_section(d, "REFUSED"), "REASON", err);
	}
	if (cv != NULL)
		page_form(d, contract_f, CONTRACT_N, cv);
	else {
		tmpl_set(d, "GROUND_RULES", db_str(c, 0, 0) ?
		    db_str(c, 0, 0) : "");
		tmpl_set(d, "REVIEW_DATE", db_str(c, 0, 3) ? db_str(c, 0, 3) :
		    db_str(c, 0, 7));
		if (db_str(c, 0, 1) != NULL)
			tmpl_show(d, req_printf(r, "CADENCE_%s",
			    strcmp(db_str(c, 0, 1), "weekly") == 0 ? "WEEKLY" :
			    strcmp(db_str(c, 0, 1), "biweekly") == 0 ?
			    "BIWEEKLY" : "MONTHLY"));
	}
	/* channels: from the post being re-shown, or the stored SET */
	for (i = 0; channel_names[i] != NULL; i++) {
		int on = 0;
		if (chans != NULL) {
			for (j = 0; j < nchans; j++)
				if (strcmp(chans[j], channel_names[i]) == 0)
					on = 1;
		} else if (db_str(c, 0, 2) != NULL) {
			const char *p = strstr(db_str(c, 0, 2),
			    channel_names[i]);
			on = p != NULL;
		}
		if (on)
			tmpl_show(d, req_printf(r, "CH_%s_CHECKED",
			    i == 0 ? "ROOM" : i == 1 ? "EMAIL" : i == 2 ?
			    "VIDEO" : "IN_PERSON"));
	}
	if (gv != NULL)
		page_form(tmpl_section(d, "GOALFORM"), goal_f, GOAL_N, gv);
	else
		tmpl_show(d, "GOALFORM");
	tmpl_set(d, "MENTOR_AGREED_TEXT", "not yet");
	tmpl_set(d, "MENTEE_AGREED_TEXT", "not yet");
	if (db_str(c, 0, 4) != NULL)
		page_time(r, d, "MENTOR_AGREED_TEXT", db_str(c, 0, 4));
	if (db_str(c, 0, 5) != NULL)
		page_time(r, d, "MENTEE_AGREED_TEXT", db_str(c, 0, 5));
	if (db_str(c, 0, m->is_mentor ? 4 : 5) == NULL && editable)
		tmpl_show(d, "CAN_AGREE");
	else if (editable)
		tmpl_show(d, "YOU_AGREED");
	g = db_query(r, "SELECT id, title, measure, target_date, status, "
	    "version, version > ? OR ? FROM goals WHERE mentorship_id = ? "
	    "ORDER BY id", "iii", db_int(c, 0, 6),
	    (long long)stage_is(m, "initiation"), m->id);
	if (g == NULL)
		return;
	for (i = 0; i < g->nrows; i++) {
		s = tmpl_section(d, "GOAL");
		tmpl_set(s, "GOAL_ID", db_str(g, i, 0));
		tmpl_set(s, "TITLE", db_str(g, i, 1));
		tmpl_set(s, "MEASURE", db_str(g, i, 2));
		tmpl_set(s, "TARGET_DATE", db_str(g, i, 3) ? db_str(g, i, 3) :
		    "");
		tmpl_set(s, "STATUS", db_str(g, i, 4));
		tmpl_set(s, "STATUS_LABEL", mship_outcome_label(db_str(g, i, 4)));
		tmpl_set(s, "VERSION", db_str(g, i, 5));
		tmpl_set_int(s, "ID", m->id);
		if (editable && db_int(g, i, 6))
			tmpl_show(s, "GOAL_EDITABLE");
	}
	tmpl_set_int(d, "GOAL_COUNT", (long long)g->nrows);
	if (contract_version_show(r, d, m) == -1)
		return;
	page_send(r, status);
}

static void
mships_contract(struct req *r)
{
	struct mship m;

	if (load(r, &m) == -1)
		return;
	contract_page(r, &m, 200, NULL, NULL, 0, NULL, NULL);
}

/*
 * A change to a contract one party agreed to clears both agreements
 * and tells the other party. Inside the caller's transaction.
 */
static int
contract_changed(struct req *r, const struct mship *m, const char *what)
{
	const char *v;

	v = db_value(r, "SELECT mentor_agreed_at IS NOT NULL OR "
	    "mentee_agreed_at IS NOT NULL FROM mentorships WHERE id = ?",
	    "i", m->id);
	if (v == NULL)
		return -1;
	if (strcmp(v, "1") != 0)
		return 0;
	if (db_exec(r, "UPDATE mentorships SET mentor_agreed_at = NULL, "
	    "mentee_agreed_at = NULL WHERE id = ?", "i", m->id) == -1)
		return -1;
	return tell_other(r, m, "The contract changed: agree again",
	    req_printf(r, "%s changed the contract (%s), so both agreements "
	    "were cleared. Read it and agree again.", r->user.name, what),
	    NULL, "/contract");
}

static const char *
snapshot(struct req *r, const struct mship *m, long long version)
{
	struct db_rows *c, *g;
	struct buf b = { NULL, 0, 0 };
	const char *out;
	size_t i;

	c = db_query(r, "SELECT ground_rules, cadence, channels, review_date "
	    "FROM mentorships WHERE id = ?", "i", m->id);
	g = db_query(r, "SELECT title, measure, target_date, status FROM goals "
	    "WHERE mentorship_id = ? AND (version >= ? OR status = 'open' OR "
	    "? = 1) ORDER BY id", "iii", m->id, version, version);
	if (c == NULL || g == NULL || c->nrows == 0)
		return NULL;
	buf_printf(&b, "Contract version %lld\nMentor: %s\nMentee: %s\n"
	    "Focus: %s\n\nGround rules:\n%s\n\nMeeting cadence: %s\n"
	    "Communication: %s\nReview date: %s\n\nGoals:\n", version,
	    m->mentor_name, m->mentee_name, m->focus, db_str(c, 0, 0),
	    mship_cadence_label(db_str(c, 0, 1)), db_str(c, 0, 2), db_str(c, 0, 3));
	for (i = 0; i < g->nrows; i++)
		buf_printf(&b, "%zu. %s\n   Measured by: %s\n   Target: %s\n"
		    "   Status: %s\n", i + 1, db_str(g, i, 0), db_str(g, i, 1),
		    db_str(g, i, 2) ? db_str(g, i, 2) : "none",
		    mship_outcome_label(db_str(g, i, 3)));
	out = b.p != NULL ? req_strdup(r, b.p) : "";
	buf_free(&b);
	return out;
}

/* What a write to the contract found under the mentorship's lock. */
struct cwrite {
	struct mship	*m;
	const char	*why;		/* refused: why */
	int		 done;		/* agree: 0 nothing new, 1 one, 2 both */
	long long	 version;	/* agree: the version kept */
	struct fval	*v;		/* the form */
	const char	*setv;		/* contract: channels as a SET */
	long long	 goal;		/* goals: the goal edited, or 0 */
};

/* The stage may have moved since the page was loaded: ask it under lock. */
static int
lock_editable(struct req *r, struct cwrite *w)
{
	int rc;

	if ((rc = stage_lock(r, w->m)) != 0)
		return rc;	/* 404: deleted since it was loaded */
	if (!contract_editable(w->m))
		return w->why = req_printf(r, "The contract cannot be changed "
		    "in %s: it is written in Initiation, and renewed in "
		    "Separation or Redefinition.",
		    mship_stage_label(w->m->stage)), 409;
	return 0;
}

/*
 * The viewer agrees; when both have, the version is kept. An agreement
 * already given is a no-op (done 0): nothing written, nobody mailed.
 */
static int
agree_tx(struct req *r, void *arg)
{
	struct cwrite *w = arg;
	struct mship *m = w->m;
	struct db_rows *c;
	const char *snap;
	long long n;
	int rc;

	w->done = 0;
	if ((rc = lock_editable(r, w)) != 0)
		return rc;
	if ((rc = stage_contract_complete(r, m, &w->why)) != 0)
		return rc == -1 ? -1 : 422;
	n = db_exec(r, m->is_mentor ?
	    "UPDATE mentorships SET mentor_agreed_at = UTC_TIMESTAMP() WHERE "
	    "id = ? AND mentor_agreed_at IS NULL" :
	    "UPDATE mentorships SET mentee_agreed_at = UTC_TIMESTAMP() WHERE "
	    "id = ? AND mentee_agreed_at IS NULL", "i", m->id);
	if (n == -1)
		return -1;
	if (n == 0)
		return 0;
	c = db_query(r, "SELECT mentor_agreed_at IS NOT NULL AND "
	    "mentee_agreed_at IS NOT NULL, (SELECT COALESCE(MAX(version), 0) "
	    "+ 1 FROM contract_versions WHERE mentorship_id = ?) FROM "
	    "mentorships WHERE id = ?", "ii", m->id, m->id);
	if (c == NULL)
		return -1;
	if (c->nrows == 0)
		return 404;
	w->done = db_int(c, 0, 0) ? 2 : 1;
	w->version = db_int(c, 0, 1);
	if (w->done == 1)
		return tell_other(r, m, "The contract was agreed by one party",
		    req_printf(r, "%s agreed to the contract. Read it and "
		    "agree too, so the work can start.", r->user.name), NULL,
		    "/contract");
	if ((snap = snapshot(r, m, w->version)) == NULL)
		return -1;
	if (db_exec(r, "INSERT INTO contract_versions (mentorship_id, "
	    "version, snapshot, agreed_at) VALUES (?, ?, ?, "
	    "UTC_TIMESTAMP())", "iis", m->id, w->version, snap) != 1)
		return -1;
	if (db_exec(r, "UPDATE goals SET version = ? WHERE "
	    "mentorship_id = ? AND version > (SELECT contract_version "
	    "FROM mentorships WHERE id = ?)", "iii", w->version, m->id,
	    m->id) == -1)
		return -1;
	if (db_exec(r, "UPDATE mentorships SET contract_version = ? "
	    "WHERE id = ?", "ii", w->version, m->id) == -1)
		return -1;
	return tell_other(r, m, req_printf(r, "Contract version %lld "
	    "agreed by both of you", w->version), req_printf(r, "%s "
	    "agreed too: version %lld of your contract is kept. You "
	    "can now start %s.", r->user.name, w->version,
	    stage_is(m, "initiation") ? "Cultivation" :
	    "the next Cultivation cycle"), NULL, "");
}

static void
contract_refused(struct req *r, struct mship *m, int status, const char *why)
{
	contract_page(r, m, status, NULL, NULL, 0, NULL, why);
}

static void
contract_agree(struct req *r, struct mship *m)
{
	struct cwrite w = { .m = m };
	int rc;

	if (mail_throttled(r, m, contract_refused))
		return;
	if ((rc = db_tx_run(r, agree_tx, &w)) == -1)
		return;
	if (rc == 404)
		return page_error(r, 404);
	if (rc != 0)
		return contract_page(r, m, rc, NULL, NULL, 0, NULL, w.why);
	resp_flash(r, w.done == 2 ? "You both agreed: the contract is kept "
	    "as a new version." : w.done == 1 ? "You agreed. The other party "
	    "has been told." : "You have agreed to this contract already.");
	resp_redirect(r, path_of(r, m, w.done == 2 ? "" : "/contract"));
}

/* The ground rules, cadence, channels and review date, saved. */
static int
contract_tx(struct req *r, void *arg)
{
	struct cwrite *w = arg;
	struct fval *v = w->v;
	struct db_rows *c;
	int rc;

	if ((rc = lock_editable(r, w)) != 0)
		return rc;
	c = db_query(r, "SELECT ground_rules <=> ? AND cadence <=> ? AND "
	    "channels <=> ? AND review_date <=> ? FROM mentorships WHERE "
	    "id = ?", "ssssi", v[0].str, v[1].str, w->setv, v[2].str,
	    w->m->id);
	if (c == NULL)
		return -1;
	if (c->nrows == 0)
		return 404;
	if (db_int(c, 0, 0))
		return 0;
	if (db_exec(r, "UPDATE mentorships SET ground_rules = ?, "
	    "cadence = ?, channels = ?, review_date = ? WHERE id = ?",
	    "ssssi", v[0].str, v[1].str, w->setv, v[2].str, w->m->id) == -1)
		return -1;
	return contract_changed(r, w->m, "ground rules, cadence, "
	    "communication or review date");
}

static void
mships_contract_post(struct req *r)
{
	struct fval v[CONTRACT_N];
	struct mship m;
	struct cwrite w = { .m = &m, .v = v };
	const char *chans[8], *cur;
	struct buf set = { NULL, 0, 0 };
	size_t n, i, j;
	int rc;

	if (load(r, &m) == -1)
		return;
	if (!contract_editable(&m))
		return contract_page(r, &m, 409, NULL, NULL, 0, NULL,
		    req_printf(r, "The contract cannot be changed in %s: it is "
		    "written in Initiation, and renewed in Separation or "
		    "Redefinition.", mship_stage_label(m.stage)));
	if ((cur = req_form(r, "agree")) != NULL && strcmp(cur, "1") == 0)
		return contract_agree(r, &m);
	n = req_form_all(r, "channels", chans, 8);
	if (field_read(r, contract_f, CONTRACT_N, v) > 0)
		return contract_page(r, &m, 422, v, chans, n, NULL,
		    "Check the fields marked below.");
	if (strcmp(v[2].str, page_today(r)) < 0) {
		v[2].err = "The review date cannot be in the past.";
		return contract_page(r, &m, 422, v, chans, n, NULL,
		    "The review date cannot be in the past.");
	}
	/* the SET in its declared order, each channel once */
	for (i = 0; channel_names[i] != NULL; i++)
		for (j = 0; j < n; j++)
			if (strcmp(chans[j], channel_names[i]) == 0) {
				buf_printf(&set, "%s%s", set.len ? "," : "",
				    channel_names[i]);
				break;
			}
	for (j = 0; j < n; j++) {
		for (i = 0; channel_names[i] != NULL; i++)
			if (strcmp(chans[j], channel_names[i]) == 0)
				break;
		if (channel_names[i] == NULL)
			set.len = 0;
	}
	if (set.len == 0) {
		buf_free(&set);
		return contract_page(r, &m, 422, v, chans, n, NULL,
		    "Choose one or more ways to communicate: room, e-mail, "
		    "video or in person.");
	}
	w.setv = req_strdup(r, set.p);
	buf_free(&set);
	if ((rc = db_tx_run(r, contract_tx, &w)) == -1)
		return;
	if (rc == 404)
		return page_error(r, 404);
	if (rc != 0)
		return contract_page(r, &m, rc, v, chans, n, NULL, w.why);
	resp_flash(r, "Contract saved.");
	resp_redirect(r, path_of(r, &m, "/contract"));
}

#define GOALS_MAX	50	/* per mentorship, over all its cycles */

/*
 * A goal removed (v[GOAL_REMOVE]), edited (w->goal) or added, under the
 * mentorship's lock: the stage, whether the goal is still open to edits
 * and the count are read there, so none of them can change meanwhile.
 */
static int
goal_tx(struct req *r, void *arg)
{
	struct cwrite *w = arg;
	struct mship *m = w->m;
	struct fval *v = w->v;
	struct db_rows *g;
	int rc;

	if ((rc = lock_editable(r, w)) != 0)
		return rc;
	if (w->goal > 0) {
		g = db_query(r, "SELECT version > (SELECT contract_version FROM "
		    "mentorships WHERE id = ?) OR ? FROM goals WHERE id = ? "
		    "AND mentorship_id = ? FOR UPDATE", "iiii", m->id,
		    (long long)stage_is(m, "initiation"), w->goal, m->id);
		if (g == NULL)
			return -1;
		if (g->nrows == 0)
			return 404;
		if (!db_int(g, 0, 0))
			return w->why = "This goal belongs to an agreed contract "
			    "version: record its outcome on the review page "
			    "instead.", 409;
	}
	if (w->goal > 0 && v[4].num) {
		if (db_exec(r, "DELETE FROM goals WHERE id = ? AND "
		    "mentorship_id = ?", "ii", w->goal, m->id) == -1)
			return -1;
		return contract_changed(r, m, "a goal was removed");
	}
	if (w->goal > 0) {
		if (db_exec(r, "UPDATE goals SET title = ?, measure = ?, "
		    "target_date = ? WHERE id = ? AND mentorship_id = ?",
		    "sssii", v[0].str, v[1].str, v[2].str, w->goal,
		    m->id) == -1)
			return -1;
		return contract_changed(r, m, "a goal was edited");
	}
	g = db_query(r, "SELECT COUNT(*) FROM goals WHERE mentorship_id = ?",
	    "i", m->id);
	if (g == NULL)
		return -1;
	if (db_int(g, 0, 0) >= GOALS_MAX)
		return w->why = "This mentorship has too many goals already "
		    "(50 at most).", 422;
	if (db_exec(r, "INSERT INTO goals (mentorship_id, title, "
	    "measure, target_date, version, created_at) SELECT id, ?, "
	    "?, ?, IF(stage = 'initiation', 1, contract_version + 1), "
	    "UTC_TIMESTAMP() FROM mentorships WHERE id = ?", "sssi",
	    v[0].str, v[1].str, v[2].str, m->id) != 1)
		return -1;
	return contract_changed(r, m, "a goal was added");
}

static void
mships_goals_post(struct req *r)
{
	struct fval v[GOAL_N];
	struct mship m;
	struct cwrite w = { .m = &m, .v = v };
	int rc;

	if (load(r, &m) == -1)
		return;
	if (!contract_editable(&m))
		return contract_page(r, &m, 409, NULL, NULL, 0, NULL,
		    req_printf(r, "Goals cannot be changed in %s.",
		    mship_stage_label(m.stage)));
	field_read(r, goal_f, GOAL_N, v);
	w.goal = v[3].str != NULL ? v[3].num : 0;
	if (!(w.goal > 0 && v[4].num) &&
	    (v[0].err != NULL || v[1].err != NULL || v[2].err != NULL)) {
		if (v[1].err != NULL && v[1].str == NULL)
			v[1].err = "Say how you will know the goal is reached: "
			    "the measure cannot be empty.";
		return contract_page(r, &m, 422, NULL, NULL, 0, v,
		    "Check the goal fields marked below.");
	}
	if ((rc = db_tx_run(r, goal_tx, &w)) == -1)
		return;
	if (rc == 404)
		return page_error(r, 404);
	if (rc != 0)
		return contract_page(r, &m, rc, NULL, NULL, 0,
		    rc == 422 ? v : NULL, w.why);
	resp_flash(r, w.goal > 0 && v[4].num ? "Goal removed." : w.goal > 0 ?
	    "Goal saved." : "Goal added.");
	resp_redirect(r, path_of(r, &m, "/contract"));
}

/* ---- the separation review and the record ----------------------------- */

static const struct field review_f[] = {
	{ "goal", F_INT, 1, 9000000000000000000LL, 1, NULL },
	{ "outcome", F_CHOICE, 0, 0, 1, outcomes },
	{ "note", F_MULTILINE, 0, 4000, 0, NULL },
};
#define REVIEW_N (sizeof(review_f) / sizeof(review_f[0]))

static int
goals_section(struct req *r, struct tdict *d, const struct mship *m,
    int forms, int notes)
{
	struct db_rows *g;
	struct tdict *s;
	size_t i;

	g = db_query(r, "SELECT g.id, g.title, g.measure, g.status, "
	    "g.review_note, g.reviewed_at, u.display_name, g.target_date, "
	    "g.version FROM goals g LEFT JOIN users u ON u.id = g.reviewed_by "
	    "WHERE g.mentorship_id = ? ORDER BY g.id", "i", m->id);
	if (g == NULL)
		return -1;
	for (i = 0; i < g->nrows; i++) {
		s = tmpl_section(d, "GOAL");
		tmpl_set(s, "GOAL_ID", db_str(g, i, 0));
		tmpl_set_int(s, "ID", m->id);
		tmpl_set(s, "TITLE", db_str(g, i, 1));
		tmpl_set(s, "MEASURE", db_str(g, i, 2));
		tmpl_set(s, "STATUS", db_str(g, i, 3));
		tmpl_set(s, "STATUS_LABEL", mship_outcome_label(db_str(g, i, 3)));
		tmpl_set(s, "VERSION", db_str(g, i, 8));
		if (db_str(g, i, 7) != NULL)
			page_date(r, tmpl_section(s, "TARGET"), "TARGET_DATE",
			    db_str(g, i, 7));
		if (notes && db_str(g, i, 4) != NULL)
			tmpl_set(tmpl_section(s, "REVIEW_NOTE"), "TEXT",
			    db_str(g, i, 4));
		if (db_str(g, i, 5) != NULL) {
			struct tdict *x = tmpl_section(s, "REVIEWED");
			page_date(r, x, "AT", db_str(g, i, 5));
			tmpl_set(x, "BY", db_str(g, i, 6) ? db_str(g, i, 6) :
			    "");
		}
		if (forms) {
			struct tdict *f = tmpl_section(s, "FORM");
			tmpl_show(f, req_printf(r, "OUTCOME_%s",
			    strcmp(db_str(g, i, 3), "achieved") == 0 ?
			    "ACHIEVED" : strcmp(db_str(g, i, 3), "partly") == 0 ?
			    "PARTLY" : strcmp(db_str(g, i, 3), "not_achieved") ==
			    0 ? "NOT_ACHIEVED" : strcmp(db_str(g, i, 3),
			    "dropped") == 0 ? "DROPPED" : "NONE"));
			tmpl_set(f, "NOTE", db_str(g, i, 4) ? db_str(g, i, 4) :
			    "");
		}
	}
	if (g->nrows == 0)
		tmpl_show(d, "NO_GOALS");
	return 0;
}

static void
review_page(struct req *r, struct mship *m, int status, const char *err)
{
	struct tdict *d;
	const char *ack;
	int can = stage_is(m, "cultivation") || stage_is(m, "separation");

	ack = db_value(r, "SELECT acknowledged_at FROM mentorships WHERE "
	    "id = ? AND acknowledged_at >= stage_changed_at", "i", m->id);
	if (ack == NULL && r->db_failed)
		return;
	d = page_new(r, "Review", "mentorships_review.tpl");
	tmpl_set_int(d, "ID", m->id);
	tmpl_set(d, "FOCUS", m->focus);
	tmpl_set(d, "STAGE", m->stage);
	tmpl_set(d, "STAGE_LABEL", mship_stage_label(m->stage));
	if (err != NULL)
		tmpl_set(tmpl_section(d, "REFUSED"), "REASON", err);
	if (!can)
		tmpl_show(d, "NOT_NOW");
	if (ack != NULL)
		page_time(r, tmpl_section(d, "ACKNOWLEDGED"), "AT", ack);
	else if (stage_is(m, "separation") && m->is_mentor)
		tmpl_show(d, "CAN_ACKNOWLEDGE");
	if (goals_section(r, d, m, can, 1) == -1)
		return;
	page_send(r, status);
}

static void
mships_review(struct req *r)
{
	struct mship m;

	if (load(r, &m) == -1)
		return;
	review_page(r, &m, 200, NULL);
}

/* A write on the review page, decided under the mentorship's lock. */
struct rwrite {
	struct mship	*m;
	struct fval	*v;
	const char	*why;
	int		 done;	/* acknowledge: 0 given already, 1 now */
};

/*
 * The mentor acknowledges the goals achieved, once per Separation: an
 * acknowledgment already given for this stage is a no-op, not a mail.
 */
static int
ack_tx(struct req *r, void *arg)
{
	struct rwrite *w = arg;
	struct mship *m = w->m;
	const char *open;
	long long n;
	int rc;

	w->done = 0;
	if ((rc = stage_lock(r, m)) != 0)
		return rc;
	if (!stage_is(m, "separation"))
		return w->why = "The acknowledgment is given in Separation.",
		    409;
	if (!m->is_mentor)
		return w->why = "Only the mentor acknowledges the goals "
		    "achieved.", 409;
	open = db_value(r, "SELECT COUNT(*) FROM goals WHERE mentorship_id = ? "
	    "AND status = 'open'", "i", m->id);
	if (open == NULL)
		return -1;
	if (strcmp(open, "0") != 0)
		return w->why = "Record an outcome for every goal before "
		    "acknowledging them.", 409;
	n = db_exec(r, "UPDATE mentorships SET acknowledged_at = "
	    "UTC_TIMESTAMP() WHERE id = ? AND (acknowledged_at IS NULL OR "
	    "acknowledged_at < stage_changed_at)", "i", m->id);
	if (n <= 0)
		return (int)n;
	w->done = 1;
	return tell_other(r, m, "Your mentor acknowledged your goals",
	    req_printf(r, "%s formally acknowledged the goals you achieved. "
	    "Your record of achievement is ready.", r->user.name), NULL,
	    "/record");
}

static void
review_acknowledge(struct req *r, struct mship *m)
{
	struct rwrite w = { .m = m };
	int rc;

	if (mail_throttled(r, m, review_page))
		return;
	if ((rc = db_tx_run(r, ack_tx, &w)) == -1)
		return;
	if (rc == 404)
		return page_error(r, 404);
	if (rc != 0)
		return review_page(r, m, rc, w.why);
	resp_flash(r, w.done ? "Acknowledgment recorded." : "You have "
	    "acknowledged the goals already.");
	resp_redirect(r, path_of(r, m, ""));
}

/* One goal's outcome, in the stages that review. */
static int
outcome_tx(struct req *r, void *arg)
{
	struct rwrite *w = arg;
	struct mship *m = w->m;
	struct fval *v = w->v;
	long long n;
	int rc;

	if ((rc = stage_lock(r, m)) != 0)
		return rc;
	if (!stage_is(m, "cultivation") && !stage_is(m, "separation"))
		return w->why = req_printf(r, "Goals are reviewed in "
		    "Cultivation and Separation, not in %s.",
		    mship_stage_label(m->stage)), 409;
	n = db_exec(r, "UPDATE goals SET status = ?, review_note = ?, "
	    "reviewed_at = UTC_TIMESTAMP(), reviewed_by = ? WHERE id = ? AND "
	    "mentorship_id = ?", "ssiii", v[1].str, v[2].str, r->user.id,
	    v[0].num, m->id);
	if (n == -1)
		return -1;
	if (n == 0) {
		const char *a = db_value(r, "SELECT COUNT(*) FROM goals WHERE "
		    "id = ? AND mentorship_id = ?", "ii", v[0].num, m->id);
		if (a == NULL)
			return -1;
		if (strcmp(a, "0") == 0)
			return 404;
	}
	return 0;
}

static void
mships_review_post(struct req *r)
{
	struct fval v[REVIEW_N];
	struct mship m;
	struct rwrite w = { .m = &m, .v = v };
	const char *a;
	int rc;

	if (load(r, &m) == -1)
		return;
	if ((a = req_form(r, "acknowledge")) != NULL && strcmp(a, "1") == 0)
		return review_acknowledge(r, &m);
	if (!stage_is(&m, "cultivation") && !stage_is(&m, "separation"))
		return review_page(r, &m, 409, req_printf(r, "Goals are "
		    "reviewed in Cultivation and Separation, not in %s.",
		    mship_stage_label(m.stage)));
	if (field_read(r, review_f, REVIEW_N, v) > 0)
		return review_page(r, &m, 422, v[1].err != NULL ?
		    "Choose an outcome: achieved, partly, not achieved or "
		    "dropped." : "Check the review fields.");
	if ((rc = db_tx_run(r, outcome_tx, &w)) == -1)
		return;
	if (rc == 404)
		return page_error(r, 404);
	if (rc != 0)
		return review_page(r, &m, rc, w.why);
	resp_flash(r, "Outcome recorded.");
	resp_redirect(r, path_of(r, &m, "/review"));
}

static int
record_extras(struct req *r, struct tdict *d, const struct mship *m)
{
	struct db_rows *q;
	struct tdict *s;
	size_t i;

	if (stage_table_exists(r, "mentorship_milestones")) {
		q = db_query(r, "SELECT title, done_at FROM "
		    "mentorship_milestones WHERE mentorship_id = ? AND done_at "
		    "IS NOT NULL ORDER BY done_at", "i", m->id);
		if (q == NULL)
			return -1;
		for (i = 0; i < q->nrows; i++) {
			s = tmpl_section(d, "MILESTONE");
			tmpl_set(s, "TITLE", db_str(q, i, 0));
			page_date(r, s, "DONE", db_str(q, i, 1));
		}
		if (q->nrows == 0)
			tmpl_show(d, "NO_MILESTONES");
	} else if (r->db_failed)
		return -1;
	else
		tmpl_show(d, "NO_MILESTONES");
	if (stage_table_exists(r, "threads") &&
	    stage_table_exists(r, "thread_entries")) {
		q = db_query(r, "SELECT t.id, t.title, e.kind, e.body, "
		    "e.created_at FROM threads t JOIN thread_entries e ON "
		    "e.thread_id = t.id JOIN users o ON o.id = t.owner_id AND "
		    "o.disabled_at IS NULL WHERE t.mentorship_id = ? AND "
		    "t.visibility = 'public' ORDER BY e.id LIMIT 200", "i",
		    m->id);
		if (q == NULL)
			return -1;
		for (i = 0; i < q->nrows; i++) {
			s = tmpl_section(d, "ENTRY");
			tmpl_set(s, "THREAD_ID", db_str(q, i, 0));
			tmpl_set(s, "THREAD", db_str(q, i, 1));
			tmpl_set(s, "KIND", db_str(q, i, 2));
			tmpl_set(s, "BODY_HTML", md_html(r, db_str(q, i, 3)));
			page_date(r, s, "WHEN", db_str(q, i, 4));
		}
		if (q->nrows == 0)
			tmpl_show(d, "NO_ENTRIES");
	} else if (r->db_failed)
		return -1;
	else
		tmpl_show(d, "NO_ENTRIES");
	return 0;
}

/* A record is shared while both its people still have their accounts. */
#define RECORD_LIVE "JOIN users a ON a.id = m.mentor_id AND a.disabled_at " \
	"IS NULL JOIN users b ON b.id = m.mentee_id AND b.disabled_at IS NULL"

static void
mships_record(struct req *r)
{
	struct tdict *d;
	struct mship m;
	const char *secret = req_query(r, "s"), *ack;
	const char *shared;
	int rc;

	if ((rc = mship_load(r, r->id[0], &m)) == -1)
		return;
	if (rc == 404)
		return page_error(r, 404);
	if (!m.is_party) {
		shared = secret == NULL || strlen(secret) != 64 ? NULL :
		    db_value(r, "SELECT m.id FROM mentorships m " RECORD_LIVE
		    " WHERE m.id = ? AND m.record_secret = ?", "is", m.id,
		    secret);
		if (shared == NULL && r->db_failed)
			return;
		if (shared == NULL)
			return r->user.id == 0 ? resp_redirect(r, req_printf(r,
			    "/login?next=/mentorships/%lld/record", m.id)) :
			    page_error_msg(r, 403, "Only the mentor and the "
			    "mentee, or someone they shared the link with, can "
			    "see this record.");
	}
	ack = db_value(r, "SELECT acknowledged_at FROM mentorships WHERE "
	    "id = ?", "i", m.id);
	if (ack == NULL && r->db_failed)
		return;
	d = page_new(r, "Record of achievement", "mentorships_record.tpl");
	tmpl_set_int(d, "ID", m.id);
	tmpl_set(d, "FOCUS", m.focus);
	tmpl_set(d, "STAGE", m.stage);
	tmpl_set(d, "STAGE_LABEL", mship_stage_label(m.stage));
	tmpl_set(d, "MENTOR_NAME", m.mentor_name);
	tmpl_set(d, "MENTEE_NAME", m.mentee_name);
	page_date(r, d, "TODAY", req_printf(r, "%s 00:00:00", page_today(r)));
	if (ack != NULL)
		page_date(r, tmpl_section(d, "ACKNOWLEDGED"), "AT", ack);
	else
		tmpl_show(d, "NOT_ACKNOWLEDGED");
	if (m.is_party) {
		struct tdict *s = tmpl_section(d, "SHARE");
		const char *sec = db_value(r, "SELECT m.record_secret FROM "
		    "mentorships m " RECORD_LIVE " WHERE m.id = ?", "i", m.id);
		if (sec == NULL && r->db_failed)
			return;
		if (sec != NULL)
			tmpl_set(tmpl_section(s, "SHARE_LINK"), "URL",
			    req_printf(r, "/mentorships/%lld/record?s=%s", m.id,
			    sec));
		tmpl_set_int(s, "ID", m.id);
	}
	/* what a shared link shows, the parties see too: no notes */
	if (goals_section(r, d, &m, 0, 0) == -1 ||
	    show_timeline(r, d, &m, 0) == -1 || record_extras(r, d, &m) == -1)
		return;
	page_send(r, 200);
}

static void
record_refused(struct req *r, struct mship *m, int status, const char *why)
{
	(void)m;
	page_error_msg(r, status, why);
}

/*
 * Either party makes a link (share=1) or ends it (share=0). The record
 * is both people's, so making a link tells the other one, who can end
 * it at any time: asking both to consent first would leave a record
 * unsharable whenever the other party has gone quiet, which is when a
 * mentee most needs to show it.
 */
static void
mships_record_share(struct req *r)
{
	static const char *const share[] = { "0", "1", NULL };
	static const struct field f[] = {
		{ "share", F_CHOICE, 0, 0, 0, share },
	};
	struct fval v[1];
	struct mship m;
	char tok[SESS_TOKEN_LEN + 1];

	if (load(r, &m) == -1)
		return;
	if (field_read(r, f, 1, v) != 0)
		return page_error(r, 400);
	if (v[0].str != NULL && strcmp(v[0].str, "0") == 0) {
		if (db_exec(r, "UPDATE mentorships SET record_secret = NULL "
		    "WHERE id = ?", "i", m.id) == -1)
			return;
		resp_flash(r, "The record is no longer shared: its link does "
		    "not work any more.");
		return resp_redirect(r, path_of(r, &m, "/record"));
	}
	if (mail_throttled(r, &m, record_refused))
		return;
	sess_token(tok);
	if (db_begin(r) == -1 || db_exec(r, "UPDATE mentorships SET "
	    "record_secret = ? WHERE id = ?", "si", tok, m.id) == -1 ||
	    tell_other(r, &m, "Your record of achievement was shared",
	    req_printf(r, "%s made a link that lets anyone who has it read "
	    "your record of achievement: goals and outcomes, milestones, "
	    "stage dates and public Growth Thread entries (no notes). You "
	    "can end the link on the record page.", r->user.name), NULL,
	    "/record") == -1 || db_commit(r) == -1)
		return;
	resp_flash(r, "A new sharing link was made; any earlier link no "
	    "longer works. We told the other person.");
	resp_redirect(r, path_of(r, &m, "/record"));
}

/* ---- redefinition check-ins ------------------------------------------- */

/* The check-in interval, set in Redefinition only (read under lock). */
static int
checkin_tx(struct req *r, void *arg)
{
	struct rwrite *w = arg;
	long long months = w->v[0].num;
	int rc;

	if ((rc = stage_lock(r, w->m)) != 0)
		return rc;
	if (!stage_is(w->m, "redefinition"))
		return w->why = "Check-ins are set in Redefinition.", 409;
	if (db_exec(r, "UPDATE mentorships SET checkin_months = ?, "
	    "next_checkin = UTC_DATE() + INTERVAL ? MONTH WHERE id = ?", "iii",
	    months, months, w->m->id) == -1)
		return -1;
	return tell_other(r, w->m, "Check-in interval set", req_printf(r,
	    "%s set your check-ins to every %lld month(s).", r->user.name,
	    months), NULL, "");
}

static void
mships_checkin(struct req *r)
{
	static const struct field f[] = {
		{ "checkin_months", F_INT, 1, 12, 1, NULL },
	};
	struct fval v[1];
	struct mship m;
	struct rwrite w = { .m = &m, .v = v };
	int rc;

	if (load(r, &m) == -1)
		return;
	if (!stage_is(&m, "redefinition"))
		return show_page(r, &m, 409, "Check-ins are set in "
		    "Redefinition.");
	if (field_read(r, f, 1, v) > 0)
		return show_page(r, &m, 422, "Choose a check-in interval "
		    "between 1 and 12 months.");
	if (mail_throttled(r, &m, show_page))
		return;
	if ((rc = db_tx_run(r, checkin_tx, &w)) == -1)
		return;
	if (rc == 404)
		return page_error(r, 404);
	if (rc != 0)
		return show_page(r, &m, rc, w.why);
	resp_flash(r, "Check-in interval saved.");
	resp_redirect(r, path_of(r, &m, ""));
}

/*
 * The check-ins logged, newest first, and the form to log one: today's
 * date, or what was typed (cv, a 422).
 */
static int
show_checkins(struct req *r, struct tdict *s, const struct mship *m,
    const struct fval *cv)
{
	struct db_rows *c;
	struct tdict *row;
	size_t i;

	c = db_query(r, "SELECT k.held_on, k.note, u.display_name "
	    "FROM checkins k LEFT JOIN users u ON u.id = k.logged_by "
	    "WHERE k.mentorship_id = ? ORDER BY k.held_on DESC, k.id DESC "
	    "LIMIT 20", "i", m->id);
	if (c == NULL)
		return -1;
	for (i = 0; i < c->nrows; i++) {
		row = tmpl_section(s, "LOGGED");
		page_date(r, row, "HELD_ON", db_str(c, i, 0));
		tmpl_set(row, "NOTE", db_str(c, i, 1));
		tmpl_set(row, "BY", db_get(c, i, "display_name") != NULL ?
		    db_str(c, i, 2) : "A former member");
	}
	if (c->nrows == 0)
		tmpl_show(s, "NONE_LOGGED");
	if (cv != NULL)
		page_form(s, checkin_f, CK_N, cv);
	else
		tmpl_set(s, "DATE", page_today(r));
	return 0;
}

/*
 * A check-in held, logged in Redefinition (the stage read under the
 * mentorship's lock, taken before the check-in row's: the one order).
 */
static int
checkin_log_tx(struct req *r, void *arg)
{
	struct rwrite *w = arg;
	struct mship *m = w->m;
	struct fval *v = w->v;
	int rc;

	if ((rc = stage_lock(r, m)) != 0)
		return rc;
	if (!stage_is(m, "redefinition"))
		return w->why = "Check-ins are logged in Redefinition.", 409;
	/* the next falls due an interval after the latest one held */
	if (db_exec(r, "INSERT INTO checkins (mentorship_id, logged_by, "
	    "held_on, note, created_at) VALUES (?, ?, ?, ?, UTC_TIMESTAMP())",
	    "iiss", m->id, r->user.id, v[CK_DATE].str,
	    v[CK_NOTE].str != NULL ? v[CK_NOTE].str : "") < 0 ||
	    db_exec(r, "UPDATE mentorships SET next_checkin = (SELECT "
	    "MAX(held_on) FROM checkins WHERE mentorship_id = ?) + INTERVAL "
	    "checkin_months MONTH WHERE id = ? AND checkin_months IS NOT NULL",
	    "ii", m->id, m->id) < 0)
		return -1;
	return tell_other(r, m, "Check-in logged", req_printf(r,
	    "%s logged your check-in of %s.", r->user.name, v[CK_DATE].str),
	    v[CK_NOTE].str, "");
}

static void
mships_checkin_log(struct req *r)
{
	struct fval v[CK_N];
	struct mship m;
	struct rwrite w = { .m = &m, .v = v };
	const char *why;
	long long wait;
	int errors, rc;

	if (load(r, &m) == -1)
		return;
	if (!stage_is(&m, "redefinition"))
		return show_page(r, &m, 409, "Check-ins are logged in "
		    "Redefinition.");
	errors = field_read(r, checkin_f, CK_N, v);
	if (v[CK_DATE].str != NULL && strcmp(v[CK_DATE].str,
	    page_today(r)) > 0) {
		v[CK_DATE].err = "A check-in is logged once it happened: "
		    "choose today or a day before.";
		errors++;
	}
	if (errors > 0)
		return show_page_with(r, &m, 422, NULL, v);
	if ((why = mship_mail_wait(r, &m, &wait)) != NULL)
		return show_page_with(r, &m, 429, why, v);
	if (wait < 0)
		return;
	if ((rc = db_tx_run(r, checkin_log_tx, &w)) == -1)
		return;
	if (rc == 404)
		return page_error(r, 404);
	if (rc != 0)
		return show_page_with(r, &m, rc, w.why, v);
	resp_flash(r, "Check-in logged.");
	resp_redirect(r, path_of(r, &m, "#checkin-h"));
}

/* ---- meetings ----------------------------------------------------------- */

static const struct field meeting_f[] = {
	{ "date", F_DATE, 10, 10, 1, NULL },
	{ "time", F_TIME, 5, 5, 1, NULL },
	{ "minutes", F_INT, 5, 600, 0, NULL },
	{ "agenda", F_MULTILINE, 1, 4000, 1, NULL },
};
#define MEETING_N (sizeof(meeting_f) / sizeof(meeting_f[0]))

/* "YYYY-MM-DD" "HH:MM" in the viewer's zone to UTC "YYYY-MM-DD HH:MM:00". */
static const char *
local_to_utc(struct req *r, const char *date, const char *hm)
{
	struct tm tm, g;
	time_t t;
	char *old, out[32];

	memset(&tm, 0, sizeof(tm));
	if (sscanf(date, "%d-%d-%d", &tm.tm_year, &tm.tm_mon,
	    &tm.tm_mday) != 3 || sscanf(hm, "%d:%d", &tm.tm_hour,
	    &tm.tm_min) != 2)
		return NULL;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	tm.tm_isdst = -1;
	old = getenv("TZ");
	old = old != NULL ? req_strdup(r, old) : NULL;
	setenv("TZ", r->user.tz != NULL ? r->user.tz : "UTC", 1);
	tzset();
	t = mktime(&tm);
	if (old != NULL)
		setenv("TZ", old, 1);
	else
		unsetenv("TZ");
	tzset();
	if (t == (time_t)-1)
		return NULL;
	gmtime_r(&t, &g);
	strftime(out, sizeof(out), "%Y-%m-%d %H:%M:00", &g);
	return req_strdup(r, out);
}

static void
meetings_page(struct req *r, struct mship *m, int status, struct fval *v,
    const char *err)
{
	struct tdict *d, *s;
	struct db_rows *q;
	size_t i;

	q = db_query(r, "SELECT x.id, x.starts_at, x.minutes, x.agenda, "
	    "x.notes, x.actions, x.starts_at < UTC_TIMESTAMP(), u.display_name "
	    "FROM meetings x JOIN users u ON u.id = x.created_by WHERE "
	    "x.mentorship_id = ? ORDER BY x.starts_at DESC LIMIT 200", "i",
	    m->id);
	if (q == NULL)
		return;
	d = page_new(r, "Meetings", "mentorships_meetings.tpl");
	tmpl_set_int(d, "ID", m->id);
	tmpl_set(d, "FOCUS", m->focus);
	tmpl_set(d, "STAGE", m->stage);
	tmpl_set(d, "STAGE_LABEL", mship_stage_label(m->stage));
	tmpl_set(d, "TZ", r->user.tz != NULL ? r->user.tz : "UTC");
	if (err != NULL)
		tmpl_set(tmpl_section(d, "REFUSED"), "REASON", err);
	if (m->is_open && !stage_is(m, "requested"))
		tmpl_show(d, "CAN_RECORD");
	if (v != NULL)
		page_form(d, meeting_f, MEETING_N, v);
	else {
		tmpl_set(d, "DATE", page_today(r));
		tmpl_set(d, "MINUTES", "60");
	}
	for (i = 0; i < q->nrows; i++) {
		s = tmpl_section(d, "MEETING");
		tmpl_set_int(s, "ID", m->id);
		tmpl_set(s, "MEETING_ID", db_str(q, i, 0));
		page_time(r, s, "WHEN", db_str(q, i, 1));
		tmpl_set(s, "MINUTES", db_str(q, i, 2));
		tmpl_set(s, "AGENDA", db_str(q, i, 3));
		tmpl_set(s, "BY", db_str(q, i, 7));
		tmpl_set(s, "NOTES", db_str(q, i, 4) ? db_str(q, i, 4) : "");
		tmpl_set(s, "ACTIONS", db_str(q, i, 5) ? db_str(q, i, 5) : "");
		if (db_int(q, i, 6))
			tmpl_show(s, "PAST");
		else
			tmpl_show(s, "UPCOMING");
	}
	if (q->nrows == 0)
		tmpl_show(d, "NO_MEETINGS");
	page_send(r, status);
}

static void
mships_meetings(struct req *r)
{
	struct mship m;

	if (load(r, &m) == -1)
		return;
	meetings_page(r, &m, 200, NULL, NULL);
}

/* A planned meeting: the mentorship open and accepted, read under lock. */
struct mwrite {
	struct mship	*m;
	struct fval	*v;
	const char	*utc;
	const char	*why;
};

static int
meeting_tx(struct req *r, void *arg)
{
	struct mwrite *w = arg;
	struct mship *m = w->m;
	struct fval *v = w->v;
	int rc;

	if ((rc = stage_lock(r, m)) != 0)
		return rc;
	if (!m->is_open || stage_is(m, "requested"))
		return w->why = "Meetings are recorded once a mentorship is "
		    "accepted and until it closes.", 409;
	if (db_exec(r, "INSERT INTO meetings (mentorship_id, starts_at, "
	    "minutes, agenda, created_by, created_at) VALUES (?, ?, ?, ?, ?, "
	    "UTC_TIMESTAMP())", "isisi", m->id, w->utc,
	    v[2].str != NULL ? v[2].num : 60, v[3].str, r->user.id) != 1)
		return -1;
	return tell_other(r, m, "A meeting was planned", req_printf(r, "%s "
	    "recorded a meeting for %s %s (%s). Add it to your calendar from "
	    "the meetings page.", r->user.name, v[0].str, v[1].str,
	    r->user.tz != NULL ? r->user.tz : "UTC"), v[3].str, "/meetings");
}

static void
mships_meetings_post(struct req *r)
{
	struct fval v[MEETING_N];
	struct mship m;
	struct mwrite w = { .m = &m, .v = v };
	const char *why;
	long long wait;
	int rc;

	if (load(r, &m) == -1)
		return;
	if (!m.is_open || stage_is(&m, "requested"))
		return meetings_page(r, &m, 409, NULL, "Meetings are recorded "
		    "once a mentorship is accepted and until it closes.");
	if (field_read(r, meeting_f, MEETING_N, v) > 0)
		return meetings_page(r, &m, 422, v, "Check the fields marked "
		    "below.");
	if ((w.utc = local_to_utc(r, v[0].str, v[1].str)) == NULL)
		return meetings_page(r, &m, 422, v, "This time does not exist "
		    "in your time zone.");
	if ((why = mship_mail_wait(r, &m, &wait)) != NULL)
		return meetings_page(r, &m, 429, v, why);
	if (wait < 0)
		return;
	if ((rc = db_tx_run(r, meeting_tx, &w)) == -1)
		return;
	if (rc == 404)
		return page_error(r, 404);
	if (rc != 0)
		return meetings_page(r, &m, rc, v, w.why);
	resp_flash(r, "Meeting recorded.");
	resp_redirect(r, path_of(r, &m, "/meetings"));
}

static void
mships_meeting_post(struct req *r)
{
	static const struct field f[] = {
		{ "notes", F_MULTILINE, 0, 8000, 0, NULL },
		{ "actions", F_MULTILINE, 0, 4000, 0, NULL },
	};
	struct fval v[2];
	struct mship m;
	struct db_rows *q;

	if (load(r, &m) == -1)
		return;
	q = db_query(r, "SELECT starts_at < UTC_TIMESTAMP() FROM meetings "
	    "WHERE id = ? AND mentorship_id = ?", "ii", r->id[1], m.id);
	if (q == NULL)
		return;
	if (q->nrows == 0)
		return page_error(r, 404);
	if (!db_int(q, 0, 0))
		return meetings_page(r, &m, 409, NULL, "Notes and actions are "
		    "added after the meeting has taken place.");
	if (field_read(r, f, 2, v) > 0)
		return meetings_page(r, &m, 422, NULL, "The notes or actions "
		    "are too long.");
	if (db_exec(r, "UPDATE meetings SET notes = ?, actions = ? WHERE "
	    "id = ? AND mentorship_id = ?", "ssii", v[0].str, v[1].str,
	    r->id[1], m.id) == -1)
		return;
	resp_flash(r, "Notes saved.");
	resp_redirect(r, path_of(r, &m, "/meetings"));
}

/* ---- iCalendar (RFC 5545) ------------------------------------------------ */

/* Content lines are folded at 75 octets, never inside a UTF-8 sequence. */
static void
ics_line(struct buf *b, const char *name, const char *value)
{
	const char *line = NULL;
	size_t len, i, col = 0, n;
	struct buf t = { NULL, 0, 0 };

	buf_printf(&t, "%s:%s", name, value);
	line = t.p;
	len = t.len;
	for (i = 0; i < len; i += n) {
		n = 1;
		while (i + n < len && ((unsigned char)line[i + n] & 0xC0) ==
		    0x80)
			n++;
		if (col + n > 75) {
			buf_adds(b, "\r\n ");
			col = 1;
		}
		buf_add(b, line + i, n);
		col += n;
	}
	buf_adds(b, "\r\n");
	buf_free(&t);
}

/* TEXT escaping: backslash, semicolon, comma and newlines. */
static const char *
ics_text(struct req *r, const char *s)
{
	struct buf b = { NULL, 0, 0 };
	const char *out;

	for (; s != NULL && *s != '\0'; s++) {
		if (*s == '\\' || *s == ';' || *s == ',')
			buf_printf(&b, "\\%c", *s);
		else if (*s == '\n')
			buf_adds(&b, "\\n");
		else if (*s != '\r')
			buf_add(&b, s, 1);
	}
	out = b.p != NULL ? req_strdup(r, b.p) : "";
	buf_free(&b);
	return out;
}

/* "YYYY-MM-DD HH:MM:SS" to "YYYYMMDDTHHMMSSZ"; a DATE to "YYYYMMDD". */
static const char *
ics_time(struct req *r, const char *s)
{
	if (s == NULL || strlen(s) < 10)
		return "19700101T000000Z";
	if (strlen(s) < 19)
		return req_printf(r, "%.4s%.2s%.2s", s, s + 5, s + 8);
	return req_printf(r, "%.4s%.2s%.2sT%.2s%.2s%.2sZ", s, s + 5, s + 8,
	    s + 11, s + 14, s + 17);
}

static void
ics_begin(struct buf *b)
{
	buf_adds(b, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
	    "PRODID:-//Menteo//Mentorships//EN\r\nCALSCALE:GREGORIAN\r\n"
	    "METHOD:PUBLISH\r\n");
}

static void
ics_event(struct req *r, struct buf *b, const char *uid, const char *stamp,
    const char *start, long long minutes, const char *summary,
    const char *desc, const char *url)
{
	buf_adds(b, "BEGIN:VEVENT\r\n");
	ics_line(b, "UID", uid);
	ics_line(b, "DTSTAMP", ics_time(r, stamp));
	if (minutes > 0) {
		ics_line(b, "DTSTART", ics_time(r, start));
		ics_line(b, "DURATION", req_printf(r, "PT%lldM", minutes));
	} else {
		const char *d = ics_time(r, start);
		ics_line(b, "DTSTART;VALUE=DATE", d);
	}
	ics_line(b, "SUMMARY", ics_text(r, summary));
	if (desc != NULL && *desc != '\0')
		ics_line(b, "DESCRIPTION", ics_text(r, desc));
	if (url != NULL)
		ics_line(b, "URL", url);
	buf_adds(b, "END:VEVENT\r\n");
}

static void
ics_send(struct req *r, struct buf *b, const char *filename)
{
	buf_adds(b, "END:VCALENDAR\r\n");
	if (filename != NULL)
		resp_header(r, "Content-Disposition", req_printf(r,
		    "attachment; filename=\"%s\"", filename));
	resp_header(r, "Cache-Control", "private, no-store");
	resp_text(r, 200, "text/calendar; charset=utf-8", b->p);
	buf_free(b);
}

static const char *
site_host(void)
{
	return "menteo";
}

static void
mships_meeting_ics(struct req *r)
{
	struct mship m;
	struct db_rows *q;
	struct buf b = { NULL, 0, 0 };

	if (load(r, &m) == -1)
		return;
	q = db_query(r, "SELECT id, starts_at, minutes, agenda, created_at, "
	    "DATE_FORMAT(UTC_TIMESTAMP(), '%Y-%m-%d %H:%i:%s') FROM meetings "
	    "WHERE id = ? AND mentorship_id = ?", "ii", r->id[1], m.id);
	if (q == NULL)
		return;
	if (q->nrows == 0)
		return page_error(r, 404);
	ics_begin(&b);
	ics_event(r, &b, req_printf(r, "meeting-%s@%s", db_str(q, 0, 0),
	    site_host()), db_str(q, 0, 5), db_str(q, 0, 1),
	    db_int(q, 0, 2), req_printf(r, "Mentorship meeting: %s", m.focus),
	    db_str(q, 0, 3), NULL);
	ics_send(r, &b, req_printf(r, "meeting-%s.ics", db_str(q, 0, 0)));
}

static void
mships_calendar(struct req *r)
{
	const char *secret = r->arg[0], *uid, *now;
	struct db_rows *q;
	struct buf b = { NULL, 0, 0 };
	size_t i;

	if (strlen(secret) != 64)
		return page_error(r, 404);
	if ((uid = db_value(r, "SELECT id FROM users WHERE calendar_secret = ? "
	    "AND disabled_at IS NULL", "s", secret)) == NULL) {
		if (!r->db_failed)
			page_error(r, 404);
		return;
	}
	if ((now = db_value(r, "SELECT DATE_FORMAT(UTC_TIMESTAMP(), "
	    "'%Y-%m-%d %H:%i:%s')", "")) == NULL)
		return;
	ics_begin(&b);
	ics_line(&b, "X-WR-CALNAME", "Menteo");
	q = db_query(r, "SELECT x.id, x.starts_at, x.minutes, x.agenda, "
	    "m.focus FROM meetings x JOIN mentorships m ON m.id = "
	    "x.mentorship_id WHERE (m.mentor_id = ? OR m.mentee_id = ?) AND "
	    "x.starts_at >= UTC_TIMESTAMP() - INTERVAL 1 YEAR ORDER BY "
	    "x.starts_at LIMIT 1000", "ss", uid, uid);
	if (q == NULL)
		goto fail;
	for (i = 0; i < q->nrows; i++)
		ics_event(r, &b, req_printf(r, "meeting-%s@%s",
		    db_str(q, i, 0), site_host()), now, db_str(q, i, 1),
		    db_int(q, i, 2), req_printf(r, "Mentorship meeting: %s",
		    db_str(q, i, 4)), db_str(q, i, 3), NULL);
	q = db_query(r, "SELECT id, review_date, focus FROM mentorships "
	    "WHERE (mentor_id = ? OR mentee_id = ?) AND review_date IS NOT NULL "
	    "AND stage IN (" STAGES_CAPACITY ") LIMIT 500",
	    "ss", uid, uid);
	if (q == NULL)
		goto fail;
	for (i = 0; i < q->nrows; i++)
		ics_event(r, &b, req_printf(r, "review-%s@%s",
		    db_str(q, i, 0), site_host()), now, db_str(q, i, 1), 0,
		    req_printf(r, "Review date: %s", db_str(q, i, 2)),
		    "The planned exit review of your mentorship.", NULL);
	if (stage_table_exists(r, "mentorship_milestones")) {
		q = db_query(r, "SELECT x.id, x.due_date, x.title, m.focus FROM "
		    "mentorship_milestones x JOIN mentorships m ON m.id = "
		    "x.mentorship_id WHERE (m.mentor_id = ? OR m.mentee_id = ?) "
		    "AND x.done_at IS NULL AND x.due_date IS NOT NULL AND "
		    "m.stage IN (" STAGES_ACTIVE ") LIMIT 1000", "ss", uid,
		    uid);
		if (q == NULL)
			goto fail;
		for (i = 0; i < q->nrows; i++)
			ics_event(r, &b, req_printf(r, "milestone-%s@%s",
			    db_str(q, i, 0), site_host()), now,
			    db_str(q, i, 1), 0, req_printf(r, "Milestone due: "
			    "%s", db_str(q, i, 2)), db_str(q, i, 3), NULL);
	} else if (r->db_failed)
		goto fail;
	ics_send(r, &b, NULL);
	return;
fail:
	buf_free(&b);
}
