/*
 * programmes/join: joining with a role and the intake answers (q_{id}).
 * An open programme takes anyone signed in with a confirmed address; an
 * invite-only one the holder of an invitation, whose link proves the
 * address (or an account that proved it: invite_mine): a person without
 * an account makes one on this same form.
 * Mentors wait for an organiser's approval when the programme says so.
 */
#include <stdlib.h>
#include <string.h>

#include "programmes.h"
#include "resp.h"
#include "route.h"

static const struct field join_f[] = {
	{ "role",		F_CHOICE,	0, 0,	1, prog_roles },
	{ "capacity",		F_INT,		1, 20,	0, NULL },
	{ "invite",		F_SLUG,		SESS_TOKEN_LEN, SESS_TOKEN_LEN, 0, NULL },
	{ "display_name",	F_TEXT,		1, 80,	0, NULL },
	{ "password",		F_PASSWORD,	AUTH_PW_MIN, AUTH_PW_MAX, 0, NULL },
};
enum { JF_ROLE, JF_CAPACITY, JF_INVITE, JF_NAME, JF_PASSWORD, JF_N };

#define SHORT_MAX	200
#define LONG_MAX_CHARS	4000

/* One intake question and what the person answered. */
struct answer {
	long long	 id;
	const char	*prompt;
	const char	*kind;
	const char	*audience;
	const char	**choices;	/* NULL-terminated, for 'choice' */
	int		 shared;	/* shown to the pair (sql/400) */
	const char	*stored;	/* the answers page: theirs, or NULL */
	int		 stored_shared;	/* and whether it is shown */
	struct field	 f;
	struct fval	 v;
};

/* A join request, from the query (GET) or the form (POST). */
struct joining {
	struct prog	 p;
	struct invite	 inv;		/* inv.id 0: none */
	int		 new_account;	/* invited, no account, not signed in */
	struct fval	 v[JF_N];
	struct answer	*a;
	size_t		 na;
};

/* The programme's questions, each declared as a field q_{id}. */
static int
answers_load(struct req *r, struct joining *j)
{
	struct db_rows *q = prog_questions(r, j->p.id);
	struct answer *a;
	size_t i;

	if (q == NULL)
		return -1;
	j->a = req_alloc(r, (q->nrows + 1) * sizeof(*j->a));
	memset(j->a, 0, (q->nrows + 1) * sizeof(*j->a));
	for (i = 0; i < q->nrows; i++) {
		a = &j->a[i];
		a->id = db_get_int(q, i, "id");
		a->prompt = db_get(q, i, "prompt");
		a->kind = db_get(q, i, "kind");
		a->audience = db_get(q, i, "audience");
		a->f.name = req_printf(r, "q_%lld", a->id);
		a->f.required = db_get_int(q, i, "required") != 0;
		a->shared = db_get_int(q, i, "shared") != 0;
		a->f.min = 1;
		if (strcmp(a->kind, "choice") == 0) {
			prog_choices(r, db_get(q, i, "choices"), &a->choices);
			a->f.type = F_CHOICE;
			a->f.choices = a->choices;
		} else if (strcmp(a->kind, "long") == 0) {
			a->f.type = F_MULTILINE;
			a->f.max = LONG_MAX_CHARS;
		} else {
			a->f.type = F_TEXT;
			a->f.max = SHORT_MAX;
		}
	}
	j->na = q->nrows;
	return 0;
}

static int
asked_of(const struct answer *a, const char *role)
{
	return strcmp(a->audience, "both") == 0 || role == NULL ||
	    strcmp(a->audience, role) == 0;
}

/* The role being joined as: the invitation's, else the one chosen. */
static const char *
join_role(const struct joining *j)
{
	return j->inv.id > 0 ? j->inv.role : j->v[JF_ROLE].str;
}

/* Whether value is one of a choice question's choices now. */
static int
choice_offered(const struct answer *a, const char *value)
{
	size_t k;

	for (k = 0; a->choices[k] != NULL; k++)
		if (strcmp(a->choices[k], value) == 0)
			return 1;
	return 0;
}

/* A question's place in a form: the field is one template for both forms. */
static struct tdict *
question_dict(struct tdict *d)
{
	return tmpl_include(tmpl_section(d, "QUESTION"), "FIELD",
	    "programmes_intake_field.tpl");
}

/*
 * One question; shown: what was typed is shown again; chosen: the role is
 * the invitation's, so no question says whose it is.
 */
static void
question_fill(struct req *r, struct tdict *s, const struct answer *a,
    int shown, int chosen)
{
	struct tdict *o;
	size_t k;

	tmpl_set(s, "Q_NAME", a->f.name);
	tmpl_set(s, "Q_PROMPT", a->prompt);
	if (!a->f.required)
		tmpl_show(s, "Q_OPTIONAL");
	/* an answer given before the question was shown stays unshown
	 * until it changes (answers_tx) */
	if (a->shared && a->stored != NULL && !a->stored_shared)
		tmpl_show(s, "Q_SHARED_NEXT");
	else if (a->shared)
		tmpl_show(s, "Q_SHARED");
	if (!chosen && strcmp(a->audience, "both") != 0)
		tmpl_set(tmpl_section(s, "FOR"), "Q_FOR", strcmp(a->audience,
		    "mentor") == 0 ? "For mentors" : "For mentees");
	tmpl_set(s, "Q_AUDIENCE", a->audience);
	if (shown && a->v.raw != NULL)
		tmpl_set(s, "Q_VALUE", a->v.raw);
	if (shown && a->v.err != NULL)
		tmpl_set(tmpl_section(s, "Q_ERROR"), "MESSAGE", a->v.err);
	if (strcmp(a->kind, "choice") == 0) {
		tmpl_show(s, "IS_CHOICE");
		for (k = 0; a->choices[k] != NULL; k++) {
			o = tmpl_section(s, "OPTION");
			tmpl_set(o, "OPT_VALUE", a->choices[k]);
			tmpl_set(o, "OPT_ID", req_printf(r, "%s-%zu", a->f.name,
			    k));
			if (shown && a->v.str != NULL &&
			    strcmp(a->v.str, a->choices[k]) == 0)
				tmpl_show(o, "OPT_CHECKED");
		}
		/* a choice the organisers renamed since: theirs to keep */
		if (a->stored != NULL && !choice_offered(a, a->stored)) {
			o = tmpl_section(s, "OPTION");
			tmpl_set(o, "OPT_VALUE", a->stored);
			tmpl_set(o, "OPT_ID", req_printf(r, "%s-%zu", a->f.name,
			    k));
			tmpl_show(o, "OPT_GONE");
			if (shown && a->v.str != NULL &&
			    strcmp(a->v.str, a->stored) == 0)
				tmpl_show(o, "OPT_CHECKED");
		}
		/* a choice once made can be taken back where none is owed */
		if (!a->f.required) {
			o = tmpl_section(s, "NO_ANSWER");
			if (!shown || a->v.str == NULL)
				tmpl_show(o, "NONE_CHECKED");
		}
	} else
		tmpl_show(s, strcmp(a->kind, "long") == 0 ? "IS_LONG" :
		    "IS_SHORT");
}

/*
 * A problem of the summary: the field's label, then what is wrong ("Which
 * office are you in? Choose one", not "in?: Choose"). A label ending
 * in its own mark takes no colon.
 */
static const char *
problem_text(struct req *r, const char *label, const char *err)
{
	size_t n = strlen(label);

	return req_printf(r, "%s%s %s", label, n > 0 && strchr("?.!:",
	    label[n - 1]) != NULL ? "" : ":", err);
}

/*
 * The form's problems, each a link to its field, as the contract's: the
 * summary said "each field with a problem says what is wrong below",
 * and a long form of questions left the reader to find them.
 */
static void
join_problems(struct req *r, struct tdict *d, const struct joining *j)
{
	static const char *const label[JF_N] = { "Join as",
	    "How many mentees", "The invitation", "Your name", "Password" };
	static const char *const anchor[JF_N] = { "role-mentee", "capacity",
	    "join-form", "display_name", "password" };
	/* as the page has them: the account, the role, then the questions */
	static const size_t order[JF_N] = { JF_INVITE, JF_NAME, JF_PASSWORD,
	    JF_ROLE, JF_CAPACITY };
	struct tdict *s = NULL, *p;
	const struct answer *a;
	size_t k, i;

	for (k = 0; k < JF_N + j->na; k++) {
		i = k < JF_N ? order[k] : k;
		a = i >= JF_N ? &j->a[i - JF_N] : NULL;
		if ((a != NULL ? a->v.err : j->v[i].err) == NULL)
			continue;
		if (s == NULL && (s = tmpl_section(d, "PROBLEMS")) != NULL &&
		    j->new_account)
			tmpl_show(s, "PASSWORD_AGAIN");
		p = tmpl_section(s, "PROBLEM");
		tmpl_set(p, "P_ID", a == NULL ? anchor[i] :
		    strcmp(a->kind, "choice") == 0 ? req_printf(r, "%s-0",
		    a->f.name) : a->f.name);
		tmpl_set(p, "P_TEXT", problem_text(r, a != NULL ? a->prompt :
		    label[i], a != NULL ? a->v.err : j->v[i].err));
	}
}

static void
join_page(struct req *r, struct joining *j, int typed, int status)
{
	struct tdict *d, *s;
	size_t i, asked;

	d = page_new(r, req_printf(r, "Join %s", j->p.name),
	    "programmes_join.tpl");
	prog_head(d, &j->p, NULL);
	if (prog_about(r, tmpl_section(d, "ABOUT"), &j->p) == -1)
		return;
	if (typed)
		page_form(d, join_f, JF_N, j->v);
	else {
		tmpl_set(d, "CAPACITY", "2");
		/* the name the organisers pasted: theirs to change */
		if (j->inv.name != NULL)
			tmpl_set(d, "DISPLAY_NAME", j->inv.name);
	}
	if (j->inv.id > 0) {
		s = tmpl_section(d, "INVITED");
		tmpl_set(s, "INVITE_EMAIL", j->inv.email);
		tmpl_set(s, "INVITE_ROLE", j->inv.role);
		if (j->v[JF_INVITE].str != NULL && *j->v[JF_INVITE].str)
			tmpl_set(tmpl_section(s, "TOKEN"), "INVITE",
			    j->v[JF_INVITE].str);
		tmpl_show(d, strcmp(j->inv.role, "mentor") == 0 ? "AS_MENTOR" :
		    "AS_MENTEE");
	} else
		tmpl_show(d, "CHOOSE_ROLE");
	if (j->new_account)
		/* the account part names the address the invitation proves */
		tmpl_set(tmpl_section(d, "NEW_ACCOUNT"), "INVITE_EMAIL",
		    j->inv.email);
	else
		tmpl_show(d, "HAS_ACCOUNT");
	if (j->inv.id == 0 || strcmp(j->inv.role, "mentor") == 0)
		tmpl_show(d, "ASK_CAPACITY");
	if (j->p.approval)
		tmpl_show(d, "APPROVAL");
	/* an invitation names the role: the other role's questions are not
	 * theirs to answer (nor read) */
	for (i = 0, asked = 0; i < j->na; i++)
		if (j->inv.id == 0 || asked_of(&j->a[i], j->inv.role)) {
			question_fill(r, question_dict(d), &j->a[i], typed,
			    j->inv.id > 0);
			asked++;
		}
	/* who reads them: the organisers; some, a pair's other party too */
	if (asked > 0)
		tmpl_show(d, "WHO_READS");
	if (typed)
		join_problems(r, d, j);
	page_send(r, status);
}

/*
 * Everything before the form: the programme, the invitation, who asks.
 * 0 to go on; -1 after answering (a redirect, a refusal, a failure).
 */
static int
join_prepare(struct req *r, struct joining *j, const char *invite)
{
	struct fval tv;
	const char *uid;

	memset(j, 0, sizeof(*j));
	if (prog_load(r, &j->p) == -1)
		return -1;
	if (invite != NULL &&
	    field_check(r->arena, &join_f[JF_INVITE], invite, &tv) != 0)
		invite = "0";	/* malformed: found by no hash, answered so */
	if (invite_check(r, &j->p, invite, &j->inv) == -1)
		return -1;
	if (r->user.id == 0) {
		if (j->inv.id == 0) {
			route_to_login(r);
			return -1;
		}
		uid = db_value(r, "SELECT id FROM users WHERE email = ?", "s",
		    j->inv.email);
		if (r->db_failed)
			return -1;
		if (uid != NULL) {	/* the sign-in page says why */
			resp_redirect(r, req_printf(r, "/login?next=%s&email=%s",
			    req_url_encode(r->arena, req_printf(r,
			    "/programmes/%s/join?invite=%s", j->p.slug,
			    invite), "/"), req_url_encode(r->arena,
			    j->inv.email, "")));
			return -1;
		}
		j->new_account = 1;
		return 0;
	}
	/* one who left may join again, as anyone may */
	if (j->p.part_status != NULL && strcmp(j->p.part_status, "left") != 0) {
		if (strcmp(j->p.part_status, "rejected") == 0 ||
		    strcmp(j->p.part_status, "removed") == 0) {
			page_error_msg(r, 403, "An organiser has closed your "
			    "place in this programme. Write to them if you "
			    "think this is a mistake.");
			return -1;
		}
		resp_flash(r, "You are already in this programme.");
		resp_redirect(r, req_printf(r, "/programmes/%s", j->p.slug));
		return -1;
	}
	/*
	 * Signed in with the very address invited, proved: that is what the
	 * mailed link proves, so the programme's page leads here without it
	 * (as GitHub's banner does), and joining uses the invitation up. An
	 * open programme takes anyone in the role they choose, as before.
	 */
	if (j->inv.id == 0 && invite == NULL && strcmp(j->p.join, "invite") ==
	    0 && invite_mine(r, &j->p, &j->inv) == -1)
		return -1;
	if (j->inv.id == 0 && strcmp(j->p.join, "invite") == 0) {
		page_error_msg(r, 403, "This programme is by invitation only: "
		    "open the link in the invitation you received.");
		return -1;
	}
	/* an invitation to this address proves it; otherwise confirm first */
	if (j->inv.id == 0 && auth_require_verified(r) == -1)
		return -1;
	return 0;
}

void
prog_join_form(struct req *r)
{
	struct joining j;

	if (join_prepare(r, &j, req_query(r, "invite")) == -1 ||
	    answers_load(r, &j) == -1)
		return;
	j.v[JF_INVITE].str = req_query(r, "invite");
	join_page(r, &j, 0, 200);
}

/* The form's fields and the answers for the role: the error count. */
static int
join_check(struct req *r, struct joining *j)
{
	const char *role;
	int errors;
	size_t i;

	errors = field_read(r, join_f, JF_N, j->v);
	if (j->inv.id > 0 && j->v[JF_ROLE].err != NULL)
		j->v[JF_ROLE].err = NULL, errors--;	/* the invitation's */
	role = join_role(j);
	if (role != NULL && strcmp(role, "mentor") == 0 &&
	    j->v[JF_CAPACITY].str == NULL && j->v[JF_CAPACITY].err == NULL) {
		j->v[JF_CAPACITY].err = "Say how many mentees you can take.";
		errors++;
	}
	if (j->new_account) {
		if (j->v[JF_NAME].str == NULL && j->v[JF_NAME].err == NULL)
			j->v[JF_NAME].err = "This field is required.", errors++;
		if (j->v[JF_PASSWORD].str == NULL &&
		    j->v[JF_PASSWORD].err == NULL)
			j->v[JF_PASSWORD].err = "This field is required.",
			    errors++;
		else if (j->v[JF_PASSWORD].err == NULL &&
		    (j->v[JF_PASSWORD].err = auth_password_problem(
		    j->v[JF_PASSWORD].str)) != NULL)
			errors++;
	}
	for (i = 0; i < j->na; i++)
		if (asked_of(&j->a[i], role) &&
		    field_check(r->arena, &j->a[i].f, req_form(r,
		    j->a[i].f.name), &j->a[i].v) != 0)
			errors++;
		else if (!asked_of(&j->a[i], role))
			j->a[i].v.raw = req_form(r, j->a[i].f.name);
	return errors;
}

/*
 * The account an invitation makes, its address proved by the link; hash:
 * its password's. Its session starts once the joining is committed.
 */
static long long
join_account(struct req *r, struct joining *j, const char *hash)
{
	long long uid;

	uid = auth_user_create(r, j->inv.email, hash, j->v[JF_NAME].str,
	    auth_browser_zone(r));
	if (uid <= 0)
		return uid;
	if (db_exec(r, "UPDATE users SET email_verified_at = UTC_TIMESTAMP() "
	    "WHERE id = ?", "i", uid) < 0)
		return -1;
	return uid;
}

/*
 * The invitation used by uid: 0, 1 when it was used already, 3 when its
 * link is no longer the one followed (sent again, withdrawn or declined
 * since it was checked: a password's hashing lies between), -1 db.
 */
static int
join_use_invite(struct req *r, const struct invite *inv, long long uid)
{
	long long rc;
	const char *used;

	rc = db_exec(r, "UPDATE programme_invitations SET used_at = "
	    "UTC_TIMESTAMP(), used_by = ? WHERE id = ? AND used_at IS NULL "
	    "AND declined_at IS NULL AND (? IS NULL OR token_hash = ?)",
	    "iiss", uid, inv->id, inv->hash, inv->hash);
	if (rc != 0)
		return rc == 1 ? 0 : -1;
	used = db_value(r, "SELECT used_at IS NOT NULL FROM "
	    "programme_invitations WHERE id = ?", "i", inv->id);
	if (used == NULL && r->db_failed)
		return -1;
	return used != NULL && strcmp(used, "1") == 0 ? 1 : 3;
}

/*
 * Writes the participation: 0, 1 when it was there already, 3 the
 * invitation changed meanwhile, -1 db.
 */
static int
join_write(struct req *r, struct joining *j, long long uid)
{
	const char *role = join_role(j), *name;
	int waits = strcmp(role, "mentor") == 0 && j->p.approval;
	long long rc, pid;
	size_t i;

	if (j->inv.id > 0 && (rc = join_use_invite(r, &j->inv, uid)) != 0)
		return (int)rc;
	/* one who left joins again in a new place, with new answers */
	if (db_exec(r, "DELETE FROM programme_participants WHERE programme_id "
	    "= ? AND user_id = ? AND status = 'left'", "ii", j->p.id, uid) < 0)
		return -1;
	rc = db_exec(r, "INSERT INTO programme_participants (programme_id, "
	    "user_id, role, status, capacity, joined_at) VALUES (?, ?, ?, ?, "
	    "?, UTC_TIMESTAMP())", "iisss", j->p.id, uid, role,
	    waits ? "waiting" : "active", strcmp(role, "mentor") == 0 ?
	    j->v[JF_CAPACITY].str : NULL);
	if (rc == DB_DUPLICATE)
		return 1;
	if (rc < 0)
		return -1;
	pid = db_last_id();
	/* an optional question left blank has no answer */
	for (i = 0; i < j->na; i++)
		if (asked_of(&j->a[i], role) && j->a[i].v.str != NULL &&
		    db_exec(r, "INSERT INTO programme_answers (participant_id, "
		    "question_id, answer, shared) VALUES (?, ?, ?, ?)", "iisi",
		    pid, j->a[i].id, j->a[i].v.str,
		    (long long)j->a[i].shared) < 0)
			return -1;
	if (!waits)
		return 0;
	/*
	 * the mentor was promised a mail "as soon as they have"; once a day
	 * a person, however often they leave and join again
	 */
	if ((name = db_value(r, "SELECT display_name FROM users WHERE id = ?",
	    "i", uid)) == NULL)
		return -1;
	return prog_tell_organisers(r, &j->p, "programme-approval",
	    req_printf(r, "%s waits for your approval as a mentor in %s", name,
	    j->p.name), req_printf(r, "/programmes/%s/participants",
	    j->p.slug), req_printf(r, "approve:%lld:%lld:%s", j->p.id, uid,
	    page_today(r)));
}

/*
 * Joining, in a transaction that runs again after a deadlock or a Galera
 * certification failure (db_tx_run): at a programme's start many join at
 * once, and each joining moves the programme's version (sql/270). 0:
 * joined as uid; 1: in it already; 2: the address signed up meanwhile.
 */
struct join_w {
	struct joining	*j;
	const char	*hash;		/* a new account's password */
	long long	 uid;
};

static int
join_tx(struct req *r, void *arg)
{
	struct join_w *w = arg;

	w->uid = r->user.id;
	if (w->j->new_account && (w->uid = join_account(r, w->j,
	    w->hash)) <= 0)
		return w->uid == 0 ? 2 : -1;
	return join_write(r, w->j, w->uid);
}

void
prog_join(struct req *r)
{
	struct joining j;
	struct join_w w = { &j, NULL, 0 };
	int rc;

	if (join_prepare(r, &j, req_form(r, "invite")) == -1 ||
	    answers_load(r, &j) == -1)
		return;
	if (join_check(r, &j) > 0)
		return join_page(r, &j, 1, 422);
	if (j.new_account && (w.hash = auth_hash(r,
	    j.v[JF_PASSWORD].str)) == NULL)
		return;
	if ((rc = db_tx_run(r, join_tx, &w)) == 2)
		return resp_redirect(r, "/login");
	if (rc == 3)
		return page_error_msg(r, 409, "This invitation link was just "
		    "replaced by a newer one, withdrawn by the organisers or "
		    "declined, so nothing was changed. Use the link in their latest "
		    "e-mail, or ask them for a new one.");
	if (rc == 1) {
		resp_flash(r, "You are already in this programme.");
		return resp_redirect(r, req_printf(r, "/programmes/%s",
		    j.p.slug));
	}
	if (rc != 0 || (j.new_account && sess_start(r, w.uid) == -1))
		return;
	resp_flash(r, strcmp(join_role(&j), "mentor") == 0 && j.p.approval ?
	    "Thank you. An organiser approves each mentor; we will e-mail "
	    "you as soon as they have." : req_printf(r, "Welcome to %s.",
	    j.p.name));
	resp_redirect(r, req_printf(r, "/programmes/%s", j.p.slug));
}

/* ---- one's answers, changed later ------------------------------------ */

/*
 * A participant's own answers, each in its question (stored, and v.raw
 * and v.str as if typed): the form shows those asked of their role, and
 * lists the others read only. 0, or -1 after answering.
 */
static int
answers_mine(struct req *r, struct joining *j)
{
	struct db_rows *q;
	size_t i, k;

	memset(j, 0, sizeof(*j));
	if (prog_load(r, &j->p) == -1)
		return -1;
	if (j->p.part_id == 0 || !prog_place_open(j->p.part_status)) {
		page_error_msg(r, 403, "Only the programme's participants "
		    "have answers to change here.");
		return -1;
	}
	if (answers_load(r, j) == -1 || (q = db_query(r, "SELECT "
	    "question_id, answer, shared FROM programme_answers WHERE "
	    "participant_id = ?", "i", j->p.part_id)) == NULL)
		return -1;
	for (k = 0; k < q->nrows; k++)
		for (i = 0; i < j->na; i++)
			if (j->a[i].id == db_get_int(q, k, "question_id")) {
				j->a[i].stored = db_get(q, k, "answer");
				j->a[i].stored_shared = db_get_int(q, k,
				    "shared") != 0;
				j->a[i].v.raw = j->a[i].v.str = j->a[i].stored;
			}
	return 0;
}

static void
answers_page(struct req *r, struct joining *j, int typed, int status)
{
	struct tdict *d, *s = NULL, *gone = NULL, *g;
	size_t i;

	d = page_new(r, req_printf(r, "%s: your answers", j->p.name),
	    "programmes_answers.tpl");
	prog_head(d, &j->p, "Overview");
	for (i = 0; i < j->na; i++)
		if (asked_of(&j->a[i], j->p.part_role)) {
			if (s == NULL)
				s = tmpl_section(d, "SOME");
			question_fill(r, question_dict(s), &j->a[i], 1, 1);
		} else if (j->a[i].stored != NULL) {
			/* asked of the other role since: still read */
			if (gone == NULL)
				gone = tmpl_section(d, "NOT_ASKED");
			g = tmpl_section(gone, "ANSWER");
			tmpl_set(g, "Q", j->a[i].prompt);
			tmpl_set(g, "A", j->a[i].stored);
		}
	tmpl_set(d, "ROLE_PLURAL", strcmp(j->p.part_role, "mentor") == 0 ?
	    "mentors" : "mentees");
	if (s == NULL)
		tmpl_show(d, "NONE");
	if (typed)
		join_problems(r, d, j);
	page_send(r, status);
}

void
prog_answers_form(struct req *r)
{
	struct joining j;

	if (answers_mine(r, &j) == 0)
		answers_page(r, &j, 0, 200);
}

/*
 * The answers written: a blank optional one taken back. An answer left
 * as it was keeps whom it is shown to; a changed one is shown as its
 * question says now (the form says so beside it), as a new one is.
 */
static int
answers_tx(struct req *r, void *arg)
{
	const struct joining *j = arg;
	const struct answer *a;
	const char *status;
	size_t i;

	/* left, or closed by an organiser, since the page loaded? */
	status = db_value(r, "SELECT status FROM programme_participants "
	    "WHERE id = ? FOR UPDATE", "i", j->p.part_id);
	if (status == NULL)
		return r->db_failed ? -1 : 2;
	if (!prog_place_open(status))
		return 2;
	for (i = 0; i < j->na; i++) {
		a = &j->a[i];
		if (!asked_of(a, j->p.part_role))
			continue;
		/* a question deleted meanwhile takes its answer with it */
		if (a->v.str == NULL ? db_exec(r, "DELETE FROM "
		    "programme_answers WHERE participant_id = ? AND "
		    "question_id = ?", "ii", j->p.part_id, a->id) < 0 :
		    db_exec(r, "INSERT INTO programme_answers (participant_id, "
		    "question_id, answer, shared) SELECT ?, q.id, ?, q.shared "
		    "FROM programme_questions q WHERE q.id = ? ON DUPLICATE "
		    "KEY UPDATE shared = IF(programme_answers.answer <=> "
		    "VALUES(answer), programme_answers.shared, VALUES(shared)), "
		    "answer = VALUES(answer)", "isi", j->p.part_id, a->v.str,
		    a->id) < 0)
			return -1;
	}
	return 0;
}

void
prog_answers_save(struct req *r)
{
	struct joining j;
	struct answer *a;
	const char *posted;
	size_t i;
	int errors = 0, rc;

	if (answers_mine(r, &j) == -1)
		return;
	for (i = 0; i < j.na; i++) {
		a = &j.a[i];
		if (!asked_of(a, j.p.part_role))
			continue;
		posted = req_form(r, a->f.name);
		/*
		 * an answer sent back as it is stays, though the question
		 * changed since (a choice renamed, a shorter limit): the form
		 * refused or dropped what the person never touched
		 */
		if (a->stored != NULL && posted != NULL &&
		    strcmp(posted, a->stored) == 0) {
			a->v.raw = a->v.str = a->stored;
			a->v.err = NULL;
		} else if (field_check(r->arena, &a->f, posted, &a->v) != 0)
			errors++;
	}
	if (errors > 0)
		return answers_page(r, &j, 1, 422);
	if ((rc = db_tx_run(r, answers_tx, &j)) == 2)
		return page_error_msg(r, 409, "Your place in the programme "
		    "closed meanwhile, so nothing was saved.");
	if (rc != 0)
		return;
	resp_flash(r, "Your answers are saved.");
	resp_redirect(r, req_printf(r, "/programmes/%s", j.p.slug));
}
