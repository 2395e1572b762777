#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "cfg.h"
#include "db.h"
#include "log.h"
#include "resp.h"
#include "sess.h"

#define COOKIE_SESSION	"menteo_session"
#define COOKIE_PRE	"menteo_pre"

static unsigned char csrf_key[crypto_generichash_KEYBYTES];

/* Secrets written in the repository: public, so no secret at all. */
static const char *const public_secrets[] = {
	"change-me-to-a-long-random-string-of-32-or-more",	/* example */
	NULL
};

const char *
sess_secret_problem(const char *secret)
{
	size_t i;

	if (secret == NULL || strlen(secret) < 32)
		return "the secret must be at least 32 characters";
	for (i = 0; public_secrets[i] != NULL; i++)
		if (strcmp(secret, public_secrets[i]) == 0)
			break;
	if (public_secrets[i] != NULL || strcasestr(secret, "change-me"))
		return "the secret is the example's placeholder: anyone could "
		    "forge unsubscribe links and device cookies; generate one "
		    "with: head -c 32 /dev/urandom | base64";
	return NULL;
}

int
sess_init(void)
{
	const char *secret = cfg_str("secret", NULL), *why;

	if (sodium_init() < 0)
		return -1;
	if ((why = sess_secret_problem(secret)) != NULL) {
		log_err("sess: config 'secret': %s", why);
		return -1;
	}
	crypto_generichash(csrf_key, sizeof(csrf_key),
	    (const unsigned char *)secret, strlen(secret), NULL, 0);
	return 0;
}

void
sess_token(char out[SESS_TOKEN_LEN + 1])
{
	unsigned char raw[32];

	randombytes_buf(raw, sizeof(raw));
	sodium_bin2hex(out, SESS_TOKEN_LEN + 1, raw, sizeof(raw));
}

void
sess_hash(const char *token, char out[SESS_TOKEN_LEN + 1])
{
	unsigned char h[32];

	crypto_generichash(h, sizeof(h), (const unsigned char *)token,
	    strlen(token), NULL, 0);
	sodium_bin2hex(out, SESS_TOKEN_LEN + 1, h, sizeof(h));
}

static const char *
csrf_for(struct req *r, const char *token)
{
	unsigned char h[16];
	char *hex = req_alloc(r, 33);

	crypto_generichash(h, sizeof(h), (const unsigned char *)token,
	    strlen(token), csrf_key, sizeof(csrf_key));
	sodium_bin2hex(hex, 33, h, sizeof(h));
	return hex;
}

int
sess_token_shape_ok(const char *t)
{
	return req_hex_ok(t, SESS_TOKEN_LEN);
}

static const char *
cookie(struct req *r, const char *base)
{
	return req_cookie(r, resp_cookie_name(r, base));
}

/* Anonymous visitors: a pre-session token that only backs the CSRF field. */
static void
load_pre(struct req *r)
{
	const char *t = cookie(r, COOKIE_PRE);
	char fresh[SESS_TOKEN_LEN + 1];

	if (!sess_token_shape_ok(t)) {
		sess_token(fresh);
		t = req_strdup(r, fresh);
		resp_cookie(r, COOKIE_PRE, t, -1);
	}
	r->csrf = csrf_for(r, t);
}

/* Column `name` of the user whose columns carry prefix `p` ("su_name"). */
static const char *
ucol(const struct db_rows *row, const char *p, const char *name)
{
	char col[32];

	snprintf(col, sizeof(col), "%s_%s", p, name);
	return db_get(row, 0, col);
}

struct touch {
	int	 stale, inactive;
};

static int
touch_tx(struct req *r, void *arg)
{
	const struct touch *t = arg;

	if (t->stale && db_exec(r, "UPDATE sessions SET last_seen_at = "
	    "UTC_TIMESTAMP() WHERE id = ?", "i", r->sess_id) < 0)
		return -1;
	if (t->inactive && db_exec(r, "UPDATE users SET last_active = "
	    "UTC_DATE() WHERE id = ?", "i", r->user.id) < 0)
		return -1;
	return 0;
}

/*
 * How long a session's last request goes unwritten: a hundredth of the
 * idle limit, one minute at least and fifteen at most. Written every
 * minute, each signed-in person's requests made a write an eighth as
 * common as the forms' (the mixed benchmark). Recorded at most this
 * late, a session ends at most this early: 15 minutes of the default
 * week, one of an idle limit under 100 minutes.
 */
static long long
touch_seconds(const struct sess_key *k)
{
	long long s = k->minutes * 60 / 100;

	return s < 60 ? 60 : s > 15 * 60 ? 15 * 60 : s;
}

/*
 * Writes last_seen_at at most every touch_seconds, and last_active once
 * a day. A mentor's day moves the directory's version row (sql/281), as
 * every mentor's first request of the day does: through two Galera nodes
 * at once the loser's page answered 503. That write runs in a
 * transaction that runs again (db_tx_run), unless one is open already;
 * it claims no form key.
 */
static void
touch(struct req *r, const struct sess_key *k, const struct db_rows *row,
    const char *p)
{
	struct touch t = { db_get_int(row, 0, "sess_idle") >= touch_seconds(k),
	    strcmp(ucol(row, p, "inactive"), "1") == 0 };
	int (*hook)(struct req *, int) = r->tx_hook;

	if (!t.inactive || r->in_tx) {
		(void)touch_tx(r, &t);
		return;
	}
	r->tx_hook = NULL;
	(void)db_tx_run(r, touch_tx, &t);
	r->tx_hook = hook;
}

/* The session cookie's token, if well formed, and its stored hash. */
static const char *
cookie_token(struct req *r, char h[SESS_TOKEN_LEN + 1])
{
	const char *t = cookie(r, COOKIE_SESSION);

	if (!sess_token_shape_ok(t))
		return NULL;
	sess_hash(t, h);
	return t;
}

int
sess_key(struct req *r, struct sess_key *k)
{
	if ((k->token = cookie_token(r, k->hash)) == NULL) {
		load_pre(r);
		return -1;
	}
	k->others = (long long)(0x7fffffffffffffffULL &
	    ~notif_path_bits(r->path != NULL ? r->path : ""));
	k->hours = cfg_int("session_absolute_hours", 24 * 30);
	k->minutes = cfg_int("session_idle_minutes", 60 * 24 * 7);
	return 0;
}

int
sess_take(struct req *r, const struct sess_key *k, const struct db_rows *row,
    const char *p)
{
	const char *live;

	if (row == NULL || row->nrows != 1 ||
	    db_get(row, 0, "sess_id") == NULL ||
	    (live = ucol(row, p, "live")) == NULL || strcmp(live, "1") != 0)
		return -1;
	r->sess_id = db_get_int(row, 0, "sess_id");
	r->user.id = db_get_int(row, 0, "sess_uid");
	r->user.name = ucol(row, p, "name");
	r->user.email = ucol(row, p, "email");
	r->user.slug = ucol(row, p, "slug");
	r->user.tz = ucol(row, p, "tz");
	r->user.calendar = ucol(row, p, "calendar");
	r->user.verified = strcmp(ucol(row, p, "verified"), "1") == 0;
	r->user.admin = strcmp(ucol(row, p, "admin"), "1") == 0;
	r->user.mentor = strcmp(ucol(row, p, "mentor"), "1") == 0;
	r->user.capacity = strtoll(ucol(row, p, "capacity"), NULL, 10);
	r->user.unread = db_get_int(row, 0, "sess_unread");
	r->user.unread_here = db_get_int(row, 0, "sess_here") != 0;
	r->csrf = csrf_for(r, k->token);
	touch(r, k, row, p);
	return 0;
}

/* The viewer of row, found with k, or anonymous with the cookie ended. */
static void
sess_from(struct req *r, const struct sess_key *k, const struct db_rows *row)
{
	if (sess_take(r, k, row, "su") == -1) {	/* ended: anonymous now */
		resp_cookie(r, COOKIE_SESSION, "", 0);
		load_pre(r);
	}
}

int
sess_load(struct req *r)
{
	struct sess_key k;
	struct db_rows *row;

	if (sess_key(r, &k) == -1)
		return 0;
	row = db_query(r, "SELECT " SESS_COLS ", " SESS_USER("u", "su")
	    " FROM sessions s JOIN users u ON u.id = s.user_id" SESS_UNREAD_JOIN
	    " WHERE s.token_hash = ? AND " SESS_VALID, "isii", k.others, k.hash,
	    k.hours, k.minutes);
	if (row == NULL)
		return -1;
	sess_from(r, &k, row);
	return 0;
}

/* sess_load_with for a request with a session cookie (k). */
static struct db_rows *
sess_beside(struct req *r, const struct sess_key *k, const char *cols,
    const char *from, const char *where, long long id)
{
	struct db_rows *row;

	/* (the session's SQL as an argument: it holds a '%') */
	row = db_query(r, req_printf(r, "SELECT %s, %s FROM %s %s WHERE %s",
	    cols, SESS_COLS ", " SESS_USER("su", "su"), from, "LEFT JOIN "
	    "sessions s ON s.token_hash = ? AND " SESS_VALID " LEFT JOIN "
	    "users su ON su.id = s.user_id" SESS_UNREAD_JOIN, where), "isiii",
	    k->others, k->hash, k->hours, k->minutes, id);
	if (row == NULL)
		return NULL;
	if (row->nrows == 1)
		sess_from(r, k, row);
	else if (sess_load(r) == -1)	/* no row to carry it: on its own */
		return NULL;
	return row;
}

struct db_rows *
sess_load_with(struct req *r, const char *cols, const char *from,
    const char *where, long long id)
{
	struct sess_key k;

	if (r->sess_own) {
		r->sess_own = 0;
		if (sess_key(r, &k) == 0)
			return sess_beside(r, &k, cols, from, where, id);
	}
	/* the session loaded already, or none: s by its primary key */
	return db_query(r, req_printf(r, "SELECT %s FROM %s LEFT JOIN sessions "
	    "s ON s.id = ? WHERE %s", cols, from, where), "ii", r->sess_id, id);
}

/*
 * sess_load_rows's query: the session's row s, found by `s_is` (its
 * parameters come first), its user su and unread count nc, then the
 * caller's joins.
 */
static const char *
rows_sql(struct req *r, const char *cols, const char *s_is,
    const char *joins, const char *tail)
{
	return req_printf(r, "SELECT %s FROM sessions s JOIN users su ON "
	    "su.id = s.user_id AND %s" SESS_UNREAD_JOIN " %s %s", cols, s_is,
	    joins, tail);
}

struct db_rows *
sess_load_rows(struct req *r, const char *cols, const char *joins,
    const char *tail, long long n)
{
	struct sess_key k;
	struct db_rows *q, first;

	if (!r->sess_own)	/* loaded already: by its primary key */
		return r->user.id == 0 ? req_alloc(r, sizeof(*q)) :
		    db_query(r, rows_sql(r, cols, "s.id = ?", joins, tail),
		    "ii", r->sess_id, n);
	r->sess_own = 0;
	if (sess_key(r, &k) == -1)	/* anonymous: no rows */
		return req_alloc(r, sizeof(*q));
	q = db_query(r, rows_sql(r, req_printf(r, "%s, %s", cols, SESS_COLS
	    ", " SESS_USER("su", "su")), "s.token_hash = ? AND " SESS_VALID,
	    joins, tail), "isiii", k.others, k.hash, k.hours, k.minutes, n);
	if (q == NULL)
		return NULL;
	if (q->nrows == 0)	/* no live session, or no rows to carry it */
		return sess_load(r) == -1 ? NULL : q;
	first = *q;	/* every row repeats the session */
	first.nrows = 1;
	sess_from(r, &k, &first);
	if (r->user.id == 0)	/* a disabled user's: not shown */
		q->nrows = 0;
	return q;
}

const char *
sess_publish_refused(const struct req *r)
{
	return r->user.verified ? NULL : "Confirm your e-mail address first "
	    "(the link is in the mail we sent you): until then nothing you "
	    "write can be published.";
}

int
sess_csrf_ok(struct req *r)
{
	const char *sent = req_form(r, "csrf");

	if (sent == NULL || r->csrf == NULL || strlen(sent) != strlen(r->csrf))
		return 0;
	return sodium_memcmp(sent, r->csrf, strlen(sent)) == 0;
}

int
sess_start(struct req *r, long long user_id)
{
	char t[SESS_TOKEN_LEN + 1], h[SESS_TOKEN_LEN + 1];

	if (r->sess_id > 0)
		sess_end(r);
	sess_token(t);
	sess_hash(t, h);
	if (db_exec(r, "INSERT INTO sessions (token_hash, user_id, created_at, "
	    "last_seen_at, user_agent) VALUES (?, ?, UTC_TIMESTAMP(), "
	    "UTC_TIMESTAMP(), LEFT(?, 200))", "sis", h, user_id,
	    r->user_agent) < 0)
		return -1;
	r->sess_id = db_last_id();
	r->user.id = user_id;
	r->csrf = csrf_for(r, t);
	resp_cookie(r, COOKIE_SESSION, req_strdup(r, t), -1);
	resp_cookie(r, COOKIE_PRE, "", 0);
	return 0;
}

void
sess_end(struct req *r)
{
	if (r->sess_id > 0)
		db_exec(r, "DELETE FROM sessions WHERE id = ?", "i", r->sess_id);
	r->sess_id = 0;
	memset(&r->user, 0, sizeof(r->user));
	resp_cookie(r, COOKIE_SESSION, "", 0);
}

void
sess_end_others(struct req *r, long long user_id)
{
	db_exec(r, "DELETE FROM sessions WHERE user_id = ? AND id <> ?", "ii",
	    user_id, r->sess_id);
}
