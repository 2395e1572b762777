/*
 * svg: a few chart shapes, drawn as text. Sizes are in the viewBox's
 * units and the picture scales to its box (width 100%); colours are CSS
 * classes (htdocs/menteo.css, .chart-*), so the page's palette and dark
 * mode apply. Numbers are printed with %g, labels through svg_escape.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "svg.h"

#define W		640.0	/* every chart's width in viewBox units */
#define STRIP_W		400.0	/* but the strip's: drawn at most 400 px wide
				   (.chart-strip), it scales less on a phone */
#define LABEL_W		250.0	/* bars: the label column */
#define BAR_H		22.0
#define GAP		8.0
#define CAL_DAYS_W	28.0	/* calendar: the days' names, a picture apart */
#define CAL_TOP		16.0	/* the months' names above the weeks */
#define CAL_STEP	11.4
#define CAL_CELL	9.4
#define CAL_W		(53 * CAL_STEP)
#define CAL_H		(CAL_TOP + 7 * CAL_STEP + 18)	/* and the key */
/*
 * A calendar narrower than the year shows its last CAL_VIEW_WEEKS weeks,
 * the rest scrolled to (menteo.css .cal-box .chart-scroll, whose width
 * is these weeks): the box's left edge is always at the start of week
 * CAL_VIEW_COL, and no month's name is drawn across it, half cut.
 */
#define CAL_VIEW_WEEKS	21
#define CAL_VIEW_COL	(53 - CAL_VIEW_WEEKS)
#define CAL_MONTH_W	22.0	/* a month's name, at most ("May") */

const char *
svg_escape(struct req *r, const char *s)
{
	struct buf b = { NULL, 0, 0 };
	const char *out;

	for (; s != NULL && *s != '\0'; s++)
		switch (*s) {
		case '&': buf_adds(&b, "&amp;"); break;
		case '<': buf_adds(&b, "&lt;"); break;
		case '>': buf_adds(&b, "&gt;"); break;
		case '"': buf_adds(&b, "&quot;"); break;
		case '\'': buf_adds(&b, "&#39;"); break;
		default: buf_add(&b, s, 1);
		}
	out = req_strdup(r, b.p != NULL ? b.p : "");
	buf_free(&b);
	return out;
}

/* A number as people read it: 3, 2.5, 0.25 (never 2.500000). */
static const char *
num(struct req *r, double v)
{
	if (fabs(v - round(v)) < 1e-9)
		return req_printf(r, "%.0f", v);
	return req_printf(r, "%.1f", v);
}

/* The opening of every chart: its box, its role and its title. */
static void
open_box(struct req *r, struct buf *b, const char *cls, const char *title,
    double w, double h)
{
	static unsigned long seq;
	unsigned long id = ++seq;	/* unique within a worker's pages */

	buf_printf(b, "<svg class=\"%s\" viewBox=\"0 0 %g %g\" width=\"100%%\" "
	    "role=\"img\" aria-labelledby=\"chart-%lu\" "
	    "xmlns=\"http://www.w3.org/2000/svg\"><title id=\"chart-%lu\">%s"
	    "</title>", cls, w, h, id, id, svg_escape(r, title));
}

static void
open_svg(struct req *r, struct buf *b, const char *title, double h)
{
	open_box(r, b, "chart", title, W, h);
}

static const char *
close_svg(struct req *r, struct buf *b)
{
	const char *out;

	buf_adds(b, "</svg>");
	out = req_strdup(r, b->p);
	buf_free(b);
	return out;
}

/* An item's colour class: its tone, or the chart's one colour. */
static const char *
tone(const struct svg_item *it)
{
	return it->tone != NULL ? it->tone : "one";
}

const char *
svg_bars(struct req *r, const char *title, const struct svg_item *it,
    size_t n, double max)
{
	struct buf b = { NULL, 0, 0 };
	double y, w, room = W - LABEL_W - 60.0;
	size_t i;

	if (max <= 0)
		for (i = 0; i < n; i++)
			if (it[i].value > max)
				max = it[i].value;
	open_svg(r, &b, title, n * (BAR_H + GAP) + GAP);
	for (i = 0; i < n; i++) {
		y = GAP + i * (BAR_H + GAP);
		/* a negative value is "no data": no bar, a dash */
		w = max > 0 && it[i].value > 0 ? room * it[i].value / max : 0;
		buf_printf(&b, "<text class=\"chart-label\" x=\"%g\" y=\"%g\" "
		    "text-anchor=\"end\">%s</text>", LABEL_W - 8, y + 15,
		    svg_escape(r, it[i].label));
		buf_printf(&b, "<rect class=\"chart-t-%s\" x=\"%g\" y=\"%g\" "
		    "width=\"%.1f\" height=\"%g\" rx=\"3\"/>", tone(&it[i]),
		    LABEL_W, y, w > 0 && w < 2 ? 2 : w, BAR_H);
		buf_printf(&b, "<text class=\"chart-value\" x=\"%.1f\" y=\"%g\">"
		    "%s</text>", LABEL_W + w + 6, y + 15, it[i].value < 0 ? "–" :
		    num(r, it[i].value));
	}
	return close_svg(r, &b);
}

/*
 * The width a label takes at the chart's 20-unit font (htdocs/menteo.css
 * .chart text): 12 units a character is a wide sans-serif's average, so
 * what is laid out by it never overlaps.
 */
static double
text_w(const char *s)
{
	double w = 0;

	for (; s != NULL && *s != '\0'; s++)
		if ((*s & 0xc0) != 0x80)	/* count characters, not bytes */
			w += 12.0;
	return w;
}

#define COL_MAX		48.0	/* a column is never wider: few weeks stay columns */
#define AXIS_W		44.0	/* the scale's numbers, left of the columns */

/*
 * Places a legend item: after the one before (lx, ly), on a new line at
 * x = left when it would pass the right edge (x = right). Its x; lx
 * moves past it.
 */
static double
legend_next(const char *name, int first, double left, double right,
    double *lx, double *ly)
{
	double x;

	if (!first && *lx + 18 + text_w(name) > right) {
		*lx = left;
		*ly += 28;
	}
	x = *lx;
	*lx += 18 + text_w(name) + 24;
	return x;
}

const char *
svg_columns(struct req *r, const char *title, const char *const *names,
    size_t ns, const double *v, const char *const *labels, size_t n)
{
	struct buf b = { NULL, 0, 0 };
	double max = 0, sum, h = 160.0, top, step, x, y, bh, lx, ly;
	size_t i, k;

	for (i = 0; i < n; i++) {
		for (sum = 0, k = 0; k < ns; k++)
			sum += v[i * ns + k];
		if (sum > max)
			max = sum;
	}
	/* the legend's height first: the chart starts below it */
	lx = 8;
	ly = 4;
	for (k = 0; k < ns; k++)
		legend_next(names[k], k == 0, 8, W - 8, &lx, &ly);
	top = ly + 28 + 24;
	open_svg(r, &b, title, top + h + 30);
	lx = 8;
	ly = 4;
	for (k = 0; k < ns; k++) {
		x = legend_next(names[k], k == 0, 8, W - 8, &lx, &ly);
		buf_printf(&b, "<rect class=\"chart-s%zu\" x=\"%g\" y=\"%g\" "
		    "width=\"12\" height=\"12\"/><text class=\"chart-label\" "
		    "x=\"%g\" y=\"%g\">%s</text>", k, x, ly + 5, x + 18,
		    ly + 17, svg_escape(r, names[k]));
	}
	/* the scale: the highest count at the top, 0 at the base */
	buf_printf(&b, "<text class=\"chart-value\" x=\"%g\" y=\"%g\" "
	    "text-anchor=\"end\">%s</text><line class=\"chart-axis\" "
	    "x1=\"%g\" x2=\"%g\" y1=\"%g\" y2=\"%g\" stroke-dasharray=\"4 4\"/>"
	    "<text class=\"chart-value\" x=\"%g\" y=\"%g\" "
	    "text-anchor=\"end\">0</text>", AXIS_W - 6, top + 7, num(r, max),
	    AXIS_W, W - 8, top, top, AXIS_W - 6, top + h + 6);
	step = n > 0 ? (W - 8 - AXIS_W) / n : 0;
	if (step > COL_MAX)
		step = COL_MAX;
	for (i = 0; i < n; i++) {
		x = AXIS_W + 4 + i * step;
		y = top + h;
		for (k = 0; k < ns; k++) {
			bh = max > 0 ? h * v[i * ns + k] / max : 0;
			y -= bh;
			if (bh > 0)
				buf_printf(&b, "<rect class=\"chart-s%zu\" x=\"%.1f\" "
				    "y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>", k,
				    x, y, step > 3 ? step - 2 : step, bh);
		}
		if (labels != NULL && labels[i] != NULL)
			buf_printf(&b, "<text class=\"chart-label\" x=\"%.1f\" "
			    "y=\"%g\">%s</text>", x, top + h + 22,
			    svg_escape(r, labels[i]));
	}
	buf_printf(&b, "<line class=\"chart-axis\" x1=\"%g\" x2=\"%g\" "
	    "y1=\"%g\" y2=\"%g\"/>", AXIS_W, W - 8, top + h, top + h);
	return close_svg(r, &b);
}

/*
 * The strip: the bar, then a legend of the stages drawn, each with its
 * days, wrapped as the columns' legend is. Labels inside the parts
 * overlapped a short stage and were 9 px tall on a phone: on its own
 * narrower box (STRIP_W) the text scales to about 16 px at 375 px and
 * stays 20 px at 1280.
 */
const char *
svg_strip(struct req *r, const char *title, const struct svg_item *it,
    size_t n)
{
	struct buf b = { NULL, 0, 0 };
	const char **name;
	double total = 0, x = 0, w, lx, ly;
	size_t i;
	int first;

	name = req_alloc(r, (n > 0 ? n : 1) * sizeof(*name));
	for (i = 0; i < n; i++) {
		total += it[i].value > 0 ? it[i].value : 0;
		/* a stage under a day long is drawn wider than it is: say so */
		name[i] = it[i].value <= 0 ? NULL : req_printf(r, "%s · %s",
		    it[i].label, it[i].value < 1 ? "under a day" :
		    req_printf(r, "%s d", num(r, it[i].value)));
	}
	/* the legend's height first: the picture ends below it */
	lx = 0;
	ly = 36;
	for (first = 1, i = 0; i < n; i++)
		if (name[i] != NULL) {
			legend_next(name[i], first, 0, STRIP_W, &lx, &ly);
			first = 0;
		}
	open_box(r, &b, "chart chart-strip", title, STRIP_W, first ? 28 :
	    ly + 24);
	for (i = 0; i < n; i++) {
		if (name[i] == NULL)
			continue;
		w = total > 0 ? STRIP_W * it[i].value / total : 0;
		buf_printf(&b, "<rect class=\"chart-t-%s\" x=\"%.1f\" y=\"0\" "
		    "width=\"%.1f\" height=\"28\"/>", tone(&it[i]), x, w);
		x += w;
	}
	lx = 0;
	ly = 36;
	for (first = 1, i = 0; i < n; i++) {
		if (name[i] == NULL)
			continue;
		x = legend_next(name[i], first, 0, STRIP_W, &lx, &ly);
		first = 0;
		buf_printf(&b, "<rect class=\"chart-t-%s\" x=\"%g\" y=\"%g\" "
		    "width=\"12\" height=\"12\"/><text class=\"chart-label\" "
		    "x=\"%g\" y=\"%g\">%s</text>", tone(&it[i]), x, ly + 5,
		    x + 18, ly + 17, svg_escape(r, name[i]));
	}
	return close_svg(r, &b);
}

/*
 * The calendar reads like a wall calendar: the months' names over the
 * week in which each starts, Mon, Wed and Fri beside the rows, a key of
 * the four shades under it, and each day with entries says its count
 * and date on hover. The days' names are a picture of their own beside
 * the weeks' box, which scrolls on a phone (the latest weeks in view,
 * menteo.css .cal-box): both are drawn at one height, so rows align.
 * A month's name that would cross the phone's view's left edge is drawn
 * over the first week in view instead, a week late on a wide screen.
 */
const char *
svg_calendar(struct req *r, const char *title, const char *monday,
    const int *counts, size_t n)
{
	static const char *const mon[] = { "Jan", "Feb", "Mar", "Apr", "May",
	    "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	static const char *const wday[] = { "Mon", "Tue", "Wed", "Thu", "Fri",
	    "Sat", "Sun" };
	struct buf b = { NULL, 0, 0 };
	const char *out;
	struct tm tm = { 0 }, day = { 0 };
	time_t t0 = (time_t)-1, t;
	double bottom = CAL_TOP + 7 * CAL_STEP, x;
	long last_label = -3, col;
	size_t i;
	int level, k;

	if (n > 371)
		n = 371;
	if (monday != NULL && sscanf(monday, "%4d-%2d-%2d", &tm.tm_year,
	    &tm.tm_mon, &tm.tm_mday) == 3) {
		tm.tm_year -= 1900;
		tm.tm_mon -= 1;
		tm.tm_hour = 12;	/* whole days, whatever the seconds */
		t0 = timegm(&tm);
	}
	buf_printf(&b, "<div class=\"cal-box\"><svg class=\"chart cal-days\" "
	    "viewBox=\"0 0 %g %g\" aria-hidden=\"true\" focusable=\"false\" "
	    "xmlns=\"http://www.w3.org/2000/svg\">", CAL_DAYS_W, CAL_H);
	for (k = 0; k <= 4; k += 2)	/* Mon, Wed, Fri */
		buf_printf(&b, "<text class=\"cal-label\" x=\"%g\" "
		    "y=\"%.1f\" text-anchor=\"end\">%s</text>", CAL_DAYS_W - 3,
		    CAL_TOP + k * CAL_STEP + CAL_CELL - 1, wday[k]);
	buf_printf(&b, "</svg><div class=\"chart-scroll from-end\" tabindex=\"0\" "
	    "role=\"region\" aria-label=\"%s\">", svg_escape(r, title));
	open_box(r, &b, "chart", title, CAL_W, CAL_H);
	for (i = 0; i < n; i++) {
		col = (long)(i / 7);
		x = (double)col * CAL_STEP;
		t = t0 + (time_t)i * 86400;
		if (t0 == (time_t)-1 || gmtime_r(&t, &day) == NULL)
			day.tm_mday = 0;
		/* a month's name over the week of its 1st, and over the
		   first column when three weeks of that month follow */
		if (day.tm_mday > 0 && (day.tm_mday == 1 ||
		    (i == 0 && day.tm_mday <= 7)) && col - last_label >= 3) {
			double lx = x < CAL_W - 20 ? x : CAL_W - 20;

			if (col < CAL_VIEW_COL &&
			    lx + CAL_MONTH_W > CAL_VIEW_COL * CAL_STEP)
				lx = CAL_VIEW_COL * CAL_STEP;
			buf_printf(&b, "<text class=\"cal-label\" x=\"%.1f\" "
			    "y=\"11\">%s</text>", lx, mon[day.tm_mon]);
			last_label = lx > x ? CAL_VIEW_COL : col;
		}
		level = counts[i] <= 0 ? 0 : counts[i] == 1 ? 1 :
		    counts[i] <= 3 ? 2 : 3;
		buf_printf(&b, "<rect class=\"cal-%d\" x=\"%.1f\" y=\"%.1f\" "
		    "width=\"%g\" height=\"%g\" rx=\"2\"", level, x,
		    CAL_TOP + (double)(i % 7) * CAL_STEP, CAL_CELL, CAL_CELL);
		if (counts[i] > 0 && day.tm_mday > 0)
			buf_printf(&b, "><title>%d entr%s on %s %d %s %d</title>"
			    "</rect>", counts[i], counts[i] == 1 ? "y" : "ies",
			    wday[(day.tm_wday + 6) % 7], day.tm_mday,
			    mon[day.tm_mon], day.tm_year + 1900);
		else
			buf_adds(&b, "/>");
	}
	/* the key, at the right under the weeks: fewer ... more */
	x = CAL_W - 4 * CAL_STEP - 26;
	buf_printf(&b, "<text class=\"cal-label\" x=\"%.1f\" y=\"%.1f\" "
	    "text-anchor=\"end\">Fewer</text>", x - 3, bottom + 13);
	for (k = 0; k < 4; k++)
		buf_printf(&b, "<rect class=\"cal-key cal-%d\" x=\"%.1f\" "
		    "y=\"%.1f\" width=\"%g\" height=\"%g\" rx=\"2\"/>", k,
		    x + k * CAL_STEP, bottom + 4, CAL_CELL, CAL_CELL);
	buf_printf(&b, "<text class=\"cal-label\" x=\"%.1f\" y=\"%.1f\">More"
	    "</text>", x + 4 * CAL_STEP + 1, bottom + 13);
	buf_adds(&b, "</svg></div></div>");
	out = req_strdup(r, b.p);
	buf_free(&b);
	return out;
}
