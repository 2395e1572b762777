/*
 * admin: program health for admins (stages, mentorships at risk, reports,
 * the outbox, accounts, curated roadmaps), and for everyone the things
 * that are about their own data: reporting a problem with a mentorship,
 * and (data.c) the JSON export and deleting the account.
 *
 * Admins see what a mentorship looks like from outside: parties, stage,
 * timeline, contract summary. Never its room or its private threads.
 */
#include <string.h>
#include <time.h>

#include "admin.h"
#include "app.h"
#include "auth.h"
#include "db.h"
#include "field.h"
#include "mail.h"
#include "mship.h"
#include "page.h"
#include "resp.h"
#include "risk.h"
#include "schema.h"	/* MENTEO_SCHEMA, made by the Makefile */
#include "stage.h"
#include "version.h"	/* MENTEO_VERSION, too */

static void	admin_index(struct req *);
static void	admin_mentorship(struct req *);
static void	admin_end(struct req *);
static void	admin_reports(struct req *);
static void	admin_report_update(struct req *);
static void	admin_outbox(struct req *);
static void	admin_outbox_retry(struct req *);
static void	admin_users(struct req *);
static void	admin_user_disable(struct req *);
static void	admin_user_enable(struct req *);
static void	admin_user_listing(struct req *);
static void	admin_roadmaps(struct req *);
static void	report_form(struct req *);
static void	report_create(struct req *);

static const struct route routes[] = {
	{ "GET",  "/admin",				admin_index,	ROUTE_ADMIN },
	{ "GET",  "/admin/mentorships/{id}",		admin_mentorship, ROUTE_ADMIN },
	{ "POST", "/admin/mentorships/{id}/end",	admin_end,	ROUTE_ADMIN },
	{ "GET",  "/admin/reports",			admin_reports,	ROUTE_ADMIN },
	{ "POST", "/admin/reports/{id}",		admin_report_update, ROUTE_ADMIN },
	{ "GET",  "/admin/outbox",			admin_outbox,	ROUTE_ADMIN },
	{ "POST", "/admin/outbox/{id}/retry",		admin_outbox_retry, ROUTE_ADMIN },
	{ "GET",  "/admin/users",			admin_users,	ROUTE_ADMIN },
	{ "POST", "/admin/users/{id}/disable",		admin_user_disable, ROUTE_ADMIN },
	{ "POST", "/admin/users/{id}/enable",		admin_user_enable, ROUTE_ADMIN },
	{ "POST", "/admin/users/{id}/listing",		admin_user_listing, ROUTE_ADMIN },
	{ "GET",  "/admin/roadmaps",			admin_roadmaps,	ROUTE_ADMIN },
	{ "GET",  "/reports/new",			report_form,	ROUTE_USER },
	{ "POST", "/reports/new",			report_create,	ROUTE_USER },
	{ "GET",  "/settings/export",			export_json,	ROUTE_USER },
	{ "GET",  "/settings/delete",			delete_form,	ROUTE_USER },
	{ "POST", "/settings/delete",			delete_account,	ROUTE_USER },
};

APP_MAIN("admin", routes)

/* ---- health at a glance ------------------------------------------------ */

/* A report's kind and state as the admin reads them. */
static const char *
report_label(const char *code)
{
	static const char *const names[][2] = {
		{ "unresponsive", "Unresponsive" },
		{ "inappropriate", "Inappropriate behaviour" },
		{ "other", "Other" }, { "open", "Open" }, { "closed", "Closed" },
	};
	size_t i;

	for (i = 0; code != NULL && i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(names[i][0], code) == 0)
			return names[i][1];
	return code != NULL ? code : "";
}

/*
 * Each row becomes a section dictionary keyed by column name. Columns
 * named IS_x that hold 1 show section IS_x, else NOT_x. The stored codes
 * get their words beside them (issue 21 item 9): STAGE its label,
 * TO_STAGE the event (WHAT), GOAL_STATUS the outcome (OUTCOME), CADENCE
 * its label, REPORT_KIND and REPORT_STATUS theirs (_LABEL); SINCE a date
 * in the viewer's zone.
 */
static void
fill_rows(struct req *r, struct tdict *d, const char *section,
    const struct db_rows *rows)
{
	size_t i, c;

	for (i = 0; rows != NULL && i < rows->nrows; i++) {
		struct tdict *s = tmpl_section(d, section);
		for (c = 0; c < rows->ncols; c++) {
			const char *name = rows->names[c];
			const char *v = db_str(rows, i, c);
			tmpl_set(s, name, v);
			if (strncmp(name, "IS_", 3) == 0)
				tmpl_show(s, v != NULL && strcmp(v, "1") == 0 ?
				    name : req_printf(r, "NOT_%s", name + 3));
			else if (strcmp(name, "STAGE") == 0)
				tmpl_set(s, "STAGE_LABEL", mship_stage_label(v));
			else if (strcmp(name, "SINCE") == 0 && v != NULL)
				page_date(r, s, "SINCE_DATE", v);
			else if (strcmp(name, "CLOSED") == 0 && v != NULL)
				page_date(r, s, "CLOSED_DATE", v);
			else if (strcmp(name, "TO_STAGE") == 0)
				tmpl_set(s, "WHAT", mship_event_text(r,
				    db_get(rows, i, "FROM_STAGE"), v,
				    db_get(rows, i, "BY_ROLE")));
			else if (strcmp(name, "GOAL_STATUS") == 0)
				tmpl_set(s, "OUTCOME", mship_outcome_label(v));
			else if (strcmp(name, "CADENCE") == 0)
				tmpl_set(s, "CADENCE_LABEL",
				    mship_cadence_label(v));
			else if (strncmp(name, "REPORT_", 7) == 0)
				tmpl_set(s, req_printf(r, "%s_LABEL", name + 7),
				    report_label(v));
		}
	}
	/* a table's head over no rows under "None" said nothing more */
	tmpl_show(d, req_printf(r, rows == NULL || rows->nrows == 0 ?
	    "%s_NONE" : "%s_ANY", section));
}

/*
 * The admin's sections as tabs (admin_nav.tpl), the page's own marked
 * (tab, as TAB_HEALTH) and named for the phone's menu: on every admin
 * list, with the counts that say where to look, and above them the one
 * thing no count shows: mail waiting for a notifier that does not run
 * (MAIL_NOTIFIER_LIVE). -1: the database.
 */
static int
admin_nav(struct req *r, struct tdict *d, const char *tab, const char *name)
{
	struct tdict *n = tmpl_include(d, "ADMIN_NAV", "admin_nav.tpl"), *s;
	struct db_rows *c;

	c = db_query(r, "SELECT (SELECT COUNT(*) FROM mentorship_reports WHERE "
	    "status = 'open') AS open_reports, (SELECT COUNT(*) FROM outbox "
	    "WHERE status = 'failed') AS failed_mail, (SELECT COUNT(*) FROM "
	    "outbox WHERE status = 'queued') AS queued_mail, (SELECT COUNT(*) "
	    "FROM notifier_passes WHERE " MAIL_NOTIFIER_LIVE ") AS live, "
	    "(SELECT MAX(passed_at) FROM notifier_passes) AS last_pass", "");
	if (c == NULL)
		return -1;
	tmpl_set(n, "OPEN_REPORTS", db_get(c, 0, "open_reports"));
	tmpl_set(n, "FAILED_MAIL", db_get(c, 0, "failed_mail"));
	tmpl_show(n, tab);
	tmpl_set(n, "TAB_CURRENT", name);
	if (db_get_int(c, 0, "live") > 0)
		return 0;
	s = tmpl_section(n, "NOTIFIER_DOWN");
	tmpl_set(s, "QUEUED", db_get(c, 0, "queued_mail"));
	if (db_get(c, 0, "last_pass") != NULL)
		page_time(r, tmpl_section(s, "LAST_PASS"), "WHEN",
		    db_get(c, 0, "last_pass"));
	else
		tmpl_show(s, "NEVER");
	return 0;
}

static void
admin_index(struct req *r)
{
	struct tdict *d = page_new(r, "Admin", "admin_index.tpl");
	struct db_rows *counts;
	size_t i;

	counts = db_query(r, "SELECT stage AS STAGE, COUNT(*) AS N "
	    "FROM mentorships GROUP BY stage ORDER BY FIELD(stage, "
	    STAGES_OPEN "," STAGES_CLOSED ")", "");
	if (counts == NULL)
		return;
	fill_rows(r, d, "STAGES", counts);
	for (i = 0; i < RISK_N; i++) {
		struct db_rows *rows = risk_list(r, (enum risk)i, 0);
		if (rows == NULL)
			return;
		fill_rows(r, d, risk_section[i], rows);
		risk_more(d, req_printf(r, "%s_MORE", risk_section[i]), rows);
	}
	/* which build and schema answer: what a report of a fault needs */
	tmpl_set(d, "VERSION", MENTEO_VERSION);
	tmpl_set(d, "SCHEMA", MENTEO_SCHEMA);
	if (admin_nav(r, d, "TAB_HEALTH", "Health") == -1)
		return;
	page_send(r, 200);
}

/* ---- one mentorship, from outside ---------------------------------------- */

static int
mentorship_page(struct req *r, long long id, int status, const char *why)
{
	struct tdict *d;
	struct db_rows *m, *ev, *goals, *reps;

	m = db_query(r, "SELECT m.id AS ID, m.stage AS STAGE, m.focus AS FOCUS, "
	    "a.display_name AS MENTOR, a.email AS MENTOR_EMAIL, b.display_name "
	    "AS MENTEE, b.email AS MENTEE_EMAIL, m.created_at AS SINCE, "
	    "m.review_date AS REVIEW_DATE, m.cadence AS CADENCE, "
	    "m.contract_version AS VERSION FROM mentorships m "
	    "JOIN users a ON a.id = m.mentor_id JOIN users b ON b.id = m.mentee_id "
	    "WHERE m.id = ?", "i", id);
	if (m == NULL)
		return -1;
	if (m->nrows == 0)
		return page_error(r, 404), 0;
	ev = db_query(r, "SELECT e.from_stage AS FROM_STAGE, e.to_stage AS "
	    "TO_STAGE, COALESCE(u.display_name, 'Menteo') AS ACTOR, e.note AS "
	    "NOTE, e.created_at AS SINCE, CASE e.actor_id WHEN x.mentor_id "
	    "THEN 'mentor' WHEN x.mentee_id THEN 'mentee' END AS BY_ROLE FROM "
	    "stage_events e JOIN mentorships x ON x.id = e.mentorship_id LEFT "
	    "JOIN users u ON u.id = e.actor_id WHERE e.mentorship_id = ? ORDER "
	    "BY e.id", "i", id);
	goals = db_query(r, "SELECT title AS TITLE, status AS GOAL_STATUS "
	    "FROM goals WHERE mentorship_id = ? ORDER BY id", "i", id);
	reps = db_query(r, "SELECT id AS ID, kind AS REPORT_KIND, status AS "
	    "REPORT_STATUS, created_at AS SINCE FROM mentorship_reports "
	    "WHERE mentorship_id = ? ORDER BY id DESC", "i", id);
	if (ev == NULL || goals == NULL || reps == NULL)
		return -1;
	d = page_new(r, req_printf(r, "Mentorship %lld", id),
	    "admin_mentorship.tpl");
	fill_rows(r, d, "M", m);
	fill_rows(r, d, "EVENTS", ev);
	fill_rows(r, d, "GOALS", goals);
	fill_rows(r, d, "REPORTS", reps);
	if (mship_stage_open(db_get(m, 0, "STAGE")))
		tmpl_show(d, "CAN_END");
	if (why != NULL)
		tmpl_set(tmpl_section(d, "REASON_ERROR"), "MESSAGE", why);
	page_send(r, status);
	return 0;
}

static void
admin_mentorship(struct req *r)
{
	mentorship_page(r, r->id[0], 200, NULL);
}

/*
 * An admin ends a mentorship outside the stage rules for parties: a stage
 * move of its own (lib/stage.c, docs/stages.md), from whatever open stage
 * it is in when its row is locked; both parties are mailed the reason.
 */
static void
admin_end(struct req *r)
{
	enum { END_REASON, END_N };
	static const struct field f[END_N] = {
		{ "reason", F_MULTILINE, 1, 2000, 1, NULL },
	};
	struct fval v[END_N];
	struct mship m;
	const char *why;
	int rc;

	if (mship_load(r, r->id[0], &m) != 0)
		return r->db_failed ? (void)0 : page_error(r, 404);
	if (field_read(r, f, END_N, v) != 0) {
		mentorship_page(r, m.id, 422, "Give the reason both parties "
		    "will read.");
		return;
	}
	if ((rc = stage_end(r, &m, STAGE_ADMIN, v[END_REASON].str, &why)) == -1)
		return;
	if (rc != 0) {
		mentorship_page(r, m.id, rc, why);
		return;
	}
	resp_flash(r, "The mentorship was ended and both parties were told.");
	resp_redirect(r, req_printf(r, "/admin/mentorships/%lld", m.id));
}

/* ---- reports --------------------------------------------------------------- */

static void
admin_reports(struct req *r)
{
	struct tdict *d = page_new(r, "Reports", "admin_reports.tpl");
	int closed = req_query(r, "status") != NULL &&
	    strcmp(req_query(r, "status"), "closed") == 0;
	struct db_rows *rows;

	/* the pair by its people, as the lists of pairs at risk name it */
	rows = db_query(r, "SELECT p.id AS ID, p.mentorship_id AS MID, p.kind "
	    "AS REPORT_KIND, p.body AS BODY, p.admin_note AS NOTE, p.created_at AS "
	    "SINCE, COALESCE(u.display_name, 'Deleted account') AS REPORTER, "
	    "a.display_name AS MENTOR, b.display_name AS MENTEE, p.status = "
	    "'closed' AS IS_CLOSED, p.closed_at AS CLOSED, COALESCE("
	    "c.display_name, 'an administrator') AS CLOSER "
	    "FROM mentorship_reports p LEFT JOIN users u ON u.id = p.reporter_id "
	    "JOIN mentorships m ON m.id = p.mentorship_id JOIN users a ON a.id = "
	    "m.mentor_id JOIN users b ON b.id = m.mentee_id LEFT JOIN users c ON "
	    "c.id = p.closed_by WHERE p.status = ? ORDER BY p.id DESC LIMIT 200",
	    "s", closed ? "closed" : "open");
	if (rows == NULL)
		return;
	fill_rows(r, d, "REPORTS", rows);
	tmpl_show(d, closed ? "SHOWING_CLOSED" : "SHOWING_OPEN");
	if (admin_nav(r, d, "TAB_REPORTS", "Reports") == -1)
		return;
	page_send(r, 200);
}

static void
admin_report_update(struct req *r)
{
	enum { RU_NOTE, RU_CLOSE, RU_REOPEN, RU_N };
	static const struct field f[RU_N] = {
		{ "note", F_MULTILINE, 0, 5000, 0, NULL },
		{ "close", F_BOOL, 0, 0, 0, NULL },
		{ "reopen", F_BOOL, 0, 0, 0, NULL },
	};
	struct fval v[RU_N];
	const char *status;
	long long n;

	if (field_read(r, f, RU_N, v) != 0)
		return page_error(r, 400);
	/* closing says when and who; reopening forgets both */
	n = db_exec(r, "UPDATE mentorship_reports SET admin_note = ?, status = "
	    "IF(?, 'closed', IF(?, 'open', status)), closed_at = IF(?, "
	    "UTC_TIMESTAMP(), IF(?, NULL, closed_at)), closed_by = IF(?, ?, "
	    "IF(?, NULL, closed_by)) WHERE id = ?", "siiiiiiii",
	    v[RU_NOTE].str, v[RU_CLOSE].num, v[RU_REOPEN].num, v[RU_CLOSE].num,
	    v[RU_REOPEN].num, v[RU_CLOSE].num, r->user.id, v[RU_REOPEN].num,
	    r->id[0]);
	if (n < 0)
		return;
	/* back to the tab the report is in now */
	if ((status = db_value(r, "SELECT status FROM mentorship_reports WHERE "
	    "id = ?", "i", r->id[0])) == NULL)
		return r->db_failed ? (void)0 : page_error(r, 404);
	resp_flash(r, v[RU_CLOSE].num ? "Report closed." : v[RU_REOPEN].num ?
	    "Report reopened." : "Note saved.");
	resp_redirect(r, strcmp(status, "closed") == 0 ?
	    "/admin/reports?status=closed" : "/admin/reports");
}

static const char *const report_kinds[] = {
	"unresponsive", "inappropriate", "other", NULL
};
enum { RP_MENTORSHIP, RP_KIND, RP_BODY, NREPORT };
static const struct field report_fields[NREPORT] = {
	{ "mentorship", F_INT, 1, 9223372036854775807LL, 1, NULL },
	{ "kind", F_CHOICE, 0, 0, 1, report_kinds },
	{ "body", F_MULTILINE, 1, 5000, 1, NULL },
};

static void
report_show(struct req *r, struct mship *m, const struct fval *v, int status)
{
	struct tdict *d = page_new(r, "Report a problem", "report_new.tpl");

	tmpl_set_int(d, "MID", m->id);
	tmpl_set(d, "FOCUS", m->focus);
	tmpl_set(d, "OTHER_NAME", m->is_mentor ? m->mentee_name : m->mentor_name);
	if (v != NULL)
		page_form(d, report_fields, NREPORT, v);
	page_send(r, status);
}

/* A party of the mentorship (RESP_GO_ON), or RESP_DONE: answered. */
static int
report_mship(struct req *r, const char *raw, struct mship *m)
{
	struct fval id;
	int rc;

	if (field_check(r->arena, &report_fields[RP_MENTORSHIP], raw, &id) != 0)
		return page_error(r, 404), -1;
	if ((rc = mship_load(r, id.num, m)) != 0)
		return rc == 404 ? (page_error(r, 404), -1) : -1;
	if (!m->is_party)
		return page_error(r, 403), -1;
	return 0;
}

static void
report_form(struct req *r)
{
	struct mship m;

	if (report_mship(r, req_query(r, "mentorship"), &m) == 0)
		report_show(r, &m, NULL, 200);
}

static void
report_create(struct req *r)
{
	struct fval v[NREPORT];
	struct mship m;

	if (report_mship(r, req_form(r, "mentorship"), &m) != 0)
		return;
	if (field_read(r, report_fields, NREPORT, v) != 0)
		return report_show(r, &m, v, 422);
	if (db_exec(r, "INSERT INTO mentorship_reports (mentorship_id, "
	    "reporter_id, kind, body, created_at) VALUES (?, ?, ?, ?, "
	    "UTC_TIMESTAMP())", "iiss", m.id, r->user.id, v[RP_KIND].str,
	    v[RP_BODY].str) < 0)
		return;
	resp_flash(r, "Thank you. An administrator will look at your report.");
	resp_redirect(r, req_printf(r, "/mentorships/%lld", m.id));
}

/* ---- outbox ------------------------------------------------------------------ */

/* The filter in words: "Showing failed mail of the kind “Survey…”". */
static const char *
outbox_showing(struct req *r, const char *status, const char *kind)
{
	const char *what = status == NULL ? "all mail" :
	    strcmp(status, "queued") == 0 ? "mail waiting to be sent" :
	    req_printf(r, "%s mail", status);

	if (kind == NULL)
		return req_printf(r, "Showing %s, newest first.", what);
	return req_printf(r, "Showing %s of the kind “%s”, newest "
	    "first.", what, mail_kind_label(kind));
}

/* When a mail waiting is tried again: "at <time>", or "soon" once due. */
static const char *
next_try(struct req *r, const char *at)
{
	time_t t = page_utc_time(at);
	const char *s = page_time_text(r, at);

	if (t == -1 || s == NULL || t <= time(NULL))
		return "soon";
	return req_printf(r, "at %s", s);
}

/*
 * Each mail says only what is true of it: when it was queued and sent,
 * to the minute (an administrator matching it with a server's log);
 * tries, the next one, and a Retry button for one not sent yet or given
 * up on; its last error when there is one.
 */
static void
outbox_rows(struct req *r, struct tdict *d, const struct db_rows *rows)
{
	struct tdict *s;
	const char *st, *err;
	long long tries;
	size_t i;

	for (i = 0; i < rows->nrows; i++) {
		s = tmpl_section(d, "MAILS");
		st = db_get(rows, i, "STATUS");
		tries = db_get_int(rows, i, "ATTEMPTS");
		err = db_get(rows, i, "LAST_ERROR");
		tmpl_set(s, "ID", db_get(rows, i, "ID"));
		tmpl_set(s, "KIND_LABEL", mail_kind_label(db_get(rows, i,
		    "KIND")));
		tmpl_set(s, "TO_ADDR", db_get(rows, i, "TO_ADDR"));
		tmpl_set(s, "SUBJECT", db_get(rows, i, "SUBJECT"));
		page_time(r, s, "SINCE_TIME", db_get(rows, i, "SINCE"));
		if (strcmp(st, "sent") == 0) {
			tmpl_set(s, "STATUS_LABEL", "Sent");
			page_time(r, tmpl_section(s, "SENT"), "SENT_TIME",
			    db_get(rows, i, "SENT_AT"));
		} else {
			tmpl_set(s, "STATUS_LABEL", strcmp(st, "failed") == 0 ?
			    "Failed" : "Waiting to be sent");
			if (tries > 0)
				tmpl_set(tmpl_section(s, "TRIES"), "TRIES_TEXT",
				    strcmp(st, "failed") == 0 ?
				    req_printf(r, "after %lld %s", tries,
				    tries == 1 ? "try" : "tries") :
				    req_printf(r, "%lld %s failed so far; "
				    "next try %s", tries, tries == 1 ? "try" :
				    "tries", next_try(r, db_get(rows, i,
				    "NEXT_TRY"))));
			tmpl_show(s, "RETRY");
		}
		if (err != NULL && *err != '\0')
			tmpl_set(tmpl_section(s, "ERROR"), "LAST_ERROR", err);
		else
			tmpl_show(s, "NO_ERROR");
	}
	tmpl_show(d, rows->nrows == 0 ? "MAILS_NONE" : "MAILS_ANY");
}

/* The outbox's filter: the page's query, and its forms' hidden fields. */
static const char *const statuses[] = { "queued", "sent", "failed", NULL };
enum { OB_STATUS, OB_KIND, OB_BEFORE, OB_N };
static const struct field outbox_f[OB_N] = {
	{ "status", F_CHOICE, 0, 0, 0, statuses },
	{ "kind", F_SLUG, 1, 40, 0, NULL },
	{ "before", F_INT, 1, 9223372036854775807LL, 0, NULL },
};

/* "status=…&kind=…&" of a filter, to carry it to the next page. */
static const char *
outbox_filter(struct req *r, const struct fval *v)
{
	return req_printf(r, "status=%s&kind=%s&", v[OB_STATUS].str != NULL ?
	    v[OB_STATUS].str : "", v[OB_KIND].str != NULL ? v[OB_KIND].str :
	    "");
}

static void
admin_outbox(struct req *r)
{
	const struct field *f = outbox_f;
	struct fval v[OB_N];
	struct db_rows *rows, *kinds;
	struct tdict *d, *s;
	const char *k;
	size_t i;

	if (field_read(r, f, OB_N, v) != 0)
		return page_error(r, 400);
	rows = db_query(r, "SELECT id AS ID, kind AS KIND, to_addr AS TO_ADDR, "
	    "subject AS SUBJECT, status AS STATUS, attempts AS ATTEMPTS, "
	    "last_error AS LAST_ERROR, created_at AS SINCE, sent_at AS "
	    "SENT_AT, next_try_at AS NEXT_TRY FROM outbox "
	    "WHERE (? IS NULL OR status = ?) AND (? IS NULL OR kind = ?) "
	    "AND id < ? ORDER BY id DESC LIMIT 51", "ssssi", v[OB_STATUS].str,
	    v[OB_STATUS].str, v[OB_KIND].str, v[OB_KIND].str,
	    v[OB_BEFORE].str != NULL ? v[OB_BEFORE].num :
	    9223372036854775807LL);
	kinds = db_query(r, "SELECT DISTINCT kind AS KIND FROM outbox "
	    "ORDER BY kind", "");
	if (rows == NULL || kinds == NULL)
		return;
	d = page_new(r, "Outbox", "admin_outbox.tpl");
	if (rows->nrows == 51) {
		rows->nrows = 50;
		tmpl_set(tmpl_section(d, "MORE"), "MORE_URL", req_printf(r,
		    "/admin/outbox?%sbefore=%s", outbox_filter(r, v),
		    db_get(rows, 49, "ID")));
	}
	tmpl_set(d, "STATUS_Q", v[OB_STATUS].str != NULL ? v[OB_STATUS].str : "");
	tmpl_set(d, "KIND_Q", v[OB_KIND].str != NULL ? v[OB_KIND].str : "");
	outbox_rows(r, d, rows);
	for (i = 0; i < kinds->nrows; i++) {
		s = tmpl_section(d, "KINDS");
		k = db_get(kinds, i, "KIND");
		tmpl_set(s, "KIND", k);
		tmpl_set(s, "KIND_LABEL", mail_kind_label(k));
		if (v[OB_KIND].str != NULL && strcmp(k, v[OB_KIND].str) == 0)
			tmpl_show(s, "SELECTED");
	}
	if (v[OB_STATUS].str != NULL)
		tmpl_show(d, strcmp(v[OB_STATUS].str, "sent") == 0 ? "SEL_SENT" :
		    strcmp(v[OB_STATUS].str, "failed") == 0 ? "SEL_FAILED" :
		    "SEL_QUEUED");
	tmpl_set(d, "TZ", page_zone(r));
	tmpl_set(d, "SHOWING", outbox_showing(r, v[OB_STATUS].str,
	    v[OB_KIND].str));
	if (admin_nav(r, d, "TAB_OUTBOX", "Outbox") == -1)
		return;
	page_send(r, 200);
}

static void
admin_outbox_retry(struct req *r)
{
	struct fval v[OB_N];
	const char *s;
	long long n = db_exec(r, "UPDATE outbox SET status = 'queued', "
	    "next_try_at = UTC_TIMESTAMP(), attempts = 0 WHERE id = ? AND "
	    "status <> 'sent'", "i", r->id[0]);

	if (n < 0)
		return;
	/* a row gone (its account deleted) is not "already sent" */
	if (n == 0 && (s = db_value(r, "SELECT status FROM outbox WHERE "
	    "id = ?", "i", r->id[0])) == NULL)
		return r->db_failed ? (void)0 : page_error(r, 404);
	resp_flash(r, n ? "The message is queued again." :
	    "That message was already sent.");
	/* back to the outbox as it was filtered */
	if (field_read(r, outbox_f, OB_N, v) != 0)
		return resp_redirect(r, "/admin/outbox");
	resp_redirect(r, req_printf(r, "/admin/outbox?%s", outbox_filter(r, v)));
}

/* ---- accounts ------------------------------------------------------------------ */

/* A deleted account stays deleted: disabled for good, never enabled. */
#define USER_DELETED	AUTH_DELETED("email")

/*
 * The accounts' search: any part of an e-mail address or a name (a
 * domain, a surname), as the invitations' search takes it; the address
 * itself first.
 */
enum { US_Q, US_N };
static const struct field users_f[US_N] = {
	{ "q", F_TEXT, 0, 254, 0, NULL },
};

static void
admin_users(struct req *r)
{
	struct fval v[US_N];
	struct db_rows *rows;
	struct tdict *d;

	if (field_read(r, users_f, US_N, v) != 0)
		return page_error_msg(r, 400, "Search with part of a name or "
		    "of an e-mail address: at most 254 characters.");
	rows = db_query(r, "SELECT id AS ID, email AS EMAIL, display_name AS "
	    "NAME, slug AS SLUG, is_admin AS IS_ADMIN, " USER_DELETED " AS "
	    "IS_DELETED, disabled_at IS NOT NULL AND NOT " USER_DELETED " AS "
	    "IS_DISABLED, disabled_at IS NULL AS IS_ACTIVE, disabled_at IS "
	    "NULL AND id <> ? AS IS_DISABLEABLE, "
	    "is_mentor AS IS_MENTOR, unlisted_at IS NOT NULL AS "
	    "IS_UNLISTED, created_at AS SINCE FROM users WHERE ? IS NULL OR "
	    "LOCATE(?, email) > 0 OR LOCATE(?, display_name) > 0 "
	    "ORDER BY email = ? DESC, id DESC LIMIT 100", "issss", r->user.id,
	    v[US_Q].str, v[US_Q].str, v[US_Q].str, v[US_Q].str);
	if (rows == NULL)
		return;
	d = page_new(r, "Accounts", "admin_users.tpl");
	tmpl_set(d, "Q", v[US_Q].raw);
	fill_rows(r, d, "USERS", rows);
	if (admin_nav(r, d, "TAB_ACCOUNTS", "Accounts") == -1)
		return;
	page_send(r, 200);
}

/*
 * Back to the accounts as the administrator was looking at them: the
 * search a form carries (q), not the newest hundred, where the account
 * acted on may no longer be.
 */
static void
users_back(struct req *r)
{
	struct fval v[US_N];

	if (field_read(r, users_f, US_N, v) == 0 && v[US_Q].str != NULL)
		return resp_redirect(r, req_printf(r, "/admin/users?q=%s",
		    req_url_enc(r, v[US_Q].str)));
	resp_redirect(r, "/admin/users");	/* none, or not a search */
}

/*
 * Disabling ends every session at once: the person is out everywhere,
 * in one transaction that runs again after a deadlock (their session's
 * own writes meet it).
 */
static int
disable_tx(struct req *r, void *arg)
{
	(void)arg;
	if (db_exec(r, "UPDATE users SET disabled_at = UTC_TIMESTAMP() WHERE "
	    "id = ? AND disabled_at IS NULL", "i", r->id[0]) < 0 ||
	    db_exec(r, "DELETE FROM sessions WHERE user_id = ?", "i",
	    r->id[0]) < 0)
		return -1;
	return 0;
}

/* The account acted on (r->id[0]): 0, or -1 after answering (404). */
static int
user_known(struct req *r, int *deleted)
{
	const char *d = db_value(r, "SELECT " USER_DELETED " FROM users "
	    "WHERE id = ?", "i", r->id[0]);

	if (d == NULL) {
		if (!r->db_failed)
			page_error_msg(r, 404, "There is no such account.");
		return -1;
	}
	*deleted = strcmp(d, "1") == 0;
	return 0;
}

static void
admin_user_disable(struct req *r)
{
	int deleted;

	if (r->id[0] == r->user.id)
		return page_error_msg(r, 409, "You cannot disable your own "
		    "account.");
	if (user_known(r, &deleted) == -1 ||
	    db_tx_run(r, disable_tx, NULL) != 0)
		return;
	resp_flash(r, "The account is disabled and signed out everywhere.");
	users_back(r);
}

static void
admin_user_enable(struct req *r)
{
	long long n;
	int deleted;

	if (user_known(r, &deleted) == -1)
		return;
	/* an account deleted stays so, though deleted after the page's
	 * look: the update's condition decides */
	if ((n = db_exec(r, "UPDATE users SET disabled_at = NULL WHERE id = ? "
	    "AND NOT " USER_DELETED, "i", r->id[0])) < 0)
		return;
	if (n == 0 && (deleted || db_value(r, "SELECT 1 FROM users WHERE "
	    "id = ? AND " USER_DELETED, "i", r->id[0]) != NULL))
		return page_error_msg(r, 409, "This account was deleted by "
		    "its owner: it cannot be enabled again.");
	if (r->db_failed)
		return;
	resp_flash(r, "The account is enabled again.");
	users_back(r);
}

/*
 * listed=0 takes a mentor out of the directory (SPEC §1) without touching
 * the account; listed=1 lets the usual rule decide again.
 */
static void
admin_user_listing(struct req *r)
{
	static const char *const yesno[] = { "0", "1", NULL };
	enum { LS_LISTED, LS_N };
	static const struct field f[LS_N] = {
		{ "listed", F_CHOICE, 0, 0, 1, yesno },
	};
	struct fval v[LS_N];
	long long n;

	if (field_read(r, f, LS_N, v) != 0)
		return page_error_msg(r, 400, "Say whether the mentor is listed: "
		    "listed=0 or listed=1.");
	n = db_exec(r, strcmp(v[LS_LISTED].str, "0") == 0 ?
	    "UPDATE users SET unlisted_at = COALESCE(unlisted_at, "
	    "UTC_TIMESTAMP()) WHERE id = ?" :
	    "UPDATE users SET unlisted_at = NULL WHERE id = ?", "i", r->id[0]);
	if (n < 0)
		return;
	if (n == 0 && db_value(r, "SELECT id FROM users WHERE id = ?", "i",
	    r->id[0]) == NULL)
		return r->db_failed ? (void)0 : page_error(r, 404);
	resp_flash(r, strcmp(v[LS_LISTED].str, "0") == 0 ? "The mentor is no longer "
	    "listed in the directory." : "The mentor is listed again when "
	    "the profile meets the directory's rule.");
	users_back(r);
}

static void
admin_roadmaps(struct req *r)
{
	struct db_rows *rows;
	struct tdict *d;

	rows = db_query(r, "SELECT r.id AS ID, r.title AS TITLE, r.updated_at "
	    "AS SINCE, (SELECT COUNT(*) FROM roadmap_milestones x WHERE "
	    "x.roadmap_id = r.id) AS N FROM roadmaps r WHERE r.kind = 'curated' "
	    "ORDER BY r.title", "");
	if (rows == NULL)
		return;
	d = page_new(r, "Curated roadmaps", "admin_roadmaps.tpl");
	fill_rows(r, d, "ROADMAPS", rows);
	if (admin_nav(r, d, "TAB_ROADMAPS", "Curated roadmaps") == -1)
		return;
	page_send(r, 200);
}
