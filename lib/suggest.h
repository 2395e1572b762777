/*
 * suggest: how well a mentor fits a mentee, as a score made of parts a
 * person can check, and those parts said in words (SPEC §12). Used by
 * /people/suggestions and a programme's matching board; the pairing of
 * a whole cohort from these scores is lib/match.h.
 */
#ifndef MENTEO_SUGGEST_H
#define MENTEO_SUGGEST_H

#include <stddef.h>
#include <stdint.h>

#include "cohort.h"
#include "mship.h"
#include "req.h"

#define SUGGEST_WHY	1024	/* bytes of the reasons in words */

/* Where a mentee's words come from, named in the reasons. */
enum suggest_source {
	SUGGEST_FOCUS,		/* what they asked a mentor for */
	SUGGEST_GOALS,
	SUGGEST_HEADLINE,
	SUGGEST_INTAKE,		/* their answers on joining a programme */
	SUGGEST_SOURCES
};

/*
 * The most points a pair can score: the scale a score is read on, and
 * the highest minimum an organiser may ask of a pair (suggest.c checks
 * it against the parts).
 */
#define SUGGEST_SCORE_MAX	188

/*
 * Which of a participant's intake answers matching reads, in the macros
 * below: every one (SUGGEST_ALL), for the organisers' board, or only
 * those the reader may read of them (SUGGEST_SHOWN), for whatever a
 * participant is shown: a mentee's suggestions and a proposal's reasons
 * name the words and choices they matched on.
 */
#define SUGGEST_ALL	""
#define SUGGEST_SHOWN	" AND " COHORT_ANSWER_SHOWN("a", "q")

/*
 * SQL: a participant's answers to their programme's choice questions
 * asked of mentors and mentees alike ("Which track?"), one a line as
 * "question id:choice", for the same answers to count; `who` names the
 * participants (a condition on a.participant_id), `which` the answers.
 */
#define SUGGEST_CHOICES(who, which) "(SELECT GROUP_CONCAT(CONCAT(" \
	"a.question_id, ':', a.answer) ORDER BY a.question_id SEPARATOR " \
	"'\\n') FROM programme_answers a JOIN programme_questions q ON q.id " \
	"= a.question_id WHERE " who " AND q.kind = 'choice' AND " \
	"q.audience = 'both'" which ")"

/* A mentor as the scores read them; the strings stay the caller's. */
struct suggest_mentor {
	long long	 id;
	const char	*headline, *bio, *skills, *languages, *timezone;
	long		 room;		/* places left */
	long		 answered;	/* requests answered */
	long		 idle_days;	/* since last active; -1 never */
	const char	*choices;	/* SUGGEST_CHOICES, or NULL */
	const char	*intake;	/* SUGGEST_MENTOR_INTAKE, or NULL */
};

struct suggest_mentee {
	long long	 id;
	const char	*looking_for;	/* skills wanted, comma-separated */
	const char	*languages;	/* comma-separated */
	const char	*timezone;
	const char	*text[SUGGEST_SOURCES];
	const long long	*mentors;	/* ids never to suggest: theirs already */
	size_t		 nmentors;
	const long long	*declined;	/* nor those who declined them */
	size_t		 ndeclined;
	const char	*choices;	/* SUGGEST_CHOICES, or NULL */
};

/* The parts of a score, in points; score -1: never suggested. */
struct suggest_fit {
	size_t		 mentor;	/* index in the set */
	int64_t		 score;
	int		 skills;	/* wanted skills the mentor has */
	int		 words;		/* points of words in common */
	uint32_t	 words_said;	/* bit k: the mentee's word k (of
					   their texts, in order) scored
					   half a point or more */
	int		 language;	/* 1 a shared language */
	int		 same;		/* choices made alike (SUGGEST_CHOICES) */
	int		 hours;		/* apart, rounded (the score's) */
	long		 apart;		/* seconds apart (the words');
					   -1 unknown, then hours too */
	const char	*excluded;	/* why never suggested, or NULL */
};

struct suggest_set;
struct db_rows;

/*
 * SQL: the columns a mentor's row needs for suggest_mentors_of, from
 * users u; `room` (places left) the caller's own.
 */
#define SUGGEST_COLS "u.id, u.headline, u.bio, u.skills, u.languages, " \
	"u.timezone, u.answered_requests AS answered, " \
	"COALESCE(DATEDIFF(UTC_DATE(), u.last_active), -1) AS idle"

/* rows (SUGGEST_COLS and room) as mentors, m[i] for row i. */
void	suggest_mentors_of(const struct db_rows *, struct suggest_mentor *m);

/*
 * SQL: the directory's listing rule (SPEC §1, sql/111), one place for
 * the directory (cgi-bin/people) and the suggestions: verified, a
 * headline and a skill, not unlisted nor disabled, with room; and the
 * mentorships that take a mentor's places.
 */
#define SUGGEST_ACTIVE \
	"(SELECT COUNT(*) FROM mentorships m WHERE m.mentor_id = u.id " \
	"AND m.stage IN (" STAGES_CAPACITY "))"
/*
 * A mentor's places left, below 0 when over (a capacity lowered, or
 * a programme's pairs beyond it): signed, since capacity is unsigned
 * and MariaDB refuses an unsigned result below 0 (the profile of a
 * mentor with more pairs than places answered 503: found walking).
 */
#define SUGGEST_ROOM	"CAST(u.capacity AS SIGNED) - " SUGGEST_ACTIVE
#define SUGGEST_LISTED \
	"u.is_mentor = 1 AND u.disabled_at IS NULL AND u.unlisted_at IS NULL " \
	"AND u.email_verified_at IS NOT NULL AND u.headline <> '' AND " \
	"EXISTS (SELECT 1 FROM user_skills k WHERE k.user_id = u.id) AND " \
	"u.capacity > " SUGGEST_ACTIVE

/*
 * SQL: a mentee's mentorship m whose mentor is never suggested or
 * proposed to them again: one where either said no (the mentor declined
 * a request, or the mentee turned down a pair the programme proposed:
 * SUGGEST_SAID_NO), or an open one (a pair already: SUGGEST_NOT_AGAIN).
 * A mentee's own request withdrawn is theirs to make again, and a pair
 * the organisers withdrew is theirs to propose again (its withdrawal is
 * by_outsider, sql/360, even when the organiser is the mentee). The
 * board, the programme's page and suggest_for.
 */
#define SUGGEST_SAID_NO(m)	"(" m ".stage = 'declined' OR (" m ".stage = " \
	"'withdrawn' AND " m ".proposed_by_programme = 1 AND EXISTS (SELECT " \
	"1 FROM stage_events said WHERE said.mentorship_id = " m ".id AND " \
	"said.to_stage = 'withdrawn' AND said.actor_id = " m ".mentee_id " \
	"AND said.by_outsider = 0)))"
#define SUGGEST_NOT_AGAIN(m)	"(" m ".stage IN (" STAGES_OPEN ") OR " \
	SUGGEST_SAID_NO(m) ")"

/*
 * SQL: what a mentor wrote answering the programme's questions on
 * joining, the choices aside ("What can you help with?"): in a
 * programme, part of their profile the words are found in.
 */
#define SUGGEST_MENTOR_INTAKE(who, which) "(SELECT GROUP_CONCAT(" \
	"a.answer SEPARATOR '\\n') FROM programme_answers a JOIN " \
	"programme_questions q ON q.id = a.question_id WHERE " who " AND " \
	"q.kind <> 'choice'" which ")"

/*
 * SQL: a programme's approved mentors (? its id) with their places left
 * there (its own capacity for them, else their profile's), in id order,
 * with display_name and slug, and `which` of their answers.
 */
#define SUGGEST_PROGRAMME_MENTORS(which) "SELECT " SUGGEST_COLS ", " \
	"u.display_name, u.slug, " \
	SUGGEST_CHOICES("a.participant_id = pp.id", which) " AS choices, " \
	SUGGEST_MENTOR_INTAKE("a.participant_id = pp.id", which) \
	" AS intake, " \
	"CAST(COALESCE(pp.capacity, u.capacity) AS SIGNED) - " \
	COHORT_TAKEN("pp.programme_id", "u.id") " AS room " \
	"FROM programme_participants pp JOIN users u ON u.id = pp.user_id " \
	"WHERE pp.programme_id = ? AND pp.role = 'mentor' AND " \
	"pp.status = 'active' AND u.disabled_at IS NULL ORDER BY u.id"

/*
 * The directory's mentors and their index, kept by each worker that
 * suggests (lib/kept.h): what it reads, watched by sql/093, sql/111 and
 * sql/230. The people and home programs list it (--kept).
 */
struct kept_def;
extern const struct kept_def suggest_kept;

/* One suggestion for the person signed in. */
struct suggest_pick {
	const char	*name, *slug, *headline;
	long long	 score;
	const char	*why;		/* told to them */
	const char	*about;		/* about them, for the mentor:
					   "Xu has 2 of the skills Ana wants" */
};

/*
 * Where the mentors come from: a programme (id, slug, name), the
 * directory (id 0), or SUGGEST_OWN, which the mentee's own row turns into
 * the programme they most lately joined as a mentee and are still in,
 * else the directory (the home page: no statement of its own).
 */
#define SUGGEST_OWN	(-1LL)
struct suggest_from {
	long long	 id;
	const char	*slug, *name;
	int		 mentor_only;	/* out: mentors in a programme, and
					   has no mentee side anywhere */
	int		 organises;	/* out: organises a programme */
	int		 mentors_in;	/* out: mentors in one (or waits to) */
};

/*
 * Up to k mentors for r->user from *from (resolved there when
 * SUGGEST_OWN), best first, into *picks (the request's arena); *empty
 * when their profile names nothing to match on. How many, or -1 with
 * the database down or memory short (the page answered).
 */
long	suggest_for(struct req *, struct suggest_from *from, size_t k,
	    struct suggest_pick **picks, int *empty);

/*
 * The include SUGGESTIONS of d (templates/suggestions.tpl): up to k
 * suggestions for r->user, each with its reasons and a link to ask that
 * carries them (and the programme's slug), and what to fill in when
 * the profile says nothing. How many, or -1 (the page answered).
 */
struct tdict;
long	suggest_fill(struct req *, struct tdict *d, struct suggest_from *from,
	    size_t k);

/*
 * The mentors to choose from, with a word index of their headline, bio
 * and skills (lib/search.h, weighed as the directory's search weighs
 * them). mentors must outlive the set. NULL when memory is short.
 */
struct suggest_set	*suggest_set_new(const struct suggest_mentor *, size_t);
void			 suggest_set_free(struct suggest_set *);
size_t			 suggest_set_size(const struct suggest_set *);

/* fit[i] for each mentor i of the set: 0, or -1 when memory is short. */
int	suggest_score(const struct suggest_set *, const struct suggest_mentee *,
	    struct suggest_fit *fit);

/*
 * The mentors excluded among n fits, counted by why, into why
 * (SUGGEST_WHY bytes), for a mentee none of them can take: "2 have no
 * place left, 1 is their mentor already".
 */
void	suggest_excluded_counts(const struct suggest_fit *, size_t n,
	    char why[SUGGEST_WHY]);

/*
 * The k best of n fits into best, best first (ties: the earlier mentor
 * in the set), the excluded never; how many.
 */
size_t	suggest_top(const struct suggest_fit *, size_t n, size_t k,
	    struct suggest_fit *best);

/*
 * The fit's reasons in words into why (SUGGEST_WHY bytes), told to the
 * mentee (name NULL: "the skills you want") or about them, to their
 * organisers ("has the skills Ana wants") or, you 1, to the mentor ("have
 * the skills Ana wants", after the caller's "you"; not their own places
 * and activity, and so maybe nothing: why "").
 */
void	suggest_why(const struct suggest_set *, const struct suggest_mentee *,
	    const struct suggest_fit *, const char *name, int you,
	    char why[SUGGEST_WHY]);

/* 1 when the mentee said nothing to match on (then: by responsiveness). */
int	suggest_empty(const struct suggest_mentee *);

#endif
