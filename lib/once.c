/*
 * The claims live in form_submits (sql/121): one row per session and
 * submission (a hash of the key, the path and the fields), with the
 * answer's location once the request has answered.
 */
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "db.h"
#include "log.h"
#include "once.h"
#include "page.h"
#include "resp.h"
#include "tmpl.h"

#define ONCE_KEY_BYTES	16
#define ONCE_WAIT_MS	10000	/* for the first request's answer */

const char *
once_key(struct req *r)
{
	unsigned char raw[ONCE_KEY_BYTES];
	char hex[2 * ONCE_KEY_BYTES + 1];

	if (r->sess_id <= 0)
		return "";
	if (r->form_key == NULL) {
		randombytes_buf(raw, sizeof(raw));
		sodium_bin2hex(hex, sizeof(hex), raw, sizeof(raw));
		r->form_key = req_strdup(r, hex);
	}
	return r->form_key;
}

const char *
once_fill(struct req *r, const char *html)
{
	const char *key = once_key(r), *p, *at;
	struct buf b = { NULL, 0, 0 };
	const char *out;

	if (html == NULL || strstr(html, ONCE_MARK) == NULL)
		return html;
	for (p = html; (at = strstr(p, ONCE_MARK)) != NULL;
	    p = at + strlen(ONCE_MARK)) {
		buf_add(&b, p, (size_t)(at - p));
		buf_adds(&b, key);
	}
	buf_adds(&b, p);
	out = b.p != NULL ? req_strdup(r, b.p) : html;
	buf_free(&b);
	return out;
}

static void
hash_add(crypto_generichash_state *st, const char *s)
{
	crypto_generichash_update(st, (const unsigned char *)s, strlen(s) + 1);
}

void
once_read(struct req *r)
{
	const char *k = req_form(r, "form_key");
	crypto_generichash_state st;
	unsigned char h[32];
	char hex[65];
	size_t i;

	r->once = NULL;
	r->once_state = ONCE_NONE;
	if (r->sess_id <= 0 || !req_hex_ok(k, 2 * ONCE_KEY_BYTES))
		return;
	/* the same render may hold several forms: each is its own */
	crypto_generichash_init(&st, NULL, 0, sizeof(h));
	hash_add(&st, k);
	hash_add(&st, r->path);
	for (i = 0; i < r->nform; i++) {
		if (strcmp(r->form[i].key, "csrf") == 0)
			continue;
		hash_add(&st, r->form[i].key);
		crypto_generichash_update(&st,
		    (const unsigned char *)r->form[i].val, r->form[i].len);
		hash_add(&st, "");
	}
	crypto_generichash_final(&st, h, sizeof(h));
	sodium_bin2hex(hex, sizeof(hex), h, sizeof(h));
	r->once = req_strdup(r, hex);
}

int
once_claim(struct req *r)
{
	long long n;

	n = db_exec(r, "INSERT INTO form_submits (session_id, submit_hash, "
	    "created_at) VALUES (?, ?, UTC_TIMESTAMP())", "is", r->sess_id,
	    r->once);
	if (n == DB_DUPLICATE) {
		/* the first one committed: stop this handler, answer as it did */
		r->once_state = ONCE_SEEN;
		r->db_failed = 1;
		return -1;
	}
	if (n != 1)
		return -1;
	r->once_state = ONCE_CLAIMED;
	return 0;
}

static void
keep_answer(struct req *r)
{
	const char *loc = r->status == 303 && r->location != NULL ?
	    r->location : "";

	if (r->db_failed)
		return;	/* 503: a second try may do better; let it wait */
	/* "" : answered with a page (an error, a refusal after commit) */
	if (db_exec(r, "UPDATE form_submits SET location = ? WHERE "
	    "session_id = ? AND submit_hash = ?", "sis", loc, r->sess_id,
	    r->once) == -1) {
		log_err("once: the answer was not kept");
		r->db_failed = 0;	/* the answer goes out all the same */
	}
}

/* The first request's answer, once it has one; NULL after the wait. */
static const char *
first_answer(struct req *r)
{
	const char *loc;
	int ms;

	for (ms = 0; ms < ONCE_WAIT_MS; ms += 50) {
		loc = db_value(r, "SELECT location FROM form_submits WHERE "
		    "session_id = ? AND submit_hash = ?", "is", r->sess_id,
		    r->once);
		if (r->db_failed)
			return NULL;
		if (loc != NULL)
			return loc;
		usleep(50 * 1000);
	}
	return NULL;
}

void
once_finish(struct req *r)
{
	const char *loc;

	if (r->once_state == ONCE_DONE) {
		keep_answer(r);
		return;
	}
	if (r->once_state != ONCE_SEEN)
		return;
	r->db_failed = 0;
	r->headers.len = 0;
	r->body.len = 0;
	if (r->page != NULL) {
		tmpl_dict_free(r->page);
		r->page = NULL;
	}
	if ((loc = first_answer(r)) != NULL && *loc != '\0')
		return resp_redirect(r, loc);
	if (r->db_failed)
		return;
	page_error_msg(r, 409, "This form was sent already: look at the "
	    "page to see what it did.");
}

long long
once_prune(struct req *r)
{
	return db_exec(r, "DELETE FROM form_submits WHERE created_at < "
	    "UTC_TIMESTAMP() - INTERVAL 1 DAY LIMIT 10000", "");
}
