/*
 * roadmaps: a roadmap's milestones: add, edit, delete, move.
 */
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "field.h"
#include "mship.h"
#include "page.h"
#include "resp.h"
#include "roadmaps.h"

static const char *const stages[] = {
	"initiation", "cultivation", "separation", NULL
};
static const char *const dirs[] = { "up", "down", NULL };

/* A milestone of a roadmap (add and edit). */
const struct field ms_fields[MS_NFIELDS] = {
	{ "title",	 F_TEXT,	1, 200,	 1, NULL },
	{ "description", F_MULTILINE,	0, 4000, 0, NULL },
	{ "week_offset", F_INT,		0, 520,	 1, NULL },
	{ "stage",	 F_CHOICE,	0, 0,	 0, stages },
};

static int
ms_read(struct req *r, struct fval *v)
{
	int n = field_read(r, ms_fields, MS_NFIELDS, v);

	if (v[MS_WEEK_OFFSET].err != NULL && v[MS_WEEK_OFFSET].raw != NULL &&
	    *v[MS_WEEK_OFFSET].raw != '\0')
		v[MS_WEEK_OFFSET].err = "Enter a number of weeks from 0 to 520.";
	return n;
}

/* A milestone form's work in a transaction: the roadmap, the values. */
struct ms_w {
	const struct roadmap	*rm;
	const struct fval	*v;
	long long		 id;	/* the one added, or edited */
};

/*
 * A milestone on its roadmap's page, where a form about it comes back:
 * there, not at the top of a long roadmap (:target marks it).
 */
static const char *
ms_path(struct req *r, long long rm_id, long long id)
{
	return req_printf(r, "/roadmaps/%lld#m%lld", rm_id, id);
}

/*
 * The milestone last in the roadmap, in a transaction: the form's key is
 * claimed by its first one (lib/once.h), so sent twice it adds one.
 */
static int
add_tx(struct req *r, void *arg)
{
	struct ms_w *w = arg;
	const struct fval *v = w->v;

	if (db_exec(r,
	    "INSERT INTO roadmap_milestones (roadmap_id, position, title, "
	    "description, week_offset, stage) SELECT ?, COALESCE(MAX(position), "
	    "0) + 1, ?, ?, ?, ? FROM roadmap_milestones WHERE roadmap_id = ?",
	    "issisi", w->rm->id, v[MS_TITLE].str, field_opt(&v[MS_DESCRIPTION]),
	    v[MS_WEEK_OFFSET].num, v[MS_STAGE].str, w->rm->id) < 0)
		return -1;
	w->id = db_last_id();
	return rm_touch(r, w->rm->id);
}

void
ms_add(struct req *r)
{
	struct roadmap rm;
	struct fval v[MS_NFIELDS];
	struct ms_w w = { &rm, v, 0 };

	if (rm_load_editable(r, &rm) == -1)
		return;
	if (ms_read(r, v) > 0)
		return rm_show_page(r, &rm, v, 422);
	if (db_tx_run(r, add_tx, &w) != 0)
		return;
	resp_flash(r, "Milestone added.");
	resp_redirect(r, ms_path(r, rm.id, w.id));
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
	tmpl_set(d, "MID", db_get(ms, 0, "id"));
	if (v != NULL)
		page_form(d, ms_fields, MS_NFIELDS, v);
	else {
		const char *st = db_get(ms, 0, "stage");
		tmpl_set(d, "TITLE", db_get(ms, 0, "title"));
		tmpl_set(d, "DESCRIPTION", db_get(ms, 0, "description"));
		tmpl_set(d, "WEEK_OFFSET", db_get(ms, 0, "week_offset"));
		if (st != NULL)
			tmpl_show(d, req_printf(r, "STAGE_%s",
			    strcmp(st, "initiation") == 0 ? "INITIATION" :
			    strcmp(st, "cultivation") == 0 ? "CULTIVATION" :
			    "SEPARATION"));
	}
	page_send(r, status);
}

void
ms_edit_form(struct req *r)
{
	struct roadmap rm;
	struct db_rows *ms;

	if (rm_load_editable(r, &rm) == -1 || (ms = ms_load(r, &rm)) == NULL)
		return;
	ms_form_page(r, &rm, ms, NULL, 200);
}

/*
 * Moved to another week, it goes last there, as one added would: its
 * place among the old week's said nothing of the new one's (assignments
 * run left to right: position reads the old week). The MAX reads the
 * roadmap's rows locked, as a move locks them: run again after a
 * deadlock (db_tx_run), as the move and the add are.
 */
static int
edit_tx(struct req *r, void *arg)
{
	const struct ms_w *w = arg;
	const struct fval *v = w->v;

	if (db_exec(r, "UPDATE roadmap_milestones SET position = IF("
	    "week_offset = ?, position, (SELECT p FROM (SELECT MAX(position) "
	    "+ 1 AS p FROM roadmap_milestones WHERE roadmap_id = ?) x)), "
	    "title = ?, description = ?, week_offset = ?, stage = ? WHERE "
	    "id = ?", "iissisi", v[MS_WEEK_OFFSET].num, w->rm->id,
	    v[MS_TITLE].str, field_opt(&v[MS_DESCRIPTION]),
	    v[MS_WEEK_OFFSET].num, v[MS_STAGE].str, w->id) < 0)
		return -1;
	return rm_touch(r, w->rm->id);
}

void
ms_edit_post(struct req *r)
{
	struct roadmap rm;
	struct db_rows *ms;
	struct fval v[MS_NFIELDS];

	if (rm_load_editable(r, &rm) == -1 || (ms = ms_load(r, &rm)) == NULL)
		return;
	if (ms_read(r, v) > 0)
		return ms_form_page(r, &rm, ms, v, 422);
	if (db_tx_run(r, edit_tx, &(struct ms_w){ &rm, v, r->id[1] }) != 0)
		return;
	resp_flash(r, "Milestone saved.");
	resp_redirect(r, ms_path(r, rm.id, r->id[1]));
}

void
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

/* Milestone id of roadmap rm_id and the way it moves. */
struct move_w {
	long long	 rm_id, id;
	int		 up;
};

/*
 * Swaps it with its neighbour that way among those of its week (the
 * list's order, RM_MS_ORDER), from where it stands now (a move at once
 * may have moved it); the first up or last down of a week stays.
 */
static int
move_tx(struct req *r, void *arg)
{
	const struct move_w *w = arg;
	struct db_rows *at, *nb;
	long long pos, week;

	if ((at = db_query(r, "SELECT position, week_offset FROM "
	    "roadmap_milestones WHERE id = ? FOR UPDATE", "i", w->id)) == NULL)
		return -1;
	if (at->nrows == 0)
		return 0;
	pos = db_get_int(at, 0, "position");
	week = db_get_int(at, 0, "week_offset");
	if (w->up)
		nb = db_query(r, "SELECT id, position FROM "
		    "roadmap_milestones WHERE roadmap_id = ? AND week_offset = "
		    "? AND (position < ? OR (position = ? AND id < ?)) ORDER BY "
		    "position DESC, id DESC LIMIT 1 FOR UPDATE", "iiiii",
		    w->rm_id, week, pos, pos, w->id);
	else
		nb = db_query(r, "SELECT id, position FROM "
		    "roadmap_milestones WHERE roadmap_id = ? AND week_offset = "
		    "? AND (position > ? OR (position = ? AND id > ?)) ORDER BY "
		    "position, id LIMIT 1 FOR UPDATE", "iiiii", w->rm_id, week,
		    pos, pos, w->id);
	if (nb == NULL)
		return -1;
	if (nb->nrows == 0)
		return 0;
	if (db_exec(r, "UPDATE roadmap_milestones SET position = ? WHERE "
	    "id = ?", "ii", db_get_int(nb, 0, "position"), w->id) < 0 ||
	    db_exec(r, "UPDATE roadmap_milestones SET position = ? WHERE "
	    "id = ?", "ii", pos, db_get_int(nb, 0, "id")) < 0 ||
	    rm_touch(r, w->rm_id) == -1)
		return -1;
	return 0;
}

/*
 * Swaps the milestone with its neighbour above or below, in a
 * transaction that runs again (db_tx_run): two moves at once, from two
 * tabs, lock the same rows in turn and may deadlock. Its position was
 * read before the transaction, and a move at once wrote a stale one
 * back: two milestones shared a place (test_roadmaps).
 */
void
ms_move(struct req *r)
{
	struct roadmap rm;
	struct fval dv;
	static const struct field dir = { "dir", F_CHOICE, 0, 0, 1, dirs };
	struct move_w w;

	if (rm_load_editable(r, &rm) == -1 || ms_load(r, &rm) == NULL)
		return;
	if (field_check(r->arena, &dir, req_form(r, "dir"), &dv) != 0)
		return page_error_msg(r, 400, "Move a milestone up or down.");
	w = (struct move_w){ rm.id, r->id[1], strcmp(dv.str, "up") == 0 };
	if (db_tx_run(r, move_tx, &w) != 0)
		return;
	resp_redirect(r, ms_path(r, rm.id, w.id));
}
