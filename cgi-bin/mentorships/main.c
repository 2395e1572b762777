/*
 * mentorships: requests, the mentorship page, the contract and its
 * goals, the separation review, the record of achievement, meetings
 * and the calendar feed. Every stage change goes through lib/stage.
 * One program, a page file per area: main.c (this route table and the
 * helpers every page uses), list.c, request.c, show.c (the mentorship
 * page, with kept.c and pictures.c; move.c its stage moves), contract.c,
 * contract_save.c and goals.c (which share contract.h), agreement.c,
 * review.c, record.c, checkin.c, focus.c (a rename), meetings.c,
 * calendar.c (iCalendar).
 */
#include <string.h>

#include "app.h"
#include "mentorships.h"

static const struct route routes[] = {
	{ "GET",  "/mentorships",			mships_list, ROUTE_USER },
	{ "GET",  "/mentorships/new",			mships_new, ROUTE_USER },
	{ "POST", "/mentorships/new",			mships_create, ROUTE_USER },
	{ "GET",  "/mentorships/{id}",			mships_show,
	    ROUTE_USER | ROUTE_OWN_SESSION },
	{ "POST", "/mentorships/{id}/stage",		mships_stage, ROUTE_USER },
	{ "POST", "/mentorships/{id}/focus",		mships_focus_post, ROUTE_USER },
	{ "GET",  "/mentorships/{id}/contract",		mships_contract, ROUTE_USER },
	{ "POST", "/mentorships/{id}/contract",		mships_contract_post, ROUTE_USER },
	{ "GET",  "/mentorships/{id}/goals",		mships_contract, ROUTE_USER },
	{ "POST", "/mentorships/{id}/goals",		mships_goals_post, ROUTE_USER },
	{ "GET",  "/mentorships/{id}/review",		mships_review, ROUTE_USER },
	{ "POST", "/mentorships/{id}/review",		mships_review_post, ROUTE_USER },
	{ "GET",  "/mentorships/{id}/record",		mships_record, 0 },
	{ "POST", "/mentorships/{id}/record",		mships_record_share, ROUTE_USER },
	{ "POST", "/mentorships/{id}/checkin",		mships_checkin, ROUTE_USER },
	{ "POST", "/mentorships/{id}/checkins",		mships_checkin_log, ROUTE_USER },
	{ "GET",  "/mentorships/{id}/meetings",		mships_meetings, ROUTE_USER },
	{ "POST", "/mentorships/{id}/meetings",		mships_meetings_post, ROUTE_USER },
	{ "POST", "/mentorships/{id}/meetings/{id}",	mships_meeting_post, ROUTE_USER },
	{ "GET",  "/mentorships/{id}/meetings/{id}.ics", mships_meeting_ics, ROUTE_USER },
	{ "GET",  "/calendar/{secret}.ics",		mships_calendar, 0 },
};

APP_MAIN_KEPT("mentorships", routes, mships_kept)

/* ---- shared helpers ---------------------------------------------------- */

/* Loads the mentorship of the path for a party; otherwise answers. */
int
mships_load(struct req *r, struct mship *m)
{
	return mship_open(r, r->id[0], m, NULL);
}

const char *
mships_path(struct req *r, const struct mship *m, const char *sub)
{
	return req_printf(r, "/mentorships/%lld%s", m->id, sub);
}

int
mships_is(const struct mship *m, const char *a)
{
	return strcmp(m->stage, a) == 0;
}

/* The contract may be written in Initiation, and for a new cycle. */
int
mships_contract_editable(const struct mship *m)
{
	return mships_is(m, "initiation") ||
	    mships_is(m, "separation") ||
	    mships_is(m, "redefinition");
}

/* Both parties of m, other than the actor, are told about a change. */
int
mships_tell(struct req *r, const struct mship *m, const char *subject,
    const char *intro, const char *note, const char *sub)
{
	struct mship_notice n = { .headline = subject, .intro = intro,
	    .note = note, .path = mships_path(r, m, sub) };

	if (mship_mail_count(r, m) == -1)
		return -1;
	return mship_notice_send(r, m, m->other_id, &n);
}

/*
 * 429 and the page again (what was typed kept) once the viewer has
 * mailed the other party too often (lib/mship.h); 1 then, or when the
 * database failed; 0 to go on. For posts that always mail.
 */
int
mships_mail_throttled(struct req *r, struct mship *m,
    void (*page)(struct req *, struct mship *, int, const char *))
{
	const char *why;
	long long wait;

	if ((why = mship_mail_wait(r, m, &wait)) == NULL)
		return wait < 0;
	page(r, m, 429, why);
	return 1;
}
