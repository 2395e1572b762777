/*
 * sess: who is asking. A session is a 256-bit random token in a cookie,
 * stored in the database only as a hash. Visitors without a session get
 * a pre-session cookie so that sign-in and sign-up forms carry a CSRF
 * token too. The CSRF token is a keyed hash of the cookie's token.
 */
#ifndef MENTEO_SESS_H
#define MENTEO_SESS_H

#include "req.h"

#define SESS_TOKEN_LEN	64	/* hex of 32 random bytes */

int	 sess_init(void);
/* Fills r->user, r->csrf from the cookies: 0, or -1 if the db failed. */
int	 sess_load(struct req *);
int	 sess_csrf_ok(struct req *);
/* Signs user_id in with a fresh token (never reuses one): 0 or -1. */
int	 sess_start(struct req *, long long user_id);
void	 sess_end(struct req *);
/* Ends every session of the user except the current one. */
void	 sess_end_others(struct req *, long long user_id);

/* Tokens for cookies and e-mail links, and their stored hashes. */
void	 sess_token(char out[SESS_TOKEN_LEN + 1]);
void	 sess_hash(const char *token, char out[SESS_TOKEN_LEN + 1]);

#endif
