/*
 * page: an HTML page in the shared layout (templates/layout.tpl). The
 * layout knows the person signed in, the CSRF token and the flash
 * message; the page's own template fills the main area.
 */
#ifndef MENTEO_PAGE_H
#define MENTEO_PAGE_H

#include <time.h>

#include "field.h"
#include "req.h"
#include "tmpl.h"

/* Returns the dictionary of tpl, shown inside the layout. */
struct tdict	*page_new(struct req *, const char *title, const char *tpl);
/*
 * The error page for status (403, 404, 409 ...) with its usual message,
 * or with `message`; a page already begun is dropped.
 */
void		 page_error(struct req *, int status);
void		 page_error_msg(struct req *, int status, const char *message);
/* The same with a way back to the page a form was sent from (back). */
void		 page_error_back(struct req *, int status, const char *message,
		    const char *back);
/* Expands layout + page into the response with this status. */
void		 page_send(struct req *, int status);
/*
 * A part of a page laid out on its own, to be kept (lib/kept.h) and set
 * into the page with :none: tpl expanded with d, which it frees, into
 * the request's arena, without the template's last line breaks. NULL
 * after answering 500.
 */
const char	*page_part(struct req *, const char *tpl, struct tdict *d);
/*
 * Puts a form back: NAME (upper-cased field name) = what was typed,
 * NAME_ERROR section with MESSAGE when the field failed, and the
 * ERRORS section when any did. Passwords are never echoed.
 */
void		 page_form(struct tdict *, const struct field *, size_t,
		    const struct fval *);
/*
 * Sets KEY to the time in the viewer's zone ("25 Nov 2026, 14:05"), or
 * signed out in UTC, said ("25 Nov 2026, 14:05 UTC").
 */
void		 page_time(struct req *, struct tdict *, const char *key,
		    const char *utc_datetime);
void		 page_date(struct req *, struct tdict *, const char *key,
		    const char *utc_datetime);
/* The same time as text, or NULL. */
const char	*page_time_text(struct req *, const char *utc_datetime);
/* The same date as text ("2 Nov 2026"; a DATE as it is), or NULL. */
const char	*page_date_text(struct req *, const char *utc_datetime);
/* The viewer's time zone: their profile's, "UTC" when signed out. */
const char	*page_zone(const struct req *);
/*
 * The current time in the viewer's zone as "YYYY-MM-DD": the day every
 * page counts days from (days left, due, overdue), bound as ? where its
 * SQL compares dates (MS_OVERDUE), and part of the key of a kept page
 * that shows such counts, which its next midnight makes again.
 */
const char	*page_today(struct req *);
/* Today's date in zone tz, "YYYY-MM-DD" (NULL or a name unknown: UTC). */
const char	*page_today_in(struct req *, const char *tz);
/* The date in zone tz at t, the same way ("" for a t out of range). */
const char	*page_date_in(struct req *, const char *tz, time_t t);
/*
 * How a meeting's time reads in zone tz, a page's or a mail reader's:
 * "Tuesday 8 December 2026, 15:38", "2026-12-08", "15:38". From UTC
 * "YYYY-MM-DD HH:MM:SS"; "" when unreadable.
 */
enum page_when { WHEN_TEXT, WHEN_DATE, WHEN_HM };
const char	*page_when_in(struct req *, const char *utc, const char *tz,
		    enum page_when);
/*
 * Days from the viewer's today to date ("YYYY-MM-DD[ ...]"; negative
 * when past) into *days: 0, or -1 for a NULL or unreadable date.
 */
int		 page_days_to(struct req *, const char *date, long long *days);
/* The same from the day from ("YYYY-MM-DD"): a recipient's today. */
int		 page_days_between(const char *from, const char *date,
		    long long *days);
/*
 * The first day not yet past for a date the reminders compare with
 * UTC_DATE() (a review date): the later of the viewer's date and UTC's.
 * West of UTC in the evening the viewer's own "today" has passed there.
 */
const char	*page_first_open_day(struct req *);
/* "YYYY-MM-DD[ hh:mm:ss]" (UTC, as MariaDB writes it) as a time_t; -1. */
time_t		 page_utc_time(const char *utc);

#endif
