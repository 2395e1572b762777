/*
 * mentorships: what the program's page files share: loading the
 * mentorship of the path, its address, the rules every page asks
 * (its stage, whether the contract may be written), telling the other
 * party, and the handlers the route table (main.c) names.
 */
#ifndef MENTEO_MENTORSHIPS_H
#define MENTEO_MENTORSHIPS_H

#include "db.h"
#include "field.h"
#include "mship.h"
#include "page.h"
#include "req.h"
#include "resp.h"
#include "stage.h"

/* A write of review.c and checkin.c run in one transaction. */
struct rwrite {
	struct mship	*m;
	struct fval	*v;
	const char	*why;
	int		 done;	/* acknowledge: 0 given already, 1 now */
	const void	*arg;	/* what else the write needs */
};

/*
 * A goal `g` closed in an earlier cycle: its outcome given before the
 * newest stage event that began a new cycle (sql/404). Shown apart on
 * the mentorship page, and fixed in the new cycle's review whether or
 * not the mentor acknowledged it (a cycle may start from Separation).
 */
#define GOAL_EARLIER	"(g.status <> 'open' AND g.reviewed_after_event < " \
	"(SELECT COALESCE(MAX(e.id), 0) FROM stage_events e WHERE " \
	"e.mentorship_id = g.mentorship_id AND " MSHIP_CYCLE_START("e") "))"

/* A mentorship's focus, its name: as a request names it, and a rename. */
#define MSHIPS_FOCUS_FIELD	{ "focus", F_TEXT, 3, 200, 1, NULL }

/* A form of the mentorship page put back as typed (a 422): which one. */
enum shown_form { SHOWN_CHECKIN, SHOWN_FOCUS };
struct shown {
	enum shown_form	 form;
	const struct fval *v;	/* checkin.c's fields, or the focus */
};

/* main.c: the helpers every page uses. */
int		 mships_load(struct req *, struct mship *);
const char	*mships_path(struct req *, const struct mship *, const char *);
int		 mships_is(const struct mship *, const char *);
int		 mships_contract_editable(const struct mship *);
int		 mships_tell(struct req *, const struct mship *,
		    const char *subject, const char *intro, const char *note,
		    const char *sub);
int		 mships_mail_throttled(struct req *, struct mship *,
		    void (*)(struct req *, struct mship *, int, const char *));

/* next.c: the page's next step, and the conditions it asked once. */
/*
 * The conditions of moves the page asked, each asked once for the next
 * step and the forms alike: a condition reads the mentorship alone, not
 * the rule that names it.
 */
#define ASKED_MAX	8
struct asked {
	struct db_rows	 kept;		/* the page's "cond" rows */
	stage_cond_fn	 cond[ASKED_MAX];
	int		 ready[ASKED_MAX];
	size_t		 n;
};
/*
 * What the page says of the roadmap and the room, counted once for the
 * next step and the panels beside it: the milestones from the page's
 * facts, the unread messages read on every view (the viewer's own).
 */
struct show_counts {
	long long	 ms_total, ms_done, ms_overdue;
	long long	 unread;	/* the room's, for the viewer */
};
int		 mships_move_ready(struct req *, const struct mship *,
		    const struct stage_rule *, struct asked *);
const char	*mships_next(struct req *, struct tdict *, const struct mship *,
		    const struct db_rows *facts, const struct show_counts *,
		    struct asked *, const char *why);

/* show.c: the mentorship page, and its parts other pages reuse. */
struct kept_def;
extern const struct kept_def *const	mships_kept[];	/* --kept */
void		 mships_page(struct req *, struct mship *, int status,
		    const char *reason);
void		 mships_page_with(struct req *, struct mship *, int status,
		    const char *reason, const struct shown *typed);
/*
 * timeline.c: the timeline of m, stage events (mships_timeline_sql's
 * rows) and, for its parties, renames (mships_renames_sql's, or NULL),
 * as EVENT sections of d; notes: the words each move came with too.
 * mships_timeline reads the events itself: -1 when the database failed.
 */
void		 mships_timeline_fill(struct req *, struct tdict *,
		    const struct mship *, int notes, const struct db_rows *,
		    const struct db_rows *);
int		 mships_timeline(struct req *, struct tdict *,
		    const struct mship *, int notes);
extern const char mships_timeline_sql[];	/* "i": the mentorship */
extern const char mships_renames_sql[];		/* "i": the mentorship */
/*
 * The mentorship page's rows of m (kept.c), kept under the pair's
 * version and remade once now passes what the clock alone changes;
 * NULL once answered. mships_part: the part `name` of them ("facts",
 * "goals", "events", "progress", "checkins", "cond", "complete",
 * "asked"), no rows when absent.
 */
const struct db_rows	*mships_rows(struct req *, struct mship *,
			    const char *version, const char *now);
struct db_rows		 mships_part(const struct db_rows *, const char *name);
/* review.c: the goals with their outcomes (record.c shows them too). */
int		 mships_goals(struct req *, struct tdict *,
		    const struct mship *, int forms, int notes);
/*
 * checkin.c: the Redefinition check-ins on the mentorship page, from the
 * rows of mships_checkins_sql ("i": the mentorship).
 */
extern const char mships_checkins_sql[];
int		 mships_checkins_rows(struct req *, struct tdict *,
		    const struct db_rows *, const struct fval *);

/*
 * pictures.c (SPEC 15): STRIP, the days in each stage, for the
 * mentorship page and the record; PROGRESS_CHART, milestones done and
 * goals achieved week by week, from the rows of mships_progress_sql. 0,
 * or -1 when the database failed.
 */
int		 mships_strip(struct req *, struct tdict *,
		    const struct mship *);
int		 mships_progress_rows(struct req *, struct tdict *,
		    const struct db_rows *);
extern const char mships_progress_sql[];	/* "iii": the mentorship */

/*
 * contract_save.c: the contract page with a refusal (status, why), and
 * the lock a write to the contract takes: 0, 404 deleted meanwhile, 409 not
 * in a stage that writes it (why), -1 db.
 */
void		 mships_contract_refused(struct req *, struct mship *,
		    int status, const char *why);
int		 mships_contract_lock(struct req *, struct mship *,
		    const char **why);
/*
 * The contract a form's page showed: its fingerprint as posted ("seen"),
 * NULL when the post came without one, "" when it is none Menteo made
 * (agreement.c).
 */
const char	*mships_contract_seen(struct req *);
/*
 * Whether the contract changed since a page showed it as seen (its
 * fingerprint, posted with the form; NULL for a post made without the
 * page): 1, 0, -1 db; the fingerprint now in *now (unless NULL) when
 * one was posted. Under the lock.
 */
int		 mships_contract_moved(struct req *, const struct mship *,
		    const char *seen, const char **now);
/*
 * agreement.c: the viewer agrees; the agreed versions on the page; the
 * contract as text, as version `version` would keep it (head: its first
 * line, NULL "Contract version N").
 */
void		 mships_agree(struct req *, struct mship *);
int		 mships_versions_show(struct req *, struct tdict *,
		    const struct mship *);
const char	*mships_contract_text(struct req *, const struct mship *,
		    long long version, const char *head);

/* Handlers, one page file each. */
void	mships_list(struct req *);
void	mships_new(struct req *);
void	mships_create(struct req *);
void	mships_show(struct req *);
void	mships_stage(struct req *);
void	mships_contract(struct req *);
void	mships_contract_post(struct req *);
void	mships_goals_post(struct req *);
void	mships_review(struct req *);
void	mships_review_post(struct req *);
void	mships_record(struct req *);
void	mships_record_share(struct req *);
void	mships_checkin(struct req *);
void	mships_checkin_log(struct req *);
void	mships_focus_post(struct req *);
/* focus.c: the mentorship page's rename form (focus: as typed, or NULL). */
void	mships_rename_form(struct tdict *, const struct mship *,
	    const struct fval *focus);
void	mships_meetings(struct req *);
void	mships_meetings_post(struct req *);
void	mships_meeting_post(struct req *);
void	mships_meeting_ics(struct req *);
/*
 * calendar.c: meeting id of m as iCalendar text (one event, planned or
 * cancelled), for a mail's attachment; NULL when it is not m's, or the
 * database failed (r->db_failed).
 */
const char *mships_meeting_event(struct req *, const struct mship *,
	    long long id);
void	mships_calendar(struct req *);

#endif
