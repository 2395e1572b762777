/*
 * mentorships: the pictures of SPEC 15 on the mentorship page and the
 * record of achievement: the four stages with how long each lasted, and
 * goal and milestone progress over time. Drawn by lib/svg; the numbers
 * are beside each picture for screen readers.
 */
#include <string.h>

#include "mentorships.h"
#include "svg.h"

/* The stage strip: lib/mship.c's one rule (the programme pair view's too). */
int
mships_strip(struct req *r, struct tdict *d, const struct mship *m)
{
	return mship_strip(r, tmpl_section(d, "STRIP"), m->id);
}

#define WEEKS_SHOWN	26	/* half a year of columns */

/*
 * Milestones done and goals achieved (a goal partly achieved is not:
 * "3 goals reached" of one achieved and two partly, found walking), counted up
 * week by week since the mentorship was accepted: the last WEEKS_SHOWN
 * weeks. Nothing is drawn before there is anything to count.
 */
const char mships_progress_sql[] = "SELECT 0 AS k, TIMESTAMPDIFF(DAY, "
    "m.created_at, x.done_at) DIV 7 AS wk FROM mentorship_milestones x JOIN "
    "mentorships m ON m.id = x.mentorship_id WHERE m.id = ? AND "
    "x.done_at IS NOT NULL UNION ALL SELECT 1, TIMESTAMPDIFF(DAY, "
    "m.created_at, g.reviewed_at) DIV 7 FROM goals g JOIN mentorships "
    "m ON m.id = g.mentorship_id WHERE m.id = ? AND g.status = "
    "'achieved' AND g.reviewed_at IS NOT NULL UNION ALL "
    "SELECT 2, TIMESTAMPDIFF(DAY, m.created_at, UTC_TIMESTAMP()) DIV 7 "
    "FROM mentorships m WHERE m.id = ?";

/*
 * The picture's numbers as a table, for people who read rather than look:
 * the weeks in which a count moved, and the last one.
 */
static void
progress_weeks(struct req *r, struct tdict *s, const double *v, size_t n,
    long long first)
{
	struct tdict *w;
	size_t i;

	for (i = 0; i < n; i++) {
		if (i + 1 < n && (i == 0 ? v[0] + v[1] == 0 :
		    v[i * 2] == v[(i - 1) * 2] &&
		    v[i * 2 + 1] == v[(i - 1) * 2 + 1]))
			continue;
		w = tmpl_section(s, "WEEK");
		tmpl_set(w, "WEEK", req_printf(r, "Week %lld",
		    first + (long long)i + 1));
		tmpl_set(w, "MILESTONES", req_printf(r, "%.0f", v[i * 2]));
		tmpl_set(w, "GOALS", req_printf(r, "%.0f", v[i * 2 + 1]));
	}
}

int
mships_progress_rows(struct req *r, struct tdict *d, const struct db_rows *q)
{
	static const char *const names[] = { "Milestones done",
		"Goals achieved" };
	struct tdict *s;
	double *v;
	const char **labels;
	long long weeks, first, wk, totals[2] = { 0, 0 }, all[2] = { 0, 0 };
	size_t i, n;
	int k;

	weeks = 1;
	for (i = 0; i < q->nrows; i++)
		if (db_get_int(q, i, "k") == 2)
			weeks = db_get_int(q, i, "wk") + 1;
		else
			all[db_get_int(q, i, "k")]++;
	if (all[0] + all[1] == 0)
		return 0;
	first = weeks > WEEKS_SHOWN ? weeks - WEEKS_SHOWN : 0;
	n = (size_t)(weeks - first);
	v = arena_alloc(r->arena, 2 * n * sizeof(*v));
	labels = arena_alloc(r->arena, n * sizeof(*labels));
	if (v == NULL || labels == NULL)
		return -1;
	memset(v, 0, 2 * n * sizeof(*v));
	for (i = 0; i < q->nrows; i++) {
		k = (int)db_get_int(q, i, "k");
		wk = db_get_int(q, i, "wk");
		if (k == 2)
			continue;
		/* counted up: a week holds everything done by its end */
		for (wk = wk < first ? first : wk; wk < weeks; wk++)
			v[(size_t)(wk - first) * 2 + (size_t)k] += 1;
	}
	for (i = 0; i < n; i++)
		labels[i] = (i % 4 == 0 || i + 1 == n) ?
		    req_printf(r, "wk %lld", first + (long long)i + 1) : NULL;
	totals[0] = (long long)v[(n - 1) * 2];
	totals[1] = (long long)v[(n - 1) * 2 + 1];
	s = tmpl_section(d, "PROGRESS_CHART");
	tmpl_set(s, "CHART_HTML", svg_columns(r, "Progress, week by week",
	    names, 2, v, labels, n, SVG_SIDE_BY_SIDE));
	tmpl_set(s, "TEXT", req_printf(r, "In %lld week%s: %lld milestone%s "
	    "done, %lld goal%s achieved.", weeks, weeks == 1 ? "" : "s",
	    totals[0], totals[0] == 1 ? "" : "s", totals[1],
	    totals[1] == 1 ? "" : "s"));
	progress_weeks(r, s, v, n, first);
	return 0;
}
