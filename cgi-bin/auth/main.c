/*
 * auth: sign-up, e-mail verification, sign-in and out, password reset,
 * the landing of e-mailed links, and the account settings that need a
 * password (password, address, sessions). One program, a page file per
 * area: main.c (this route table and what the pages share: throttle
 * buckets, the page of a dead link, a plain mail, the new-password
 * rule), signup.c (/signup, /verify), login.c (/login, /logout,
 * /reset), links.c (/link: mailed sign-in and unsubscribe links),
 * account.c (/settings/password, /settings/email, /settings/sessions).
 */
#include <string.h>

#include "app.h"
#include "auth.h"
#include "cfg.h"
#include "mail.h"
#include "page.h"
#include "pages.h"

static const struct route routes[] = {
	{ "GET",	"/signup",		au_signup_form,		0 },
	{ "POST",	"/signup",		au_signup_post,		0 },
	{ "GET",	"/verify",		au_verify,		0 },
	{ "POST",	"/verify/resend",	au_verify_resend,	ROUTE_USER },
	{ "GET",	"/login",		au_login_form,		0 },
	{ "POST",	"/login",		au_login_post,		0 },
	{ "POST",	"/logout",		au_logout,		0 },
	{ "GET",	"/reset",		au_reset_form,		0 },
	{ "POST",	"/reset",		au_reset_post,		0 },
	{ "GET",	"/reset/confirm",	au_reset_confirm_form,	0 },
	{ "POST",	"/reset/confirm",	au_reset_confirm_post,	0 },
	{ "GET",	"/link",		au_link_land,		0 },
	{ "POST",	"/link",		au_link_switch,		0 },
	{ "GET",	"/link/unsubscribe",	au_unsub_form,		0 },
	{ "POST",	"/link/unsubscribe",	au_unsub_post,		ROUTE_SIGNED },
	{ "GET",	"/settings/password",	au_password_form,	ROUTE_USER },
	{ "POST",	"/settings/password",	au_password_post,	ROUTE_USER },
	{ "GET",	"/settings/email",	au_email_form,		ROUTE_USER },
	{ "POST",	"/settings/email",	au_email_post,		ROUTE_USER },
	{ "GET",	"/settings/sessions",	au_sessions_list,	ROUTE_USER },
	{ "POST",	"/settings/sessions",	au_sessions_post,	ROUTE_USER },
};

APP_MAIN("auth", routes)

/* A throttle's key: what is counted, and for whom. */
const char *
au_bucket(struct req *r, const char *what, const char *key)
{
	return req_printf(r, "%s:%s", what, key != NULL ? key : "");
}

/* 429 when any bucket is blocked; returns 1 then, -1 on db failure. */
int
au_throttled(struct req *r, const char *b1, const char *b2)
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

/* Requests an address may make of a throttled form in its window. */
int
au_ip_limit(void)
{
	return (int)cfg_int("throttle_ip_limit", 100);
}

/* A page about a link that no longer works, with the next step. */
void
au_token_bad(struct req *r, const char *kind)
{
	struct tdict *d = page_new(r, "This link no longer works",
	    "auth_token_bad.tpl");

	tmpl_show(d, kind);
	if (r->user.id > 0 && !r->user.verified)
		tmpl_show(d, "CAN_RESEND");
	page_send(r, 400);
}

/* A mail of one template that needs only its recipient's address. */
int
au_queue_simple(struct req *r, const char *kind, long long uid, const char *to,
    const char *subject, const char *tpl)
{
	struct tdict *d = tmpl_dict_new("mail");
	int rc;

	tmpl_set(d, "EMAIL", to);
	rc = mail_queue(r, kind, uid, to, subject, tpl, d, NULL);
	tmpl_dict_free(d);
	return rc == -1 ? -1 : 0;
}

/* Both new-password fields: the problems of the pair. */
int
au_new_password_check(struct fval *pw, struct fval *pw2)
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

