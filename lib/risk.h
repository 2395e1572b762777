/*
 * risk: the known ways a mentorship fails, as one set of rules for every
 * page that lists pairs at risk (the admin's health page, a programme's
 * dashboard), and the rule for whether a pair keeps its agreed cadence.
 */
#ifndef MENTEO_RISK_H
#define MENTEO_RISK_H

#include "db.h"
#include "req.h"

enum risk {
	RISK_INITIATION,	/* Initiation over 30 days, no agreed contract */
	RISK_QUIET,		/* Cultivation, no message or meeting for 21 days */
	RISK_REVIEW,		/* review date passed without Separation */
	RISK_REQUESTS,		/* a request unanswered for 7 days */
	RISK_N
};

/* The template section of each list ("RISK_QUIET") and its heading. */
extern const char *const risk_section[RISK_N];
extern const char *const risk_label[RISK_N];

/*
 * The pairs at risk of one kind, oldest first, at most RISK_MAX: columns
 * ID, STAGE, FOCUS, MENTOR, MENTEE, SINCE, and TOTAL, how many there are
 * in all (a page says when it lists fewer). programme_id 0: the whole
 * site.
 */
#define RISK_MAX	100
struct db_rows	*risk_list(struct req *, enum risk, long long programme_id);

/* Include `more` of d (risk_more.tpl) when rows are fewer than the TOTAL. */
void		 risk_more(struct tdict *d, const char *more,
		    const struct db_rows *rows);

/*
 * SQL: the days of a mentorship row m's agreed cadence, and whether the
 * pair is behind it (no meeting within one interval of the last one, or
 * of the stage's start when none has been held).
 */
#define RISK_CADENCE_DAYS(m) \
	"(CASE " m ".cadence WHEN 'weekly' THEN 7 WHEN 'biweekly' THEN 14 " \
	"ELSE 31 END)"
#define RISK_CADENCE_BEHIND(m) \
	"(COALESCE((SELECT MAX(g.starts_at) FROM meetings g WHERE " \
	"g.mentorship_id = " m ".id AND g.starts_at < UTC_TIMESTAMP()), " \
	m ".stage_changed_at) < UTC_TIMESTAMP() - INTERVAL " \
	RISK_CADENCE_DAYS(m) " DAY)"

#endif
