/*
 * roadmaps: /roadmaps, the library: curated, shared and the viewer's own.
 */
#include <string.h>

#include "db.h"
#include "field.h"
#include "mship.h"
#include "page.h"
#include "roadmaps.h"

/* What rm_row shows of a roadmap rm, with an owner_name of the query's. */
#define RM_ROW_COLS \
	"rm.id, rm.title, rm.summary, rm.visibility, rm.updated_at, " \
	"(SELECT COUNT(*) FROM roadmap_milestones m " \
	"WHERE m.roadmap_id = rm.id) AS milestones, " \
	"(SELECT COALESCE(MAX(week_offset), 0) FROM roadmap_milestones m " \
	"WHERE m.roadmap_id = rm.id) AS weeks"

static void
rm_row(struct req *r, struct tdict *s, struct db_rows *rows, size_t i)
{
	long long n = db_get_int(rows, i, "milestones");

	tmpl_set(s, "ID", db_get(rows, i, "id"));
	tmpl_set(s, "RM_TITLE", db_get(rows, i, "title"));
	tmpl_set(s, "SUMMARY", db_get(rows, i, "summary"));
	tmpl_set(s, "OWNER_NAME", db_get(rows, i, "owner_name"));
	tmpl_set_int(s, "COUNT", n);
	tmpl_set(s, "COUNT_WORD", n == 1 ? "milestone" : "milestones");
	tmpl_set(s, "WEEKS", db_get(rows, i, "weeks"));
	if (strcmp(db_get(rows, i, "visibility"), "shared") == 0)
		tmpl_show(s, "IS_SHARED");
	else
		tmpl_show(s, "IS_PRIVATE");
	page_date(r, s, "UPDATED", db_get(rows, i, "updated_at"));
}

void
rm_index(struct req *r)
{
	struct tdict *d, *s;
	struct db_rows *rows;
	const char *q = req_query(r, "before");
	struct fval bv;
	static const struct field before = { "before", F_INT, 1,
	    9223372036854775807LL, 0, NULL };
	long long cursor = 0;
	size_t i;

	if (q != NULL && field_check(r->arena, &before, q, &bv) == 0 &&
	    bv.str != NULL)
		cursor = bv.num;
	d = page_new(r, "Roadmaps", "roadmaps_index.tpl");

	rows = db_query(r,
	    "SELECT " RM_ROW_COLS ", '' AS owner_name "
	    "FROM roadmaps rm WHERE rm.kind = 'curated' ORDER BY rm.title", "");
	if (rows == NULL)
		return;
	for (i = 0; i < rows->nrows; i++)
		rm_row(r, tmpl_section(d, "CURATED"), rows, i);

	/* shared custom roadmaps, newest first, 30 a page by id */
	rows = db_query(r,
	    "SELECT " RM_ROW_COLS ", u.display_name AS owner_name "
	    "FROM roadmaps rm JOIN users u ON u.id = rm.owner_id "
	    "WHERE rm.kind = 'custom' AND rm.visibility = 'shared' "
	    "AND (? = 0 OR rm.id < ?) ORDER BY rm.id DESC LIMIT 31", "ii",
	    cursor, cursor);
	if (rows == NULL)
		return;
	for (i = 0; i < rows->nrows && i < 30; i++)
		rm_row(r, tmpl_section(d, "SHARED"), rows, i);
	if (rows->nrows == 0)
		tmpl_show(d, "NO_SHARED");
	if (rows->nrows > 30)
		tmpl_set(tmpl_section(d, "MORE"), "BEFORE",
		    db_get(rows, 29, "id"));
	if (cursor > 0)
		tmpl_show(d, "FIRST_PAGE");

	if (r->user.id > 0) {
		s = tmpl_section(d, "MINE");
		rows = db_query(r,
		    "SELECT " RM_ROW_COLS ", '' AS owner_name "
		    "FROM roadmaps rm WHERE rm.owner_id = ? "
		    "ORDER BY rm.id DESC LIMIT 200", "i", (long long)r->user.id);
		if (rows == NULL)
			return;
		for (i = 0; i < rows->nrows; i++)
			rm_row(r, tmpl_section(s, "OWN"), rows, i);
		if (rows->nrows == 0)
			tmpl_show(s, "NO_OWN");
	}
	page_send(r, 200);
}
