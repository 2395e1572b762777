/*
 * survey: the short surveys each party answers alone (docs/programmes.md):
 * their questions, and the scan that makes the surveys that are due and
 * mails each person a link to theirs. The pages are /surveys/{id}
 * (cgi-bin/programmes/surveys.c); the programme dashboard reads answers.
 */
#ifndef MENTEO_SURVEY_H
#define MENTEO_SURVEY_H

#include <stddef.h>

#include "req.h"

enum survey_kind {
	SURVEY_SCORE5,		/* 1 to 5 */
	SURVEY_SCORE10,		/* 0 to 10, "would you recommend" */
	SURVEY_TEXT		/* free text, optional */
};

struct survey_q {
	const char		*name;	/* answered as q_<name> */
	const char		*prompt;
	enum survey_kind	 kind;
	int			 required;
	const char		*low;	/* a scale's ends in words, as */
	const char		*high;	/* the question asks; NULL: text */
};

/* The standard questions of a moment ("start", "checkin", "end"). */
const struct survey_q	*survey_questions(const char *moment, size_t *n);
/* "When Cultivation started", ... for pages and mail. */
const char		*survey_moment_label(const char *moment);
/* The prompt of a standard question by name, or NULL. */
const char		*survey_prompt(const char *name);

/*
 * SQL: a survey s an organiser may read: not of a pair of their own,
 * bound to the viewer's id twice (two `?`). Each party answers alone and
 * the page promises the other never sees it, so an organiser who mentors
 * in their programme reads neither side of their own pair: not on its
 * page, in the dashboard's figures and written answers, nor in the
 * exports. The viewer's pairs by the parties' own keys: a NOT EXISTS on
 * "? IN (mentor_id, mentee_id)" read every mentorship
 * (check_programme_plans).
 */
#define SURVEY_NOT_THEIRS(s) "(" s ".mentorship_id NOT IN (SELECT sm.id " \
	"FROM mentorships sm WHERE sm.mentor_id = ?) AND " s ".mentorship_id " \
	"NOT IN (SELECT sm.id FROM mentorships sm WHERE sm.mentee_id = ?))"
/* The same rule of a pair m at hand: 1 when it is the viewer's (`?`). */
#define SURVEY_OWN_PAIR(m)	"? IN (" m ".mentor_id, " m ".mentee_id)"

/*
 * Makes the surveys now due (both parties of each pair, once) and mails
 * each person a signed link to theirs. Idempotent: a unique key per
 * (mentorship, person, moment, period). Outside a transaction, as the
 * system (r->user.id 0). Returns the surveys made, or -1 (database).
 */
int	survey_scan(struct req *);

#endif
