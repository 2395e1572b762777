/*
 * ics: iCalendar (RFC 5545) as Menteo writes it: a meeting's event, the
 * calendar feed, and the cancelled meetings a closing mentorship's mail
 * carries. Lines are folded at 75 octets; every UID is ours by the site's
 * host (ics_host).
 */
#ifndef MENTEO_ICS_H
#define MENTEO_ICS_H

#include "db.h"
#include "req.h"

void	ics_begin(struct buf *);	/* VCALENDAR, METHOD:PUBLISH */
/* The database's now, "YYYY-MM-DD HH:MM:SS", for DTSTAMP; NULL: db. */
const char *ics_stamp(struct req *);
void	ics_end(struct buf *);
/* One content line, folded; value as it is (TEXT is escaped by callers). */
void	ics_line(struct buf *, const char *name, const char *value);
/* The right of every UID's "@": the site's host, from base_url. */
const char *ics_host(struct req *);

/* One VEVENT; ev->minutes 0: an all-day date. */
struct ics_ev {
	const char	*uid;
	const char	*stamp;
	const char	*start;
	long long	 minutes;
	const char	*summary;
	const char	*desc;
	long long	 sequence;	/* raised by each change (RFC 5545) */
	int		 cancelled;	/* STATUS:CANCELLED, under its UID */
	const char	*organizer;	/* a meeting's: "mailto:…", or NULL */
	const char	*url;		/* its page, or NULL */
};

void	ics_event(struct req *, struct buf *, const struct ics_ev *);

/*
 * A meeting's event from a row of ICS_MEETING_COLS, planned or cancelled,
 * with its mentorship's focus and the name of the other party to the one
 * whose calendar it goes to (focus, with_name): an event that named
 * neither was one of many in a calendar (found walking). Its URL is the
 * meetings page.
 */
#define ICS_MEETING_COLS	"x.id, x.mentorship_id AS mid, x.starts_at, " \
	"x.minutes, x.agenda, x.sequence"

void	ics_meeting(struct req *, struct buf *, struct db_rows *, size_t,
	    const char *now, int cancelled);

/*
 * The meetings of mentorship mid cancelled under ids (comma-separated,
 * as GROUP_CONCAT gives them) as one calendar, for the party whose other
 * is named with: a closing mentorship's mail carries them, so that a
 * calendar that took them from mail drops them too. NULL when there are
 * none, or the database failed (r->db_failed).
 */
const char *ics_cancelled(struct req *, long long mid, const char *ids,
	    const char *focus, const char *with);

#endif
