/*
 * The thread calendar's months (lib/svg.c svg_calendar): where the year
 * does not fit, the weeks' box shows the last CAL_VIEW_WEEKS weeks and
 * its left edge is the start of week CAL_VIEW_COL (menteo.css
 * .cal-box .chart-scroll). No month's name may be drawn across that
 * edge, half cut on a phone, whatever day the year starts on.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "req.h"
#include "svg.h"

#define STEP	11.4		/* lib/svg.c CAL_STEP */
#define EDGE	(32 * STEP)	/* week 53 - 21: the phone's left edge */
#define NAME_W	20.0		/* "May" at 10 px, what a browser draws */

static void
test_calendar_months_not_cut(void **state)
{
	struct req *r = req_offline_new();
	static int counts[371];
	struct tm tm = { 0 };
	time_t t0;
	int week, names, moved = 0;

	(void)state;
	tm.tm_year = 2025 - 1900;	/* Monday 6 Jan 2025, then 53 Mondays */
	tm.tm_mon = 0;
	tm.tm_mday = 6;
	tm.tm_hour = 12;
	t0 = timegm(&tm);
	for (week = 0; week < 53; week++) {
		time_t t = t0 + (time_t)week * 7 * 86400;
		struct tm d;
		char monday[16];
		const char *svg, *p;

		gmtime_r(&t, &d);
		strftime(monday, sizeof(monday), "%Y-%m-%d", &d);
		svg = svg_calendar(r, "Days with entries", monday, counts, 371);
		assert_non_null(svg);
		names = 0;
		for (p = svg; (p = strstr(p, "<text class=\"cal-label\" x=\"")) !=
		    NULL; p++) {
			char *end;
			double x = strtod(p + 27, &end);

			if (strncmp(end, "\" y=\"11\">", 9) != 0)
				continue;	/* a day's name or the key */
			names++;
			if (x < EDGE && x + NAME_W > EDGE)
				fail_msg("from %s: a month's name at x=%.1f "
				    "crosses the phone's edge %.1f", monday, x,
				    EDGE);
			if (x > EDGE - 0.05 && x < EDGE + 0.05)
				moved++;
		}
		if (names < 11)
			fail_msg("from %s: %d months named", monday, names);
		req_reset(r);
	}
	if (moved == 0)
		fail_msg("no year had a month's name at the edge: the test "
		    "tried no year that needed it");
}

/*
 * The stage strip (svg_strip) takes its box's width, and its legend is
 * HTML in the page's type, each stage drawn with its days, in order: in
 * a 400-unit picture the legend's text was 20 px on a desk beside 16 px
 * text (found walking). A stage of no days is not drawn; one under a day
 * says so, and is drawn 2 px wide at least.
 */
static void
test_strip_is_fluid_and_its_legend_html(void **state)
{
	struct req *r = req_offline_new();
	static const struct svg_item it[] = {
		{ "Requested", 0, "requested" }, { "Initiation", 0.2, "initiation" },
		{ "Cultivation", 140, "cultivation" },
		{ "Separation", 20, "separation" },
	};
	const char *out, *legend, *p;
	double x;

	(void)state;
	out = svg_strip(r, "Time in each stage", it, 4);
	assert_non_null(out);
	assert_null(strstr(out, "viewBox"));
	assert_non_null(strstr(out, "width=\"100%\""));
	assert_non_null(legend = strstr(out, "</svg><ul class=\"chart-legend\">"));
	assert_null(strstr(out, "<text"));
	assert_non_null(p = strstr(legend, "Initiation · under a day</li>"));
	assert_non_null(p = strstr(p, "Cultivation · 140 d</li>"));
	assert_non_null(strstr(p, "Separation · 20 d</li>"));
	assert_null(strstr(out, "Requested"));
	/* drawn side by side: each from where the last ended, to 100 % */
	for (x = 0, p = out; (p = strstr(p, "<rect class=\"chart-t-")) != NULL &&
	    p < legend; p++) {
		const char *at = strstr(p, "x=\""), *w = strstr(p, "width=\"");
		double wide = strtod(w + 7, NULL);

		assert_true(fabs(strtod(at + 3, NULL) - x) < 0.02);
		if (strstr(p, "chart-t-initiation") == p + 12)
			assert_true(wide >= 100.0 * 2 / 280 - 0.01);	/* BAR_MIN */
		x += wide;
	}
	assert_true(fabs(x - 100) < 0.05);
	req_offline_free(r);
}

/*
 * The columns' week labels (svg_columns), as the mentorship page asks for
 * them (every fourth and the last of 26 weeks): none drawn over another
 * in a phone's card (BOX px, a character CH px: lib/svg.c BOX_MIN and
 * BAR_CH), and the last week's among them. The first version pinned the
 * label before the last to the right edge, over its neighbour, and
 * dropped the last.
 */
#define BOX	280.0
#define CH	9.0

static void
test_column_labels_apart(void **state)
{
	struct req *r = req_offline_new();
	static double v[26 * 2];
	const char *labels[26], *svg, *p;
	char name[26][8];
	double at[26][2], t0, t1;	/* each label's start and end, % */
	int i, k, last = 0, drawn = 0;

	(void)state;
	for (i = 0; i < 26; i++) {
		snprintf(name[i], sizeof(name[i]), "wk %d", i + 1);
		labels[i] = i % 4 == 0 || i == 25 ? name[i] : NULL;
		v[i * 2] = i;
	}
	svg = svg_columns(r, "Progress", (const char *const[]){ "a", "b" },
	    2, v, labels, 26, SVG_STACKED);
	for (p = svg; drawn < 26 && (p = strstr(p, "<text class=\"chart-label\" "
	    "x=\"")) != NULL; p++) {
		at[drawn][0] = strtod(p + strlen("<text class=\"chart-label\" "
		    "x=\""), NULL);
		p = strchr(p, '>') + 1;
		at[drawn][1] = at[drawn][0] + 100.0 * CH *
		    (double)(strchr(p, '<') - p) / BOX;
		if (at[drawn][1] > 100.01)	/* printed to 0.001 */
			fail_msg("a label at %.1f %% runs past the edge",
			    at[drawn][0]);
		last |= strncmp(p, "wk 26<", 6) == 0;
		drawn++;
	}
	for (i = 0; i < drawn; i++)	/* each against every other */
		for (k = 0; k < drawn; k++) {
			t0 = at[i][0] > at[k][0] ? at[i][0] : at[k][0];
			t1 = at[i][1] < at[k][1] ? at[i][1] : at[k][1];
			if (i != k && t0 < t1)
				fail_msg("labels at %.1f and %.1f %% overlap",
				    at[i][0], at[k][0]);
		}
	if (!last || drawn < 3)
		fail_msg("%d labels, the last week's %s", drawn, last ?
		    "among them" : "missing");
	req_offline_free(r);
}

/*
 * A point of two series that count different things (milestones done,
 * goals achieved): drawn side by side, each from the base, the higher
 * one the full height; stacked, one over the other. The progress chart
 * stacked them, a column of "3" where 2 milestones and 1 goal were done.
 */
static void
rects(const char *svg, double x[4], double y[4], double w[4], double h[4],
    int *n)
{
	const char *p;

	/* the columns, not the legend's swatches (no x) */
	for (*n = 0, p = svg; *n < 4 && (p = strstr(p, "<rect class=\"chart-s"))
	    != NULL; p++)
		if (sscanf(p, "<rect class=\"chart-s%*u\" x=\"%lf%%\" y=\"%lf\" "
		    "width=\"%lf%%\" height=\"%lf\"", &x[*n], &y[*n], &w[*n],
		    &h[*n]) == 4)
			(*n)++;
}

static void
test_columns_side_by_side(void **state)
{
	struct req *r = req_offline_new();
	static const double v[] = { 2, 1 };
	static const char *const names[] = { "Milestones done",
		"Goals achieved" };
	double x[4], y[4], w[4], h[4];
	int n;

	(void)state;
	rects(svg_columns(r, "Progress", names, 2, v, NULL, 1,
	    SVG_SIDE_BY_SIDE), x, y, w, h, &n);
	assert_int_equal(n, 2);
	assert_true(fabs(h[0] - 160.0) < 0.01 && fabs(h[1] - 80.0) < 0.01);
	assert_true(fabs(y[0] + h[0] - (y[1] + h[1])) < 0.01);	/* one base */
	assert_true(x[0] + w[0] <= x[1] + 0.001);	/* apart */
	rects(svg_columns(r, "Activity", names, 2, v, NULL, 1, SVG_STACKED),
	    x, y, w, h, &n);
	assert_int_equal(n, 2);
	assert_true(fabs(h[0] + h[1] - 160.0) < 0.01 && x[0] == x[1]);
	assert_true(fabs(y[1] + h[1] - y[0]) < 0.01);	/* one on the other */
	req_offline_free(r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_calendar_months_not_cut),
		cmocka_unit_test(test_strip_is_fluid_and_its_legend_html),
		cmocka_unit_test(test_column_labels_apart),
		cmocka_unit_test(test_columns_side_by_side),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
