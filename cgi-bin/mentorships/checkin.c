/*
 * mentorships: Redefinition check-ins: the interval and the log.
 */
#include <stdlib.h>
#include <string.h>

#include "mentorships.h"

/* ---- redefinition check-ins ------------------------------------------- */

static const struct field checkin_f[] = {
	{ "date", F_DATE, 10, 10, 1, NULL },
	{ "note", F_MULTILINE, 0, 4000, 0, NULL },
};
enum { CK_DATE, CK_NOTE, CK_N };
/*
 * The interval: checkin_months, one of the page's choices, so that the
 * page always shows the one stored (show.c: EVERY_n).
 */
static const char *const checkin_months[] = { "1", "3", "6", "12", NULL };
enum { CM_MONTHS, CM_N };


/* The check-in interval, set in Redefinition only (read under lock). */
static int
checkin_tx(struct req *r, void *arg)
{
	struct rwrite *w = arg;
	long long months = strtoll(w->v[CM_MONTHS].str, NULL, 10);
	int rc;

	if ((rc = stage_lock(r, w->m)) != 0)
		return rc;
	if (!mships_is(w->m, "redefinition"))
		return w->why = "Check-ins are set in Redefinition.", 409;
	if (db_exec(r, "UPDATE mentorships SET checkin_months = ?, "
	    "next_checkin = UTC_DATE() + INTERVAL ? MONTH WHERE id = ?", "iii",
	    months, months, w->m->id) == -1)
		return -1;
	return mships_tell(r, w->m, "Check-in interval set", req_printf(r,
	    "%s set your check-ins to every %lld month(s).", r->user.name,
	    months), NULL, "");
}

void
mships_checkin(struct req *r)
{
	static const struct field f[CM_N] = {
		{ "checkin_months", F_CHOICE, 0, 0, 1, checkin_months },
	};
	struct fval v[CM_N];
	struct mship m;
	struct rwrite w = { .m = &m, .v = v };
	int rc;

	if (mships_load(r, &m) == -1)
		return;
	if (!mships_is(&m, "redefinition"))
		return mships_page(r, &m, 409, "Check-ins are set in "
		    "Redefinition.");
	if (field_read(r, f, CM_N, v) > 0)
		return mships_page(r, &m, 422, "Choose a check-in interval: "
		    "every month, or every 3, 6 or 12 months.");
	if (mships_mail_throttled(r, &m, mships_page))
		return;
	if ((rc = db_tx_run(r, checkin_tx, &w)) == -1)
		return;
	if (rc == 404)
		return page_error(r, 404);
	if (rc != 0)
		return mships_page(r, &m, rc, w.why);
	resp_flash(r, "Check-in interval saved.");
	resp_redirect(r, mships_path(r, &m, ""));
}

/*
 * The check-ins logged, newest first, and the form to log one: today's
 * date, or what was typed (cv, a 422).
 */
const char mships_checkins_sql[] = "SELECT k.held_on, k.note, "
    "u.display_name FROM checkins k LEFT JOIN users u ON u.id = k.logged_by "
    "WHERE k.mentorship_id = ? ORDER BY k.held_on DESC, k.id DESC LIMIT 20";

int
mships_checkins_rows(struct req *r, struct tdict *s, const struct db_rows *c,
    const struct fval *cv)
{
	struct tdict *row;
	size_t i;

	for (i = 0; i < c->nrows; i++) {
		row = tmpl_section(s, "LOGGED");
		page_date(r, row, "HELD_ON", db_get(c, i, "held_on"));
		tmpl_set(row, "NOTE", db_get(c, i, "note"));
		tmpl_set(row, "BY", db_get(c, i, "display_name") != NULL ?
		    db_get(c, i, "display_name") : "A former member");
	}
	if (c->nrows == 0)
		tmpl_show(s, "NONE_LOGGED");
	if (cv != NULL)
		page_form(s, checkin_f, CK_N, cv);
	else
		tmpl_set(s, "DATE", page_today(r));
	return 0;
}

/*
 * A check-in held, logged in Redefinition (the stage read under the
 * mentorship's lock, taken before the check-in row's: the one order).
 */
static int
checkin_log_tx(struct req *r, void *arg)
{
	struct rwrite *w = arg;
	struct mship *m = w->m;
	struct fval *v = w->v;
	int rc;

	if ((rc = stage_lock(r, m)) != 0)
		return rc;
	if (!mships_is(m, "redefinition"))
		return w->why = "Check-ins are logged in Redefinition.", 409;
	/* the next falls due an interval after the latest one held */
	if (db_exec(r, "INSERT INTO checkins (mentorship_id, logged_by, "
	    "held_on, note, created_at) VALUES (?, ?, ?, ?, UTC_TIMESTAMP())",
	    "iiss", m->id, r->user.id, v[CK_DATE].str,
	    v[CK_NOTE].str != NULL ? v[CK_NOTE].str : "") < 0 ||
	    db_exec(r, "UPDATE mentorships SET next_checkin = (SELECT "
	    "MAX(held_on) FROM checkins WHERE mentorship_id = ?) + INTERVAL "
	    "checkin_months MONTH WHERE id = ? AND checkin_months IS NOT NULL",
	    "ii", m->id, m->id) < 0)
		return -1;
	return mships_tell(r, m, "Check-in logged", req_printf(r,
	    "%s logged your check-in of %s.", r->user.name, v[CK_DATE].str),
	    v[CK_NOTE].str, "");
}

void
mships_checkin_log(struct req *r)
{
	struct fval v[CK_N];
	struct mship m;
	struct rwrite w = { .m = &m, .v = v };
	struct shown typed = { SHOWN_CHECKIN, v };
	const char *why;
	long long wait;
	int errors, rc;

	if (mships_load(r, &m) == -1)
		return;
	if (!mships_is(&m, "redefinition"))
		return mships_page(r, &m, 409, "Check-ins are logged in "
		    "Redefinition.");
	errors = field_read(r, checkin_f, CK_N, v);
	if (v[CK_DATE].str != NULL && strcmp(v[CK_DATE].str,
	    page_today(r)) > 0) {
		v[CK_DATE].err = "A check-in is logged once it happened: "
		    "choose today or a day before.";
		errors++;
	}
	if (errors > 0)
		return mships_page_with(r, &m, 422, NULL, &typed);
	if ((why = mship_mail_wait(r, &m, &wait)) != NULL)
		return mships_page_with(r, &m, 429, why, &typed);
	if (wait < 0)
		return;
	if ((rc = db_tx_run(r, checkin_log_tx, &w)) == -1)
		return;
	if (rc == 404)
		return page_error(r, 404);
	if (rc != 0)
		return mships_page_with(r, &m, rc, w.why, &typed);
	resp_flash(r, "Check-in logged.");
	resp_redirect(r, mships_path(r, &m, "#checkin-h"));
}
