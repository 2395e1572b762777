/*
 * programmes/decline: an invitee says no, by the second link of the
 * invitation mail, with or without an account. The invitation's link
 * then stops working, the organisers' list says "Declined", and a paste
 * of the address mails nobody (invitations.c). A GET only asks: a mail
 * program that opens links to look at them declines nothing. The link is
 * also the mail's List-Unsubscribe, so a mail client's one-click POST
 * (RFC 8058) declines: the token in the URL is the authority, not a
 * session, so the POST takes no CSRF field (ROUTE_SIGNED).
 */
#include <string.h>

#include "cohort.h"
#include "mail.h"
#include "programmes.h"
#include "resp.h"

static const struct field decline_f = { "invite", F_SLUG, SESS_TOKEN_LEN,
    SESS_TOKEN_LEN, 1, NULL };

/*
 * The invitation token t names, for the decline page: 0 to ask or
 * decline, 1 declined before (the page says when), -1 after answering
 * (unknown, used, or the database).
 */
static int
decline_find(struct req *r, struct prog *p, const char *t,
    struct invite *inv)
{
	struct fval v;
	int rc;

	if (prog_load(r, p) == -1)
		return -1;
	if (t == NULL || field_check(r->arena, &decline_f, t, &v) != 0)
		t = "0";	/* found by no hash, answered so */
	if ((rc = invite_find(r, p, t, inv)) == -1)
		return -1;
	if (rc == 1) {
		invite_unknown(r, p, " Nothing was changed.");
		return -1;
	}
	if (inv->used_by != 0) {
		invite_bad(r, p, 410, "This invitation has been used to join "
		    "the programme already, so it can no longer be declined. "
		    "To leave the programme, sign in and choose \"Leave the "
		    "programme\" on its page.");
		return -1;
	}
	return inv->declined_at != NULL;
}

/* The question, or what was answered before. */
static void
decline_page(struct req *r, const struct prog *p, const struct invite *inv,
    const char *t)
{
	struct tdict *d = page_new(r, "Decline the invitation",
	    "programmes_decline.tpl"), *s;

	prog_head(d, p, NULL);
	tmpl_set(d, "EMAIL", inv->email);
	tmpl_set(d, "ROLE", inv->role);
	if (inv->declined_at != NULL) {
		tmpl_set(tmpl_section(d, "DECLINED"), "ON",
		    page_date_text(r, inv->declined_at));
		/* to change one's mind is to ask them for a new one */
		if (prog_contact(r, d, p) == -1)
			return;
	} else {
		s = tmpl_section(d, "ASK");
		tmpl_set(s, "INVITE", t);
		if (inv->live)	/* else the join page says it expired */
			tmpl_show(s, "LIVE");
	}
	page_send(r, 200);
}

void
prog_decline_form(struct req *r)
{
	const char *t = req_query(r, "invite");
	struct invite inv;
	struct prog p;

	if (decline_find(r, &p, t, &inv) == -1)
		return;
	decline_page(r, &p, &inv, t);
}

/*
 * The decline, in a transaction that runs again after a deadlock: only
 * the link read, still neither used nor declined (one sent again
 * meanwhile is a new invitation, one used a participant), and its notice
 * in Menteo read, its mail if still queued not sent. 0, 1 changed
 * meanwhile, -1 db.
 */
static int
decline_tx(struct req *r, void *arg)
{
	const struct invite *inv = arg;
	long long rc;

	rc = db_exec(r, "UPDATE programme_invitations SET declined_at = "
	    "UTC_TIMESTAMP() WHERE id = ? AND token_hash = ? AND used_at IS "
	    "NULL AND declined_at IS NULL", "is", inv->id, inv->hash);
	if (rc != 1)
		return rc == 0 ? 1 : -1;
	return mail_forget(r, cohort_invite_key(r, inv->hash)) == -1 ? -1 : 0;
}

void
prog_decline(struct req *r)
{
	/* the page's form posts it; a one-click POST keeps the URL's */
	const char *t = req_form(r, "invite") != NULL ? req_form(r, "invite") :
	    req_query(r, "invite");
	struct invite inv;
	struct prog p;
	int rc;

	if ((rc = decline_find(r, &p, t, &inv)) == -1)
		return;
	if (rc == 0) {		/* else declined before: the page says when */
		if ((rc = db_tx_run(r, decline_tx, &inv)) == 1)
			return page_error_msg(r, 409, "This invitation changed "
			    "a moment ago (sent again, withdrawn or used), so "
			    "nothing was changed. Open the link in the latest "
			    "e-mail to decline it.");
		if (rc != 0)
			return;
	}
	if (req_one_click(r)) {		/* the page that says when, read again */
		if (decline_find(r, &p, t, &inv) != -1)
			decline_page(r, &p, &inv, t);
		return;
	}
	/* the page says it, and when: no flash to say it twice (found
	 * walking) */
	resp_redirect(r, req_printf(r, "/programmes/%s/decline?invite=%s",
	    p.slug, t));
}
