/*
 * mentorships: iCalendar (RFC 5545): one meeting, and the feed.
 */
#include <string.h>

#include "mentorships.h"

/* ---- iCalendar (RFC 5545) ------------------------------------------------ */

/* Content lines are folded at 75 octets, never inside a UTF-8 sequence. */
static void
ics_line(struct buf *b, const char *name, const char *value)
{
	const char *line = NULL;
	size_t len, i, col = 0, n;
	struct buf t = { NULL, 0, 0 };

	buf_printf(&t, "%s:%s", name, value);
	line = t.p;
	len = t.len;
	for (i = 0; i < len; i += n) {
		n = 1;
		while (i + n < len && ((unsigned char)line[i + n] & 0xC0) ==
		    0x80)
			n++;
		if (col + n > 75) {
			buf_adds(b, "\r\n ");
			col = 1;
		}
		buf_add(b, line + i, n);
		col += n;
	}
	buf_adds(b, "\r\n");
	buf_free(&t);
}

/* TEXT escaping: backslash, semicolon, comma and newlines. */
static const char *
ics_text(struct req *r, const char *s)
{
	struct buf b = { NULL, 0, 0 };
	const char *out;

	for (; s != NULL && *s != '\0'; s++) {
		if (*s == '\\' || *s == ';' || *s == ',')
			buf_printf(&b, "\\%c", *s);
		else if (*s == '\n')
			buf_adds(&b, "\\n");
		else if (*s != '\r')
			buf_add(&b, s, 1);
	}
	out = b.p != NULL ? req_strdup(r, b.p) : "";
	buf_free(&b);
	return out;
}

/* "YYYY-MM-DD HH:MM:SS" to "YYYYMMDDTHHMMSSZ"; a DATE to "YYYYMMDD". */
static const char *
ics_time(struct req *r, const char *s)
{
	if (s == NULL || strlen(s) < 10)
		return "19700101T000000Z";
	if (strlen(s) < 19)
		return req_printf(r, "%.4s%.2s%.2s", s, s + 5, s + 8);
	return req_printf(r, "%.4s%.2s%.2sT%.2s%.2s%.2sZ", s, s + 5, s + 8,
	    s + 11, s + 14, s + 17);
}

static void
ics_begin(struct buf *b)
{
	buf_adds(b, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
	    "PRODID:-//Menteo//Mentorships//EN\r\nCALSCALE:GREGORIAN\r\n"
	    "METHOD:PUBLISH\r\n");
}

static void
ics_event(struct req *r, struct buf *b, const char *uid, const char *stamp,
    const char *start, long long minutes, const char *summary,
    const char *desc, const char *url)
{
	buf_adds(b, "BEGIN:VEVENT\r\n");
	ics_line(b, "UID", uid);
	ics_line(b, "DTSTAMP", ics_time(r, stamp));
	if (minutes > 0) {
		ics_line(b, "DTSTART", ics_time(r, start));
		ics_line(b, "DURATION", req_printf(r, "PT%lldM", minutes));
	} else {
		const char *d = ics_time(r, start);
		ics_line(b, "DTSTART;VALUE=DATE", d);
	}
	ics_line(b, "SUMMARY", ics_text(r, summary));
	if (desc != NULL && *desc != '\0')
		ics_line(b, "DESCRIPTION", ics_text(r, desc));
	if (url != NULL)
		ics_line(b, "URL", url);
	buf_adds(b, "END:VEVENT\r\n");
}

static void
ics_send(struct req *r, struct buf *b, const char *filename)
{
	buf_adds(b, "END:VCALENDAR\r\n");
	if (filename != NULL)
		resp_header(r, "Content-Disposition", req_printf(r,
		    "attachment; filename=\"%s\"", filename));
	resp_header(r, "Cache-Control", "private, no-store");
	resp_text(r, 200, "text/calendar; charset=utf-8", b->p);
	buf_free(b);
}

static const char *
site_host(void)
{
	return "menteo";
}

void
mships_meeting_ics(struct req *r)
{
	struct mship m;
	struct db_rows *q;
	struct buf b = { NULL, 0, 0 };

	if (mships_load(r, &m) == -1)
		return;
	q = db_query(r, "SELECT id, starts_at, minutes, agenda, created_at, "
	    "DATE_FORMAT(UTC_TIMESTAMP(), '%Y-%m-%d %H:%i:%s') FROM meetings "
	    "WHERE id = ? AND mentorship_id = ?", "ii", r->id[1], m.id);
	if (q == NULL)
		return;
	if (q->nrows == 0)
		return page_error(r, 404);
	ics_begin(&b);
	ics_event(r, &b, req_printf(r, "meeting-%s@%s", db_str(q, 0, 0),
	    site_host()), db_str(q, 0, 5), db_str(q, 0, 1),
	    db_int(q, 0, 2), req_printf(r, "Mentorship meeting: %s", m.focus),
	    db_str(q, 0, 3), NULL);
	ics_send(r, &b, req_printf(r, "meeting-%s.ics", db_str(q, 0, 0)));
}

void
mships_calendar(struct req *r)
{
	const char *secret = r->arg[0], *uid, *now;
	struct db_rows *q;
	struct buf b = { NULL, 0, 0 };
	size_t i;

	if (strlen(secret) != 64)
		return page_error(r, 404);
	if ((uid = db_value(r, "SELECT id FROM users WHERE calendar_secret = ? "
	    "AND disabled_at IS NULL", "s", secret)) == NULL) {
		if (!r->db_failed)
			page_error(r, 404);
		return;
	}
	if ((now = db_value(r, "SELECT DATE_FORMAT(UTC_TIMESTAMP(), "
	    "'%Y-%m-%d %H:%i:%s')", "")) == NULL)
		return;
	ics_begin(&b);
	ics_line(&b, "X-WR-CALNAME", "Menteo");
	q = db_query(r, "SELECT x.id, x.starts_at, x.minutes, x.agenda, "
	    "m.focus FROM meetings x JOIN mentorships m ON m.id = "
	    "x.mentorship_id WHERE (m.mentor_id = ? OR m.mentee_id = ?) AND "
	    "x.starts_at >= UTC_TIMESTAMP() - INTERVAL 1 YEAR ORDER BY "
	    "x.starts_at LIMIT 1000", "ss", uid, uid);
	if (q == NULL)
		goto fail;
	for (i = 0; i < q->nrows; i++)
		ics_event(r, &b, req_printf(r, "meeting-%s@%s",
		    db_str(q, i, 0), site_host()), now, db_str(q, i, 1),
		    db_int(q, i, 2), req_printf(r, "Mentorship meeting: %s",
		    db_str(q, i, 4)), db_str(q, i, 3), NULL);
	q = db_query(r, "SELECT id, review_date, focus FROM mentorships "
	    "WHERE (mentor_id = ? OR mentee_id = ?) AND review_date IS NOT NULL "
	    "AND stage IN (" STAGES_CAPACITY ") LIMIT 500",
	    "ss", uid, uid);
	if (q == NULL)
		goto fail;
	for (i = 0; i < q->nrows; i++)
		ics_event(r, &b, req_printf(r, "review-%s@%s",
		    db_str(q, i, 0), site_host()), now, db_str(q, i, 1), 0,
		    req_printf(r, "Review date: %s", db_str(q, i, 2)),
		    "The planned exit review of your mentorship.", NULL);
	if (stage_table_exists(r, "mentorship_milestones")) {
		q = db_query(r, "SELECT x.id, x.due_date, x.title, m.focus FROM "
		    "mentorship_milestones x JOIN mentorships m ON m.id = "
		    "x.mentorship_id WHERE (m.mentor_id = ? OR m.mentee_id = ?) "
		    "AND x.done_at IS NULL AND x.due_date IS NOT NULL AND "
		    "m.stage IN (" STAGES_ACTIVE ") LIMIT 1000", "ss", uid,
		    uid);
		if (q == NULL)
			goto fail;
		for (i = 0; i < q->nrows; i++)
			ics_event(r, &b, req_printf(r, "milestone-%s@%s",
			    db_str(q, i, 0), site_host()), now,
			    db_str(q, i, 1), 0, req_printf(r, "Milestone due: "
			    "%s", db_str(q, i, 2)), db_str(q, i, 3), NULL);
	} else if (r->db_failed)
		goto fail;
	ics_send(r, &b, NULL);
	return;
fail:
	buf_free(&b);
}
