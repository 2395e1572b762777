/*
 * auth: sign-in and out (/login, /logout) and the password reset
 * (/reset, /reset/confirm).
 */
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "cfg.h"
#include "db.h"
#include "field.h"
#include "log.h"
#include "mail.h"
#include "page.h"
#include "resp.h"
#include "sess.h"
#include "pages.h"

enum { LI_EMAIL, LI_PASSWORD, LI_NEXT, LOGIN_N };
static const struct field login_f[LOGIN_N] = {
	{ "email",	F_EMAIL,	3, 254,	1, NULL },
	{ "password",	F_PASSWORD,	1, AUTH_PW_MAX, 1, NULL },
	{ "next",	F_NEXT,		1, 500,	0, NULL },
};

/*
 * Where the form goes on to, next (a local path, or NULL): a newcomer's
 * sign-up carries it too, offered unless the page was sent to an
 * address with an account (after signing up, or by an invitation); a
 * form re-shown after an error offers it, as it says nothing of whether
 * the address typed has an account. Why
 * the person signs in is said above the form as long as it is shown (a
 * flash went with the first wrong password) when next is a programme's
 * join form with its invitation.
 */
static void
login_next(struct req *r, struct tdict *d, const char *next, int newcomer)
{
	if (newcomer)
		tmpl_set(tmpl_section(d, "NEW_HERE"), "SIGNUP_HREF",
		    next != NULL ? req_printf(r, "/signup?next=%s",
		    req_url_enc(r, next)) : "/signup");
	if (next != NULL && strncmp(next, "/programmes/", 12) == 0 &&
	    strstr(next, "/join?invite=") != NULL)
		tmpl_show(d, "FOR_INVITATION");
}

void
au_login_form(struct req *r)
{
	struct tdict *d = page_new(r, "Sign in", "auth_login.tpl");
	struct fval nv, ev;
	int known;

	if (field_check(r->arena, &login_f[LI_NEXT], req_query(r, "next"),
	    &nv) != 0)
		nv.str = NULL;
	if (nv.str != NULL)
		tmpl_set(d, "NEXT", nv.str);
	/* the address of an account a link was sent to, when one is given */
	known = field_check(r->arena, &login_f[LI_EMAIL], req_query(r,
	    "email"), &ev) == 0 && ev.str != NULL;
	if (known)
		tmpl_set(d, "EMAIL", ev.str);
	login_next(r, d, nv.str, !known);
	page_send(r, 200);
}

void
au_login_post(struct req *r)
{
	struct fval v[LOGIN_N];
	struct tdict *d;
	struct db_rows *u;
	struct auth_gate g;
	const char *hash = NULL;
	long long uid = 0, wait;
	int ok;

	if (field_read(r, login_f, LOGIN_N, v) - field_drop(&v[LI_NEXT]) > 0)
		goto form;
	if ((u = db_query(r, "SELECT id, password_hash, disabled_at IS NOT "
	    "NULL AS disabled FROM users WHERE email = ?", "s",
	    v[LI_EMAIL].str)) == NULL)
		return;
	if (u->nrows > 0) {
		uid = db_get_int(u, 0, "id");
		hash = db_get(u, 0, "password_hash");
	}
	if ((wait = auth_login_gate(r, uid, hash, v[LI_EMAIL].str, &g)) != 0)
		return wait < 0 ? (void)0 : auth_too_many(r, wait);
	if ((ok = auth_check(r, uid, hash, v[LI_PASSWORD].str)) == -1)
		return;
	if (!ok) {
		if (auth_login_failed(r, &g) == -1)
			return;
		/* for fail2ban and the like (docs/admin.md): never the address */
		log_info("auth: sign-in failed for %s from %s", uid > 0 ?
		    req_printf(r, "user %lld", uid) : "an unknown address",
		    r->remote_addr);
		v[LI_PASSWORD].err = "The e-mail address or the password is wrong.";
		goto form;
	}
	/*
	 * Said only to whoever knows the password: "wrong password" told a
	 * disabled person nothing true (found walking). A deleted account's
	 * address is no longer its own, so it is never found here.
	 */
	if (db_get_int(u, 0, "disabled")) {
		v[LI_PASSWORD].err = "This account has been disabled by the "
		    "site's administrators. If you think this is a mistake, "
		    "write to them.";
		goto form;
	}
	/* as stored now: auth_check rehashes it when the cost changed */
	if (sess_start(r, uid) == -1 || (hash = db_value(r, "SELECT "
	    "password_hash FROM users WHERE id = ?", "i", uid)) == NULL)
		return;
	auth_login_ok(r, uid, hash, &g);
	resp_redirect(r, v[LI_NEXT].str != NULL ? v[LI_NEXT].str : "/");
	return;
form:
	d = page_new(r, "Sign in", "auth_login.tpl");
	page_form(d, login_f, LOGIN_N, v);
	login_next(r, d, v[LI_NEXT].str, 1);
	page_send(r, 422);
}

void
au_logout(struct req *r)
{
	struct fval nv;

	/* a page of this site to go on to signed out (another's link) */
	if (field_check(r->arena, &login_f[LI_NEXT], req_form(r, "next"),
	    &nv) != 0)
		nv.str = NULL;
	sess_end(r);
	resp_flash(r, "You are signed out.");
	resp_redirect(r, nv.str != NULL ? nv.str : "/");
}

/* ---- password reset ------------------------------------------------- */

enum { RS_EMAIL, RESET_N };
static const struct field reset_f[RESET_N] = {
	{ "email",	F_EMAIL,	3, 254,	1, NULL },
};

void
au_reset_form(struct req *r)
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
 * The reset link; or a mail saying the account is disabled, or that no
 * account has the address: run again after a deadlock (db_tx_run). arg:
 * the address asked for.
 */
static int
reset_tx(struct req *r, void *arg)
{
	const char *email = arg;
	struct db_rows *u;

	u = db_query(r, "SELECT id, disabled_at IS NOT NULL AS disabled FROM "
	    "users WHERE email = ?", "s", email);
	if (u == NULL)
		return -1;
	if (u->nrows == 0)
		return au_queue_simple(r, "reset-unknown", 0, email,
		    "Reset your Menteo password", "mail/reset_unknown");
	if (db_get_int(u, 0, "disabled"))
		return au_queue_simple(r, "reset-disabled", 0, email,
		    "Your Menteo account is disabled", "mail/reset_disabled");
	return queue_reset(r, db_get_int(u, 0, "id"));
}

void
au_reset_post(struct req *r)
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
	ipb = au_bucket(r, "reset:ip", r->remote_addr);
	acb = au_bucket(r, "reset:acct", v[RS_EMAIL].str);
	if ((t = au_throttled(r, ipb, acb)) != 0)
		return;
	if (auth_throttle_hit(r, ipb, au_ip_limit(), 15) == -1 ||
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

void
au_reset_confirm_form(struct req *r)
{
	const char *t = req_query(r, "t"), *target;
	struct tdict *d;
	long long uid;
	int rc;

	if ((rc = auth_token_peek(r, t, "reset", &uid, &target)) == -1)
		return;
	if (rc == 1)
		return au_token_bad(r, "RESET");
	d = page_new(r, "Choose a new password", "auth_reset_confirm.tpl");
	tmpl_set(d, "T", t);
	page_send(r, 200);
}

/*
 * The new password, every session and mailed link of the account ended,
 * its owner told: one transaction, run again after a deadlock. 1: the
 * link was used or expired meanwhile.
 */
struct reset_w {
	const char	*t, *hash;
	long long	 uid;		/* out */
	int		 feed;		/* out: the feed's address renewed */
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
	    w->uid) < 0 || auth_tokens_end(r, w->uid, NULL) == -1 ||
	    (w->feed = auth_feed_renew(r, w->uid)) == -1)
		return -1;
	return au_queue_simple(r, "password-changed", w->uid, NULL,
	    "Your Menteo password was changed", "mail/password_changed");
}

void
au_reset_confirm_post(struct req *r)
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
		return au_token_bad(r, "RESET");
	errors += au_new_password_check(&v[CF_PASSWORD], &v[CF_PASSWORD2]);
	if (errors > 0) {
		d = page_new(r, "Choose a new password",
		    "auth_reset_confirm.tpl");
		page_form(d, confirm_f, CONFIRM_N, v);
		return page_send(r, 422);
	}
	if ((hash = auth_hash(r, v[CF_PASSWORD].str)) == NULL)
		return page_error(r, 500);
	w = (struct reset_w){ v[CF_TOKEN].str, hash, 0, 0 };
	if ((rc = db_tx_run(r, reset_confirm_tx, &w)) == -1)
		return;
	if (rc == 1)
		return au_token_bad(r, "RESET");
	/* signed in after the commit, as a programme's new joiner is */
	r->sess_id = 0;		/* its row, if it was this account's, is gone */
	if (sess_start(r, w.uid) == -1)
		return;
	auth_device_cookie(r, w.uid, hash);
	resp_flash(r, req_printf(r, "Your password is changed, and every "
	    "other session is signed out.%s", w.feed ? AU_FEED_RENEWED : ""));
	resp_redirect(r, "/");
}
