/*
 * programmes: what the program's page files share: the programme as the
 * viewer sees it, the one rule for who may see and manage it, and the
 * handlers the route table (main.c) names.
 */
#ifndef MENTEO_PROGRAMMES_H
#define MENTEO_PROGRAMMES_H

#include "auth.h"
#include "db.h"
#include "field.h"
#include "page.h"
#include "req.h"
#include "sess.h"

#define INVITE_MAX	1000	/* addresses in one paste */
#define INVITE_DAYS	30	/* an invitation link's life */

struct prog {
	long long	 id;
	const char	*slug;
	const char	*name;
	const char	*description;
	const char	*join;		/* "open" | "invite" */
	int		 approval;	/* mentors wait for an organiser */
	const char	*starts_on;
	const char	*ends_on;
	long long	 review_weeks;
	const char	*cadence;
	const char	*ground_rules;
	long long	 roadmap_id;	/* 0: none */
	const char	*roadmap_title;
	int		 organiser;	/* the viewer organises it (or is admin) */
	long long	 part_id;	/* the viewer's participation, 0: none */
	const char	*part_role;
	const char	*part_status;
};

/* An invitation as its token finds it. */
struct invite {
	long long	 id;
	const char	*email;
	const char	*name;		/* pasted with the address; NULL none */
	const char	*role;
	const char	*hash;		/* its link's token, hashed; NULL: none */
	long long	 used_by;	/* 0 unused; -1 used by a deleted account */
	const char	*declined_at;	/* UTC; NULL: not declined */
	int		 live;		/* not expired */
};

extern const char *const prog_roles[];	/* "mentee", "mentor" */

/*
 * The programme of the route's {slug} for the viewer: 0, or -1 after
 * answering (404 unknown, database down). prog_manage: the same for its
 * organisers and site admins only (403 for anyone else).
 */
int		 prog_load(struct req *, struct prog *);
int		 prog_manage(struct req *, struct prog *);
/*
 * PROG_SLUG, PROG_NAME and the ORGANISER section of a page; the
 * organisers' tab it is ("Dashboard", ...) or NULL.
 */
void		 prog_head(struct tdict *, const struct prog *, const char *);
/*
 * What the programme is, for one about to take part: its description
 * (DESCRIPTION_HTML), its dates (a WHEN section) and who runs it (an
 * ORGANISED section: ORGANISERS, their names), into d. -1 db.
 */
int		 prog_about(struct req *, struct tdict *, const struct prog *);
/*
 * Who runs it and how to write to them, for one holding its invitation:
 * {{>CONTACT}} of d, nothing when it has no organisers. Never for a
 * visitor with no invitation: addresses are not for anyone who knows
 * the programme's address. -1 db.
 */
int		 prog_contact(struct req *, struct tdict *, const struct prog *);
const char	*prog_status_label(const char *role, const char *status);
/*
 * A search (q, or NULL for none) as a LIKE pattern for a part of a name
 * or an address, its wildcards letters: bound with ESCAPE '!'.
 */
const char	*prog_search_like(struct req *, const char *q);
/*
 * The programme's page, its status, a mentor's places as typed (with
 * their error) or NULL.
 */
void		 prog_show_page(struct req *, struct prog *, int status,
		    const struct fval *places);
/*
 * A notification to each organiser (kind, title, the page it leads to;
 * key made each one's own), or where the programme has none to each
 * site admin, who manages it: someone must know. In the caller's
 * transaction: 0, or -1 db.
 */
int		 prog_tell_organisers(struct req *, const struct prog *,
		    const char *kind, const char *title, const char *path,
		    const char *key);

/* place.c: the viewer's own place, in section s of the page. -1 db. */
int		 prog_place_fill(struct req *, struct tdict *s,
		    const struct prog *, const struct fval *typed);

/* invitations.c: the token of a join request, checked for the viewer. */
int		 invite_check(struct req *, const struct prog *, const char *t,
		    struct invite *);
/* A live invitation to the viewer's own proved address, or none. */
int		 invite_mine(struct req *, const struct prog *, struct invite *);
/*
 * The invitation of token t to the programme, whatever its state: 0
 * found, 1 no such token, -1 database. invite_bad answers a page saying
 * why an invitation found cannot be used, with how to write to the
 * organisers; invite_unknown one for a token found by nothing (1), with
 * more words after its own, and no addresses.
 */
int		 invite_find(struct req *, const struct prog *, const char *t,
		    struct invite *);
void		 invite_bad(struct req *, const struct prog *, int status,
		    const char *why);
void		 invite_unknown(struct req *, const struct prog *,
		    const char *more);

/*
 * A paste (paste.c): its entries, trimmed, blank ones dropped (their
 * count); an entry's address (inside its angle brackets, less a
 * "mailto:"); its name before the address, as "First Last", or NULL.
 */
size_t		 paste_split(struct req *, const char *text,
		    const char ***entries);
const char	*paste_address(struct req *, const char *entry);
const char	*paste_name(struct req *, const char *entry);
/*
 * settings.c: the settings page, with what was typed into its programme
 * form (v), its new intake question (qv) or its new survey question (sv),
 * each NULL when not typed; back to it at a section (NULL: the top),
 * saying what was done (NULL: nothing).
 */
void		 prog_settings_page(struct req *, const struct prog *,
		    const struct fval *v, const struct fval *qv,
		    const struct fval *sv, int status);
void		 prog_settings_back(struct req *, const char *slug,
		    const char *section, const char *done);
/*
 * questions.c: the settings page's questions, with its forms to add one
 * as typed (qv, sv) or NULL, into d (-1 db); the two forms' posts, which
 * the settings page receives.
 */
int		 prog_questions_fill(struct req *, struct tdict *d,
		    const struct prog *, const struct fval *qv,
		    const struct fval *sv);
void		 prog_question_add(struct req *, const struct prog *);
void		 prog_survey_question_add(struct req *, const struct prog *);
/* The intake questions, in the organiser's order. */
struct db_rows	*prog_questions(struct req *, long long prog_id);
/* That order, of programme_questions as t ("q." or ""), sql/390. */
#define PROG_QUESTION_ORDER(t)	t "position, " t "id"
/* A choice question's choices, one a line, trimmed: *out NULL-ended. */
size_t		 prog_choices(struct req *, const char *, const char ***out);

/* The dashboard's kept figures (dashboard.c; `programmes --kept`). */
struct kept_def;
extern const struct kept_def *const	prog_kept[];

/* Handlers, one page file each. */
void	prog_new(struct req *);
void	prog_create(struct req *);
void	prog_settings(struct req *);
void	prog_settings_post(struct req *);
void	prog_question_delete(struct req *);
void	prog_question_form(struct req *);
void	prog_question_save(struct req *);
void	prog_question_move(struct req *);
void	prog_survey_question_retire(struct req *);
void	prog_survey_question_restore(struct req *);
void	prog_invitations(struct req *);
void	prog_invite(struct req *);
void	prog_invitation_post(struct req *);
void	prog_join_form(struct req *);
void	prog_join(struct req *);
/* A place one may change or leave (its answers too): active or waiting. */
int	prog_place_open(const char *status);
void	prog_answers_form(struct req *);
void	prog_answers_save(struct req *);
void	prog_decline_form(struct req *);
void	prog_decline(struct req *);
/*
 * participants.c: participant uid's (role) requests and proposals in
 * the programme that nobody answered yet, withdrawn with note when their
 * place closes; *list says what went, as they read it. 0, or -1 db.
 */
int	prog_requests_withdraw(struct req *, const struct prog *,
	    long long uid, const char *role, const char *note,
	    const char **list);
void	prog_places(struct req *);
void	prog_leave(struct req *);
void	prog_participants(struct req *);
void	prog_participant_post(struct req *);
void	prog_dashboard(struct req *);
void	prog_export(struct req *);
void	prog_surveys_csv(struct req *);
void	prog_pair(struct req *);
void	prog_pair_post(struct req *);
/*
 * The subject of a pair proposed for a mentee who named nothing they
 * look for: Menteo's words, "Mentoring in <name>", or the name alone
 * when it says "mentor" already (renamed with it).
 */
const char *prog_focus(struct req *, const char *name);
/*
 * The key of a programme's mail about an act that may come again
 * ("remove:7": removed, taken back in, removed again), unique to this
 * one: the second may come within the same second.
 */
const char *prog_once_key(struct req *, const char *what);
/*
 * The note of a request its organisers withdrew (a party removed, a
 * proposal taken back): who did it, never why.
 */
const char *prog_withdrawn_note(struct req *, const struct prog *);
void	prog_matching(struct req *);
void	prog_matching_post(struct req *);
void	prog_survey(struct req *);
void	prog_survey_post(struct req *);

#endif
