/*
 * ics: iCalendar (RFC 5545); ics.h.
 */
#include <string.h>

#include "cfg.h"
#include "ics.h"
#include "mail.h"

/* Content lines are folded at 75 octets, never inside a UTF-8 sequence. */
void
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

const char *
ics_stamp(struct req *r)
{
	return db_value(r, "SELECT DATE_FORMAT(UTC_TIMESTAMP(), "
	    "'%Y-%m-%d %H:%i:%s')", "");
}

void
ics_begin(struct buf *b)
{
	buf_adds(b, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
	    "PRODID:-//Menteo//Mentorships//EN\r\nCALSCALE:GREGORIAN\r\n"
	    "METHOD:PUBLISH\r\n");
}

void
ics_end(struct buf *b)
{
	buf_adds(b, "END:VCALENDAR\r\n");
}

/*
 * The right of every UID's "@" (RFC 5545 3.8.4.7: a domain of ours):
 * the site's host, from base_url. One person in two sites' programmes
 * imports both: "meeting-5@menteo" from each was one event to their
 * calendar, and the second overwrote the first.
 */
const char *
ics_host(struct req *r)
{
	const char *b = cfg_base_url(), *p = strstr(b, "://");
	size_t n;

	p = p != NULL ? p + 3 : b;
	n = strcspn(p, ":/?#");
	return n > 0 ? req_printf(r, "%.*s", (int)n, p) : "menteo";
}

void
ics_event(struct req *r, struct buf *b, const struct ics_ev *ev)
{
	buf_adds(b, "BEGIN:VEVENT\r\n");
	ics_line(b, "UID", ev->uid);
	ics_line(b, "DTSTAMP", ics_time(r, ev->stamp));
	if (ev->minutes > 0) {
		ics_line(b, "DTSTART", ics_time(r, ev->start));
		ics_line(b, "DURATION", req_printf(r, "PT%lldM", ev->minutes));
	} else
		ics_line(b, "DTSTART;VALUE=DATE", ics_time(r, ev->start));
	if (ev->organizer != NULL)
		ics_line(b, "ORGANIZER;CN=Menteo", ev->organizer);
	if (ev->sequence > 0)
		ics_line(b, "SEQUENCE", req_printf(r, "%lld", ev->sequence));
	if (ev->cancelled)
		ics_line(b, "STATUS", "CANCELLED");
	ics_line(b, "SUMMARY", ics_text(r, ev->summary));
	if (ev->desc != NULL && *ev->desc != '\0')
		ics_line(b, "DESCRIPTION", ics_text(r, ev->desc));
	if (ev->url != NULL)
		ics_line(b, "URL", ev->url);
	buf_adds(b, "END:VEVENT\r\n");
}

void
ics_meeting(struct req *r, struct buf *b, struct db_rows *q, size_t i,
    const char *now, int cancelled)
{
	struct ics_ev ev = {
		.uid = req_printf(r, "meeting-%s@%s", db_get(q, i, "id"),
		    ics_host(r)),
		.stamp = now,
		.start = db_get(q, i, "starts_at"),
		.minutes = db_get_int(q, i, "minutes"),
		.summary = req_printf(r, "%sMentorship meeting with %s: %s",
		    cancelled ? "Cancelled: " : "", db_get(q, i, "with_name"),
		    db_get(q, i, "focus")),
		.url = req_printf(r, "%s/mentorships/%s/meetings",
		    cfg_base_url(), db_get(q, i, "mid")),
		.desc = db_get(q, i, "agenda"),
		.sequence = db_get_int(q, i, "sequence"),
		.cancelled = cancelled,
		/* a mail's event (METHOD:PUBLISH) must name one: RFC 5546 */
		.organizer = req_printf(r, "mailto:%s", mail_from_addr(r)),
	};

	ics_event(r, b, &ev);
}

const char *
ics_cancelled(struct req *r, long long mid, const char *ids,
    const char *focus, const char *with)
{
	struct db_rows *q;
	struct buf b = { NULL, 0, 0 };
	const char *now, *text;
	size_t i;

	if (ids == NULL || *ids == '\0')
		return NULL;
	if ((now = ics_stamp(r)) == NULL)
		return NULL;
	q = db_query(r, "SELECT " ICS_MEETING_COLS ", ? AS focus, ? AS "
	    "with_name FROM meetings_cancelled x WHERE x.mentorship_id = ? AND "
	    "FIND_IN_SET(x.id, ?) ORDER BY x.starts_at", "ssis", focus, with,
	    mid, ids);
	if (q == NULL || q->nrows == 0)
		return NULL;
	ics_begin(&b);
	for (i = 0; i < q->nrows; i++)
		ics_meeting(r, &b, q, i, now, 1);
	ics_end(&b);
	text = req_strdup(r, b.p);
	buf_free(&b);
	return text;
}
