/*
 * risk: each rule is one WHERE clause; the same query serves the whole
 * site (by the stage index) and one programme (by the programme's).
 */
#include "risk.h"
#include "tmpl.h"

/*
 * TOTAL: the window counts the rows before the LIMIT keeps RISK_MAX. The
 * site's lists then read every pair at risk, not the first 100 in the
 * stage's index: the admin's page, seldom asked for; a programme's read
 * them all anyway, and its dashboard keeps them.
 */
#define RISK_COLS "SELECT m.id AS ID, m.stage AS STAGE, m.focus AS FOCUS, " \
	"a.display_name AS MENTOR, b.display_name AS MENTEE, " \
	"COUNT(*) OVER () AS TOTAL, "
#define RISK_FROM " FROM mentorships m JOIN users a ON a.id = m.mentor_id " \
	"JOIN users b ON b.id = m.mentee_id WHERE "

/*
 * The room's newest message (the highest id: ids grow with time), one
 * index entry a pair. "No message after" read every message of a quiet
 * pair to find none: a year of them for each pair listed.
 */
#define LAST_MESSAGE "(SELECT x.created_at FROM room_messages x WHERE " \
	"x.mentorship_id = m.id ORDER BY x.id DESC LIMIT 1)"
#define LAST_HELD "(SELECT MAX(g.starts_at) FROM meetings g WHERE " \
	"g.mentorship_id = m.id AND g.starts_at <= UTC_TIMESTAMP())"

/*
 * The date each list says, and orders by: since when the pair has been
 * in that state. A quiet pair's is its last message or meeting held (the
 * stage's start said "since" for a pair that talked last week of 21).
 */
static const char *const since[RISK_N] = {
	"m.stage_changed_at",
	"GREATEST(m.stage_changed_at, COALESCE(" LAST_MESSAGE ", "
	"m.stage_changed_at), COALESCE(" LAST_HELD ", m.stage_changed_at))",
	"m.review_date",
	"m.created_at",
};

static const char *const rule[RISK_N] = {
	"m.stage = 'initiation' AND m.stage_changed_at < UTC_TIMESTAMP() - "
	"INTERVAL 30 DAY AND m.contract_version = 0",
	"m.stage = 'cultivation' AND m.stage_changed_at < UTC_TIMESTAMP() - "
	"INTERVAL 21 DAY AND COALESCE(" LAST_MESSAGE ", "
	"m.stage_changed_at) <= UTC_TIMESTAMP() - INTERVAL 21 DAY "
	"AND NOT EXISTS (SELECT 1 FROM meetings g WHERE "
	"g.mentorship_id = m.id AND g.starts_at > UTC_TIMESTAMP() - INTERVAL "
	"21 DAY)",
	"m.stage = 'cultivation' AND m.review_date < UTC_DATE()",
	"m.stage = 'requested' AND m.created_at < UTC_TIMESTAMP() - INTERVAL "
	"7 DAY",
};

const char *const risk_section[RISK_N] = {
	"RISK_INITIATION", "RISK_QUIET", "RISK_REVIEW", "RISK_REQUESTS",
};

const char *const risk_label[RISK_N] = {
	"Initiation for over 30 days without an agreed contract",
	"Cultivation with no message or meeting for 21 days",
	"Review date passed without moving to Separation",
	"Requests unanswered for 7 days",
};

struct db_rows *
risk_list(struct req *r, enum risk k, long long programme_id)
{
	const char *sql;

	/* by the alias: the quiet pairs' date is three subqueries */
	sql = req_printf(r, RISK_COLS "%s AS SINCE" RISK_FROM "%s%s ORDER BY "
	    "SINCE, m.id LIMIT %d", since[k], programme_id > 0 ?
	    "m.programme_id = ? AND " : "", rule[k], RISK_MAX);
	return programme_id > 0 ? db_query(r, sql, "i", programme_id) :
	    db_query(r, sql, "");
}

void
risk_more(struct tdict *d, const char *more, const struct db_rows *rows)
{
	struct tdict *s;

	if (rows->nrows == 0 || db_get_int(rows, 0, "TOTAL") <=
	    (long long)rows->nrows)
		return;
	s = tmpl_include(d, more, "risk_more.tpl");
	tmpl_set_int(s, "SHOWN", (long long)rows->nrows);
	tmpl_set(s, "TOTAL", db_get(rows, 0, "TOTAL"));
}
