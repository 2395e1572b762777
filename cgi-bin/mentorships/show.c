/*
 * mentorships: the mentorship page (its next step is next.c's, its stage
 * moves move.c's).
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cohort.h"
#include "kept.h"
#include "mentorships.h"
#include "risk.h"
#include "route.h"
#include "sess.h"
#include "zone.h"

/* ---- the mentorship page ---------------------------------------------- */
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

/*
 * A stage change's form, in the words of where it goes: asking and
 * answering a request, an ending (folded: rarely the next step; open
 * again when refused), a decline, a withdrawal, or any other move.
 */
static void
action_words(struct req *r, struct tdict *a, const struct mship *m,
    const struct stage_rule *rl, int proposed, int refused)
{
	const char *other = m->is_mentor ? m->mentee_name : m->mentor_name;

	tmpl_set(a, "LABEL", rl->action);
	tmpl_set(a, "NOTE_LABEL", "Note (optional)");
	if (strcmp(rl->to, "requested") == 0) {
		tmpl_set(a, "LABEL", m->is_mentor ? "Ask for more" :
		    "Answer the mentor");
		tmpl_set(a, "NOTE_LABEL", m->is_mentor ?
		    "Your question to the mentee" : "Your answer");
		tmpl_show(a, "NOTE_REQUIRED");
		return;
	}
	if (strcmp(rl->to, "ended") == 0) {
		tmpl_set(a, "NOTE_LABEL", "Why it ends (required)");
		tmpl_show(a, "NOTE_REQUIRED");
		tmpl_show(a, "IS_END");
		if (refused)
			tmpl_show(a, "END_OPEN");
		tmpl_set(a, "BUTTON_CLASS", "btn-danger");
		tmpl_set(tmpl_section(a, "CONFIRM"), "CONFIRM_TEXT",
		    req_printf(r, "End this mentorship with %s? It cannot be "
		    "started again; they will be told.", other));
	} else if (strcmp(rl->to, "declined") == 0) {
		/* whom the words reach: the organisers never do */
		tmpl_set(a, "NOTE_LABEL", req_printf(r, "Reason (optional; %s "
		    "reads it)", m->mentee_name));
		tmpl_set(a, "BUTTON_CLASS", "btn-danger");
		tmpl_set(tmpl_section(a, "CONFIRM"), "CONFIRM_TEXT",
		    req_printf(r, "Decline to mentor %s? They will be told%s.",
		    m->mentee_name, proposed ? ", and so will the programme's "
		    "organisers" : ""));
	} else if (strcmp(rl->to, "withdrawn") == 0) {
		/* a proposal is the organisers': the mentee says no */
		if (proposed)
			tmpl_set(a, "LABEL", "Say no to this pair");
		tmpl_set(a, "BUTTON_CLASS", "btn-danger");
		tmpl_set(tmpl_section(a, "CONFIRM"), "CONFIRM_TEXT", proposed ?
		    req_printf(r, "Say no to %s as your mentor? They and the "
		    "programme's organisers will be told.", m->mentor_name) :
		    req_printf(r, "Withdraw your request to %s? They will be "
		    "told.", m->mentor_name));
	}
}

/*
 * The forms the viewer may use now: the rules they may act on whose
 * condition holds, but the one the next step offers (next_to). 0, or
 * -1 database down.
 */
static int
show_actions(struct req *r, struct tdict *d, const struct mship *m,
    const char *next_to, struct asked *asked_once, int question_open,
    int proposed, const char *note_err)
{
	const struct stage_rule *rl;
	struct tdict *a;
	size_t i;
	int any = 0, refused, rc;
	int asked = mships_is(m, "requested") ? question_open : 0;
	/* a refused stage change shows its note again */
	const char *posted = strcmp(r->method, "POST") == 0 ?
	    req_form(r, "to") : NULL;

	for (i = 0; i < stage_nrules; i++) {
		rl = &stage_rules[i];
		if (strcmp(rl->from, m->stage) != 0 ||
		    !stage_actor_ok(r, m, rl) ||
		    (next_to != NULL && strcmp(rl->to, next_to) == 0))
			continue;
		if ((rc = mships_move_ready(r, m, rl, asked_once)) == -1)
			return -1;
		if (rc == 0)
			continue;
		refused = posted != NULL && strcmp(posted, rl->to) == 0;
		/* not this person's turn (unless refused: keep what they typed) */
		if (strcmp(rl->to, "requested") == 0 && asked !=
		    (m->is_mentor ? 0 : 1) && !refused)
			continue;
		a = tmpl_section(d, "ACTION");
		tmpl_set(a, "BUTTON_CLASS", "btn-primary");
		tmpl_set(a, "TO", rl->to);
		tmpl_set_int(a, "ID", m->id);
		action_words(r, a, m, rl, proposed, refused);
		if (refused)
			tmpl_set(a, "NOTE", req_form(r, "note"));
		/* an empty note is the field's error, beside it (a 422) */
		if (refused && note_err != NULL)
			tmpl_set(tmpl_section(a, "NOTE_ERROR"), "MESSAGE",
			    note_err);
		any = 1;
	}
	if (any)
		tmpl_set(tmpl_section(d, "HAS_ACTIONS"), "ACTIONS_HEADING",
		    !mships_is(m, "requested") ? "Other changes" :
		    m->is_mentor ? "Your answer" : "What you can do");
	return 0;
}

/*
 * How the pair meets and when they review: the terms that move with the
 * stage. c: the page's facts.
 */
static void
show_terms(struct req *r, struct tdict *d, const struct mship *m,
    const struct db_rows *c)
{
	const char *every = db_get(c, 0, "checkin_months");
	const char *cadence = mship_cadence_label(db_get(c, 0, "cadence"));
	long long left = db_get_int(c, 0, "days_left");

	/*
	 * What holds now: peers check in, they no longer meet at a cadence;
	 * the contract's holds again in a new cycle ("was:" read as if the
	 * new contract had dropped it: found walking).
	 */
	if (!mships_is(m, "redefinition"))
		tmpl_set(d, "CADENCE_LABEL", cadence);
	else if (every != NULL)
		tmpl_set(d, "CADENCE_LABEL", req_printf(r, "Check-ins every %s "
		    "month%s (in Cultivation: %s)", every, strcmp(every, "1") ==
		    0 ? "" : "s", cadence));
	else
		tmpl_set(d, "CADENCE_LABEL", req_printf(r, "Occasional "
		    "check-ins (in Cultivation: %s)", cadence));
	tmpl_set(d, "CHANNELS", mship_channels_label(r, db_get(c, 0, "channels")));
	if (db_get(c, 0, "review_date") == NULL) {
		tmpl_set(d, "REVIEW_TEXT", "not set");
		return;
	}
	page_date(r, d, "REVIEW_DATE", db_get(c, 0, "review_date"));
	/* days left only while the review is ahead of the pair */
	tmpl_set(d, "REVIEW_LEFT", mships_is(m, "separation") ?
	    "the review is under way" : mships_is(m, "redefinition") ||
	    !m->is_open ? "reviewed" : left < 0 ? "passed" :
	    left == 0 ? "today" : left == 1 ? "1 day left" :
	    req_printf(r, "%lld days left", left));
	tmpl_show(d, "HAS_REVIEW");
}

/*
 * The goals: this cycle's listed with their count, an earlier cycle's
 * outcomes under their own fold (listed with this cycle's goals they
 * read as the pair's work now, and the count of "open" beside them
 * meant neither: found walking).
 */
static void
show_goals(struct req *r, struct tdict *d, const struct db_rows *g)
{
	struct tdict *s, *fold = NULL;
	size_t i, earlier = 0;
	long long open = 0;

	for (i = 0; i < g->nrows; i++) {
		const char *status = db_get(g, i, "status");

		if (db_get_int(g, i, "earlier")) {
			if (earlier++ == 0)	/* one fold: each call adds one */
				fold = tmpl_section(d, "EARLIER_GOALS");
			s = tmpl_section(fold, "GOAL");
		} else
			s = tmpl_section(d, "GOAL");
		s = tmpl_include(s, "GOAL_ITEM", "mentorships_goal.tpl");
		tmpl_set(s, "TITLE", db_get(g, i, "title"));
		tmpl_set(s, "MEASURE", db_get(g, i, "measure"));
		if (db_get(g, i, "target_date") != NULL)
			page_date(r, tmpl_section(s, "TARGET"), "TARGET_DATE",
			    db_get(g, i, "target_date"));
		tmpl_set(s, "STATUS", status);
		tmpl_set(s, "STATUS_LABEL", mship_outcome_label(status));
		if (db_get(g, i, "review_note") != NULL)
			tmpl_set(tmpl_section(s, "REVIEW_NOTE"), "TEXT",
			    db_get(g, i, "review_note"));
		if (strcmp(status, "open") == 0)
			open++;
	}
	if (g->nrows == earlier)
		tmpl_show(d, "NO_GOALS");
	else
		tmpl_set(d, "GOALS_COUNT_TEXT", req_printf(r, "(%zu, %lld "
		    "open)", g->nrows - earlier, open));
	if (earlier > 0)
		tmpl_set(fold, "EARLIER_COUNT", req_printf(r, "%zu", earlier));
}

/* The contract's panel: its words, terms, agreements and goals. */
static void
show_contract(struct req *r, struct tdict *d, const struct mship *m,
    const struct db_rows *c, const struct db_rows *g)
{
	const char *rules = db_get(c, 0, "ground_rules");
	const char *mentor_at = db_get(c, 0, "mentor_agreed_at");
	const char *mentee_at = db_get(c, 0, "mentee_agreed_at");

	tmpl_set(d, "MESSAGE", db_get(c, 0, "message"));
	/* an empty value reads as a missing word: say it is not there */
	tmpl_set(d, "GROUND_RULES", rules != NULL && *rules != '\0' ? rules :
	    "not set");
	show_terms(r, d, m, c);
	tmpl_set(d, "CONTRACT_VERSION_TEXT", db_get_int(c, 0,
	    "contract_version") == 0 ? "not agreed yet" : req_printf(r,
	    "last agreed version: %lld", db_get_int(c, 0,
	    "contract_version")));
	tmpl_set(d, "MENTOR_AGREED_TEXT", "not yet");
	tmpl_set(d, "MENTEE_AGREED_TEXT", "not yet");
	if (mentor_at != NULL)
		page_time(r, d, "MENTOR_AGREED_TEXT", mentor_at);
	if (mentee_at != NULL)
		page_time(r, d, "MENTEE_AGREED_TEXT", mentee_at);
	tmpl_set(d, "CONTRACT_LINK_TEXT", !mships_contract_editable(m) ?
	    "Read the contract and its versions" : mentor_at != NULL &&
	    mentee_at != NULL ? "Change the contract (both agree again)" :
	    "Write and agree the contract");
	show_goals(r, d, g);
}

/*
 * Next meeting, and whether the cadence has been kept: behind by the
 * one rule every list of pairs at risk uses (RISK_CADENCE_BEHIND), from
 * the page's facts.
 */
static void
show_meetings(struct req *r, struct tdict *d, const struct mship *m,
    const struct db_rows *q)
{
	struct tdict *s, *w;
	const char *agreed, *first;
	long long held;

	if (db_get(q, 0, "next_at") != NULL)
		page_time(r, tmpl_section(d, "NEXT_MEETING"), "AT",
		    db_get(q, 0, "next_at"));
	else
		tmpl_show(d, "NO_NEXT_MEETING");
	if (db_get(q, 0, "last_at") != NULL)
		page_time(r, tmpl_section(d, "LAST_MEETING"), "AT",
		    db_get(q, 0, "last_at"));
	if (db_get(q, 0, "cadence") == NULL || !mships_is(m, "cultivation"))
		return;
	s = tmpl_section(d, "CADENCE");
	held = db_get_int(q, 0, "held");
	/* none held yet: "to plan", unless the next above is the first */
	first = db_get(q, 0, "next_at") != NULL ? "FIRST_PLANNED" :
	    "FIRST_DUE";
	/*
	 * No verdict before one cadence period of Cultivation has passed:
	 * a pair begun minutes ago is neither behind nor missing meetings.
	 */
	if (db_get_int(q, 0, "early")) {
		if (db_get(q, 0, "last_at") == NULL)
			tmpl_show(s, first);
		else
			tmpl_set(tmpl_section(s, "SO_FAR"), "HELD", held == 1 ?
			    "1 meeting" : req_printf(r, "%lld meetings", held));
		return;
	}
	w = tmpl_section(s, "IN_WEEKS");
	tmpl_set(w, "HELD", held == 0 ? "No meeting" : held == 1 ?
	    "1 meeting" : req_printf(r, "%lld meetings", held));
	tmpl_set_int(w, "WEEKS", db_get_int(q, 0, "days") * 3 / 7);
	/* the verdict's ground: when the last meeting fell */
	if (db_get(q, 0, "last_at") != NULL)
		page_date(r, tmpl_section(w, "LAST"), "LAST_ON",
		    db_get(q, 0, "last_at"));
	agreed = mship_cadence_label(db_get(q, 0, "cadence"));
	tmpl_set(w, "AGREED", req_printf(r, "%c%s", tolower((unsigned char)
	    agreed[0]), agreed + 1));
	/*
	 * On schedule is said of meetings held, never of none, and with the
	 * date it holds until: "1 meeting in the last 6 weeks" beside it
	 * alone read as a verdict on the weeks, which it is not.
	 */
	if (db_get_int(q, 0, "behind"))
		tmpl_show(s, "BEHIND");
	else if (db_get(q, 0, "last_at") == NULL)
		tmpl_show(s, first);
	else {
		tmpl_show(s, "ON_TRACK");
		page_date(r, tmpl_section(w, "DUE"), "DUE_BY",
		    db_get(q, 0, "due_by"));
	}
}

/* Roadmap progress and unread room messages, as counted. */
static void
show_extras(struct tdict *d, const struct show_counts *k)
{
	struct tdict *s = tmpl_section(d, "MILESTONES");

	tmpl_set_int(s, "TOTAL", k->ms_total);
	tmpl_set_int(s, "DONE", k->ms_done);
	tmpl_set_int(s, "OVERDUE", k->ms_overdue);
	if (k->ms_overdue > 0)
		tmpl_show(s, "HAS_OVERDUE");
	tmpl_set_int(s, "PERCENT", k->ms_total > 0 ? k->ms_done * 100 /
	    k->ms_total : 0);
	s = tmpl_section(d, "ROOM");
	tmpl_set_int(s, "UNREAD", k->unread);
	if (k->unread > 0)
		tmpl_show(s, "HAS_UNREAD");
}

/*
 * "2 hours ahead of you": the other's clock against the viewer's, now;
 * NULL when either zone is none of the list's, which alone has offsets
 * (a zone stored under an old name is the one it links to).
 */
static const char *
show_apart(struct req *r, const char *theirs, const char *mine)
{
	long t, y;
	char gap[64];

	if (zone_offset(zone_canonical(theirs), &t) == -1 || zone_offset(
	    zone_canonical(mine != NULL ? mine : "UTC"), &y) == -1)
		return NULL;
	if (t == y)
		return "the same time as you";
	return req_printf(r, "%s %s you", zone_gap(t - y, gap, sizeof(gap)),
	    t > y ? "ahead of" : "behind");
}

/*
 * In a programme's pair, what the other party answered on joining it to
 * the questions shown to the pair, given under that notice and still so
 * marked (COHORT_ANSWER_SHOWN), in the order asked: a mentor whose mentee
 * joined through the form has no profile to read (found walking). -1 db.
 */
static int
show_intake(struct req *r, struct tdict *s, const struct mship *m,
    const char *prog)
{
	struct db_rows *a;
	struct tdict *q;
	size_t i;

	if (prog == NULL)
		return 0;
	a = db_query(r, "SELECT q.prompt, a.answer FROM programmes p JOIN "
	    "programme_participants pp ON pp.programme_id = p.id JOIN "
	    "programme_answers a ON a.participant_id = pp.id JOIN "
	    "programme_questions q ON q.id = a.question_id WHERE p.slug = ? "
	    "AND pp.user_id = ? AND " COHORT_ANSWER_SHOWN("a", "q") " AND "
	    "a.answer <> '' ORDER BY q.position, q.id",
	    "si", prog, m->other_id);
	if (a == NULL)
		return -1;
	for (i = 0; i < a->nrows; i++) {
		q = tmpl_section(s, "INTAKE");
		tmpl_set(q, "Q", db_get(a, i, "prompt"));
		tmpl_set(q, "A", db_get(a, i, "answer"));
	}
	return 0;
}

/*
 * While requested, the other party as they describe themselves (the
 * "parties" rows) and, in a programme (prog, its slug), as they answered
 * its questions: a mentor decides on more than a name. Only a party sees
 * the page (mship_party). -1 db.
 */
static int
show_other(struct req *r, struct tdict *d, const struct mship *m,
    const struct db_rows *p, const char *prog)
{
	const char *v, *zone, *apart;
	struct tdict *s;
	char city[128];
	size_t i;

	for (i = 0; i < p->nrows && db_get_int(p, i, "party") != m->other_id;
	    i++)
		;
	if (i == p->nrows)
		return 0;
	s = tmpl_section(d, "OTHER");
	tmpl_set(s, "NAME", m->is_mentor ? m->mentee_name : m->mentor_name);
	tmpl_set(s, "SLUG", m->is_mentor ? m->mentee_slug : m->mentor_slug);
	if (*(v = db_get(p, i, "headline")) != '\0')
		tmpl_set(tmpl_section(s, "HEADLINE"), "TEXT", v);
	/* what the mentee wants, what the mentor offers: the request's two sides */
	if (m->is_mentor && *(v = db_get(p, i, "looking_for")) != '\0')
		tmpl_set(tmpl_section(s, "LOOKING_FOR"), "TEXT", v);
	if (!m->is_mentor && *(v = db_get(p, i, "skills")) != '\0')
		tmpl_set(tmpl_section(s, "SKILLS"), "TEXT", v);
	if (*(v = db_get(p, i, "languages")) != '\0')
		tmpl_set(tmpl_section(s, "LANGUAGES"), "TEXT", v);
	if ((zone = zone_canonical(v = db_get(p, i, "timezone"))) == NULL)
		zone = v;
	tmpl_set(s, "ZONE", zone_city(zone, city, sizeof(city)));
	if ((apart = show_apart(r, zone, r->user.tz)) != NULL)
		tmpl_set(tmpl_section(s, "APART"), "TEXT", apart);
	return show_intake(r, s, m, prog);
}

/* ---- the page's rows, kept --------------------------------------------- */
/*
 * What a view reads itself, with the mentorship: its version, the clock
 * and the viewer's unread count (`unread`: MSHIP_UNREAD's "iiii", or
 * MSHIP_UNREAD_BY's, with MSHIP_READS_JOIN).
 */
#define VIEW_COLS(unread) "v.version AS page_version, " \
	"DATE_FORMAT(UTC_TIMESTAMP(), '%Y-%m-%d %H:%i:%s') AS page_now, " \
	unread " AS page_unread"
#define VIEW_JOIN " LEFT JOIN mentorship_versions v ON v.mentorship_id = m.id"

struct view {
	const char	*version;	/* NULL: nothing kept */
	const char	*now;		/* UTC, 'YYYY-MM-DD hh:mm:ss' */
	long long	 unread;
};

static void
view_read(const struct db_rows *q, struct view *v)
{
	v->version = db_get(q, 0, "page_version");
	v->now = db_get(q, 0, "page_now");
	v->unread = db_get_int(q, 0, "page_unread");
}


/* Whether the pair ever began: a request accepted (events: timeline's). */
static int
show_began(const struct db_rows *events)
{
	size_t i;

	for (i = 0; i < events->nrows; i++)
		if (strcmp(db_get(events, i, "to_stage"), "initiation") == 0)
			return 1;
	return 0;
}

/*
 * A stage move refused, with the way to the page where the pair meets
 * its condition while that still fails ("record the outcomes on the
 * review page" named a page it did not link: found walking). A refusal
 * of the rest (the mentor's places) has no such page. 0, or -1.
 */
static int
show_refused(struct req *r, struct tdict *s, const struct mship *m,
    const char *reason)
{
	const char *to = strcmp(r->method, "POST") == 0 ?
	    req_form(r, "to") : NULL;
	const struct stage_rule *rl;
	const char *place, *label, *why = NULL;
	stage_cond_fn cond;
	int whole, rc;

	tmpl_set(s, "REASON", reason);
	if (to == NULL || (rl = stage_rule_find(m->stage, to,
	    STAGE_EITHER)) == NULL ||
	    (place = stage_cond_place(rl, &label)) == NULL ||
	    (cond = stage_pair_cond(rl, &whole)) == NULL)
		return 0;
	if ((rc = cond(r, m, "", &why)) == -1 || r->db_failed)
		return -1;
	if (rc != 0) {
		s = tmpl_section(s, "PLACE");
		tmpl_set(s, "HREF", mships_path(r, m, place));
		tmpl_set(s, "LABEL", label);
	}
	return 0;
}

/*
 * A stage change whose note was empty (stage_move's 422): the summary
 * links to the note, which says the problem beside it (show_actions).
 * It said "That change was refused", as if the move were not allowed.
 */
static void
show_problem(struct req *r, struct tdict *d, const char *reason)
{
	struct tdict *s = tmpl_section(d, "PROBLEM");

	tmpl_set(s, "REASON", reason);
	tmpl_set(s, "TO", req_form(r, "to"));
}

/* Who, what and since when: the page's head. c: the page's facts. */
static void
show_head(struct req *r, struct tdict *d, const struct mship *m,
    const struct db_rows *c)
{
	int proposed = db_get_int(c, 0, "proposed_by_programme");

	if (db_get(c, 0, "programme") != NULL) {
		struct tdict *s = tmpl_section(d, "PROGRAMME");
		tmpl_set(s, "PROGRAMME_NAME", db_get(c, 0, "programme"));
		tmpl_set(s, "PROGRAMME_SLUG", db_get(c, 0, "programme_slug"));
		tmpl_set(s, "PROGRAMME_HOW", proposed ? "proposed by" :
		    "part of");
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
	/* "since" is the stage's, not the pair's: that is "asked on" */
	page_date(r, d, "STAGE_ON", db_get(c, 0, "stage_changed_at"));
	/* a pair the programme proposed was never asked for */
	tmpl_set(d, "BEGUN_AS", proposed ? "proposed on" : "asked on");
}

/* Where the pair stands: the stepper, the sections each stage shows. */
static void
show_state(struct req *r, struct tdict *d, const struct mship *m,
    const struct db_rows *c)
{
	int ack_now;

	if (m->is_open && !mships_is(m, "requested"))
		stepper(d, m->stage);
	if (mships_is(m, "requested"))
		tmpl_set(tmpl_section(d, "IS_REQUESTED"), "HEADING",
		    db_get_int(c, 0, "proposed_by_programme") ?
		    "The proposal" : "The request");
	tmpl_show(d, m->is_open ? "IS_OPEN" : "IS_CLOSED");
	if (!mships_is(m, "requested") && m->is_open)
		tmpl_show(d, "IS_ACTIVE");
	if (mships_is(m, "cultivation") || mships_is(m, "separation"))
		tmpl_show(d, "CAN_REVIEW");
	if (mships_is(m, "separation") || mships_is(m, "redefinition") ||
	    (mships_is(m, "ended") && db_get(c, 0, "acknowledged_at") != NULL))
		tmpl_show(d, "HAS_RECORD");
	/*
	 * An acknowledgment belongs to its cycle: a new one has none yet,
	 * and in a later cycle's Separation the first cycle's read as done
	 * (its date under "Acknowledged" beside the next step asking for
	 * it: found walking). Redefinition comes only after this cycle's
	 * (stage.c).
	 */
	ack_now = mships_is(m, "redefinition") || !m->is_open ||
	    (mships_is(m, "separation") && db_get_int(c, 0, "acked"));
	if (db_get(c, 0, "acknowledged_at") != NULL)
		page_time(r, tmpl_section(d, ack_now ? "ACKNOWLEDGED" :
		    "ACK_EARLIER"), "AT", db_get(c, 0, "acknowledged_at"));
}

/*
 * Redefinition's check-ins: how often, the next one, the log and its
 * form (cv: typed, or NULL). 0, or -1 database down.
 */
static int
show_checkins(struct req *r, struct tdict *d, const struct db_rows *c,
    const struct db_rows *all, const struct fval *cv)
{
	struct tdict *s = tmpl_section(d, "CHECKIN");
	const char *every = db_get(c, 0, "checkin_months");
	struct db_rows part;

	/* the interval chosen, or none: a select that showed "3 months"
	 * when nothing was stored promised reminders that never came
	 * (found walking) */
	if (every != NULL)
		tmpl_show(s, req_printf(r, "EVERY_%s", every));
	else
		tmpl_show(s, "NO_INTERVAL");
	if (every != NULL && db_get(c, 0, "next_checkin") != NULL) {
		page_date(r, tmpl_section(s, "NEXT_CHECKIN"), "AT",
		    db_get(c, 0, "next_checkin"));
		tmpl_set(s, "CHECKIN_EVERY", strcmp(every, "1") == 0 ?
		    "every month" : req_printf(r, "every %s months", every));
	}
	part = mships_part(all, "checkins");
	return mships_checkins_rows(r, s, &part, cv);
}

/* The mentorship page; typed: a form to put back (422), or NULL. */
static void
show_page(struct req *r, struct mship *m, const struct view *v, int status,
    const char *reason, const struct shown *typed)
{
	const struct fval *cv = typed != NULL && typed->form == SHOWN_CHECKIN ?
	    typed->v : NULL;
	struct tdict *d;
	const struct db_rows *all;
	struct db_rows c, goals, events, part;
	struct show_counts k;
	struct asked asked;
	const char *next_to, *note_err;

	memset(&asked, 0, sizeof(asked));
	if ((all = mships_rows(r, m, v->version, v->now)) == NULL)
		return;
	c = mships_part(all, "facts");
	if (c.nrows == 0)	/* deleted since it was loaded */
		return page_error(r, 404);
	goals = mships_part(all, "goals");
	events = mships_part(all, "events");
	asked.kept = mships_part(all, "cond");
	k.ms_total = db_get_int(&c, 0, "ms_total");
	k.ms_done = db_get_int(&c, 0, "ms_done");
	k.ms_overdue = db_get_int(&c, 0, "ms_overdue");
	k.unread = v->unread;
	d = page_new(r, m->focus, "mentorships_show.tpl");
	show_head(r, d, m, &c);
	mships_rename_form(d, m, typed != NULL && typed->form == SHOWN_FOCUS ?
	    typed->v : NULL);
	/* a stage change's note left empty: the form's problem, no refusal */
	note_err = status == 422 && reason != NULL && strcmp(r->method,
	    "POST") == 0 && req_form(r, "to") != NULL ? reason : NULL;
	if (note_err != NULL)
		show_problem(r, d, reason);
	else if (reason != NULL && show_refused(r, tmpl_section(d, "REFUSED"),
	    m, reason) == -1)
		return;
	show_state(r, d, m, &c);
	if (mships_is(m, "redefinition") &&
	    show_checkins(r, d, &c, all, cv) == -1)
		return;
	part = mships_part(all, "complete");
	if ((next_to = mships_next(r, d, m, &c, &k, &asked, part.nrows == 1 ?
	    db_get(&part, 0, "why") : NULL)) != NULL && *next_to == '\0')
		return;
	part = mships_part(all, "asked");
	if (show_actions(r, d, m, next_to, &asked, part.nrows == 1 &&
	    db_get_int(&part, 0, "asked") == 1,
	    db_get_int(&c, 0, "proposed_by_programme"), note_err) == -1)
		return;
	show_contract(r, d, m, &c, &goals);
	part = mships_part(all, "renames");
	mships_timeline_fill(r, d, m, 1, &events, &part);
	show_meetings(r, d, m, &c);
	show_extras(d, &k);
	part = mships_part(all, "parties");
	if (mships_is(m, "requested") && show_other(r, d, m, &part,
	    db_get(&c, 0, "programme_slug")) == -1)
		return;
	/* a request that ended unanswered has no stages to draw */
	if (show_began(&events)) {
		mship_strip_rows(r, tmpl_section(d, "STRIP"), &events, v->now);
		part = mships_part(all, "progress");
		if (mships_progress_rows(r, d, &part) == -1)
			return;
	}
	page_send(r, status);
}

/* The page after a form of another page file (m loaded already). */
void
mships_page_with(struct req *r, struct mship *m, int status,
    const char *reason, const struct shown *typed)
{
	struct db_rows *q;
	struct view v;

	q = db_query(r, "SELECT " VIEW_COLS(MSHIP_UNREAD) " FROM mentorships m"
	    VIEW_JOIN
	    " WHERE m.id = ?", "iiiii", m->id, r->user.id, m->id, r->user.id,
	    m->id);
	if (q == NULL)
		return;
	if (q->nrows == 0)	/* deleted since it was loaded */
		return page_error(r, 404);
	view_read(q, &v);
	show_page(r, m, &v, status, reason, typed);
}

void
mships_page(struct req *r, struct mship *m, int status, const char *reason)
{
	mships_page_with(r, m, status, reason, NULL);
}

/*
 * The page: the mentorship with what the view reads itself (VIEW_COLS)
 * and the session beside it (ROUTE_OWN_SESSION), the rest kept: one
 * statement.
 */
void
mships_show(struct req *r)
{
	struct db_rows *q;
	struct mship m;
	struct view v;

	q = sess_load_with(r, MSHIP_COLS("") ", " VIEW_COLS(MSHIP_UNREAD_BY(
	    "s.user_id")), MSHIP_TABLES VIEW_JOIN MSHIP_READS_JOIN, "m.id = ?",
	    r->id[0]);
	if (q == NULL)
		return;
	if (r->user.id == 0) {
		route_to_login(r);
		return;
	}
	if (mship_party(r, mship_row(r, q, &m), &m, NULL) != RESP_GO_ON)
		return;
	view_read(q, &v);
	show_page(r, &m, &v, 200, NULL, NULL);
}
