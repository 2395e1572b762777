/*
 * svg: charts drawn on the server into the page (no JavaScript). Each is
 * an inline <svg role="img"> with a <title>, every text value escaped
 * here; the page shows the same numbers beside it in a table, for screen
 * readers and for people who would rather read. The result is safe HTML:
 * set it into a template key named ..._HTML with the :none modifier.
 * Everything is allocated in the request's arena.
 */
#ifndef MENTEO_SVG_H
#define MENTEO_SVG_H

#include <stddef.h>

#include "req.h"

/*
 * One labelled number of a chart, and what its colour says (a CSS class
 * .chart-t-<tone>, menteo.css): a stage's own ("cultivation"), "good",
 * "mid", "bad", "none" (nothing to judge: a pair that ended, a goal
 * dropped); NULL, the chart's one colour. A bar's place in the chart
 * says nothing, so neither does its colour.
 */
struct svg_item {
	const char	*label;
	double		 value;
	const char	*tone;
};

/*
 * Horizontal bars, one per item, longest = max (0: the largest value);
 * a negative value means no data (no bar, a dash).
 */
const char	*svg_bars(struct req *, const char *title,
		    const struct svg_item *, size_t n, double max);
/*
 * Columns over time: n points of up to 3 series (names[k], values[i *
 * nseries + k]); labels under some columns (NULL: none). Stacked when
 * the series add up to a whole (activity of three kinds); side by side
 * when they count different things (milestones, goals), whose sum
 * would be no number at all.
 */
enum svg_cols { SVG_STACKED, SVG_SIDE_BY_SIDE };
const char	*svg_columns(struct req *, const char *title,
		    const char *const *names, size_t nseries,
		    const double *values, const char *const *labels, size_t n,
		    enum svg_cols);
/* One bar split into consecutive parts (the stages and their days). */
const char	*svg_strip(struct req *, const char *title,
		    const struct svg_item *, size_t n);
/*
 * A year of days as a calendar (weeks as columns, Monday on top):
 * counts[i] entries on day i, counts[0] the Monday "YYYY-MM-DD" (it
 * names the months; NULL: none), n days (at most 371). HTML: the days'
 * names and the weeks in a box that scrolls on a phone (.cal-box).
 */
const char	*svg_calendar(struct req *, const char *title,
		    const char *monday, const int *counts, size_t n);

/* Text as XML/HTML character data or attribute: & < > " ' escaped. */
const char	*svg_escape(struct req *, const char *);

#endif
