/*
 * roadmaps: the library of curated and shared roadmaps, custom roadmaps
 * and their milestones, and applying a roadmap to a mentorship, whose
 * milestones are then copied, dated, linked to goals and ticked off.
 * One program, a page file per area: main.c (this route table, loading a
 * roadmap), library.c (/roadmaps), edit.c (a roadmap's own fields, new,
 * edit, delete, copy), show.c (a roadmap's page), milestones.c (a
 * roadmap's milestones), mentorship.c (a mentorship's roadmap).
 */
#include <string.h>

#include "app.h"
#include "db.h"
#include "mship.h"
#include "page.h"
#include "roadmaps.h"

static const struct route routes[] = {
	{ "GET",  "/roadmaps",				rm_index,	0 },
	{ "GET",  "/roadmaps/new",			rm_new_form,	ROUTE_USER },
	{ "POST", "/roadmaps/new",			rm_new_post,	ROUTE_USER },
	{ "GET",  "/roadmaps/{id}",			rm_show,	0 },
	{ "POST", "/roadmaps/{id}",			rm_edit_post,	ROUTE_USER },
	{ "GET",  "/roadmaps/{id}/edit",		rm_edit_form,	ROUTE_USER },
	{ "POST", "/roadmaps/{id}/edit",		rm_edit_post,	ROUTE_USER },
	{ "POST", "/roadmaps/{id}/delete",		rm_delete,	ROUTE_USER },
	{ "POST", "/roadmaps/{id}/copy",		rm_copy,	ROUTE_USER },
	{ "POST", "/roadmaps/{id}/milestones",		ms_add,		ROUTE_USER },
	{ "GET",  "/roadmaps/{id}/milestones/{id}",	ms_edit_form,	ROUTE_USER },
	{ "POST", "/roadmaps/{id}/milestones/{id}",	ms_edit_post,	ROUTE_USER },
	{ "POST", "/roadmaps/{id}/milestones/{id}/delete", ms_delete,	ROUTE_USER },
	{ "POST", "/roadmaps/{id}/milestones/{id}/move", ms_move,	ROUTE_USER },
	{ "GET",  "/mentorships/{id}/roadmap",		mr_show,	ROUTE_USER },
	{ "POST", "/mentorships/{id}/roadmap",		mr_apply,	ROUTE_USER },
	{ "POST", "/mentorships/{id}/roadmap/remove",	mr_unapply,	ROUTE_USER },
	{ "POST", "/mentorships/{id}/roadmap/milestones/{id}", mr_update, ROUTE_USER },
	{ "POST", "/mentorships/{id}/roadmap/milestones/{id}/delete", mr_remove, ROUTE_USER },
};

APP_MAIN("roadmaps", routes)

/* ---- loading ----------------------------------------------------------- */

/*
 * Roadmap id as the viewer may see it: 0 found, 404 unknown or private
 * to someone else (never 403: its existence is private too), -1 db.
 */
int
rm_load(struct req *r, long long id, struct roadmap *rm)
{
	struct db_rows *row;

	memset(rm, 0, sizeof(*rm));
	row = db_query(r,
	    "SELECT rm.id, rm.kind, COALESCE(rm.owner_id, 0) AS owner_id, "
	    "rm.title, rm.summary, rm.visibility, "
	    "COALESCE(u.display_name, '') AS owner_name, "
	    "COALESCE(rm.copied_from, 0) AS copied_from, "
	    "COALESCE(src.title, '') AS copied_title, "
	    "src.kind AS src_kind, src.visibility AS src_visibility, "
	    "COALESCE(src.owner_id, 0) AS src_owner_id, rm.updated_at "
	    "FROM roadmaps rm LEFT JOIN users u ON u.id = rm.owner_id "
	    "LEFT JOIN roadmaps src ON src.id = rm.copied_from "
	    "WHERE rm.id = ?", "i", id);
	if (row == NULL)
		return -1;
	if (row->nrows == 0)
		return 404;
	rm->id = db_get_int(row, 0, "id");
	rm->curated = strcmp(db_get(row, 0, "kind"), "curated") == 0;
	rm->owner_id = db_get_int(row, 0, "owner_id");
	rm->title = db_get(row, 0, "title");
	rm->summary = db_get(row, 0, "summary");
	rm->visibility = db_get(row, 0, "visibility");
	rm->shared = strcmp(rm->visibility, "shared") == 0;
	rm->owner_name = db_get(row, 0, "owner_name");
	rm->updated_at = db_get(row, 0, "updated_at");
	if (!rm->curated && !rm->shared &&
	    (r->user.id == 0 || rm->owner_id != r->user.id))
		return 404;
	rm->can_edit = r->user.id > 0 && (rm->curated ? r->user.admin :
	    rm->owner_id == r->user.id);
	/* name the original only when the viewer may open it */
	if (db_get_int(row, 0, "copied_from") > 0 &&
	    (strcmp(db_get(row, 0, "src_kind"), "curated") == 0 ||
	    strcmp(db_get(row, 0, "src_visibility"), "shared") == 0 ||
	    db_get_int(row, 0, "src_owner_id") == r->user.id)) {
		rm->copied_from = db_get_int(row, 0, "copied_from");
		rm->copied_title = db_get(row, 0, "copied_title");
	}
	return 0;
}

/* Loads r->id[0] for an editing request; answers the error itself. */
int
rm_load_editable(struct req *r, struct roadmap *rm)
{
	int rc = rm_load(r, r->id[0], rm);

	if (rc == -1)
		return -1;
	if (rc == 404) {
		page_error(r, 404);
		return -1;
	}
	if (!rm->can_edit) {
		page_error_msg(r, 403, rm->curated ?
		    "Only administrators can change a curated roadmap. "
		    "Copy it to make your own version." :
		    "Only the author can change this roadmap. "
		    "Copy it to make your own version.");
		return -1;
	}
	return 0;
}

int
rm_touch(struct req *r, long long id)
{
	return db_exec(r, "UPDATE roadmaps SET updated_at = UTC_TIMESTAMP() "
	    "WHERE id = ?", "i", id) < 0 ? -1 : 0;
}
