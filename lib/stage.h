/*
 * stage: the mentorship stage machine of docs/stages.md. The allowed
 * moves are a table (from, to, who, condition); stage_move and stage_end
 * are the one way any program changes a mentorship's stage, so every
 * move is checked the same way, recorded as a stage event and mailed.
 */
#ifndef MENTEO_STAGE_H
#define MENTEO_STAGE_H

#include "mship.h"
#include "req.h"

struct cohort_proposal;		/* lib/cohort.h */

/* Who may make a move. */
enum stage_who {
	STAGE_MENTOR,
	STAGE_MENTEE,
	STAGE_EITHER,
	STAGE_SYSTEM,	/* r->user.id == 0: the notifier (expiry) */
	STAGE_ADMIN,	/* an administrator ends it (stage_end) */
	STAGE_DELETION,	/* r->user deleted their account (stage_end) */
	STAGE_PROGRAMME,	/* an organiser removed a party from the
				   pair's programme, or the party left it
				   (stage_end): a request is withdrawn
				   unanswered */
	STAGE_TAKEN_BACK	/* an organiser took back the programme's
				   proposal (stage_end) before it was
				   accepted */
};

struct stage_rule {
	const char	*from;
	const char	*to;
	enum stage_who	 who;
	/* NULL or 0 allowed; else sets *why and returns non-zero */
	int		(*cond)(struct req *, const struct mship *,
			    const char *note, const char **why);
	const char	*action;	/* button text: "Accept" */
	const char	*subject;	/* mail subject to the other party */
};

extern const struct stage_rule	stage_rules[];
extern const size_t		stage_nrules;

/*
 * Moves m to stage `to` on behalf of r->user (user.id 0 = the system).
 * Returns 0 when moved (m->stage updated), 409 refused (*why says
 * why), 422 the note the move needs is empty (*why, the field's error:
 * a question, an ending's reason), 403 the actor may not act at all
 * (not a party, not verified; *why says why), 404 the mentorship is
 * gone, -1 database down. The move, its stage event and the e-mail to
 * the other party are one transaction. When prog is not NULL, *prog is
 * the name of the programme whose proposal this move answered (a move
 * from requested of a pair its organisers proposed), else NULL.
 */
int	 stage_move(struct req *, struct mship *, const char *to,
	    const char *note, const char **why, const char **prog);

/*
 * Ends m from whatever open stage it is in when its row is locked, for
 * `by` STAGE_ADMIN (r->user, an admin: both parties are mailed the note)
 * or STAGE_DELETION (r->user deleted their account: the other party is
 * told). Or withdraws a request, for STAGE_PROGRAMME (r->user, whom the
 * caller checked organises the pair's programme, removed one party from
 * it; or r->user, a party, left it) and STAGE_TAKEN_BACK (such an
 * organiser takes back a pair the programme proposed): the note says
 * who withdrew it, and each party still in the programme is told. Returns as stage_move; 409 when it is
 * closed already (or no longer a request, or not a proposal). Inside the
 * caller's transaction when there is one.
 */
int	 stage_end(struct req *, struct mship *, enum stage_who by,
	    const char *note, const char **why);

/*
 * Locks m's row (the first lock of every write that depends on the
 * stage: then its goals and the rest) and reads m->stage again under it.
 * Inside the caller's transaction: 0, 404 gone, -1 database.
 */
int	 stage_lock(struct req *, struct mship *);

/* The rule for from -> to that `by` may use (a party's: STAGE_EITHER). */
const struct stage_rule *stage_rule_find(const char *from, const char *to,
	    enum stage_who by);

/* Whether the viewer's role matches the rule's "who" (no conditions). */
int	 stage_actor_ok(const struct req *, const struct mship *,
	    const struct stage_rule *);

/*
 * In a request, the mentor asks and the mentee answers, in turn: 1 when
 * the mentor's last question waits for its answer, 0 when the mentor
 * may ask (nothing asked, or answered), -1 when the database failed.
 */
int	 stage_question_open(struct req *, const struct mship *);
/*
 * SQL: whether stage event e (the request's latest) is the mentor's
 * question (a move from requested to itself), mentor a column or ?. An
 * organiser who is the mentor proposes the pair as an outsider: no
 * question (sql/360).
 */
#define STAGE_ASKED(e, mentor) "(" e ".from_stage <=> " e ".to_stage " \
	"AND " e ".actor_id <=> " mentor " AND " e ".by_outsider = 0)"

/*
 * What of rule rl's condition reads the pair alone, which a page may
 * keep under the pair's version (cgi-bin/mentorships/show.c): the whole
 * condition (*whole 1), or, for one that also reads the mentor's places
 * (back to Cultivation from Redefinition), the rest of it (*whole 0): a
 * move whose part fails is refused, one whose part holds asks the whole.
 * NULL: no condition, or one that reads beyond the pair first (accepting
 * a request).
 */
typedef int	(*stage_cond_fn)(struct req *, const struct mship *,
		    const char *note, const char **why);
/* A condition's answer: 0 holds, 1 refused, this: its note is empty. */
#define STAGE_NOTE_MISSING	2
stage_cond_fn	 stage_pair_cond(const struct stage_rule *rl, int *whole);
/*
 * Where the pair meets rl's condition (a refusal's link): a path under
 * the mentorship, *label its words; NULL for none.
 */
const char	*stage_cond_place(const struct stage_rule *rl,
		    const char **label);

/* Open (active) stages that count against a mentor's capacity. */
int	 stage_counts_capacity(const char *stage);

/* Mentor mentor_id has room for one more: 1, 0, or -1 (db). */
int	 stage_mentor_has_room(struct req *, long long mentor_id);

/*
 * A contract version's goals (SPEC 3): 3 to 5 the first; a renewal's
 * new ones and the open ones it carries over, 1 to 5 new, 5 in all.
 */
#define STAGE_GOALS_MIN	3
#define STAGE_GOALS_MAX	5

/*
 * What the contract as written lacks before it may be agreed (goal
 * count, missing fields, a review date in the past): up to max
 * sentences into why, their number; *failed when the database failed.
 */
size_t	 stage_contract_missing(struct req *, const struct mship *,
	    const char **why, size_t max, int *failed);
/*
 * Whether the contract as written may be agreed: 0, or non-zero with
 * *why, the first thing stage_contract_missing lists; -1 db failed.
 */
int	 stage_contract_complete(struct req *, const struct mship *,
	    const char **why);

/* 1 when table `name` exists in this database (cached per process). */
int	 stage_table_exists(struct req *, const char *name);

/* The viewer's private calendar feed path, made on first use; NULL: db. */
const char *stage_calendar_url(struct req *);

/*
 * Who a rule's mover is, and the mail a move sends (stage_mail: in
 * lib/stage_mail.c, the module's second file, the words of a move).
 */
/* An ending by a programme's organisers (or a party leaving it). */
int	 stage_by_programme(enum stage_who);
/* An ending by an admin, a deletion or a programme: no party's choice. */
int	 stage_by_outsider(enum stage_who);
/*
 * A programme's ending of a pair made by one of its parties: one who
 * left the programme (or an organiser who is a party, whose note says
 * what they did), said in their name, not the organisers'. The timeline
 * reads the same rule from its events (mships_timeline_sql).
 */
int	 stage_by_leaver(const struct req *, const struct mship *,
	    const struct stage_rule *);
/*
 * The mail about rule rl's move (event ev, with note; cp the proposal
 * it answered, if any; cancelled the meetings a closing cancelled, by
 * id, or NULL: only a pair past its request has any): to the other
 * party, both for an admin, those still in the programme for its
 * organisers. 0, or -1 (db).
 */
int	 stage_mail(struct req *, const struct mship *,
	    const struct stage_rule *, const char *note, long long ev,
	    const struct cohort_proposal *, const char *cancelled);

#endif
