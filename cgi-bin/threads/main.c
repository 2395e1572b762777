/*
 * threads: Growth Threads (docs/product.md), a person's learning-in-public
 * journal: threads, their entries, the mentor's feedback, an Atom feed.
 * One program, a page file per area: main.c (this route table, loading a
 * thread under the rule below), list.c (/threads), form.c (a new thread,
 * editing one), show.c (a thread's page and its kept entries part),
 * entries.c (entries and the mentor's feedback), atom.c (the feed).
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
#include <string.h>

#include "app.h"
#include "db.h"
#include "mship.h"
#include "page.h"
#include "resp.h"
#include "sess.h"
#include "threads.h"

static const struct route routes[] = {
	{ "GET",  "/threads",				threads_index,	ROUTE_USER },
	{ "GET",  "/threads/new",			threads_new,	ROUTE_USER },
	{ "POST", "/threads/new",			threads_create,	ROUTE_USER },
	{ "GET",  "/threads/{id}.atom",			threads_atom,	0 },
	{ "GET",  "/threads/{id}",			threads_show,	ROUTE_OWN_SESSION },
	{ "GET",  "/threads/{id}/edit",			threads_edit_form, ROUTE_USER },
	{ "POST", "/threads/{id}/edit",			threads_edit,	ROUTE_USER },
	{ "POST", "/threads/{id}/entries",		threads_entry_add, ROUTE_USER },
	{ "GET",  "/threads/{id}/entries/{id}",		threads_entry_show, 0 },
	{ "POST", "/threads/{id}/entries/{id}",		threads_entry_edit, ROUTE_USER },
	{ "POST", "/threads/{id}/entries/{id}/delete",	threads_entry_delete, ROUTE_USER },
	{ "POST", "/threads/{id}/entries/{id}/comments", threads_comment, ROUTE_USER },
};

static const struct kept_def *const kept[] = { &entries_kept,
    &calendar_kept, NULL };

APP_MAIN_KEPT("threads", routes, kept)

const struct field entry_f[EF_N] = {
	{ "kind",	F_CHOICE,	0, 0, 1, entry_kinds },
	{ "body",	F_MULTILINE,	1, 20000, 1, NULL },
};

/* Query of a thread page; read with field_check, never field_read, since
 * a 422 re-shows the page from a POST whose form has its own "kind". */
const struct field filter_f[FF_N] = {
	{ "kind",	F_CHOICE,	0, 0, 0, entry_kinds },
	{ "before",	F_INT,		1, LLONG_MAX, 0, NULL },
};

/* The section page_form shows for a chosen option: "KIND_LESSON". */
const char *
choice_key(struct req *r, const char *prefix, const char *value)
{
	char *k = req_printf(r, "%s%s", prefix, value), *p;

	for (p = k; *p != '\0'; p++)
		*p = (char)toupper((unsigned char)*p);
	return k;
}

/* "YYYY-MM-DD HH:MM:SS" (UTC) as an HTML datetime: "…T…Z". */
const char *
iso_time(struct req *r, const char *utc)
{
	char *s = req_printf(r, "%sZ", utc);

	if (strlen(s) > 10 && s[10] == ' ')
		s[10] = 'T';
	return s;
}

void
set_visibility(struct tdict *d, const char *vis)
{
	tmpl_set(d, "VISIBILITY", vis);
	/* who reads it, feedback included (a mentor took it for private) */
	if (strcmp(vis, "public") == 0) {
		tmpl_set(d, "VIS_LABEL", "Public");
		tmpl_set(d, "VIS_CLASS", "success");
		tmpl_set(d, "VIS_READERS", "everyone, signed in or not");
	} else if (strcmp(vis, "mentorship") == 0) {
		tmpl_set(d, "VIS_LABEL", "Mentorship only");
		tmpl_set(d, "VIS_CLASS", "info");
		tmpl_set(d, "VIS_READERS", "the two of you only");
	} else {
		tmpl_set(d, "VIS_LABEL", "Private");
		tmpl_set(d, "VIS_CLASS", "warning");
	}
}

/*
 * Loads thread id if the viewer may read it: 0, 404 (unknown or not
 * theirs to read: the same answer on purpose), -1 database down.
 */
int
thread_load(struct req *r, long long id, struct thread *t)
{
	struct db_rows *row;
	int visible, shared;

	memset(t, 0, sizeof(*t));
	/* with the session on the thread page (ROUTE_OWN_SESSION) */
	row = sess_load_with(r,
	    "t.id, t.owner_id, t.mentorship_id, t.title, t.purpose, "
	    "t.visibility, u.display_name, u.slug, t.created_at, "
	    "DATE_FORMAT(t.updated_at, '%Y-%m-%dT%H:%i:%sZ') AS updated_iso, "
	    "u.disabled_at IS NOT NULL AS disabled, v.version, "
	    "u.timezone AS owner_tz, "
	    /* the linked mentorship, here so that a thread page read
	     * again costs one statement */
	    MSHIP_JOINED,
	    "threads t JOIN users u ON u.id = t.owner_id "
	    "LEFT JOIN thread_versions v ON v.thread_id = t.id"
	    MSHIP_JOIN("t.mentorship_id"), "t.id = ?", id);
	if (row == NULL)
		return -1;
	if (row->nrows == 0)
		return 404;
	/* a disabled account's pages disappear with its profile */
	if (db_get_int(row, 0, "disabled") != 0 &&
	    r->user.id != db_get_int(row, 0, "owner_id"))
		return 404;
	t->id = db_get_int(row, 0, "id");
	t->owner_id = db_get_int(row, 0, "owner_id");
	t->mentorship_id = db_get_int(row, 0, "mentorship_id");
	t->title = db_get(row, 0, "title");
	t->purpose = db_get(row, 0, "purpose");
	t->visibility = db_get(row, 0, "visibility");
	t->owner_name = db_get(row, 0, "display_name");
	t->owner_slug = db_get(row, 0, "slug");
	t->created_at = db_get(row, 0, "created_at");
	t->updated_iso = db_get(row, 0, "updated_iso");
	t->version = db_get(row, 0, "version");
	t->owner_tz = db_get(row, 0, "owner_tz");
	t->is_owner = r->user.id > 0 && r->user.id == t->owner_id;
	if (t->mentorship_id > 0 && r->user.id > 0)
		t->linked = mship_row_joined(r, row, &t->m) == 0;
	shared = t->linked && t->m.is_party &&
	    mship_stage_in(THREAD_SHARED_STAGES, t->m.stage);
	if (strcmp(t->visibility, "public") == 0)
		visible = 1;
	else if (strcmp(t->visibility, "mentorship") == 0)
		visible = t->is_owner || shared;
	else
		visible = t->is_owner;
	if (!visible)
		return 404;
	t->can_comment = shared && t->m.is_mentor;
	return 0;
}

/* thread_load that answers for itself: RESP_GO_ON or RESP_DONE (resp.h). */
int
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
int
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
	e->id = db_get_int(row, 0, "id");
	e->kind = db_get(row, 0, "kind");
	e->body = db_get(row, 0, "body");
	e->created_at = db_get(row, 0, "created_at");
	e->updated_at = db_get(row, 0, "updated_at");
	return RESP_GO_ON;
}

int
touch_thread(struct req *r, long long id)
{
	return db_exec(r, "UPDATE threads SET updated_at = UTC_TIMESTAMP() "
	    "WHERE id = ?", "i", id) < 0 ? -1 : 0;
}
