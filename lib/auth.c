#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "arena.h"
#include "auth.h"
#include "cfg.h"
#include "db.h"
#include "field.h"
#include "zone.h"
#include "log.h"
#include "page.h"
#include "resp.h"
#include "search.h"
#include "sess.h"

/*
 * The passwords people pick first. A short list is enough to stop the
 * worst; the length rule does the rest.
 */
static const char *const common[] = {
	"1234567890", "12345678910", "123456789012", "0123456789",
	"1111111111", "0000000000", "1234512345", "9876543210",
	"qwertyuiop", "qwertyuiop1", "1q2w3e4r5t", "1qaz2wsx3edc",
	"asdfghjkl1", "zxcvbnm123", "password12", "password123",
	"password1234", "passw0rd12", "p@ssw0rd123", "iloveyou12",
	"letmein123", "welcome123", "welcome1234", "admin12345",
	"administrator", "abc1234567", "abcdefghij", "qwerty1234",
	"qwerty12345", "football12", "baseball12", "sunshine12",
	"princess12", "dragon1234", "monkey1234", "starwars12",
	"trustno1trustno1", "changeme123", "menteo1234", "mentorship",
	"mentorship1", "correcthorse", "aaaaaaaaaa", "superman12",
	NULL
};

int
auth_require_verified(struct req *r)
{
	if (r->user.id > 0 && r->user.verified)
		return RESP_GO_ON;
	page_error_msg(r, 403, "Confirm your e-mail address first: open the "
	    "link in the e-mail we sent you when you signed up, or use "
	    "\"Send the link again\" at the top of the page.");
	return RESP_DONE;
}

static unsigned long long
opslimit(void)
{
	long long v = cfg_int("pwhash_opslimit", 2);

	return v < (long long)crypto_pwhash_OPSLIMIT_MIN ?
	    crypto_pwhash_OPSLIMIT_MIN : (unsigned long long)v;
}

static size_t
memlimit(void)
{
	long long v = cfg_int("pwhash_memlimit", 64LL * 1024 * 1024);

	return v < (long long)crypto_pwhash_MEMLIMIT_MIN ?
	    crypto_pwhash_MEMLIMIT_MIN : (size_t)v;
}

const char *
auth_hash(struct req *r, const char *password)
{
	char out[crypto_pwhash_STRBYTES];

	if (crypto_pwhash_str(out, password, strlen(password), opslimit(),
	    memlimit()) != 0) {
		log_err("auth: out of memory hashing a password");
		return NULL;
	}
	return req_strdup(r, out);
}

const char *
auth_password_problem(const char *pw)
{
	char low[32];
	size_t i, n = strlen(pw);

	if (n > AUTH_PW_MAX)
		return "Use at most 1024 bytes.";
	if (req_utf8_len(pw) < AUTH_PW_MIN)
		return "Use at least 10 characters.";
	if (n < sizeof(low)) {
		for (i = 0; i <= n; i++)
			low[i] = (char)tolower((unsigned char)pw[i]);
		for (i = 0; common[i] != NULL; i++)
			if (strcmp(low, common[i]) == 0)
				return "This password is one of the most "
				    "common ones. Choose another.";
	}
	return NULL;
}

/* A hash to verify against when there is no account: same time spent. */
static const char *
dummy_hash(void)
{
	static char h[crypto_pwhash_STRBYTES];

	if (h[0] == '\0' && crypto_pwhash_str(h, "not a password",
	    strlen("not a password"), opslimit(), memlimit()) != 0)
		return NULL;
	return h;
}

int
auth_check(struct req *r, long long user_id, const char *hash,
    const char *pw)
{
	const char *fresh;

	if (hash == NULL || user_id <= 0) {
		if ((hash = dummy_hash()) != NULL &&
		    crypto_pwhash_str_verify(hash, pw, strlen(pw)) == 0)
			log_info("auth: the dummy password was guessed");
		return 0;
	}
	if (crypto_pwhash_str_verify(hash, pw, strlen(pw)) != 0)
		return 0;
	if (crypto_pwhash_str_needs_rehash(hash, opslimit(), memlimit()) != 0 &&
	    (fresh = auth_hash(r, pw)) != NULL &&
	    db_exec(r, "UPDATE users SET password_hash = ? WHERE id = ?",
	    "si", fresh, user_id) < 0)
		return -1;
	return 1;
}

int
auth_current_ok(struct req *r, const char *pw)
{
	const char *bucket = req_printf(r, "password:user:%lld", r->user.id);
	const char *hash;
	long long wait;
	int ok;

	if ((wait = auth_throttle_wait(r, bucket)) != 0) {
		if (wait > 0)
			auth_too_many(r, wait);
		return -1;
	}
	if ((hash = db_value(r, "SELECT password_hash FROM users WHERE id = ?",
	    "i", r->user.id)) == NULL)
		return -1;
	if ((ok = auth_check(r, r->user.id, hash, pw)) == -1)
		return -1;
	if (!ok && auth_throttle_hit(r, bucket, AUTH_LOGIN_LIMIT,
	    AUTH_LOGIN_WINDOW) == -1)
		return -1;
	return ok;
}

long long
auth_throttle_wait(struct req *r, const char *bucket)
{
	const char *v;

	v = db_value(r, "SELECT GREATEST(TIMESTAMPDIFF(SECOND, "
	    "UTC_TIMESTAMP(), blocked_until), 1) FROM throttle "
	    "WHERE bucket = ? AND blocked_until > UTC_TIMESTAMP()", "s", bucket);
	if (v == NULL)
		return r->db_failed ? -1 : 0;
	return strtoll(v, NULL, 10);
}

/*
 * One event of a bucket: counted in its window (a window that has passed
 * starts counting again), and the bucket blocked until `block` (SQL)
 * from its limit on. Each assignment reads the ones before it: the
 * window as reset.
 */
#define THROTTLE_EVENT(block) "INSERT INTO throttle (bucket, failures, " \
	"window_start) VALUES (?, 1, UTC_TIMESTAMP()) ON DUPLICATE KEY " \
	"UPDATE failures = IF(window_start < UTC_TIMESTAMP() - INTERVAL ? " \
	"MINUTE, 1, failures + 1), window_start = IF(failures = 1, " \
	"UTC_TIMESTAMP(), window_start), blocked_until = IF(failures >= ?, " \
	block ", blocked_until)"

/* Past the limit each further event doubles the block: 1 minute to 1 hour. */
int
auth_throttle_hit(struct req *r, const char *bucket, int limit,
    int window_min)
{
	return db_exec(r, THROTTLE_EVENT("UTC_TIMESTAMP() + INTERVAL LEAST(60 * "
	    "POW(2, LEAST(CAST(failures AS SIGNED) - ?, 10)), 3600) SECOND"),
	    "siii", bucket, (long long)window_min, (long long)limit,
	    (long long)limit) < 0 ? -1 : 0;
}

int
auth_throttle_cap(struct req *r, const char *bucket, int limit,
    int window_min)
{
	return db_exec(r, THROTTLE_EVENT("window_start + INTERVAL ? MINUTE"),
	    "siii", bucket, (long long)window_min, (long long)limit,
	    (long long)window_min) < 0 ? -1 : 0;
}

void
auth_throttle_clear(struct req *r, const char *bucket)
{
	db_exec(r, "DELETE FROM throttle WHERE bucket = ?", "s", bucket);
}

const char *
auth_retry_after(struct req *r, long long seconds)
{
	if (seconds <= 0)
		seconds = 60;
	resp_header(r, "Retry-After", req_printf(r, "%lld", seconds));
	if (seconds >= 2 * 3600)
		return req_printf(r, "%lld hours", seconds / 3600);
	return seconds >= 120 ? req_printf(r, "%lld minutes", seconds / 60) :
	    req_printf(r, "%lld seconds", seconds);
}

void
auth_too_many(struct req *r, long long seconds)
{
	page_error_msg(r, 429, req_printf(r, "Too many attempts. Wait %s and "
	    "try again.", auth_retry_after(r, seconds)));
}

/* "Maya Okafor" → "maya-okafor", "Zoë" → "zoe"; never empty. */
static const char *
slug_base(struct req *r, const char *name)
{
	char *s = req_alloc(r, 31), f[4];
	const char *p = name;
	size_t n = 0, k;

	/* letters as the directory's search folds them, ASCII ones kept */
	while (*p != '\0' && n < 30) {
		k = search_fold_char(&p, f);
		if (k > 0 && (unsigned char)f[0] < 0x80 && n + k <= 30) {
			memcpy(s + n, f, k);
			n += k;
		} else if (n > 0 && s[n - 1] != '-')
			s[n++] = '-';
	}
	while (n > 0 && s[n - 1] == '-')
		n--;
	s[n] = '\0';
	if (field_slug_reserved(s))
		return req_printf(r, "%s-1", s);
	return n >= 2 ? s : "member";
}

long long
auth_user_create(struct req *r, const char *email, const char *hash,
    const char *name, const char *zone)
{
	const char *base = slug_base(r, name), *slug = base;
	long long rc;
	int i;

	for (i = 1; i <= 12; i++) {
		rc = db_exec(r, "INSERT INTO users (email, password_hash, "
		    "display_name, bio, slug, timezone, created_at) VALUES (?, "
		    "?, ?, '', ?, COALESCE(?, 'UTC'), UTC_TIMESTAMP())", "sssss",
		    email, hash, name, slug, zone);
		if (rc == 1)
			return db_last_id();
		if (rc != DB_DUPLICATE)
			return -1;
		if (db_value(r, "SELECT id FROM users WHERE email = ?", "s",
		    email) != NULL)
			return 0;
		if (r->db_failed)
			return -1;
		/* names of no Latin letters all start from "member": the
		 * random ones are long enough never to meet twice */
		slug = i < 8 ? req_printf(r, "%s-%d", base, i + 1) :
		    req_printf(r, "%s-%08x", base,
		    (unsigned)randombytes_random());
	}
	return -1;
}

/*
 * A guess the person never saw as a field: a bad one is dropped, never
 * an error on their form (the settings page's zone is theirs to choose).
 * Browsers send old names ("Asia/Calcutta"), which the field keeps as
 * the list's name (lib/zone.h); a zone the settings' list and matching
 * do not know is none.
 */
const char *
auth_browser_zone(struct req *r)
{
	static const struct field zone_f = { "timezone", F_TIMEZONE, 0, 0, 0,
	    NULL };
	const char *raw = req_form(r, "timezone");
	struct fval v;

	if (raw == NULL || field_check(r->arena, &zone_f, raw, &v) != 0)
		return NULL;
	return zone_canonical(v.str);
}

#define DEVICE_COOKIE	"menteo_device"
#define DEVICE_DAYS	365

/* A keyed hash, hex, of msg under the configured secret for one use. */
static const char *
keyed_hex(struct req *r, const char *use, const char *msg)
{
	const char *secret = cfg_str("secret", "");
	unsigned char key[crypto_generichash_KEYBYTES], h[16];
	char *hex = req_alloc(r, 33);

	crypto_generichash(key, sizeof(key), (const unsigned char *)secret,
	    strlen(secret), (const unsigned char *)use, strlen(use));
	crypto_generichash(h, sizeof(h), (const unsigned char *)msg,
	    strlen(msg), key, sizeof(key));
	sodium_bin2hex(hex, 33, h, sizeof(h));
	return hex;
}

/*
 * What a device cookie signs: its nonce, the account and the account's
 * password hash (salted: new at every new password), so that the
 * cookies of an old password stop counting apart once it is replaced
 * (they gave whoever had known it 5 guesses an hour each: found
 * attacking).
 */
static const char *
device_mac(struct req *r, const char *nonce, long long user_id,
    const char *pw_hash)
{
	return keyed_hex(r, "device", req_printf(r, "%.32s.%lld.%s", nonce,
	    user_id, pw_hash != NULL ? pw_hash : ""));
}

/* The nonce of this browser's device cookie when signed for user_id. */
static const char *
device_nonce(struct req *r, long long user_id, const char *pw_hash)
{
	const char *c = req_cookie(r, resp_cookie_name(r, DEVICE_COOKIE));
	const char *signed_part, *mac;
	size_t n;

	/* "nonce.user.mac", the nonce 32 hex digits */
	if (c == NULL || user_id <= 0 || strlen(c) < 32 ||
	    strspn(c, "0123456789abcdef") != 32)
		return NULL;
	signed_part = req_printf(r, "%.32s.%lld", c, user_id);
	n = strlen(signed_part);
	if (strncmp(c, signed_part, n) != 0 || c[n] != '.')
		return NULL;
	mac = c + n + 1;
	if (strlen(mac) != 32 || sodium_memcmp(mac, device_mac(r, c, user_id,
	    pw_hash), 32) != 0)
		return NULL;
	return arena_strndup(r->arena, c, 32);
}

static int
throttle_ip_limit(void)
{
	return (int)cfg_int("throttle_ip_limit", 100);
}

long long
auth_login_gate(struct req *r, long long user_id, const char *pw_hash,
    const char *email, struct auth_gate *g)
{
	const char *nonce = device_nonce(r, user_id, pw_hash);
	char *low = req_strdup(r, email != NULL ? email : "");
	long long w, most = 0;
	int i;

	for (i = 0; low[i] != '\0'; i++)
		low[i] = (char)tolower((unsigned char)low[i]);
	memset(g, 0, sizeof(*g));
	if (nonce != NULL) {
		g->bucket[g->n] = req_printf(r, "login:device:%s", nonce);
		g->limit[g->n] = AUTH_LOGIN_LIMIT;
		g->window[g->n++] = AUTH_LOGIN_WINDOW;
	} else {
		/* hashed: an address and an e-mail address outgrow the key */
		g->bucket[g->n] = req_printf(r, "login:addr-acct:%s",
		    keyed_hex(r, "throttle", req_printf(r, "%s\n%s",
		    r->remote_addr, low)));
		g->limit[g->n] = AUTH_LOGIN_LIMIT;
		g->window[g->n++] = AUTH_LOGIN_WINDOW;
		g->bucket[g->n] = req_printf(r, "login:ip:%s", r->remote_addr);
		g->limit[g->n] = throttle_ip_limit();
		g->window[g->n++] = 15;
	}
	for (i = 0; i < g->n; i++) {
		if ((w = auth_throttle_wait(r, g->bucket[i])) < 0)
			return -1;
		if (w > most)
			most = w;
	}
	return most;
}

int
auth_login_failed(struct req *r, const struct auth_gate *g)
{
	int i;

	for (i = 0; i < g->n; i++)
		if (auth_throttle_hit(r, g->bucket[i], g->limit[i],
		    g->window[i]) == -1)
			return -1;
	return 0;
}

void
auth_login_ok(struct req *r, long long user_id, const char *pw_hash,
    const struct auth_gate *g)
{
	/* the address alone keeps its count: it may guess other accounts */
	auth_throttle_clear(r, g->bucket[0]);
	auth_device_cookie(r, user_id, pw_hash);
}

void
auth_device_cookie(struct req *r, long long user_id, const char *pw_hash)
{
	unsigned char raw[16];
	char nonce[33];

	randombytes_buf(raw, sizeof(raw));
	sodium_bin2hex(nonce, sizeof(nonce), raw, sizeof(raw));
	resp_cookie(r, DEVICE_COOKIE, req_printf(r, "%s.%lld.%s", nonce,
	    user_id, device_mac(r, nonce, user_id, pw_hash)),
	    DEVICE_DAYS * 24LL * 3600);
}

const char *
auth_token_new(struct req *r, const char *purpose, long long user_id,
    const char *target, int hours)
{
	char t[SESS_TOKEN_LEN + 1], h[SESS_TOKEN_LEN + 1];

	sess_token(t);
	sess_hash(t, h);
	if (db_exec(r, "INSERT INTO email_tokens (token_hash, purpose, user_id, "
	    "target, expires_at, created_at) VALUES (?, ?, ?, ?, "
	    "UTC_TIMESTAMP() + INTERVAL ? HOUR, UTC_TIMESTAMP())", "ssisi",
	    h, purpose, user_id, target != NULL ? target : "",
	    (long long)hours) < 0)
		return NULL;
	return req_strdup(r, t);
}

static int
token_find(struct req *r, const char *token, const char *purpose,
    long long *user_id, const char **target, int take)
{
	char h[SESS_TOKEN_LEN + 1];
	struct db_rows *rows;
	long long id;

	*user_id = 0;
	*target = NULL;
	if (!sess_token_shape_ok(token))
		return 1;
	sess_hash(token, h);
	rows = db_query(r, take ?
	    "SELECT id, user_id, target, used_at IS NULL AND expires_at > "
	    "UTC_TIMESTAMP() AS live FROM email_tokens WHERE token_hash = ? "
	    "AND purpose = ? FOR UPDATE" :
	    "SELECT id, user_id, target, used_at IS NULL AND expires_at > "
	    "UTC_TIMESTAMP() AS live FROM email_tokens WHERE token_hash = ? "
	    "AND purpose = ?", "ss", h, purpose);
	if (rows == NULL)
		return -1;
	if (rows->nrows == 0)
		return 1;
	*user_id = db_get_int(rows, 0, "user_id");
	*target = db_get(rows, 0, "target");
	if (!db_get_int(rows, 0, "live"))
		return 1;
	if (!take)
		return 0;
	id = db_get_int(rows, 0, "id");
	if (db_exec(r, "UPDATE email_tokens SET used_at = UTC_TIMESTAMP() "
	    "WHERE id = ? AND used_at IS NULL", "i", id) != 1)
		return r->db_failed ? -1 : 1;
	return 0;
}

int
auth_token_take(struct req *r, const char *token, const char *purpose,
    long long *user_id, const char **target)
{
	return token_find(r, token, purpose, user_id, target, 1);
}

int
auth_token_peek(struct req *r, const char *token, const char *purpose,
    long long *user_id, const char **target)
{
	return token_find(r, token, purpose, user_id, target, 0);
}

int
auth_tokens_end(struct req *r, long long user_id, const char *purpose)
{
	return db_exec(r, "UPDATE email_tokens SET used_at = UTC_TIMESTAMP() "
	    "WHERE user_id = ? AND used_at IS NULL AND (? = '' OR purpose = ?)",
	    "iss", user_id, purpose != NULL ? purpose : "",
	    purpose != NULL ? purpose : "") < 0 ? -1 : 0;
}

int
auth_feed_renew(struct req *r, long long user_id)
{
	long long n;

	n = db_exec(r, "UPDATE users SET calendar_secret = NULL WHERE id = ? "
	    "AND calendar_secret IS NOT NULL", "i", user_id);
	return n < 0 ? -1 : n > 0;
}

const char *
auth_unsub_sig(struct req *r, long long user_id, const char *kind)
{
	return keyed_hex(r, "unsub", req_printf(r, "unsubscribe:%lld:%s",
	    user_id, kind));
}

const char *
auth_why_sig(struct req *r, const char *slug, const char *why)
{
	return keyed_hex(r, "why", req_printf(r, "%lld\n%s\n%s", r->user.id,
	    slug, why));
}

int
auth_why_ok(struct req *r, const char *slug, const char *why,
    const char *sig)
{
	return slug != NULL && why != NULL && sig != NULL && strlen(sig) ==
	    32 && sodium_memcmp(sig, auth_why_sig(r, slug, why), 32) == 0;
}
