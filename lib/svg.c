/*
 * svg: a few chart shapes, drawn as text. Bars and columns are drawn in
 * px and percentages of their box, so they fit any screen with text of
 * one size; the strip and the calendar in a viewBox's units, scaled to
 * their box. Colours are CSS classes (htdocs/menteo.css, .chart-*), so
 * the page's palette and dark mode apply. Labels go through svg_escape.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "svg.h"

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

/* The characters of a UTF-8 string, not its bytes. */
static size_t
chars(const char *s)
{
	size_t n = 0;

	for (; s != NULL && *s != '\0'; s++)
		if ((*s & 0xc0) != 0x80)
			n++;
	return n;
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

	buf_printf(b, "<svg class=\"%s\" ", cls);
	if (w > 0)
		buf_printf(b, "viewBox=\"0 0 %g %g\" ", w, h);
	else	/* drawn in px and %: as wide as its box, h px high */
		buf_printf(b, "height=\"%g\" ", h);
	buf_printf(b, "width=\"100%%\" "
	    "role=\"img\" aria-labelledby=\"chart-%lu\" "
	    "xmlns=\"http://www.w3.org/2000/svg\"><title id=\"chart-%lu\">%s"
	    "</title>", id, id, svg_escape(r, title));
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

/*
 * Bars are drawn in px and percentages of the box, with no viewBox: the
 * picture takes its box's width and its text keeps its size (BAR_FONT,
 * .chart-fluid text) on a phone and on a desk, so nothing scrolls and no
 * label shrinks. Short labels (a survey's scores) sit beside their bars;
 * longer ones above them, their number at the right edge.
 */
#define BAR_FONT	14.0	/* px */
#define BAR_CH		9.0	/* px a character at it: a wide average */
#define BAR_BESIDE	3	/* characters: a score sits beside its bar, with
				   room for a number after the longest bar */
#define BAR_SHARE	70.0	/* % of the box the longest bar beside takes */
#define BAR_THICK	10.0	/* px: a bar under its label */
#define BAR_ROW		36.0	/* px: a label, its bar and the gap */
#define BAR_SIDE_ROW	24.0	/* px: a row of a label beside its bar */
#define BOX_MIN		280.0	/* px: the narrowest box drawn for (a phone's card) */
#define BAR_MIN		(100.0 * 2 / BOX_MIN)	/* %: a value above 0 is 2 px at least */

/* A value as printed: a dash for "no data" (a negative value). */
static const char *
bar_value(struct req *r, double v)
{
	return v < 0 ? "–" : num(r, v);
}

/* The % of the box value's bar takes, whole being max's; 0 for none. */
static double
bar_share(double value, double max, double whole)
{
	double p = max > 0 && value > 0 ? whole * value / max : 0;

	return p > 0 && p < BAR_MIN ? BAR_MIN : p;
}

/* Rows with the label beside: a column of lw px, bars up to BAR_SHARE %. */
static void
bars_beside(struct req *r, struct buf *b, const struct svg_item *it,
    size_t n, double max, double lw)
{
	double y, p;
	size_t i;

	for (i = 0; i < n; i++) {
		y = i * BAR_SIDE_ROW;
		p = bar_share(it[i].value, max, BAR_SHARE);
		buf_printf(b, "<text x=\"%g\" y=\"%g\" text-anchor=\"end\">%s"
		    "</text>", lw - 8, y + 16, svg_escape(r, it[i].label));
		buf_printf(b, "<rect class=\"chart-t-%s\" x=\"%g\" y=\"%g\" "
		    "width=\"%.2f%%\" height=\"%g\" rx=\"3\"/>", tone(&it[i]),
		    lw, y + 4, p, BAR_SIDE_ROW - 8);
		buf_printf(b, "<text class=\"chart-value\" x=\"%.2f%%\" "
		    "dx=\"%g\" y=\"%g\">%s</text>", p, lw + (p > 0 ? 6 : 0),
		    y + 16, bar_value(r, it[i].value));
	}
}

/* Rows with the label above its bar and the number at the right edge. */
static void
bars_above(struct req *r, struct buf *b, const struct svg_item *it,
    size_t n, double max)
{
	double y, p;
	size_t i;

	for (i = 0; i < n; i++) {
		y = i * BAR_ROW;
		p = bar_share(it[i].value, max, 100.0);
		buf_printf(b, "<text x=\"0\" y=\"%g\">%s</text><text "
		    "class=\"chart-value\" x=\"100%%\" y=\"%g\" "
		    "text-anchor=\"end\">%s</text>", y + BAR_FONT,
		    svg_escape(r, it[i].label), y + BAR_FONT,
		    bar_value(r, it[i].value));
		buf_printf(b, "<rect class=\"chart-t-%s\" x=\"0\" y=\"%g\" "
		    "width=\"%.2f%%\" height=\"%g\" rx=\"3\"/>", tone(&it[i]),
		    y + BAR_FONT + 6, p, BAR_THICK);
	}
}

const char *
svg_bars(struct req *r, const char *title, const struct svg_item *it,
    size_t n, double max)
{
	struct buf b = { NULL, 0, 0 };
	size_t i, longest = 0;
	int beside, find_max = max <= 0;	/* 0: the largest value */

	for (i = 0; i < n; i++) {
		if (find_max && it[i].value > max)
			max = it[i].value;
		if (chars(it[i].label) > longest)
			longest = chars(it[i].label);
	}
	beside = longest <= BAR_BESIDE;
	open_box(r, &b, "chart chart-fluid", title, 0,
	    n * (beside ? BAR_SIDE_ROW : BAR_ROW));
	if (beside)
		bars_beside(r, &b, it, n, max, longest * BAR_CH + 8);
	else
		bars_above(r, &b, it, n, max);
	return close_svg(r, &b);
}

/*
 * Columns are drawn as bars are (px and %, BAR_FONT): the weeks take the
 * box's width on a phone and on a desk. The legend is HTML before the
 * picture, so that it wraps where the box is narrow.
 */
#define COL_H		160.0	/* px: the highest column */
#define COL_TOP		22.0	/* px: the scale's number above it */
#define COL_FEW		16	/* fewer weeks are drawn as narrow as 16 */
#define COL_LABEL_GAP	2.0	/* % between two labels */

static void
columns_legend(struct req *r, struct buf *b, const char *const *names,
    size_t ns)
{
	size_t k;

	buf_adds(b, "<ul class=\"chart-legend\">");
	for (k = 0; k < ns; k++)
		buf_printf(b, "<li><svg width=\"12\" height=\"12\" "
		    "aria-hidden=\"true\" focusable=\"false\"><rect "
		    "class=\"chart-s%zu\" width=\"12\" height=\"12\" rx=\"2\"/>"
		    "</svg>%s</li>", k, svg_escape(r, names[k]));
	buf_adds(b, "</ul>");
}

/* The % of the narrowest box a label takes. */
static double
label_w(const char *label)
{
	return 100.0 * (double)chars(label) * BAR_CH / BOX_MIN;
}

/*
 * The labels under the columns (step % apart), each where its column
 * starts, none over another even in the narrowest box: the last column's
 * first (moved left to end at the edge if it must), then the others from
 * the left while they leave room.
 */
static void
columns_labels(struct req *r, struct buf *b, const char *const *labels,
    size_t n, double step)
{
	double y = COL_TOP + COL_H + 18, end = 100.0, from = 0, x;
	size_t i;

	if (labels == NULL || n == 0)
		return;
	if (labels[n - 1] != NULL) {
		x = (double)(n - 1) * step;
		if (x + label_w(labels[n - 1]) > 100.0)	/* to the edge */
			x = 100.0 - label_w(labels[n - 1]);
		end = x - COL_LABEL_GAP;
		buf_printf(b, "<text class=\"chart-label\" x=\"%.3f%%\" "
		    "y=\"%g\">%s</text>", x, y, svg_escape(r, labels[n - 1]));
	}
	for (i = 0; i + 1 < n; i++) {
		x = (double)i * step;
		if (labels[i] == NULL || x < from ||
		    x + label_w(labels[i]) > end)
			continue;
		buf_printf(b, "<text class=\"chart-label\" x=\"%.3f%%\" "
		    "y=\"%g\">%s</text>", x, y, svg_escape(r, labels[i]));
		from = x + label_w(labels[i]) + COL_LABEL_GAP;
	}
}

/* The highest column: of a point's sum, or of one series alone. */
static double
columns_max(const double *v, size_t ns, size_t n, enum svg_cols how)
{
	double max = 0, sum;
	size_t i, k;

	for (i = 0; i < n; i++)
		for (sum = 0, k = 0; k < ns; k++) {
			sum = how == SVG_STACKED ? sum + v[i * ns + k] :
			    v[i * ns + k];
			if (sum > max)
				max = sum;
		}
	return max;
}

const char *
svg_columns(struct req *r, const char *title, const char *const *names,
    size_t ns, const double *v, const char *const *labels, size_t n,
    enum svg_cols how)
{
	struct buf b = { NULL, 0, 0 };
	double max = columns_max(v, ns, n, how), step, x, y, w, bh;
	size_t i, k;

	columns_legend(r, &b, names, ns);
	open_box(r, &b, "chart chart-fluid", title, 0, COL_TOP + COL_H + 24);
	/* the scale: the highest count over its line, the base 0 */
	buf_printf(&b, "<text class=\"chart-value\" x=\"0\" y=\"%g\">%s"
	    "</text><line class=\"chart-axis\" x1=\"0\" x2=\"100%%\" "
	    "y1=\"%g\" y2=\"%g\" stroke-dasharray=\"4 4\"/>", COL_TOP - 6,
	    num(r, max), COL_TOP, COL_TOP);
	step = 100.0 / (double)(n < COL_FEW ? COL_FEW : n);
	/* a point's columns fill 80 % of its step, the rest is the gap */
	w = how == SVG_STACKED ? step * 0.8 : step * 0.8 / (double)ns;
	for (i = 0; i < n; i++) {
		x = i * step;
		y = COL_TOP + COL_H;
		for (k = 0; k < ns; k++) {
			bh = max > 0 ? COL_H * v[i * ns + k] / max : 0;
			if (how == SVG_STACKED)
				y -= bh;
			else
				y = COL_TOP + COL_H - bh;
			if (bh > 0)
				buf_printf(&b, "<rect class=\"chart-s%zu\" "
				    "x=\"%.3f%%\" y=\"%.1f\" width=\"%.3f%%\" "
				    "height=\"%.1f\"/>", k, how == SVG_STACKED ?
				    x : x + w * (double)k, y, w, bh);
		}
	}
	columns_labels(r, &b, labels, n, step);
	buf_printf(&b, "<line class=\"chart-axis\" x1=\"0\" x2=\"100%%\" "
	    "y1=\"%g\" y2=\"%g\"/>", COL_TOP + COL_H, COL_TOP + COL_H);
	return close_svg(r, &b);
}

/*
 * The strip: the bar, as wide as its box (px and %, as bars are), then
 * the stages drawn with their days as an HTML list, in the page's own
 * type: drawn as text in a 400-unit picture, the legend scaled to 20 px
 * on a desk beside 16 px text, and labels inside the parts overlapped a
 * short stage. A stage under a day long is drawn 2 px wide at least.
 */
#define STRIP_H		28.0	/* px */

const char *
svg_strip(struct req *r, const char *title, const struct svg_item *it,
    size_t n)
{
	struct buf b = { NULL, 0, 0 };
	const char *out;
	double total = 0, small = 0, large = 0, x = 0, w;
	size_t i;

	for (i = 0; i < n; i++)
		total += it[i].value > 0 ? it[i].value : 0;
	/* the parts under BAR_MIN are raised to it, the others give way */
	for (i = 0; i < n && total > 0; i++)
		if (it[i].value > 0 && (w = 100.0 * it[i].value / total) < BAR_MIN)
			small += BAR_MIN;
		else if (it[i].value > 0)
			large += w;
	open_box(r, &b, "chart chart-fluid chart-strip", title, 0, STRIP_H);
	for (i = 0; i < n && total > 0; i++) {
		if (it[i].value <= 0)
			continue;
		w = 100.0 * it[i].value / total;
		w = w < BAR_MIN ? BAR_MIN : w * (100.0 - small) / large;
		buf_printf(&b, "<rect class=\"chart-t-%s\" x=\"%.2f%%\" y=\"0\" "
		    "width=\"%.2f%%\" height=\"%g\"/>", tone(&it[i]), x, w,
		    STRIP_H);
		x += w;
	}
	buf_adds(&b, "</svg><ul class=\"chart-legend\">");
	for (i = 0; i < n; i++)
		if (it[i].value > 0)
			buf_printf(&b, "<li><svg width=\"12\" height=\"12\" "
			    "aria-hidden=\"true\" focusable=\"false\"><rect "
			    "class=\"chart-t-%s\" width=\"12\" height=\"12\" "
			    "rx=\"2\"/></svg>%s · %s</li>", tone(&it[i]),
			    svg_escape(r, it[i].label), it[i].value < 1 ?
			    "under a day" : req_printf(r, "%s d",
			    num(r, it[i].value)));
	buf_adds(&b, "</ul>");
	out = req_strdup(r, b.p);
	buf_free(&b);
	return out;
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
