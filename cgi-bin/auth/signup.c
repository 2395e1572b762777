/*
 * auth: sign-up (/signup) and the e-mail verification it starts
 * (/verify, /verify/resend), which also confirms a move to a new
 * address asked in the settings.
 */
#include <stdlib.h>

#include "auth.h"
#include "cfg.h"
#include "cohort.h"
#include "db.h"
#include "field.h"
#include "mail.h"
#include "page.h"
#include "resp.h"
#include "pages.h"

/*
 * next: the page a newcomer was on when asked to sign in (a mentor's
 * request form, an invitation), carried through sign-up, the mailed
 * link and signing in, so that they arrive where they were going.
 */
enum { SU_EMAIL, SU_PASSWORD, SU_NAME, SU_NEXT, SIGNUP_N };
static const struct field signup_f[SIGNUP_N] = {
	{ "email",		F_EMAIL,	3, 254,	1, NULL },
	{ "password",		F_PASSWORD,	AUTH_PW_MIN, AUTH_PW_MAX, 1, NULL },
	{ "display_name",	F_TEXT,		1, 80,	1, NULL },
	{ "next",		F_NEXT,		1, 500,	0, NULL },
};

/* The query's next, a page of this site; NULL when none or another's. */
static const char *
next_of(struct req *r)
{
	struct fval v;

	if (field_check(r->arena, &signup_f[SU_NEXT], req_query(r, "next"),
	    &v) != 0)
		return NULL;
	return v.str;
}

/* "?next=…" (first: 1) or "&next=…" for next, or "" without one. */
static const char *
next_arg(struct req *r, const char *next, int first)
{
	if (next == NULL)
		return "";
	return req_printf(r, "%cnext=%s", first ? '?' : '&',
	    req_url_enc(r, next));
}

/* The sign-in form with email filled in, going on to next after it. */
static const char *
login_path(struct req *r, const char *email, const char *next)
{
	if (email == NULL)
		return req_printf(r, "/login%s", next_arg(r, next, 1));
	return req_printf(r, "/login?email=%s%s", req_url_enc(r, email),
	    next_arg(r, next, 0));
}

void
au_signup_form(struct req *r)
{
	struct tdict *d = page_new(r, "Sign up", "auth_signup.tpl");
	const char *next = next_of(r);

	if (next != NULL)
		tmpl_set(d, "NEXT", next);
	tmpl_set(d, "LOGIN_HREF", login_path(r, NULL, next));
	page_send(r, 200);
}

static int
queue_verify(struct req *r, long long uid, const char *email,
    const char *next)
{
	const char *t = auth_token_new(r, "verify", uid, email,
	    AUTH_VERIFY_HOURS);
	struct tdict *d;
	int rc;

	if (t == NULL)
		return -1;
	d = tmpl_dict_new("mail");
	tmpl_set(d, "LINK", req_printf(r, "%s/verify?t=%s%s", cfg_base_url(),
	    t, next_arg(r, next, 0)));
	rc = mail_queue(r, "verify", uid, NULL,
	    "Confirm your e-mail address for Menteo", "mail/verify", d, NULL);
	tmpl_dict_free(d);
	return rc == -1 ? -1 : 0;
}

/*
 * The account and its mail, in a transaction that runs again after a
 * deadlock (db_tx_run: a 503 lost the form). An address taken: its owner
 * is told, and the answer is exactly as for a new account (no session
 * either way).
 */
struct signup_w {
	const struct fval	*v;
	const char		*hash;
};

static int
signup_tx(struct req *r, void *arg)
{
	struct signup_w *w = arg;
	const struct fval *v = w->v;
	const char *id;
	long long uid;

	if ((uid = auth_user_create(r, v[SU_EMAIL].str, w->hash,
	    v[SU_NAME].str, auth_browser_zone(r))) < 0)
		return -1;
	if (uid > 0)
		return queue_verify(r, uid, v[SU_EMAIL].str, v[SU_NEXT].str);
	if ((id = db_value(r, "SELECT id FROM users WHERE email = ?", "s",
	    v[SU_EMAIL].str)) == NULL)
		return -1;	/* taken, yet gone: the database failed */
	return au_queue_simple(r, "signup-exists", strtoll(id, NULL, 10), NULL,
	    "Someone tried to sign up to Menteo with your address",
	    "mail/signup_exists");
}

void
au_signup_post(struct req *r)
{
	struct fval v[SIGNUP_N];
	struct tdict *d;
	const char *hash, *ipb, *acb;
	int errors, t;

	errors = field_read(r, signup_f, SIGNUP_N, v) - field_drop(&v[SU_NEXT]);
	if (v[SU_PASSWORD].err == NULL && v[SU_PASSWORD].str != NULL &&
	    (v[SU_PASSWORD].err = auth_password_problem(v[SU_PASSWORD].str)) != NULL)
		errors++;
	if (errors) {
		d = page_new(r, "Sign up", "auth_signup.tpl");
		page_form(d, signup_f, SIGNUP_N, v);
		tmpl_set(d, "LOGIN_HREF", login_path(r, NULL, v[SU_NEXT].str));
		return page_send(r, 422);
	}
	ipb = au_bucket(r, "signup:ip", r->remote_addr);
	acb = au_bucket(r, "signup:acct", v[SU_EMAIL].str);
	if ((t = au_throttled(r, ipb, acb)) != 0)
		return;
	if (auth_throttle_hit(r, ipb, (int)cfg_int("throttle_signup_limit",
	    500), 10) == -1 || auth_throttle_hit(r, acb, 5, 60) == -1)
		return;
	if ((hash = auth_hash(r, v[SU_PASSWORD].str)) == NULL)
		return page_error(r, 500);
	if (db_tx_run(r, signup_tx, &(struct signup_w){ v, hash }) != 0)
		return;
	/*
	 * On to where the mailed link leads back to (the sign-in form, the
	 * address filled in), not the page that asks to sign up: alike for
	 * an address taken already, which is mailed instead.
	 */
	resp_flash(r, req_printf(r, "Check your inbox: we sent a message to "
	    "%s. Open its link to confirm the address, then sign in here.",
	    v[SU_EMAIL].str));
	resp_redirect(r, login_path(r, v[SU_EMAIL].str, v[SU_NEXT].str));
}

/* ---- verification ------------------------------------------------------- */

/*
 * A mailed link opened, in a transaction that runs again after a deadlock
 * (db_tx_run): the link taken (once), then what it proves. A link that
 * is no verify link may be one to a new address (a move asked in the
 * settings). 1: no such live link; 2: the new address is taken meanwhile
 * (nothing written: the link stays for later); 3: a link used already
 * (or expired) to the address the account has confirmed since.
 */
struct verify_w {
	const char	*t;
	long long	 uid;		/* out: whose address */
	int		 moved;		/* out: a move to a new address */
	int		 signed_out;	/* out: others' sessions ended */
	const char	*email;		/* out: the address confirmed */
};

/*
 * A link used already (a double tap, a mail scanner that followed it
 * first) or expired: 3 when what it asked is done (the account has the
 * address it names, confirmed), else 1. "Expired" would send the owner
 * to a button a confirmed account no longer has. -1 db.
 */
static int
verify_done_already(struct req *r, long long uid, const char *email)
{
	const char *v;

	v = db_value(r, "SELECT 1 FROM users WHERE id = ? AND email = ? AND "
	    "email_verified_at IS NOT NULL", "is", uid, email);
	return v != NULL ? 3 : r->db_failed ? -1 : 1;
}

static int
verify_move_tx(struct req *r, struct verify_w *w)
{
	const char *to, *old;
	long long rc;

	if ((rc = auth_token_take(r, w->t, "email", &w->uid, &to)) == 1 &&
	    w->uid != 0)
		return verify_done_already(r, w->uid, to);
	if (rc != 0)
		return (int)rc;
	if ((old = db_value(r, "SELECT email FROM users WHERE id = ?", "i",
	    w->uid)) == NULL)
		return r->db_failed ? -1 : 1;
	rc = db_exec(r, "UPDATE users SET email = ?, email_verified_at = "
	    "UTC_TIMESTAMP() WHERE id = ?", "si", to, w->uid);
	if (rc == DB_DUPLICATE)
		return 2;
	/* a reset or sign-in link mailed to the old address dies with it */
	if (rc < 0 || auth_tokens_end(r, w->uid, NULL) == -1)
		return -1;
	w->moved = 1;
	return au_queue_simple(r, "email-changed", 0, old,
	    "Your Menteo e-mail address was changed", "mail/email_changed");
}

static int
verify_tx(struct req *r, void *arg)
{
	struct verify_w *w = arg;
	const char *email, *cur;
	long long n;
	int rc;

	w->moved = w->signed_out = 0;
	if ((rc = auth_token_take(r, w->t, "verify", &w->uid, &email)) == -1)
		return -1;
	if (rc == 1 && w->uid == 0)
		return verify_move_tx(r, w);
	w->email = email != NULL ? req_strdup(r, email) : NULL;
	if (rc == 1)
		return verify_done_already(r, w->uid, email);
	/*
	 * A link sent to an address the account no longer has proves
	 * nothing. One that reaches the account's address proves its owner
	 * is here: a move to another address asked before (by whoever made
	 * the account) is dropped.
	 */
	if ((cur = db_value(r, "SELECT email FROM users WHERE id = ? AND "
	    "email = ?", "is", w->uid, email)) == NULL && r->db_failed)
		return -1;
	if (cur == NULL)
		return 0;
	if ((n = db_exec(r, "UPDATE users SET email_verified_at = "
	    "UTC_TIMESTAMP() WHERE id = ? AND email_verified_at IS NULL", "i",
	    w->uid)) < 0 || auth_tokens_end(r, w->uid, "email") == -1)
		return -1;
	/*
	 * Confirmed now: whoever signed in before it, elsewhere, may have
	 * made the account in the owner's name (an unconfirmed account
	 * signs in), so their sessions end; this browser's, signed in to
	 * the account, stays. The page then tells an owner who made no
	 * account how to take it: a new password (docs/security.md).
	 */
	if (n > 0 && ((w->signed_out = (int)db_exec(r, "DELETE FROM sessions "
	    "WHERE user_id = ? AND id <> ?", "ii", w->uid,
	    r->user.id == w->uid ? r->sess_id : 0)) < 0 ||
	    auth_feed_renew(r, w->uid) == -1))
		return -1;
	return n > 0 ? cohort_invites_tell(r, w->uid, email) : 0;
}

void
au_verify(struct req *r)
{
	struct verify_w w = { req_query(r, "t"), 0, 0, 0, NULL };
	const char *login, *next = next_of(r);
	int rc;

	if ((rc = db_tx_run(r, verify_tx, &w)) == -1)
		return;
	if (rc == 1)
		return au_token_bad(r, "VERIFY");
	/* signing in next: the address the link confirmed, filled in */
	login = login_path(r, w.email, next);
	if (rc == 3) {	/* said of the address: the reader may be another */
		resp_flash(r, "This e-mail address is confirmed already.");
		return resp_redirect(r, r->user.id == 0 ? login :
		    r->user.id == w.uid && next != NULL ? next : "/");
	}
	if (rc == 2)
		return page_error_msg(r, 409, "That address now belongs to "
		    "another account, so your address was not changed.");
	if (w.moved) {
		resp_flash(r, "Your e-mail address is changed and confirmed.");
		return resp_redirect(r, r->user.id == w.uid ?
		    "/settings/email" : "/");
	}
	if (r->user.id > 0 && (r->user.id == w.uid || !w.signed_out)) {
		resp_flash(r, "Thank you: your e-mail address is confirmed.");
		return resp_redirect(r, r->user.id == w.uid && next != NULL ?
		    next : "/");
	}
	resp_flash(r, w.signed_out > 0 ? "Thank you: your e-mail address is "
	    "confirmed, and whoever was signed in to the account elsewhere "
	    "is signed out. Sign in to start. If you did not make this "
	    "account, choose your own password (“Forgot your password?”): "
	    "the account is then yours alone." : "Thank you: your e-mail "
	    "address is confirmed. Sign in to start.");
	resp_redirect(r, login);
}

/*
 * The new link's token and mail together, run again after a deadlock;
 * the link comes back to the page it was asked on (arg: its next).
 */
static int
resend_tx(struct req *r, void *arg)
{
	const struct fval *next = arg;

	return queue_verify(r, r->user.id, r->user.email, next->str);
}

void
au_verify_resend(struct req *r)
{
	const char *b = au_bucket(r, "resend", req_printf(r, "%lld", r->user.id));
	struct fval next;
	int t;

	if (field_read(r, &signup_f[SU_NEXT], 1, &next) > 0)
		(void)field_drop(&next);
	if (r->user.verified) {
		resp_flash(r, "Your e-mail address is already confirmed.");
		return resp_redirect(r, next.str != NULL ? next.str : "/");
	}
	if ((t = au_throttled(r, b, NULL)) != 0 ||
	    auth_throttle_hit(r, b, 5, 60) == -1)
		return;
	if (db_tx_run(r, resend_tx, &next) != 0)
		return;
	resp_flash(r, req_printf(r, "We sent a new link to %s.",
	    r->user.email));
	resp_redirect(r, next.str != NULL ? next.str : "/");
}
