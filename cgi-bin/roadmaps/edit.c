/*
 * roadmaps: a roadmap's own fields: a new one, an edit, deleting and
 * copying.
 */
#include <string.h>

#include "db.h"
#include "field.h"
#include "mship.h"
#include "page.h"
#include "resp.h"
#include "roadmaps.h"
#include "sess.h"

static const char *const visibilities[] = { "private", "shared", NULL };

/* A roadmap's own fields (new and edit). */
enum { RM_TITLE, RM_SUMMARY, RM_VISIBILITY, RM_CURATED, RM_NFIELDS };
static const struct field rm_fields[RM_NFIELDS] = {
	{ "title",	F_TEXT,		1, 200,	 1, NULL },
	{ "summary",	F_MULTILINE,	0, 2000, 0, NULL },
	{ "visibility",	F_CHOICE,	0, 0,	 0, visibilities },
	{ "curated",	F_BOOL,		0, 0,	 0, NULL },
};

static void
rm_form_page(struct req *r, const struct roadmap *rm, struct fval *v,
    int status)
{
	struct tdict *d;

	d = page_new(r, rm != NULL ? "Edit roadmap" : "New roadmap",
	    "roadmaps_form.tpl");
	if (rm != NULL) {
		tmpl_set_int(d, "ID", rm->id);
		tmpl_set(d, "RM_TITLE", rm->title);
		tmpl_set(tmpl_section(d, "EDITING"), "ACTION",
		    req_printf(r, "/roadmaps/%lld/edit", rm->id));
	} else
		tmpl_set(tmpl_section(d, "CREATING"), "ACTION", "/roadmaps/new");
	if (rm == NULL || !rm->curated)
		tmpl_show(d, "HAS_VISIBILITY");
	if (rm == NULL && r->user.admin)
		tmpl_show(d, "ADMIN_CURATED");
	if (v != NULL)
		page_form(d, rm_fields, RM_NFIELDS, v);
	else if (rm != NULL) {
		tmpl_set(d, "TITLE", rm->title);
		tmpl_set(d, "SUMMARY", rm->summary);
		tmpl_show(d, rm->shared ? "VISIBILITY_SHARED" :
		    "VISIBILITY_PRIVATE");
	} else
		tmpl_show(d, "VISIBILITY_PRIVATE");
	page_send(r, status);
}

/* Sharing to the library is publishing (lib/sess.h); 1 when refused. */
static int
publish_refused(struct req *r, struct fval *v)
{
	if (v[RM_VISIBILITY].str == NULL || strcmp(v[RM_VISIBILITY].str, "shared") != 0 ||
	    (v[RM_VISIBILITY].err = sess_publish_refused(r)) == NULL)
		return 0;
	return 1;
}

void
rm_new_form(struct req *r)
{
	rm_form_page(r, NULL, NULL, 200);
}

/*
 * The new roadmap (arg: the form; its id out), in a transaction: a form's
 * key is claimed by its first one (lib/once.h), so the same form sent
 * twice makes one roadmap.
 */
struct new_w {
	const struct fval	*v;
	long long		 id;
};

static int
new_tx(struct req *r, void *arg)
{
	struct new_w *w = arg;
	const struct fval *v = w->v;
	int curated = r->user.admin && v[RM_CURATED].num;

	if (db_exec(r, "INSERT INTO roadmaps (kind, owner_id, title, summary, "
	    "visibility, created_at, updated_at) VALUES (?, NULLIF(?, 0), ?, "
	    "?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP())", "sisss", curated ?
	    "curated" : "custom", curated ? 0LL : (long long)r->user.id,
	    v[RM_TITLE].str, field_opt(&v[RM_SUMMARY]), curated ? "shared" :
	    v[RM_VISIBILITY].str != NULL ? v[RM_VISIBILITY].str : "private") < 0)
		return -1;
	w->id = db_last_id();
	return 0;
}

void
rm_new_post(struct req *r)
{
	struct fval v[RM_NFIELDS];
	struct new_w w = { v, 0 };

	if (field_read(r, rm_fields, RM_NFIELDS, v) > 0 ||
	    publish_refused(r, v))
		return rm_form_page(r, NULL, v, 422);
	if (db_tx_run(r, new_tx, &w) != 0)
		return;
	resp_flash(r, "Roadmap created. Now add its milestones.");
	resp_redirect(r, req_printf(r, "/roadmaps/%lld", w.id));
}

void
rm_edit_form(struct req *r)
{
	struct roadmap rm;

	if (rm_load_editable(r, &rm) == -1)
		return;
	rm_form_page(r, &rm, NULL, 200);
}

void
rm_edit_post(struct req *r)
{
	struct roadmap rm;
	struct fval v[RM_NFIELDS];
	const char *vis;

	if (rm_load_editable(r, &rm) == -1)
		return;
	if (field_read(r, rm_fields, RM_NFIELDS, v) > 0 ||
	    (!rm.curated && publish_refused(r, v)))
		return rm_form_page(r, &rm, v, 422);
	/* curated roadmaps are always in the library */
	vis = rm.curated ? "shared" :
	    v[RM_VISIBILITY].str != NULL ? v[RM_VISIBILITY].str : rm.visibility;
	if (db_exec(r, "UPDATE roadmaps SET title = ?, summary = ?, "
	    "visibility = ?, updated_at = UTC_TIMESTAMP() WHERE id = ?",
	    "sssi", v[RM_TITLE].str, field_opt(&v[RM_SUMMARY]), vis,
	    rm.id) < 0)
		return;
	resp_flash(r, "Roadmap saved.");
	resp_redirect(r, req_printf(r, "/roadmaps/%lld", rm.id));
}

void
rm_delete(struct req *r)
{
	struct roadmap rm;

	if (rm_load_editable(r, &rm) == -1)
		return;
	/* applied copies keep their milestones (roadmap_id SET NULL) */
	if (db_exec(r, "DELETE FROM roadmaps WHERE id = ?", "i", rm.id) < 0)
		return;
	resp_flash(r, "Roadmap deleted. Mentorships it was applied to keep "
	    "their milestones.");
	resp_redirect(r, "/roadmaps");
}

/*
 * A copy and its milestones, in one transaction that runs again after a
 * deadlock (db_tx_run). arg: the roadmap copied; its copy's id out.
 */
struct copy_w {
	const struct roadmap	*rm;
	long long		 id;
};

static int
copy_tx(struct req *r, void *arg)
{
	struct copy_w *w = arg;

	if (db_exec(r,
	    "INSERT INTO roadmaps (kind, owner_id, title, summary, visibility, "
	    "copied_from, created_at, updated_at) VALUES ('custom', ?, ?, ?, "
	    "'private', ?, UTC_TIMESTAMP(), UTC_TIMESTAMP())", "issi",
	    (long long)r->user.id, w->rm->title, w->rm->summary, w->rm->id) < 0)
		return -1;
	w->id = db_last_id();
	if (db_exec(r,
	    "INSERT INTO roadmap_milestones (roadmap_id, position, title, "
	    "description, week_offset, stage) SELECT ?, position, title, "
	    "description, week_offset, stage FROM roadmap_milestones "
	    "WHERE roadmap_id = ? ORDER BY position", "ii", w->id, w->rm->id) < 0)
		return -1;
	return 0;
}

void
rm_copy(struct req *r)
{
	struct roadmap rm;
	struct copy_w w = { &rm, 0 };
	int rc;

	if ((rc = rm_load(r, r->id[0], &rm)) != 0)
		return rc == -1 ? (void)0 : page_error(r, 404);
	if (db_tx_run(r, copy_tx, &w) != 0)
		return;
	resp_flash(r, "Copied. This private copy is yours to change.");
	resp_redirect(r, req_printf(r, "/roadmaps/%lld", w.id));
}
