#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "auth.h"
#include "db.h"
#include "mail.h"
#include "mship.h"
#include "page.h"
#include "resp.h"

#define MSHIP_COL_LEN	32

/* Column `name` of MSHIP_COLS(prefix), in n. */
static const char *
col(char n[MSHIP_COL_LEN], const char *prefix, const char *name)
{
	snprintf(n, MSHIP_COL_LEN, "%s%s", prefix, name);
	return n;
}

/* MSHIP_COLS(p) of row 0: 0, or 404 (no row, or no mentorship in it). */
static int
mship_read(struct req *r, const struct db_rows *row, const char *p,
    struct mship *m)
{
	char n[MSHIP_COL_LEN];

	memset(m, 0, sizeof(*m));
	if (row == NULL)
		return -1;
	if (row->nrows == 0 || db_get(row, 0, col(n, p, "id")) == NULL)
		return 404;
	m->id = db_get_int(row, 0, col(n, p, "id"));
	m->mentor_id = db_get_int(row, 0, col(n, p, "mentor_id"));
	m->mentee_id = db_get_int(row, 0, col(n, p, "mentee_id"));
	m->stage = db_get(row, 0, col(n, p, "stage"));
	m->focus = db_get(row, 0, col(n, p, "focus"));
	m->mentor_name = db_get(row, 0, col(n, p, "mentor_name"));
	m->mentor_slug = db_get(row, 0, col(n, p, "mentor_slug"));
	m->mentee_name = db_get(row, 0, col(n, p, "mentee_name"));
	m->mentee_slug = db_get(row, 0, col(n, p, "mentee_slug"));
	m->mentor_tz = db_get(row, 0, col(n, p, "mentor_tz"));
	m->mentee_tz = db_get(row, 0, col(n, p, "mentee_tz"));
	m->is_mentor = r->user.id == m->mentor_id;
	m->is_party = r->user.id > 0 && (m->is_mentor ||
	    r->user.id == m->mentee_id);
	m->other_id = m->is_mentor ? m->mentee_id : m->mentor_id;
	m->is_open = mship_stage_open(m->stage);
	return 0;
}

const char *
mship_pair_today(struct req *r, const struct mship *m)
{
	const char *a = page_today_in(r, m->mentor_tz);
	const char *b = page_today_in(r, m->mentee_tz);

	return strcmp(a, b) <= 0 ? a : b;
}

int
mship_row(struct req *r, const struct db_rows *row, struct mship *m)
{
	return mship_read(r, row, "", m);
}

int
mship_row_joined(struct req *r, const struct db_rows *row, struct mship *m)
{
	return mship_read(r, row, MSHIP_JOINED_AS, m);
}

int
mship_stage_in(const char *list, const char *stage)
{
	size_t n = stage != NULL ? strlen(stage) : 0;
	const char *p;

	if (n == 0)
		return 0;
	/* each name stands quoted in the list: 'name' */
	for (p = list; (p = strstr(p, stage)) != NULL; p += n)
		if (p > list && p[-1] == '\'' && p[n] == '\'')
			return 1;
	return 0;
}

int
mship_stage_open(const char *stage)
{
	return !mship_stage_in(STAGES_CLOSED, stage);
}

int
mship_load(struct req *r, long long id, struct mship *m)
{
	return mship_row(r, db_query(r, MSHIP_SELECT MSHIP_FROM
	    " WHERE m.id = ?", "i", id), m);
}

int
mship_party(struct req *r, int rc, const struct mship *m, const char *why)
{
	if (rc == -1)
		return RESP_DONE;	/* the app answers 503 */
	if (rc == 404) {
		page_error(r, 404);
		return RESP_DONE;
	}
	if (!m->is_party) {
		page_error_msg(r, 403, why != NULL ? why : "Only the mentor "
		    "and the mentee of a mentorship can see it.");
		return RESP_DONE;
	}
	return RESP_GO_ON;
}

int
mship_open(struct req *r, long long id, struct mship *m, const char *why)
{
	return mship_party(r, mship_load(r, id, m), m, why);
}

const char *
mship_stage_label(const char *s)
{
	static const char *const names[][2] = {
		{ "requested", "Requested" }, { "initiation", "Initiation" },
		{ "cultivation", "Cultivation" }, { "separation", "Separation" },
		{ "redefinition", "Redefinition" }, { "declined", "Declined" },
		{ "withdrawn", "Withdrawn" }, { "expired", "Expired" },
		{ "ended", "Ended" },
	};
	size_t i;

	for (i = 0; s != NULL && i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(names[i][0], s) == 0)
			return names[i][1];
	return "Unknown";
}

const char *
mship_event_text(struct req *r, const char *from, const char *to,
    const char *by)
{
	if (from == NULL)
		return "Requested the mentorship";
	if (to != NULL && strcmp(from, to) == 0)
		return by == NULL ? "Asked or answered a question" :
		    strcmp(by, "mentor") == 0 ? "Asked a question" :
		    "Answered the question";
	return req_printf(r, "%s \xe2\x86\x92 %s", mship_stage_label(from),
	    mship_stage_label(to));
}

/* "room,video" (a SET) as people read it: "Room, Video". */
const char *
mship_channels_label(struct req *r, const char *set)
{
	static const char *const names[][2] = {
		{ "room", "Room" }, { "email", "E-mail" }, { "video", "Video" },
		{ "in_person", "In person" },
	};
	char *out = req_strdup(r, "");
	size_t i;

	for (i = 0; set != NULL && i < sizeof(names) / sizeof(names[0]); i++)
		if (strstr(set, names[i][0]) != NULL)
			out = req_printf(r, "%s%s%s", out, *out ? ", " : "",
			    names[i][1]);
	return *out ? out : "none chosen";
}

const char *
mship_cadence_label(const char *s)
{
	if (s == NULL)
		return "not set";
	if (strcmp(s, "weekly") == 0)
		return "Weekly";
	if (strcmp(s, "biweekly") == 0)
		return "Every two weeks";
	if (strcmp(s, "monthly") == 0)
		return "Monthly";
	return s;
}

int
mship_strip_rows(struct req *r, struct tdict *s, const struct db_rows *q,
    const char *now)
{
	static const char *const stage[] = { "initiation", "cultivation",
		"separation", "redefinition" };
	enum { N = sizeof(stage) / sizeof(stage[0]) };
	struct svg_item it[N];
	struct tdict *row;
	double days[N] = { 0 };
	long long minutes;
	time_t t0, t1;
	size_t i, k;
	int any = 0, reached[N] = { 0 };

	for (i = 0; i < q->nrows; i++) {
		/* the last event's stage lasts until now, counted here */
		if (db_get(q, i, "minutes") != NULL)
			minutes = db_get_int(q, i, "minutes");
		else if ((t0 = page_utc_time(db_get(q, i, "created_at"))) ==
		    (time_t)-1 || (t1 = page_utc_time(now)) == (time_t)-1)
			minutes = 0;
		else
			minutes = (long long)(t1 - t0) / 60;
		for (k = 0; k < N; k++)
			if (strcmp(db_get(q, i, "to_stage"), stage[k]) == 0) {
				days[k] += minutes / 1440.0;
				reached[k] = 1;
			}
	}
	for (k = 0; k < N; k++) {
		it[k].label = mship_stage_label(stage[k]);
		it[k].tone = stage[k];
		/* a stage begun today shows as a sliver, not as nothing */
		it[k].value = reached[k] && days[k] < 1 ? 0.5 :
		    (double)(long long)(days[k] + 0.5);
		row = tmpl_section(s, "ROW");
		tmpl_set(row, "LABEL", it[k].label);
		tmpl_set(row, "VALUE", !reached[k] ? "not reached" :
		    days[k] < 1 ? "under a day" : (long long)(days[k] + 0.5) == 1 ?
		    "1 day" : req_printf(r, "%lld days",
		    (long long)(days[k] + 0.5)));
		any |= reached[k];
	}
	if (!any)
		tmpl_show(s, "NOT_YET");
	tmpl_set(s, "CHART_HTML", svg_strip(r, "Days in each stage", it, N));
	return 0;
}

int
mship_strip(struct req *r, struct tdict *s, long long id)
{
	struct db_rows *q;

	q = db_query(r, "SELECT e.to_stage, e.created_at, " MSHIP_STAGE_MINUTES(
	    "e") " AS minutes, DATE_FORMAT(UTC_TIMESTAMP(), '%Y-%m-%d "
	    "%H:%i:%s') AS now FROM stage_events e WHERE e.mentorship_id = ? "
	    "ORDER BY e.id", "i", id);
	if (q == NULL)
		return -1;
	return mship_strip_rows(r, s, q, q->nrows > 0 ? db_get(q, 0, "now") :
	    NULL);
}

static const char *
mail_bucket(struct req *r, const struct mship *m)
{
	return req_printf(r, "mship-mail:%lld:%lld", m->id, r->user.id);
}

const char *
mship_mail_wait(struct req *r, const struct mship *m, long long *seconds)
{
	if ((*seconds = auth_throttle_wait(r, mail_bucket(r, m))) <= 0)
		return NULL;
	return req_printf(r, "You have sent %s many messages in this "
	    "mentorship within the hour. So that every mail still gets read, "
	    "wait %s before the next; what you wrote is kept below.",
	    r->user.id == m->mentor_id ? m->mentee_name : m->mentor_name,
	    auth_retry_after(r, *seconds));
}

int
mship_mail_count(struct req *r, const struct mship *m)
{
	if (r->user.id <= 0)
		return 0;
	return auth_throttle_hit(r, mail_bucket(r, m), MSHIP_MAIL_LIMIT, 60);
}

/* A goal's status as people read it ("Partly achieved"). */
const char *
mship_outcome_label(const char *s)
{
	if (s == NULL)
		return "";
	if (strcmp(s, "open") == 0)
		return "Open";
	if (strcmp(s, "achieved") == 0)
		return "Achieved";
	if (strcmp(s, "partly") == 0)
		return "Partly achieved";
	if (strcmp(s, "not_achieved") == 0)
		return "Not achieved";
	if (strcmp(s, "dropped") == 0)
		return "Dropped";
	return s;
}

const char *
mship_change_key(struct req *r, long long mid, long long by, const char *tail)
{
	return by > 0 ? req_printf(r, "contract-change:%lld:%lld:%s", mid, by,
	    tail) : req_printf(r, "contract-change:%lld:%s", mid, tail);
}

/*
 * One change's notice (key) taken back with its mail, unless a notifier
 * has the mail: 1 taken, 0 gone out already, -1 db.
 */
static int
change_take_one(struct req *r, const char *key)
{
	long long n;
	const char *v;

	if ((n = db_exec(r, "DELETE FROM outbox WHERE dedup_key = ? AND "
	    "status = 'queued' AND attempts = 0", "s", key)) == -1)
		return -1;
	if (n == 0) {	/* claimed or sent, or none (turned off) */
		v = db_value(r, "SELECT 1 FROM outbox WHERE dedup_key = ?",
		    "s", key);
		if (v != NULL || r->db_failed)
			return v != NULL ? 0 : -1;
	}
	return db_exec(r, "DELETE FROM notifications WHERE dedup_key = ?",
	    "s", key) == -1 ? -1 : 1;
}

long long
mship_change_take_back(struct req *r, const struct mship *m, long long by,
    long long to)
{
	struct db_rows *q;
	long long taken = 0;
	size_t i;
	int rc;

	/*
	 * the notices of changes whose mail still waits, each by its key:
	 * a held mail goes at the notifier's pass after its hold, not at
	 * its end (one went to a party who had agreed since: found in a
	 * review); the notice alone, for one who turned that mail off,
	 * while within the hold
	 */
	q = db_query(r, "SELECT n.dedup_key FROM notifications n WHERE "
	    "n.dedup_key LIKE ? AND (? = 0 OR n.user_id = ?) AND "
	    "(n.created_at > UTC_TIMESTAMP() - INTERVAL ? SECOND OR EXISTS "
	    "(SELECT 1 FROM outbox o WHERE o.dedup_key = n.dedup_key AND "
	    "o.status = 'queued' AND o.attempts = 0))", "siii",
	    mship_change_key(r, m->id, by, "%"), to, to,
	    (long long)MSHIP_CHANGE_HOLD);
	if (q == NULL)
		return -1;
	for (i = 0; i < q->nrows; i++) {
		if ((rc = change_take_one(r, db_get(q, i, "dedup_key"))) == -1)
			return -1;
		taken += rc;
	}
	return taken;
}

int
mship_notice_send(struct req *r, const struct mship *m, long long user_id,
    const struct mship_notice *n)
{
	struct tdict *d;
	const char *subject = n->subject;
	int rc;

	if (subject == NULL)
		subject = mail_mship_subject(r, n->headline, user_id ==
		    m->mentor_id ? m->mentee_name : m->mentor_name, m->focus);
	d = tmpl_dict_new("mail");
	if (mail_link_set(r, d, user_id, n->path) == -1) {
		tmpl_dict_free(d);
		return -1;
	}
	tmpl_set(d, "HEADLINE", n->headline);
	tmpl_set(d, "INTRO", n->intro);
	tmpl_set(d, "FOCUS", m->focus != NULL ? m->focus : "");
	tmpl_set(d, "LINK_TEXT", n->link_text != NULL ? n->link_text :
	    "Open the mentorship");
	if (n->note != NULL && *n->note != '\0') {
		struct tdict *t = tmpl_section(d, "NOTE");
		tmpl_set(t, "NOTE_LABEL", n->note_label != NULL ?
		    n->note_label : "Their note:");
		tmpl_set(t, "NOTE_TEXT", n->note);
		mail_lines(r, t, "NOTE_LINE", n->note);
	}
	rc = mail_put(r, &(struct mail_msg){ .kind = n->kind != NULL ?
	    n->kind : "mentorship", .user_id = user_id, .subject = subject,
	    .path = n->path, .tpl = "mail/stage_notice", .d = d,
	    .dedup_key = n->dedup, .calendar = n->calendar,
	    .hold = n->hold });
	tmpl_dict_free(d);
	return rc == -1 ? -1 : 0;
}

int
mship_already(struct req *r, struct tdict *d, long long mentor_id,
    const char *mentor_name)
{
	struct db_rows *q;
	struct tdict *s;
	const char *when;

	if (r->user.id <= 0 || mentor_id == r->user.id)
		return 0;
	q = db_query(r, "SELECT id, stage, created_at, proposed_by_programme "
	    "FROM mentorships WHERE mentor_id = ? AND mentee_id = ? AND stage "
	    "IN (" STAGES_OPEN ") ORDER BY id DESC LIMIT 1", "ii", mentor_id,
	    r->user.id);
	if (q == NULL)
		return -1;
	if (q->nrows == 0)
		return 0;
	s = tmpl_section(d, "ALREADY");
	tmpl_set(s, "HREF", req_printf(r, "/mentorships/%s",
	    db_get(q, 0, "id")));
	when = page_date_text(r, db_get(q, 0, "created_at"));
	if (strcmp(db_get(q, 0, "stage"), "requested") != 0) {
		tmpl_set(s, "TEXT", req_printf(r, "You and %s are in a "
		    "mentorship: it is in %s.", mentor_name, mship_stage_label(
		    db_get(q, 0, "stage"))));
		tmpl_set(s, "LINK", "Open the mentorship");
		return 1;
	}
	tmpl_set(s, "TEXT", db_get_int(q, 0, "proposed_by_programme") ?
	    req_printf(r, "The organisers proposed %s as your mentor on %s: "
	    "the pair waits for an answer.", mentor_name, when) :
	    req_printf(r, "You asked %s to mentor you on %s: your request "
	    "waits for their answer.", mentor_name, when));
	tmpl_set(s, "LINK", "See the request");
	return 1;
}
