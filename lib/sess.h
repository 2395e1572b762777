/*
 * sess: who is asking. A session is a 256-bit random token in a cookie,
 * stored in the database only as a hash. Visitors without a session get
 * a pre-session cookie so that sign-in and sign-up forms carry a CSRF
 * token too. The CSRF token is a keyed hash of the cookie's token.
 */
#ifndef MENTEO_SESS_H
#define MENTEO_SESS_H

#include "notif.h"
#include "req.h"

struct db_rows;

#define SESS_TOKEN_LEN	64	/* hex of 32 random bytes */

/* Keys the CSRF tokens with the configured secret: -1 if unusable. */
int	 sess_init(void);
/*
 * Why the configured secret must not be used (unset, short, or one that
 * ships in the repository, so anyone can forge what it signs), or NULL.
 */
const char	*sess_secret_problem(const char *secret);
/* Fills r->user, r->csrf from the cookies: 0, or -1 if the db failed. */
int	 sess_load(struct req *);
/*
 * A page's first query that reads at most one row (a version, the thing
 * the page shows): `cols` of `from` where `where`, whose one `?` is id,
 * with the session of the request beside it when the route is
 * ROUTE_OWN_SESSION and r->sess_own is still set (sess_load's rules;
 * when no row is found, the session is loaded on its own), else with
 * the session loaded already (r->sess_id's row, none when anonymous).
 * Either way `cols` may name that session's row s: s.user_id is its
 * owner, NULL when there is none; who may see the page is still
 * r->user.id's after the call (a disabled user's session has an owner
 * and no viewer). `cols` and `from` hold no `?` and do not use the
 * aliases s, su and nc. The rows (0 or 1), or NULL when the database
 * failed (nothing answered).
 */
struct db_rows	*sess_load_with(struct req *, const char *cols,
		    const char *from, const char *where, long long id);
/*
 * A page's first query when it reads many rows of the viewer's (their
 * mentorships, their notifications): `cols` from the session's row s,
 * the viewer's users row su and notification_counts row nc (LEFT
 * JOIN), and `joins` (JOIN ... ON, where s.user_id names the viewer), then
 * `tail` (ORDER BY, LIMIT); one `?` in joins or tail is n, none in
 * cols. When the route is ROUTE_OWN_SESSION and r->sess_own is still
 * set, s is the request's session, loaded by sess_load's rules: its row
 * by a unique key is a constant to the optimizer, which plans the rest
 * as it would with the viewer's id; a viewer with no rows costs a
 * second query (sess_load). Else s is r->sess_id's. `joins` must not use
 * the aliases s, su and nc. The viewer's rows (none when nobody is
 * signed in: then r->user.id is 0), or NULL when the database failed.
 */
struct db_rows	*sess_load_rows(struct req *, const char *cols,
		    const char *joins, const char *tail, long long n);

/*
 * A page's own query may bring the session along (routes flagged
 * ROUTE_OWN_SESSION: the room page), one round trip instead of two.
 * sess_load runs exactly these pieces. The query selects SESS_COLS
 * (parameter "i": a sess_key's others) from sessions `s`, found by token
 * hash and SESS_VALID (parameters "sii": a sess_key's hash, hours,
 * minutes), SESS_UNREAD_JOIN after it, and SESS_USER(table, prefix) from
 * a users row it joins; sess_take then reads that user as the viewer if
 * the session is theirs and they are not disabled.
 */
#define SESS_VALID \
	"s.created_at > UTC_TIMESTAMP() - INTERVAL ? HOUR " \
	"AND s.last_seen_at > UTC_TIMESTAMP() - INTERVAL ? MINUTE"
/*
 * sess_here: some unread notification may be about this page (the path):
 * both its bits (notif_path_bits) in the set of unread paths kept with the
 * count, so that notif_seen sends its UPDATE only then. Arithmetic on the
 * row the count comes from (a subquery here cost the optimizer more than
 * the rest of the room page's query), with one parameter: every bit but
 * the path's, so that the set with them is all 63 bits.
 */
#define SESS_COLS \
	"s.id AS sess_id, s.user_id AS sess_uid, " \
	"TIMESTAMPDIFF(SECOND, s.last_seen_at, UTC_TIMESTAMP()) AS sess_idle, " \
	"COALESCE(nc.unread, 0) AS sess_unread, " \
	"COALESCE(nc.paths | ?, 0) = 9223372036854775807 AS sess_here"
/* Joined after sessions `s`: the header's unread count, by primary key. */
#define SESS_UNREAD_JOIN \
	" LEFT JOIN notification_counts nc ON nc.user_id = s.user_id"
#define SESS_USER(t, p) \
	t ".display_name AS " p "_name, " t ".email AS " p "_email, " \
	t ".slug AS " p "_slug, " t ".timezone AS " p "_tz, " \
	t ".email_verified_at IS NOT NULL AS " p "_verified, " \
	t ".is_admin AS " p "_admin, " t ".disabled_at IS NULL AS " p "_live, " \
	t ".is_mentor AS " p "_mentor, " t ".capacity AS " p "_capacity, " \
	"(" t ".last_active IS NULL OR " t ".last_active < UTC_DATE()) AS " \
	p "_inactive, IF(" t ".id = s.user_id, " t ".calendar_secret, NULL) " \
	"AS " p "_calendar"	/* the session's own user's secret only */

struct sess_key {
	long long	 others;	/* the 63 bits but the page's (SESS_COLS) */
	const char	*token;		/* the cookie's */
	char		hash[SESS_TOKEN_LEN + 1];
	long long	hours;		/* a session's longest life */
	long long	minutes;	/* and its longest idle time */
};

/*
 * The parameters for SESS_COLS and SESS_VALID: 0; -1 when the request
 * carries no session token (it is then anonymous, with a pre-session: no
 * query).
 */
int	 sess_key(struct req *, struct sess_key *);
/*
 * The session of row (one row, SESS_COLS, found with k) with the user of
 * prefix p as the viewer: 0 and r->user, r->csrf filled; -1, nothing
 * changed, when there is no live session or its user is disabled. The
 * caller makes sure the session's user (sess_uid) is the one p names.
 */
int	 sess_take(struct req *, const struct sess_key *,
	    const struct db_rows *, const char *p);
int	 sess_csrf_ok(struct req *);
/*
 * What others can find (the mentor directory, the shared roadmap
 * library, public Growth Threads) waits for a verified address, so an
 * address nobody owns cannot publish: NULL when the viewer may publish,
 * else why not, in words for the form that asked.
 */
const char *sess_publish_refused(const struct req *);
/* Signs user_id in with a fresh token (never reuses one): 0 or -1. */
int	 sess_start(struct req *, long long user_id);
void	 sess_end(struct req *);
/* Ends every session of the user except the current one. */
void	 sess_end_others(struct req *, long long user_id);

/* Tokens for cookies and e-mail links, and their stored hashes. */
void	 sess_token(char out[SESS_TOKEN_LEN + 1]);
/*
 * 1 when t looks like a token sess_token makes (SESS_TOKEN_LEN lower-case
 * hex digits): sessions and e-mailed tokens are checked with it before
 * any query.
 */
int	 sess_token_shape_ok(const char *t);
void	 sess_hash(const char *token, char out[SESS_TOKEN_LEN + 1]);

#endif
