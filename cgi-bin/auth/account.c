/*
 * auth: the account settings that need the password: the password
 * itself, the e-mail address, and the sessions signed in.
 */
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "cfg.h"
#include "db.h"
#include "field.h"
#include "mail.h"
#include "page.h"
#include "resp.h"
#include "sess.h"
#include "pages.h"

enum { PW_CURRENT, PW_PASSWORD, PW_PASSWORD2, PASSWORD_N };
static const struct field password_f[PASSWORD_N] = {
	{ "current",	F_PASSWORD,	1, AUTH_PW_MAX, 1, NULL },
	{ "password",	F_PASSWORD,	AUTH_PW_MIN, AUTH_PW_MAX, 1, NULL },
	{ "password2",	F_PASSWORD,	1, AUTH_PW_MAX, 1, NULL },
};

void
au_password_form(struct req *r)
{
	page_new(r, "Change your password", "auth_password.tpl");
	page_send(r, 200);
}

/*
 * The new hash; every other session and every mailed link ends; the
 * owner is told. One transaction, run again after a deadlock. arg: the
 * hash.
 */
struct password_w {
	const char	*hash;
	int		 feed;		/* out: the feed's address renewed */
};

static int
password_tx(struct req *r, void *arg)
{
	struct password_w *w = arg;

	if (db_exec(r, "UPDATE users SET password_hash = ? WHERE id = ?",
	    "si", w->hash, r->user.id) < 0)
		return -1;
	sess_end_others(r, r->user.id);
	return auth_tokens_end(r, r->user.id, NULL) == -1 ||
	    (w->feed = auth_feed_renew(r, r->user.id)) == -1 ? -1 :
	    au_queue_simple(r, "password-changed", r->user.id, NULL,
	    "Your Menteo password was changed", "mail/password_changed");
}

void
au_password_post(struct req *r)
{
	struct fval v[PASSWORD_N];
	struct password_w pw;
	struct tdict *d;
	const char *hash;
	int errors, ok;

	errors = field_read(r, password_f, PASSWORD_N, v);
	errors += au_new_password_check(&v[PW_PASSWORD], &v[PW_PASSWORD2]);
	if (v[PW_CURRENT].err == NULL) {
		if ((ok = auth_current_ok(r, v[PW_CURRENT].str)) == -1)
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
	pw = (struct password_w){ hash, 0 };
	if (db_tx_run(r, password_tx, &pw) != 0)
		return;
	auth_device_cookie(r, r->user.id, hash);
	resp_flash(r, req_printf(r, "Your password is changed, and every "
	    "other session is signed out.%s", pw.feed ? AU_FEED_RENEWED :
	    ""));
	resp_redirect(r, "/settings/password");
}

enum { EM_EMAIL, EM_PASSWORD, EMAIL_N };
static const struct field email_f[EMAIL_N] = {
	{ "email",	F_EMAIL,	3, 254, 1, NULL },
	{ "password",	F_PASSWORD,	1, AUTH_PW_MAX, 1, NULL },
};

void
au_email_form(struct req *r)
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
	const char *to = arg, *t, *owner;
	struct tdict *d;
	int rc;

	if (auth_tokens_end(r, r->user.id, "email") == -1)
		return -1;
	/*
	 * An address of another account: its owner is told someone asked
	 * for it, as sign-up tells them, not asked to confirm a move of
	 * their own account. The asker reads the same answer either way:
	 * which addresses have accounts is nobody's to learn here.
	 */
	if ((owner = db_value(r, "SELECT id FROM users WHERE email = ?", "s",
	    to)) == NULL && r->db_failed)
		return -1;
	if (owner != NULL)
		return au_queue_simple(r, "email-taken", strtoll(owner, NULL,
		    10), NULL, "Someone asked to use your address on Menteo",
		    "mail/email_taken");
	if ((t = auth_token_new(r, "email", r->user.id, to,
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

void
au_email_post(struct req *r)
{
	struct fval v[EMAIL_N];
	struct tdict *d;
	const char *ipb, *acb;
	int errors, ok;

	/* each request mails an address the person typed: a relay if free */
	acb = au_bucket(r, "email:user", req_printf(r, "%lld", r->user.id));
	ipb = au_bucket(r, "email:ip", r->remote_addr);
	if ((ok = au_throttled(r, acb, ipb)) != 0)
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
		if ((ok = auth_current_ok(r, v[EM_PASSWORD].str)) == -1)
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
	    auth_throttle_hit(r, ipb, au_ip_limit(), 15) == -1)
		return;
	if (db_tx_run(r, email_tx, (void *)v[EM_EMAIL].str) != 0)
		return;
	resp_flash(r, req_printf(r, "We sent a link to %s. Your address "
	    "changes when you open it.", v[EM_EMAIL].str));
	resp_redirect(r, "/settings/email");
}

/*
 * A browser as people name it ("Firefox on Linux") from its User-Agent;
 * the string itself when nothing in it is known. Order matters: Edge and
 * Opera say "Chrome", Chrome says "Safari", Android says "Linux".
 */
static const char *
ua_name(struct req *r, const char *ua)
{
	static const struct { const char *has, *name; } browsers[] = {
		{ "Edg/", "Edge" }, { "OPR/", "Opera" },
		{ "Firefox/", "Firefox" }, { "Chrome/", "Chrome" },
		{ "Chromium/", "Chromium" }, { "Safari/", "Safari" },
		{ "curl/", "curl" },
	}, systems[] = {
		{ "Android", "Android" }, { "iPhone", "an iPhone" },
		{ "iPad", "an iPad" }, { "Windows", "Windows" },
		{ "Mac OS X", "a Mac" }, { "CrOS", "ChromeOS" },
		{ "Linux", "Linux" },
	};
	const char *b = NULL, *o = NULL;
	size_t i;

	if (ua == NULL || *ua == '\0')
		return "Unknown browser";
	for (i = 0; b == NULL && i < sizeof(browsers) / sizeof(browsers[0]);
	    i++)
		if (strstr(ua, browsers[i].has) != NULL)
			b = browsers[i].name;
	for (i = 0; o == NULL && i < sizeof(systems) / sizeof(systems[0]); i++)
		if (strstr(ua, systems[i].has) != NULL)
			o = systems[i].name;
	if (b == NULL)
		return ua;
	return o != NULL ? req_printf(r, "%s on %s", b, o) : b;
}

void
au_sessions_list(struct req *r)
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
		tmpl_set(s, "AGENT", ua_name(r, db_get(rows, i, "user_agent")));
		tmpl_set(s, "AGENT_FULL", db_get(rows, i, "user_agent"));
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

void
au_sessions_post(struct req *r)
{
	struct fval v[SESSIONS_N];
	int feed;

	if (field_read(r, sessions_f, SESSIONS_N, v) > 0)
		return page_error(r, 400);
	if (v[SS_SESSION].raw == NULL || *v[SS_SESSION].raw == '\0') {
		sess_end_others(r, r->user.id);
		if ((feed = auth_feed_renew(r, r->user.id)) == -1)
			return;
		resp_flash(r, req_printf(r, "Every other session is signed "
		    "out.%s", feed ? AU_FEED_RENEWED : ""));
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
