/*
 * once: a form is answered once per render. Every page carries a fresh
 * one-time key (FORM_KEY, beside the CSRF token); a POST that brings it
 * back claims it, with the form's path and contents, in its first
 * transaction (db_begin), so the claim commits or rolls back with what
 * the form did. The same render sent again (a double click, a reload)
 * waits for the first to finish and gets its answer: the same 303, or
 * the same page when a page said what the form did (sql/392), with a
 * form key of its own.
 */
#ifndef MENTEO_ONCE_H
#define MENTEO_ONCE_H

#include "req.h"

/* r->once_state */
enum {
	ONCE_NONE,	/* no key, or not claimed yet */
	ONCE_CLAIMED,	/* claimed in the open transaction */
	ONCE_DONE,	/* the claim committed: this request answers */
	ONCE_SEEN	/* another request had it: answer as it did */
};

/*
 * The key of the page being laid out, fresh for each request ("" when
 * nobody is signed in): page_new sets it as FORM_KEY.
 */
const char	*once_key(struct req *);

/*
 * A part kept between requests (lib/kept.h) cannot hold a key: its forms
 * carry ONCE_MARK as FORM_KEY, and once_fill puts this page's key there.
 */
#define ONCE_MARK	"@FORM_KEY@"
const char	*once_fill(struct req *, const char *html);

/* Reads the posted key, if any (r->once: what a claim is made for). */
void		 once_read(struct req *);


/*
 * After the handler: keeps this request's answer beside its claim, or
 * answers a request that was ONCE_SEEN as the first one was answered
 * (its 303, or its page). 409 when that answer is not kept (a page over
 * ONCE_PAGE_MAX, or not HTML): the caller says the form was sent
 * already. Else 0.
 */
int		 once_finish(struct req *);

/* Forgets claims older than a day (the notifier): rows, or -1. */
long long	 once_prune(struct req *);

#endif
