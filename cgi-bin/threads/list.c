/*
 * threads: /threads, the viewer's threads and those shared with them.
 */
#include <limits.h>

#include "db.h"
#include "field.h"
#include "page.h"
#include "threads.h"

#define LIST_PAGE	50	/* threads on one page of /threads */

void
threads_index(struct req *r)
{
	struct tdict *d, *row;
	struct db_rows *mine, *shared;
	struct fval before;
	size_t i, n;

	if (field_check(r->arena, &filter_f[FF_BEFORE], req_query(r, "before"),
	    &before) != 0)
		return page_error(r, 400);
	mine = db_query(r,
	    "SELECT t.id, t.title, t.visibility, t.updated_at, "
	    "(SELECT COUNT(*) FROM thread_entries e WHERE e.thread_id = t.id) "
	    "AS entries "
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
	    "AND m.stage IN (" THREAD_SHARED_STAGES ") "
	    "ORDER BY t.updated_at DESC LIMIT 100", "iii", r->user.id,
	    r->user.id, r->user.id);
	if (shared == NULL)
		return;
	d = page_new(r, "Growth Threads", "threads_index.tpl");
	n = mine->nrows > LIST_PAGE ? LIST_PAGE : mine->nrows;
	for (i = 0; i < n; i++) {
		row = tmpl_section(d, "MINE");
		tmpl_set(row, "ID", db_get(mine, i, "id"));
		tmpl_set(row, "TITLE", db_get(mine, i, "title"));
		set_visibility(row, db_get(mine, i, "visibility"));
		page_time(r, row, "UPDATED", db_get(mine, i, "updated_at"));
		tmpl_set(row, "ENTRIES", db_get(mine, i, "entries"));
	}
	if (n == 0 && before.str == NULL)
		tmpl_show(d, "NONE");
	if (mine->nrows > LIST_PAGE)
		tmpl_set(tmpl_section(d, "OLDER"), "OLDER_BEFORE",
		    db_get(mine, n - 1, "id"));
	for (i = 0; i < shared->nrows; i++) {
		row = tmpl_section(d, "SHARED");
		tmpl_set(row, "ID", db_get(shared, i, "id"));
		tmpl_set(row, "TITLE", db_get(shared, i, "title"));
		set_visibility(row, db_get(shared, i, "visibility"));
		page_time(r, row, "UPDATED", db_get(shared, i, "updated_at"));
		tmpl_set(row, "OWNER", db_get(shared, i, "display_name"));
	}
	if (shared->nrows > 0)
		tmpl_show(d, "HAS_SHARED");
	page_send(r, 200);
}
