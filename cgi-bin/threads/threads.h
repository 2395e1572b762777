/*
 * threads: what the program's page files share: a thread and an entry as
 * the viewer may see them, loaded under one visibility rule (main.c),
 * the entry's fields, and the handlers the route table names.
 */
#ifndef MENTEO_THREADS_H
#define MENTEO_THREADS_H

#include "db.h"
#include "entry.h"
#include "field.h"
#include "kept.h"
#include "mship.h"
#include "page.h"
#include "req.h"

/*
 * The stages in which a linked mentorship shares its threads with the
 * other party (the mentor): asked, under way, or ended. A request that
 * came to nothing (declined, withdrawn, expired) shares nothing more with
 * the mentor it was sent to, nor lets them give feedback. The one rule
 * for thread_load and the list of threads shared with a person.
 */
#define THREAD_SHARED_STAGES	STAGES_OPEN ",'ended'"

extern const struct field entry_f[];
enum { EF_KIND, EF_BODY, EF_N };
enum { FF_KIND, FF_BEFORE, FF_N };
extern const struct field filter_f[FF_N];

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
	const char	*owner_tz;	/* the owner's zone: the calendar's days */
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

const char	*choice_key(struct req *, const char *prefix, const char *value);
const char	*iso_time(struct req *, const char *utc);
void		 set_visibility(struct tdict *, const char *vis);
int		 thread_load(struct req *, long long id, struct thread *);
int		 thread_get(struct req *, struct thread *);
int		 entry_get(struct req *, const struct thread *, struct entry *);
int		 touch_thread(struct req *, long long id);

/* show.c: the kept entries part of a page (lib/kept.h). */
extern const struct kept_def	 entries_kept;
extern const struct kept_def	 calendar_kept;

/* show.c: the parts a thread page and an entry page share. */
void		 thread_head(struct req *, struct tdict *, const struct thread *);
void		 entry_fill(struct req *, struct tdict *, const struct thread *,
		    const char *id, const char *kind, const char *body,
		    const char *created, const char *updated);
struct db_rows	*comments_load(struct req *, const struct thread *,
		    long long lo, long long hi);
void		 comments_fill(struct req *, struct tdict *,
		    const struct thread *, const struct db_rows *,
		    long long entry_id);
void		 show_page(struct req *, const struct thread *,
		    const struct fval *ev, int status);

/* Handlers, one page file each. */
void	threads_index(struct req *);		/* list.c */
void	threads_new(struct req *);		/* form.c */
void	threads_create(struct req *);
void	threads_edit_form(struct req *);
void	threads_edit(struct req *);
void	threads_show(struct req *);		/* show.c */
void	threads_entry_add(struct req *);	/* entries.c */
void	threads_entry_show(struct req *);
void	threads_entry_edit(struct req *);
void	threads_entry_delete(struct req *);
void	threads_comment(struct req *);
void	threads_atom(struct req *);		/* atom.c */

#endif
