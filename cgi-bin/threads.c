/*
 * threads: Growth Threads (docs/product.md), a person's learning-in-public
 * journal: threads, their entries, the mentor's feedback, an Atom feed.
 *
 * Visibility, the same rule on every page, form and feed here:
 *   public      anyone, signed in or not (and the Atom feed);
 *   mentorship  the owner and the two parties of the linked mentorship;
 *   private     the owner alone.
 * A thread the viewer may not read answers 404, exactly like one that
 * does not exist, so that its title and its very existence stay private
 * (a 403 would confirm it is there). That holds for the page, each entry,
 * every POST to it, and the feed. A thread the viewer can read but that
 * is not theirs answers 403 to a change (edit, delete, new entry), and
 * to feedback from anyone but the mentor of the linked mentorship. The
 * feed exists for public threads only: any other answers 404, the owner
 * included, since feed readers keep and share what they fetch.
 */
#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "cfg.h"
#include "db.h"
#include "field.h"
#include "kept.h"
#include "mail.h"
#include "md.h"
#include "mship.h"
#include "once.h"
#include "page.h"
#include "resp.h"
#include "sess.h"

#define THREAD_PAGE	30	/* entries on one page of a thread */
#define LIST_PAGE	50	/* threads on one page of /threads */
#define FEED_ENTRIES	50	/* newest entries in the Atom feed */
#define SUMMARY_MAX	60	/* bytes of the body in a feed entry's title */

static void	threads_index(struct req *);
static void	threads_new(struct req *);
static void	threads_create(struct req *);
static void	threads_show(struct req *);
static void	threads_edit_form(struct req *);
static void	threads_edit(struct req *);
static void	threads_atom(struct req *);
static void	threads_entry_add(struct req *);
static void	threads_entry_show(struct req *);
static void	threads_entry_edit(struct req *);
static void	threads_entry_delete(struct req *);
static void	threads_comment(struct req *);

static const struct route routes[] = {
	{ "GET",  "/threads",				threads_index,	ROUTE_USER },
	{ "GET",  "/threads/new",			threads_new,	ROUTE_USER },
	{ "POST", "/threads/new",			threads_create,	ROUTE_USER },
	{ "GET",  "/threads/{id}.atom",			threads_atom,	0 },
	{ "GET",  "/threads/{id}",			threads_show,	0 },
	{ "GET",  "/threads/{id}/edit",			threads_edit_form, ROUTE_USER },
	{ "POST", "/threads/{id}/edit",			threads_edit,	ROUTE_USER },
	{ "POST", "/threads/{id}/entries",		threads_entry_add, ROUTE_USER },
	{ "GET",  "/threads/{id}/entries/{id}",		threads_entry_show, 0 },
	{ "POST", "/threads/{id}/entries/{id}",		threads_entry_edit, ROUTE_USER },
	{ "POST", "/threads/{id}/entries/{id}/delete",	threads_entry_delete, ROUTE_USER },
	{ "POST", "/threads/{id}/entries/{id}/comments", threads_comment, ROUTE_USER },
};

APP_MAIN("threads", routes)

static const char *const kinds[] = {
	"assumption", "experiment", "failure", "breakthrough", "lesson",
	"update", NULL
};
static const char *const kind_labels[] = {
	"Assumption", "Experiment", "Failure", "Breakthrough", "Lesson",
	"Update", NULL
};
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

static const struct field entry_f[] = {
	{ "kind",	F_CHOICE,	0, 0, 1, kinds },
	{ "body",	F_MULTILINE,	1, 20000, 1, NULL },
};
enum { EF_KIND, EF_BODY, EF_N };

static const struct field comment_f[] = {
	{ "body",	F_MULTILINE,	1, 5000, 1, NULL },
};

/* Query of a thread page; read with field_check, never field_read, since
 * a 422 re-shows the page from a POST whose form has its own "kind". */
static const struct field filter_f[] = {
	{ "kind",	F_CHOICE,	0, 0, 0, kinds },
	{ "before",	F_INT,		1, LLONG_MAX, 0, NULL },
};

struct thread {
	long long	 id;
	long long	 owner_id;
	long long	 mentorship_id;
	const char	*title;
	const char	*purpose;
	const char	*visibility;
	const char	*owner_name;
	const char	*owner_slug;
	const char	*created_at;
	const char	*updated_iso;	/* RFC 3339, UTC */
	const char	*version;	/* of its entries (sql/095), or NULL */
	int		 is_owner;
	int		 linked;	/* m holds the linked mentorship */
	int		 can_comment;	/* viewer is the linked mentor */
	struct mship	 m;
};

struct entry {
	long long	 id;
	const char	*kind;
	const char	*body;
	const char	*created_at;
	const char	*updated_at;
};

static const char *
kind_label(const char *kind)
{
	size_t i;

	for (i = 0; kinds[i] != NULL; i++)
		if (strcmp(kinds[i], kind) == 0)
			return kind_labels[i];
	return "Entry";
}

/* The section page_form shows for a chosen option: "KIND_LESSON". */
static const char *
choice_key(struct req *r, const char *prefix, const char *value)
{
	char *k = req_printf(r, "%s%s", prefix, value), *p;

	for (p = k; *p != '\0'; p++)
		*p = (char)toupper((unsigned char)*p);
	return k;
}

/* "YYYY-MM-DD HH:MM:SS" (UTC) as an HTML datetime: "…T…Z". */
static const char *
iso_time(struct req *r, const char *utc)
{
	char *s = req_printf(r, "%sZ", utc);

	if (strlen(s) > 10 && s[10] == ' ')
		s[10] = 'T';
	return s;
}

static void
set_visibility(struct tdict *d, const char *vis)
{
	tmpl_set(d, "VISIBILITY", vis);
	if (strcmp(vis, "public") == 0) {
		tmpl_set(d, "VIS_LABEL", "Public");
		tmpl_set(d, "VIS_CLASS", "success");
	} else if (strcmp(vis, "mentorship") == 0) {
		tmpl_set(d, "VIS_LABEL", "Mentorship only");
		tmpl_set(d, "VIS_CLASS", "info");
	} else {
		tmpl_set(d, "VIS_LABEL", "Private");
		tmpl_set(d, "VIS_CLASS", "warning");
	}
}

/*
 * Loads thread id if the viewer may read it: 0, 404 (unknown or not
 * theirs to read: the same answer on purpose), -1 database down.
 */
static int
thread_load(struct req *r, long long id, struct thread *t)
{
	struct db_rows *row;
	int rc, visible;

	memset(t, 0, sizeof(*t));
	row = db_query(r,
	    "SELECT t.id, t.owner_id, t.mentorship_id, t.title, t.purpose, "
	    "t.visibility, u.display_name, u.slug, t.created_at, "
	    "DATE_FORMAT(t.updated_at, '%Y-%m-%dT%H:%i:%sZ'), "
	    "u.disabled_at IS NOT NULL, v.version "
	    "FROM threads t JOIN users u ON u.id = t.owner_id "
	    "LEFT JOIN thread_versions v ON v.thread_id = t.id WHERE t.id = ?",
	    "i", id);
	if (row == NULL)
		return -1;
	if (row->nrows == 0)
		return 404;
	/* a disabled account's pages disappear with its profile */
	if (db_int(row, 0, 10) != 0 && r->user.id != db_int(row, 0, 1))
		return 404;
	t->id = db_int(row, 0, 0);
	t->owner_id = db_int(row, 0, 1);
	t->mentorship_id = db_int(row, 0, 2);
	t->title = db_str(row, 0, 3);
	t->purpose = db_str(row, 0, 4);
	t->visibility = db_str(row, 0, 5);
	t->owner_name = db_str(row, 0, 6);
	t->owner_slug = db_str(row, 0, 7);
	t->created_at = db_str(row, 0, 8);
	t->updated_iso = db_str(row, 0, 9);
	t->version = db_str(row, 0, 11);
	t->is_owner = r->user.id > 0 && r->user.id == t->owner_id;
	if (t->mentorship_id > 0 && r->user.id > 0) {
		if ((rc = mship_load(r, t->mentorship_id, &t->m)) == -1)
			return -1;
		t->linked = rc == 0;
	}
	if (strcmp(t->visibility, "public") == 0)
		visible = 1;
	else if (strcmp(t->visibility, "mentorship") == 0)
		visible = t->is_owner || (t->linked && t->m.is_party);
	else
		visible = t->is_owner;
	if (!visible)
		return 404;
	t->can_comment = t->linked && t->m.is_mentor;
	return 0;
}

/* thread_load that answers for itself: RESP_GO_ON or RESP_DONE (resp.h). */
static int
thread_get(struct req *r, struct thread *t)
{
	switch (thread_load(r, r->id[0], t)) {
	case 0:
		return RESP_GO_ON;
	case -1:
		return RESP_DONE;
	default:
		page_error(r, 404);
		return RESP_DONE;
	}
}

/* Entry r->id[1] of thread t: RESP_GO_ON, or RESP_DONE (404 or 503). */
static int
entry_get(struct req *r, const struct thread *t, struct entry *e)
{
	struct db_rows *row;

	row = db_query(r, "SELECT id, kind, body, created_at, updated_at "
	    "FROM thread_entries WHERE id = ? AND thread_id = ?", "ii",
	    r->id[1], t->id);
	if (row == NULL)
		return RESP_DONE;
	if (row->nrows == 0) {
		page_error(r, 404);
		return RESP_DONE;
	}
	e->id = db_int(row, 0, 0);
	e->kind = db_str(row, 0, 1);
	e->body = db_str(row, 0, 2);
	e->created_at = db_str(row, 0, 3);
	e->updated_at = db_str(row, 0, 4);
	return RESP_GO_ON;
}

static int
touch_thread(struct req *r, long long id)
{
	return db_exec(r, "UPDATE threads SET updated_at = UTC_TIMESTAMP() "
	    "WHERE id = ?", "i", id) < 0 ? -1 : 0;
}

/* ---- /threads ---------------------------------------------------------- */

static void
threads_index(struct req *r)
{
	struct tdict *d, *row;
	struct db_rows *mine, *shared;
	struct fval before;
	size_t i, n;

	if (field_check(r->arena, &filter_f[1], req_query(r, "before"),
	    &before) != 0)
		return page_error(r, 400);
	mine = db_query(r,
	    "SELECT t.id, t.title, t.visibility, t.updated_at, "
	    "(SELECT COUNT(*) FROM thread_entries e WHERE e.thread_id = t.id) "
	    "FROM threads t WHERE t.owner_id = ? AND t.id < ? "
	    "ORDER BY t.id DESC LIMIT 51", "ii", r->user.id,
	    before.str != NULL ? before.num : LLONG_MAX);
	if (mine == NULL)
		return;
	/* others' threads this person may read through a mentorship */
	shared = db_query(r,
	    "SELECT t.id, t.title, t.visibility, t.updated_at, u.display_name "
	    "FROM mentorships m JOIN threads t ON t.mentorship_id = m.id "
	    "JOIN users u ON u.id = t.owner_id "
	    "WHERE (m.mentor_id = ? OR m.mentee_id = ?) AND t.owner_id <> ? "
	    "AND t.visibility IN ('public', 'mentorship') "
	    "ORDER BY t.updated_at DESC LIMIT 100", "iii", r->user.id,
	    r->user.id, r->user.id);
	if (shared == NULL)
		return;
	d = page_new(r, "Growth Threads", "threads_index.tpl");
	n = mine->nrows > LIST_PAGE ? LIST_PAGE : mine->nrows;
	for (i = 0; i < n; i++) {
		row = tmpl_section(d, "MINE");
		tmpl_set(row, "ID", db_str(mine, i, 0));
		tmpl_set(row, "TITLE", db_str(mine, i, 1));
		set_visibility(row, db_str(mine, i, 2));
		page_time(r, row, "UPDATED", db_str(mine, i, 3));
		tmpl_set(row, "ENTRIES", db_str(mine, i, 4));
	}
	if (n == 0 && before.str == NULL)
		tmpl_show(d, "NONE");
	if (mine->nrows > LIST_PAGE)
		tmpl_set(tmpl_section(d, "OLDER"), "OLDER_BEFORE",
		    db_str(mine, n - 1, 0));
	for (i = 0; i < shared->nrows; i++) {
		row = tmpl_section(d, "SHARED");
		tmpl_set(row, "ID", db_str(shared, i, 0));
		tmpl_set(row, "TITLE", db_str(shared, i, 1));
		set_visibility(row, db_str(shared, i, 2));
		page_time(r, row, "UPDATED", db_str(shared, i, 3));
		tmpl_set(row, "OWNER", db_str(shared, i, 4));
	}
	if (shared->nrows > 0)
		tmpl_show(d, "HAS_SHARED");
	page_send(r, 200);
}

/* ---- /threads/new, /threads/{id}/edit ------------------------------------ */

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
	    "SELECT m.id, m.focus, m.stage, u.display_name, m.mentor_id = ? "
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
		now[TF_VIS].raw = now[TF_VIS].str = t->visibility;
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
		tmpl_set(opt, "OPT_ID", db_str(ms, i, 0));
		tmpl_set(opt, "OPT_LABEL", req_printf(r, "%s — %s %s (%s)",
		    db_str(ms, i, 1), db_int(ms, i, 4) ? "with mentee" :
		    "with mentor", db_str(ms, i, 3),
		    mship_stage_label(db_str(ms, i, 2))));
		if (chosen != NULL && strcmp(chosen, db_str(ms, i, 0)) == 0)
			tmpl_show(opt, "OPT_SELECTED");
	}
	if (ms->nrows == 0)
		tmpl_show(d, "NO_MENTORSHIPS");
	page_send(r, status);
}

static void
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

static void
threads_create(struct req *r)
{
	struct fval v[TF_N];
	const char *mid;
	long long id;
	int errors;

	if ((errors = thread_form_read(r, v, &mid)) == -1)
		return;
	if (errors > 0)
		return form_page(r, NULL, v, 422);
	/* a transaction of its own: a form key is claimed with it (once.h) */
	if (db_begin(r) == -1 || db_exec(r, "INSERT INTO threads (owner_id, "
	    "title, purpose, visibility, mentorship_id, created_at, "
	    "updated_at) VALUES (?, ?, ?, ?, ?, UTC_TIMESTAMP(), "
	    "UTC_TIMESTAMP())", "issss", r->user.id, v[TF_TITLE].str,
	    v[TF_PURPOSE].str != NULL ? v[TF_PURPOSE].str : "",
	    v[TF_VIS].str, mid) < 0)
		return;
	id = db_last_id();
	if (db_commit(r) == -1)
		return;
	resp_flash(r, "Thread started. Write its first entry below.");
	resp_redirect(r, req_printf(r, "/threads/%lld", id));
}

/* ---- /threads/{id} ----------------------------------------------------- */

/* The parts of a page about the thread itself. */
static void
thread_head(struct req *r, struct tdict *d, const struct thread *t)
{
	struct tdict *ms;

	tmpl_set_int(d, "THREAD_ID", t->id);
	tmpl_set(d, "THREAD_TITLE", t->title);
	tmpl_set(d, "PURPOSE_HTML", md_html(r, t->purpose));
	tmpl_set(d, "OWNER_NAME", t->owner_name);
	tmpl_set(d, "OWNER_SLUG", t->owner_slug);
	page_date(r, d, "STARTED", t->created_at);
	set_visibility(d, t->visibility);
	if (strcmp(t->visibility, "public") == 0)
		tmpl_show(d, "PUBLIC");
	if (t->is_owner)
		tmpl_show(d, "OWNER");
	if (t->is_owner || strcmp(t->visibility, "public") == 0)
		tmpl_show(d, "HEAD_ACTIONS");
	/* the mentorship is named to its two parties only */
	if (t->linked && t->m.is_party) {
		ms = tmpl_section(d, "MSHIP");
		tmpl_set_int(ms, "MSHIP_ID", t->m.id);
		tmpl_set(ms, "MSHIP_FOCUS", t->m.focus);
		tmpl_set(ms, "MSHIP_MENTOR", t->m.mentor_name);
		tmpl_set(ms, "MSHIP_MENTEE", t->m.mentee_name);
	}
}

static void
entry_fill(struct req *r, struct tdict *e, const struct thread *t,
    const char *id, const char *kind, const char *body,
    const char *created, const char *updated)
{
	tmpl_set(e, "ENTRY_ID", id);
	tmpl_set(e, "ENTRY_KIND", kind);
	tmpl_set(e, "ENTRY_KIND_LABEL", kind_label(kind));
	tmpl_set(e, "ENTRY_HTML", md_html(r, body));
	page_time(r, e, "ENTRY_TIME", created);
	tmpl_set(e, "ENTRY_ISO", iso_time(r, created));
	if (strcmp(created, updated) != 0)
		page_time(r, tmpl_section(e, "EDITED"), "EDITED_TIME", updated);
	if (t->is_owner)
		tmpl_show(e, "ENTRY_TOOLS");
	if (t->can_comment && t->m.is_open)
		tmpl_show(e, "COMMENT_FORM");
}

/* Comments of entries [lo, hi] of thread t. */
static struct db_rows *
comments_load(struct req *r, const struct thread *t, long long lo,
    long long hi)
{
	return db_query(r,
	    "SELECT c.id, c.entry_id, c.body, c.created_at, u.display_name, "
	    "c.author_id FROM thread_comments c JOIN thread_entries e ON e.id = c.entry_id "
	    "JOIN users u ON u.id = c.author_id "
	    "WHERE e.thread_id = ? AND c.entry_id BETWEEN ? AND ? "
	    "ORDER BY c.id", "iii", t->id, lo, hi);
}

/*
 * The feedback on entry entry_id, the owner's answers among it; once
 * there is some, the owner may answer while the mentorship is open
 * (SPEC 6).
 */
static void
comments_fill(struct req *r, struct tdict *e, const struct thread *t,
    const struct db_rows *c, long long entry_id)
{
	struct tdict *row;
	size_t i;
	int n = 0;

	for (i = 0; i < c->nrows; i++) {
		if (db_int(c, i, 1) != entry_id)
			continue;
		row = tmpl_section(e, "COMMENT");
		tmpl_set(row, "COMMENT_ID", db_str(c, i, 0));
		tmpl_set(row, "COMMENT_HTML", md_html(r, db_str(c, i, 2)));
		page_time(r, row, "COMMENT_TIME", db_str(c, i, 3));
		tmpl_set(row, "COMMENT_AUTHOR", db_str(c, i, 4));
		tmpl_show(row, db_int(c, i, 5) == t->owner_id ? "ANSWER" :
		    "FEEDBACK");
		n++;
	}
	if (n > 0 && t->is_owner && t->linked && t->m.is_open)
		tmpl_show(e, "ANSWER_FORM");
}

static void
filter_tabs(struct tdict *d, const struct thread *t, const char *kind)
{
	struct tdict *tab;
	size_t i;

	if (kind == NULL)
		tmpl_show(d, "ALL_CURRENT");
	for (i = 0; kinds[i] != NULL; i++) {
		tab = tmpl_section(d, "FILTER");
		tmpl_set_int(tab, "THREAD_ID", t->id);
		tmpl_set(tab, "F_KIND", kinds[i]);
		tmpl_set(tab, "F_LABEL", kind_labels[i]);
		if (kind != NULL && strcmp(kind, kinds[i]) == 0)
			tmpl_show(tab, "F_CURRENT");
	}
}

/*
 * What the entries part of a thread page shows besides the thread's
 * entries: the page (kind, before), the viewer's zone, and the forms
 * it holds for them, the owner's tools and the mentor's feedback form
 * (while the mentorship is open), with their CSRF token. Readers who
 * see no form share one key. NULL: not to be kept (no version).
 */
static const char *
entries_key(struct req *r, const struct thread *t, const char *kind,
    long long before)
{
	const char *tz = r->user.tz != NULL ? r->user.tz : "";
	int form = t->can_comment && t->m.is_open;
	const char *csrf = (t->is_owner || form) && r->csrf != NULL ?
	    r->csrf : "";

	if (t->version == NULL)
		return NULL;
	return req_printf(r, "entries %lld %s %s %lld %d %d %zu:%s %s",
	    t->id, t->version, kind != NULL ? kind : "-", before, t->is_owner,
	    form, strlen(tz), tz, csrf);
}

/*
 * The entries part of a thread page (threads_entries.tpl): THREAD_PAGE
 * entries newest first with their feedback, older than entry `before`
 * (0: the newest), by keyset on id (one backward range scan of
 * thread_entries_thread or thread_entries_kind), and the links to other
 * pages. Kept laid out by this worker under
 * entries_key and the thread's version, which every write to what it
 * shows moves (sql/095): a thread read again as it was costs neither
 * its two queries nor the Markdown of its entries.
 */
static const char *
entries_html(struct req *r, const struct thread *t, const char *kind,
    long long before)
{
	const char *key = entries_key(r, t, kind, before), *kept, *html;
	long long from = before > 0 ? before : LLONG_MAX;
	struct db_rows *rows, *cm = NULL;
	struct tdict *d, *e;
	size_t i, n;

	if (key != NULL && (kept = kept_text(key)) != NULL)
		return kept;
	if (kind != NULL)
		rows = db_query(r, "SELECT id, kind, body, created_at, "
		    "updated_at FROM thread_entries WHERE thread_id = ? "
		    "AND kind = ? AND id < ? ORDER BY id DESC LIMIT 31", "isi",
		    t->id, kind, from);
	else
		rows = db_query(r, "SELECT id, kind, body, created_at, "
		    "updated_at FROM thread_entries WHERE thread_id = ? "
		    "AND id < ? ORDER BY id DESC LIMIT 31", "ii", t->id, from);
	if (rows == NULL)
		return NULL;
	n = rows->nrows > THREAD_PAGE ? THREAD_PAGE : rows->nrows;
	if (n > 0 && (cm = comments_load(r, t, db_int(rows, n - 1, 0),
	    db_int(rows, 0, 0))) == NULL)
		return NULL;
	d = tmpl_dict_new("entries");
	tmpl_set_int(d, "THREAD_ID", t->id);
	tmpl_set(d, "CSRF", r->csrf != NULL ? r->csrf : "");
	tmpl_set(d, "FORM_KEY", ONCE_MARK);	/* kept: each page its own */
	if (kind != NULL)
		tmpl_show(d, "FILTERED");
	for (i = 0; i < n; i++) {
		e = tmpl_section(d, "ENTRY");
		entry_fill(r, e, t, db_str(rows, i, 0), db_str(rows, i, 1),
		    db_str(rows, i, 2), db_str(rows, i, 3), db_str(rows, i, 4));
		comments_fill(r, e, t, cm, db_int(rows, i, 0));
	}
	if (n == 0)
		tmpl_show(d, before > 0 ? "NO_OLDER" : "NO_ENTRIES");
	if (rows->nrows > THREAD_PAGE)
		tmpl_set(tmpl_section(d, "OLDER"), "OLDER_URL", req_printf(r,
		    "/threads/%lld?before=%s%s%s", t->id, db_str(rows, n - 1, 0),
		    kind != NULL ? "&kind=" : "", kind != NULL ? kind : ""));
	if (before > 0)
		tmpl_show(d, "NEWER");
	if ((html = page_part(r, "threads_entries.tpl", d)) != NULL &&
	    key != NULL)
		kept_keep_text(key, html);
	return html;
}

/* The thread page; ev is the new-entry form to put back (422) or NULL. */
static void
show_page(struct req *r, const struct thread *t, const struct fval *ev,
    int status)
{
	struct fval fk, fb;
	struct tdict *d;
	const char *entries;

	if (field_check(r->arena, &filter_f[0], req_query(r, "kind"),
	    &fk) != 0 || field_check(r->arena, &filter_f[1],
	    req_query(r, "before"), &fb) != 0)
		return page_error(r, 400);
	if ((entries = entries_html(r, t, fk.str,
	    fb.str != NULL ? fb.num : 0)) == NULL)
		return;
	d = page_new(r, t->title, "threads_show.tpl");
	thread_head(r, d, t);
	filter_tabs(d, t, fk.str);
	if (fk.str != NULL)
		tmpl_set(tmpl_section(d, "FILTERED"), "FILTER_LABEL",
		    kind_label(fk.str));
	tmpl_set(d, "ENTRIES_HTML", once_fill(r, entries));
	if (t->is_owner) {
		tmpl_show(d, "ENTRY_FORM");
		if (ev != NULL)
			page_form(d, entry_f, EF_N, ev);
	}
	page_send(r, status);
}

static void
threads_show(struct req *r)
{
	struct thread t;

	if (thread_get(r, &t) == RESP_GO_ON)
		show_page(r, &t, NULL, 200);
}

static void
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

static void
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
	    v[TF_PURPOSE].str != NULL ? v[TF_PURPOSE].str : "",
	    v[TF_VIS].str, mid, t.id) < 0)
		return;
	resp_flash(r, "Thread saved.");
	resp_redirect(r, req_printf(r, "/threads/%lld", t.id));
}

/* ---- entries ------------------------------------------------------------- */

static void
threads_entry_add(struct req *r)
{
	struct thread t;
	struct fval v[EF_N];
	long long id;

	if (thread_get(r, &t) == RESP_DONE)
		return;
	if (!t.is_owner)
		return page_error_msg(r, 403,
		    "Only the person who keeps this thread writes in it.");
	if (field_read(r, entry_f, EF_N, v) > 0)
		return show_page(r, &t, v, 422);
	if (db_begin(r) == -1)
		return;
	if (db_exec(r, "INSERT INTO thread_entries (thread_id, kind, body, "
	    "created_at, updated_at) VALUES (?, ?, ?, UTC_TIMESTAMP(), "
	    "UTC_TIMESTAMP())", "iss", t.id, v[EF_KIND].str,
	    v[EF_BODY].str) < 0)
		return;
	id = db_last_id();
	if (touch_thread(r, t.id) == -1 || db_commit(r) == -1)
		return;
	resp_flash(r, "Entry added.");
	resp_redirect(r, req_printf(r, "/threads/%lld#entry-%lld", t.id, id));
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
	d = page_new(r, req_printf(r, "%s: %s", kind_label(e->kind),
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
		tmpl_set(c, "MESSAGE", cv[0].err);
		tmpl_set(d, "COMMENT_BODY", cv[0].raw);
	}
	page_send(r, status);
}

static void
threads_entry_show(struct req *r)
{
	struct thread t;
	struct entry e;

	if (thread_get(r, &t) == RESP_GO_ON &&
	    entry_get(r, &t, &e) == RESP_GO_ON)
		entry_page(r, &t, &e, NULL, NULL, 200);
}

static void
threads_entry_edit(struct req *r)
{
	struct thread t;
	struct entry e;
	struct fval v[EF_N];

	if (thread_get(r, &t) == RESP_DONE ||
	    entry_get(r, &t, &e) == RESP_DONE)
		return;
	if (!t.is_owner)
		return page_error_msg(r, 403,
		    "Only the person who wrote this entry can change it.");
	if (field_read(r, entry_f, EF_N, v) > 0)
		return entry_page(r, &t, &e, v, NULL, 422);
	if (db_begin(r) == -1)
		return;
	if (db_exec(r, "UPDATE thread_entries SET kind = ?, body = ?, "
	    "updated_at = UTC_TIMESTAMP() WHERE id = ?", "ssi",
	    v[EF_KIND].str, v[EF_BODY].str, e.id) < 0 ||
	    touch_thread(r, t.id) == -1 || db_commit(r) == -1)
		return;
	resp_flash(r, "Entry saved.");
	resp_redirect(r, req_printf(r, "/threads/%lld#entry-%lld", t.id,
	    e.id));
}

static void
threads_entry_delete(struct req *r)
{
	struct thread t;
	struct entry e;

	if (thread_get(r, &t) == RESP_DONE ||
	    entry_get(r, &t, &e) == RESP_DONE)
		return;
	if (!t.is_owner)
		return page_error_msg(r, 403,
		    "Only the person who wrote this entry can delete it.");
	if (db_begin(r) == -1)
		return;
	if (db_exec(r, "DELETE FROM thread_entries WHERE id = ?", "i",
	    e.id) < 0 || touch_thread(r, t.id) == -1 || db_commit(r) == -1)
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
	    e->id), *kind = answer ? "thread-answer" : "thread-feedback", *link;
	struct tdict *d;
	int rc;

	if (to == r->user.id || to <= 0)
		return 0;	/* nobody else to tell */
	if ((link = mail_link(r, to, path)) == NULL)
		return -1;
	d = tmpl_dict_new("mail");
	tmpl_set(d, answer ? "OWNER_NAME" : "MENTOR_NAME", r->user.name);
	tmpl_set(d, "THREAD_TITLE", t->title);
	tmpl_set(d, "KIND_LABEL", kind_label(e->kind));
	tmpl_set(d, "COMMENT", body);
	tmpl_set(d, "COMMENT_HTML", md_html(r, body));
	tmpl_set(d, "LINK", link);
	rc = mail_notify(r, kind, to, answer ? req_printf(r, "%s answered "
	    "your feedback on their Growth Thread", r->user.name) :
	    req_printf(r, "Feedback from %s on your Growth Thread",
	    r->user.name), path, answer ? "mail/thread_answer" :
	    "mail/thread_feedback", d, req_printf(r, "%s:%lld", kind, cid));
	tmpl_dict_free(d);
	return rc == -1 ? -1 : 0;
}

static void
threads_comment(struct req *r)
{
	struct thread t;
	struct entry e;
	struct fval v[1];
	struct db_rows *n = NULL;
	long long cid;

	if (thread_get(r, &t) == RESP_DONE ||
	    entry_get(r, &t, &e) == RESP_DONE)
		return;
	/* the owner answers feedback: there must be some to answer */
	if (t.is_owner && t.linked && (n = db_query(r, "SELECT COUNT(*) "
	    "FROM thread_comments WHERE entry_id = ? AND author_id <> ?",
	    "ii", e.id, t.owner_id)) == NULL)
		return;
	if (!t.can_comment && !(t.is_owner && t.linked &&
	    db_int(n, 0, 0) > 0))
		return page_error_msg(r, 403, "Only the mentor of the linked "
		    "mentorship leaves feedback here; the person who keeps "
		    "the thread answers it.");
	if (!t.m.is_open)
		return page_error_msg(r, 403, "This mentorship has closed: "
		    "its threads take no more feedback.");
	if (field_read(r, comment_f, 1, v) > 0)
		return entry_page(r, &t, &e, NULL, v, 422);
	if (db_begin(r) == -1)
		return;
	if (db_exec(r, "INSERT INTO thread_comments (entry_id, author_id, "
	    "body, created_at) VALUES (?, ?, ?, UTC_TIMESTAMP())", "iis",
	    e.id, r->user.id, v[0].str) < 0)
		return;
	cid = db_last_id();
	if (comment_mail(r, &t, &e, cid, v[0].str) == -1)
		return;
	if (db_commit(r) == -1)
		return;
	resp_flash(r, t.is_owner ? "Answer posted." : "Feedback posted.");
	resp_redirect(r, req_printf(r, "/threads/%lld/entries/%lld#comment-%lld",
	    t.id, e.id, cid));
}

/* ---- Atom (RFC 4287) ------------------------------------------------------ */

/*
 * XML 1.0 forbids U+FFFE and U+FFFF (valid UTF-8, so they get past the
 * request checks); C0 controls the template's XML escaping already turns
 * into spaces.
 */
static const char *
xml_clean(struct req *r, const char *s)
{
	char *c = req_strdup(r, s), *p;

	for (p = c; (p = strstr(p, "\xef\xbf")) != NULL; p += 2)
		if (p[2] == '\xbe' || p[2] == '\xbf')
			p[2] = '\xbd';
	return c;
}

/* "Lesson: the first words of the body…", a feed entry's title. */
static const char *
entry_title(struct req *r, const char *kind, const char *body)
{
	const char *label = kind_label(kind), *p = body;
	char *out, *o, *start;
	int cut = 0, lead = 1;

	out = req_alloc(r, strlen(label) + SUMMARY_MAX + 8);
	memcpy(out, label, strlen(label));
	o = out + strlen(label);
	*o++ = ':';
	*o++ = ' ';
	start = o;
	for (; *p != '\0'; p++) {
		/* Markdown marks: emphasis anywhere, headings and quotes
		 * where a line starts */
		if (*p == '\n')
			lead = 1;
		if (isspace((unsigned char)*p) || strchr("*`", *p) != NULL ||
		    (lead && strchr("#>", *p) != NULL)) {
			if (o > start && o[-1] != ' ')
				*o++ = ' ';
			continue;
		}
		lead = 0;
		if (o - start >= SUMMARY_MAX) {
			cut = 1;
			break;
		}
		*o++ = *p;
	}
	/* never end inside a UTF-8 sequence */
	while (cut && o > start && ((unsigned char)*p & 0xc0) == 0x80) {
		o--;
		p--;
	}
	while (o > start && o[-1] == ' ')
		o--;
	if (cut)
		o = stpcpy(o, "\xe2\x80\xa6");
	*o = '\0';
	return o == start ? label : out;
}

static void
threads_atom(struct req *r)
{
	struct thread t;
	struct db_rows *rows;
	struct tdict *d, *e;
	const char *base, *url, *updated;
	char *xml;
	size_t i, len;
	int rc;

	if ((rc = thread_load(r, r->id[0], &t)) == -1)
		return;
	if (rc != 0 || strcmp(t.visibility, "public") != 0)
		return page_error(r, 404);
	rows = db_query(r, "SELECT id, kind, body, "
	    "DATE_FORMAT(created_at, '%Y-%m-%dT%H:%i:%sZ'), "
	    "DATE_FORMAT(updated_at, '%Y-%m-%dT%H:%i:%sZ') "
	    "FROM thread_entries WHERE thread_id = ? "
	    "ORDER BY id DESC LIMIT ?", "ii", t.id, (long long)FEED_ENTRIES);
	if (rows == NULL)
		return;
	base = cfg_base_url();
	url = req_printf(r, "%s/threads/%lld", base, t.id);
	/* the feed changed when its newest-changed entry did, or after */
	updated = t.updated_iso;
	for (i = 0; i < rows->nrows; i++)
		if (strcmp(db_str(rows, i, 4), updated) > 0)
			updated = db_str(rows, i, 4);
	d = tmpl_dict_new("atom");
	tmpl_set(d, "FEED_ID", url);
	tmpl_set(d, "FEED_TITLE", xml_clean(r, t.title));
	if (t.purpose[0] != '\0')
		tmpl_set(tmpl_section(d, "SUBTITLE"), "FEED_SUBTITLE",
		    xml_clean(r, t.purpose));
	tmpl_set(d, "UPDATED", updated);
	tmpl_set(d, "AUTHOR_NAME", xml_clean(r, t.owner_name));
	tmpl_set(d, "AUTHOR_URI", req_printf(r, "%s/people/%s", base,
	    t.owner_slug));
	tmpl_set(d, "SELF_URL", req_printf(r, "%s.atom", url));
	tmpl_set(d, "ALT_URL", url);
	for (i = 0; i < rows->nrows; i++) {
		e = tmpl_section(d, "ENTRY");
		tmpl_set(e, "ENTRY_ID", req_printf(r, "%s#entry-%s", url,
		    db_str(rows, i, 0)));
		tmpl_set(e, "ENTRY_URL", req_printf(r, "%s/entries/%s", url,
		    db_str(rows, i, 0)));
		tmpl_set(e, "ENTRY_TITLE", xml_clean(r, entry_title(r,
		    db_str(rows, i, 1), db_str(rows, i, 2))));
		tmpl_set(e, "ENTRY_KIND", db_str(rows, i, 1));
		tmpl_set(e, "ENTRY_KIND_LABEL", kind_label(db_str(rows, i, 1)));
		tmpl_set(e, "PUBLISHED", db_str(rows, i, 3));
		tmpl_set(e, "ENTRY_UPDATED", db_str(rows, i, 4));
		/* HTML as text: the template's XML escaping escapes it */
		tmpl_set(e, "CONTENT", xml_clean(r, md_html(r,
		    db_str(rows, i, 2))));
	}
	xml = tmpl_expand("threads_atom.tpl", d, &len);
	tmpl_dict_free(d);
	if (xml == NULL)
		return page_error(r, 500);
	r->status = 200;
	r->body.len = 0;
	resp_header(r, "Content-Type", "application/atom+xml; charset=utf-8");
	resp_write(r, xml, len);
	free(xml);
}
