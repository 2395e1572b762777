/*
 * roadmaps: a roadmap's page, its milestones, and the mentorships it can
 * be applied to.
 */

#include "db.h"
#include "md.h"
#include "mship.h"
#include "page.h"
#include "roadmaps.h"

/* My mentorships a roadmap can be applied to now. */
static int
rm_show_apply(struct req *r, struct tdict *d, const struct roadmap *rm)
{
	struct db_rows *rows;
	struct tdict *s;
	size_t i;

	rows = db_query(r,
	    "SELECT m.id, m.focus, u.display_name AS other, "
	    "'mentee' AS role FROM mentorships m "
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
		tmpl_set(m, "MID", db_get(rows, i, "id"));
		tmpl_set(m, "FOCUS", db_get(rows, i, "focus"));
		tmpl_set(m, "OTHER", db_get(rows, i, "other"));
		tmpl_set(m, "ROLE", db_get(rows, i, "role"));
		tmpl_set_int(m, "RID", rm->id);
	}
	return 0;
}

/* Milestone i of rows is due in week w too: the two may swap places. */
static int
same_week(const struct db_rows *rows, size_t i, long long w)
{
	return db_get_int(rows, i, "week_offset") == w;
}

void
rm_show_page(struct req *r, const struct roadmap *rm, struct fval *add,
    int status)
{
	struct tdict *d, *s, *e = NULL;
	struct db_rows *rows;
	size_t i, stages = 0;

	rows = db_query(r,
	    "SELECT id, title, description, week_offset, stage "
	    "FROM roadmap_milestones WHERE roadmap_id = ? "
	    "ORDER BY " RM_MS_ORDER, "i", rm->id);
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
		const char *st = db_get(rows, i, "stage");
		long long w = db_get_int(rows, i, "week_offset");

		tmpl_set(m, "MID", db_get(rows, i, "id"));
		tmpl_set_int(m, "N", (long long)i + 1);
		tmpl_set(m, "M_TITLE", db_get(rows, i, "title"));
		if (*db_get(rows, i, "description") != '\0')
			tmpl_set(tmpl_section(m, "HAS_DESC"),
			    "DESCRIPTION_HTML",
			    md_html(r, db_get(rows, i, "description")));
		tmpl_set(m, "WHEN", w == 0 ? "At the start" :
		    req_printf(r, "Week %lld", w));
		if (st != NULL) {
			struct tdict *b = tmpl_section(m, "HAS_STAGE");
			tmpl_set(b, "STAGE", st);
			tmpl_set(b, "STAGE_LABEL", mship_stage_label(st));
			/* what "during Cultivation" means, said once */
			if (stages++ == 0)
				tmpl_include(d, "STAGE_LEGEND",
				    "roadmaps_stages.tpl");
		}
		if (rm->can_edit) {
			struct tdict *t = tmpl_section(m, "TOOLS");
			if (i > 0 && same_week(rows, i - 1, w))
				tmpl_show(t, "UP");
			if (i + 1 < rows->nrows && same_week(rows, i + 1, w))
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

void
rm_show(struct req *r)
{
	struct roadmap rm;
	int rc;

	if ((rc = rm_load(r, r->id[0], &rm)) != 0)
		return rc == -1 ? (void)0 : page_error(r, 404);
	rm_show_page(r, &rm, NULL, 200);
}
