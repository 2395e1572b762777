/*
 * mentorships: iCalendar (RFC 5545): one meeting, and the feed.
 */
#include <string.h>

#include "cfg.h"
#include "ics.h"
#include "mail.h"
#include "mentorships.h"

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

	if ((now = ics_stamp(r)) == NULL)
		return -1;
	q = db_query(r, "SELECT " ICS_MEETING_COLS ", ? AS focus, ? AS "
	    "with_name FROM meetings x WHERE x.id = ? AND x.mentorship_id = ?",
	    "ssii", m->focus, with, id, m->id);
	if (q != NULL && q->nrows == 0) {
		q = db_query(r, "SELECT " ICS_MEETING_COLS ", ? AS focus, ? AS "
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
	if ((now = ics_stamp(r)) == NULL)
		return;
	ics_begin(&b);
	ics_line(&b, "X-WR-CALNAME", "Menteo");
	/* planned meetings, then cancelled ones under the same UIDs */
	for (k = 0; k < 2; k++) {
		q = db_query(r, k == 0 ? "SELECT " ICS_MEETING_COLS ", m.focus, "
		    FEED_WITH " FROM meetings x JOIN mentorships m ON m.id = "
		    "x.mentorship_id WHERE (m.mentor_id = ? OR m.mentee_id = ?) "
		    "AND x.starts_at >= UTC_TIMESTAMP() - INTERVAL 1 YEAR "
		    "ORDER BY x.starts_at LIMIT 1000" :
		    "SELECT " ICS_MEETING_COLS ", m.focus, " FEED_WITH " FROM "
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
		    ics_host(r)), .stamp = now,
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
			    db_get(q, i, "id"), ics_host(r)), .stamp = now,
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
