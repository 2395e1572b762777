/*
 * mentorships: iCalendar (RFC 5545): one meeting, and the feed.
 */
#include <string.h>

#include "cfg.h"
#include "mail.h"
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
static const char *
site_host(struct req *r)
{
	const char *b = cfg_base_url(), *p = strstr(b, "://");
	size_t n;

	p = p != NULL ? p + 3 : b;
	n = strcspn(p, ":/?#");
	return n > 0 ? req_printf(r, "%.*s", (int)n, p) : "menteo";
}

/* One VEVENT; ev->minutes 0: an all-day date. */
struct ics_ev {
	const char	*uid;
	const char	*stamp;
	const char	*start;
	long long	 minutes;
	const char	*summary;
	const char	*desc;
	long long	 sequence;	/* raised by each change (RFC 5545) */
	int		 cancelled;	/* STATUS:CANCELLED, under its UID */
	const char	*organizer;	/* a meeting's: "mailto:…", or NULL */
	const char	*url;		/* its page, or NULL */
};

static void
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

/*
 * A meeting's event from a row of MEETING_COLS, planned or cancelled,
 * with its mentorship's focus and the name of the other party to the one
 * whose calendar it goes to (focus, with_name): an event that named
 * neither was one of many in a calendar (found walking). Its URL is the
 * meetings page.
 */
#define MEETING_COLS	"x.id, x.mentorship_id AS mid, x.starts_at, " \
	"x.minutes, x.agenda, x.sequence"

static void
ics_meeting(struct req *r, struct buf *b, struct db_rows *q, size_t i,
    const char *now, int cancelled)
{
	struct ics_ev ev = {
		.uid = req_printf(r, "meeting-%s@%s", db_get(q, i, "id"),
		    site_host(r)),
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

static void
ics_send(struct req *r, struct buf *b)
{
	resp_header(r, "Cache-Control", "private, no-store");
	resp_text(r, 200, "text/calendar; charset=utf-8", b->p);
	buf_free(b);
}

/*
 * Meeting id of m as a calendar of one event, planned or cancelled (a
 * calendar drops it by its UID), for a party whose other is named with:
 * 0, 404 when m has no such meeting, -1 when the database failed. *name
 * is its file's name.
 */
static int
meeting_event(struct req *r, const struct mship *m, long long id,
    const char *with, struct buf *b, const char **name)
{
	struct db_rows *q;
	const char *now;
	int cancelled = 0;

	if ((now = db_value(r, "SELECT DATE_FORMAT(UTC_TIMESTAMP(), "
	    "'%Y-%m-%d %H:%i:%s')", "")) == NULL)
		return -1;
	q = db_query(r, "SELECT " MEETING_COLS ", ? AS focus, ? AS "
	    "with_name FROM meetings x WHERE x.id = ? AND x.mentorship_id = ?",
	    "ssii", m->focus, with, id, m->id);
	if (q != NULL && q->nrows == 0) {
		q = db_query(r, "SELECT " MEETING_COLS ", ? AS focus, ? AS "
		    "with_name FROM meetings_cancelled x WHERE x.id = ? AND "
		    "x.mentorship_id = ?", "ssii", m->focus, with, id, m->id);
		cancelled = 1;
	}
	if (q == NULL)
		return -1;
	if (q->nrows == 0)
		return 404;
	ics_begin(b);
	ics_meeting(r, b, q, 0, now, cancelled);
	ics_end(b);
	*name = req_printf(r, "meeting-%lld.ics", id);
	return 0;
}

void
mships_meeting_ics(struct req *r)
{
	struct mship m;
	struct buf b = { NULL, 0, 0 };
	const char *name;
	int rc;

	if (mships_load(r, &m) == -1)
		return;
	if ((rc = meeting_event(r, &m, r->id[1], m.is_mentor ? m.mentee_name :
	    m.mentor_name, &b, &name)) != 0) {
		buf_free(&b);
		if (rc == 404)
			page_error(r, 404);
		return;
	}
	resp_header(r, "Content-Disposition", req_printf(r,
	    "attachment; filename=\"%s\"", name));
	ics_send(r, &b);
}

const char *
mships_meeting_event(struct req *r, const struct mship *m, long long id)
{
	struct buf b = { NULL, 0, 0 };
	const char *name, *text = NULL;

	/* for the other party's mail: the viewer is who they meet */
	if (meeting_event(r, m, id, r->user.name, &b, &name) == 0)
		text = req_strdup(r, b.p);
	buf_free(&b);
	return text;
}

/* The feed owner's other party in m (the `?`: the owner's id). */
#define FEED_WITH	"(SELECT u.display_name FROM users u WHERE u.id = " \
	"IF(m.mentor_id = ?, m.mentee_id, m.mentor_id)) AS with_name"

void
mships_calendar(struct req *r)
{
	const char *secret = r->arg[0], *uid, *now;
	struct db_rows *q;
	struct buf b = { NULL, 0, 0 };
	size_t i;
	int k;

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
	/* planned meetings, then cancelled ones under the same UIDs */
	for (k = 0; k < 2; k++) {
		q = db_query(r, k == 0 ? "SELECT " MEETING_COLS ", m.focus, "
		    FEED_WITH " FROM meetings x JOIN mentorships m ON m.id = "
		    "x.mentorship_id WHERE (m.mentor_id = ? OR m.mentee_id = ?) "
		    "AND x.starts_at >= UTC_TIMESTAMP() - INTERVAL 1 YEAR "
		    "ORDER BY x.starts_at LIMIT 1000" :
		    "SELECT " MEETING_COLS ", m.focus, " FEED_WITH " FROM "
		    "meetings_cancelled x JOIN mentorships m ON m.id = "
		    "x.mentorship_id WHERE (m.mentor_id = ? OR m.mentee_id = ?) "
		    "AND x.starts_at >= UTC_TIMESTAMP() - INTERVAL 1 YEAR ORDER "
		    "BY x.starts_at LIMIT 1000", "sss", uid, uid, uid);
		if (q == NULL)
			goto fail;
		for (i = 0; i < q->nrows; i++)
			ics_meeting(r, &b, q, i, now, k);
	}
	q = db_query(r, "SELECT id, review_date, focus FROM mentorships "
	    "WHERE (mentor_id = ? OR mentee_id = ?) AND review_date IS NOT NULL "
	    "AND stage IN (" STAGES_CAPACITY ") LIMIT 500",
	    "ss", uid, uid);
	if (q == NULL)
		goto fail;
	for (i = 0; i < q->nrows; i++)
		ics_event(r, &b, &(struct ics_ev){
		    .uid = req_printf(r, "review-%s@%s", db_get(q, i, "id"),
		    site_host(r)), .stamp = now,
		    .start = db_get(q, i, "review_date"),
		    .summary = req_printf(r, "Review date: %s",
		    db_get(q, i, "focus")),
		    .desc = "The planned exit review of your mentorship." });
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
			ics_event(r, &b, &(struct ics_ev){
			    .uid = req_printf(r, "milestone-%s@%s",
			    db_get(q, i, "id"), site_host(r)), .stamp = now,
			    .start = db_get(q, i, "due_date"),
			    .summary = req_printf(r, "Milestone due: %s",
			    db_get(q, i, "title")),
			    .desc = db_get(q, i, "focus") });
	} else if (r->db_failed)
		goto fail;
	ics_end(&b);
	ics_send(r, &b);
	return;
fail:
	buf_free(&b);
}
