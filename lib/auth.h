/*
 * auth: passwords (argon2id), throttling of guessable actions, and the
 * single-use tokens sent by e-mail. The pages live in cgi-bin/auth/;
 * other programs call auth_require_verified before mentorship actions.
 */
#ifndef MENTEO_AUTH_H
#define MENTEO_AUTH_H

#include "req.h"

#define AUTH_PW_MIN	10	/* characters */
#define AUTH_PW_MAX	1024	/* bytes */

/* Token lifetimes, hours. */
#define AUTH_VERIFY_HOURS	48
#define AUTH_RESET_HOURS	1
#define AUTH_LINK_HOURS		(7 * 24)

/* Wrong passwords allowed per bucket in a window of minutes. */
#define AUTH_LOGIN_LIMIT	5
#define AUTH_LOGIN_WINDOW	60

/*
 * A 403 page asking to confirm the e-mail address first, unless the
 * person signed in has. RESP_GO_ON when verified, RESP_DONE (resp.h)
 * after answering.
 */
int		 auth_require_verified(struct req *);

/*
 * Inserts an account (unconfirmed) with a free slug made from its name,
 * in time zone zone (NULL: UTC): its id, 0 if the address is taken, -1
 * on a database failure.
 */
long long	 auth_user_create(struct req *, const char *email,
		    const char *hash, const char *name, const char *zone);
/*
 * The time zone the browser sent with a sign-up form (the hidden field
 * `timezone`, menteo.js), or NULL: absent or no zone Menteo knows.
 */
const char	*auth_browser_zone(struct req *);
/* Hashes with the configured cost: a malloc-free string in the arena. */
const char	*auth_hash(struct req *, const char *password);
/* Why a new password is refused, or NULL when it is acceptable. */
const char	*auth_password_problem(const char *password);
/*
 * 1 when password matches the stored hash of user_id (rehashing it if
 * the cost settings changed), 0 when not, -1 on a database failure.
 * A NULL hash still spends the time of one verification.
 */
int		 auth_check(struct req *, long long user_id, const char *hash,
		    const char *password);

/*
 * Throttling by bucket ("login:acct:a@b.c", "login:ip:127.0.0.1"):
 * auth_throttle_wait gives the seconds still blocked (0 when free, -1 on
 * a db failure); auth_throttle_hit counts one event and blocks the bucket
 * for growing delays once `limit` events fall in `window_min` minutes.
 */
long long	 auth_throttle_wait(struct req *, const char *bucket);
int		 auth_throttle_hit(struct req *, const char *bucket, int limit,
		    int window_min);
/*
 * A cap, not a slowing: the bucket's `limit`-th event in its window
 * blocks it until the window ends (3 a day is 3 a day, where the hit's
 * doubling waits let one more through each time they lapse).
 */
int		 auth_throttle_cap(struct req *, const char *bucket, int limit,
		    int window_min);
void		 auth_throttle_clear(struct req *, const char *bucket);
/*
 * 1 when pw is the signed-in person's password, 0 wrong, -1 answered
 * (429) or the database failed. Each form that asks for it (a new
 * password, address, the account's deletion) counts against one bucket
 * of the account's, which only someone signed in to it adds to: the
 * deletion's was not counted, and guessed without end (found attacking).
 */
int		 auth_current_ok(struct req *, const char *pw);
/* A wait in words ("3 minutes", "40 seconds"), said in Retry-After too. */
const char	*auth_retry_after(struct req *, long long seconds);
/* 429 with Retry-After. */
void		 auth_too_many(struct req *, long long seconds);

/*
 * Sign-in throttling, after OWASP's device cookies. A browser that signed
 * in to the account before shows a signed device cookie and has its own
 * allowance; any other attempt counts against the client address with
 * that account, and against the client address alone. Nothing counts
 * against the account as a whole: nobody can lock another person out.
 * auth_login_gate picks the buckets for (user_id, typed email) and gives
 * the seconds still blocked (0 free, -1 db); auth_login_failed counts a
 * wrong password in them; auth_login_ok clears them and gives this
 * browser a device cookie for user_id. A cookie holds for the password
 * hash it was given with (pw_hash, the stored one): a new password ends
 * every cookie of the old.
 */
struct auth_gate {
	const char	*bucket[2];
	int		 limit[2];
	int		 window[2];	/* minutes */
	int		 n;
};
long long	 auth_login_gate(struct req *, long long user_id,
		    const char *pw_hash, const char *email, struct auth_gate *);
int		 auth_login_failed(struct req *, const struct auth_gate *);
void		 auth_login_ok(struct req *, long long user_id,
		    const char *pw_hash, const struct auth_gate *);
/*
 * This browser's device cookie for user_id under pw_hash: at a sign-in,
 * and when this browser chose the new password (its old cookie died
 * with the old one).
 */
void		 auth_device_cookie(struct req *, long long user_id,
		    const char *pw_hash);

/*
 * E-mailed tokens. auth_token_new stores the hash and returns the token
 * (arena). auth_token_take checks a token of one purpose and marks it
 * used (call inside a transaction): 0 taken, 1 unknown/used/expired,
 * -1 db. user_id and target are filled when the token is known at all.
 * auth_token_peek checks without using it.
 */
const char	*auth_token_new(struct req *, const char *purpose,
		    long long user_id, const char *target, int hours);
int		 auth_token_take(struct req *, const char *token,
		    const char *purpose, long long *user_id,
		    const char **target);
int		 auth_token_peek(struct req *, const char *token,
		    const char *purpose, long long *user_id,
		    const char **target);

/*
 * Ends every outstanding e-mailed token of user_id (address changes,
 * resets, verifications, mailed sign-in links), or only those of one
 * purpose when purpose is not NULL: a mail sent before a change of
 * password or address must not undo it. Inside the caller's transaction.
 */
int		 auth_tokens_end(struct req *, long long user_id,
		    const char *purpose);
/*
 * What someone who held the account before may have kept stops working
 * when its owner takes it back (a new password, a first confirmation,
 * every other session signed out): the calendar feed's address, made
 * anew when next shown (it outlived all of these: found attacking). The
 * device cookies of the old password die with it (auth_login_gate).
 * 1 when there was one, 0 none, -1 db.
 */
int		 auth_feed_renew(struct req *, long long user_id);

/*
 * SQL: whether an address (a column) is a deleted account's: deleting
 * one (cgi-bin/admin/data.c) puts its address, and the invitation it used,
 * under .invalid, which no live address can be (field.c). Such a row is
 * shown as a deleted account, never by that placeholder.
 */
#define AUTH_DELETED(email)	email " LIKE 'deleted-%@deleted.invalid'"

/* The signature of an unsubscribe link for (user, kind). */
const char	*auth_unsub_sig(struct req *, long long user_id,
		    const char *kind);
/*
 * A suggestion's reasons (why) for the viewer and a mentor (their slug),
 * as the link to the request form carries them: signed, so that the
 * form offers as "In Menteo's words" only what Menteo said (anyone can
 * make a link with any words). auth_why_ok: 1 when sig is that
 * signature.
 */
const char	*auth_why_sig(struct req *, const char *slug, const char *why);
int		 auth_why_ok(struct req *, const char *slug, const char *why,
		    const char *sig);

#endif
