/*
 * route: a program's table of (method, pattern, handler). Patterns are
 * literal segments and captures: {id} matches a positive number (in
 * r->id[]), any other {name} one segment of letters, digits, '-' and '_'
 * (in r->arg[]). A capture may be followed by a literal suffix:
 * "/threads/{id}.atom".
 */
#ifndef MENTEO_ROUTE_H
#define MENTEO_ROUTE_H

#include <stddef.h>

#include "req.h"

#define ROUTE_USER	0x01	/* signed in, or off to /login?next= */
#define ROUTE_ADMIN	0x02	/* an admin, or 403 */
/*
 * Authorised by a signature or a secret token in the URL, not by the
 * session: no CSRF field (mail clients POST one-click unsubscribes,
 * RFC 8058).
 */
#define ROUTE_SIGNED	0x04
/*
 * A GET whose handler loads the session with its own first query
 * (sess.h), one round trip instead of two; until then r->sess_own is
 * set, and the handler sends anyone not signed in to route_to_login.
 */
#define ROUTE_OWN_SESSION	0x08

typedef void (*route_fn)(struct req *);

struct route {
	const char	*method;
	const char	*pattern;
	route_fn	 fn;
	unsigned	 flags;
};

int	route_match(const char *pattern, const char *path, struct req *);
/* Index of the route for this method and path, or -1 (404 or 405). */
int	route_find(struct req *, const struct route *, size_t);
/* Off to /login?next= this page. */
void	route_to_login(struct req *);
/*
 * Runs the handler, or answers 404 / 405 itself; a GET on a POST-only
 * path is sent (303) to the page holding its form.
 */
void	route_dispatch(struct req *, const struct route *, size_t);
/*
 * The page that holds the form a POST came from: its own path when this
 * program shows it too, else its nearest ancestor shown, else "/".
 */
const char	*route_form_page(struct req *, const struct route *, size_t);

#endif
