/*
 * threads: entries (add, show, edit, delete) and the mentor's feedback
 * on them.
 */

#include "db.h"
#include "field.h"
#include "mail.h"
#include "md.h"
#include "page.h"
#include "resp.h"
#include "threads.h"

static const struct field comment_f[] = {
	{ "body",	F_MULTILINE,	1, 5000, 1, NULL },
};
enum { CF_BODY, CF_N };

/*
 * An entry added, changed or deleted with its thread's updated_at, in
 * one transaction that runs again after a deadlock (db_tx_run): the
 * triggers of an entry and of a room message of the same pair both move
 * that pair's week (pair_weeks), and two such writes at once deadlocked
 * (a burst of the bench's mixed writes answered one of them 503).
 */
struct entry_write {
	enum { ENTRY_ADD, ENTRY_EDIT, ENTRY_DELETE } op;
	long long		 thread;
	long long		 id;	/* the entry; ENTRY_ADD: the new one's */
	const struct fval	*v;	/* ENTRY_ADD, ENTRY_EDIT: the form */
};

static int
entry_tx(struct req *r, void *arg)
{
	struct entry_write *w = arg;
	long long n;

	/* the thread's row first, as feedback takes it (comment_tx): the
	 * other order made a cycle with the version row both triggers move */
	if (touch_thread(r, w->thread) == -1)
		return -1;
	if (w->op == ENTRY_ADD) {
		n = db_exec(r, "INSERT INTO thread_entries (thread_id, kind, "
		    "body, created_at, updated_at) VALUES (?, ?, ?, "
		    "UTC_TIMESTAMP(), UTC_TIMESTAMP())", "iss", w->thread,
		    w->v[EF_KIND].str, w->v[EF_BODY].str);
		w->id = db_last_id();
	} else if (w->op == ENTRY_EDIT)
		n = db_exec(r, "UPDATE thread_entries SET kind = ?, body = ?, "
		    "updated_at = UTC_TIMESTAMP() WHERE id = ?", "ssi",
		    w->v[EF_KIND].str, w->v[EF_BODY].str, w->id);
	else
		n = db_exec(r, "DELETE FROM thread_entries WHERE id = ?", "i",
		    w->id);
	return n < 0 ? -1 : 0;
}

void
threads_entry_add(struct req *r)
{
	struct thread t;
	struct fval v[EF_N];
	struct entry_write w = { ENTRY_ADD, 0, 0, v };

	if (thread_get(r, &t) == RESP_DONE)
		return;
	if (!t.is_owner)
		return page_error_msg(r, 403,
		    "Only the person who keeps this thread writes in it.");
	if (field_read(r, entry_f, EF_N, v) > 0)
		return show_page(r, &t, v, 422);
	w.thread = t.id;
	if (db_tx_run(r, entry_tx, &w) != 0)
		return;
	resp_flash(r, "Entry added.");
	resp_redirect(r, req_printf(r, "/threads/%lld#entry-%lld", t.id,
	    w.id));
}

/*
 * One entry with its feedback: the owner's edit form (ev: put back after
 * a 422) and the mentor's comment form (cv: likewise).
 */
static void
entry_page(struct req *r, const struct thread *t, const struct entry *e,
    const struct fval *ev, const struct fval *cv, int status)
{
	struct db_rows *cm;
	struct tdict *d, *c;

	if ((cm = comments_load(r, t, e->id, e->id)) == NULL)
		return;
	d = page_new(r, req_printf(r, "%s: %s", entry_kind_label(e->kind),
	    t->title), "threads_entry.tpl");
	thread_head(r, d, t);
	entry_fill(r, d, t, req_printf(r, "%lld", e->id), e->kind, e->body,
	    e->created_at, e->updated_at);
	comments_fill(r, d, t, cm, e->id);
	if (cm->nrows == 0)
		tmpl_show(d, "NO_COMMENTS");
	if (t->is_owner) {
		if (ev != NULL)
			page_form(d, entry_f, EF_N, ev);
		else {
			tmpl_set(d, "BODY", e->body);
			tmpl_show(d, choice_key(r, "KIND_", e->kind));
		}
	}
	if (cv != NULL) {
		c = tmpl_section(d, "COMMENT_ERROR");
		tmpl_set(c, "MESSAGE", cv[CF_BODY].err);
		tmpl_set(d, "COMMENT_BODY", cv[CF_BODY].raw);
	}
	page_send(r, status);
}

void
threads_entry_show(struct req *r)
{
	struct thread t;
	struct entry e;

	if (thread_get(r, &t) == RESP_GO_ON &&
	    entry_get(r, &t, &e) == RESP_GO_ON)
		entry_page(r, &t, &e, NULL, NULL, 200);
}

void
threads_entry_edit(struct req *r)
{
	struct thread t;
	struct entry e;
	struct fval v[EF_N];
	struct entry_write w = { ENTRY_EDIT, 0, 0, v };

	if (thread_get(r, &t) == RESP_DONE ||
	    entry_get(r, &t, &e) == RESP_DONE)
		return;
	if (!t.is_owner)
		return page_error_msg(r, 403,
		    "Only the person who wrote this entry can change it.");
	if (field_read(r, entry_f, EF_N, v) > 0)
		return entry_page(r, &t, &e, v, NULL, 422);
	w.thread = t.id;
	w.id = e.id;
	if (db_tx_run(r, entry_tx, &w) != 0)
		return;
	resp_flash(r, "Entry saved.");
	resp_redirect(r, req_printf(r, "/threads/%lld#entry-%lld", t.id,
	    e.id));
}

void
threads_entry_delete(struct req *r)
{
	struct thread t;
	struct entry e;
	struct entry_write w = { ENTRY_DELETE, 0, 0, NULL };

	if (thread_get(r, &t) == RESP_DONE ||
	    entry_get(r, &t, &e) == RESP_DONE)
		return;
	if (!t.is_owner)
		return page_error_msg(r, 403,
		    "Only the person who wrote this entry can delete it.");
	w.thread = t.id;
	w.id = e.id;
	if (db_tx_run(r, entry_tx, &w) != 0)
		return;
	resp_flash(r, "Entry deleted.");
	resp_redirect(r, req_printf(r, "/threads/%lld", t.id));
}

/* ---- mentor feedback ------------------------------------------------------ */

/*
 * Tells the other side of the conversation about comment cid, in the
 * transaction that stored it: the mentor's feedback to the owner, the
 * owner's answer to the mentor (mail and notification both).
 */
static int
comment_mail(struct req *r, const struct thread *t, const struct entry *e,
    long long cid, const char *body)
{
	int answer = t->is_owner;
	long long to = answer ? t->m.mentor_id : t->owner_id;
	const char *path = req_printf(r, "/threads/%lld/entries/%lld", t->id,
	    e->id), *kind = answer ? "thread-answer" : "thread-feedback";
	struct tdict *d;
	int rc;

	if (to == r->user.id || to <= 0)
		return 0;	/* nobody else to tell */
	d = tmpl_dict_new("mail");
	if (mail_link_set(r, d, to, path) == -1) {
		tmpl_dict_free(d);
		return -1;
	}
	tmpl_set(d, answer ? "OWNER_NAME" : "MENTOR_NAME", r->user.name);
	tmpl_set(d, "THREAD_TITLE", t->title);
	tmpl_set(d, "KIND_LABEL", entry_kind_label(e->kind));
	tmpl_set(d, "COMMENT", body);
	tmpl_set(d, "COMMENT_HTML", md_html(r, body));
	rc = mail_notify(r, kind, to, answer ? req_printf(r, "%s answered "
	    "your feedback on their Growth Thread", r->user.name) :
	    req_printf(r, "Feedback from %s on your Growth Thread",
	    r->user.name), path, answer ? "mail/thread_answer" :
	    "mail/thread_feedback", d, req_printf(r, "%s:%lld", kind, cid));
	tmpl_dict_free(d);
	return rc == -1 ? -1 : 0;
}

/*
 * A comment with its mail, run again after a deadlock as entry_tx is.
 * Stored only while the thread is still shared with the open pair it
 * was read with, read under the lock the insert takes: a thread made
 * private or unlinked, or a pair ended, since the page was read took
 * feedback and mailed it (found in a review). 409: no longer.
 */
struct comment_write {
	const struct thread	*t;
	const struct entry	*e;
	const char		*body;
	long long		 id;	/* the new comment's */
};

static int
comment_tx(struct req *r, void *arg)
{
	struct comment_write *w = arg;
	long long n;

	n = db_exec(r, "INSERT INTO thread_comments (entry_id, author_id, "
	    "body, created_at) SELECT ?, ?, ?, UTC_TIMESTAMP() FROM threads t "
	    "JOIN mentorships m ON m.id = t.mentorship_id WHERE t.id = ? AND "
	    "m.id = ? AND (t.owner_id = ? OR t.visibility <> 'private') AND "
	    "m.stage IN (" STAGES_OPEN ") LOCK IN SHARE MODE", "iisiii",
	    w->e->id, r->user.id, w->body, w->t->id, w->t->m.id, r->user.id);
	if (n <= 0)
		return n < 0 ? -1 : 409;
	w->id = db_last_id();
	return comment_mail(r, w->t, w->e, w->id, w->body);
}

void
threads_comment(struct req *r)
{
	struct thread t;
	struct entry e;
	struct fval v[CF_N];
	struct db_rows *n = NULL;
	struct comment_write w = { &t, &e, NULL, 0 };
	int rc;

	if (thread_get(r, &t) == RESP_DONE ||
	    entry_get(r, &t, &e) == RESP_DONE)
		return;
	/* the owner answers feedback: there must be some to answer */
	if (t.is_owner && t.linked && (n = db_query(r, "SELECT COUNT(*) "
	    "AS feedback FROM thread_comments WHERE entry_id = ? AND author_id <> ?",
	    "ii", e.id, t.owner_id)) == NULL)
		return;
	if (!t.can_comment && !(t.is_owner && t.linked &&
	    db_get_int(n, 0, "feedback") > 0))
		return page_error_msg(r, 403, "Only the mentor of the linked "
		    "mentorship leaves feedback here; the person who keeps "
		    "the thread answers it.");
	if (!t.m.is_open)
		return page_error_msg(r, 403, "This mentorship has closed: "
		    "its threads take no more feedback.");
	if (field_read(r, comment_f, CF_N, v) > 0)
		return entry_page(r, &t, &e, NULL, v, 422);
	w.body = v[CF_BODY].str;
	if ((rc = db_tx_run(r, comment_tx, &w)) == 409)
		return page_error_msg(r, 409, "This thread is no longer shared "
		    "with an open mentorship of yours: nothing was posted.");
	if (rc != 0)
		return;
	resp_flash(r, t.is_owner ? "Answer posted." : "Feedback posted.");
	resp_redirect(r, req_printf(r, "/threads/%lld/entries/%lld#comment-%lld",
	    t.id, e.id, w.id));
}
