/*
 * mentorships: meetings: planning them and their notes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "mentorships.h"

/* ---- meetings ----------------------------------------------------------- */

static const struct field meeting_f[] = {
	{ "date", F_DATE, 10, 10, 1, NULL },
	{ "time", F_TIME, 5, 5, 1, NULL },
	{ "minutes", F_INT, 5, 600, 0, NULL },
	{ "agenda", F_MULTILINE, 1, 4000, 1, NULL },
};
#define MEETING_N (sizeof(meeting_f) / sizeof(meeting_f[0]))

/* "YYYY-MM-DD" "HH:MM" in the viewer's zone to UTC "YYYY-MM-DD HH:MM:00". */
static const char *
local_to_utc(struct req *r, const char *date, const char *hm)
{
	struct tm tm, g;
	time_t t;
	char *old, out[32];

	memset(&tm, 0, sizeof(tm));
	if (sscanf(date, "%d-%d-%d", &tm.tm_year, &tm.tm_mon,
	    &tm.tm_mday) != 3 || sscanf(hm, "%d:%d", &tm.tm_hour,
	    &tm.tm_min) != 2)
		return NULL;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	tm.tm_isdst = -1;
	old = getenv("TZ");
	old = old != NULL ? req_strdup(r, old) : NULL;
	setenv("TZ", r->user.tz != NULL ? r->user.tz : "UTC", 1);
	tzset();
	t = mktime(&tm);
	if (old != NULL)
		setenv("TZ", old, 1);
	else
		unsetenv("TZ");
	tzset();
	if (t == (time_t)-1)
		return NULL;
	gmtime_r(&t, &g);
	strftime(out, sizeof(out), "%Y-%m-%d %H:%M:00", &g);
	return req_strdup(r, out);
}

static void
meetings_page(struct req *r, struct mship *m, int status, struct fval *v,
    const char *err)
{
	struct tdict *d, *s;
	struct db_rows *q;
	size_t i;

	q = db_query(r, "SELECT x.id, x.starts_at, x.minutes, x.agenda, "
	    "x.notes, x.actions, x.starts_at < UTC_TIMESTAMP(), u.display_name "
	    "FROM meetings x JOIN users u ON u.id = x.created_by WHERE "
	    "x.mentorship_id = ? ORDER BY x.starts_at DESC LIMIT 200", "i",
	    m->id);
	if (q == NULL)
		return;
	d = page_new(r, "Meetings", "mentorships_meetings.tpl");
	tmpl_set_int(d, "ID", m->id);
	tmpl_set(d, "FOCUS", m->focus);
	tmpl_set(d, "STAGE", m->stage);
	tmpl_set(d, "STAGE_LABEL", mship_stage_label(m->stage));
	tmpl_set(d, "TZ", r->user.tz != NULL ? r->user.tz : "UTC");
	if (err != NULL)
		tmpl_set(tmpl_section(d, "REFUSED"), "REASON", err);
	if (m->is_open && !mships_is(m, "requested"))
		tmpl_show(d, "CAN_RECORD");
	if (v != NULL)
		page_form(d, meeting_f, MEETING_N, v);
	else {
		tmpl_set(d, "DATE", page_today(r));
		tmpl_set(d, "MINUTES", "60");
	}
	for (i = 0; i < q->nrows; i++) {
		s = tmpl_section(d, "MEETING");
		tmpl_set_int(s, "ID", m->id);
		tmpl_set(s, "MEETING_ID", db_str(q, i, 0));
		page_time(r, s, "WHEN", db_str(q, i, 1));
		tmpl_set(s, "MINUTES", db_str(q, i, 2));
		tmpl_set(s, "AGENDA", db_str(q, i, 3));
		tmpl_set(s, "BY", db_str(q, i, 7));
		tmpl_set(s, "NOTES", db_str(q, i, 4) ? db_str(q, i, 4) : "");
		tmpl_set(s, "ACTIONS", db_str(q, i, 5) ? db_str(q, i, 5) : "");
		if (db_int(q, i, 6))
			tmpl_show(s, "PAST");
		else
			tmpl_show(s, "UPCOMING");
	}
	if (q->nrows == 0)
		tmpl_show(d, "NO_MEETINGS");
	page_send(r, status);
}

void
mships_meetings(struct req *r)
{
	struct mship m;

	if (mships_load(r, &m) == -1)
		return;
	meetings_page(r, &m, 200, NULL, NULL);
}

/* A planned meeting: the mentorship open and accepted, read under lock. */
struct mwrite {
	struct mship	*m;
	struct fval	*v;
	const char	*utc;
	const char	*why;
};

static int
meeting_tx(struct req *r, void *arg)
{
	struct mwrite *w = arg;
	struct mship *m = w->m;
	struct fval *v = w->v;
	int rc;

	if ((rc = stage_lock(r, m)) != 0)
		return rc;
	if (!m->is_open || mships_is(m, "requested"))
		return w->why = "Meetings are recorded once a mentorship is "
		    "accepted and until it closes.", 409;
	if (db_exec(r, "INSERT INTO meetings (mentorship_id, starts_at, "
	    "minutes, agenda, created_by, created_at) VALUES (?, ?, ?, ?, ?, "
	    "UTC_TIMESTAMP())", "isisi", m->id, w->utc,
	    v[2].str != NULL ? v[2].num : 60, v[3].str, r->user.id) != 1)
		return -1;
	return mships_tell(r, m, "A meeting was planned", req_printf(r, "%s "
	    "recorded a meeting for %s %s (%s). Add it to your calendar from "
	    "the meetings page.", r->user.name, v[0].str, v[1].str,
	    r->user.tz != NULL ? r->user.tz : "UTC"), v[3].str, "/meetings");
}

void
mships_meetings_post(struct req *r)
{
	struct fval v[MEETING_N];
	struct mship m;
	struct mwrite w = { .m = &m, .v = v };
	const char *why;
	long long wait;
	int rc;

	if (mships_load(r, &m) == -1)
		return;
	if (!m.is_open || mships_is(&m, "requested"))
		return meetings_page(r, &m, 409, NULL, "Meetings are recorded "
		    "once a mentorship is accepted and until it closes.");
	if (field_read(r, meeting_f, MEETING_N, v) > 0)
		return meetings_page(r, &m, 422, v, "Check the fields marked "
		    "below.");
	if ((w.utc = local_to_utc(r, v[0].str, v[1].str)) == NULL)
		return meetings_page(r, &m, 422, v, "This time does not exist "
		    "in your time zone.");
	if ((why = mship_mail_wait(r, &m, &wait)) != NULL)
		return meetings_page(r, &m, 429, v, why);
	if (wait < 0)
		return;
	if ((rc = db_tx_run(r, meeting_tx, &w)) == -1)
		return;
	if (rc == 404)
		return page_error(r, 404);
	if (rc != 0)
		return meetings_page(r, &m, rc, v, w.why);
	resp_flash(r, "Meeting recorded.");
	resp_redirect(r, mships_path(r, &m, "/meetings"));
}

void
mships_meeting_post(struct req *r)
{
	static const struct field f[] = {
		{ "notes", F_MULTILINE, 0, 8000, 0, NULL },
		{ "actions", F_MULTILINE, 0, 4000, 0, NULL },
	};
	struct fval v[2];
	struct mship m;
	struct db_rows *q;

	if (mships_load(r, &m) == -1)
		return;
	q = db_query(r, "SELECT starts_at < UTC_TIMESTAMP() FROM meetings "
	    "WHERE id = ? AND mentorship_id = ?", "ii", r->id[1], m.id);
	if (q == NULL)
		return;
	if (q->nrows == 0)
		return page_error(r, 404);
	if (!db_int(q, 0, 0))
		return meetings_page(r, &m, 409, NULL, "Notes and actions are "
		    "added after the meeting has taken place.");
	if (field_read(r, f, 2, v) > 0)
		return meetings_page(r, &m, 422, NULL, "The notes or actions "
		    "are too long.");
	if (db_exec(r, "UPDATE meetings SET notes = ?, actions = ? WHERE "
	    "id = ? AND mentorship_id = ?", "ssii", v[0].str, v[1].str,
	    r->id[1], m.id) == -1)
		return;
	resp_flash(r, "Notes saved.");
	resp_redirect(r, mships_path(r, &m, "/meetings"));
}
