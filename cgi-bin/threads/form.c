/*
 * threads: the thread form, a new thread and an edit of one.
 */
#include <limits.h>
#include <string.h>

#include "db.h"
#include "field.h"
#include "mship.h"
#include "page.h"
#include "resp.h"
#include "sess.h"
#include "threads.h"

static const char *const visibilities[] = {
	"public", "mentorship", "private", NULL
};

static const struct field thread_f[] = {
	{ "title",	F_TEXT,		1, 120, 1, NULL },
	{ "purpose",	F_MULTILINE,	0, 2000, 0, NULL },
	{ "visibility",	F_CHOICE,	0, 0, 1, visibilities },
	{ "mentorship",	F_INT,		1, LLONG_MAX, 0, NULL },
};
enum { TF_TITLE, TF_PURPOSE, TF_VIS, TF_MSHIP, TF_N };

/*
 * The thread form: a new thread (t NULL) or thread t's title, purpose,
 * visibility and mentorship (SPEC 6); v is what was typed (a 422), or
 * NULL for a blank form or t as stored.
 */
static void
form_page(struct req *r, const struct thread *t, const struct fval *v,
    int status)
{
	struct tdict *d, *opt;
	struct db_rows *ms;
	const char *chosen = v != NULL ? v[TF_MSHIP].raw : NULL;
	struct fval now[TF_N];
	size_t i;

	ms = db_query(r,
	    "SELECT m.id, m.focus, m.stage, u.display_name, "
	    "m.mentor_id = ? AS mentoring "
	    "FROM mentorships m JOIN users u ON u.id = "
	    "IF(m.mentor_id = ?, m.mentee_id, m.mentor_id) "
	    "WHERE m.mentor_id = ? OR m.mentee_id = ? "
	    "ORDER BY m.id DESC LIMIT 100", "iiii", r->user.id, r->user.id,
	    r->user.id, r->user.id);
	if (ms == NULL)
		return;
	if (t != NULL && v == NULL) {
		memset(now, 0, sizeof(now));
		now[TF_TITLE].raw = t->title;
		now[TF_PURPOSE].raw = t->purpose;
		field_stored(&now[TF_VIS], t->visibility);
		if (t->mentorship_id > 0)
			chosen = req_printf(r, "%lld", t->mentorship_id);
		v = now;
	}
	d = page_new(r, t != NULL ? req_printf(r, "Edit %s", t->title) :
	    "New thread", "threads_new.tpl");
	if (t != NULL) {
		tmpl_set_int(tmpl_section(d, "EDIT"), "THREAD_ID", t->id);
		tmpl_set(d, "THREAD_TITLE", t->title);
	} else
		tmpl_show(d, "NEW");
	if (v != NULL)
		page_form(d, thread_f, TF_N, v);
	else
		tmpl_show(d, "VISIBILITY_PRIVATE");
	for (i = 0; i < ms->nrows; i++) {
		opt = tmpl_section(d, "MSHIP_OPTION");
		tmpl_set(opt, "OPT_ID", db_get(ms, i, "id"));
		tmpl_set(opt, "OPT_LABEL", req_printf(r, "%s — %s %s (%s)",
		    db_get(ms, i, "focus"), db_get_int(ms, i, "mentoring") ?
		    "with mentee" : "with mentor", db_get(ms, i, "display_name"),
		    mship_stage_label(db_get(ms, i, "stage"))));
		if (chosen != NULL && strcmp(chosen, db_get(ms, i, "id")) == 0)
			tmpl_show(opt, "OPT_SELECTED");
	}
	if (ms->nrows == 0)
		tmpl_show(d, "NO_MENTORSHIPS");
	page_send(r, status);
}

void
threads_new(struct req *r)
{
	form_page(r, NULL, NULL, 200);
}

/*
 * The thread form's fields, read and checked together (a new thread and
 * an edit alike): the error count; *mid the linked mentorship's id as
 * text, or NULL for none; -1 database down.
 */
static int
thread_form_read(struct req *r, struct fval *v, const char **mid)
{
	struct mship m;
	int errors, rc;

	*mid = NULL;
	errors = field_read(r, thread_f, TF_N, v);
	if (v[TF_MSHIP].str != NULL) {
		if ((rc = mship_load(r, v[TF_MSHIP].num, &m)) == -1)
			return -1;
		if (rc != 0 || !m.is_party) {
			v[TF_MSHIP].err = "Choose one of your mentorships.";
			errors++;
		} else
			*mid = req_printf(r, "%lld", m.id);
	} else if (v[TF_MSHIP].err == NULL && v[TF_VIS].str != NULL &&
	    strcmp(v[TF_VIS].str, "mentorship") == 0) {
		v[TF_MSHIP].err = "Choose the mentorship whose two members "
		    "may read this thread.";
		errors++;
	}
	/* a public thread is published (lib/sess.h) */
	if (v[TF_VIS].str != NULL && strcmp(v[TF_VIS].str, "public") == 0 &&
	    (v[TF_VIS].err = sess_publish_refused(r)) != NULL)
		errors++;
	return errors;
}

/*
 * A new thread, in a transaction of its own (a form key is claimed with
 * it, once.h) that runs again after a deadlock or a Galera certification
 * failure (db_tx_run).
 */
struct create_write {
	const struct fval	*v;
	const char		*mid;
	long long		 id;	/* the new thread's */
};

static int
create_tx(struct req *r, void *arg)
{
	struct create_write *w = arg;

	if (db_exec(r, "INSERT INTO threads (owner_id, title, purpose, "
	    "visibility, mentorship_id, created_at, updated_at) VALUES "
	    "(?, ?, ?, ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP())", "issss",
	    r->user.id, w->v[TF_TITLE].str, field_opt(&w->v[TF_PURPOSE]),
	    w->v[TF_VIS].str, w->mid) < 0)
		return -1;
	w->id = db_last_id();
	return 0;
}

void
threads_create(struct req *r)
{
	struct fval v[TF_N];
	struct create_write w;
	const char *mid;
	int errors;

	if ((errors = thread_form_read(r, v, &mid)) == -1)
		return;
	if (errors > 0)
		return form_page(r, NULL, v, 422);
	w = (struct create_write){ v, mid, 0 };
	if (db_tx_run(r, create_tx, &w) != 0)
		return;
	resp_flash(r, "Thread started. Write its first entry below.");
	resp_redirect(r, req_printf(r, "/threads/%lld", w.id));
}

void
threads_edit_form(struct req *r)
{
	struct thread t;

	if (thread_get(r, &t) == RESP_DONE)
		return;
	if (!t.is_owner)
		return page_error_msg(r, 403,
		    "Only the person who keeps this thread can change it.");
	form_page(r, &t, NULL, 200);
}

void
threads_edit(struct req *r)
{
	struct thread t;
	struct fval v[TF_N];
	const char *mid;
	int errors;

	if (thread_get(r, &t) == RESP_DONE)
		return;
	if (!t.is_owner)
		return page_error_msg(r, 403,
		    "Only the person who keeps this thread can change it.");
	if ((errors = thread_form_read(r, v, &mid)) == -1)
		return;
	if (errors > 0)
		return form_page(r, &t, v, 422);
	if (db_exec(r, "UPDATE threads SET title = ?, purpose = ?, "
	    "visibility = ?, mentorship_id = ?, updated_at = UTC_TIMESTAMP() "
	    "WHERE id = ?", "ssssi", v[TF_TITLE].str,
	    field_opt(&v[TF_PURPOSE]),
	    v[TF_VIS].str, mid, t.id) < 0)
		return;
	resp_flash(r, "Thread saved.");
	resp_redirect(r, req_printf(r, "/threads/%lld", t.id));
}
