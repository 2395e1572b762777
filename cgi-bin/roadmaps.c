/*
 * roadmaps: the library of curated and shared roadmaps, custom roadmaps
 * and their milestones, and applying a roadmap to a mentorship, whose
 * milestones are then copied, dated, linked to goals and ticked off.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "db.h"
#include "field.h"
#include "md.h"
#include "mship.h"
#include "page.h"
#include "resp.h"

struct roadmap {
	long long	 id;
	long long	 owner_id;	/* 0 for curated */
	int		 curated;
	int		 shared;
	int		 can_edit;
	const char	*title;
	const char	*summary;
	const char	*visibility;
	const char	*owner_name;
	long long	 copied_from;
	const char	*copied_title;
	const char	*updated_at;
};

/* The form of one milestone of the mentorship that failed, to re-show. */
struct mform {
	long long	 mid;
	const char	*due_date;
	const char	*goal;
	const char	*error;
};

static void	rm_index(struct req *);
static void	rm_new_form(struct req *);
static void	rm_new_post(struct req *);
static void	rm_show(struct req *);
static void	rm_edit_form(struct req *);
static void	rm_edit_post(struct req *);
static void	rm_delete(struct req *);
static void	rm_copy(struct req *);
static void	ms_add(struct req *);
static void	ms_edit_form(struct req *);
static void	ms_edit_post(struct req *);
static void	ms_delete(struct req *);
static void	ms_move(struct req *);
static void	mr_show(struct req *);
static void	mr_apply(struct req *);
static void	mr_update(struct req *);
static void	mr_remove(struct req *);

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
	{ "POST", "/mentorships/{id}/roadmap/milestones/{id}", mr_update, ROUTE_USER },
	{ "POST", "/mentorships/{id}/roadmap/milestones/{id}/delete", mr_remove, ROUTE_USER },
};

APP_MAIN("roadmaps", routes)

static const char *const visibilities[] = { "private", "shared", NULL };
static const char *const stages[] = {
	"initiation", "cultivation", "separation", NULL
};
static const char *const dirs[] = { "up", "down", NULL };

/* A roadmap's own fields (new and edit). */
static const struct field rm_fields[] = {
	{ "title",	F_TEXT,		1, 200,	 1, NULL },
	{ "summary",	F_MULTILINE,	0, 2000, 0, NULL },
	{ "visibility",	F_CHOICE,	0, 0,	 0, visibilities },
	{ "curated",	F_BOOL,		0, 0,	 0, NULL },
};
#define RM_NFIELDS	(sizeof(rm_fields) / sizeof(rm_fields[0]))

/* A milestone of a roadmap (add and edit). */
static const struct field ms_fields[] = {
	{ "title",	 F_TEXT,	1, 200,	 1, NULL },
	{ "description", F_MULTILINE,	0, 4000, 0, NULL },
	{ "week_offset", F_INT,		0, 520,	 1, NULL },
	{ "stage",	 F_CHOICE,	0, 0,	 0, stages },
};
#define MS_NFIELDS	(sizeof(ms_fields) / sizeof(ms_fields[0]))

/* Applying a roadmap to a mentorship. */
static const struct field apply_fields[] = {
	{ "roadmap",	F_INT,	1, 9223372036854775807LL, 1, NULL },
	{ "start_date",	F_DATE,	10, 10, 1, NULL },
	/* "yes, apply it again": sent from the question asked first */
	{ "again",	F_BOOL,	0, 1, 0, NULL },
};
#define APPLY_NFIELDS	(sizeof(apply_fields) / sizeof(apply_fields[0]))
enum { AP_ROADMAP, AP_START, AP_AGAIN };

/* Changing one applied milestone: each field only when sent. */
static const struct field upd_fields[] = {
	{ "goal",	F_INT,	0, 9223372036854775807LL, 0, NULL },
	{ "due_date",	F_DATE,	10, 10, 0, NULL },
	{ "done",	F_INT,	0, 1, 0, NULL },
	/* sent by menteo.js, which shows the change itself: no flash */
	{ "instant",	F_BOOL,	0, 1, 0, NULL },
};
#define UPD_NFIELDS	(sizeof(upd_fields) / sizeof(upd_fields[0]))
enum { UP_GOAL, UP_DUE, UP_DONE, UP_INSTANT };

/* Dates people type: a real date, and not one from another century. */
static const char *
date_sane(const char *s)
{
	if (s == NULL)
		return NULL;
	if (strcmp(s, "2000-01-01") < 0 || strcmp(s, "2099-12-31") > 0)
		return "Enter a date between 2000 and 2099.";
	return NULL;
}

/* ---- loading ----------------------------------------------------------- */

/*
 * Roadmap id as the viewer may see it: 0 found, 404 unknown or private
 * to someone else (never 403: its existence is private too), -1 db.
 */
static int
rm_load(struct req *r, long long id, struct roadmap *rm)
{
	struct db_rows *row;

	memset(rm, 0, sizeof(*rm));
	row = db_query(r,
	    "SELECT rm.id, rm.kind, COALESCE(rm.owner_id, 0), rm.title, "
	    "rm.summary, rm.visibility, COALESCE(u.display_name, ''), "
	    "COALESCE(rm.copied_from, 0), COALESCE(src.title, ''), "
	    "src.kind, src.visibility, COALESCE(src.owner_id, 0), "
	    "rm.updated_at "
	    "FROM roadmaps rm LEFT JOIN users u ON u.id = rm.owner_id "
	    "LEFT JOIN roadmaps src ON src.id = rm.copied_from "
	    "WHERE rm.id = ?", "i", id);
	if (row == NULL)
		return -1;
	if (row->nrows == 0)
		return 404;
	rm->id = db_int(row, 0, 0);
	rm->curated = strcmp(db_str(row, 0, 1), "curated") == 0;
	rm->owner_id = db_int(row, 0, 2);
	rm->title = db_str(row, 0, 3);
	rm->summary = db_str(row, 0, 4);
	rm->visibility = db_str(row, 0, 5);
	rm->shared = strcmp(rm->visibility, "shared") == 0;
	rm->owner_name = db_str(row, 0, 6);
	rm->updated_at = db_str(row, 0, 12);
	if (!rm->curated && !rm->shared &&
	    (r->user.id == 0 || rm->owner_id != r->user.id))
		return 404;
	rm->can_edit = r->user.id > 0 && (rm->curated ? r->user.admin :
	    rm->owner_id == r->user.id);
	/* name the original only when the viewer may open it */
	if (db_int(row, 0, 7) > 0 && (strcmp(db_str(row, 0, 9), "curated") == 0 ||
	    strcmp(db_str(row, 0, 10), "shared") == 0 ||
	    db_int(row, 0, 11) == r->user.id)) {
		rm->copied_from = db_int(row, 0, 7);
		rm->copied_title = db_str(row, 0, 8);
	}
	return 0;
}

/* Loads r->id[0] for an editing request; answers the error itself. */
static int
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

static int
rm_touch(struct req *r, long long id)
{
	return db_exec(r, "UPDATE roadmaps SET updated_at = UTC_TIMESTAMP() "
	    "WHERE id = ?", "i", id) < 0 ? -1 : 0;
}

/* ---- the library ------------------------------------------------------- */

static void
rm_row(struct req *r, struct tdict *s, struct db_rows *rows, size_t i)
{
	long long n = db_int(rows, i, 4);

	tmpl_set(s, "ID", db_str(rows, i, 0));
	tmpl_set(s, "RM_TITLE", db_str(rows, i, 1));
	tmpl_set(s, "SUMMARY", db_str(rows, i, 2));
	tmpl_set(s, "OWNER_NAME", db_str(rows, i, 3));
	tmpl_set_int(s, "COUNT", n);
	tmpl_set(s, "COUNT_WORD", n == 1 ? "milestone" : "milestones");
	tmpl_set(s, "WEEKS", db_str(rows, i, 5));
	if (strcmp(db_str(rows, i, 6), "shared") == 0)
		tmpl_show(s, "IS_SHARED");
	else
		tmpl_show(s, "IS_PRIVATE");
	page_date(r, s, "UPDATED", db_str(rows, i, 7));
}

static void
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
	    "SELECT rm.id, rm.title, rm.summary, '', "
	    "(SELECT COUNT(*) FROM roadmap_milestones m WHERE m.roadmap_id = rm.id), "
	    "(SELECT COALESCE(MAX(week_offset), 0) FROM roadmap_milestones m "
	    " WHERE m.roadmap_id = rm.id), rm.visibility, rm.updated_at "
	    "FROM roadmaps rm WHERE rm.kind = 'curated' ORDER BY rm.title", "");
	if (rows == NULL)
		return;
	for (i = 0; i < rows->nrows; i++)
		rm_row(r, tmpl_section(d, "CURATED"), rows, i);

	/* shared custom roadmaps, newest first, 30 a page by id */
	rows = db_query(r,
	    "SELECT rm.id, rm.title, rm.summary, u.display_name, "
	    "(SELECT COUNT(*) FROM roadmap_milestones m WHERE m.roadmap_id = rm.id), "
	    "(SELECT COALESCE(MAX(week_offset), 0) FROM roadmap_milestones m "
	    " WHERE m.roadmap_id = rm.id), rm.visibility, rm.updated_at "
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
		    db_str(rows, 29, 0));
	if (cursor > 0)
		tmpl_show(d, "FIRST_PAGE");

	if (r->user.id > 0) {
		s = tmpl_section(d, "MINE");
		rows = db_query(r,
		    "SELECT rm.id, rm.title, rm.summary, '', "
		    "(SELECT COUNT(*) FROM roadmap_milestones m WHERE m.roadmap_id = rm.id), "
		    "(SELECT COALESCE(MAX(week_offset), 0) FROM roadmap_milestones m "
		    " WHERE m.roadmap_id = rm.id), rm.visibility, rm.updated_at "
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

/* ---- a roadmap's own fields ------------------------------------------- */

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

static void
rm_new_form(struct req *r)
{
	rm_form_page(r, NULL, NULL, 200);
}

static void
rm_new_post(struct req *r)
{
	struct fval v[RM_NFIELDS];
	int curated;
	long long id;

	if (field_read(r, rm_fields, RM_NFIELDS, v) > 0)
		return rm_form_page(r, NULL, v, 422);
	curated = r->user.admin && v[3].num;
	if (curated && db_exec(r,
	    "INSERT INTO roadmaps (kind, owner_id, title, summary, visibility, "
	    "created_at, updated_at) VALUES ('curated', NULL, ?, ?, 'shared', "
	    "UTC_TIMESTAMP(), UTC_TIMESTAMP())", "ss", v[0].str,
	    v[1].str != NULL ? v[1].str : "") < 0)
		return;
	if (!curated && db_exec(r,
	    "INSERT INTO roadmaps (kind, owner_id, title, summary, visibility, "
	    "created_at, updated_at) VALUES ('custom', ?, ?, ?, ?, "
	    "UTC_TIMESTAMP(), UTC_TIMESTAMP())", "isss", (long long)r->user.id,
	    v[0].str, v[1].str != NULL ? v[1].str : "",
	    v[2].str != NULL ? v[2].str : "private") < 0)
		return;
	id = db_last_id();
	resp_flash(r, "Roadmap created. Now add its milestones.");
	resp_redirect(r, req_printf(r, "/roadmaps/%lld", id));
}

static void
rm_edit_form(struct req *r)
{
	struct roadmap rm;

	if (rm_load_editable(r, &rm) == -1)
		return;
	rm_form_page(r, &rm, NULL, 200);
}

static void
rm_edit_post(struct req *r)
{
	struct roadmap rm;
	struct fval v[RM_NFIELDS];
	const char *vis;

	if (rm_load_editable(r, &rm) == -1)
		return;
	if (field_read(r, rm_fields, RM_NFIELDS, v) > 0)
		return rm_form_page(r, &rm, v, 422);
	/* curated roadmaps are always in the library */
	vis = rm.curated ? "shared" :
	    v[2].str != NULL ? v[2].str : rm.visibility;
	if (db_exec(r, "UPDATE roadmaps SET title = ?, summary = ?, "
	    "visibility = ?, updated_at = UTC_TIMESTAMP() WHERE id = ?",
	    "sssi", v[0].str, v[1].str != NULL ? v[1].str : "", vis,
	    rm.id) < 0)
		return;
	resp_flash(r, "Roadmap saved.");
	resp_redirect(r, req_printf(r, "/roadmaps/%lld", rm.id));
}

static void
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

static void
rm_copy(struct req *r)
{
	struct roadmap rm;
	long long id;
	int rc;

	if ((rc = rm_load(r, r->id[0], &rm)) != 0)
		return rc == -1 ? (void)0 : page_error(r, 404);
	if (db_begin(r) == -1)
		return;
	if (db_exec(r,
	    "INSERT INTO roadmaps (kind, owner_id, title, summary, visibility, "
	    "copied_from, created_at, updated_at) VALUES ('custom', ?, ?, ?, "
	    "'private', ?, UTC_TIMESTAMP(), UTC_TIMESTAMP())", "issi",
	    (long long)r->user.id, rm.title, rm.summary, rm.id) < 0)
		return;
	id = db_last_id();
	if (db_exec(r,
	    "INSERT INTO roadmap_milestones (roadmap_id, position, title, "
	    "description, week_offset, stage) SELECT ?, position, title, "
	    "description, week_offset, stage FROM roadmap_milestones "
	    "WHERE roadmap_id = ? ORDER BY position", "ii", id, rm.id) < 0)
		return;
	if (db_commit(r) == -1)
		return;
	resp_flash(r, "Copied. This private copy is yours to change.");
	resp_redirect(r, req_printf(r, "/roadmaps/%lld", id));
}

/* ---- a roadmap's page -------------------------------------------------- */

/* My mentorships a roadmap can be applied to now. */
static int
rm_show_apply(struct req *r, struct tdict *d, const struct roadmap *rm)
{
	struct db_rows *rows;
	struct tdict *s;
	size_t i;

	rows = db_query(r,
	    "SELECT m.id, m.focus, u.display_name, 'mentee' FROM mentorships m "
	    "JOIN users u ON u.id = m.mentee_id WHERE m.mentor_id = ? AND "
	    "m.stage IN (" STAGES_ACTIVE ") "
	    "UNION ALL "
	    "SELECT m.id, m.focus, u.display_name, 'mentor' FROM mentorships m "
	    "JOIN users u ON u.id = m.mentor_id WHERE m.mentee_id = ? AND "
	    "m.stage IN (" STAGES_ACTIVE ") "
	    "ORDER BY 1 DESC LIMIT 50", "ii", (long long)r->user.id,
	    (long long)r->user.id);
	if (rows == NULL)
		return -1;
	if (rows->nrows == 0)
		return 0;
	s = tmpl_section(d, "APPLY");
	for (i = 0; i < rows->nrows; i++) {
		struct tdict *m = tmpl_section(s, "TO");
		tmpl_set(m, "MID", db_str(rows, i, 0));
		tmpl_set(m, "FOCUS", db_str(rows, i, 1));
		tmpl_set(m, "OTHER", db_str(rows, i, 2));
		tmpl_set(m, "ROLE", db_str(rows, i, 3));
		tmpl_set_int(m, "RID", rm->id);
	}
	return 0;
}

static void
rm_show_page(struct req *r, const struct roadmap *rm, struct fval *add,
    int status)
{
	struct tdict *d, *s, *e = NULL;
	struct db_rows *rows;
	size_t i;

	rows = db_query(r,
	    "SELECT id, title, description, week_offset, stage "
	    "FROM roadmap_milestones WHERE roadmap_id = ? "
	    "ORDER BY position, id", "i", rm->id);
	if (rows == NULL)
		return;
	d = page_new(r, rm->title, "roadmaps_show.tpl");
	tmpl_set_int(d, "ID", rm->id);
	tmpl_set(d, "RM_TITLE", rm->title);
	if (*rm->summary != '\0')
		tmpl_set(tmpl_section(d, "HAS_SUMMARY"), "SUMMARY_HTML",
		    md_html(r, rm->summary));
	if (rm->curated)
		tmpl_show(d, "IS_CURATED");
	else {
		s = tmpl_section(d, "IS_CUSTOM");
		tmpl_set(s, "OWNER_NAME", rm->owner_name);
		tmpl_show(s, rm->shared ? "IS_SHARED" : "IS_PRIVATE");
	}
	if (rm->copied_from > 0) {
		s = tmpl_section(d, "COPIED");
		tmpl_set_int(s, "FROM_ID", rm->copied_from);
		tmpl_set(s, "FROM_TITLE", rm->copied_title);
	}
	page_date(r, d, "UPDATED", rm->updated_at);
	tmpl_set_int(d, "COUNT", (long long)rows->nrows);
	if (rm->can_edit)
		e = tmpl_section(d, "CAN_EDIT");
	if (rm->can_edit)
		tmpl_show(d, "CAN_DELETE");
	for (i = 0; i < rows->nrows; i++) {
		struct tdict *m = tmpl_section(d, "MILESTONES");
		const char *st = db_str(rows, i, 4);
		long long w = db_int(rows, i, 3);

		tmpl_set(m, "MID", db_str(rows, i, 0));
		tmpl_set_int(m, "N", (long long)i + 1);
		tmpl_set(m, "M_TITLE", db_str(rows, i, 1));
		if (*db_str(rows, i, 2) != '\0')
			tmpl_set(tmpl_section(m, "HAS_DESC"),
			    "DESCRIPTION_HTML", md_html(r, db_str(rows, i, 2)));
		tmpl_set(m, "WHEN", w == 0 ? "At the start" :
		    req_printf(r, "Week %lld", w));
		if (st != NULL) {
			struct tdict *b = tmpl_section(m, "HAS_STAGE");
			tmpl_set(b, "STAGE", st);
			tmpl_set(b, "STAGE_LABEL", mship_stage_label(st));
		}
		if (rm->can_edit) {
			struct tdict *t = tmpl_section(m, "TOOLS");
			if (i > 0)
				tmpl_show(t, "UP");
			if (i + 1 < rows->nrows)
				tmpl_show(t, "DOWN");
		}
	}
	if (rows->nrows == 0)
		tmpl_show(d, "EMPTY");
	if (e != NULL && add != NULL)
		page_form(e, ms_fields, MS_NFIELDS, add);
	if (r->user.id > 0) {
		tmpl_show(d, "CAN_COPY");
		if (rows->nrows > 0 && rm_show_apply(r, d, rm) == -1)
			return;
	} else
		tmpl_show(d, "ANON");
	page_send(r, status);
}

static void
rm_show(struct req *r)
{
	struct roadmap rm;
	int rc;

	if ((rc = rm_load(r, r->id[0], &rm)) != 0)
		return rc == -1 ? (void)0 : page_error(r, 404);
	rm_show_page(r, &rm, NULL, 200);
}

/* ---- milestones of a roadmap ------------------------------------------- */

static int
ms_read(struct req *r, struct fval *v)
{
	int n = field_read(r, ms_fields, MS_NFIELDS, v);

	if (v[2].err != NULL && v[2].raw != NULL && *v[2].raw != '\0')
		v[2].err = "Enter a number of weeks from 0 to 520.";
	return n;
}

static void
ms_add(struct req *r)
{
	struct roadmap rm;
	struct fval v[MS_NFIELDS];

	if (rm_load_editable(r, &rm) == -1)
		return;
	if (ms_read(r, v) > 0)
		return rm_show_page(r, &rm, v, 422);
	if (db_exec(r,
	    "INSERT INTO roadmap_milestones (roadmap_id, position, title, "
	    "description, week_offset, stage) SELECT ?, COALESCE(MAX(position), "
	    "0) + 1, ?, ?, ?, ? FROM roadmap_milestones WHERE roadmap_id = ?",
	    "issisi", rm.id, v[0].str, v[1].str != NULL ? v[1].str : "",
	    v[2].num, v[3].str, rm.id) < 0 || rm_touch(r, rm.id) == -1)
		return;
	resp_flash(r, "Milestone added.");
	resp_redirect(r, req_printf(r, "/roadmaps/%lld", rm.id));
}

/* The milestone r->id[1] of roadmap rm: row or NULL (404 answered). */
static struct db_rows *
ms_load(struct req *r, const struct roadmap *rm)
{
	struct db_rows *row;

	row = db_query(r, "SELECT id, title, description, week_offset, stage, "
	    "position FROM roadmap_milestones WHERE id = ? AND roadmap_id = ?",
	    "ii", r->id[1], rm->id);
	if (row == NULL)
		return NULL;
	if (row->nrows == 0) {
		page_error(r, 404);
		return NULL;
	}
	return row;
}

static void
ms_form_page(struct req *r, const struct roadmap *rm, struct db_rows *ms,
    struct fval *v, int status)
{
	struct tdict *d;

	d = page_new(r, "Edit milestone", "roadmaps_milestone.tpl");
	tmpl_set_int(d, "ID", rm->id);
	tmpl_set(d, "RM_TITLE", rm->title);
	tmpl_set(d, "MID", db_str(ms, 0, 0));
	if (v != NULL)
		page_form(d, ms_fields, MS_NFIELDS, v);
	else {
		const char *st = db_str(ms, 0, 4);
		tmpl_set(d, "TITLE", db_str(ms, 0, 1));
		tmpl_set(d, "DESCRIPTION", db_str(ms, 0, 2));
		tmpl_set(d, "WEEK_OFFSET", db_str(ms, 0, 3));
		if (st != NULL)
			tmpl_show(d, req_printf(r, "STAGE_%s",
			    strcmp(st, "initiation") == 0 ? "INITIATION" :
			    strcmp(st, "cultivation") == 0 ? "CULTIVATION" :
			    "SEPARATION"));
	}
	page_send(r, status);
}

static void
ms_edit_form(struct req *r)
{
	struct roadmap rm;
	struct db_rows *ms;

	if (rm_load_editable(r, &rm) == -1 || (ms = ms_load(r, &rm)) == NULL)
		return;
	ms_form_page(r, &rm, ms, NULL, 200);
}

static void
ms_edit_post(struct req *r)
{
	struct roadmap rm;
	struct db_rows *ms;
	struct fval v[MS_NFIELDS];

	if (rm_load_editable(r, &rm) == -1 || (ms = ms_load(r, &rm)) == NULL)
		return;
	if (ms_read(r, v) > 0)
		return ms_form_page(r, &rm, ms, v, 422);
	if (db_exec(r, "UPDATE roadmap_milestones SET title = ?, "
	    "description = ?, week_offset = ?, stage = ? WHERE id = ?",
	    "ssisi", v[0].str, v[1].str != NULL ? v[1].str : "", v[2].num,
	    v[3].str, r->id[1]) < 0 || rm_touch(r, rm.id) == -1)
		return;
	resp_flash(r, "Milestone saved.");
	resp_redirect(r, req_printf(r, "/roadmaps/%lld", rm.id));
}

static void
ms_delete(struct req *r)
{
	struct roadmap rm;

	if (rm_load_editable(r, &rm) == -1 || ms_load(r, &rm) == NULL)
		return;
	if (db_exec(r, "DELETE FROM roadmap_milestones WHERE id = ?", "i",
	    r->id[1]) < 0 || rm_touch(r, rm.id) == -1)
		return;
	resp_flash(r, "Milestone removed.");
	resp_redirect(r, req_printf(r, "/roadmaps/%lld", rm.id));
}

/* Swaps the milestone with its neighbour above or below. */
static void
ms_move(struct req *r)
{
	struct roadmap rm;
	struct db_rows *ms, *nb;
	struct fval dv;
	static const struct field dir = { "dir", F_CHOICE, 0, 0, 1, dirs };
	long long pos, id = r->id[1];

	if (rm_load_editable(r, &rm) == -1 || (ms = ms_load(r, &rm)) == NULL)
		return;
	if (field_check(r->arena, &dir, req_form(r, "dir"), &dv) != 0)
		return page_error_msg(r, 400, "Move a milestone up or down.");
	pos = db_int(ms, 0, 5);
	if (db_begin(r) == -1)
		return;
	if (strcmp(dv.str, "up") == 0)
		nb = db_query(r, "SELECT id, position FROM roadmap_milestones "
		    "WHERE roadmap_id = ? AND (position < ? OR (position = ? "
		    "AND id < ?)) ORDER BY position DESC, id DESC LIMIT 1 "
		    "FOR UPDATE", "iiii", rm.id, pos, pos, id);
	else
		nb = db_query(r, "SELECT id, position FROM roadmap_milestones "
		    "WHERE roadmap_id = ? AND (position > ? OR (position = ? "
		    "AND id > ?)) ORDER BY position, id LIMIT 1 FOR UPDATE",
		    "iiii", rm.id, pos, pos, id);
	if (nb == NULL)
		return;
	/* the first one up or the last one down stays where it is */
	if (nb->nrows > 0) {
		if (db_exec(r, "UPDATE roadmap_milestones SET position = ? "
		    "WHERE id = ?", "ii", db_int(nb, 0, 1), id) < 0 ||
		    db_exec(r, "UPDATE roadmap_milestones SET position = ? "
		    "WHERE id = ?", "ii", pos, db_int(nb, 0, 0)) < 0 ||
		    rm_touch(r, rm.id) == -1)
			return;
	}
	if (db_commit(r) == -1)
		return;
	resp_redirect(r, req_printf(r, "/roadmaps/%lld", rm.id));
}

/* ---- a mentorship's milestones ----------------------------------------- */

/* The mentorship r->id[0] for one of its parties; answers errors itself. */
static int
mr_load(struct req *r, struct mship *m, int writing)
{
	if (mship_open(r, r->id[0], m, "Only the mentor and the mentee of "
	    "this mentorship can see or change its milestones.") == -1)
		return -1;
	if (writing && !m->is_open) {
		page_error_msg(r, 409, "This mentorship is closed: its "
		    "milestones are kept as a record and can no longer change.");
		return -1;
	}
	if (writing && strcmp(m->stage, "requested") == 0) {
		page_error_msg(r, 409, "This request has not been accepted "
		    "yet: a roadmap can be applied once it is.");
		return -1;
	}
	return 0;
}

static int
mr_choices(struct req *r, struct tdict *d, const char *chosen)
{
	struct db_rows *rows;
	size_t i;

	/* curated first, then mine, then shared by others */
	rows = db_query(r,
	    "SELECT rm.id, rm.title, IF(rm.kind = 'curated', 1, "
	    "IF(rm.owner_id = ?, 2, 3)) AS grp, u.display_name, "
	    "(SELECT COUNT(*) FROM roadmap_milestones x WHERE x.roadmap_id = rm.id) "
	    "FROM roadmaps rm LEFT JOIN users u ON u.id = rm.owner_id "
	    "WHERE rm.kind = 'curated' OR rm.owner_id = ? OR "
	    "(rm.kind = 'custom' AND rm.visibility = 'shared') "
	    "ORDER BY grp, rm.title LIMIT 300", "ii", (long long)r->user.id,
	    (long long)r->user.id);
	if (rows == NULL)
		return -1;
	for (i = 0; i < rows->nrows; i++) {
		long long g = db_int(rows, i, 2);
		struct tdict *o = tmpl_section(d, g == 1 ? "OPT_CURATED" :
		    g == 2 ? "OPT_MINE" : "OPT_SHARED");
		tmpl_show(d, g == 1 ? "GRP_CURATED" : g == 2 ? "GRP_MINE" :
		    "GRP_SHARED");
		tmpl_set(o, "RID", db_str(rows, i, 0));
		tmpl_set(o, "RTITLE", db_str(rows, i, 1));
		tmpl_set(o, "RCOUNT", db_str(rows, i, 4));
		if (g == 3)
			tmpl_set(tmpl_section(o, "BY"), "BY_NAME",
			    db_str(rows, i, 3));
		if (chosen != NULL && strcmp(chosen, db_str(rows, i, 0)) == 0)
			tmpl_show(o, "SELECTED");
	}
	return 0;
}

/* Progress numbers; the same SQL the dashboard uses. */
static int
mr_progress(struct req *r, struct tdict *d, long long mid)
{
	struct db_rows *p;
	long long total, done, overdue;

	p = db_query(r,
	    "SELECT COUNT(*), COUNT(done_at), "
	    "COALESCE(SUM(done_at IS NULL AND due_date < UTC_DATE()), 0) "
	    "FROM mentorship_milestones WHERE mentorship_id = ?", "i", mid);
	if (p == NULL)
		return -1;
	total = db_int(p, 0, 0);
	done = db_int(p, 0, 1);
	overdue = db_int(p, 0, 2);
	if (total == 0)
		return 0;
	d = tmpl_section(d, "PROGRESS");
	tmpl_set_int(d, "TOTAL", total);
	tmpl_set_int(d, "DONE", done);
	tmpl_set_int(d, "OVERDUE", overdue);
	tmpl_set_int(d, "PERCENT", done * 100 / total);
	tmpl_show(d, overdue > 0 ? "HAS_OVERDUE" : "NO_OVERDUE");
	return 0;
}

static void
mr_goal_options(struct tdict *row, struct db_rows *goals, const char *sel)
{
	size_t i;

	for (i = 0; goals != NULL && i < goals->nrows; i++) {
		struct tdict *g = tmpl_section(row, "GOALS");
		tmpl_set(g, "GID", db_str(goals, i, 0));
		tmpl_set(g, "GTITLE", db_str(goals, i, 1));
		if (sel != NULL && strcmp(sel, db_str(goals, i, 0)) == 0)
			tmpl_show(g, "GSELECTED");
	}
	if (sel == NULL || *sel == '\0' || strcmp(sel, "0") == 0)
		tmpl_show(row, "NO_GOAL_SELECTED");
}

static void
mr_row(struct req *r, struct tdict *row, struct db_rows *ms, size_t i,
    struct db_rows *goals, int writable, const struct mform *mf)
{
	const char *st = db_get(ms, i, "stage");
	const char *goal = db_get(ms, i, "goal_id");
	const char *due = db_get(ms, i, "due_date");
	int done = db_get(ms, i, "done_at") != NULL;
	int mine = mf != NULL && mf->mid == db_get_int(ms, i, "id");

	tmpl_set(row, "MID", db_get(ms, i, "id"));
	tmpl_set(row, "M_TITLE", db_get(ms, i, "title"));
	if (*db_get(ms, i, "description") != '\0')
		tmpl_set(tmpl_section(row, "HAS_DESC"), "DESCRIPTION_HTML",
		    md_html(r, db_get(ms, i, "description")));
	page_date(r, row, "DUE", due);
	tmpl_set(row, "DUE_DATE", mine && mf->due_date != NULL ?
	    mf->due_date : due);
	if (st != NULL) {
		struct tdict *b = tmpl_section(row, "HAS_STAGE");
		tmpl_set(b, "STAGE", st);
		tmpl_set(b, "STAGE_LABEL", mship_stage_label(st));
	}
	if (done) {
		struct tdict *s = tmpl_section(row, "IS_DONE");
		page_time(r, s, "DONE_AT", db_get(ms, i, "done_at"));
		tmpl_set(s, "DONE_BY", db_get(ms, i, "done_name") != NULL ?
		    db_get(ms, i, "done_name") : "a former member");
		tmpl_set(row, "CLASS", "done");
	} else if (db_get_int(ms, i, "overdue")) {
		tmpl_show(row, "IS_OVERDUE");
		tmpl_set(row, "CLASS", "overdue");
	} else
		tmpl_show(row, "IS_OPEN");
	if (goal != NULL)
		tmpl_set(tmpl_section(row, "HAS_GOAL"), "GOAL_TITLE",
		    db_get(ms, i, "goal_title"));
	if (!writable)
		return;
	row = tmpl_section(row, "WRITABLE");
	tmpl_show(row, done ? "CAN_REOPEN" : "CAN_DONE");
	mr_goal_options(row, goals, mine && mf->goal != NULL ? mf->goal :
	    goal);
	if (mine && mf->error != NULL) {
		tmpl_set(tmpl_section(row, "ROW_ERROR"), "MESSAGE", mf->error);
		tmpl_show(row, "ROW_INVALID");
	}
}

/*
 * The roadmap page of a mentorship. apply: the apply form to put back;
 * again: the title of a roadmap already applied, asked about first.
 */
static void
mr_page_ask(struct req *r, struct mship *m, struct fval *apply,
    const struct mform *mf, const char *again, int status)
{
	struct tdict *d, *s;
	struct db_rows *ms, *goals = NULL;
	int writable = m->is_open && strcmp(m->stage, "requested") != 0;
	size_t i;

	ms = db_query(r,
	    "SELECT mm.id, mm.title, mm.description, mm.due_date, mm.done_at, "
	    "mm.stage, mm.goal_id, g.title AS goal_title, "
	    "u.display_name AS done_name, "
	    "(mm.done_at IS NULL AND mm.due_date < UTC_DATE()) AS overdue "
	    "FROM mentorship_milestones mm "
	    "LEFT JOIN goals g ON g.id = mm.goal_id "
	    "LEFT JOIN users u ON u.id = mm.done_by "
	    "WHERE mm.mentorship_id = ? ORDER BY mm.due_date, mm.position, mm.id",
	    "i", m->id);
	if (ms == NULL)
		return;
	if (writable && (goals = db_query(r, "SELECT id, title FROM goals "
	    "WHERE mentorship_id = ? ORDER BY id", "i", m->id)) == NULL)
		return;
	d = page_new(r, "Roadmap", "roadmaps_mentorship.tpl");
	tmpl_set_int(d, "MSHIP_ID", m->id);
	tmpl_set(d, "FOCUS", m->focus);
	tmpl_set(d, "MENTOR_NAME", m->mentor_name);
	tmpl_set(d, "MENTEE_NAME", m->mentee_name);
	tmpl_set(d, "STAGE", m->stage);
	tmpl_set(d, "STAGE_LABEL", mship_stage_label(m->stage));
	tmpl_set(d, "TODAY", page_today(r));
	if (mr_progress(r, d, m->id) == -1)
		return;
	for (i = 0; i < ms->nrows; i++)
		mr_row(r, tmpl_section(d, "MILESTONES"), ms, i, goals,
		    writable, mf);
	if (ms->nrows == 0)
		tmpl_show(d, "EMPTY");
	if (!writable) {
		tmpl_show(d, m->is_open ? "NOT_YET" : "CLOSED");
		page_send(r, status);
		return;
	}
	if (goals != NULL && goals->nrows == 0)
		tmpl_show(d, "NO_GOALS");
	s = tmpl_section(d, "CAN_APPLY");
	tmpl_set(s, "APPLY_HEADING", ms->nrows > 0 ? "Add another roadmap" :
	    "Apply a roadmap");
	if (apply != NULL)
		page_form(s, apply_fields, APPLY_NFIELDS, apply);
	else
		tmpl_set(s, "START_DATE", page_today(r));
	if (again != NULL)
		tmpl_set(tmpl_section(s, "ASK_AGAIN"), "AGAIN_TITLE", again);
	if (mr_choices(r, s, apply != NULL ? apply[0].raw :
	    req_query(r, "roadmap")) == -1)
		return;
	page_send(r, status);
}

static void
mr_page(struct req *r, struct mship *m, struct fval *apply,
    const struct mform *mf, int status)
{
	mr_page_ask(r, m, apply, mf, NULL, status);
}

static void
mr_show(struct req *r)
{
	struct mship m;

	if (mr_load(r, &m, 0) == -1)
		return;
	mr_page(r, &m, NULL, NULL, 200);
}

static void
mr_apply(struct req *r)
{
	struct mship m;
	struct fval v[APPLY_NFIELDS];
	struct db_rows *rm = NULL;
	const char *n;
	long long base, added;

	if (mr_load(r, &m, 1) == -1)
		return;
	field_read(r, apply_fields, APPLY_NFIELDS, v);
	if (v[1].err == NULL && (v[1].err = date_sane(v[1].str)) != NULL)
		v[1].str = NULL;
	if (v[0].err == NULL) {
		/* one the applier may see: curated, shared, or their own */
		rm = db_query(r, "SELECT rm.title, (SELECT COUNT(*) FROM "
		    "roadmap_milestones x WHERE x.roadmap_id = rm.id) "
		    "FROM roadmaps rm WHERE rm.id = ? AND (rm.kind = 'curated' "
		    "OR rm.visibility = 'shared' OR rm.owner_id = ?)", "ii",
		    v[0].num, (long long)r->user.id);
		if (rm == NULL)
			return;
		if (rm->nrows == 0)
			v[0].err = "Choose a roadmap from the list.";
		else if (db_int(rm, 0, 1) == 0)
			v[0].err = "This roadmap has no milestones yet: add "
			    "some to it before applying it.";
	}
	if (v[0].err != NULL || v[1].err != NULL)
		return mr_page(r, &m, v, NULL, 422);
	if (db_begin(r) == -1)
		return;
	/* lock the mentorship so two appliers get distinct positions */
	if (db_query(r, "SELECT id FROM mentorships WHERE id = ? FOR UPDATE",
	    "i", m.id) == NULL ||
	    (n = db_value(r, "SELECT COUNT(*) FROM mentorship_milestones "
	    "WHERE mentorship_id = ? AND roadmap_id = ?", "ii", m.id,
	    v[AP_ROADMAP].num)) == NULL)
		return;
	/* applied already: twice is asked first, never done silently */
	if (strcmp(n, "0") != 0 && !v[AP_AGAIN].num) {
		db_rollback(r);
		return mr_page_ask(r, &m, v, NULL, db_str(rm, 0, 0), 409);
	}
	if ((n = db_value(r, "SELECT COALESCE(MAX(position), 0) FROM "
	    "mentorship_milestones WHERE mentorship_id = ?", "i", m.id)) == NULL)
		return;
	base = strtoll(n, NULL, 10);
	added = db_exec(r,
	    "INSERT INTO mentorship_milestones (mentorship_id, goal_id, title, "
	    "description, due_date, position, stage, roadmap_id, applied_by, "
	    "created_at) SELECT ?, NULL, title, description, "
	    "DATE_ADD(CAST(? AS DATE), INTERVAL week_offset WEEK), "
	    "? + ROW_NUMBER() OVER (ORDER BY position, id), stage, roadmap_id, "
	    "?, UTC_TIMESTAMP() FROM roadmap_milestones WHERE roadmap_id = ?",
	    "isiii", m.id, v[1].str, base, (long long)r->user.id, v[0].num);
	if (added < 0 || db_commit(r) == -1)
		return;
	resp_flash(r, req_printf(r, "Roadmap applied: %lld milestone%s "
	    "added.", added, added == 1 ? "" : "s"));
	resp_redirect(r, req_printf(r, "/mentorships/%lld/roadmap", m.id));
}

/* Applies the fields that were sent; 1 when the form must come back. */
static int
mr_change(struct req *r, struct mship *m, struct fval *v, struct mform *mf)
{
	long long mid = r->id[1];

	if (v[0].raw != NULL) {
		long long g = v[0].str != NULL ? v[0].num : 0;
		if (g > 0) {
			const char *ok = db_value(r, "SELECT id FROM goals "
			    "WHERE id = ? AND mentorship_id = ?", "ii", g, m->id);
			if (ok == NULL && r->db_failed)
				return -1;
			if (ok == NULL) {
				mf->error = "Choose one of this mentorship's goals.";
				return 1;
			}
		}
		if (g > 0 && db_exec(r, "UPDATE mentorship_milestones "
		    "SET goal_id = ? WHERE id = ?", "ii", g, mid) < 0)
			return -1;
		if (g == 0 && db_exec(r, "UPDATE mentorship_milestones "
		    "SET goal_id = NULL WHERE id = ?", "i", mid) < 0)
			return -1;
	}
	if (v[1].str != NULL && db_exec(r, "UPDATE mentorship_milestones "
	    "SET due_date = ? WHERE id = ?", "si", v[1].str, mid) < 0)
		return -1;
	if (v[2].str != NULL && v[2].num == 1 && db_exec(r,
	    "UPDATE mentorship_milestones SET done_at = UTC_TIMESTAMP(), "
	    "done_by = ? WHERE id = ? AND done_at IS NULL", "ii",
	    (long long)r->user.id, mid) < 0)
		return -1;
	if (v[2].str != NULL && v[2].num == 0 && db_exec(r,
	    "UPDATE mentorship_milestones SET done_at = NULL, done_by = NULL "
	    "WHERE id = ?", "i", mid) < 0)
		return -1;
	return 0;
}

static void
mr_update(struct req *r)
{
	struct mship m;
	struct fval v[UPD_NFIELDS];
	struct mform mf;
	const char *found;
	int rc;

	if (mr_load(r, &m, 1) == -1)
		return;
	found = db_value(r, "SELECT id FROM mentorship_milestones WHERE id = ? "
	    "AND mentorship_id = ?", "ii", r->id[1], m.id);
	if (found == NULL)
		return r->db_failed ? (void)0 : page_error(r, 404);
	memset(&mf, 0, sizeof(mf));
	mf.mid = r->id[1];
	mf.due_date = req_form(r, "due_date");
	mf.goal = req_form(r, "goal");
	field_read(r, upd_fields, UPD_NFIELDS, v);
	if (v[1].err == NULL && (v[1].err = date_sane(v[1].str)) != NULL)
		v[1].str = NULL;
	if (v[1].raw != NULL && v[1].str == NULL && v[1].err == NULL)
		v[1].err = "Enter a due date as YYYY-MM-DD.";
	mf.error = v[0].err != NULL ? "Choose one of this mentorship's goals." :
	    v[1].err != NULL ? v[1].err : v[2].err != NULL ?
	    "Mark the milestone done or reopen it." : NULL;
	if (mf.error != NULL)
		return mr_page(r, &m, NULL, &mf, 422);
	if (db_begin(r) == -1 || (rc = mr_change(r, &m, v, &mf)) == -1)
		return;
	if (rc == 1)
		return mr_page(r, &m, NULL, &mf, 422);
	if (db_commit(r) == -1)
		return;
	if (!v[UP_INSTANT].num)
		resp_flash(r, v[UP_DONE].str != NULL ? (v[UP_DONE].num ?
		    "Milestone done." : "Milestone reopened.") :
		    "Milestone saved.");
	resp_redirect(r, req_printf(r, "/mentorships/%lld/roadmap", m.id));
}

static void
mr_remove(struct req *r)
{
	struct mship m;
	long long n;

	if (mr_load(r, &m, 1) == -1)
		return;
	n = db_exec(r, "DELETE FROM mentorship_milestones WHERE id = ? AND "
	    "mentorship_id = ?", "ii", r->id[1], m.id);
	if (n < 0)
		return;
	if (n == 0)
		return page_error(r, 404);
	resp_flash(r, "Milestone removed from this mentorship.");
	resp_redirect(r, req_printf(r, "/mentorships/%lld/roadmap", m.id));
}
