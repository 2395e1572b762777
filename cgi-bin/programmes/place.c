/*
 * programmes/place: a participant's own place, on the programme's page:
 * the places a mentor offers the programme, changed, and leaving it.
 * Leaving is the participant's choice ('left'), where removing is an
 * organiser's ('removed'): their pairs under way go on, and what they
 * asked or were asked that nobody answered yet is withdrawn, as a
 * removal withdraws it, the other party told. Joining again replaces
 * the place (join.c).
 */
#include <string.h>

#include "cohort.h"
#include "programmes.h"
#include "resp.h"

/* The join form's bounds: a mentor offers 1 to 20 places. */
static const struct field places_f[] = {
	{ "capacity",	F_INT,	1, 20,	1, NULL },
};

/* A place one may change or leave: joined, approved or waiting. */
int
prog_place_open(const char *status)
{
	return strcmp(status, "active") == 0 || strcmp(status, "waiting") == 0;
}

/*
 * The viewer's place in section s of the programme's page: a mentor's
 * places (as typed when typed is not NULL, with its error) and the way
 * out. 0, or -1 db.
 */
int
prog_place_fill(struct req *r, struct tdict *s, const struct prog *p,
    const struct fval *typed)
{
	struct db_rows *c;
	struct tdict *pl;
	long long taken, asked;

	if (!prog_place_open(p->part_status))
		return 0;
	tmpl_set(tmpl_section(s, "CAN_LEAVE"), "REJOIN", strcmp(p->join,
	    "open") == 0 ? "" : " with a new invitation from the organisers");
	if (strcmp(p->part_role, "mentor") != 0)
		return 0;
	c = db_query(r, "SELECT pp.capacity, " COHORT_TAKEN("pp.programme_id",
	    "pp.user_id") " AS taken, " COHORT_ASKED("pp.programme_id",
	    "pp.user_id") " AS asked FROM programme_participants pp WHERE "
	    "pp.id = ?", "i", p->part_id);
	if (c == NULL || c->nrows == 0)
		return c == NULL ? -1 : 0;
	pl = tmpl_section(s, "MY_PLACES");
	/* as the organisers' list says it: pairs, and requests held for */
	asked = db_get_int(c, 0, "asked");
	taken = db_get_int(c, 0, "taken") - asked;
	tmpl_set(pl, "CAPACITY", typed != NULL && typed->raw != NULL ?
	    typed->raw : db_get(c, 0, "capacity"));
	tmpl_set(pl, "TAKEN", req_printf(r, "%lld %s taken now%s", taken,
	    taken == 1 ? "place is" : "places are", asked == 0 ? "" :
	    req_printf(r, ", %lld more held for %s not answered yet", asked,
	    asked == 1 ? "a request" : "requests")));
	if (typed != NULL && typed->err != NULL)
		tmpl_set(tmpl_section(pl, "CAPACITY_ERROR"), "MESSAGE",
		    typed->err);
	return 0;
}

/* The programme the viewer takes part in, in a place still open: 0. */
static int
place_load(struct req *r, struct prog *p)
{
	if (prog_load(r, p) == -1)
		return -1;
	if (p->part_id == 0) {
		page_error_msg(r, 409, "You are not in this programme.");
		return -1;
	}
	if (!prog_place_open(p->part_status)) {
		page_error_msg(r, 409, req_printf(r, "Your place in this "
		    "programme reads \"%s\": there is nothing to change or "
		    "leave.", prog_status_label(p->part_role, p->part_status)));
		return -1;
	}
	return 0;
}

/* A mentor's new places, under the place's lock. */
struct placing {
	long long	 part_id;
	long long	 capacity;
};

/* 0 changed (or the same); 2 the place is no longer open; -1 db. */
static int
places_tx(struct req *r, void *arg)
{
	const struct placing *w = arg;
	const char *status;

	/* left, or closed by an organiser, since the page loaded? */
	status = db_value(r, "SELECT status FROM programme_participants "
	    "WHERE id = ? FOR UPDATE", "i", w->part_id);
	if (status == NULL)
		return r->db_failed ? -1 : 2;
	if (!prog_place_open(status))
		return 2;
	return db_exec(r, "UPDATE programme_participants SET capacity = ? "
	    "WHERE id = ?", "ii", w->capacity, w->part_id) < 0 ? -1 : 0;
}

void
prog_places(struct req *r)
{
	struct prog p;
	struct fval v;
	struct placing w;
	int rc;

	if (place_load(r, &p) == -1)
		return;
	if (strcmp(p.part_role, "mentor") != 0)
		return page_error_msg(r, 409, "Only a mentor offers places.");
	if (field_read(r, places_f, 1, &v) > 0) {
		v.err = "Say how many mentees you can take: 1 to 20.";
		return prog_show_page(r, &p, 422, &v);
	}
	w.part_id = p.part_id;
	w.capacity = v.num;
	if ((rc = db_tx_run(r, places_tx, &w)) == -1)
		return;
	if (rc == 2)
		return page_error_msg(r, 409, "Your place in this programme "
		    "closed meanwhile: nothing was changed.");
	resp_flash(r, req_printf(r, "You offer %lld %s in %s. Pairs under "
	    "way go on; the organisers propose no more than your places "
	    "left.", v.num, v.num == 1 ? "place" : "places", p.name));
	resp_redirect(r, req_printf(r, "/programmes/%s", p.slug));
}

/* What leaving found and did, under the place's lock. */
struct leaving {
	const struct prog	*p;
	const char		*ended;	/* the requests withdrawn, in words */
};

/* 0 left; 2 the place is no longer open; -1 db. */
static int
leave_tx(struct req *r, void *arg)
{
	struct leaving *w = arg;
	long long n;

	/*
	 * A request to or from this person locks their account's row first
	 * (mentorships/request.c): taken here too, none made meanwhile
	 * outlives the place it was made to.
	 */
	if (db_value(r, "SELECT id FROM users WHERE id = ? FOR UPDATE", "i",
	    r->user.id) == NULL)
		return -1;
	n = db_exec(r, "UPDATE programme_participants SET status = 'left', "
	    "decided_at = UTC_TIMESTAMP(), decided_by = ? WHERE id = ? AND "
	    "status IN ('active', 'waiting')", "ii", r->user.id,
	    w->p->part_id);
	if (n == -1)
		return -1;
	if (n == 0)
		return 2;
	/* the other party reads who left, not that someone removed them */
	if (prog_requests_withdraw(r, w->p, r->user.id, w->p->part_role,
	    req_printf(r, "%s left %s.", r->user.name, w->p->name),
	    &w->ended) == -1)
		return -1;
	/* once a day a person: leaving and joining in a loop is no news */
	return prog_tell_organisers(r, w->p, "programme-left",
	    req_printf(r, "%s left %s", r->user.name, w->p->name),
	    req_printf(r, "/programmes/%s/participants",
	    w->p->slug), req_printf(r, "left:%lld:%lld:%s", w->p->id,
	    r->user.id, page_today(r)));
}

void
prog_leave(struct req *r)
{
	struct prog p;
	struct leaving w = { &p, NULL };
	int rc;

	if (place_load(r, &p) == -1)
		return;
	if ((rc = db_tx_run(r, leave_tx, &w)) == -1)
		return;
	if (rc == 2)
		return page_error_msg(r, 409, "You have no place in this "
		    "programme to leave: you left it already, or an organiser "
		    "closed it.");
	resp_flash(r, req_printf(r, "You left %s; the organisers have been "
	    "told. Your pairs under way go on.%s", p.name, w.ended == NULL ?
	    "" : req_printf(r, " Withdrawn, as nobody had answered yet: %s.",
	    w.ended)));
	resp_redirect(r, req_printf(r, "/programmes/%s", p.slug));
}
