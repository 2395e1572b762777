/*
 * mentorships: meetings (SPEC 7): planning one, changing or cancelling
 * it (the calendars follow: SEQUENCE, STATUS:CANCELLED), and its notes.
 * Every time is shown and mailed in the reader's own zone.
 */
#include <string.h>
#include <time.h>

#include "mentorships.h"
#include "zone.h"

/* ---- meetings ----------------------------------------------------------- */

/*
 * A change form carries the meeting's sequence as its page showed it,
 * and a notes form a fingerprint of the notes (NOTES_SEEN): a form from
 * a page older than the meeting is refused, not saved over what the
 * other party wrote since (one moved the meeting, the other's agenda
 * edit moved it back, and the mail said so).
 */
enum { MT_DATE, MT_TIME, MT_MINUTES, MT_AGENDA, MT_SEQUENCE, MT_N };
static const struct field meeting_f[MT_N] = {
	{ "date", F_DATE, 10, 10, 1, NULL },
	{ "time", F_TIME, 5, 5, 1, NULL },
	{ "minutes", F_INT, 5, 600, 0, NULL },
	{ "agenda", F_MULTILINE, 1, 4000, 1, NULL },
	{ "sequence", F_INT, 0, 2000000000, 0, NULL },	/* a change's */
};

/*
 * A change form also carries the values its page showed, so that after a
 * refusal the fields left as they were take the meeting's values now:
 * "save it again" then makes the change typed, and does not move the
 * meeting back to where the page had it. In meeting_f's order.
 */
enum { SHOWN_N = MT_SEQUENCE };
static const struct field shown_f[SHOWN_N] = {
	{ "shown_date", F_TEXT, 0, 10, 0, NULL },
	{ "shown_time", F_TEXT, 0, 5, 0, NULL },
	{ "shown_minutes", F_TEXT, 0, 5, 0, NULL },
	{ "shown_agenda", F_MULTILINE, 0, 4000, 0, NULL },
};

enum { NT_NOTES, NT_ACTIONS, NT_SEEN, NT_N };
static const struct field notes_f[NT_N] = {
	{ "notes", F_MULTILINE, 0, 8000, 0, NULL },
	{ "actions", F_MULTILINE, 0, 4000, 0, NULL },
	{ "notes_seen", F_TEXT, 0, 64, 0, NULL },
};
#define NOTES_SEEN(x) "SHA1(CONCAT_WS(0x1f, IFNULL(" x ".notes, 0x00), " \
	"IFNULL(" x ".actions, 0x00)))"

/*
 * What the meetings page shows as typed, besides what is stored: the
 * planning form, or one meeting's change or notes form; for notes
 * refused because they changed meanwhile (moved), the notes now.
 */
struct mtyped {
	struct fval	*plan;		/* MT_N */
	long long	 meeting;	/* the one below is this meeting's */
	struct fval	*change;	/* MT_N */
	struct fval	*shown;		/* SHOWN_N: what its page showed */
	struct fval	*notes;		/* NT_N */
	int		 moved;
};

/* The meeting page's forms of one meeting: its values, the viewer's zone. */
static void
meeting_form_values(struct req *r, struct tdict *s, struct db_rows *q,
    size_t i)
{
	const char *at = db_get(q, i, "starts_at");

	tmpl_set(s, "DATE", page_when_in(r, at, page_zone(r), WHEN_DATE));
	tmpl_set(s, "TIME", page_when_in(r, at, page_zone(r), WHEN_HM));
	tmpl_set(s, "MINUTES", db_get(q, i, "minutes"));
	tmpl_set(s, "AGENDA", db_get(q, i, "agenda"));
	tmpl_set(s, "SEQUENCE", db_get(q, i, "sequence"));
	tmpl_set(s, "SHOWN_DATE", page_when_in(r, at, page_zone(r), WHEN_DATE));
	tmpl_set(s, "SHOWN_TIME", page_when_in(r, at, page_zone(r), WHEN_HM));
	tmpl_set(s, "SHOWN_MINUTES", db_get(q, i, "minutes"));
	tmpl_set(s, "SHOWN_AGENDA", db_get(q, i, "agenda"));
}

/* One meeting's notes form: as stored, or as typed (t) beside them. */
static void
meeting_notes_show(struct tdict *s, struct db_rows *q, size_t i,
    const struct mtyped *t)
{
	struct tdict *now;

	if (t == NULL || t->notes == NULL ||
	    t->meeting != db_get_int(q, i, "id")) {
		tmpl_set(s, "NOTES", db_get(q, i, "notes"));
		tmpl_set(s, "ACTIONS", db_get(q, i, "actions"));
		tmpl_set(s, "NOTES_SEEN", db_get(q, i, "notes_seen"));
		return;
	}
	page_form(s, notes_f, NT_N, t->notes);
	if (!t->moved)
		return;
	now = tmpl_section(s, "NOTES_NOW");
	tmpl_set(now, "NOTES", db_get(q, i, "notes"));
	tmpl_set(now, "ACTIONS", db_get(q, i, "actions"));
}

/* A cancelled meeting's notes or actions (section name), when written. */
static void
cancelled_notes(struct tdict *s, const char *name, const char *text)
{
	if (text != NULL && *text != '\0')
		tmpl_set(tmpl_section(s, name), "TEXT", text);
}

/* The meetings page: t, what it shows as typed (or NULL); err, a refusal. */
static void
meetings_page(struct req *r, struct mship *m, int status,
    const struct mtyped *t, const char *err)
{
	struct tdict *d, *s;
	struct db_rows *q;
	size_t i;
	int live = m->is_open && !mships_is(m, "requested"), none;

	q = db_query(r, "SELECT x.id, x.starts_at, x.minutes, x.agenda, "
	    "x.notes, x.actions, x.sequence, " NOTES_SEEN("x") " AS "
	    "notes_seen, x.starts_at < UTC_TIMESTAMP() AS past, "
	    "x.created_at >= x.starts_at AS recorded, "
	    "u.display_name AS planned_by FROM meetings x LEFT JOIN users u "
	    "ON u.id = x.created_by WHERE x.mentorship_id = ? "
	    /* what comes next first, soonest first; then the past, latest
	     * first (all in one order put 15 December above 8 December) */
	    "ORDER BY x.starts_at < UTC_TIMESTAMP(), IF(x.starts_at < "
	    "UTC_TIMESTAMP(), NULL, x.starts_at), x.starts_at DESC "
	    "LIMIT 200", "i", m->id);
	if (q == NULL)
		return;
	d = page_new(r, req_printf(r, "%s: meetings", m->focus),
	    "mentorships_meetings.tpl");
	tmpl_set_int(d, "ID", m->id);
	tmpl_set(d, "FOCUS", m->focus);
	tmpl_set(d, "STAGE", m->stage);
	tmpl_set(d, "STAGE_LABEL", mship_stage_label(m->stage));
	tmpl_set(d, "TZ", page_zone(r));
	if (err != NULL)
		tmpl_set(tmpl_section(d, "REFUSED"), "REASON", err);
	if (live)
		tmpl_show(d, "CAN_RECORD");
	if (t != NULL && t->plan != NULL)
		page_form(d, meeting_f, MT_N, t->plan);
	else {
		tmpl_set(d, "DATE", page_today(r));
		tmpl_set(d, "MINUTES", "60");
	}
	for (i = 0; i < q->nrows; i++) {
		s = tmpl_section(d, "MEETING");
		tmpl_set_int(s, "ID", m->id);
		tmpl_set(s, "MEETING_ID", db_get(q, i, "id"));
		tmpl_set(s, "WHEN", page_when_in(r, db_get(q, i, "starts_at"),
		    page_zone(r), WHEN_TEXT));
		tmpl_set(s, "MINUTES", db_get(q, i, "minutes"));
		tmpl_set(s, "AGENDA", db_get(q, i, "agenda"));
		/* one written in after it was held was recorded, not planned */
		tmpl_set(s, "BY", req_printf(r, "%s by %s", db_get_int(q, i,
		    "recorded") ? "Recorded" : "Planned", db_get(q, i,
		    "planned_by") != NULL ? db_get(q, i, "planned_by") :
		    "a deleted account"));
		meeting_notes_show(s, q, i, t);
		tmpl_show(s, db_get_int(q, i, "past") ? "PAST" : "UPCOMING");
		if (!live || db_get_int(q, i, "past"))
			continue;
		/* a meeting to come can still be moved or called off */
		if (t != NULL && t->change != NULL &&
		    t->meeting == db_get_int(q, i, "id")) {
			struct tdict *e = tmpl_section(s, "CHANGE");
			page_form(e, meeting_f, MT_N, t->change);
			page_form(e, shown_f, SHOWN_N, t->shown);
			tmpl_show(e, "OPEN");
		} else
			meeting_form_values(r, tmpl_section(s, "CHANGE"), q, i);
	}
	none = q->nrows == 0;
	q = db_query(r, "SELECT x.starts_at, x.agenda, x.notes, x.actions, "
	    "x.cancelled_at, u.display_name AS cancelled_by FROM "
	    "meetings_cancelled x LEFT "
	    "JOIN users u ON u.id = x.cancelled_by WHERE x.mentorship_id = ? "
	    "ORDER BY x.starts_at DESC LIMIT 50", "i", m->id);
	if (q == NULL)
		return;
	for (i = 0; i < q->nrows; i++) {
		s = tmpl_section(d, "CANCELLED");
		tmpl_set(s, "WHEN", page_when_in(r, db_get(q, i, "starts_at"),
		    page_zone(r), WHEN_TEXT));
		tmpl_set(s, "AGENDA", db_get(q, i, "agenda"));
		cancelled_notes(s, "NOTES", db_get(q, i, "notes"));
		cancelled_notes(s, "ACTIONS", db_get(q, i, "actions"));
		tmpl_set(s, "BY", db_get(q, i, "cancelled_by") != NULL ?
		    db_get(q, i, "cancelled_by") : "a deleted account");
		page_date(r, s, "AT", db_get(q, i, "cancelled_at"));
	}
	if (q->nrows > 0)
		tmpl_show(d, "HAS_CANCELLED");
	/* after a cancellation "none planned yet" would deny it happened */
	if (none)
		tmpl_show(d, q->nrows > 0 ? "ONLY_CANCELLED" : "NO_MEETINGS");
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

/* A meeting planned, changed or cancelled, under the mentorship's lock. */
struct mwrite {
	struct mship	*m;
	struct fval	*v;
	const char	*utc;		/* the time asked for, UTC */
	int		 past;		/* it is a meeting held: recorded */
	long long	 meeting;	/* changed or cancelled: which */
	int		 changed;	/* a change: anything new to tell */
	long long	 seen;		/* the sequence its page showed; -1 */
	int		 moved;		/* since: refused, why says to when */
	const char	*why;
};

static const char *const not_live = "Meetings are planned once a "
    "mentorship is accepted and until it closes.";

/* What the other party is told of a meeting: see meeting_tell. */
struct tell {
	const char	*subject;	/* "A meeting was moved" */
	const char	*what;		/* "moved your meeting to" */
	const char	*utc;		/* the time now, UTC */
	const char	*was;		/* moved: the time before, or NULL */
	const char	*agenda;	/* or NULL */
	int		 held;		/* recorded as held: in the past */
	int		 news;		/* a meeting first told of */
	int		 cancelled;
};

/*
 * What the mail's event.ics does, said honestly: a calendar that follows
 * the feed has the change already (no second copy), and how far a
 * calendar follows a published event's change or cancellation varies.
 */
static const char *
meeting_cal_words(const struct tell *t)
{
	if (t->cancelled)
		return "If you added it to your calendar, take it out there: "
		    "the attached event.ics marks it cancelled, which most "
		    "calendars follow.";
	if (t->news)
		return "To put it in your calendar, open the attached "
		    "event.ics, unless your calendar follows your Menteo "
		    "calendar feed, which has it already.";
	return "If you added it to your calendar, open the attached "
	    "event.ics to change it there; a calendar that follows your "
	    "Menteo calendar feed changes by itself.";
}

/*
 * Tells the other party, with each time in their own zone (their
 * account's; UTC when it has none). The meeting goes with its event
 * (event.ics), which their calendar adds, moves or cancels, unless it
 * is new and held already: no calendar had it, and none needs it.
 */
static int
meeting_tell(struct req *r, const struct mwrite *w, const struct tell *t)
{
	const struct mship *m = w->m;
	struct mship_notice n = { .note_label = "Agenda:",
	    .note = t->agenda, .path = mships_path(r, m, "/meetings"),
	    .link_text = "Open the meetings" };
	const char *tz, *when;

	tz = db_value(r, "SELECT timezone FROM users WHERE id = ?", "i",
	    m->other_id);
	if (tz == NULL && r->db_failed)
		return -1;
	if (tz == NULL || *tz == '\0')
		tz = "UTC";
	when = page_when_in(r, t->utc, tz, WHEN_TEXT);
	n.intro = req_printf(r, "%s %s %s (%s).", r->user.name, t->what, when,
	    tz);
	if (t->was != NULL)
		n.intro = req_printf(r, "%s It was planned for %s.", n.intro,
		    page_when_in(r, t->was, tz, WHEN_TEXT));
	if (t->held)
		n.intro = req_printf(r, "%s Its notes and agreed actions can be "
		    "written on the meetings page.", n.intro);
	if (!(t->news && t->held) && (n.calendar = mships_meeting_event(r, m,
	    w->meeting)) == NULL && r->db_failed)
		return -1;
	if (n.calendar != NULL)
		n.intro = req_printf(r, "%s %s", n.intro, meeting_cal_words(t));
	/* the date in the title too: two meetings' notifications differ */
	n.headline = req_printf(r, "%s: %s", t->subject, when);
	if (mship_mail_count(r, m) == -1)
		return -1;
	return mship_notice_send(r, m, m->other_id, &n);
}

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
		return w->why = not_live, 409;
	if (db_exec(r, "INSERT INTO meetings (mentorship_id, starts_at, "
	    "minutes, agenda, created_by, created_at) VALUES (?, ?, ?, ?, ?, "
	    "UTC_TIMESTAMP())", "isisi", m->id, w->utc,
	    v[MT_MINUTES].str != NULL ? v[MT_MINUTES].num : 60,
	    v[MT_AGENDA].str, r->user.id) != 1)
		return -1;
	w->meeting = db_last_id();
	return meeting_tell(r, w, w->past ?
	    &(struct tell){ .subject = "A meeting was recorded",
	    .what = "recorded a meeting held on", .utc = w->utc,
	    .agenda = v[MT_AGENDA].str, .held = 1, .news = 1 } :
	    &(struct tell){ .subject = "A meeting was planned",
	    .what = "planned a meeting for", .utc = w->utc,
	    .agenda = v[MT_AGENDA].str, .news = 1 });
}

/*
 * The planning or change form as posted, into w: the time in UTC and
 * whether it is past. 0, -1 when the database failed, or the error
 * count (each marked on its field). A meeting held before the pair
 * began, or one planned over five years ahead, is a mistyped year (1900
 * was taken, and told as "planned").
 */
static int
meeting_read(struct req *r, struct mwrite *w)
{
	struct fval *v = w->v;
	struct db_rows *q;
	char out[32];
	int errors;

	if ((errors = field_read(r, meeting_f, MT_N, v)) > 0)
		return errors;
	if (zone_to_utc(page_zone(r), v[MT_DATE].str, v[MT_TIME].str, out,
	    sizeof(out)) == -1) {
		v[MT_TIME].err = "This time does not exist in your time zone.";
		return 1;
	}
	w->utc = req_strdup(r, out);
	if ((q = db_query(r, "SELECT ? < created_at - INTERVAL 1 DAY AS early, "
	    "? > UTC_TIMESTAMP() + INTERVAL 5 YEAR AS far, ? <= "
	    "UTC_TIMESTAMP() AS past, created_at AS began FROM mentorships "
	    "WHERE id = ?", "sssi", w->utc, w->utc, w->utc, w->m->id)) == NULL)
		return -1;
	if (q->nrows == 0)
		return 0;	/* gone meanwhile: the write will say so */
	w->past = db_get_int(q, 0, "past") != 0;
	if (db_get_int(q, 0, "early"))
		v[MT_DATE].err = req_printf(r, "A meeting cannot be before "
		    "the mentorship began, on %s.", page_date_text(r,
		    db_get(q, 0, "began")));
	else if (db_get_int(q, 0, "far"))
		v[MT_DATE].err = "Plan meetings up to five years ahead.";
	return v[MT_DATE].err != NULL;
}

/* 1 (answered: 429 or the database failed) when the viewer mailed enough. */
static int
meeting_throttled(struct req *r, struct mship *m, const struct mtyped *t)
{
	const char *why;
	long long wait;

	if ((why = mship_mail_wait(r, m, &wait)) == NULL)
		return wait < 0;
	meetings_page(r, m, 429, t, why);
	return 1;
}

void
mships_meetings_post(struct req *r)
{
	struct fval v[MT_N];
	struct mship m;
	struct mwrite w = { .m = &m, .v = v };
	struct mtyped t = { .plan = v };
	int rc;

	if (mships_load(r, &m) == -1)
		return;
	if (!m.is_open || mships_is(&m, "requested"))
		return meetings_page(r, &m, 409, NULL, not_live);
	if ((rc = meeting_read(r, &w)) == -1)
		return;
	if (rc > 0)
		return meetings_page(r, &m, 422, &t, "Check the fields "
		    "marked below.");
	if (meeting_throttled(r, &m, &t))
		return;
	if ((rc = db_tx_run(r, meeting_tx, &w)) == -1)
		return;
	if (rc == 404)
		return page_error(r, 404);
	if (rc != 0)
		return meetings_page(r, &m, rc, &t, w.why);
	resp_flash(r, w.past ? "Meeting recorded. We told the other person." :
	    "Meeting planned. We told the other person.");
	resp_redirect(r, mships_path(r, &m, "/meetings"));
}

/*
 * The meeting w->meeting, locked with its mentorship, still to come: its
 * time now (*was), 0; 404 not this mentorship's; 409 past or closed, or
 * changed since the form's page showed it (w->seen; w->moved).
 */
static int
meeting_lock(struct req *r, struct mwrite *w, const char **was)
{
	struct db_rows *q;
	int rc;

	if ((rc = stage_lock(r, w->m)) != 0)
		return rc;
	if (!w->m->is_open || mships_is(w->m, "requested"))
		return w->why = not_live, 409;
	q = db_query(r, "SELECT starts_at, sequence, starts_at < "
	    "UTC_TIMESTAMP() AS past FROM meetings WHERE id = ? AND "
	    "mentorship_id = ? FOR UPDATE", "ii", w->meeting, w->m->id);
	if (q == NULL)
		return -1;
	if (q->nrows == 0)
		return 404;
	if (db_get_int(q, 0, "past"))
		return w->why = "This meeting has begun: it can no longer be "
		    "moved or cancelled. Its notes can still be written.", 409;
	*was = req_strdup(r, db_get(q, 0, "starts_at"));
	if (w->seen >= 0 && w->seen != db_get_int(q, 0, "sequence"))
		return w->moved = 1, w->why = req_printf(r, "This meeting was "
		    "changed after you opened the page: it is now on %s (%s).",
		    page_when_in(r, *was, page_zone(r), WHEN_TEXT),
		    page_zone(r)), 409;
	return 0;
}

static int
change_tx(struct req *r, void *arg)
{
	struct mwrite *w = arg;
	struct fval *v = w->v;
	const char *was;
	long long n;
	int rc;

	if ((rc = meeting_lock(r, w, &was)) != 0)
		return rc;
	n = db_exec(r, "UPDATE meetings SET starts_at = ?, minutes = ?, "
	    "agenda = ?, sequence = sequence + 1 WHERE id = ? AND NOT "
	    "(starts_at <=> ? AND minutes <=> ? AND agenda <=> ?)", "sisisis",
	    w->utc, v[MT_MINUTES].str != NULL ? v[MT_MINUTES].num : 60,
	    v[MT_AGENDA].str, w->meeting, w->utc,
	    v[MT_MINUTES].str != NULL ? v[MT_MINUTES].num : 60,
	    v[MT_AGENDA].str);
	if (n <= 0)
		return (int)n;	/* 0: the same as before, nobody told */
	w->changed = 1;
	/* a planned meeting put in the past: it was held then, not moved */
	if (w->past)
		return meeting_tell(r, w, &(struct tell){
		    .subject = "A meeting was recorded",
		    .what = "recorded that your meeting was held on",
		    .utc = w->utc, .was = was, .agenda = v[MT_AGENDA].str,
		    .held = 1 });
	if (strcmp(was, w->utc) != 0)
		return meeting_tell(r, w, &(struct tell){
		    .subject = "A meeting was moved",
		    .what = "moved your meeting to", .utc = w->utc,
		    .was = was, .agenda = v[MT_AGENDA].str });
	return meeting_tell(r, w, &(struct tell){
	    .subject = "A meeting was changed",
	    .what = "changed the meeting of", .utc = w->utc,
	    .agenda = v[MT_AGENDA].str });
}

/*
 * A change refused because the meeting moved meanwhile, re-shown over
 * the meeting now: each field left as the page showed it takes the
 * value now, the form the sequence now, so that saving it again makes
 * what was typed and nothing else. -1 db.
 */
static int
change_over_now(struct req *r, struct mwrite *w, struct fval *shown)
{
	struct db_rows *q;
	const char *now[SHOWN_N];
	size_t k;

	q = db_query(r, "SELECT starts_at, minutes, agenda, sequence FROM "
	    "meetings WHERE id = ?", "i", w->meeting);
	if (q == NULL || q->nrows == 0)
		return q == NULL ? -1 : 0;
	now[MT_DATE] = page_when_in(r, db_get(q, 0, "starts_at"), page_zone(r),
	    WHEN_DATE);
	now[MT_TIME] = page_when_in(r, db_get(q, 0, "starts_at"), page_zone(r),
	    WHEN_HM);
	now[MT_MINUTES] = db_get(q, 0, "minutes");
	now[MT_AGENDA] = db_get(q, 0, "agenda");
	for (k = 0; k < SHOWN_N; k++) {
		/* as read, not as sent: a browser sends line ends its way */
		if (shown[k].str != NULL && w->v[k].str != NULL &&
		    strcmp(shown[k].str, w->v[k].str) == 0)
			w->v[k].raw = now[k];
		shown[k].raw = now[k];
	}
	w->v[MT_SEQUENCE].raw = db_get(q, 0, "sequence");
	return 0;
}

static void
meeting_change(struct req *r, struct mship *m)
{
	struct fval v[MT_N], shown[SHOWN_N];
	struct mwrite w = { .m = m, .v = v, .meeting = r->id[1], .seen = -1 };
	struct mtyped t = { .meeting = r->id[1], .change = v, .shown = shown };
	int rc;

	(void)field_read(r, shown_f, SHOWN_N, shown);
	if ((rc = meeting_read(r, &w)) == -1)
		return;
	if (rc > 0)
		return meetings_page(r, m, 422, &t, "Check the fields marked "
		    "below.");
	if (meeting_throttled(r, m, &t))
		return;
	if (v[MT_SEQUENCE].str != NULL)
		w.seen = v[MT_SEQUENCE].num;
	if ((rc = db_tx_run(r, change_tx, &w)) == -1)
		return;
	if (rc == 404)
		return page_error(r, 404);
	if (w.moved && change_over_now(r, &w, shown) == -1)
		return;
	if (rc != 0)
		return meetings_page(r, m, rc, &t, w.moved ? req_printf(r, "%s "
		    "Your change was not saved: it is in the meeting's form "
		    "below, over the meeting as it is now. Save it again to "
		    "make it.", w.why) : w.why);
	if (!w.changed)
		resp_flash(r, "Nothing changed.");
	else
		resp_flash(r, w.past ? "Meeting recorded as held. We told the "
		    "other person." : "Meeting changed. We told the other "
		    "person, and your calendars follow.");
	resp_redirect(r, mships_path(r, m, "/meetings"));
}

static int
cancel_tx(struct req *r, void *arg)
{
	struct mwrite *w = arg;
	const char *was;
	int rc;

	if ((rc = meeting_lock(r, w, &was)) != 0)
		return rc;
	/* its notes go with it: what was prepared is still the pair's */
	if (db_exec(r, MSHIP_MEETINGS_CANCEL "id = ?", "ii", r->user.id,
	    w->meeting) != 1 ||
	    db_exec(r, "DELETE FROM meetings WHERE id = ?", "i",
	    w->meeting) != 1)
		return -1;
	return meeting_tell(r, w, &(struct tell){
	    .subject = "A meeting was cancelled",
	    .what = "cancelled your meeting of", .utc = was,
	    .cancelled = 1 });
}

static void
meeting_cancel(struct req *r, struct mship *m)
{
	struct mwrite w = { .m = m, .meeting = r->id[1], .seen = -1 };
	struct fval seq;
	int rc;

	if (meeting_throttled(r, m, NULL))
		return;
	/* a meeting moved since the page showed it is not cancelled unseen */
	if (field_read(r, &meeting_f[MT_SEQUENCE], 1, &seq) == 0 &&
	    seq.str != NULL)
		w.seen = seq.num;
	if ((rc = db_tx_run(r, cancel_tx, &w)) == -1)
		return;
	if (rc == 404)
		return page_error(r, 404);
	if (rc != 0)
		return meetings_page(r, m, rc, NULL, w.moved ? req_printf(r,
		    "%s It was not cancelled: cancel it again if you still "
		    "mean to.", w.why) : w.why);
	resp_flash(r, "Meeting cancelled. We told the other person, and "
	    "your calendars follow.");
	resp_redirect(r, mships_path(r, m, "/meetings"));
}

/*
 * Notes and agreed actions, at any time: preparing counts too. Saved
 * only over the notes the form's page showed (when it says: a script's
 * post need not); others written since are shown beside what was typed.
 */
static void
meeting_notes(struct req *r, struct mship *m)
{
	struct fval v[NT_N];
	struct mtyped t = { .meeting = r->id[1], .notes = v };
	const char *now;
	long long n;

	if (field_read(r, notes_f, NT_N, v) > 0)
		return meetings_page(r, m, 422, &t, "The notes or actions are "
		    "too long: shorten the one marked below.");
	n = db_exec(r, "UPDATE meetings SET notes = ?, actions = ? WHERE "
	    "id = ? AND mentorship_id = ? AND (? IS NULL OR " NOTES_SEEN(
	    "meetings") " = ?)", "ssiiss", v[NT_NOTES].str,
	    v[NT_ACTIONS].str, r->id[1], m->id, v[NT_SEEN].str,
	    v[NT_SEEN].str);
	if (n == -1)
		return;
	if (n == 0 && (now = db_value(r, "SELECT " NOTES_SEEN("meetings")
	    " FROM meetings WHERE id = ? AND mentorship_id = ?", "ii",
	    r->id[1], m->id)) == NULL) {
		if (!r->db_failed)
			page_error(r, 404);
		return;
	}
	/* unchanged notes update no row: only other notes are a refusal */
	if (n == 0 && v[NT_SEEN].str != NULL &&
	    strcmp(now, v[NT_SEEN].str) != 0) {
		v[NT_SEEN].raw = now;
		t.moved = 1;
		return meetings_page(r, m, 409, &t, "These notes were changed "
		    "after you opened the page, so yours were not saved. They "
		    "are below as you typed them, under the notes as they are "
		    "now: save again to replace those with yours.");
	}
	resp_flash(r, "Notes saved.");
	resp_redirect(r, mships_path(r, m, "/meetings"));
}

/*
 * One meeting's forms post here: its notes (notes, actions), a change
 * (change=1 with date, time, minutes, agenda) or cancel=1.
 */
void
mships_meeting_post(struct req *r)
{
	struct mship m;
	const char *act;

	if (mships_load(r, &m) == -1)
		return;
	if ((act = req_form(r, "cancel")) != NULL && strcmp(act, "1") == 0)
		return meeting_cancel(r, &m);
	if ((act = req_form(r, "change")) != NULL && strcmp(act, "1") == 0)
		return meeting_change(r, &m);
	meeting_notes(r, &m);
}
