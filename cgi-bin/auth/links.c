/*
 * auth: the landing of e-mailed links: a sign-in link (/link), asked
 * first when it is another account's, and the signed unsubscribe link
 * (/link/unsubscribe, RFC 8058's one-click POST too).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "auth.h"
#include "db.h"
#include "mail.h"
#include "page.h"
#include "resp.h"
#include "sess.h"
#include "pages.h"

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
	const char *target, *email;
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
	if (r->user.id != w.uid) {
		if (sess_start(r, w.uid) == -1 || (email = db_value(r,
		    "SELECT email FROM users WHERE id = ?", "i", w.uid)) == NULL)
			return;
		/*
		 * A link someone sent a signed-out browser signs it in to
		 * their account (SPEC 8: one click opens the page): the page
		 * says whose, so nobody works in another's account unaware.
		 */
		resp_flash(r, req_printf(r, "You are signed in as %s by the "
		    "link in your e-mail. Not you? Sign out.", email));
	}
	resp_redirect(r, target);
}

/*
 * Someone signed in who opens another account's link is asked first
 * (and the link stays unused): else a link planted in a page or a mail
 * switches them, unaware, into an account someone else controls.
 */
void
au_link_land(struct req *r)
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

void
au_link_switch(struct req *r)
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

/* What the unsubscribe page says: the question, or what was done. */
enum unsub_state { UNSUB_ASK, UNSUB_DONE, UNSUB_UNDONE };

static void
unsub_page(struct req *r, long long uid, const char *kind,
    enum unsub_state state)
{
	static const char *const section[] = { "ASK", "DONE", "UNDONE" };
	struct tdict *d = page_new(r, "Unsubscribe", "auth_unsubscribe.tpl");

	tmpl_set_int(d, "U", uid);
	tmpl_set(d, "K", kind);
	tmpl_set(d, "K_LABEL", mail_kind_label(kind));	/* not its key */
	tmpl_set(d, "S", auth_unsub_sig(r, uid, kind));
	tmpl_show(d, section[state]);
	page_send(r, 200);
}

void
au_unsub_form(struct req *r)
{
	const char *kind;
	long long uid = unsub_args(r, &kind);

	if (uid < 0)
		return page_error_msg(r, 400, "This unsubscribe link is not "
		    "complete. Copy the whole link from the e-mail.");
	unsub_page(r, uid, kind, req_query(r, "done") != NULL ? UNSUB_DONE :
	    req_query(r, "undone") != NULL ? UNSUB_UNDONE : UNSUB_ASK);
}

void
au_unsub_post(struct req *r)
{
	const char *kind;
	long long uid = unsub_args(r, &kind);
	int undo;

	if (uid < 0)
		return page_error(r, 400);
	/* changed one's mind on the page that said it was done: one click
	 * back, as one click took it away */
	undo = req_form(r, "undo") != NULL && strcmp(req_form(r, "undo"),
	    "1") == 0 && !req_one_click(r);
	if ((undo ? db_exec(r, "DELETE FROM mail_optouts WHERE user_id = ? "
	    "AND kind = ?", "is", uid, kind) : db_exec(r, "INSERT IGNORE INTO "
	    "mail_optouts (user_id, kind, created_at) SELECT id, ?, "
	    "UTC_TIMESTAMP() FROM users WHERE id = ?", "si", kind, uid)) < 0)
		return;
	if (req_one_click(r))
		return unsub_page(r, uid, kind, UNSUB_DONE);
	resp_redirect(r, req_printf(r, "/link/unsubscribe?u=%lld&k=%s&s=%s&"
	    "%s=1", uid, kind, auth_unsub_sig(r, uid, kind), undo ? "undone" :
	    "done"));
}
