/*
 * programmes/dashboard: how the cohort is doing, for its organisers, each
 * figure a picture (lib/svg) with its numbers in a table beside it; the
 * pairs export (one CSV row per pair); and one pair as an organiser may
 * see it. Counts and dates only: nothing here reads a room message, a
 * meeting's notes or a thread that is not public.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "csv.h"
#include "kept.h"
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

/*
 * The figures are kept (lib/kept.h) under the programme's versions
 * (sql/270_programme_versions.sql), not counted again on every view:
 * programme_versions for all but the weekly activity (its pairs, their
 * stage events, goals, meetings, surveys, participants, invitations, the
 * names of their people, and room messages only as they can change the
 * quiet pairs), programme_week_versions for the weekly activity of the
 * weeks before the current one. The current week is read as it is (one
 * counter row a pair), so a busy programme's messages move nothing.
 * What the clock alone changes (the pairs at risk, the cadence) is kept
 * under its until as well: the first moment any of it can change.
 */
static const char *const figures_watch[] = {
	"programme_invitations.programme_id", "programme_invitations.role",
	"programme_participants.programme_id", "programme_participants.role",
	"programme_participants.status",
	"mentorships.programme_id", "mentorships.mentor_id",
	"mentorships.mentee_id", "mentorships.stage",
	"mentorships.stage_changed_at", "mentorships.created_at",
	"mentorships.contract_version", "mentorships.review_date",
	"mentorships.cadence", "mentorships.focus",
	"stage_events.mentorship_id", "stage_events.to_stage",
	"stage_events.created_at",
	"goals.mentorship_id", "goals.status",
	"meetings.mentorship_id", "meetings.starts_at",
	"surveys.programme_id", "surveys.mentorship_id", "surveys.role",
	"surveys.answered_at",
	"survey_answers.survey_id", "survey_answers.question",
	"survey_answers.score", "survey_answers.answer",
	"programme_survey_questions.programme_id",
	"programme_survey_questions.prompt", "programme_survey_questions.kind",
	"programme_survey_questions.retired_at",
	"room_messages.mentorship_id", "room_messages.created_at",
	"users.display_name", NULL
};
static const char *const weeks_watch[] = {
	"pair_weeks.mentorship_id", "pair_weeks.week", "pair_weeks.messages",
	"pair_weeks.entries", "pair_weeks.meetings", "mentorships.programme_id",
	NULL
};
static const struct kept_def figures_kept = { "figures",
    "programme_versions", figures_watch, "sql/270 mentorships_programme_*, "
    "stage_events_programme_*, goals_programme_*, meetings_programme_*, "
    "surveys_programme_*, survey_answers_programme_*, sql/380 "
    "programme_survey_questions_version_*, "
    "programme_participants_version_*, programme_invitations_version_*, "
    "users_programme_version, room_messages_programme_*" };
static const struct kept_def weeks_kept = { "weeks",
    "programme_week_versions", weeks_watch, "sql/270 pair_weeks_version_*, "
    "mentorships_programme_update, _delete" };
const struct kept_def *const prog_kept[] = { &figures_kept, &weeks_kept,
    NULL };

/* One view of the dashboard: its programme, versions and clock. */
struct dash {
	const struct prog	*p;
	const char		*version;	/* programme_versions */
	const char		*weeks;		/* programme_week_versions */
	const char		*now;		/* UTC, 'YYYY-MM-DD hh:mm:ss' */
	const char		*until;		/* the clock's figures hold till */
	const char		*start;		/* the first drawn week's day */
	const char		*wstart;	/* the current week's first day */
	long long		 w0;		/* the first drawn week */
	long long		 week;		/* the current week */
};

/* A query of integer arguments, for kept_get. */
struct q {
	const char	*sql;
	const char	*types;
	long long	 a[6];
};

static const struct db_rows *
q_make(struct req *r, void *arg, int *keep)
{
	const struct q *q = arg;

	(void)keep;
	return db_query(r, q->sql, q->types, q->a[0], q->a[1], q->a[2],
	    q->a[3], q->a[4], q->a[5]);
}

/* The rows of figure what, kept under the programme's version. */
static const struct db_rows *
figure_rows(struct req *r, const struct dash *d, const char *what,
    struct q *q)
{
	return kept_get(r, kept_key(r, &figures_kept, d->version, "is",
	    d->p->id, what), q_make, q);
}

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
		if (it[i].value >= 0)	/* a unit after a number, not a dash */
			tmpl_show(row, "HAS_VALUE");
	}
	return f;
}

/* Counts by value of a (k, n) result, in the order of keys, each
 * labelled by label(k) and coloured by tone(k). */
static struct svg_item *
counted(struct req *r, const struct db_rows *rows, const char *const *keys,
    const char *(*label)(const char *), const char *(*tone)(const char *),
    size_t *n)
{
	struct svg_item *it;
	size_t i, k;

	for (k = 0; keys[k] != NULL; k++)
		;
	it = req_alloc(r, k * sizeof(*it));
	for (k = 0; keys[k] != NULL; k++) {
		it[k].label = label(keys[k]);
		it[k].tone = tone(keys[k]);
		it[k].value = 0;
		for (i = 0; i < rows->nrows; i++)
			if (strcmp(db_get(rows, i, "k"), keys[k]) == 0)
				it[k].value = (double)db_get_int(rows, i, "n");
	}
	*n = k;
	return it;
}

/* A stage in its badge's colour; a pair that stopped, grey, as there. */
static const char *
stage_tone(const char *stage)
{
	return strcmp(stage, "withdrawn") == 0 || strcmp(stage, "expired") ==
	    0 || strcmp(stage, "ended") == 0 ? "none" : stage;
}

/* An outcome's: achieved good, partly between, not achieved bad. */
static const char *
outcome_tone(const char *k)
{
	return strcmp(k, "achieved") == 0 ? "good" : strcmp(k, "partly") ==
	    0 ? "mid" : strcmp(k, "not_achieved") == 0 ? "bad" :
	    strcmp(k, "dropped") == 0 ? "none" : NULL;
}

static const char stages_sql[] = "SELECT m.stage AS k, COUNT(*) AS n FROM "
    "mentorships m WHERE m.programme_id = ? GROUP BY m.stage";

static int
stages_fill(struct req *r, struct tdict *d, const struct dash *v)
{
	struct q q = { stages_sql, "i", { v->p->id } };
	const struct db_rows *rows;
	struct svg_item *it;
	size_t n;

	rows = figure_rows(r, v, "stages", &q);
	if (rows == NULL)
		return -1;
	it = counted(r, rows, stages, mship_stage_label, stage_tone, &n);
	figure(r, d, "STAGES", "Pairs by stage now", it, n);
	return 0;
}

/*
 * From invitation to Redefinition: how many mentees got how far. Each
 * list of this file names the programme's index (sql/271): MariaDB
 * preferred a scan of the whole table when one programme holds most of
 * it, and would walk it all when the programme holds little.
 */
static const char funnel_sql[] = "SELECT "
    "(SELECT COUNT(*) FROM programme_invitations i FORCE INDEX "
    "(programme_invitations_role) WHERE i.programme_id = ? AND i.role = "
    "'mentee') AS invited, "
    /* everyone who got that far: one removed or gone since had joined */
    "(SELECT COUNT(*) FROM programme_participants pp WHERE "
    "pp.programme_id = ? AND pp.role = 'mentee' AND pp.status IN "
    "('active', 'removed', 'left')) AS joined, "
    "COUNT(DISTINCT m.mentee_id) AS paired, "
    "COUNT(DISTINCT IF(e.to_stage = 'initiation', m.mentee_id, NULL)) "
    "AS initiation, "
    "COUNT(DISTINCT IF(e.to_stage = 'cultivation', m.mentee_id, NULL)) "
    "AS cultivation, "
    "COUNT(DISTINCT IF(e.to_stage = 'separation', m.mentee_id, NULL)) "
    "AS separation, "
    "COUNT(DISTINCT IF(e.to_stage = 'redefinition', m.mentee_id, NULL)) "
    "AS redefinition "
    "FROM mentorships m FORCE INDEX (mentorships_programme_pairs) "
    "LEFT JOIN stage_events e ON e.mentorship_id = "
    "m.id WHERE m.programme_id = ?";

static int
funnel_fill(struct req *r, struct tdict *d, const struct dash *v)
{
	const struct db_rows *c;
	struct q q = { funnel_sql, "iii", { v->p->id, v->p->id, v->p->id } };
	struct svg_item it[7];
	static const char *const cols[] = {
		"invited", "joined", "paired", "initiation", "cultivation",
		"separation", "redefinition"
	};
	static const char *const labels[] = {
		"Invited", "Joined", "Asked or proposed", "Accepted",
		"Contract agreed",
		"Reached Separation", "Reached Redefinition"
	};
	size_t i;

	if ((c = figure_rows(r, v, "funnel", &q)) == NULL)
		return -1;
	for (i = 0; i < 7; i++) {
		it[i].label = labels[i];
		it[i].value = (double)db_get_int(c, 0, cols[i]);
		it[i].tone = NULL;	/* one measure, step by step */
	}
	figure(r, d, "FUNNEL", "From invitation to Redefinition (mentees)",
	    it, 7);
	return 0;
}

static const char outcomes_sql[] = "SELECT g.status AS k, COUNT(*) AS n "
    "FROM goals g JOIN mentorships m ON m.id = g.mentorship_id WHERE "
    "m.programme_id = ? GROUP BY g.status";

static int
outcomes_fill(struct req *r, struct tdict *d, const struct dash *v)
{
	struct q q = { outcomes_sql, "i", { v->p->id } };
	const struct db_rows *rows;
	struct svg_item *it;
	size_t n;

	rows = figure_rows(r, v, "outcomes", &q);
	if (rows == NULL)
		return -1;
	it = counted(r, rows, outcomes, mship_outcome_label, outcome_tone,
	    &n);
	figure(r, d, "OUTCOMES", "Goal outcomes", it, n);
	return 0;
}

/*
 * The median days of the stages pairs have left (a stage still going on
 * has no length yet), from the stage timeline, sorted by the server.
 */
static const char medians_sql[] = "SELECT stage, days FROM (SELECT "
    "e.to_stage AS stage, TIMESTAMPDIFF(HOUR, e.created_at, "
    "LEAD(e.created_at) OVER (PARTITION BY e.mentorship_id ORDER BY e.id)) "
    "/ 24 AS days FROM stage_events e JOIN mentorships m ON m.id = "
    "e.mentorship_id WHERE m.programme_id = ?) s WHERE days IS NOT NULL "
    "ORDER BY stage, days";

static int
medians_fill(struct req *r, struct tdict *d, const struct dash *v)
{
	struct q q = { medians_sql, "i", { v->p->id } };
	const struct db_rows *rows;
	struct svg_item it[4];
	static const char *const open[] = {
		"initiation", "cultivation", "separation", "redefinition"
	};
	size_t i, k, lo, hi;

	if ((rows = figure_rows(r, v, "medians", &q)) == NULL)
		return -1;
	for (k = 0; k < 4; k++) {
		it[k].label = mship_stage_label(open[k]);
		it[k].tone = open[k];
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

static const char cadence_sql[] = "SELECT COUNT(*) AS n, COALESCE(SUM(NOT "
    RISK_CADENCE_BEHIND("m") "), 0) AS kept FROM mentorships m WHERE "
    "m.programme_id = ? AND m.stage = 'cultivation'";

static int
cadence_fill(struct req *r, struct tdict *d, const struct dash *v)
{
	struct q q = { cadence_sql, "i", { v->p->id } };
	const struct db_rows *c;
	struct svg_item it[2];
	long long all, kept;

	/* the clock moves it: kept until it can change (clock_until) */
	c = kept_get(r, kept_key(r, &figures_kept, v->version, "iss", v->p->id,
	    "cadence", v->until), q_make, &q);
	if (c == NULL)
		return -1;
	all = db_get_int(c, 0, "n");
	kept = db_get_int(c, 0, "kept");
	it[0] = (struct svg_item){ "Keeping their cadence", (double)kept,
	    "good" };
	it[1] = (struct svg_item){ "Behind their cadence", (double)(all -
	    kept), "mid" };
	figure(r, d, "CADENCE", "Pairs in Cultivation keeping the meeting "
	    "cadence they agreed", it, 2);
	/* a no-break space: a heading never ends on a "%" alone */
	tmpl_set(d, "CADENCE_SHARE", all > 0 ? req_printf(r, "%lld\u00a0%%",
	    (kept * 100 + all / 2) / all) : "no pair in Cultivation yet");
	return 0;
}

/* The weekly counts of the weeks [?, ?) of programme ?'s pairs. */
static const char weeks_sql[] = "SELECT w.week AS week, SUM(w.messages) AS "
    "messages, SUM(w.entries) AS entries, SUM(w.meetings) AS meetings FROM "
    "mentorships m JOIN pair_weeks w ON w.mentorship_id = m.id AND w.week >= "
    "? AND w.week < ? WHERE m.programme_id = ? GROUP BY w.week";

/*
 * The meetings of the current week (from its first day ?, for seven
 * days), their times: kept under the programme's version (meetings move
 * it) and counted up to now on each view, as they come to pass.
 */
static const char week_meetings_sql[] = "SELECT DATE_FORMAT(g.starts_at, "
    "'%Y-%m-%d %H:%i:%s') AS t FROM mentorships m JOIN meetings g ON "
    "g.mentorship_id = m.id AND g.starts_at >= ? AND g.starts_at < ? + "
    "INTERVAL 7 DAY WHERE m.programme_id = ?";

static const struct db_rows *
week_meetings_make(struct req *r, void *arg, int *keep)
{
	const struct dash *dv = arg;

	(void)keep;
	return db_query(r, week_meetings_sql, "ssi", dv->wstart, dv->wstart,
	    dv->p->id);
}

/*
 * The first day of drawn week i, from start (the first drawn week's
 * day, YYYY-MM-DD), with its year or not: weeks by their dates, not
 * "w5".
 */
static const char *
week_of(struct req *r, const char *start, size_t i, int year)
{
	struct tm tm;
	time_t t;
	char s[32];

	memset(&tm, 0, sizeof(tm));
	if (sscanf(start, "%d-%d-%d", &tm.tm_year, &tm.tm_mon,
	    &tm.tm_mday) != 3)
		return req_printf(r, "%zu", i + 1);
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	tm.tm_mday += (int)(7 * i);
	t = timegm(&tm);
	gmtime_r(&t, &tm);
	strftime(s, sizeof(s), year ? "%e %b %Y" : "%e %b", &tm);
	return req_strdup(r, s[0] == ' ' ? s + 1 : s);
}

/* Adds rows of (week, messages, entries, meetings) to v's weeks. */
static void
weeks_add(double *v, size_t weeks, long long w0, const struct db_rows *rows)
{
	long long w;
	size_t i;

	for (i = 0; i < rows->nrows; i++) {
		w = db_get_int(rows, i, "week") - w0;
		if (w < 0 || (size_t)w >= weeks)
			continue;
		v[(size_t)w * 3] += (double)db_get_int(rows, i, "messages");
		v[(size_t)w * 3 + 1] += (double)db_get_int(rows, i, "entries");
		v[(size_t)w * 3 + 2] += (double)db_get_int(rows, i, "meetings");
	}
}

static int
activity_fill(struct req *r, struct tdict *d, const struct dash *dv)
{
	static const char *const names[] = {
		"Room messages", "Journal entries", "Meetings"
	};
	/*
	 * Counted as they happen (sql/241_pair_weeks.sql): the programme's
	 * pairs' rows of the weeks drawn (the last ACTIVITY_WEEKS of its
	 * weeks so far, from its first day), not a year of messages. The
	 * weeks before the current one are kept (they no longer move but
	 * by an edit: programme_week_versions); the current one is read on
	 * each view (a counter row a pair), its meetings from their kept
	 * times, up to now: the counts hold those to come too. Later weeks
	 * are not drawn.
	 */
	struct q past = { weeks_sql, "iii", { dv->w0, dv->week, dv->p->id } };
	const struct db_rows *kept;
	struct db_rows *rows;
	struct tdict *row, *f;
	const char **labels;
	double *v, held, all;
	size_t weeks, i;

	weeks = (size_t)ACTIVITY_WEEKS;
	v = req_alloc(r, weeks * 3 * sizeof(*v));
	memset(v, 0, weeks * 3 * sizeof(*v));
	kept = kept_get(r, kept_key(r, &weeks_kept, dv->weeks, "iii", dv->p->id,
	    dv->w0, dv->week), q_make, &past);
	if (kept == NULL)
		return -1;
	weeks_add(v, weeks, dv->w0, kept);
	if (dv->week < dv->w0)	/* the programme has not begun */
		goto draw;
	rows = db_query(r, "SELECT ? AS week, COALESCE(SUM(w.messages), 0) AS "
	    "messages, COALESCE(SUM(w.entries), 0) AS entries, 0 AS meetings "
	    "FROM mentorships m FORCE INDEX (mentorships_programme_pairs) JOIN "
	    "pair_weeks w ON w.mentorship_id = m.id AND w.week = ? WHERE "
	    "m.programme_id = ?", "iii", dv->week, dv->week, dv->p->id);
	if (rows == NULL)
		return -1;
	weeks_add(v, weeks, dv->w0, rows);
	kept = kept_get(r, kept_key(r, &figures_kept, dv->version, "iss",
	    dv->p->id, "meetings", dv->wstart), week_meetings_make,
	    (void *)(uintptr_t)dv);
	if (kept == NULL)
		return -1;
	for (held = 0, i = 0; i < kept->nrows; i++)
		held += strcmp(db_get(kept, i, "t"), dv->now) < 0;
	v[(size_t)(dv->week - dv->w0) * 3 + 2] += held;
draw:
	/*
	 * Every week up to this one, quiet ones too: a cohort that has gone
	 * silent is what the picture must show, not end before.
	 */
	weeks = dv->week < dv->w0 ? 0 : (size_t)(dv->week - dv->w0 + 1);
	for (all = 0, i = 0; i < weeks * 3; i++)
		all += v[i];
	f = tmpl_section(d, "ACTIVITY");
	tmpl_set(f, "SINCE", dv->week < dv->w0 ? "from" : "since");
	tmpl_set(f, "START", page_date_text(r, dv->start));
	if (all == 0) {	/* an empty picture says less than a sentence */
		tmpl_set(tmpl_section(f, "QUIET"), "QUIET_TEXT",
		    dv->week < dv->w0 ? "The programme has not begun: its "
		    "weeks are drawn here from its first day." : "No room "
		    "messages, journal entries or meetings in the programme's "
		    "pairs yet.");
		return 0;
	}
	labels = req_alloc(r, weeks * sizeof(*labels));
	/* the newest week named too: its column stood after the label of
	 * four weeks before, read as that one's (found walking) */
	for (i = 0; i < weeks; i++)
		labels[i] = i % 4 == 0 || i + 1 == weeks ? week_of(r,
		    dv->start, i, 0) : NULL;
	f = tmpl_section(f, "DRAWN");
	tmpl_set(f, "CHART_HTML", svg_columns(r, "Weekly activity: room "
	    "messages, journal entries and meetings", names, 3, v, labels,
	    weeks, SVG_STACKED));
	/* the numbers newest first: what an organiser looks for is now */
	for (i = weeks; i-- > 0;) {
		row = tmpl_section(f, "WEEK");
		tmpl_set(row, "WEEK_N", week_of(r, dv->start, i, 1));
		tmpl_set(row, "MESSAGES", req_printf(r, "%g", v[i * 3]));
		tmpl_set(row, "ENTRIES", req_printf(r, "%g", v[i * 3 + 1]));
		tmpl_set(row, "MEETINGS", req_printf(r, "%g", v[i * 3 + 2]));
	}
	return 0;
}

struct risk_arg {
	enum risk	 k;
	long long	 programme_id;
};

static const struct db_rows *
risk_make(struct req *r, void *arg, int *keep)
{
	const struct risk_arg *a = arg;

	(void)keep;
	return risk_list(r, a->k, a->programme_id);
}

static int
risks_fill(struct req *r, struct tdict *d, const struct dash *v)
{
	const struct db_rows *rows;
	struct risk_arg a;
	struct tdict *k, *row;
	size_t i, j;
	int any = 0;

	for (i = 0; i < RISK_N; i++) {
		/* the clock moves them: kept until it can (clock_until) */
		a.k = (enum risk)i;
		a.programme_id = v->p->id;
		rows = kept_get(r, kept_key(r, &figures_kept, v->version, "iis",
		    v->p->id, (long long)i, v->until), risk_make, &a);
		if (rows == NULL)
			return -1;
		if (rows->nrows == 0)
			continue;
		any = 1;
		k = tmpl_section(d, "RISK");
		tmpl_set(k, "RISK_LABEL", risk_label[i]);
		tmpl_set(k, "RISK_N", db_get(rows, 0, "TOTAL"));
		risk_more(k, "MORE", rows);
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
    const char *question, const char *prompt, int lo, int hi)
{
	struct svg_item it[11];
	struct tdict *f;
	double sum = 0, n = 0, promoters = 0, detractors = 0;
	size_t i;
	int k;

	for (k = lo; k <= hi; k++) {
		it[k - lo].label = req_printf(r, "%d", k);
		it[k - lo].value = 0;
		/* 0-10: detractors, passives, promoters; 1-5: one scale */
		it[k - lo].tone = hi < 10 ? NULL : k <= 6 ? "bad" : k <= 8 ?
		    "none" : "good";
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
	if (n == 0) {	/* nothing to draw: zeros would read as answers */
		f = tmpl_section(d, "SURVEY");
		tmpl_set(f, "QUESTION", prompt);
		tmpl_show(f, "NONE");
		return;
	}
	f = figure(r, d, "SURVEY", prompt, it, (size_t)(hi - lo + 1));
	tmpl_show(f, "SOME");
	tmpl_set(f, "QUESTION", prompt);
	tmpl_set(f, "ANSWERS", req_printf(r, "%g answer%s", n, n == 1 ? "" :
	    "s"));
	tmpl_set(f, "AVERAGE", n > 0 ? req_printf(r, "%.1f", sum / n) : "–");
	if (hi == 10)	/* promoters minus detractors, in points */
		tmpl_set(tmpl_section(f, "NPS"), "SCORE", n > 0 ?
		    req_printf(r, "%+.0f", 100 * (promoters - detractors) / n) :
		    "–");
}

static const char surveys_sql[] = "SELECT a.question, a.score, COUNT(*) AS "
    "n FROM surveys s JOIN survey_answers a ON a.survey_id = s.id WHERE "
    "s.programme_id = ? AND " SURVEY_NOT_THEIRS("s") " AND a.score IS NOT "
    "NULL GROUP BY a.question, a.score";
/* the programme's own questions, named as survey_answers names them */
static const char questions_sql[] = "SELECT CONCAT('p', id) AS question, "
    "prompt, kind, retired_at IS NOT NULL AS retired FROM "
    "programme_survey_questions WHERE programme_id = ? ORDER BY id";
/* each written answer's latest TEXTS_SHOWN, and how many in all */
#define TEXTS_SHOWN	5
static const char texts_sql[] = "SELECT question, answer, role, answered_at, "
    "n FROM (SELECT a.question, a.answer, s.role, s.answered_at, COUNT(*) "
    "OVER (PARTITION BY a.question) AS n, ROW_NUMBER() OVER (PARTITION BY "
    "a.question ORDER BY s.answered_at DESC, s.id DESC) AS k FROM surveys s "
    "JOIN survey_answers a ON a.survey_id = s.id WHERE s.programme_id = ? "
    "AND " SURVEY_NOT_THEIRS("s") " AND a.answer IS NOT NULL AND a.answer "
    "<> '') t WHERE k <= ? ORDER BY question, k";

/*
 * The written answers to one question: how many, and the latest few,
 * each with who gave it by role and when (every one is in surveys.csv).
 */
static void
text_figure(struct req *r, struct tdict *d, const struct db_rows *rows,
    const char *question, const char *prompt)
{
	struct tdict *f = tmpl_section(d, "TEXTS"), *a;
	long long n = 0;
	size_t i;

	tmpl_set(f, "QUESTION", prompt);
	for (i = 0; i < rows->nrows; i++) {
		if (strcmp(db_get(rows, i, "question"), question) != 0)
			continue;
		n = db_get_int(rows, i, "n");
		a = tmpl_section(f, "ANSWER");
		tmpl_set(a, "TEXT", db_get(rows, i, "answer"));
		tmpl_set(a, "ROLE", db_get(rows, i, "role"));
		page_date(r, a, "WHEN", db_get(rows, i, "answered_at"));
	}
	if (n == 0)
		tmpl_show(f, "NO_ANSWER");
	else
		tmpl_set(tmpl_section(f, "SOME"), "ANSWERS", n == 1 ?
		    "1 answer" : n <= TEXTS_SHOWN ? req_printf(r, "%lld "
		    "answers", n) : req_printf(r, "%lld answers, the latest "
		    "%d here", n, TEXTS_SHOWN));
}

/* A question of the programme's own, saying so when it is retired. */
static const char *
own_prompt(struct req *r, const struct db_rows *qs, size_t i)
{
	if (!db_get_int(qs, i, "retired"))
		return db_get(qs, i, "prompt");
	return req_printf(r, "%s (no longer asked)", db_get(qs, i, "prompt"));
}

static int
surveys_fill(struct req *r, struct tdict *d, const struct dash *v)
{
	struct q q = { surveys_sql, "iii", { v->p->id, r->user.id,
	    r->user.id } };
	struct q qq = { questions_sql, "i", { v->p->id } };
	struct q tq = { texts_sql, "iiii", { v->p->id, r->user.id, r->user.id,
	    TEXTS_SHOWN } };
	const struct db_rows *rows, *qs, *texts;
	/* the answers leave out the viewer's own pairs: kept for each */
	const char *mine = req_printf(r, ":%lld", r->user.id);
	size_t i;

	if ((rows = figure_rows(r, v, req_printf(r, "surveys%s", mine),
	    &q)) == NULL ||
	    (qs = figure_rows(r, v, "questions", &qq)) == NULL ||
	    (texts = figure_rows(r, v, req_printf(r, "texts%s", mine),
	    &tq)) == NULL)
		return -1;
	score_figure(r, d, rows, "clarity", survey_prompt("clarity"), 1, 5);
	score_figure(r, d, rows, "going", survey_prompt("going"), 1, 5);
	score_figure(r, d, rows, "satisfaction", survey_prompt("satisfaction"),
	    1, 5);
	score_figure(r, d, rows, "recommend", survey_prompt("recommend"), 0,
	    10);
	for (i = 0; i < qs->nrows; i++)
		if (strcmp(db_get(qs, i, "kind"), "score") == 0)
			score_figure(r, d, rows, db_get(qs, i, "question"),
			    own_prompt(r, qs, i), 1, 5);
	text_figure(r, d, texts, "comment", survey_prompt("comment"));
	text_figure(r, d, texts, "valuable", survey_prompt("valuable"));
	for (i = 0; i < qs->nrows; i++)
		if (strcmp(db_get(qs, i, "kind"), "text") == 0)
			text_figure(r, d, texts, db_get(qs, i, "question"),
			    own_prompt(r, qs, i));
	return 0;
}

/*
 * The first moment after now that the clock alone can change a pair at
 * risk or the cadence figure (lib/risk.c's rules): a pair reaching 30
 * days in Initiation or 7 unanswered, a review date passing, a pair in
 * Cultivation reaching 21 quiet days or falling behind its cadence, a
 * meeting coming to pass. A write that changes any of these moves the
 * programme's version instead.
 */
static const char clock_sql[] = "SELECT DATE_FORMAT(COALESCE(MIN(t), "
    KEPT_NEVER "), '%Y-%m-%d %H:%i:%s') AS until FROM ("
    "SELECT m.stage_changed_at + INTERVAL 30 DAY AS t FROM mentorships m "
    "WHERE m.programme_id = ? AND m.stage = 'initiation' "
    "UNION ALL SELECT m.created_at + INTERVAL 7 DAY FROM mentorships m "
    "WHERE m.programme_id = ? AND m.stage = 'requested' "
    "UNION ALL SELECT TIMESTAMP(m.review_date + INTERVAL 1 DAY) FROM "
    "mentorships m WHERE m.programme_id = ? AND m.stage = 'cultivation' "
    "UNION ALL SELECT GREATEST(m.stage_changed_at, COALESCE((SELECT "
    "x.created_at FROM room_messages x WHERE x.mentorship_id = m.id ORDER "
    "BY x.id DESC LIMIT 1), m.stage_changed_at), COALESCE((SELECT "
    "MAX(g.starts_at) FROM meetings g WHERE g.mentorship_id = m.id), "
    "m.stage_changed_at)) + INTERVAL 21 DAY FROM mentorships m WHERE "
    "m.programme_id = ? AND m.stage = 'cultivation' "
    "UNION ALL SELECT COALESCE((SELECT MAX(g.starts_at) FROM meetings g "
    "WHERE g.mentorship_id = m.id AND g.starts_at < UTC_TIMESTAMP()), "
    "m.stage_changed_at) + INTERVAL " RISK_CADENCE_DAYS("m") " DAY FROM "
    "mentorships m WHERE m.programme_id = ? AND m.stage = 'cultivation' "
    "UNION ALL SELECT MIN(g.starts_at) FROM mentorships m JOIN meetings g "
    "ON g.mentorship_id = m.id AND g.starts_at >= UTC_TIMESTAMP() WHERE "
    "m.programme_id = ? AND m.stage = 'cultivation') c WHERE t >= "
    "UTC_TIMESTAMP()";

/* The programme's versions, the clock and the weeks drawn. */
static int
dash_load(struct req *r, const struct prog *p, struct dash *v)
{
	struct q q = { clock_sql, "iiiiii", { p->id, p->id, p->id, p->id,
	    p->id, p->id } };
	const struct db_rows *c;
	struct db_rows *h;
	const char *key;

	h = db_query(r, "SELECT v.version, w.version AS weeks, "
	    "DATE_FORMAT(UTC_TIMESTAMP(), '%Y-%m-%d %H:%i:%s') AS now, c.w0, "
	    "c.now AS week, DATE_FORMAT(c.d0 + INTERVAL c.w0 WEEK, '%Y-%m-%d') "
	    "AS start, DATE_FORMAT(c.d0 + INTERVAL c.now WEEK, '%Y-%m-%d') AS "
	    "wstart FROM (SELECT id, d0, now, GREATEST(0, now - ? + 1) AS w0 "
	    "FROM (SELECT id, d0, FLOOR(DATEDIFF(UTC_DATE(), d0) / 7) AS now "
	    "FROM (SELECT id, COALESCE(starts_on, DATE(created_at)) AS d0 FROM "
	    "programmes WHERE id = ?) a) b) c LEFT JOIN programme_versions v ON "
	    "v.programme_id = c.id LEFT JOIN programme_week_versions w ON "
	    "w.programme_id = c.id", "ii", (long long)ACTIVITY_WEEKS, p->id);
	if (h == NULL)
		return -1;
	if (h->nrows == 0) {	/* deleted meanwhile */
		page_error_msg(r, 404, "There is no programme at this address.");
		return -1;
	}
	v->p = p;
	v->version = db_get(h, 0, "version");
	v->weeks = db_get(h, 0, "weeks");
	v->now = db_get(h, 0, "now");
	v->w0 = db_get_int(h, 0, "w0");
	v->week = db_get_int(h, 0, "week");
	v->start = db_get(h, 0, "start");
	v->wstart = db_get(h, 0, "wstart");
	/* a kept until passed: counted again, from now */
	key = kept_key(r, &figures_kept, v->version, "is", p->id, "clock");
	c = kept_get_until(r, key, q_make, &q, v->now, NULL);
	if (c == NULL || c->nrows != 1)
		return -1;
	v->until = req_strdup(r, db_get(c, 0, "until"));
	return 0;
}

void
prog_dashboard(struct req *r)
{
	struct prog p;
	struct dash v;
	struct tdict *d;

	if (prog_manage(r, &p) == -1 || dash_load(r, &p, &v) == -1)
		return;
	d = page_new(r, req_printf(r, "%s: dashboard", p.name),
	    "programmes_dashboard.tpl");
	prog_head(d, &p, "Dashboard");
	if (funnel_fill(r, d, &v) == -1 || stages_fill(r, d, &v) == -1 ||
	    risks_fill(r, d, &v) == -1 || outcomes_fill(r, d, &v) == -1 ||
	    medians_fill(r, d, &v) == -1 || cadence_fill(r, d, &v) == -1 ||
	    activity_fill(r, d, &v) == -1 || surveys_fill(r, d, &v) == -1)
		return;
	page_send(r, 200);
}

/* ---- export.csv: one row per pair ----------------------------------------- */

/*
 * A moment in a CSV says its zone (ISO 8601, UTC): the file leaves the
 * product for a spreadsheet that cannot ask which zone a bare time is in.
 * A day (a last activity, a start) is a date, already ISO 8601.
 */
#define CSV_UTC(col, as) "DATE_FORMAT(" col ", '%Y-%m-%dT%H:%i:%sZ') AS " as

static const char *const export_cols[] = {
	"programme", "mentor", "mentee", "stage", "started", "stage_since",
	"goals_achieved", "goals_total", "meetings_held", "mentor_last_active",
	"mentee_last_active", "mentor_latest_question", "mentor_latest_answered",
	"mentee_latest_question", "mentee_latest_answered",
	/* last, where they were before the two columns above said which */
	"mentor_latest_score", "mentee_latest_score", NULL
};

/*
 * What a party answered to the main question of their latest survey
 * (which question it was, and when): col of that answer, as name.
 */
#define LATEST(role, col, as) "(SELECT " col " FROM surveys s JOIN " \
	"survey_answers a ON a.survey_id = s.id AND a.question IN ('clarity', " \
	"'going', 'satisfaction') WHERE s.mentorship_id = m.id AND s.role = '" \
	role "' AND s.answered_at IS NOT NULL ORDER BY s.answered_at DESC, " \
	"s.id DESC LIMIT 1) AS " as
#define LATEST_OF(role) \
	LATEST(role, "a.score", role "_latest_score") ", " \
	LATEST(role, "a.question", role "_latest_question") ", " \
	LATEST(role, "DATE(s.answered_at)", role "_latest_answered")

/*
 * A cell of the export: a stage and a question in words, and none of the
 * surveys of the viewer's own pair (SURVEY_OWN_PAIR).
 */
static const char *
export_cell(const struct db_rows *rows, size_t i, const char *col)
{
	const char *v = db_get(rows, i, col);

	if (strstr(col, "_latest_") != NULL && db_get_int(rows, i, "own"))
		return "";
	if (strcmp(col, "stage") == 0)
		return mship_stage_label(v);
	if (v != NULL && strstr(col, "_latest_question") != NULL &&
	    survey_prompt(v) != NULL)
		return survey_prompt(v);
	return v;
}

void
prog_export(struct req *r)
{
	struct prog p;
	struct db_rows *rows;
	struct buf b = { NULL, 0, 0 };
	size_t i, k;

	if (prog_manage(r, &p) == -1)
		return;
	rows = db_query(r, "SELECT " SURVEY_OWN_PAIR("m") " AS own, "
	    "a.display_name AS mentor, b.display_name AS "
	    "mentee, m.stage, DATE(m.created_at) AS started, "
	    "DATE(m.stage_changed_at) AS stage_since, "
	    "(SELECT COUNT(*) FROM goals g WHERE g.mentorship_id = m.id AND "
	    "g.status = 'achieved') AS goals_achieved, "
	    "(SELECT COUNT(*) FROM goals g WHERE g.mentorship_id = m.id) AS "
	    "goals_total, (SELECT COUNT(*) FROM meetings g WHERE "
	    "g.mentorship_id = m.id AND g.starts_at < UTC_TIMESTAMP()) AS "
	    "meetings_held, a.last_active AS mentor_last_active, "
	    "b.last_active AS mentee_last_active, " LATEST_OF("mentor") ", "
	    LATEST_OF("mentee") " FROM mentorships m FORCE INDEX "
	    "(mentorships_programme_pairs) JOIN users a ON a.id = m.mentor_id JOIN users b ON b.id = "
	    "m.mentee_id WHERE m.programme_id = ? ORDER BY m.id", "ii",
	    r->user.id, p.id);
	if (rows == NULL)
		return;
	csv_begin(&b);
	for (k = 0; export_cols[k] != NULL; k++)
		csv_cell(&b, export_cols[k], export_cols[k + 1] == NULL);
	for (i = 0; i < rows->nrows; i++) {
		csv_cell(&b, p.name, 0);
		for (k = 1; export_cols[k] != NULL; k++)
			csv_cell(&b, export_cell(rows, i, export_cols[k]),
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
	    "pq.prompt, a.score, a.answer, " CSV_UTC("s.answered_at",
	    "answered_at") " FROM surveys s FORCE "
	    "INDEX (surveys_programme) JOIN "
	    "survey_answers a ON a.survey_id = s.id JOIN mentorships m ON m.id "
	    "= s.mentorship_id JOIN users x ON x.id = m.mentor_id JOIN users y "
	    "ON y.id = m.mentee_id LEFT JOIN programme_survey_questions pq ON "
	    "pq.programme_id = s.programme_id AND a.question = CONCAT('p', "
	    "pq.id) WHERE s.programme_id = ? AND " SURVEY_NOT_THEIRS("s")
	    " ORDER BY s.id, a.question", "iii", p.id, r->user.id,
	    r->user.id);
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
