/*
 * auth: sign-up, e-mail verification, sign-in and out, password reset,
 * the landing of e-mailed links, and the account settings that need a
 * password (password, address, sessions).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "app.h"
#include "auth.h"
#include "cfg.h"
#include "db.h"
#include "field.h"
#include "log.h"
#include "mail.h"
#include "page.h"
#include "resp.h"
#include "sess.h"

static void	signup_form(struct req *);
static void	signup_post(struct req *);
static void	verify(struct req *);
static void	verify_resend(struct req *);
static void	login_form(struct req *);
static void	login_post(struct req *);
static void	logout(struct req *);
static void	reset_form(struct req *);
static void	reset_post(struct req *);
static void	reset_confirm_form(struct req *);
static void	reset_confirm_post(struct req *);
static void	link_land(struct req *);
static void	link_switch(struct req *);
static void	unsub_form(struct req *);
static void	unsub_post(struct req *);
static void	password_form(struct req *);
static void	password_post(struct req *);
static void	email_form(struct req *);
static void	email_post(struct req *);
static void	sessions_list(struct req *);
static void	sessions_post(struct req *);

static const struct route routes[] = {
	{ "GET",	"/signup",		signup_form,		0 },
	{ "POST",	"/signup",		signup_post,		0 },
	{ "GET",	"/verify",		verify,			0 },
	{ "POST",	"/verify/resend",	verify_resend,		ROUTE_USER },
	{ "GET",	"/login",		login_form,		0 },
	{ "POST",	"/login",		login_post,		0 },
	{ "POST",	"/logout",		logout,			0 },
	{ "GET",	"/reset",		reset_form,		0 },
	{ "POST",	"/reset",		reset_post,		0 },
	{ "GET",	"/reset/confirm",	reset_confirm_form,	0 },
	{ "POST",	"/reset/confirm",	reset_confirm_post,	0 },
	{ "GET",	"/link",		link_land,		0 },
	{ "POST",	"/link",		link_switch,		0 },
	{ "GET",	"/link/unsubscribe",	unsub_form,		0 },
	{ "POST",	"/link/unsubscribe",	unsub_post,		ROUTE_SIGNED },
	{ "GET",	"/settings/password",	password_form,		ROUTE_USER },
	{ "POST",	"/settings/password",	password_post,		ROUTE_USER },
	{ "GET",	"/settings/email",	email_form,		ROUTE_USER },
	{ "POST",	"/settings/email",	email_post,		ROUTE_USER },
	{ "GET",	"/settings/sessions",	sessions_list,		ROUTE_USER },
	{ "POST",	"/settings/sessions",	sessions_post,		ROUTE_USER },
};

APP_MAIN("auth", routes)

static const char *
bucket(struct req *r, const char *what, const char *key)
{
	return req_printf(r, "%s:%s", what, key != NULL ? key : "");
}

/* 429 when any bucket is blocked; returns 1 then, -1 on db failure. */
static int
throttled(struct req *r, const char *b1, const char *b2)
{
	long long w1, w2;

	if ((w1 = auth_throttle_wait(r, b1)) < 0)
		return -1;
	if ((w2 = b2 != NULL ? auth_throttle_wait(r, b2) : 0) < 0)
		return -1;
	if (w1 == 0 && w2 == 0)
		return 0;
	auth_too_many(r, w1 > w2 ? w1 : w2);
	return 1;
}

static int
ip_limit(void)
{
	return (int)cfg_int("throttle_ip_limit", 100);
}

/* A page about a link that no longer works, with the next step. */
static void
token_bad(struct req *r, const char *kind)
{
	struct tdict *d = page_new(r, "This link no longer works",
	    "auth_token_bad.tpl");

	tmpl_show(d, kind);
	if (r->user.id > 0 && !r->user.verified)
		tmpl_show(d, "CAN_RESEND");
	page_send(r, 400);
}

/* ---- sign-up ---------------------------------------------------------- */

enum { SU_EMAIL, SU_PASSWORD, SU_NAME, SIGNUP_N };
static const struct field signup_f[SIGNUP_N] = {
	{ "email",		F_EMAIL,	3, 254,	1, NULL },
	{ "password",		F_PASSWORD,	AUTH_PW_MIN, AUTH_PW_MAX, 1, NULL },
	{ "display_name",	F_TEXT,		1, 80,	1, NULL },
};

static void
signup_form(struct req *r)
{
	page_new(r, "Sign up", "auth_signup.tpl");
	page_send(r, 200);
}

static int
queue_verify(struct req *r, long long uid, const char *email)
{
	const char *t = auth_token_new(r, "verify", uid, email,
	    AUTH_VERIFY_HOURS);
	struct tdict *d;
	int rc;

	if (t == NULL)
		return -1;
	d = tmpl_dict_new("mail");
	tmpl_set(d, "LINK", req_printf(r, "%s/verify?t=%s", cfg_base_url(), t));
	rc = mail_queue(r, "verify", uid, NULL,
	    "Confirm your e-mail address for Menteo", "mail/verify", d, NULL);
	tmpl_dict_free(d);
	return rc == -1 ? -1 : 0;
}

static int
queue_simple(struct req *r, const char *kind, long long uid, const char *to,
    const char *subject, const char *tpl)
{
	struct tdict *d = tmpl_dict_new("mail");
	int rc;

	tmpl_set(d, "EMAIL", to);
	rc = mail_queue(r, kind, uid, to, subject, tpl, d, NULL);
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
	    v[SU_NAME].str)) < 0)
		return -1;
	if (uid > 0)
		return queue_verify(r, uid, v[SU_EMAIL].str);
	if ((id = db_value(r, "SELECT id FROM users WHERE email = ?", "s",
	    v[SU_EMAIL].str)) == NULL)
		return -1;	/* taken, yet gone: the database failed */
	return queue_simple(r, "signup-exists", strtoll(id, NULL, 10), NULL,
	    "Someone tried to sign up to Menteo with your address",
	    "mail/signup_exists");
}

static void
signup_post(struct req *r)
{
	struct fval v[SIGNUP_N];
	struct tdict *d;
	const char *hash, *ipb, *acb;
	int errors, t;

	errors = field_read(r, signup_f, SIGNUP_N, v);
	if (v[SU_PASSWORD].err == NULL && v[SU_PASSWORD].str != NULL &&
	    (v[SU_PASSWORD].err = auth_password_problem(v[SU_PASSWORD].str)) != NULL)
		errors++;
	if (errors) {
		d = page_new(r, "Sign up", "auth_signup.tpl");
		page_form(d, signup_f, SIGNUP_N, v);
		return page_send(r, 422);
	}
	ipb = bucket(r, "signup:ip", r->remote_addr);
	acb = bucket(r, "signup:acct", v[SU_EMAIL].str);
	if ((t = throttled(r, ipb, acb)) != 0)
		return;
	if (auth_throttle_hit(r, ipb, (int)cfg_int("throttle_signup_limit",
	    500), 10) == -1 || auth_throttle_hit(r, acb, 5, 60) == -1)
		return;
	if ((hash = auth_hash(r, v[SU_PASSWORD].str)) == NULL)
		return page_error(r, 500);
	if (db_tx_run(r, signup_tx, &(struct signup_w){ v, hash }) != 0)
		return;
	resp_flash(r, req_printf(r, "Check your inbox: we sent a message to "
	    "%s.", v[SU_EMAIL].str));
	resp_redirect(r, "/");
}

/* ---- verification ------------------------------------------------------- */

/*
 * A mailed link opened, in a transaction that runs again after a deadlock
 * (db_tx_run): the link taken (once), then what it proves. A link that
 * is no verify link may be one to a new address (a move asked in the
 * settings). 1: no such live link; 2: the new address is taken meanwhile
 * (nothing written: the link stays for later).
 */
struct verify_w {
	const char	*t;
	long long	 uid;		/* out: whose address */
	int		 moved;		/* out: a move to a new address */
};

static int
verify_move_tx(struct req *r, struct verify_w *w)
{
	const char *to, *old;
	long long rc;

	if ((rc = auth_token_take(r, w->t, "email", &w->uid, &to)) != 0)
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
	return queue_simple(r, "email-changed", 0, old,
	    "Your Menteo e-mail address was changed", "mail/email_changed");
}

static int
verify_tx(struct req *r, void *arg)
{
	struct verify_w *w = arg;
	const char *email, *cur;
	int rc;

	w->moved = 0;
	if ((rc = auth_token_take(r, w->t, "verify", &w->uid, &email)) == -1)
		return -1;
	if (rc == 1)
		return w->uid == 0 ? verify_move_tx(r, w) : 1;
	/*
	 * A link sent to an address the account no longer has proves
	 * nothing. One that reaches the account's address proves its owner
	 * is here: a move to another address asked before (by whoever made
	 * the account) is dropped.
	 */
	if ((cur = db_value(r, "SELECT email FROM users WHERE id = ? AND "
	    "email = ?", "is", w->uid, email)) == NULL && r->db_failed)
		return -1;
	if (cur != NULL && (db_exec(r, "UPDATE users SET email_verified_at = "
	    "COALESCE(email_verified_at, UTC_TIMESTAMP()) WHERE id = ?", "i",
	    w->uid) < 0 || auth_tokens_end(r, w->uid, "email") == -1))
		return -1;
	return 0;
}

static void
verify(struct req *r)
{
	struct verify_w w = { req_query(r, "t"), 0, 0 };
	int rc;

	if ((rc = db_tx_run(r, verify_tx, &w)) == -1)
		return;
	if (rc == 1)
		return token_bad(r, "VERIFY");
	if (rc == 2)
		return page_error_msg(r, 409, "That address now belongs to "
		    "another account, so your address was not changed.");
	if (w.moved) {
		resp_flash(r, "Your e-mail address is changed and confirmed.");
		return resp_redirect(r, r->user.id == w.uid ?
		    "/settings/email" : "/");
	}
	if (r->user.id > 0) {
		resp_flash(r, "Thank you: your e-mail address is confirmed.");
		return resp_redirect(r, "/");
	}
	resp_flash(r, "Thank you: your e-mail address is confirmed. Sign in "
	    "to start.");
	resp_redirect(r, "/login");
}

/* The new link's token and mail together, run again after a deadlock. */
static int
resend_tx(struct req *r, void *arg)
{
	(void)arg;
	return queue_verify(r, r->user.id, r->user.email);
}

static void
verify_resend(struct req *r)
{
	const char *b = bucket(r, "resend", req_printf(r, "%lld", r->user.id));
	int t;

	if (r->user.verified) {
		resp_flash(r, "Your e-mail address is already confirmed.");
		return resp_redirect(r, "/");
	}
	if ((t = throttled(r, b, NULL)) != 0 ||
	    auth_throttle_hit(r, b, 5, 60) == -1)
		return;
	if (db_tx_run(r, resend_tx, NULL) != 0)
		return;
	resp_flash(r, req_printf(r, "We sent a new link to %s.",
	    r->user.email));
	resp_redirect(r, "/");
}

/* ---- sign-in and out ------------------------------------------------- */

enum { LI_EMAIL, LI_PASSWORD, LI_NEXT, LOGIN_N };
static const struct field login_f[LOGIN_N] = {
	{ "email",	F_EMAIL,	3, 254,	1, NULL },
	{ "password",	F_PASSWORD,	1, AUTH_PW_MAX, 1, NULL },
	{ "next",	F_NEXT,		1, 500,	0, NULL },
};

static void
login_form(struct req *r)
{
	struct tdict *d = page_new(r, "Sign in", "auth_login.tpl");
	struct fval nv;

	if (field_check(r->arena, &login_f[2], req_query(r, "next"), &nv) == 0 &&
	    nv.str != NULL)
		tmpl_set(d, "NEXT", nv.str);
	page_send(r, 200);
}

static void
login_post(struct req *r)
{
	struct fval v[LOGIN_N];
	struct tdict *d;
	struct db_rows *u;
	struct auth_gate g;
	long long uid = 0, wait;
	int ok;

	if (field_read(r, login_f, LOGIN_N, v) > 0)
		goto form;
	if ((u = db_query(r, "SELECT id, password_hash FROM users WHERE "
	    "email = ? AND disabled_at IS NULL", "s", v[LI_EMAIL].str)) == NULL)
		return;
	if (u->nrows > 0)
		uid = db_get_int(u, 0, "id");
	if ((wait = auth_login_gate(r, uid, v[LI_EMAIL].str, &g)) != 0)
		return wait < 0 ? (void)0 : auth_too_many(r, wait);
	if ((ok = auth_check(r, uid, uid > 0 ? db_get(u, 0, "password_hash") :
	    NULL, v[LI_PASSWORD].str)) == -1)
		return;
	if (!ok) {
		if (auth_login_failed(r, &g) == -1)
			return;
		v[LI_PASSWORD].err = "The e-mail address or the password is wrong.";
		goto form;
	}
	if (sess_start(r, uid) == -1)
		return;
	auth_login_ok(r, uid, &g);
	resp_redirect(r, v[LI_NEXT].str != NULL ? v[LI_NEXT].str : "/");
	return;
form:
	d = page_new(r, "Sign in", "auth_login.tpl");
	page_form(d, login_f, LOGIN_N, v);
	page_send(r, 422);
}

static void
logout(struct req *r)
{
	sess_end(r);
	resp_flash(r, "You are signed out.");
	resp_redirect(r, "/");
}

/* ---- password reset ------------------------------------------------- */

enum { RS_EMAIL, RESET_N };
static const struct field reset_f[RESET_N] = {
	{ "email",	F_EMAIL,	3, 254,	1, NULL },
};

static void
reset_form(struct req *r)
{
	struct tdict *d = page_new(r, "Reset your password", "auth_reset.tpl");

	if (req_query(r, "sent") != NULL)
		tmpl_show(d, "SENT");
	else
		tmpl_show(d, "ASK");
	page_send(r, 200);
}

static int
queue_reset(struct req *r, long long uid)
{
	const char *t = auth_token_new(r, "reset", uid, "", AUTH_RESET_HOURS);
	struct tdict *d;
	int rc;

	if (t == NULL)
		return -1;
	d = tmpl_dict_new("mail");
	tmpl_set(d, "LINK", req_printf(r, "%s/reset/confirm?t=%s",
	    cfg_base_url(), t));
	rc = mail_queue(r, "reset", uid, NULL, "Reset your Menteo password",
	    "mail/reset", d, NULL);
	tmpl_dict_free(d);
	return rc == -1 ? -1 : 0;
}

/*
 * The reset link, or a mail saying no account has the address, run
 * again after a deadlock (db_tx_run). arg: the address asked for.
 */
static int
reset_tx(struct req *r, void *arg)
{
	const char *email = arg, *id;

	id = db_value(r, "SELECT id FROM users WHERE email = ? AND "
	    "disabled_at IS NULL", "s", email);
	if (r->db_failed)
		return -1;
	return id != NULL ? queue_reset(r, strtoll(id, NULL, 10)) :
	    queue_simple(r, "reset-unknown", 0, email,
	    "Reset your Menteo password", "mail/reset_unknown");
}

static void
reset_post(struct req *r)
{
	struct fval v[RESET_N];
	struct tdict *d;
	const char *ipb, *acb;
	int t;

	if (field_read(r, reset_f, RESET_N, v) > 0) {
		d = page_new(r, "Reset your password", "auth_reset.tpl");
		tmpl_show(d, "ASK");
		page_form(d, reset_f, RESET_N, v);
		return page_send(r, 422);
	}
	ipb = bucket(r, "reset:ip", r->remote_addr);
	acb = bucket(r, "reset:acct", v[RS_EMAIL].str);
	if ((t = throttled(r, ipb, acb)) != 0)
		return;
	if (auth_throttle_hit(r, ipb, ip_limit(), 15) == -1 ||
	    auth_throttle_hit(r, acb, 5, 60) == -1 ||
	    db_tx_run(r, reset_tx, (void *)v[RS_EMAIL].str) != 0)
		return;
	resp_redirect(r, "/reset?sent=1");
}

enum { CF_TOKEN, CF_PASSWORD, CF_PASSWORD2, CONFIRM_N };
static const struct field confirm_f[CONFIRM_N] = {
	{ "t",		F_TEXT,		64, 64,	1, NULL },
	{ "password",	F_PASSWORD,	AUTH_PW_MIN, AUTH_PW_MAX, 1, NULL },
	{ "password2",	F_PASSWORD,	1, AUTH_PW_MAX, 1, NULL },
};

static void
reset_confirm_form(struct req *r)
{
	const char *t = req_query(r, "t"), *target;
	struct tdict *d;
	long long uid;
	int rc;

	if ((rc = auth_token_peek(r, t, "reset", &uid, &target)) == -1)
		return;
	if (rc == 1)
		return token_bad(r, "RESET");
	d = page_new(r, "Choose a new password", "auth_reset_confirm.tpl");
	tmpl_set(d, "T", t);
	page_send(r, 200);
}

/* Both new-password fields: the problems of the pair. */
static int
new_password_check(struct fval *pw, struct fval *pw2)
{
	int errors = 0;

	if (pw->err == NULL && pw->str != NULL &&
	    (pw->err = auth_password_problem(pw->str)) != NULL)
		errors++;
	if (pw->err == NULL && pw2->err == NULL && pw->str != NULL &&
	    pw2->str != NULL && strcmp(pw->str, pw2->str) != 0) {
		pw2->err = "The two passwords are not the same.";
		errors++;
	}
	return errors;
}

/*
 * The new password, every session and mailed link of the account ended,
 * its owner told: one transaction, run again after a deadlock. 1: the
 * link was used or expired meanwhile.
 */
struct reset_w {
	const char	*t, *hash;
	long long	 uid;		/* out */
};

static int
reset_confirm_tx(struct req *r, void *arg)
{
	struct reset_w *w = arg;
	const char *target;
	int rc;

	if ((rc = auth_token_take(r, w->t, "reset", &w->uid, &target)) != 0)
		return rc;
	/* the mail reached its owner: that confirms the address too */
	if (db_exec(r, "UPDATE users SET password_hash = ?, email_verified_at "
	    "= COALESCE(email_verified_at, UTC_TIMESTAMP()) WHERE id = ?",
	    "si", w->hash, w->uid) < 0 ||
	    db_exec(r, "DELETE FROM sessions WHERE user_id = ?", "i",
	    w->uid) < 0 || auth_tokens_end(r, w->uid, NULL) == -1)
		return -1;
	return queue_simple(r, "password-changed", w->uid, NULL,
	    "Your Menteo password was changed", "mail/password_changed");
}

static void
reset_confirm_post(struct req *r)
{
	struct fval v[CONFIRM_N];
	struct reset_w w;
	struct tdict *d;
	const char *hash, *target;
	long long uid;
	int rc, errors;

	errors = field_read(r, confirm_f, CONFIRM_N, v);
	if ((rc = auth_token_peek(r, v[CF_TOKEN].raw, "reset", &uid, &target)) == -1)
		return;
	if (rc == 1)
		return token_bad(r, "RESET");
	if (errors + new_password_check(&v[CF_PASSWORD], &v[CF_PASSWORD2]) > 0) {
		d = page_new(r, "Choose a new password",
		    "auth_reset_confirm.tpl");
		page_form(d, confirm_f, CONFIRM_N, v);
		return page_send(r, 422);
	}
	if ((hash = auth_hash(r, v[CF_PASSWORD].str)) == NULL)
		return page_error(r, 500);
	w = (struct reset_w){ v[CF_TOKEN].str, hash, 0 };
	if ((rc = db_tx_run(r, reset_confirm_tx, &w)) == -1)
		return;
	if (rc == 1)
		return token_bad(r, "RESET");
	/* signed in after the commit, as a programme's new joiner is */
	r->sess_id = 0;		/* its row, if it was this account's, is gone */
	if (sess_start(r, w.uid) == -1)
		return;
	resp_flash(r, "Your password is changed, and every other session is "
	    "signed out.");
	resp_redirect(r, "/");
}

/* ---- e-mailed links ------------------------------------------------------ */

/*
 * A mailed sign-in link taken (once), in a transaction run again after a
 * deadlock; the session is started after it. 1: no live link (or the
 * account may not sign in by one: its link is used up then too, and the
 * person goes to the sign-in form).
 */
struct link_w {
	const char	*t, *target;	/* out: where it leads */
	long long	 uid;		/* out */
	int		 refused;	/* out: used up, yet no key */
};

static int
link_tx(struct req *r, void *arg)
{
	struct link_w *w = arg;
	struct db_rows *u;
	int rc;

	w->refused = 0;
	if ((rc = auth_token_take(r, w->t, "link", &w->uid, &w->target)) != 0)
		return rc;
	if ((u = db_query(r, "SELECT is_admin, disabled_at IS NULL AS active "
	    "FROM users WHERE id = ?", "i", w->uid)) == NULL)
		return -1;
	/* admins type their password: a forwarded mail must not be a key */
	w->refused = r->user.id != w->uid && (u->nrows == 0 ||
	    !db_get_int(u, 0, "active") || db_get_int(u, 0, "is_admin"));
	return 0;
}

/* Uses a mailed sign-in link: signs its recipient in, on its page. */
static void
link_open(struct req *r, const char *t)
{
	struct link_w w = { t, NULL, 0, 0 };
	const char *target;
	int rc;

	if ((rc = db_tx_run(r, link_tx, &w)) == -1)
		return;
	target = w.target;
	if (target == NULL || target[0] != '/' || target[1] == '/')
		target = "/";
	if (rc == 1 && r->user.id > 0) {
		/* signed in already: the page decides what they may see */
		resp_flash(r, req_printf(r, "That sign-in link was already "
		    "used or has expired; you are still signed in as %s.",
		    r->user.name));
		return resp_redirect(r, target);
	}
	if (rc == 1 || w.refused) {
		resp_flash(r, w.refused ? "This account signs in with its "
		    "password: a link in an e-mail is not enough for it." :
		    "That sign-in link was already used or has expired. Sign "
		    "in to go on to the page it was for.");
		return resp_redirect(r, req_printf(r, "/login?next=%s",
		    req_url_encode(r->arena, target, "-_.~/")));
	}
	if (r->user.id != w.uid && sess_start(r, w.uid) == -1)
		return;
	resp_redirect(r, target);
}

/*
 * Someone signed in who opens another account's link is asked first
 * (and the link stays unused): else a link planted in a page or a mail
 * switches them, unaware, into an account someone else controls.
 */
static void
link_land(struct req *r)
{
	const char *t = req_query(r, "t"), *target;
	struct tdict *d;
	long long uid;
	int rc;

	if (r->user.id > 0) {
		if ((rc = auth_token_peek(r, t, "link", &uid, &target)) == -1)
			return;
		if (rc == 0 && uid != r->user.id) {
			d = page_new(r, "This link is for another account",
			    "auth_link_switch.tpl");
			tmpl_set(d, "T", t);
			tmpl_set(d, "EMAIL", r->user.email);
			return page_send(r, 200);
		}
	}
	link_open(r, t);
}

static void
link_switch(struct req *r)
{
	link_open(r, req_form(r, "t"));
}

static int
kind_ok(const char *k)
{
	size_t n = 0;

	for (; k != NULL && *k != '\0'; k++, n++)
		if (!(islower((unsigned char)*k) || isdigit((unsigned char)*k) ||
		    *k == '-' || *k == '_'))
			return 0;
	return n > 0 && n <= 40;
}

/* The (user, kind) of a signed unsubscribe link, or -1. */
static long long
unsub_args(struct req *r, const char **kind)
{
	/* the form posts them; a one-click POST (RFC 8058) keeps the URL's */
	const char *u = req_form(r, "u") ? req_form(r, "u") : req_query(r, "u");
	const char *k = req_form(r, "k") ? req_form(r, "k") : req_query(r, "k");
	const char *s = req_form(r, "s") ? req_form(r, "s") : req_query(r, "s");
	const char *want;
	char *end;
	long long uid;

	if (u == NULL || s == NULL || !kind_ok(k))
		return -1;
	uid = strtoll(u, &end, 10);
	if (*u == '\0' || *end != '\0' || uid <= 0)
		return -1;
	want = auth_unsub_sig(r, uid, k);
	if (strlen(s) != strlen(want) || sodium_memcmp(s, want,
	    strlen(want)) != 0)
		return -1;
	*kind = k;
	return uid;
}

static void
unsub_page(struct req *r, long long uid, const char *kind, int done)
{
	struct tdict *d = page_new(r, "Unsubscribe", "auth_unsubscribe.tpl");

	tmpl_set_int(d, "U", uid);
	tmpl_set(d, "K", kind);
	tmpl_set(d, "S", auth_unsub_sig(r, uid, kind));
	tmpl_show(d, done ? "DONE" : "ASK");
	page_send(r, 200);
}

static void
unsub_form(struct req *r)
{
	const char *kind;
	long long uid = unsub_args(r, &kind);

	if (uid < 0)
		return page_error_msg(r, 400, "This unsubscribe link is not "
		    "complete. Copy the whole link from the e-mail.");
	unsub_page(r, uid, kind, req_query(r, "done") != NULL);
}

static void
unsub_post(struct req *r)
{
	const char *kind;
	long long uid = unsub_args(r, &kind);

	if (uid < 0)
		return page_error(r, 400);
	if (db_exec(r, "INSERT IGNORE INTO mail_optouts (user_id, kind, "
	    "created_at) SELECT id, ?, UTC_TIMESTAMP() FROM users WHERE id = ?",
	    "si", kind, uid) < 0)
		return;
	resp_redirect(r, req_printf(r, "/link/unsubscribe?u=%lld&k=%s&s=%s&"
	    "done=1", uid, kind, auth_unsub_sig(r, uid, kind)));
}

/* ---- settings ----------------------------------------------------------- */

/*
 * 1 when pw is the signed-in person's password; 0 wrong; -1 answered.
 * Its own count, per account: only someone signed in to it adds to it.
 */
static int
current_ok(struct req *r, const char *pw)
{
	const char *acb = bucket(r, "password:user",
	    req_printf(r, "%lld", r->user.id));
	const char *hash;
	int ok, t;

	if ((t = throttled(r, acb, NULL)) != 0)
		return -1;
	if ((hash = db_value(r, "SELECT password_hash FROM users WHERE id = ?",
	    "i", r->user.id)) == NULL)
		return -1;
	if ((ok = auth_check(r, r->user.id, hash, pw)) == -1)
		return -1;
	if (!ok && auth_throttle_hit(r, acb, AUTH_LOGIN_LIMIT, AUTH_LOGIN_WINDOW) == -1)
		return -1;
	return ok;
}

enum { PW_CURRENT, PW_PASSWORD, PW_PASSWORD2, PASSWORD_N };
static const struct field password_f[PASSWORD_N] = {
	{ "current",	F_PASSWORD,	1, AUTH_PW_MAX, 1, NULL },
	{ "password",	F_PASSWORD,	AUTH_PW_MIN, AUTH_PW_MAX, 1, NULL },
	{ "password2",	F_PASSWORD,	1, AUTH_PW_MAX, 1, NULL },
};

static void
password_form(struct req *r)
{
	page_new(r, "Change your password", "auth_password.tpl");
	page_send(r, 200);
}

/*
 * The new hash; every other session and every mailed link ends; the
 * owner is told. One transaction, run again after a deadlock. arg: the
 * hash.
 */
static int
password_tx(struct req *r, void *arg)
{
	if (db_exec(r, "UPDATE users SET password_hash = ? WHERE id = ?",
	    "si", (const char *)arg, r->user.id) < 0)
		return -1;
	sess_end_others(r, r->user.id);
	return auth_tokens_end(r, r->user.id, NULL) == -1 ? -1 :
	    queue_simple(r, "password-changed", r->user.id, NULL,
	    "Your Menteo password was changed", "mail/password_changed");
}

static void
password_post(struct req *r)
{
	struct fval v[PASSWORD_N];
	struct tdict *d;
	const char *hash;
	int errors, ok;

	errors = field_read(r, password_f, PASSWORD_N, v);
	errors += new_password_check(&v[PW_PASSWORD], &v[PW_PASSWORD2]);
	if (v[PW_CURRENT].err == NULL) {
		if ((ok = current_ok(r, v[PW_CURRENT].str)) == -1)
			return;
		if (!ok) {
			v[PW_CURRENT].err = "This is not your current password.";
			errors++;
		}
	}
	if (errors) {
		d = page_new(r, "Change your password", "auth_password.tpl");
		page_form(d, password_f, PASSWORD_N, v);
		return page_send(r, 422);
	}
	if ((hash = auth_hash(r, v[PW_PASSWORD].str)) == NULL)
		return page_error(r, 500);
	if (db_tx_run(r, password_tx, (void *)hash) != 0)
		return;
	resp_flash(r, "Your password is changed, and every other session is "
	    "signed out.");
	resp_redirect(r, "/settings/password");
}

enum { EM_EMAIL, EM_PASSWORD, EMAIL_N };
static const struct field email_f[EMAIL_N] = {
	{ "email",	F_EMAIL,	3, 254, 1, NULL },
	{ "password",	F_PASSWORD,	1, AUTH_PW_MAX, 1, NULL },
};

static void
email_form(struct req *r)
{
	struct tdict *d = page_new(r, "Change your e-mail address",
	    "auth_email.tpl");

	tmpl_set(d, "CURRENT", r->user.email);
	page_send(r, 200);
}

/*
 * A link to the new address, the only move pending (the newest), in a
 * transaction run again after a deadlock. arg: the new address.
 */
static int
email_tx(struct req *r, void *arg)
{
	const char *to = arg, *t;
	struct tdict *d;
	int rc;

	if (auth_tokens_end(r, r->user.id, "email") == -1 ||
	    (t = auth_token_new(r, "email", r->user.id, to,
	    AUTH_VERIFY_HOURS)) == NULL)
		return -1;
	d = tmpl_dict_new("mail");
	tmpl_set(d, "EMAIL", to);
	tmpl_set(d, "LINK", req_printf(r, "%s/verify?t=%s", cfg_base_url(), t));
	rc = mail_queue(r, "email-change", 0, to, "Confirm your new e-mail "
	    "address for Menteo", "mail/email_change", d, NULL);
	tmpl_dict_free(d);
	return rc == -1 ? -1 : 0;
}

static void
email_post(struct req *r)
{
	struct fval v[EMAIL_N];
	struct tdict *d;
	const char *ipb, *acb;
	int errors, ok;

	/* each request mails an address the person typed: a relay if free */
	acb = bucket(r, "email:user", req_printf(r, "%lld", r->user.id));
	ipb = bucket(r, "email:ip", r->remote_addr);
	if ((ok = throttled(r, acb, ipb)) != 0)
		return;
	errors = field_read(r, email_f, EMAIL_N, v);
	if (v[EM_EMAIL].str != NULL && strcmp(v[EM_EMAIL].str, r->user.email) == 0) {
		v[EM_EMAIL].err = "This is already your address.";
		errors++;
	} else if (v[EM_EMAIL].err == NULL && !r->user.verified) {
		/* else whoever signed up with a stranger's address moves it */
		v[EM_EMAIL].err = "Confirm your current address first: open the link "
		    "we sent to it, or ask for a new one at the top of the page.";
		errors++;
	}
	if (v[EM_PASSWORD].err == NULL) {
		if ((ok = current_ok(r, v[EM_PASSWORD].str)) == -1)
			return;
		if (!ok) {
			v[EM_PASSWORD].err = "This is not your current password.";
			errors++;
		}
	}
	if (errors) {
		d = page_new(r, "Change your e-mail address", "auth_email.tpl");
		tmpl_set(d, "CURRENT", r->user.email);
		page_form(d, email_f, EMAIL_N, v);
		return page_send(r, 422);
	}
	if (auth_throttle_hit(r, acb, 5, 60) == -1 ||
	    auth_throttle_hit(r, ipb, ip_limit(), 15) == -1)
		return;
	if (db_tx_run(r, email_tx, (void *)v[EM_EMAIL].str) != 0)
		return;
	resp_flash(r, req_printf(r, "We sent a link to %s. Your address "
	    "changes when you open it.", v[EM_EMAIL].str));
	resp_redirect(r, "/settings/email");
}

static void
sessions_list(struct req *r)
{
	struct tdict *d = page_new(r, "Your sessions", "auth_sessions.tpl"), *s;
	struct db_rows *rows;
	size_t i;
	int cur;

	rows = db_query(r, "SELECT id, created_at, last_seen_at, user_agent "
	    "FROM sessions WHERE user_id = ? ORDER BY id = ? DESC, "
	    "last_seen_at DESC LIMIT 100", "ii", r->user.id, r->sess_id);
	if (rows == NULL)
		return;
	for (i = 0; i < rows->nrows; i++) {
		s = tmpl_section(d, "SESSIONS");
		tmpl_set(s, "ID", db_get(rows, i, "id"));
		page_time(r, s, "CREATED", db_get(rows, i, "created_at"));
		/* the one in use, first; its row is written every few minutes */
		cur = db_get_int(rows, i, "id") == r->sess_id;
		if (cur)
			tmpl_set(s, "SEEN", "Now");
		else
			page_time(r, s, "SEEN", db_get(rows, i, "last_seen_at"));
		tmpl_set(s, "AGENT", *db_get(rows, i, "user_agent") != '\0' ?
		    db_get(rows, i, "user_agent") : "Unknown browser");
		tmpl_show(s, cur ? "CURRENT" : "OTHER");
	}
	if (rows->nrows > 1)
		tmpl_show(d, "HAS_OTHERS");
	page_send(r, 200);
}

enum { SS_SESSION, SESSIONS_N };
static const struct field sessions_f[SESSIONS_N] = {
	{ "session",	F_INT,	1, 9223372036854775807LL, 0, NULL },
};

static void
sessions_post(struct req *r)
{
	struct fval v[SESSIONS_N];

	if (field_read(r, sessions_f, SESSIONS_N, v) > 0)
		return page_error(r, 400);
	if (v[SS_SESSION].raw == NULL || *v[SS_SESSION].raw == '\0') {
		sess_end_others(r, r->user.id);
		resp_flash(r, "Every other session is signed out.");
	} else {
		if (db_exec(r, "DELETE FROM sessions WHERE id = ? AND "
		    "user_id = ? AND id <> ?", "iii", v[SS_SESSION].num, r->user.id,
		    r->sess_id) < 0)
			return;
		resp_flash(r, "That session is signed out.");
	}
	if (r->db_failed)
		return;
	resp_redirect(r, "/settings/sessions");
}
