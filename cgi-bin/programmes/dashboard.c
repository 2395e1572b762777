/*
 * programmes/dashboard: how the cohort is doing, for its organisers, each
 * figure a picture (lib/svg) with its numbers in a table beside it; the
 * pairs export (one CSV row per pair); and one pair as an organiser may
 * see it. Counts and dates only: nothing here reads a room message, a
 * meeting's notes or a thread that is not public.
 */
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "mship.h"
#include "programmes.h"
#include "resp.h"
#include "risk.h"
#include "survey.h"
#include "svg.h"

#define ACTIVITY_WEEKS	52	/* the longest run of weeks drawn */

/* The stages a pair moves through, in order, for counts and strips. */
static const char *const stages[] = {
	"requested", "initiation", "cultivation", "separation",
	"redefinition", "declined", "withdrawn", "expired", "ended", NULL
};
static const char *const outcomes[] = {
	"open", "achieved", "partly", "not_achieved", "dropped", NULL
};

/* A chart and its numbers: CHART_HTML and a ROW section per item. */
static struct tdict *
figure(struct req *r, struct tdict *d, const char *section,
    const char *title, const struct svg_item *it, size_t n)
{
	struct tdict *f = tmpl_section(d, section), *row;
	size_t i;

	tmpl_set(f, "CHART_HTML", svg_bars(r, title, it, n, 0));
	for (i = 0; i < n; i++) {
		row = tmpl_section(f, "ROW");
		tmpl_set(row, "LABEL", it[i].label);
		tmpl_set(row, "VALUE", it[i].value < 0 ? "–" :
		    req_printf(r, "%g", it[i].value));
	}
	return f;
}

/* Counts by value of a (k, n) result, in the order of keys, each
 * labelled by label(k). */
static struct svg_item *
counted(struct req *r, const struct db_rows *rows, const char *const *keys,
    const char *(*label)(const char *), size_t *n)
{
	struct svg_item *it;
	size_t i, k;

	for (k = 0; keys[k] != NULL; k++)
		;
	it = req_alloc(r, k * sizeof(*it));
	for (k = 0; keys[k] != NULL; k++) {
		it[k].label = label(keys[k]);
		it[k].value = 0;
		for (i = 0; i < rows->nrows; i++)
			if (strcmp(db_get(rows, i, "k"), keys[k]) == 0)
				it[k].value = (double)db_get_int(rows, i, "n");
	}
	*n = k;
	return it;
}

static int
stages_fill(struct req *r, struct tdict *d, const struct prog *p)
{
	struct db_rows *rows;
	struct svg_item *it;
	size_t n;

	rows = db_query(r, "SELECT stage AS k, COUNT(*) AS n FROM mentorships "
	    "WHERE "
	    "programme_id = ? GROUP BY stage", "i", p->id);
	if (rows == NULL)
		return -1;
	it = counted(r, rows, stages, mship_stage_label, &n);
	figure(r, d, "STAGES", "Pairs by stage now", it, n);
	return 0;
}

/* From invitation to Redefinition: how many mentees got how far. */
static int
funnel_fill(struct req *r, struct tdict *d, const struct prog *p)
{
	struct db_rows *c;
	struct svg_item it[7];
	static const char *const cols[] = {
		"invited", "joined", "paired", "initiation", "cultivation",
		"separation", "redefinition"
	};
	static const char *const labels[] = {
		"Invited", "Joined", "Paired", "Accepted", "Contract agreed",
		"Reached Separation", "Reached Redefinition"
	};
	size_t i;

	c = db_query(r, "SELECT "
	    "(SELECT COUNT(*) FROM programme_invitations WHERE programme_id = ? "
	    "AND role = 'mentee') AS invited, "
	    "(SELECT COUNT(*) FROM programme_participants WHERE programme_id = ? "
	    "AND role = 'mentee' AND status = 'active') AS joined, "
	    "COUNT(DISTINCT m.mentee_id) AS paired, "
	    "COUNT(DISTINCT IF(e.to_stage = 'initiation', m.mentee_id, NULL)) "
	    "AS initiation, "
	    "COUNT(DISTINCT IF(e.to_stage = 'cultivation', m.mentee_id, NULL)) "
	    "AS cultivation, "
	    "COUNT(DISTINCT IF(e.to_stage = 'separation', m.mentee_id, NULL)) "
	    "AS separation, "
	    "COUNT(DISTINCT IF(e.to_stage = 'redefinition', m.mentee_id, NULL)) "
	    "AS redefinition "
	    "FROM mentorships m LEFT JOIN stage_events e ON e.mentorship_id = "
	    "m.id WHERE m.programme_id = ?", "iii", p->id, p->id, p->id);
	if (c == NULL)
		return -1;
	for (i = 0; i < 7; i++) {
		it[i].label = labels[i];
		it[i].value = (double)db_get_int(c, 0, cols[i]);
	}
	figure(r, d, "FUNNEL", "From invitation to Redefinition (mentees)",
	    it, 7);
	return 0;
}

static int
outcomes_fill(struct req *r, struct tdict *d, const struct prog *p)
{
	struct db_rows *rows;
	struct svg_item *it;
	size_t n;

	rows = db_query(r, "SELECT g.status AS k, COUNT(*) AS n FROM goals g JOIN "
	    "mentorships m ON m.id = g.mentorship_id WHERE m.programme_id = ? "
	    "GROUP BY g.status", "i", p->id);
	if (rows == NULL)
		return -1;
	it = counted(r, rows, outcomes, mship_outcome_label, &n);
	figure(r, d, "OUTCOMES", "Goal outcomes", it, n);
	return 0;
}

/*
 * The median days of the stages pairs have left (a stage still going on
 * has no length yet), from the stage timeline, sorted by the server.
 */
static int
medians_fill(struct req *r, struct tdict *d, const struct prog *p)
{
	struct db_rows *rows;
	struct svg_item it[4];
	static const char *const open[] = {
		"initiation", "cultivation", "separation", "redefinition"
	};
	size_t i, k, lo, hi;

	rows = db_query(r, "SELECT stage, days FROM (SELECT e.to_stage AS "
	    "stage, TIMESTAMPDIFF(HOUR, e.created_at, LEAD(e.created_at) OVER "
	    "(PARTITION BY e.mentorship_id ORDER BY e.id)) / 24 AS days FROM "
	    "stage_events e JOIN mentorships m ON m.id = e.mentorship_id WHERE "
	    "m.programme_id = ?) s WHERE days IS NOT NULL ORDER BY stage, days",
	    "i", p->id);
	if (rows == NULL)
		return -1;
	for (k = 0; k < 4; k++) {
		it[k].label = mship_stage_label(open[k]);
		it[k].value = -1;	/* no pair has left this stage yet */
		for (lo = 0; lo < rows->nrows &&
		    strcmp(db_get(rows, lo, "stage"), open[k]) != 0; lo++)
			;
		for (hi = lo; hi < rows->nrows &&
		    strcmp(db_get(rows, hi, "stage"), open[k]) == 0; hi++)
			;
		if (hi > lo) {
			i = lo + (hi - lo) / 2;
			it[k].value = (hi - lo) % 2 ?
			    strtod(db_get(rows, i, "days"), NULL) :
			    (strtod(db_get(rows, i - 1, "days"), NULL) +
			    strtod(db_get(rows, i, "days"), NULL)) / 2;
			it[k].value = (double)(long long)(it[k].value * 10 + 0.5)
			    / 10;
		}
	}
	figure(r, d, "MEDIANS", "Median days in each stage (stages left)",
	    it, 4);
	return 0;
}

static int
cadence_fill(struct req *r, struct tdict *d, const struct prog *p)
{
	struct db_rows *c;
	struct svg_item it[2];
	long long all, kept;

	c = db_query(r, "SELECT COUNT(*) AS n, COALESCE(SUM(NOT "
	    RISK_CADENCE_BEHIND("m") "), 0) AS kept FROM mentorships m WHERE "
	    "m.programme_id = ? AND m.stage = 'cultivation'", "i", p->id);
	if (c == NULL)
		return -1;
	all = db_get_int(c, 0, "n");
	kept = db_get_int(c, 0, "kept");
	it[0].label = "Keeping their cadence";
	it[0].value = (double)kept;
	it[1].label = "Behind their cadence";
	it[1].value = (double)(all - kept);
	figure(r, d, "CADENCE", "Pairs in Cultivation keeping the meeting "
	    "cadence they agreed", it, 2);
	tmpl_set(d, "CADENCE_SHARE", all > 0 ? req_printf(r, "%lld %%",
	    (kept * 100 + all / 2) / all) : "no pair in Cultivation yet");
	return 0;
}

static int
activity_fill(struct req *r, struct tdict *d, const struct prog *p)
{
	static const char *const names[] = {
		"Room messages", "Journal entries", "Meetings"
	};
	struct db_rows *span, *rows;
	struct tdict *row, *f;
	const char *start, **labels;
	double *v;
	long long w0, now, w;
	size_t weeks, i;

	/*
	 * The programme's weeks so far, the last ACTIVITY_WEEKS of them:
	 * w0 its first drawn (weeks from its first day), now the current
	 * one. Counted as they happen (sql/241_pair_weeks.sql): its pairs'
	 * rows of those weeks, not a year of messages.
	 */
	span = db_query(r, "SELECT w0, DATE_FORMAT(d0 + INTERVAL w0 WEEK, "
	    "'%Y-%m-%d') AS start, now FROM (SELECT d0, now, GREATEST(0, now - "
	    "? + 1) AS w0 FROM (SELECT d0, FLOOR(DATEDIFF(UTC_DATE(), d0) / 7) "
	    "AS now FROM (SELECT COALESCE(starts_on, DATE(created_at)) AS d0 "
	    "FROM programmes WHERE id = ?) a) b) c", "ii",
	    (long long)ACTIVITY_WEEKS, p->id);
	if (span == NULL || span->nrows == 0)
		return -1;
	start = db_get(span, 0, "start");
	w0 = db_get_int(span, 0, "w0");
	now = db_get_int(span, 0, "now");
	weeks = (size_t)ACTIVITY_WEEKS;
	v = req_alloc(r, weeks * 3 * sizeof(*v));
	memset(v, 0, weeks * 3 * sizeof(*v));
	/* meetings of the current week from the meetings, up to now: the
	 * counts hold those to come too */
	rows = db_query(r, "SELECT w.week AS week, SUM(w.messages) AS messages, "
	    "SUM(w.entries) AS entries, SUM(IF(w.week < ?, w.meetings, 0)) AS "
	    "meetings FROM mentorships m JOIN pair_weeks w ON w.mentorship_id = "
	    "m.id AND w.week >= ? AND w.week < ? WHERE m.programme_id = ? "
	    "GROUP BY w.week UNION ALL SELECT ?, 0, 0, COUNT(*) FROM "
	    "mentorships m JOIN meetings g ON g.mentorship_id = m.id AND "
	    "g.starts_at >= ? + INTERVAL ? WEEK AND g.starts_at < "
	    "UTC_TIMESTAMP() WHERE m.programme_id = ?", "iiiiisii", now, w0,
	    w0 + (long long)weeks, p->id, now, start, now - w0, p->id);
	if (rows == NULL)
		return -1;
	for (i = 0; i < rows->nrows; i++) {
		w = db_get_int(rows, i, "week") - w0;
		if (w < 0 || (size_t)w >= weeks)
			continue;
		v[(size_t)w * 3] += (double)db_get_int(rows, i, "messages");
		v[(size_t)w * 3 + 1] += (double)db_get_int(rows, i, "entries");
		v[(size_t)w * 3 + 2] += (double)db_get_int(rows, i, "meetings");
	}
	/* drop the weeks that have not come yet */
	for (i = weeks; i > 0 && v[(i - 1) * 3] == 0 && v[(i - 1) * 3 + 1] == 0
	    && v[(i - 1) * 3 + 2] == 0; i--)
		;
	labels = req_alloc(r, weeks * sizeof(*labels));
	for (weeks = i, i = 0; i < weeks; i++)
		labels[i] = i % 4 == 0 ? req_printf(r, "w%zu", i + 1) : NULL;
	f = tmpl_section(d, "ACTIVITY");
	tmpl_set(f, "START", page_date_text(r, start));
	tmpl_set(f, "CHART_HTML", svg_columns(r, "Weekly activity: room "
	    "messages, journal entries and meetings", names, 3, v, labels,
	    weeks));
	for (i = 0; i < weeks; i++) {
		row = tmpl_section(f, "WEEK");
		tmpl_set(row, "WEEK_N", req_printf(r, "%zu", i + 1));
		tmpl_set(row, "MESSAGES", req_printf(r, "%g", v[i * 3]));
		tmpl_set(row, "ENTRIES", req_printf(r, "%g", v[i * 3 + 1]));
		tmpl_set(row, "MEETINGS", req_printf(r, "%g", v[i * 3 + 2]));
	}
	return 0;
}

static int
risks_fill(struct req *r, struct tdict *d, const struct prog *p)
{
	struct db_rows *rows;
	struct tdict *k, *row;
	size_t i, j;
	int any = 0;

	for (i = 0; i < RISK_N; i++) {
		if ((rows = risk_list(r, (enum risk)i, p->id)) == NULL)
			return -1;
		if (rows->nrows == 0)
			continue;
		any = 1;
		k = tmpl_section(d, "RISK");
		tmpl_set(k, "RISK_LABEL", risk_label[i]);
		tmpl_set_int(k, "RISK_N", (long long)rows->nrows);
		for (j = 0; j < rows->nrows; j++) {
			row = tmpl_section(k, "PAIR");
			tmpl_set(row, "PAIR_ID", db_get(rows, j, "ID"));
			tmpl_set(row, "MENTOR", db_get(rows, j, "MENTOR"));
			tmpl_set(row, "MENTEE", db_get(rows, j, "MENTEE"));
			tmpl_set(row, "FOCUS", db_get(rows, j, "FOCUS"));
			page_date(r, row, "SINCE", db_get(rows, j, "SINCE"));
		}
	}
	if (!any)
		tmpl_show(d, "NO_RISK");
	return 0;
}

/* The distribution of one score question's answers, 1..5 or 0..10. */
static void
score_figure(struct req *r, struct tdict *d, const struct db_rows *rows,
    const char *question, int lo, int hi)
{
	struct svg_item it[11];
	struct tdict *f;
	double sum = 0, n = 0, promoters = 0, detractors = 0;
	size_t i;
	int k;

	for (k = lo; k <= hi; k++) {
		it[k - lo].label = req_printf(r, "%d", k);
		it[k - lo].value = 0;
	}
	for (i = 0; i < rows->nrows; i++) {
		if (strcmp(db_get(rows, i, "question"), question) != 0)
			continue;
		k = (int)db_get_int(rows, i, "score");
		if (k < lo || k > hi)
			continue;
		it[k - lo].value = (double)db_get_int(rows, i, "n");
		n += it[k - lo].value;
		sum += k * it[k - lo].value;
		promoters += k >= 9 ? it[k - lo].value : 0;
		detractors += k <= 6 ? it[k - lo].value : 0;
	}
	f = figure(r, d, "SURVEY", survey_prompt(question), it,
	    (size_t)(hi - lo + 1));
	tmpl_set(f, "QUESTION", survey_prompt(question));
	tmpl_set(f, "ANSWERS", req_printf(r, "%g answer%s", n, n == 1 ? "" :
	    "s"));
	tmpl_set(f, "AVERAGE", n > 0 ? req_printf(r, "%.1f", sum / n) : "–");
	if (hi == 10)	/* promoters minus detractors, in points */
		tmpl_set(tmpl_section(f, "NPS"), "SCORE", n > 0 ?
		    req_printf(r, "%+.0f", 100 * (promoters - detractors) / n) :
		    "–");
}

static int
surveys_fill(struct req *r, struct tdict *d, const struct prog *p)
{
	struct db_rows *rows;

	rows = db_query(r, "SELECT a.question, a.score, COUNT(*) AS n FROM surveys "
	    "s JOIN survey_answers a ON a.survey_id = s.id WHERE "
	    "s.programme_id = ? AND a.score IS NOT NULL GROUP BY a.question, "
	    "a.score", "i", p->id);
	if (rows == NULL)
		return -1;
	score_figure(r, d, rows, "clarity", 1, 5);
	score_figure(r, d, rows, "going", 1, 5);
	score_figure(r, d, rows, "satisfaction", 1, 5);
	score_figure(r, d, rows, "recommend", 0, 10);
	return 0;
}

void
prog_dashboard(struct req *r)
{
	struct prog p;
	struct tdict *d;

	if (prog_manage(r, &p) == -1)
		return;
	d = page_new(r, req_printf(r, "%s: dashboard", p.name),
	    "programmes_dashboard.tpl");
	prog_head(d, &p, "Dashboard");
	if (funnel_fill(r, d, &p) == -1 || stages_fill(r, d, &p) == -1 ||
	    risks_fill(r, d, &p) == -1 || outcomes_fill(r, d, &p) == -1 ||
	    medians_fill(r, d, &p) == -1 || cadence_fill(r, d, &p) == -1 ||
	    activity_fill(r, d, &p) == -1 || surveys_fill(r, d, &p) == -1)
		return;
	page_send(r, 200);
}

/* ---- export.csv: one row per pair ----------------------------------------- */

static const char *const export_cols[] = {
	"programme", "mentor", "mentee", "stage", "started", "stage_since",
	"goals_achieved", "goals_total", "meetings_held", "mentor_last_active",
	"mentee_last_active", "mentor_latest_score", "mentee_latest_score", NULL
};

/* A party's answer to the main question of their latest survey. */
#define LATEST_SCORE(role) "(SELECT a.score FROM surveys s JOIN " \
	"survey_answers a ON a.survey_id = s.id AND a.question IN ('clarity', " \
	"'going', 'satisfaction') WHERE s.mentorship_id = m.id AND s.role = '" \
	role "' AND s.answered_at IS NOT NULL ORDER BY s.answered_at DESC, " \
	"s.id DESC LIMIT 1)"

void
prog_export(struct req *r)
{
	struct prog p;
	struct db_rows *rows;
	struct buf b = { NULL, 0, 0 };
	size_t i, k;

	if (prog_manage(r, &p) == -1)
		return;
	rows = db_query(r, "SELECT a.display_name AS mentor, b.display_name AS "
	    "mentee, m.stage, DATE(m.created_at) AS started, "
	    "DATE(m.stage_changed_at) AS stage_since, "
	    "(SELECT COUNT(*) FROM goals g WHERE g.mentorship_id = m.id AND "
	    "g.status = 'achieved') AS goals_achieved, "
	    "(SELECT COUNT(*) FROM goals g WHERE g.mentorship_id = m.id) AS "
	    "goals_total, (SELECT COUNT(*) FROM meetings g WHERE "
	    "g.mentorship_id = m.id AND g.starts_at < UTC_TIMESTAMP()) AS "
	    "meetings_held, a.last_active AS mentor_last_active, "
	    "b.last_active AS mentee_last_active, " LATEST_SCORE("mentor") " AS "
	    "mentor_latest_score, " LATEST_SCORE("mentee") " AS "
	    "mentee_latest_score FROM mentorships m "
	    "JOIN users a ON a.id = m.mentor_id JOIN users b ON b.id = "
	    "m.mentee_id WHERE m.programme_id = ? ORDER BY m.id", "i", p.id);
	if (rows == NULL)
		return;
	csv_begin(&b);
	for (k = 0; export_cols[k] != NULL; k++)
		csv_cell(&b, export_cols[k], export_cols[k + 1] == NULL);
	for (i = 0; i < rows->nrows; i++) {
		csv_cell(&b, p.name, 0);
		for (k = 1; export_cols[k] != NULL; k++)
			csv_cell(&b, k == 3 ? mship_stage_label(db_get(rows, i,
			    "stage")) : db_get(rows, i, export_cols[k]),
			    export_cols[k + 1] == NULL);
	}
	csv_send(r, &b, req_printf(r, "%s-pairs.csv", p.slug));
	buf_free(&b);
}

/* ---- surveys.csv: one row per answer ----------------------------------- */

static const char *const answer_cols[] = {
	"programme", "pair", "mentor", "mentee", "respondent_role", "moment",
	"question", "score", "answer", "answered_at", NULL
};

void
prog_surveys_csv(struct req *r)
{
	struct prog p;
	struct db_rows *rows;
	struct buf b = { NULL, 0, 0 };
	const char *q;
	size_t i;

	if (prog_manage(r, &p) == -1)
		return;
	rows = db_query(r, "SELECT m.id AS pair, x.display_name AS mentor, "
	    "y.display_name AS mentee, s.role, s.moment, a.question, "
	    "pq.prompt, a.score, a.answer, s.answered_at FROM surveys s JOIN "
	    "survey_answers a ON a.survey_id = s.id JOIN mentorships m ON m.id "
	    "= s.mentorship_id JOIN users x ON x.id = m.mentor_id JOIN users y "
	    "ON y.id = m.mentee_id LEFT JOIN programme_survey_questions pq ON "
	    "a.question = CONCAT('p', pq.id) WHERE s.programme_id = ? ORDER BY "
	    "s.id, a.question", "i", p.id);
	if (rows == NULL)
		return;
	csv_begin(&b);
	for (i = 0; answer_cols[i] != NULL; i++)
		csv_cell(&b, answer_cols[i], answer_cols[i + 1] == NULL);
	for (i = 0; i < rows->nrows; i++) {
		q = db_get(rows, i, "prompt") != NULL ? db_get(rows, i,
		    "prompt") : survey_prompt(db_get(rows, i, "question"));
		csv_cell(&b, p.name, 0);
		csv_cell(&b, db_get(rows, i, "pair"), 0);
		csv_cell(&b, db_get(rows, i, "mentor"), 0);
		csv_cell(&b, db_get(rows, i, "mentee"), 0);
		csv_cell(&b, db_get(rows, i, "role"), 0);
		csv_cell(&b, db_get(rows, i, "moment"), 0);
		csv_cell(&b, q, 0);
		csv_cell(&b, db_get(rows, i, "score"), 0);
		csv_cell(&b, db_get(rows, i, "answer"), 0);
		csv_cell(&b, db_get(rows, i, "answered_at"), 1);
	}
	csv_send(r, &b, req_printf(r, "%s-surveys.csv", p.slug));
	buf_free(&b);
}
