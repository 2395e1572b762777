/*
 * roadmaps: what the program's page files share: a roadmap as the viewer
 * may see it (loaded by main.c under one rule), the milestone form, and
 * the handlers the route table names.
 */
#ifndef MENTEO_ROADMAPS_H
#define MENTEO_ROADMAPS_H

#include "field.h"
#include "req.h"

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

/*
 * A roadmap's milestones in the order a mentorship meets them: by week
 * (an applied milestone is listed by its due date), then as the author
 * placed those of the same week. A move never crosses a week.
 */
#define RM_MS_ORDER	"week_offset, position, id"

/* A milestone of a roadmap (add and edit, milestones.c). */
enum { MS_TITLE, MS_DESCRIPTION, MS_WEEK_OFFSET, MS_STAGE, MS_NFIELDS };
extern const struct field ms_fields[MS_NFIELDS];

/*
 * Roadmap id as the viewer may see it: 0 found, 404 unknown or private
 * to someone else (never 403: its existence is private too), -1 db.
 */
int	rm_load(struct req *, long long id, struct roadmap *);
/* Loads r->id[0] for an editing request; answers the error itself. */
int	rm_load_editable(struct req *, struct roadmap *);
int	rm_touch(struct req *, long long id);
/* show.c: a roadmap's page; add is the milestone form to put back. */
void	rm_show_page(struct req *, const struct roadmap *, struct fval *add,
	    int status);

/* Handlers, one page file each. */
void	rm_index(struct req *);		/* library.c */
void	rm_new_form(struct req *);	/* edit.c */
void	rm_new_post(struct req *);
void	rm_edit_form(struct req *);
void	rm_edit_post(struct req *);
void	rm_delete(struct req *);
void	rm_copy(struct req *);
void	rm_show(struct req *);		/* show.c */
void	ms_add(struct req *);		/* milestones.c */
void	ms_edit_form(struct req *);
void	ms_edit_post(struct req *);
void	ms_delete(struct req *);
void	ms_move(struct req *);
void	mr_show(struct req *);		/* mentorship.c */
void	mr_apply(struct req *);
void	mr_update(struct req *);
void	mr_remove(struct req *);
void	mr_unapply(struct req *);

#endif
