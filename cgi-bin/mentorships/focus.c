/*
 * mentorships: the pair renames their mentorship. Its focus is its name
 * on every page and in every mail; a request names it, but a pair the
 * organisers proposed for a mentee who named nothing starts as
 * "Mentoring in <programme>", and what a pair works on moves. Either
 * party renames it from Initiation on, while it is open; the other is
 * told, with the name it had. A request is the mentee's words until it
 * is answered: neither renames it then.
 */
#include <string.h>

#include "mentorships.h"

static const struct field focus_f[] = { MSHIPS_FOCUS_FIELD };

/* What renaming found under the mentorship's lock. */
struct renaming {
	struct mship	*m;
	const char	*to;
	const char	*was;	/* the name it had, read under the lock */
	const char	*why;	/* refused: why */
};

/* Why m is not renamed now, or NULL. */
static const char *
rename_refusal(const struct mship *m)
{
	if (!m->is_open)
		return "This mentorship is closed: its name stays as it was.";
	if (mships_is(m, "requested"))
		return "A request keeps the words it was made with until it is "
		    "answered: rename the mentorship once it is accepted.";
	return NULL;
}

/*
 * The rename form of an open mentorship, folded away unless it comes
 * back as typed (focus: the field, with its error).
 */
void
mships_rename_form(struct tdict *d, const struct mship *m,
    const struct fval *focus)
{
	struct tdict *s;

	if (rename_refusal(m) != NULL)
		return;
	s = tmpl_section(d, "RENAME");
	if (focus == NULL) {
		tmpl_set(s, "FOCUS", m->focus);
		return;
	}
	page_form(s, focus_f, 1, focus);
	tmpl_show(s, "OPEN");
}

/* 0 renamed, or nothing to rename (was equals to); 409, 404; -1 db. */
static int
rename_tx(struct req *r, void *arg)
{
	struct renaming *w = arg;
	int rc;

	if ((rc = stage_lock(r, w->m)) != 0)
		return rc;
	if ((w->why = rename_refusal(w->m)) != NULL)
		return 409;
	if ((w->was = db_value(r, "SELECT focus FROM mentorships WHERE id = ?",
	    "i", w->m->id)) == NULL)
		return -1;
	w->was = req_strdup(r, w->was);
	if (strcmp(w->was, w->to) == 0)
		return 0;
	if (db_exec(r, MSHIP_RENAMES_INSERT "m.id = ?", "siii", w->to,
	    r->user.id, 0LL, w->m->id) != 1 || db_exec(r, "UPDATE mentorships "
	    "SET focus = ? WHERE id = ?", "si", w->to, w->m->id) == -1)
		return -1;
	w->m->focus = w->to;	/* the mail names it as it is now */
	return mships_tell(r, w->m, "Mentorship renamed", req_printf(r,
	    "%s renamed your mentorship “%s” to “%s”.", r->user.name,
	    w->was, w->to), NULL, "");
}

void
mships_focus_post(struct req *r)
{
	struct fval v;
	struct mship m;
	struct renaming w = { .m = &m };
	struct shown typed = { SHOWN_FOCUS, &v };
	const char *why;
	long long wait;
	int rc;

	if (mships_load(r, &m) == -1)
		return;
	if ((why = rename_refusal(&m)) != NULL)
		return mships_page(r, &m, 409, why);
	if (field_read(r, focus_f, 1, &v) > 0)
		return mships_page_with(r, &m, 422, NULL, &typed);
	if ((why = mship_mail_wait(r, &m, &wait)) != NULL)
		return mships_page_with(r, &m, 429, why, &typed);
	if (wait < 0)
		return;
	w.to = v.str;
	if ((rc = db_tx_run(r, rename_tx, &w)) == -1)
		return;
	if (rc == 404)
		return page_error(r, 404);
	if (rc != 0)
		return mships_page_with(r, &m, rc, w.why, &typed);
	resp_flash(r, strcmp(w.was, w.to) == 0 ? "The name is as it was: "
	    "nothing changed." : req_printf(r, "Renamed “%s”. %s has been "
	    "told.", w.to, m.is_mentor ? m.mentee_name : m.mentor_name));
	resp_redirect(r, mships_path(r, &m, ""));
}
