/*
 * mentorships: what contract.c (the contract page), contract_save.c (its
 * one form written) and goals.c (a goal at a time) share: the form's
 * shape, what a write found under the lock, and the pieces each calls
 * of the other.
 */
#ifndef MENTEO_MENTORSHIPS_CONTRACT_H
#define MENTEO_MENTORSHIPS_CONTRACT_H

/* The terms (SPEC section 9's names); channels are read as a list. */
enum { CT_GROUND_RULES, CT_CADENCE, CT_REVIEW_DATE, CT_N };
extern const struct field mships_contract_f[CT_N];
/* The channels a contract may name, in the column's SET order. */
extern const char *const mships_channel_names[];

/*
 * A goal: one row of the contract form (the fields before GL_REMOVE,
 * each sent once per row), or a post of its own to /goals.
 */
enum { GL_TITLE, GL_MEASURE, GL_TARGET_DATE, GL_GOAL, GL_REMOVE, GL_N };
extern const struct field mships_goal_f[GL_N];
#define GL_ROW		GL_REMOVE	/* the fields a form row sends */

#define GOALS_MAX	50	/* per mentorship, over all its cycles */
#define ROWS_MAX	GOALS_MAX	/* goal rows one post may hold */

/* The contract form as typed, or as stored: the terms and goal rows. */
struct cform {
	struct fval	 terms[CT_N];
	const char	*chans[8];
	size_t		 nchans;
	const char	*chan_set;	/* stored: the channels as one list */
	const char	*chan_err;	/* none chosen: said on the fieldset */
	int		 review_set;	/* stored: a review date, not proposed */
	struct fval	 rows[ROWS_MAX][GL_N];
	size_t		 nrows;
	const char	*seen;		/* the contract its page showed */
	int		 moved;		/* since then: the contract now shown */
};

/*
 * The goals a new version may still change: the row's goal is one. A
 * condition on goals g joined to their mentorship m, by those names.
 */
#define GOAL_EDITABLE	"(g.version > m.contract_version OR m.stage = " \
	"'initiation')"

/* What a write to the contract found under the mentorship's lock. */
struct cwrite {
	struct mship	*m;
	const char	*why;		/* refused: why */
	struct fval	*v;		/* the terms, or a goal (/goals) */
	const char	*setv;		/* the terms: channels as a SET */
	long long	 goal;		/* goals: the goal edited, or 0 */
	struct cform	*form;		/* the one form: its goal rows */
	const char	*seen;		/* posted: the contract it was made on */
	int		 agreeing;	/* the form saved to be agreed to */
	int		 changed;	/* the form: something saved */
	const char	*what;		/* what changed, in words, or NULL */
	int		 cleared;	/* an agreement given was cleared */
};

/* What agreeing found under the mentorship's lock. */
struct agreeing {
	struct mship	*m;
	const char	*seen;		/* the contract the page showed */
	const char	*why;		/* refused: why */
	int		 done;		/* 0 nothing new, 1 one, 2 both */
	long long	 version;	/* the version kept */
	struct cwrite	*typed;		/* the form saved first, or NULL */
	int		 changed;	/* and it changed the contract */
	const char	*what;		/* what it changed, in words */
};

/*
 * contract.c: the page (a form as typed, or NULL for the stored one;
 * an error; a note above the form), the stored terms (0, 404, -1) and
 * the goals this version may change (0, -1); blank rows up to what the
 * version needs; the stored review date a form may keep though it is
 * before the reader's first open day, or NULL.
 */
void		 mships_contract_page(struct req *, struct mship *, int status,
		    const struct cform *typed, const char *err,
		    const char *note, int focus_last);
int		 mships_contract_terms_stored(struct req *,
		    const struct mship *, struct cform *);
int		 mships_contract_rows_stored(struct req *, const struct mship *,
		    struct cform *);
void		 mships_rows_pad(const struct mship *, struct cform *);
const char	*mships_review_kept(struct req *, const struct mship *,
		    const char *was);

/*
 * agreement.c: a change that clears both agreements (in the caller's
 * transaction); the viewer agrees to the contract as it is, under the
 * lock (0, 404, 422 with why, -1 db), and the page that follows.
 */
int		 mships_contract_changed(struct req *, const struct mship *,
		    const char *what, int *cleared);
int		 mships_agree_locked(struct req *, struct agreeing *);
void		 mships_agreed(struct req *, struct mship *,
		    const struct agreeing *);

/*
 * goals.c: a goal added, or found editable, under the lock: 0; 404
 * not this mentorship's; 409 or 422 with w->why; -1 db. The measure's
 * message; a target date in the past (1 marked on the row, 0, -1 db).
 */
int		 mships_goal_insert(struct req *, struct cwrite *,
		    const struct fval *);
int		 mships_goal_editable(struct req *, struct cwrite *, long long);
void		 mships_goal_measure_msg(struct fval *);
int		 mships_goal_target_past(struct req *, const struct mship *,
		    struct fval *);

#endif
