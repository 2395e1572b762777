/*
 * req: one HTTP request as the FastCGI server handed it over, decoded and
 * checked, plus the response being built for it. Handlers read typed,
 * validated fields only (field.h); the raw text of a field that fails
 * is kept so the form can be shown again as the person typed it.
 */
#ifndef MENTEO_REQ_H
#define MENTEO_REQ_H

#include <stddef.h>

#include "arena.h"

#define REQ_MAXARGS	4

/* Parse results: 0 or one of these. */
#define REQ_EBAD	(-1)	/* bad encoding, invalid UTF-8, NUL: 400 */
#define REQ_ETOOBIG	(-2)	/* body over the cap: 413 */
#define REQ_ENOMEM	(-3)

struct kv {
	const char	*key;
	const char	*val;
	size_t		 len;
};

struct buf {
	char	*p;
	size_t	 len;
	size_t	 cap;
};

/* The person signed in, when there is one (user.id > 0). */
struct user {
	long long	 id;
	const char	*name;
	const char	*email;
	const char	*slug;
	const char	*tz;
	const char	*calendar;	/* secret of their ICS feed, if made */
	int		 verified;
	int		 admin;
	int		 mentor;	/* listed as a mentor (is_mentor) */
	long long	 capacity;	/* how many mentees they take at once */
	long long	 unread;	/* notifications not read yet */
	int		 unread_here;	/* some of them about this page */
};

struct tdict;

struct req {
	struct arena	*arena;
	void		*fcgx;		/* FCGX_Request *, or NULL offline */

	const char	*method;
	const char	*path;
	const char	*query_string;
	const char	*remote_addr;
	const char	*user_agent;
	const char	*if_none_match;	/* "" when the client sent none */

	struct kv	*query;
	size_t		 nquery;
	struct kv	*form;
	size_t		 nform;
	struct kv	*cookies;
	size_t		 ncookies;

	/* captures of the matched route: {id} is a number, others text */
	const char	*arg[REQ_MAXARGS];
	long long	 id[REQ_MAXARGS];
	size_t		 nargs;

	/* session (sess.c) */
	struct user	 user;
	const char	*csrf;		/* token the forms must carry */
	long long	 sess_id;
	int		 sess_own;	/* not loaded yet: ROUTE_OWN_SESSION */

	/* response */
	int		 status;
	const char	*location;	/* of a redirect */
	struct buf	 headers;
	struct buf	 body;
	struct tdict	*page;		/* layout dictionary, when a page */
	struct tdict	*content;	/* the page's own dictionary */
	/* the viewer's date, read once (page_today), and the zone it is of */
	const char	*today, *today_tz;

	/* database state of this request (db.c) */
	int		 db_failed;
	int		 db_schema;	/* it failed on a table or column missing */
	int		 in_tx;
	int		 in_tx_run;	/* inside db_tx_run: a deadlock is retried */
	int		 tx_keyed;	/* db_tx_run_keyed: a lost COMMIT too */
	/* db_begin, db_commit and db_rollback tell it (db.h) */
	int		(*tx_hook)(struct req *, int what);
	/* the one-time form key of this POST (once.c) */
	const char	*once;		/* the submission's hash, or NULL */
	const char	*form_key;	/* the key this request's page carries */
	int		 once_state;	/* ONCE_ */
	int		 db_retry;	/* the server rolled the transaction back */
};

/* Decoders, exposed for unit tests and fuzzers. */
int	 req_url_decode(struct arena *, const char *, size_t, int plus,
	    char **, size_t *);
/* Percent-encodes every byte but letters, digits and those in safe. */
char	*req_url_encode(struct arena *, const char *, const char *safe);
int	 req_parse_urlencoded(struct arena *, const char *, size_t,
	    struct kv **, size_t *);
int	 req_parse_cookies(struct arena *, const char *, struct kv **,
	    size_t *);
int	 req_utf8_valid(const char *, size_t);
size_t	 req_utf8_len(const char *);
/* The bytes of s's longest prefix of whole characters, at most max. */
size_t	 req_utf8_prefix(const char *s, size_t max);
/*
 * 1 when s is exactly len lower-case hex digits, as sodium_bin2hex
 * writes them: the shape of every random key a client sends back
 * (session tokens, e-mailed tokens, form keys), checked before any query.
 */
int	 req_hex_ok(const char *s, size_t len);

/* Reading the request. */
int		 req_read(struct req *, void *fcgx, size_t body_max);
const char	*req_query(const struct req *, const char *);
const char	*req_form(const struct req *, const char *);
const char	*req_cookie(const struct req *, const char *);
size_t		 req_form_all(const struct req *, const char *,
		    const char **, size_t);
int		 req_is_post(const struct req *);
/*
 * 1 for a mail client's one-click unsubscribe (RFC 8058: a POST of
 * List-Unsubscribe=One-Click to a mail's List-Unsubscribe URL). It is
 * answered on the spot, 200, never by a redirect: redirected POSTs are
 * not followed reliably.
 */
int		 req_one_click(const struct req *);

/* Requests without a web server (bin/ programs, tests). */
struct req	*req_offline_new(void);
void		 req_offline_free(struct req *);
void		 req_reset(struct req *);

/* Per-request allocation shortcuts. */
void	*req_alloc(struct req *, size_t);
char	*req_strdup(struct req *, const char *);
char	*req_printf(struct req *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
/*
 * s percent-encoded for a value inside a query string: req_url_encode
 * keeping the unreserved marks (RFC 3986) in the request's arena.
 */
char	*req_url_enc(struct req *, const char *s);
/* This request's path and query: where a sign-in's next comes back to. */
const char *req_here(struct req *);

/* Growable buffers (response body, mail). */
int	 buf_add(struct buf *, const char *, size_t);
int	 buf_adds(struct buf *, const char *);
int	 buf_printf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 buf_free(struct buf *);

#endif
