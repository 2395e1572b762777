/*
 * mentorships: a new request: the form and its checks.
 */
#include <string.h>

#include "auth.h"
#include "cohort.h"
#include "mentorships.h"
#include "suggest.h"

/* ---- a new request ---------------------------------------------------- */

enum { NEW_MENTOR, NEW_FOCUS, NEW_MESSAGE, NEW_PROGRAMME, NEW_N };
static const struct field new_f[NEW_N] = {
	{ "mentor", F_SLUG, 1, 40, 1, NULL },
	MSHIPS_FOCUS_FIELD,
	{ "message", F_MULTILINE, 10, 4000, 1, NULL },
	{ "programme", F_SLUG, 3, 40, 0, NULL },	/* a programme's pair */
};

static void
new_form(struct req *r, struct fval *v, const char *slug, const char *err,
    int status)
{
	struct tdict *d = page_new(r, "Request a mentorship",
	    "mentorships_new.tpl");
	struct db_rows *u, *pr = NULL;
	const char *prog = v != NULL ? v[NEW_PROGRAMME].str :
	    req_query(r, "programme");
	int shown = 0;

	if (v != NULL)
		page_form(d, new_f, NEW_N, v);
	else if (req_query(r, "programme") != NULL)
		tmpl_set(d, "PROGRAMME", req_query(r, "programme"));
	/* asked from a suggestion (lib/suggest.h): its reasons, to send on,
	 * if Menteo's own (a link anyone made offers nothing) */
	if (v == NULL && req_query(r, "why") != NULL &&
	    strlen(req_query(r, "why")) < SUGGEST_WHY && auth_why_ok(r, slug,
	    req_query(r, "why"), req_query(r, "ws")))
		/*
		 * Menteo's words about the mentee, in quotation marks: the
		 * mentee's own sentence around them is in the first person,
		 * the reasons name both people
		 */
		tmpl_set(d, "MESSAGE", req_printf(r, "I found you through "
		    "Menteo's suggestions. In Menteo's words: \u201c%s.\u201d"
		    "\n\n", req_query(r, "why")));
	/* asked from a programme's page: it is named, and its way back */
	if (prog != NULL && (pr = db_query(r, "SELECT name, slug FROM "
	    "programmes WHERE slug = ?", "s", prog)) == NULL)
		return;
	if (pr != NULL && pr->nrows == 1) {
		tmpl_set(tmpl_section(d, "IN_PROGRAMME"), "PROG_NAME",
		    db_get(pr, 0, "name"));
		tmpl_set(d, "BACK_HREF", req_printf(r, "/programmes/%s",
		    db_get(pr, 0, "slug")));
		tmpl_set(d, "BACK_TEXT", "Back to the programme");
	} else {
		tmpl_set(d, "BACK_HREF", "/people");
		tmpl_set(d, "BACK_TEXT", "Back to the mentors");
	}
	tmpl_set(d, "HEADING", "Request a mentorship");
	if (slug != NULL) {
		tmpl_set(d, "MENTOR", slug);
		/* a programme's mentor need not be listed in the directory */
		u = db_query(r, "SELECT id, display_name, headline FROM users u "
		    "WHERE slug = ? AND disabled_at IS NULL AND (is_mentor = 1 "
		    "OR EXISTS (SELECT 1 FROM programme_participants pp JOIN "
		    "programmes p ON p.id = pp.programme_id WHERE pp.user_id = "
		    "u.id AND pp.role = 'mentor' AND p.slug = ?))", "ss", slug,
		    prog != NULL ? prog : "");
		if (u == NULL)
			return;
		if (u->nrows == 1) {
			struct tdict *s = tmpl_section(d, "MENTOR_CARD");
			tmpl_set(s, "MENTOR_NAME", db_get(u, 0, "display_name"));
			tmpl_set(s, "MENTOR_HEADLINE", db_get(u, 0, "headline"));
			tmpl_set(d, "HEADING", req_printf(r, "Ask %s to mentor "
			    "you", db_get(u, 0, "display_name")));
			/* asked already: the way to it, and no form to fill in
			 * for nothing (one typed comes back, to copy) */
			if ((shown = mship_already(r, d, db_get_int(u, 0, "id"),
			    db_get(u, 0, "display_name"))) == -1)
				return;
		}
	}
	if (shown == 0)
		tmpl_show(d, "FORM");
	else if (v != NULL && v[NEW_MESSAGE].str != NULL) {
		struct tdict *t = tmpl_section(d, "UNSENT");
		tmpl_set(t, "FOCUS", v[NEW_FOCUS].str != NULL ?
		    v[NEW_FOCUS].str : "");
		tmpl_set(t, "MESSAGE", v[NEW_MESSAGE].str);
	}
	/* a refusal is the request's, not a field's */
	if (err != NULL && shown == 0)
		tmpl_set(tmpl_section(d, "REFUSED"), "REASON", err);
	page_send(r, status);
}

void
mships_new(struct req *r)
{
	const char *slug = req_query(r, "mentor");

	if (!r->user.verified)
		return page_error_msg(r, 403, "Confirm your e-mail address "
		    "first: the link is in the mail we sent you. Then you can "
		    "request a mentorship.");
	new_form(r, NULL, slug, NULL, 200);
}

/*
 * Why this person may not ask this mentor now, or NULL. -1: db. In a
 * programme (prog not NULL) its own rule stands for the directory's: the
 * mentor is approved there and has a place left of those offered to it
 * (*prog_id set); outside, the mentor is listed and has room.
 */
static int
request_refusal(struct req *r, const char *slug, const char *prog,
    long long *mentor_id, long long *prog_id, const char **why)
{
	struct db_rows *u;
	const char *v;
	int room;

	*why = NULL;
	u = db_query(r, "SELECT id, is_mentor, display_name FROM users WHERE "
	    "slug = ? AND disabled_at IS NULL", "s", slug);
	if (u == NULL)
		return -1;
	if (u->nrows == 0 || (prog == NULL && !db_get_int(u, 0, "is_mentor")))
		return *why = "There is no mentor with this name: choose one "
		    "in the mentor directory.", 0;
	*mentor_id = db_get_int(u, 0, "id");
	if (*mentor_id == r->user.id)
		return *why = "You cannot request a mentorship with "
		    "yourself.", 0;
	if (prog != NULL) {
		if (cohort_pair_check(r, prog, *mentor_id, r->user.id,
		    COHORT_MENTEE, prog_id, why) == -1)
			return -1;
		room = *why == NULL;
	} else if ((room = stage_mentor_has_room(r, *mentor_id)) == -1)
		return -1;
	if (*why != NULL)
		return 0;
	if (!room)
		return *why = req_printf(r, "%s has no room for another mentee "
		    "right now: try again later or choose another mentor.",
		    db_get(u, 0, "display_name")), 0;
	v = db_value(r, "SELECT COUNT(*) FROM mentorships WHERE mentor_id = ? "
	    "AND mentee_id = ? AND stage IN (" STAGES_OPEN ")", "ii", *mentor_id,
	    r->user.id);
	if (v == NULL)
		return -1;
	if (strcmp(v, "0") != 0)
		return *why = req_printf(r, "You already have an open request "
		    "or mentorship with %s.", db_get(u, 0, "display_name")), 0;
	return 0;
}

/*
 * Requests one person sends: REQUEST_LIMIT an hour, and to one mentor
 * REQUEST_SAME_LIMIT a day (asked, withdrawn, asked again), no more
 * (auth_throttle_cap). Each is a mail the mentor did not ask for and
 * cannot stop, with words the sender chose.
 */
#define REQUEST_LIMIT		5
#define REQUEST_SAME_LIMIT	3

static const char *
request_bucket(struct req *r, long long mentor_id)
{
	return mentor_id > 0 ? req_printf(r, "request:%lld:%lld", r->user.id,
	    mentor_id) : req_printf(r, "request:%lld", r->user.id);
}

/*
 * The seconds a request to mentor_id must wait (0: none, -1: db), and
 * whether the cap reached is that mentor's (*same).
 */
static long long
request_wait(struct req *r, long long mentor_id, int *same)
{
	long long all, one;

	if ((all = auth_throttle_wait(r, request_bucket(r, 0))) < 0 ||
	    (one = auth_throttle_wait(r, request_bucket(r, mentor_id))) < 0)
		return -1;
	*same = one > all;
	return *same ? one : all;
}

/*
 * The request, in a transaction that runs again after a deadlock or a
 * Galera certification failure (db_tx_run), as a stage move is: its
 * rows, the mentor's notification and mail, counted against the
 * sender. 1: refused, why says why; 2: capped, for w->wait seconds (it
 * answers nothing: the caller says so once the transaction is over).
 */
struct new_write {
	struct fval	*v;
	const char	*why;
	long long	 wait;
	int		 same;	/* capped: the mentor's cap, not the hour's */
	struct mship	 m;
};

static int
new_tx(struct req *r, void *arg)
{
	struct new_write *w = arg;
	struct fval *v = w->v;
	struct mship_notice n = { 0 };
	long long mentor_id = 0, prog_id = 0, id;
	const char *prog = NULL;

	/*
	 * Both accounts locked before anything is read: the mentee's
	 * serialises two identical requests; the mentor's, the places
	 * counted below, with another request to the same mentor, a
	 * proposal, a place left or removed and an account deleted, each of
	 * which takes it first (programmes/place.c, participants.c,
	 * matching.c, admin/data.c). Read after the locks, what follows is
	 * what they committed: the snapshot of REPEATABLE READ begins at a
	 * transaction's first plain read (two requests took a mentor's last
	 * place, found in a review).
	 */
	if (db_query(r, "SELECT id FROM users WHERE id = ? FOR UPDATE", "i",
	    r->user.id) == NULL || db_query(r, "SELECT id FROM users WHERE "
	    "slug = ? FOR UPDATE", "s", v[NEW_MENTOR].str) == NULL ||
	    request_refusal(r, v[NEW_MENTOR].str,
	    v[NEW_PROGRAMME].str, &mentor_id, &prog_id, &w->why) == -1)
		return -1;
	if (w->why != NULL)
		return 1;
	if ((w->wait = request_wait(r, mentor_id, &w->same)) != 0)
		return w->wait < 0 ? -1 : 2;
	if (auth_throttle_cap(r, request_bucket(r, 0), REQUEST_LIMIT, 60) ==
	    -1 || auth_throttle_cap(r, request_bucket(r, mentor_id),
	    REQUEST_SAME_LIMIT, 24 * 60) == -1)
		return -1;
	if (db_exec(r, "INSERT INTO mentorships (mentor_id, mentee_id, stage, "
	    "focus, message, stage_changed_at, created_at) VALUES (?, ?, "
	    "'requested', ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP())", "iiss",
	    mentor_id, r->user.id, v[NEW_FOCUS].str, v[NEW_MESSAGE].str) != 1)
		return -1;
	id = db_last_id();
	if ((prog_id > 0 && cohort_pair_terms(r, id, prog_id, 0) == -1) ||
	    db_exec(r, "INSERT INTO stage_events (mentorship_id, from_stage, "
	    "to_stage, actor_id, note, created_at) VALUES (?, NULL, "
	    "'requested', ?, ?, UTC_TIMESTAMP())", "iis", id, r->user.id,
	    v[NEW_MESSAGE].str) != 1 || mship_load(r, id, &w->m) != 0)
		return -1;
	/* a mentor in several programmes reads which one asks (found
	 * walking) */
	if (prog_id > 0 && (prog = db_value(r, "SELECT name FROM programmes "
	    "WHERE id = ?", "i", prog_id)) == NULL)
		return -1;
	n.headline = "New mentorship request";
	n.intro = req_printf(r, "%s asks you to mentor them on \"%s\"%s. "
	    "Accept, ask for more, or decline on the mentorship page.",
	    r->user.name, v[NEW_FOCUS].str, prog != NULL ? req_printf(r,
	    ", in %s", prog) : "");
	n.note = v[NEW_MESSAGE].str;
	n.path = mships_path(r, &w->m, "");
	n.dedup = req_printf(r, "requested:%lld", id);
	return mship_notice_send(r, &w->m, mentor_id, &n);
}

void
mships_create(struct req *r)
{
	struct fval v[NEW_N];
	struct new_write w = { v, NULL, 0, 0, { 0 } };
	int rc;

	if (!r->user.verified)
		return page_error_msg(r, 403, "Confirm your e-mail address "
		    "first: the link is in the mail we sent you. Then you can "
		    "request a mentorship.");
	if (field_read(r, new_f, NEW_N, v) > 0)
		return new_form(r, v, v[NEW_MENTOR].str, NULL, 422);
	if ((rc = db_tx_run(r, new_tx, &w)) == 1)
		return new_form(r, v, v[NEW_MENTOR].str, w.why, 422);
	if (rc == 2)
		return new_form(r, v, v[NEW_MENTOR].str, req_printf(r, "You "
		    "have sent %s requests lately. So that mentors are not "
		    "flooded, wait %s before the next; what you wrote is kept "
		    "below.", w.same ? "this mentor several" : "many",
		    auth_retry_after(r, w.wait)), 429);
	if (rc != 0)
		return;
	resp_flash(r, "Your request was sent. You will get an e-mail when "
	    "the mentor answers.");
	resp_redirect(r, mships_path(r, &w.m, ""));
}
