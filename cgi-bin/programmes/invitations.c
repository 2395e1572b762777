/*
 * programmes/invitations: organisers paste up to INVITE_MAX addresses;
 * each is mailed one single-use link (INVITE_DAYS) that leads through
 * sign-in or a new account to the join form. One row per (programme,
 * address): inviting again within a day mails nothing, later it mails a
 * fresh link and the old one stops working. An invitation not used is
 * sent again by a button as well (once a day), or withdrawn. An invitee
 * may decline (decline.c): a paste then passes them over, and only the
 * list's button mails them again.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cfg.h"
#include "cohort.h"
#include "mail.h"
#include "notif.h"
#include "programmes.h"
#include "resp.h"

static const struct field invite_f[] = {
	{ "emails",	F_MULTILINE,	1, 300000, 1, NULL },
	{ "role",	F_CHOICE,	0, 0,	1, prog_roles },
};
enum { IF_EMAILS, IF_ROLE, IF_N };

static const struct field email_f = { "email", F_EMAIL, 3, 254, 1, NULL };

/*
 * The list's filters: an invitation's state, a part of its address, and
 * the page (newest first: the ids before `before`).
 */
static const char *const invite_states[] = {
	"waiting", "joined", "declined", "expired", NULL
};
static const struct field list_f[] = {
	{ "state",	F_CHOICE,	0, 0,	0, invite_states },
	{ "q",		F_TEXT,		1, 254,	0, NULL },
	{ "before",	F_INT,		1, LLONG_MAX, 0, NULL },
};
enum { LF_STATE, LF_Q, LF_BEFORE, LF_N };
#define LIST_PAGE	100	/* invitations on one page */

int
invite_find(struct req *r, const struct prog *p, const char *t,
    struct invite *inv)
{
	char h[SESS_TOKEN_LEN + 1];
	struct db_rows *rows;

	memset(inv, 0, sizeof(*inv));
	sess_hash(t, h);
	rows = db_query(r, "SELECT id, email, name, role, used_by, used_at IS "
	    "NOT NULL AS used, declined_at, expires_at > UTC_TIMESTAMP() AS "
	    "live FROM programme_invitations WHERE token_hash = ? AND "
	    "programme_id = ?", "si", h, p->id);
	if (rows == NULL)
		return -1;
	if (rows->nrows == 0)
		return 1;
	inv->id = db_get_int(rows, 0, "id");
	inv->email = db_get(rows, 0, "email");
	inv->name = db_get(rows, 0, "name");
	inv->role = db_get(rows, 0, "role");
	inv->hash = req_strdup(r, h);
	inv->declined_at = db_get(rows, 0, "declined_at");
	inv->live = (int)db_get_int(rows, 0, "live");
	inv->used_by = db_get_int(rows, 0, "used") ?
	    (db_get_int(rows, 0, "used_by") > 0 ? db_get_int(rows, 0,
	    "used_by") : -1) : 0;
	return 0;
}

/*
 * A live invitation to the viewer's own address, proved (verified): the
 * programme's page offers it, and the join form takes it without the
 * mailed link, which proves no more (docs/programmes.md). 0 (inv->id 0:
 * none), -1 database.
 */
int
invite_mine(struct req *r, const struct prog *p, struct invite *inv)
{
	struct db_rows *rows;

	memset(inv, 0, sizeof(*inv));
	if (r->user.id <= 0 || !r->user.verified)
		return 0;
	/* byte for byte: the column's collation takes "ö" for "o" */
	rows = db_query(r, "SELECT id, email, role FROM programme_invitations "
	    "WHERE programme_id = ? AND email = ? COLLATE utf8mb4_bin AND "
	    "used_at IS NULL AND declined_at IS NULL AND expires_at > "
	    "UTC_TIMESTAMP()", "is", p->id,
	    r->user.email);
	if (rows == NULL)
		return -1;
	if (rows->nrows == 1) {
		inv->id = db_get_int(rows, 0, "id");
		inv->email = db_get(rows, 0, "email");
		inv->role = db_get(rows, 0, "role");
		inv->live = 1;
	}
	return 0;
}

/*
 * A clear page for an invitation that cannot be used here, with a way
 * on for the person it was sent to: signin, a sign-in leading to the
 * programme; signout, the link to open again signed out (opened in
 * another account); neither, the programmes. An invitation found
 * (contact) also says who its organisers are and how to write to them:
 * what most of these pages tell its holder to do.
 */
static void
invite_page(struct req *r, const struct prog *p, int status,
    const char *why, const char *signin, const char *signout, int contact)
{
	struct tdict *d = page_new(r, "This invitation cannot be used",
	    "programmes_invite_bad.tpl");

	prog_head(d, p, NULL);
	tmpl_set(d, "WHY", why);
	if (signin != NULL)
		tmpl_set(tmpl_section(d, "SIGN_IN"), "HREF", signin);
	else if (signout != NULL)
		tmpl_set(tmpl_section(d, "SIGN_OUT"), "NEXT", signout);
	else
		tmpl_show(d, "NO_SIGN_IN");
	if (contact && prog_contact(r, d, p) == -1)
		return;
	page_send(r, status);
}

void
invite_bad(struct req *r, const struct prog *p, int status,
    const char *why)
{
	invite_page(r, p, status, why, NULL, NULL, 1);
}

/* invite_find's 1, in words, for the join and decline pages alike */
#define INVITE_UNKNOWN	"This invitation link is not known: the organisers " \
	"may have withdrawn it or sent a newer one, or only part of the link " \
	"was opened."

void
invite_unknown(struct req *r, const struct prog *p, const char *more)
{
	invite_page(r, p, 404, req_printf(r, "%s%s", INVITE_UNKNOWN, more),
	    NULL, NULL, 0);
}

/*
 * An invitation used already, opened again from its mail: by its
 * owner, signed out, most often. The sign-in form has their address and
 * leads to the programme.
 */
static void
invite_used(struct req *r, const struct prog *p, const struct invite *inv)
{
	if (r->user.id > 0)
		return invite_bad(r, p, 410, "This invitation has already "
		    "been used, by another account than yours. Each "
		    "invitation link works once.");
	invite_page(r, p, 410, "This invitation has already been used: "
	    "each invitation link works once. If you joined with it, sign "
	    "in to reach the programme.", req_printf(r, "/login?email=%s&"
	    "next=/programmes/%s", req_url_enc(r, inv->email), p->slug), NULL,
	    1);
}

/*
 * The invitation a join request carries, checked for the viewer: 0 fine
 * (or no invitation: inv->id 0), -1 after answering.
 */
int
invite_check(struct req *r, const struct prog *p, const char *t,
    struct invite *inv)
{
	int rc;

	memset(inv, 0, sizeof(*inv));
	if (t == NULL)
		return 0;
	if ((rc = invite_find(r, p, t, inv)) == -1)
		return -1;
	if (rc == 1) {
		invite_unknown(r, p, " Check the e-mail, or ask the "
		    "programme's organisers for a new one.");
		return -1;
	}
	if (inv->used_by != 0) {
		if (r->user.id > 0 && inv->used_by == r->user.id) {
			resp_flash(r, "You have already joined with this "
			    "invitation.");
			resp_redirect(r, req_printf(r, "/programmes/%s",
			    p->slug));
		} else
			invite_used(r, p, inv);
		return -1;
	}
	if (inv->declined_at != NULL) {
		invite_bad(r, p, 410, req_printf(r, "You declined this "
		    "invitation on %s, so its link no longer works. If you "
		    "have changed your mind, ask the programme's organisers "
		    "to send it again.", page_date_text(r, inv->declined_at)));
		return -1;
	}
	if (!inv->live) {
		invite_bad(r, p, 410, "This invitation has expired. Ask the "
		    "programme's organisers to invite you again.");
		return -1;
	}
	/* a button signs out and opens the link again (its token: a POST
	 * carries it in the form, not in the address) */
	if (r->user.id > 0 && strcasecmp(inv->email, r->user.email) != 0) {
		invite_page(r, p, 403, req_printf(r, "This invitation was "
		    "sent to another address than the one you are signed in "
		    "with (%s). Sign out and open the link again, or ask the "
		    "organisers to invite %s.", r->user.email, r->user.email),
		    NULL, req_printf(r, "/programmes/%s/join?invite=%s",
		    p->slug, req_url_enc(r, t)), 1);
		return -1;
	}
	return 0;
}

/* The invitation's link of token t to page ("join", "decline"). */
static const char *
invite_mail_link(struct req *r, const struct prog *p, const char *page,
    const char *t)
{
	return req_printf(r, "%s/programmes/%s/%s?invite=%s", cfg_base_url(),
	    p->slug, page, t);
}

/* An invitation sent before to the address: its row as it was. */
struct invite_prev {
	long long	 id;
	const char	*hash;		/* its link's token, hashed */
	const char	*sent_at;
	const char	*declined_at;	/* NULL: not declined when read */
};

/*
 * Invites one address, greeting name (NULL: none) (prev: the invitation
 * it had, NULL none): a fresh
 * token, the mail queued in the caller's transaction, what the link sent
 * before left behind forgotten and the mail saying it replaces it. 1:
 * another organiser's paste invited it a moment ago; 2: prev changed
 * meanwhile; -1 on a db failure.
 */
static int
invite_send(struct req *r, const struct prog *p,
    const struct invite_prev *prev, const char *email, const char *name,
    const char *role)
{
	char t[SESS_TOKEN_LEN + 1], h[SESS_TOKEN_LEN + 1];
	const char *uid, *subject, *key, *decline;
	struct db_rows *acct;
	struct tdict *d;
	long long rc;

	sess_token(t);
	sess_hash(t, h);
	/*
	 * The link replaced only if it is still the one read: a paste is no
	 * locking read, and another organiser may have sent it again or
	 * withdrawn it since, the invitee used it, or declined it (2:
	 * nothing mailed). A decline is cleared only by the list's button,
	 * which read it (under its lock) and warned the organiser.
	 */
	if (prev != NULL) {
		rc = db_exec(r, "UPDATE programme_invitations SET token_hash = "
		    "?, role = ?, name = ?, sent_at = UTC_TIMESTAMP(), "
		    "expires_at = UTC_TIMESTAMP() + INTERVAL ? DAY, invited_by "
		    "= ?, declined_at = NULL WHERE id = ? AND token_hash = ? "
		    "AND used_at IS NULL AND declined_at <=> ?",
		    "sssiiiss", h, role, name, (long long)INVITE_DAYS,
		    r->user.id, prev->id, prev->hash, prev->declined_at);
		if (rc == 0)
			return 2;
		if (rc > 0 && mail_forget(r, cohort_invite_key(r,
		    prev->hash)) == -1)
			return -1;
	} else
		rc = db_exec(r, "INSERT INTO programme_invitations "
		    "(programme_id, email, name, role, token_hash, invited_by, "
		    "created_at, sent_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, "
		    "UTC_TIMESTAMP(), UTC_TIMESTAMP(), UTC_TIMESTAMP() + "
		    "INTERVAL ? DAY)", "issssii", p->id, email, name, role, h,
		    r->user.id, (long long)INVITE_DAYS);
	if (rc == DB_DUPLICATE)
		return 1;
	if (rc < 0)
		return -1;
	subject = req_printf(r, COHORT_INVITE_SUBJECT, p->name);
	key = cohort_invite_key(r, h);
	/*
	 * The account that proved this very address is told in Menteo too
	 * (SPEC §14). The link goes to the address typed, never to an
	 * account's: the column's collation takes "ö" for "o".
	 */
	if ((acct = db_query(r, "SELECT id, display_name FROM users WHERE "
	    "email = ? COLLATE utf8mb4_bin AND email_verified_at IS NOT NULL "
	    "AND disabled_at IS NULL", "s", email)) == NULL)
		return -1;
	uid = acct->nrows > 0 ? db_get(acct, 0, "id") : NULL;
	/* the name the account goes by, where the paste named nobody */
	if (uid != NULL && name == NULL)
		name = db_get(acct, 0, "display_name");
	if (uid != NULL && notif_add(r, strtoll(uid, NULL, 10),
	    "programme-invite", subject, req_printf(r, "/programmes/%s",
	    p->slug), key) == -1)
		return -1;
	d = tmpl_dict_new("mail");
	tmpl_set(d, "PROG_NAME", p->name);
	if (name != NULL)
		tmpl_set(tmpl_section(d, "NAMED"), "NAME", name);
	tmpl_set(d, "ROLE", role);
	tmpl_set(d, "INVITER", r->user.name);	/* who, for a stranger's mail */
	tmpl_set(d, "LINK", invite_mail_link(r, p, "join", t));
	decline = invite_mail_link(r, p, "decline", t);
	tmpl_set(d, "DECLINE_LINK", decline);
	tmpl_set_int(d, "DAYS", INVITE_DAYS);
	if (prev != NULL)
		tmpl_set(tmpl_section(d, "AGAIN"), "SENT_BEFORE",
		    page_date_text(r, prev->sent_at));
	/* a mail client's "unsubscribe" button declines (decline.c) */
	rc = mail_queue_bare(r, "programme-invite", email, decline, subject,
	    "mail/programme_invite", d, key);
	tmpl_dict_free(d);
	return rc == -1 ? -1 : 0;
}

/*
 * SQL: an invitation (columns of table t, "i.") used, and sent less than
 * a day ago: not sent again then, by a paste or a button, so that a paste
 * sent twice mails nobody twice.
 */
#define INVITE_STATE_COLS(t) t "used_at IS NOT NULL AS used, " t "sent_at " \
	"> UTC_TIMESTAMP() - INTERVAL 1 DAY AS recent, " t "declined_at"
/*
 * SQL: the place in programme prog of the account of address email (SQL
 * expressions) as `status`: NULL when none, or when they left it (they
 * may be invited again, as anyone).
 */
#define INVITE_PLACE(prog, email) "(SELECT pp.status FROM users u JOIN " \
	"programme_participants pp ON pp.user_id = u.id AND pp.programme_id " \
	"= " prog " AND pp.status <> 'left' WHERE u.email = " email ") AS status"

/* Why an address with a place in the programme is not invited. */
static const char *
invite_placed(const char *status)
{
	return strcmp(status, "removed") == 0 || strcmp(status, "rejected") ==
	    0 ? "was removed or not approved: not invited again" :
	    "already a participant";
}

/*
 * SQL: an invitation in the state ? (the filter's word, bound three
 * times; NULL any): joined (used), declined (not used), waiting
 * (neither, live), expired (neither, dead). Never two at once: a join
 * and a decline each take only an invitation neither (join.c,
 * decline.c), and the counts below add up as these do.
 */
#define INVITE_IN_STATE "(? IS NULL OR CASE ? WHEN 'joined' THEN " \
	"i.used_at IS NOT NULL WHEN 'declined' THEN i.used_at IS NULL AND " \
	"i.declined_at IS NOT NULL ELSE i.used_at IS NULL AND " \
	"i.declined_at IS NULL AND " \
	"IF(? = 'waiting', i.expires_at > UTC_TIMESTAMP(), i.expires_at <= " \
	"UTC_TIMESTAMP()) END)"

/* The programme's invitations by state, in the filter's words. */
static int
invitations_count(struct req *r, struct tdict *d, const struct prog *p)
{
	struct db_rows *n;

	n = db_query(r, "SELECT COUNT(*) AS total, COUNT(i.used_at) AS joined, "
	    "COALESCE(SUM(i.used_at IS NULL AND i.declined_at IS NOT NULL), 0) "
	    "AS declined, COALESCE(SUM(i.used_at IS NULL "
	    "AND i.declined_at IS NULL AND i.expires_at <= UTC_TIMESTAMP()), "
	    "0) AS expired FROM programme_invitations i WHERE i.programme_id "
	    "= ?", "i", p->id);
	if (n == NULL)
		return -1;
	tmpl_set(d, "N_ALL", db_get(n, 0, "total"));
	tmpl_set(d, "N_JOINED", db_get(n, 0, "joined"));
	tmpl_set(d, "N_DECLINED", db_get(n, 0, "declined"));
	if (db_get_int(n, 0, "declined") > 0)	/* most never decline */
		tmpl_show(d, "ANY_DECLINED");
	tmpl_set(d, "N_EXPIRED", db_get(n, 0, "expired"));
	tmpl_set_int(d, "N_WAITING", db_get_int(n, 0, "total") -
	    db_get_int(n, 0, "joined") - db_get_int(n, 0, "declined") -
	    db_get_int(n, 0, "expired"));
	if (db_get_int(n, 0, "total") > 0)	/* else nothing to count */
		tmpl_show(d, "HAS_ANY");
	return 0;
}

/* One invitation of the list, with the buttons it may have. */
static void
invitation_fill(struct req *r, struct tdict *s, const struct db_rows *rows,
    size_t i)
{
	const char *declined = db_get(rows, i, "declined_at");
	struct tdict *resend;

	tmpl_set(s, "I_ID", db_get(rows, i, "id"));
	/* the address a deleted account leaves is no one's to show */
	tmpl_set(s, "I_EMAIL", db_get_int(rows, i, "deleted") ?
	    "A deleted account" : db_get(rows, i, "email"));
	tmpl_set(s, "I_ROLE", strcmp(db_get(rows, i, "role"), "mentor") == 0 ?
	    "Mentor" : "Mentee");
	page_date(r, s, "I_SENT", db_get(rows, i, "sent_at"));
	tmpl_set(s, "I_STATE", db_get_int(rows, i, "used") ? "Joined" :
	    declined != NULL ? req_printf(r, "Declined on %s",
	    page_date_text(r, declined)) : db_get_int(rows, i, "expired") ?
	    "Expired" : "Waiting");
	if (db_get_int(rows, i, "used"))
		return;
	/* withdrawn, a decline would be forgotten, and a paste mail them */
	if (declined == NULL)
		tmpl_show(s, "CAN_WITHDRAW");
	if (!db_get_int(rows, i, "recent") && db_get(rows, i, "status") ==
	    NULL) {
		resend = tmpl_section(s, "CAN_RESEND");
		if (declined != NULL)	/* its confirmation says so */
			tmpl_show(resend, "DECLINED");
	}
}

/* The list as filtered by lv (LF_N values), newest first, a page of it. */
static int
invitations_fill(struct req *r, struct tdict *d, const struct prog *p,
    const struct fval *lv)
{
	struct db_rows *rows;
	struct tdict *list = NULL;
	const char *state = lv[LF_STATE].str;
	const char *q = prog_search_like(r, lv[LF_Q].str);
	size_t i, n;

	rows = db_query(r, "SELECT i.id, i.email, " AUTH_DELETED("i.email")
	    " AS deleted, i.role, i.sent_at, "
	    INVITE_STATE_COLS("i.") ", i.expires_at <= UTC_TIMESTAMP() AS "
	    "expired, " INVITE_PLACE("i.programme_id", "i.email") " FROM "
	    "programme_invitations i FORCE INDEX (programme_invitations_list) "
	    "WHERE i.programme_id = ? AND i.id < ? AND " INVITE_IN_STATE " AND "
	    "(? IS NULL OR i.email LIKE ? ESCAPE '!') ORDER BY i.id DESC LIMIT ?",
	    "iisssssi", p->id, lv[LF_BEFORE].str != NULL ? lv[LF_BEFORE].num :
	    LLONG_MAX, state, state, state, q, q, (long long)LIST_PAGE + 1);
	if (rows == NULL || invitations_count(r, d, p) == -1)
		return -1;
	page_form(d, list_f, LF_N, lv);
	n = rows->nrows > LIST_PAGE ? LIST_PAGE : rows->nrows;
	for (i = 0; i < n; i++) {
		if (list == NULL)
			list = tmpl_section(d, "SENT_LIST");
		invitation_fill(r, tmpl_section(list, "INVITATION"), rows, i);
	}
	/* an empty filter is not an empty programme */
	if (n == 0)
		tmpl_show(d, state != NULL || q != NULL || lv[LF_BEFORE].str !=
		    NULL ? "NONE_MATCH" : "NO_INVITATIONS");
	if (rows->nrows > LIST_PAGE)
		tmpl_set(tmpl_section(d, "MORE"), "MORE_URL", req_printf(r,
		    "/programmes/%s/invitations?state=%s&q=%s&before=%s#sent-"
		    "heading", p->slug, field_opt(&lv[LF_STATE]), req_url_enc(r,
		    field_opt(&lv[LF_Q])), db_get(rows, n - 1, "id")));
	return 0;
}

/* Pasted lines not invited, each with why. */
struct paste_lines {
	const char	**line;
	const char	**why;
	size_t		  n;
};

/*
 * What became of a paste: lines sent; lines to correct (not addresses),
 * which come back in the box; lines passed over with nothing in them to
 * correct (a duplicate, a participant, someone invited less than a day
 * ago), which are only named.
 */
struct paste {
	int			 sent;
	int			 again;		/* of sent: invited before */
	struct paste_lines	 fix;
	struct paste_lines	 passed;
	size_t			 nrecent;	/* of passed: invited lately */
	const char		**seen;		/* the addresses taken so far */
	size_t			 nseen;
};

static void
paste_note(struct paste_lines *l, const char *line, const char *why)
{
	l->line[l->n] = line;
	l->why[l->n++] = why;
}

static int
paste_seen(struct paste *ps, const char *email)
{
	size_t i;

	for (i = 0; i < ps->nseen; i++)
		if (strcmp(ps->seen[i], email) == 0)
			return 1;
	ps->seen[ps->nseen++] = email;
	return 0;
}

static void
paste_recent(struct paste *ps, const char *email)
{
	paste_note(&ps->passed, email, "invited less than a day ago: not "
	    "mailed again");
	ps->nrecent++;
}

/* One pasted line: invited, passed over or to correct. -1 db failure. */
static int
paste_line(struct req *r, const struct prog *p, struct paste *ps,
    const char *line, const char *role)
{
	struct invite_prev prev;
	struct db_rows *rows;
	struct fval v;
	const char *email, *status, *name;
	int rc;

	if (field_check(r->arena, &email_f, paste_address(r, line), &v) != 0) {
		paste_note(&ps->fix, line, v.err == field_email_accented ?
		    "written with accented letters, which mail cannot reach" :
		    "not an e-mail address");
		return 0;
	}
	email = v.str;
	if (paste_seen(ps, email)) {
		paste_note(&ps->passed, line, "a duplicate of a line above");
		return 0;
	}
	rows = db_query(r, "SELECT " INVITE_PLACE("?", "?") ", i.id AS inv_id, "
	    "i.token_hash, i.sent_at, i.name, i.role, " INVITE_STATE_COLS("i.")
	    " FROM (SELECT 1) AS one LEFT JOIN programme_invitations i ON i.programme_id = ? "
	    "AND i.email = ?", "isis", p->id, email, p->id, email);
	if (rows == NULL)
		return -1;
	if ((status = db_get(rows, 0, "status")) != NULL) {
		paste_note(&ps->passed, line, invite_placed(status));
		return 0;
	}
	/* its account's address changed since: a new link would be dead */
	if (db_get_int(rows, 0, "used")) {
		paste_note(&ps->passed, line, "joined with an invitation to this "
		    "address already (their account has another address now)");
		return 0;
	}
	if (db_get(rows, 0, "declined_at") != NULL) {
		paste_note(&ps->passed, line, req_printf(r, "declined the "
		    "invitation on %s: not mailed again (send it again from "
		    "the list below if they ask you to)", page_date_text(r,
		    db_get(rows, 0, "declined_at"))));
		return 0;
	}
	/* the role pasted is not taken silently for the one sent */
	if (db_get_int(rows, 0, "recent") && strcmp(db_get(rows, 0, "role"),
	    role) != 0) {
		paste_note(&ps->passed, line, req_printf(r, "invited as a %s "
		    "less than a day ago: not mailed again, and still invited "
		    "as a %s (withdraw that invitation below to invite them "
		    "as a %s)", db_get(rows, 0, "role"), db_get(rows, 0,
		    "role"), role));
		return 0;
	}
	if (db_get_int(rows, 0, "recent")) {
		paste_recent(ps, email);
		return 0;
	}
	prev.id = db_get_int(rows, 0, "inv_id");
	prev.hash = db_get(rows, 0, "token_hash");
	prev.sent_at = db_get(rows, 0, "sent_at");
	prev.declined_at = NULL;	/* passed over above, if declined */
	/* the name pasted now, else the one pasted before */
	if ((name = paste_name(r, line)) == NULL)
		name = db_get(rows, 0, "name");
	if ((rc = invite_send(r, p, prev.id > 0 ? &prev : NULL, email, name,
	    role)) == -1)
		return -1;
	if (rc == 1)
		paste_recent(ps, email);
	else if (rc == 2)
		paste_note(&ps->passed, line, "changed a moment ago (sent "
		    "again or withdrawn by another organiser, used or "
		    "declined): not mailed; see the list below");
	else {
		ps->sent++;
		ps->again += prev.id > 0;
	}
	return 0;
}

/*
 * The invitations page: its dictionary, NULL after answering. v: the
 * paste form as sent, NULL none; lv: the list's filters, NULL none.
 */
static struct tdict *
invitations_page(struct req *r, const struct prog *p, const struct fval *v,
    const struct fval *lv)
{
	static const struct fval none[LF_N];
	struct tdict *d;

	d = page_new(r, req_printf(r, "%s: invitations", p->name),
	    "programmes_invitations.tpl");
	prog_head(d, p, "Invitations");
	if (v != NULL)
		page_form(d, invite_f, IF_N, v);
	else
		tmpl_show(d, "ROLE_MENTEE");
	tmpl_set_int(d, "INVITE_MAX", INVITE_MAX);
	return invitations_fill(r, d, p, lv != NULL ? lv : none) == -1 ? NULL :
	    d;
}

void
prog_invitations(struct req *r)
{
	struct prog p;
	struct fval lv[LF_N];

	if (prog_manage(r, &p) == -1)
		return;
	if (field_read(r, list_f, LF_N, lv) > 0)
		return page_error_msg(r, 400, "Choose a state from the list's "
		    "filter, and search for at most 254 characters of an "
		    "address.");
	if (invitations_page(r, &p, NULL, lv) == NULL)
		return;
	page_send(r, 200);
}

/* The lines of l as the summary's rows of section name. */
static void
paste_list(struct tdict *res, const char *name, const struct paste_lines *l)
{
	struct tdict *row;
	size_t i;

	if (l->n == 0)
		return;
	res = tmpl_section(res, name);
	for (i = 0; i < l->n; i++) {
		row = tmpl_section(res, "LINE_ROW");
		tmpl_set(row, "LINE", l->line[i]);
		tmpl_set(row, "REASON", l->why[i]);
	}
}

/* "3 invitations sent.", saying which were sent before: a new link */
static const char *
paste_sent(struct req *r, const struct paste *ps)
{
	const char *again = "";

	if (ps->again == 1)
		again = ps->sent == 1 ? " It was sent before: the earlier link "
		    "no longer works." : " 1 of them was sent before: its "
		    "earlier link no longer works.";
	else if (ps->again > 1)
		again = req_printf(r, " %s%d of them were sent before: their "
		    "earlier links no longer work.", ps->again == ps->sent ?
		    "All " : "", ps->again);
	return req_printf(r, "%d invitation%s sent.%s", ps->sent, ps->sent ==
	    1 ? "" : "s", again);
}

static void
paste_done(struct req *r, const struct prog *p, struct paste *ps,
    struct fval *v)
{
	struct tdict *d, *res;
	struct buf again = { NULL, 0, 0 };
	size_t i;

	/* only invited lately: counted in a line, as a paste sent twice is */
	if (ps->fix.n == 0 && ps->passed.n == ps->nrecent) {
		resp_flash(r, ps->sent == 0 ? req_printf(r, "No invitation "
		    "sent: %s invited less than a day ago, so not mailed "
		    "again.", ps->nrecent == 1 ? "this address was" :
		    req_printf(r, "all %zu addresses were", ps->nrecent)) :
		    req_printf(r, "%s%s", paste_sent(r, ps), ps->nrecent > 0 ?
		    req_printf(r, " Invited less than a day ago, so not mailed "
		    "again: %zu.", ps->nrecent) : ""));
		return resp_redirect(r, req_printf(r,
		    "/programmes/%s/invitations", p->slug));
	}
	/*
	 * The lines to correct come back in the box, to be fixed and sent;
	 * those passed over are named in the summary only: sent again, they
	 * would be passed over again.
	 */
	for (i = 0; i < ps->fix.n; i++)
		buf_printf(&again, "%s\n", ps->fix.line[i]);
	v[IF_EMAILS].raw = req_strdup(r, again.p != NULL ? again.p : "");
	buf_free(&again);
	if (ps->fix.n > 0)
		v[IF_EMAILS].err = req_printf(r, "%zu line%s could not be "
		    "invited (see why above): correct %s here and send again.",
		    ps->fix.n, ps->fix.n == 1 ? "" : "s", ps->fix.n == 1 ? "it" :
		    "them");
	if ((d = invitations_page(r, p, v, NULL)) == NULL)
		return;
	/*
	 * Each outcome in a box of its own kind: what was sent as done, the
	 * lines to correct as an error, those passed over as a note (one
	 * red box said "46 sent" as if the sending had failed).
	 */
	res = tmpl_section(d, "RESULT");
	if (ps->sent > 0)
		tmpl_set(tmpl_section(res, "SENT"), "TEXT", paste_sent(r, ps));
	paste_list(res, "FIX", &ps->fix);
	if (ps->fix.n > 0) {
		tmpl_set(res, "FIX_TITLE", req_printf(r, "%s%zu line%s to "
		    "correct", ps->sent == 0 ? "Nothing was sent: " : "",
		    ps->fix.n, ps->fix.n == 1 ? "" : "s"));
		tmpl_set(res, "FIX_BACK", ps->fix.n == 1 ? "It is back in the "
		    "box below: correct it there and send again." : "They are "
		    "back in the box below: correct them there and send again.");
	}
	paste_list(res, "PASSED", &ps->passed);
	tmpl_set(res, "PASSED_TITLE", ps->sent == 0 && ps->fix.n == 0 ?
	    "No invitation was sent: every line was passed over" :
	    "Passed over, with nothing to correct");
	page_send(r, ps->fix.n > 0 ? 422 : 200);
}

/*
 * The pasted lines, in a transaction that runs again after a deadlock or
 * a Galera certification failure (db_tx_run): each invitation moves the
 * programme's version (sql/270), as its pairs' work and its joiners do
 * meanwhile. Each try counts from nothing.
 */
struct invite_w {
	const struct prog	*p;
	struct paste		*ps;
	const char		**lines;
	size_t			 n;
	const char		*role;
};

static int
invite_tx(struct req *r, void *arg)
{
	struct invite_w *w = arg;
	struct paste *ps = w->ps;
	size_t i;

	ps->sent = ps->again = 0;
	ps->fix.n = ps->passed.n = ps->nrecent = ps->nseen = 0;
	for (i = 0; i < w->n; i++)
		if (paste_line(r, w->p, ps, w->lines[i], w->role) == -1)
			return -1;
	return 0;
}

void
prog_invite(struct req *r)
{
	struct prog p;
	struct fval v[IF_N];
	struct paste ps;
	const char **lines;
	size_t n;

	if (prog_manage(r, &p) == -1)
		return;
	memset(&ps, 0, sizeof(ps));
	if (field_read(r, invite_f, IF_N, v) > 0) {
		if (invitations_page(r, &p, v, NULL) != NULL)
			page_send(r, 422);
		return;
	}
	if ((n = paste_split(r, v[IF_EMAILS].str, &lines)) == 0)
		v[IF_EMAILS].err = "No address was found in what was pasted: "
		    "paste one a line, or a list from your mail program.";
	else if (n > INVITE_MAX)
		v[IF_EMAILS].err = req_printf(r, "Paste at most %d addresses "
		    "at once; this has %zu. Nothing was sent.", INVITE_MAX, n);
	if (v[IF_EMAILS].err != NULL) {
		if (invitations_page(r, &p, v, NULL) != NULL)
			page_send(r, 422);
		return;
	}
	ps.seen = req_alloc(r, (n + 1) * sizeof(*ps.seen));
	ps.fix.line = req_alloc(r, (n + 1) * sizeof(*ps.fix.line));
	ps.fix.why = req_alloc(r, (n + 1) * sizeof(*ps.fix.why));
	ps.passed.line = req_alloc(r, (n + 1) * sizeof(*ps.passed.line));
	ps.passed.why = req_alloc(r, (n + 1) * sizeof(*ps.passed.why));
	if (db_tx_run(r, invite_tx, &(struct invite_w){ &p, &ps, lines, n,
	    v[IF_ROLE].str }) != 0)
		return;
	paste_done(r, &p, &ps, v);
}

/* An invitation sent again or withdrawn (POST .../invitations/{id}). */
static const char *const invite_actions[] = { "resend", "withdraw", NULL };
enum { AF_ACTION, AF_N };
static const struct field invite_action_f[AF_N] = {
	{ "action",	F_CHOICE,	0, 0,	1, invite_actions },
};

enum { INV_DONE, INV_GONE, INV_REFUSED };

struct invite_act_w {
	const struct prog	*p;
	int			 resend;
	const char		*email;	/* the invitation's */
	const char		*why;	/* INV_REFUSED: why */
};

static int
invite_act_tx(struct req *r, void *arg)
{
	struct invite_act_w *w = arg;
	struct invite_prev prev;
	struct db_rows *row;
	const char *email, *status, *hash;
	int rc;

	w->why = NULL;		/* a try after a deadlock starts afresh */
	row = db_query(r, "SELECT i.email, i.name, i.role, i.token_hash, "
	    "i.sent_at, "
	    INVITE_STATE_COLS("i.") ", " INVITE_PLACE("i.programme_id",
	    "i.email") " FROM programme_invitations i WHERE i.id = ? AND "
	    "i.programme_id = ? FOR UPDATE", "ii", r->id[1], w->p->id);
	if (row == NULL)
		return -1;
	if (row->nrows == 0)
		return INV_GONE;
	email = w->email = req_strdup(r, db_get(row, 0, "email"));
	hash = db_get(row, 0, "token_hash");
	status = db_get(row, 0, "status");
	if (db_get_int(row, 0, "used"))
		w->why = req_printf(r, "%s has joined with this invitation "
		    "already.", email);
	else if (!w->resend && db_get(row, 0, "declined_at") != NULL)
		w->why = req_printf(r, "%s declined this invitation: it stays "
		    "in the list, so that a paste of their address does not "
		    "mail them again.", email);
	else if (w->resend && status != NULL)
		w->why = req_printf(r, "%s: %s.", email,
		    invite_placed(status));
	else if (w->resend && db_get_int(row, 0, "recent"))
		w->why = req_printf(r, "The invitation to %s was sent less "
		    "than a day ago, so it is not sent again yet.", email);
	if (w->why != NULL)
		return INV_REFUSED;
	prev.id = r->id[1];
	prev.hash = hash;
	prev.sent_at = db_get(row, 0, "sent_at");
	prev.declined_at = db_get(row, 0, "declined_at");
	if (w->resend) {
		/* read under its lock, it cannot have changed; said if so */
		if ((rc = invite_send(r, w->p, &prev, email, db_get(row, 0,
		    "name"), db_get(row, 0, "role"))) == -1)
			return -1;
		if (rc == 0)
			return INV_DONE;
		w->why = req_printf(r, "The invitation to %s changed a moment "
		    "ago.", email);
		return INV_REFUSED;
	}
	if (mail_forget(r, cohort_invite_key(r, hash)) == -1)
		return -1;
	return db_exec(r, "DELETE FROM programme_invitations WHERE id = ?",
	    "i", r->id[1]) == 1 ? INV_DONE : -1;
}

/* The invitations page saying why nothing was done (409). */
static void
invite_refused(struct req *r, const struct prog *p, const char *why)
{
	struct tdict *d;

	if ((d = invitations_page(r, p, NULL, NULL)) == NULL)
		return;
	tmpl_set(tmpl_section(d, "ERROR"), "MESSAGE", why);
	page_send(r, 409);
}

/*
 * Back to the list as the organiser was looking at it: the filter its
 * forms carry (state, q), not every invitation (found walking).
 */
static void
invitations_back(struct req *r, const struct prog *p)
{
	struct fval lv[LF_N];

	if (field_read(r, list_f, LF_N, lv) != 0 || (lv[LF_STATE].str == NULL &&
	    lv[LF_Q].str == NULL))
		return resp_redirect(r, req_printf(r,
		    "/programmes/%s/invitations", p->slug));
	resp_redirect(r, req_printf(r, "/programmes/%s/invitations?state=%s&"
	    "q=%s#sent-heading", p->slug, field_opt(&lv[LF_STATE]),
	    req_url_enc(r, field_opt(&lv[LF_Q]))));
}

void
prog_invitation_post(struct req *r)
{
	struct prog p;
	struct fval v[AF_N];
	struct invite_act_w w = { &p, 0, NULL, NULL };

	if (prog_manage(r, &p) == -1)
		return;
	if (field_read(r, invite_action_f, AF_N, v) > 0)
		return page_error_msg(r, 400, "Choose to send the invitation "
		    "again (resend) or to withdraw it (withdraw).");
	w.resend = strcmp(v[AF_ACTION].str, "resend") == 0;
	switch (db_tx_run(r, invite_act_tx, &w)) {
	case INV_GONE:	/* a list older than the invitation's end: the list */
		return invite_refused(r, &p, "That invitation is no longer in "
		    "the list: it was withdrawn already (by you in another "
		    "window, or by another organiser). Nothing was changed.");
	case INV_REFUSED:
		return invite_refused(r, &p, req_printf(r, "%s Nothing was "
		    "changed.", w.why));
	case INV_DONE:
		break;
	default:
		return;		/* the database: app.c answers 503 */
	}
	resp_flash(r, w.resend ? req_printf(r, "The invitation to %s is sent "
	    "again; the link sent before no longer works.", w.email) :
	    req_printf(r, "The invitation to %s is withdrawn: its link no "
	    "longer works. Nobody was mailed.", w.email));
	invitations_back(r, &p);
}
