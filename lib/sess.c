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

int
sess_init(void)
{
	const char *secret = cfg_str("secret", NULL);

	if (sodium_init() < 0)
		return -1;
	if (secret == NULL || strlen(secret) < 32) {
		log_err("sess: config 'secret' must be at least 32 characters");
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

static int
token_shape_ok(const char *t)
{
	size_t i;

	if (t == NULL || strlen(t) != SESS_TOKEN_LEN)
		return 0;
	for (i = 0; i < SESS_TOKEN_LEN; i++)
		if (!((t[i] >= '0' && t[i] <= '9') || (t[i] >= 'a' && t[i] <= 'f')))
			return 0;
	return 1;
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

	if (!token_shape_ok(t)) {
		sess_token(fresh);
		t = req_strdup(r, fresh);
		resp_cookie(r, COOKIE_PRE, t, -1);
	}
	r->csrf = csrf_for(r, t);
}

static void
touch(struct req *r, const struct db_rows *row)
{
	/* write at most once a minute, and last_active once a day */
	if (db_get_int(row, 0, "stale"))
		db_exec(r, "UPDATE sessions SET last_seen_at = UTC_TIMESTAMP() "
		    "WHERE id = ?", "i", r->sess_id);
	if (db_get_int(row, 0, "inactive_today"))
		db_exec(r, "UPDATE users SET last_active = UTC_DATE() "
		    "WHERE id = ?", "i", r->user.id);
}

int
sess_load(struct req *r)
{
	const char *t = cookie(r, COOKIE_SESSION);
	char h[SESS_TOKEN_LEN + 1];
	struct db_rows *row;

	if (!token_shape_ok(t)) {
		load_pre(r);
		return 0;
	}
	sess_hash(t, h);
	row = db_query(r,
	    "SELECT s.id, u.id AS uid, u.display_name, u.email, u.slug, "
	    "u.timezone, u.email_verified_at IS NOT NULL AS verified, "
	    "u.is_admin, s.last_seen_at < UTC_TIMESTAMP() - INTERVAL 1 MINUTE "
	    "AS stale, (u.last_active IS NULL OR u.last_active < UTC_DATE()) "
	    "AS inactive_today FROM sessions s JOIN users u ON u.id = s.user_id "
	    "WHERE s.token_hash = ? AND u.disabled_at IS NULL "
	    "AND s.created_at > UTC_TIMESTAMP() - INTERVAL ? HOUR "
	    "AND s.last_seen_at > UTC_TIMESTAMP() - INTERVAL ? MINUTE",
	    "sii", h, cfg_int("session_absolute_hours", 24 * 30),
	    cfg_int("session_idle_minutes", 60 * 24 * 7));
	if (row == NULL)
		return -1;
	if (row->nrows == 0) {
		resp_cookie(r, COOKIE_SESSION, "", 0);
		load_pre(r);
		return 0;
	}
	r->sess_id = db_int(row, 0, 0);
	r->user.id = db_get_int(row, 0, "uid");
	r->user.name = db_get(row, 0, "display_name");
	r->user.email = db_get(row, 0, "email");
	r->user.slug = db_get(row, 0, "slug");
	r->user.tz = db_get(row, 0, "timezone");
	r->user.verified = (int)db_get_int(row, 0, "verified");
	r->user.admin = (int)db_get_int(row, 0, "is_admin");
	r->csrf = csrf_for(r, t);
	touch(r, row);
	return 0;
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
