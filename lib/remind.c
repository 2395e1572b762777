/*
 * The reminder scan. Every reminder is decided once: its key (event,
 * object, due date, recipient) goes into the reminders table in the
 * transaction that queues the mail, and the mail carries the same key
 * as its outbox dedup_key. Two scanners racing on one key serialize on
 * that primary key; the loser sees a duplicate and queues nothing.
 * The scans only look at a window of days, so their cost follows the
 * number of things due, not the size of the history.
 */
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "db.h"
#include "log.h"
#include "mail.h"
#include "page.h"
#include "mship.h"
#include "remind.h"
#include "stage.h"
#include "tmpl.h"

/*
 * Candidates read at once. A rule's scan reads on, a page at a time
 * (FRESH); the other scans leave the rest to their next pass.
 */
#define SCAN_MAX	"200"
#define SCAN_ROWS	200

/* The two parties of mentorship m, one row each (side 0 the mentor). */
#define BOTH \
	"CROSS JOIN (SELECT 0 AS side UNION ALL SELECT 1) s " \
	"JOIN users o ON o.id = IF(s.side, m.mentor_id, m.mentee_id) "
#define UID	"IF(s.side, m.mentee_id, m.mentor_id)"
#define OPEN	"m.stage IN (" STAGES_ACTIVE ")"
/*
 * Closes a rule's candidate list: the keys not decided before, a page at
 * a time in (due, key) order after the last page's ("ss"). A rule's
 * window of days is UTC's, a day wider each side than its own days
 * ahead (lo, hi), which count from each recipient's date (rule_due):
 * those whose days have gone by for them are decided unsent
 * (remind_rule_tx), and those not due yet stay, so a rule's scan reads
 * on past a full page (remind_rule_run): on the same days as others due
 * now, they would head every read.
 */
#define FRESH \
	") c WHERE NOT EXISTS (SELECT 1 FROM reminders x " \
	"WHERE x.dedup_key = c.k) AND (c.due, c.k) > (?, ?) " \
	"ORDER BY c.due, c.k LIMIT " SCAN_MAX

/*
 * A rule's query returns, in this order: k (the key), uid (recipient),
 * mid (mentorship), other (the other party's name), focus, due (a
 * date), days (the days gone by that the text of a request or a
 * contract names; NULL for a date), title (a milestone or ''), and for
 * a rule about a date, tz (the recipient's zone): the days to a date,
 * and whether it has gone by, are the recipient's, as their pages say.
 */
enum remind_col { C_KEY, C_UID, C_MID, C_OTHER, C_FOCUS, C_DUE, C_DAYS,
	C_TITLE, C_TZ, C_APPLIED, C_APPLIER_TZ, C_MINE, C_REDATED };
/*
 * Each subquery names m alone: one that named s.side (a derived table)
 * was refused "Unknown column 's.side'" under some plans (make test).
 */
#define RECIPIENT_TZ \
	", IF(s.side, (SELECT u.timezone FROM users u WHERE u.id = " \
	"m.mentee_id), (SELECT u.timezone FROM users u WHERE u.id = " \
	"m.mentor_id)) AS tz "
/*
 * A milestone's rows then say when its date was set (UTC: applied with
 * its roadmap, or set again, sql/401), the zone of the one who set it,
 * and whether the recipient did: that day is theirs (rule_due), which a
 * window of UTC's days can only bound.
 */
#define DATED_AT	"COALESCE(ms.dated_at, ms.created_at)"
#define DATED_BY	"IF(ms.dated_at IS NULL, ms.applied_by, ms.dated_by)"
#define APPLIED \
	", " DATED_AT " AS applied, (SELECT u.timezone FROM users u " \
	"WHERE u.id = " DATED_BY ") AS applier_tz, " \
	DATED_BY " <=> " UID " AS mine, ms.dated_at IS NOT NULL AS redated "

struct remind_rule {
	const char	*event;
	const char	*kind;		/* what the unsubscribe link turns off */
	const char	*page;		/* after /mentorships/ID: "/review" */
	const char	*link_text;
	const char	*sql;
	enum remind_when {
		W_ELAPSED,	/* days: since a moment (C_DAYS) */
		W_AHEAD,	/* "in N days" to C_DUE, where they live */
		W_AHEAD_PAIR,	/* the same to a date the pair shares */
		W_GONE_BY	/* "has passed": once so where they live */
	}		 when;
	/*
	 * W_AHEAD*: the days ahead it is due, which the window's bounds
	 * follow (tests/unit/test_remind.c)
	 */
	int		 lo, hi;
	int		 applied;	/* rows end with APPLIED's columns */
};

/*
 * A request's title: the name of the programme whose organisers proposed
 * the pair, or '' when the mentee asked (the mail says who did).
 */
#define REQUEST_BY "IF(m.proposed_by_programme = 1, (SELECT p.name FROM " \
	"programmes p WHERE p.id = m.programme_id), '')"

static const struct remind_rule rules[] = {
	{ "review-7d", "review", "/review",
	    "Open the review page",
	    "SELECT * FROM (SELECT CONCAT('review-7d:', m.id, ':', "
	    "m.review_date, ':', " UID ") AS k, " UID " AS uid, m.id AS mid, "
	    "o.display_name AS other, m.focus AS focus, m.review_date AS due, "
	    "NULL AS days, '' AS title " RECIPIENT_TZ
	    "FROM mentorships m " BOTH "WHERE m.stage = 'cultivation' AND "
	    "m.review_date BETWEEN UTC_DATE() + INTERVAL 1 DAY AND "
	    "UTC_DATE() + INTERVAL 8 DAY" FRESH, W_AHEAD_PAIR, 2, 7, 0 },
	/*
	 * Wider ahead only: a review date UTC has passed is not "today" to
	 * anyone in UTC (the clamp would say so), and west of UTC it was
	 * told on the UTC day before, a day or none ahead there.
	 */
	{ "review-1d", "review", "/review",
	    "Open the review page",
	    "SELECT * FROM (SELECT CONCAT('review-1d:', m.id, ':', "
	    "m.review_date, ':', " UID ") AS k, " UID " AS uid, m.id AS mid, "
	    "o.display_name AS other, m.focus AS focus, m.review_date AS due, "
	    "NULL AS days, '' AS title " RECIPIENT_TZ
	    "FROM mentorships m " BOTH "WHERE m.stage = 'cultivation' AND "
	    "m.review_date BETWEEN UTC_DATE() AND "
	    "UTC_DATE() + INTERVAL 2 DAY" FRESH, W_AHEAD_PAIR, 0, 1, 0 },
	/* bounded: a review date long gone is not news any more */
	{ "review-passed", "review", "/review",
	    "Open the review page",
	    "SELECT * FROM (SELECT CONCAT('review-passed:', m.id, ':', "
	    "m.review_date, ':', " UID ") AS k, " UID " AS uid, m.id AS mid, "
	    "o.display_name AS other, m.focus AS focus, m.review_date AS due, "
	    "NULL AS days, '' AS title " RECIPIENT_TZ
	    "FROM mentorships m " BOTH "WHERE m.stage = 'cultivation' AND "
	    "m.review_date < UTC_DATE() AND "
	    "m.review_date >= UTC_DATE() - INTERVAL 14 DAY" FRESH,
	    W_GONE_BY, 0, 0, 0 },
	{ "milestone-3d", "milestone", "/roadmap",
	    "Open the roadmap",
	    "SELECT * FROM (SELECT CONCAT('milestone-3d:', ms.id, ':', "
	    "ms.due_date, ':', " UID ") AS k, " UID " AS uid, m.id AS mid, "
	    "o.display_name AS other, m.focus AS focus, ms.due_date AS due, "
	    "NULL AS days, ms.title AS title " RECIPIENT_TZ APPLIED
	    "FROM mentorship_milestones ms JOIN mentorships m ON "
	    "m.id = ms.mentorship_id " BOTH "WHERE ms.done_at IS NULL AND "
	    "ms.due_date BETWEEN UTC_DATE() - INTERVAL 1 DAY AND "
	    "UTC_DATE() + INTERVAL 4 DAY "
	    /* not due the day it was applied, west of UTC a day behind */
	    "AND ms.due_date >= DATE(" DATED_AT ") AND " OPEN FRESH,
	    W_AHEAD, 0, 3, 1 },
	{ "milestone-overdue", "milestone", "/roadmap",
	    "Open the roadmap",
	    "SELECT * FROM (SELECT CONCAT('milestone-overdue:', ms.id, ':', "
	    "ms.due_date, ':', " UID ") AS k, " UID " AS uid, m.id AS mid, "
	    "o.display_name AS other, m.focus AS focus, ms.due_date AS due, "
	    "NULL AS days, ms.title AS title " RECIPIENT_TZ APPLIED
	    "FROM mentorship_milestones ms JOIN mentorships m ON "
	    "m.id = ms.mentorship_id " BOTH "WHERE "
	    MS_OVERDUE("ms", "UTC_DATE()") " AND "
	    "ms.due_date >= UTC_DATE() - INTERVAL 30 DAY AND "
	    /* not past when applied, west of UTC a day behind */
	    "ms.due_date >= DATE(" DATED_AT ") - INTERVAL 1 DAY AND "
	    OPEN FRESH, W_GONE_BY, 0, 0, 1 },
	/*
	 * The mentor only; from 7 days on the 7-day mail replaces it. "days"
	 * counts whole days elapsed, as the window does: calendar days said
	 * "4 days ago" of a request made 3 days and an hour before 00:30.
	 */
	{ "request-3d", "request", "", "Answer the request",
	    "SELECT * FROM (SELECT CONCAT('request-3d:', m.id, ':', "
	    "m.mentor_id) AS k, m.mentor_id AS uid, m.id AS mid, "
	    "o.display_name AS other, m.focus AS focus, "
	    "DATE(m.created_at + INTERVAL 14 DAY) AS due, "
	    "TIMESTAMPDIFF(DAY, m.created_at, UTC_TIMESTAMP()) AS days, "
	    REQUEST_BY " AS title "
	    "FROM mentorships m JOIN users o ON o.id = m.mentee_id "
	    "WHERE m.stage = 'requested' AND "
	    "m.created_at <= UTC_TIMESTAMP() - INTERVAL 3 DAY AND "
	    "m.created_at > UTC_TIMESTAMP() - INTERVAL 7 DAY" FRESH,
	    W_ELAPSED, 0, 0, 0 },
	{ "request-7d", "request", "", "Answer the request",
	    "SELECT * FROM (SELECT CONCAT('request-7d:', m.id, ':', "
	    "m.mentor_id) AS k, m.mentor_id AS uid, m.id AS mid, "
	    "o.display_name AS other, m.focus AS focus, "
	    "DATE(m.created_at + INTERVAL 14 DAY) AS due, "
	    "TIMESTAMPDIFF(DAY, m.created_at, UTC_TIMESTAMP()) AS days, "
	    REQUEST_BY " AS title "
	    "FROM mentorships m JOIN users o ON o.id = m.mentee_id "
	    "WHERE m.stage = 'requested' AND "
	    "m.created_at <= UTC_TIMESTAMP() - INTERVAL 7 DAY AND "
	    "m.created_at > UTC_TIMESTAMP() - INTERVAL 14 DAY" FRESH,
	    W_ELAPSED, 0, 0, 0 },
	{ "initiation-30d", "contract", "/contract",
	    "Open the contract",
	    "SELECT * FROM (SELECT CONCAT('initiation-30d:', m.id, ':', "
	    "DATE(m.stage_changed_at), ':', " UID ") AS k, " UID " AS uid, "
	    "m.id AS mid, o.display_name AS other, m.focus AS focus, "
	    "DATE(m.stage_changed_at) AS due, "
	    "TIMESTAMPDIFF(DAY, m.stage_changed_at, UTC_TIMESTAMP()) "
	    "AS days, "
	    "'' AS title FROM mentorships m " BOTH
	    "WHERE m.stage = 'initiation' AND m.contract_version = 0 AND "
	    "m.stage_changed_at <= UTC_TIMESTAMP() - INTERVAL 30 DAY" FRESH,
	    W_ELAPSED, 0, 0, 0 },
};

static int	remind_claim(struct req *, const char *, long long);
static int	remind_queue(struct req *, const char *, long long,
		    const char *, const char *, const char *, const char *,
		    struct tdict *);

/* "in 3 days", "tomorrow", "today". */
static const char *
in_days(struct req *r, long long n)
{
	if (n <= 0)
		return "today";
	if (n == 1)
		return "tomorrow";
	return req_printf(r, "in %lld days", n);
}

/* What rule_due found of a candidate. */
enum remind_due {
	DUE_NOW,
	DUE_NOT_YET,	/* a later pass decides it */
	DUE_NEVER	/* its days have gone by: decided, unsent */
};

/*
 * Whether candidate i is due now, and the days its text names into
 * *days: to a date ahead, from the recipient's today, as their pages
 * count (in Kiritimati a review "tomorrow" by UTC's date is theirs
 * today; in Pago Pago "in 2 days", and their one-day reminder waits for
 * their day), or gone by since a moment. A date gone by is said once
 * gone by where they live. A milestone due on a day past for them is
 * overdue there (its own mail says so); a review date past for them
 * alone is the pair's still, so "today" (mship_pair_today).
 */
static enum remind_due
rule_due(struct req *r, const struct remind_rule *rl,
    const struct db_rows *c, size_t i, long long *days)
{
	const char *today, *applied;
	int cmp;

	*days = db_int(c, i, C_DAYS);
	if (rl->when == W_ELAPSED)
		return DUE_NOW;
	today = page_today_in(r, db_str(c, i, C_TZ));
	if (rl->applied) {
		/*
		 * A milestone past on the day it was applied is news to
		 * nobody, and so is one due that day ahead of time (SPEC 4:
		 * its overdue mail still goes); nor is anything that day to
		 * the party who applied it, who has just seen its dates. The
		 * day is the applier's, as the dates were counted there. A
		 * date set again by one party is news to the other, due
		 * that very day too.
		 */
		applied = page_date_in(r, db_str(c, i, C_APPLIER_TZ),
		    page_utc_time(db_str(c, i, C_APPLIED)));
		cmp = strcmp(db_str(c, i, C_DUE), applied);
		if (cmp < 0 || (cmp == 0 && rl->when == W_AHEAD &&
		    !db_int(c, i, C_REDATED)))
			return DUE_NEVER;
		if (db_int(c, i, C_MINE) && strcmp(today, applied) == 0)
			return DUE_NOT_YET;
	}
	if (rl->when == W_GONE_BY)
		return strcmp(db_str(c, i, C_DUE), today) < 0 ? DUE_NOW :
		    DUE_NOT_YET;
	if (page_days_between(today, db_str(c, i, C_DUE), days) == -1)
		*days = 0;
	if (*days < 0 && rl->when == W_AHEAD_PAIR)
		*days = 0;
	if (*days > rl->hi)
		return DUE_NOT_YET;
	return *days < rl->lo ? DUE_NEVER : DUE_NOW;
}

static const char *
rule_subject(struct req *r, const struct remind_rule *rl,
    const struct db_rows *c, size_t i, long long days)
{
	const char *e = rl->event;

	if (strcmp(e, "review-7d") == 0 || strcmp(e, "review-1d") == 0)
		return req_printf(r, "Your mentorship review is %s",
		    in_days(r, days));
	if (strcmp(e, "review-passed") == 0)
		return "Your mentorship review date has passed";
	if (strcmp(e, "milestone-3d") == 0)
		return req_printf(r, "Milestone due %s: %s", in_days(r, days),
		    db_str(c, i, C_TITLE));
	if (strcmp(e, "milestone-overdue") == 0)
		return req_printf(r, "Milestone overdue: %s",
		    db_str(c, i, C_TITLE));
	if (strncmp(e, "request-", 8) == 0)
		return req_printf(r, "%s is waiting for your answer",
		    db_str(c, i, C_OTHER));
	return "Your mentorship contract is not agreed yet";
}

static const char *
rule_intro(struct req *r, const struct remind_rule *rl,
    const struct db_rows *c, size_t i, long long days)
{
	const char *e = rl->event, *other = db_str(c, i, C_OTHER),
	    *due = page_date_text(r, db_str(c, i, C_DUE)),
	    *title = db_str(c, i, C_TITLE);

	if (due == NULL)	/* never for a DATE column; said as it is */
		due = db_str(c, i, C_DUE);

	if (strcmp(e, "review-7d") == 0 || strcmp(e, "review-1d") == 0)
		return req_printf(r, "The review date of your mentorship with "
		    "%s is %s (%s). Record the outcome of each goal on the "
		    "review page.", other, due, in_days(r, days));
	if (strcmp(e, "review-passed") == 0)
		return req_printf(r, "The review date of your mentorship with "
		    "%s was %s. Record the outcome of each goal and move on to "
		    "Separation.", other, due);
	if (strcmp(e, "milestone-3d") == 0)
		return req_printf(r, "The milestone \"%s\" of your mentorship "
		    "with %s is due on %s (%s).", title, other, due,
		    in_days(r, days));
	if (strcmp(e, "milestone-overdue") == 0)
		return req_printf(r, "The milestone \"%s\" of your mentorship "
		    "with %s was due on %s and is not marked done yet. Mark it "
		    "done, or give it a new date.", title, other, due);
	if (strncmp(e, "request-", 8) == 0 && title != NULL && *title != '\0')
		return req_printf(r, "The organisers of %s proposed %lld days "
		    "ago that you mentor %s, who is waiting for your answer: "
		    "accept, decline or ask for more. Without an answer the "
		    "proposal expires on %s.", title, days, other, due);
	if (strncmp(e, "request-", 8) == 0)
		return req_printf(r, "%s asked you to mentor them %lld days "
		    "ago and is waiting for your answer: accept, decline or ask "
		    "for more. Without an answer the request expires on %s.",
		    other, days, due);
	return req_printf(r, "Your mentorship with %s has been in Initiation "
	    "for %lld days without an agreed contract. Write the ground rules, "
	    "cadence, 3 to 5 goals and the review date, and both agree to it, "
	    "to start Cultivation.", other, days);
}

/*
 * Records that key is decided, inside the caller's transaction:
 * 1 new, 0 decided before (by this or another scanner), -1 db.
 */
static int
remind_claim(struct req *r, const char *key, long long uid)
{
	long long rc;

	rc = db_exec(r, "INSERT INTO reminders (dedup_key, user_id, "
	    "created_at) VALUES (?, ?, UTC_TIMESTAMP())", "si", key, uid);
	if (rc == DB_DUPLICATE)
		return 0;
	return rc < 0 ? -1 : 1;
}

/* Queues a claimed reminder: 1 queued, 0 not (opted out), -1 db. */
static int
remind_queue(struct req *r, const char *key, long long uid,
    const char *kind, const char *subject, const char *path, const char *tpl,
    struct tdict *d)
{
	const char *v;
	int rc;

	if ((rc = mail_notify(r, kind, uid, subject, path, tpl, d, key)) == -1)
		return -1;
	if (rc == MAIL_DUPLICATE)
		return 0;
	/* mail_queue says "queued" for an opt-out too: count real rows */
	if ((v = db_value(r, "SELECT COUNT(*) FROM outbox WHERE "
	    "dedup_key = ?", "s", key)) == NULL)
		return -1;
	return strcmp(v, "0") != 0;
}

/*
 * The standard reminder to uid about mentorship mid, in the caller's
 * transaction: 1 queued, 0 decided before or opted out, -1 db.
 */
static int
remind_one(struct req *r, const char *key, long long uid, const char *kind,
    const char *subject, const char *intro, const char *other,
    const char *focus, const char *path, const char *link_text)
{
	struct tdict *d;
	int rc;

	if ((rc = remind_claim(r, key, uid)) != 1)
		return rc;
	d = tmpl_dict_new("mail");
	if (mail_link_set(r, d, uid, path) == -1) {
		tmpl_dict_free(d);
		return -1;
	}
	tmpl_set(d, "HEADLINE", subject);
	tmpl_set(d, "INTRO", intro);
	tmpl_set(d, "OTHER_NAME", other != NULL ? other : "");
	tmpl_set(d, "FOCUS", focus != NULL ? focus : "");
	tmpl_set(d, "LINK_TEXT", link_text);
	tmpl_set(d, "KIND", kind);
	rc = remind_queue(r, key, uid, kind, mail_mship_subject(r, subject,
	    other, focus), path, "mail/remind_notice", d);
	tmpl_dict_free(d);
	return rc;
}

/*
 * A scan's candidates, read in a transaction that runs again after a
 * deadlock or a lost link, as each candidate's own work does. On Galera
 * a read alone meets other nodes' writes too (an abort answered to its
 * prepare, a node that stalled past db_read_timeout): alone it would
 * stop the whole scan until the next pass.
 *
 * Every transaction of the scan is decided by its reminder's key, so
 * each runs in db_tx_run_keyed: a COMMIT whose answer never came runs
 * again and finds its key taken if it held (check_galera met such a
 * COMMIT, and a START TRANSACTION, on a node that stalled for seconds).
 */
struct read_w {
	const char	*sql;
	const char	*due, *key;	/* a rule's page: after these */
	struct db_rows	*rows;
};

static int
read_tx(struct req *r, void *arg)
{
	struct read_w *w = arg;

	w->rows = w->due != NULL ? db_query(r, w->sql, "ss", w->due, w->key) :
	    db_query(r, w->sql, "");
	return w->rows == NULL ? -1 : 0;
}

/* A rule's candidates after (due, key): FRESH's page. */
static struct db_rows *
remind_page(struct req *r, const char *sql, const char *due, const char *key)
{
	struct read_w w = { sql, due, key, NULL };

	return db_tx_run_keyed(r, read_tx, &w) == 0 ? w.rows : NULL;
}

/* A scan's candidates, with no parameter. */
static struct db_rows *
remind_candidates(struct req *r, const char *sql)
{
	return remind_page(r, sql, NULL, NULL);
}

/*
 * The row a scan starts at, walking on round the list: one of its own.
 * Notifiers on several Galera nodes, reading the same list in the same
 * order, met on every key, and one lost five times running (CI).
 */
static size_t
scan_start(const struct db_rows *c)
{
	return c->nrows > 1 ? randombytes_uniform((uint32_t)c->nrows) : 0;
}

/* One candidate of a scan, for its transaction: what it is, what it sent. */
struct each_w {
	long long	 id;	/* a mentorship, a meeting, a reader */
	int		 sent;	/* reminders this try queued */
};

/*
 * Each candidate of c (its column col) in a transaction of its own (tx,
 * with a struct each_w), from one of its own rows on (scan_start): the
 * reminders queued, or -1 db. A tx's positive answer sent nothing.
 */
static int
remind_each(struct req *r, const struct db_rows *c, const char *col,
    int (*tx)(struct req *, void *))
{
	struct each_w w;
	size_t j, start;
	int n = 0, rc;

	if (c == NULL)
		return -1;
	start = scan_start(c);
	for (j = 0; j < c->nrows; j++) {
		w.id = db_get_int(c, (start + j) % c->nrows, col);
		w.sent = 0;
		if ((rc = db_tx_run_keyed(r, tx, &w)) < 0)
			return -1;
		n += rc == 0 ? w.sent : 0;
	}
	return n;
}

/*
 * One candidate of a rule, in its own short transaction that runs again
 * after a deadlock (db_tx_run_keyed): scanners racing on one key, above all
 * notifiers on different Galera nodes, whose loser is refused at COMMIT,
 * would otherwise stop the whole scan until its next pass. The next try
 * finds the key decided by the winner, or decides it itself.
 */
struct rule_w {
	const struct remind_rule	*rl;
	const struct db_rows		*c;
	size_t				 i;
	enum remind_due			 due;	/* rule_due's */
	long long			 days;	/* rule_due's */
	int				 sent;	/* remind_one's 1 or 0 */
};

static int
remind_rule_tx(struct req *r, void *arg)
{
	struct rule_w *w = arg;
	const struct remind_rule *rl = w->rl;
	const struct db_rows *c = w->c;
	size_t i = w->i;

	if (w->due == DUE_NEVER) {
		w->sent = 0;
		return remind_claim(r, db_str(c, i, C_KEY),
		    db_int(c, i, C_UID)) == -1 ? -1 : 0;
	}
	w->sent = remind_one(r, db_str(c, i, C_KEY), db_int(c, i, C_UID),
	    rl->kind, rule_subject(r, rl, c, i, w->days),
	    rule_intro(r, rl, c, i, w->days),
	    db_str(c, i, C_OTHER), db_str(c, i, C_FOCUS), req_printf(r,
	    "/mentorships/%lld%s", db_int(c, i, C_MID), rl->page),
	    rl->link_text);
	return w->sent == -1 ? -1 : 0;
}

static int
remind_rule_run(struct req *r, const struct remind_rule *rl)
{
	struct rule_w w = { rl, NULL, 0, DUE_NOW, 0, 0 };
	const char *due = "1000-01-01", *key = "";
	size_t j, start;
	int n = 0;

	do {
		if ((w.c = remind_page(r, rl->sql, due, key)) == NULL)
			return -1;
		start = scan_start(w.c);
		for (j = 0; j < w.c->nrows; j++) {
			w.i = (start + j) % w.c->nrows;
			if ((w.due = rule_due(r, rl, w.c, w.i, &w.days)) ==
			    DUE_NOT_YET)
				continue;
			if (db_tx_run_keyed(r, remind_rule_tx, &w) != 0)
				return -1;
			n += w.sent;
		}
		if (w.c->nrows > 0) {
			due = db_str(w.c, w.c->nrows - 1, C_DUE);
			key = db_str(w.c, w.c->nrows - 1, C_KEY);
		}
	} while (w.c->nrows == SCAN_ROWS);
	return n;
}

/*
 * Requests unanswered for 14 days expire through the stage module as
 * the system (r->user.id 0), which records the event and tells the
 * mentee. A request answered meanwhile is refused there (409): skip.
 */
static int
remind_expire(struct req *r)
{
	struct db_rows *c;
	struct mship m;
	const char *why;
	size_t i;
	int n = 0, rc;

	if (r->user.id != 0)
		return -1;
	c = remind_candidates(r, "SELECT id FROM mentorships WHERE "
	    "stage = 'requested' AND created_at <= UTC_TIMESTAMP() - "
	    "INTERVAL 14 DAY ORDER BY id LIMIT " SCAN_MAX);
	if (c == NULL)
		return -1;
	for (i = 0; i < c->nrows; i++) {
		if ((rc = mship_load(r, db_get_int(c, i, "id"), &m)) == -1)
			return -1;
		if (rc != 0 || strcmp(m.stage, "requested") != 0)
			continue;
		/* no note: the mentee's mail would call it "their note" */
		rc = stage_move(r, &m, "expired", NULL, &why, NULL);
		if (rc == -1)
			return -1;
		if (rc == 0)
			n++;
		else
			log_info("remind: mentorship %lld not expired: %s",
			    m.id, why != NULL ? why : "refused");
	}
	return n;
}

/*
 * A Redefinition check-in due: both are told, and next_checkin moves
 * on by the pair's interval past today, in one transaction.
 */
/* db_tx_run's body: runs again after a deadlock, as a rule's does. */
static int
remind_checkin_tx(struct req *r, void *arg)
{
	struct each_w *w = arg;
	struct db_rows *m;
	const char *key, *subject, *intro, *other, *path;
	long long uid;
	int side, rc;

	w->sent = 0;
	m = db_query(r, "SELECT m.mentor_id, m.mentee_id, m.focus, "
	    "m.next_checkin, a.display_name AS mentor_name, "
	    "b.display_name AS mentee_name FROM mentorships m "
	    "JOIN users a ON a.id = m.mentor_id "
	    "JOIN users b ON b.id = m.mentee_id WHERE m.id = ? AND "
	    "m.stage = 'redefinition' AND m.next_checkin <= UTC_DATE() "
	    "FOR UPDATE", "i", w->id);
	if (m == NULL)
		return -1;
	if (m->nrows == 0)
		return 0;
	path = req_printf(r, "/mentorships/%lld", w->id);
	for (side = 0; side < 2; side++) {
		uid = db_get_int(m, 0, side == 0 ? "mentor_id" : "mentee_id");
		other = db_get(m, 0, side == 0 ? "mentee_name" : "mentor_name");
		key = req_printf(r, "checkin:%lld:%s:%lld", w->id,
		    db_get(m, 0, "next_checkin"), uid);
		subject = req_printf(r, "Time for your check-in with %s",
		    other);
		intro = req_printf(r, "Your Redefinition check-in with %s was "
		    "planned for %s. Get in touch, meet, and keep the "
		    "conversation going.", other, db_get(m, 0, "next_checkin"));
		if ((rc = remind_one(r, key, uid, "checkin", subject, intro,
		    other, db_get(m, 0, "focus"), path,
		    "Open the mentorship")) == -1)
			return -1;
		w->sent += rc;
	}
	/* past today in whole intervals; no interval: no more check-ins */
	return db_exec(r, "UPDATE mentorships SET next_checkin = IF("
	    "COALESCE(checkin_months, 0) = 0, NULL, next_checkin + INTERVAL "
	    "checkin_months * (FLOOR(TIMESTAMPDIFF(MONTH, next_checkin, "
	    "UTC_DATE()) / checkin_months) + 1) MONTH) WHERE id = ?", "i",
	    w->id) < 0 ? -1 : 0;
}

static int
remind_checkins(struct req *r)
{
	return remind_each(r, remind_candidates(r, "SELECT id FROM "
	    "mentorships WHERE stage = 'redefinition' AND next_checkin <= "
	    "UTC_DATE() ORDER BY id LIMIT " SCAN_MAX), "id",
	    remind_checkin_tx);
}

/*
 * A meeting's reminder, the day before it: to each party, at the time in
 * their own zone, once for each time it is planned for (its sequence
 * moves with a change). A meeting planned less than a day ahead has none:
 * both were told of it just now. Meetings within the hour are left be.
 */
#define MEETING_DUE \
	"x.starts_at BETWEEN UTC_TIMESTAMP() + INTERVAL 1 HOUR AND " \
	"UTC_TIMESTAMP() + INTERVAL 24 HOUR AND x.created_at <= " \
	"x.starts_at - INTERVAL 24 HOUR AND m.stage IN (" STAGES_ACTIVE ")"
#define MEETING_KEY(uid) \
	"CONCAT('meeting-1d:', x.id, ':', x.sequence, ':', " uid ")"

static int
remind_meeting_tx(struct req *r, void *arg)
{
	struct each_w *w = arg;
	struct db_rows *q;
	const char *tz, *when, *other, *path;
	long long uid;
	int side, rc;

	w->sent = 0;
	/*
	 * the meeting locked first, then read: a move or a cancellation
	 * committed meanwhile is what the reminder reads (the snapshot
	 * begins at the first plain read), not a reminder of what it was
	 * beside the cancellation's mail (found in a review)
	 */
	if (db_query(r, "SELECT id FROM meetings WHERE id = ? FOR UPDATE",
	    "i", w->id) == NULL)
		return -1;
	q = db_query(r, "SELECT x.starts_at, " MEETING_KEY("m.mentor_id")
	    " AS mentor_key, " MEETING_KEY("m.mentee_id") " AS mentee_key, "
	    "m.id AS mid, m.mentor_id, m.mentee_id, m.focus, "
	    "a.display_name AS mentor_name, "
	    "b.display_name AS mentee_name, a.timezone AS mentor_tz, "
	    "b.timezone AS mentee_tz FROM meetings x JOIN mentorships m ON "
	    "m.id = x.mentorship_id JOIN users a ON a.id = m.mentor_id JOIN "
	    "users b ON b.id = m.mentee_id WHERE x.id = ? AND " MEETING_DUE,
	    "i", w->id);
	if (q == NULL)
		return -1;
	if (q->nrows == 0)
		return 0;	/* moved, cancelled or ended meanwhile */
	path = req_printf(r, "/mentorships/%s/meetings", db_get(q, 0, "mid"));
	for (side = 0; side < 2; side++) {
		uid = db_get_int(q, 0, side == 0 ? "mentor_id" : "mentee_id");
		other = db_get(q, 0, side == 0 ? "mentee_name" : "mentor_name");
		tz = db_get(q, 0, side == 0 ? "mentor_tz" : "mentee_tz");
		if (tz == NULL || *tz == '\0')
			tz = "UTC";
		when = page_when_in(r, db_get(q, 0, "starts_at"), tz,
		    WHEN_TEXT);
		/* the key as the scan's candidates look for it */
		if ((rc = remind_one(r, db_get(q, 0, side == 0 ? "mentor_key" :
		    "mentee_key"), uid, "meeting",
		    req_printf(r, "Meeting on %s", when), req_printf(r, "Your "
		    "meeting with %s is on %s (%s). Its agenda, and your notes "
		    "to prepare, are on the meetings page.", other, when, tz),
		    other, db_get(q, 0, "focus"), path,
		    "Open the meetings")) == -1)
			return -1;
		w->sent += rc;
	}
	return 0;
}

static int
remind_meetings(struct req *r)
{
	return remind_each(r, remind_candidates(r, "SELECT x.id FROM "
	    "meetings x JOIN mentorships m ON m.id = x.mentorship_id WHERE "
	    MEETING_DUE " AND NOT (EXISTS (SELECT 1 FROM reminders WHERE "
	    "dedup_key = " MEETING_KEY("m.mentor_id") ") AND EXISTS (SELECT "
	    "1 FROM reminders WHERE dedup_key = " MEETING_KEY("m.mentee_id")
	    ")) ORDER BY x.starts_at, x.id LIMIT " SCAN_MAX), "id",
	    remind_meeting_tx);
}

/*
 * The rooms of uid with messages from the other party that are neither
 * read nor digested, newest message id and count per room, and whether
 * one of them is older than an hour.
 */
static struct db_rows *
digest_rooms(struct req *r, long long uid)
{
	return db_query(r, "SELECT m.id, m.focus, o.display_name, "
	    "COUNT(rm.id) AS unread, MAX(rm.id) AS newest, "
	    "MIN(rm.created_at) <= UTC_TIMESTAMP() - INTERVAL 1 HOUR AS old, "
	    "(SELECT LEFT(z.body, 300) FROM room_messages z "
	    " WHERE z.id = MAX(rm.id)) AS excerpt "
	    "FROM mentorships m "
	    "JOIN users o ON o.id = IF(m.mentor_id = ?, m.mentee_id, "
	    " m.mentor_id) "
	    "LEFT JOIN room_reads rr ON rr.mentorship_id = m.id AND "
	    " rr.user_id = ? "
	    "JOIN room_messages rm ON rm.mentorship_id = m.id AND "
	    " rm.id > GREATEST(COALESCE(rr.last_read_id, 0), "
	    " COALESCE(rr.digest_id, 0)) AND rm.author_id <> ? "
	    "WHERE (m.mentor_id = ? OR m.mentee_id = ?) AND " OPEN " "
	    "GROUP BY m.id, m.focus, o.display_name ORDER BY m.id",
	    "iiiii", uid, uid, uid, uid, uid);
}

/*
 * One digest for uid covering all their rooms, once any unread message
 * is older than an hour. The person's digest_scans row is locked so two
 * scanners build the same digest one after the other, and the second
 * finds the messages digested (room_reads.digest_id) and sends nothing.
 * Not their users row: a room page marking a room read for the first
 * time holds its new room_reads row while it checks that row's foreign
 * key on users, and the digest, holding users, would wait for the same
 * room_reads row: a deadlock (sql/295). Its room_reads upserts can still
 * meet a room page's in the gap between two rows: the transaction runs
 * again (db_tx_run) rather than stopping the scan. 1: nothing to send.
 */
static int
digest_tx(struct req *r, void *arg)
{
	struct each_w *w = arg;		/* id: the reader */
	struct db_rows *c;
	struct tdict *d, *row;
	const char *key, *subject, *link;
	long long maxid = 0, total = 0;
	size_t i;
	int old = 0, rc;

	w->sent = 0;
	/* before the first plain read, which sees what the last scan wrote */
	if (db_exec(r, "INSERT INTO digest_scans (user_id, scanned_at) "
	    "VALUES (?, UTC_TIMESTAMP()) ON DUPLICATE KEY UPDATE scanned_at = "
	    "VALUES(scanned_at)", "i", w->id) < 0 ||
	    (c = digest_rooms(r, w->id)) == NULL)
		return -1;
	for (i = 0; i < c->nrows; i++) {
		total += db_get_int(c, i, "unread");
		if (db_get_int(c, i, "newest") > maxid)
			maxid = db_get_int(c, i, "newest");
		old |= db_get_int(c, i, "old") != 0;
	}
	if (!old)
		return 1;
	key = req_printf(r, "digest:%lld:%lld", w->id, maxid);
	if ((rc = remind_claim(r, key, w->id)) == -1)
		return -1;
	if (rc == 1) {
		subject = c->nrows == 1 ? req_printf(r, "Unread messages "
		    "from %s", db_get(c, 0, "display_name")) : req_printf(r,
		    "Unread "
		    "messages in %zu mentorship rooms", c->nrows);
		d = tmpl_dict_new("mail");
		tmpl_set(d, "HEADLINE", subject);
		tmpl_set(d, "INTRO", req_printf(r, "You have %lld unread "
		    "message%s in %zu room%s.", total, total == 1 ? "" : "s",
		    c->nrows, c->nrows == 1 ? "" : "s"));
		tmpl_set(d, "KIND", "digest");
		tmpl_set(d, "LINK_NOTE", mail_links_note);
		for (i = 0; i < c->nrows; i++) {
			if ((link = mail_link(r, w->id, req_printf(r,
			    "/rooms/%lld", db_get_int(c, i, "id")))) == NULL) {
				tmpl_dict_free(d);
				return -1;
			}
			row = tmpl_section(d, "ROOMS");
			tmpl_set(row, "OTHER_NAME", db_get(c, i, "display_name"));
			tmpl_set(row, "FOCUS", db_get(c, i, "focus"));
			tmpl_set_int(row, "COUNT", db_get_int(c, i, "unread"));
			tmpl_set(row, "EXCERPT", db_get(c, i, "excerpt") != NULL ?
			    db_get(c, i, "excerpt") : "");
			tmpl_set(row, "LINK", link);
		}
		/* one room: its page reads the notification; more: the list */
		rc = remind_queue(r, key, w->id, "digest", subject,
		    c->nrows == 1 ? req_printf(r, "/rooms/%lld",
		    db_get_int(c, 0, "id")) : "/mentorships",
		    "mail/remind_digest", d);
		tmpl_dict_free(d);
		if (rc == -1)
			return -1;
		w->sent = rc;
	}
	for (i = 0; i < c->nrows; i++)
		if (db_exec(r, "INSERT INTO room_reads (mentorship_id, "
		    "user_id, last_read_id, digest_id) VALUES (?, ?, 0, ?) "
		    "ON DUPLICATE KEY UPDATE digest_id = "
		    "GREATEST(digest_id, VALUES(digest_id))", "iii",
		    db_get_int(c, i, "id"), w->id,
		    db_get_int(c, i, "newest")) < 0)
			return -1;
	return 0;
}

static int
remind_digests(struct req *r)
{
	return remind_each(r, remind_candidates(r, "SELECT DISTINCT p.uid FROM (SELECT "
	    "m.id AS mid, " UID " AS uid, "
	    "IF(s.side, m.mentor_id, m.mentee_id) AS other "
	    "FROM mentorships m CROSS JOIN (SELECT 0 AS side "
	    "UNION ALL SELECT 1) s WHERE " OPEN ") p "
	    "LEFT JOIN room_reads rr ON rr.mentorship_id = p.mid AND "
	    " rr.user_id = p.uid "
	    /*
	     * The other party's newest message older than an hour, read
	     * backwards on (room, author, id) (sql/280): it walks only that
	     * party's messages of the last hour, never the reader's own nor
	     * the read ones. A bound that depends on rr is no range: an
	     * EXISTS with id > it walked the room from its first message.
	     */
	    "WHERE (SELECT n.id FROM room_messages n FORCE INDEX "
	    " (room_messages_room_author) WHERE n.mentorship_id = p.mid AND "
	    " n.author_id = p.other AND "
	    " n.created_at <= UTC_TIMESTAMP() - INTERVAL 1 HOUR "
	    " ORDER BY n.mentorship_id DESC, n.author_id DESC, n.id DESC "
	    " LIMIT 1) > GREATEST(COALESCE(rr.last_read_id, 0), "
	    " COALESCE(rr.digest_id, 0)) "
	    "LIMIT " SCAN_MAX), "uid", digest_tx);
}

int
remind_scan(struct req *r)
{
	size_t i;
	int n = 0, rc;

	if (r->user.id != 0 || r->in_tx) {
		log_err("remind: scan needs the system actor, no transaction");
		return -1;
	}
	/* expire first: an expired request gets no more reminders */
	if ((rc = remind_expire(r)) == -1)
		goto fail;
	n += rc;	/* stage_move told each mentee */
	for (i = 0; i < sizeof(rules) / sizeof(rules[0]); i++) {
		if ((rc = remind_rule_run(r, &rules[i])) == -1)
			goto fail;
		n += rc;
	}
	if ((rc = remind_checkins(r)) == -1)
		goto fail;
	n += rc;
	if ((rc = remind_meetings(r)) == -1)
		goto fail;
	n += rc;
	if ((rc = remind_digests(r)) == -1)
		goto fail;
	n += rc;
	return n;
fail:
	log_err("remind: scan stopped by a database failure");
	return -1;
}
