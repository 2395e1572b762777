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
#include "resp.h"
#include "tmpl.h"

#define ONCE_KEY_BYTES	16
#define ONCE_WAIT_MS	10000	/* for the first request's answer */
#define ONCE_PAGE_MAX	(1024 * 1024)	/* a page kept for a reload */

static int	once_tx(struct req *, int);

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

/* s with every from in it replaced by to (s itself when none is). */
static const char *
replace(struct req *r, const char *s, const char *from, const char *to)
{
	struct buf b = { NULL, 0, 0 };
	const char *p, *at, *out;

	if (s == NULL || strstr(s, from) == NULL)
		return s;
	for (p = s; (at = strstr(p, from)) != NULL; p = at + strlen(from)) {
		buf_add(&b, p, (size_t)(at - p));
		buf_adds(&b, to);
	}
	buf_adds(&b, p);
	out = b.p != NULL ? req_strdup(r, b.p) : s;
	buf_free(&b);
	return out;
}

const char *
once_fill(struct req *r, const char *html)
{
	return replace(r, html, ONCE_MARK, once_key(r));
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
	r->tx_hook = once_tx;
}

/*
 * Claims r->once inside the open transaction: 0 claimed, -1 when another
 * request has it (ONCE_SEEN; r->db_failed stops the handler) or the
 * database failed.
 */
static int
claim(struct req *r)
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

/* r->tx_hook: the first transaction claims; its end decides the claim. */
static int
once_tx(struct req *r, int what)
{
	if (what == DB_TX_BEGUN)
		return r->once_state == ONCE_NONE ? claim(r) : 0;
	if (r->once_state == ONCE_CLAIMED)
		r->once_state = what == DB_TX_COMMITTED ? ONCE_DONE : ONCE_NONE;
	return 0;
}

/*
 * The page of an answer, kept for a reload when the form's work
 * committed and a page, not a redirect, said what it did (a paste of
 * invitations partly sent, its lines to correct back in the box). The
 * page's own key is marked: a reload shows it with a key of its own, so
 * that the corrected lines can be sent from it. NULL: none to keep.
 */
static const char *
page_kept(struct req *r)
{
	const char *body;

	if (r->body.len == 0 || r->body.len > ONCE_PAGE_MAX ||
	    r->headers.len == 0 || memmem(r->headers.p, r->headers.len,
	    "text/html", 9) == NULL)
		return NULL;
	body = req_strdup(r, r->body.p);
	if (r->form_key == NULL || *r->form_key == '\0')
		return body;
	return replace(r, body, r->form_key, ONCE_MARK);
}

static void
keep_answer(struct req *r)
{
	const char *loc = r->status == 303 && r->location != NULL ?
	    r->location : "";

	if (r->db_failed)
		return;	/* 503: a second try may do better; let it wait */
	/* "" : answered with a page (an error, a refusal after commit) */
	if (db_exec(r, "UPDATE form_submits SET location = ?, status = ?, "
	    "page = ? WHERE session_id = ? AND submit_hash = ?", "sisis", loc,
	    (long long)(r->status ? r->status : 200), *loc == '\0' ?
	    page_kept(r) : NULL, r->sess_id, r->once) == -1) {
		log_err("once: the answer was not kept");
		r->db_failed = 0;	/* the answer goes out all the same */
	}
}

/* The first request's answer, once it has one; NULL after the wait. */
static struct db_rows *
first_answer(struct req *r)
{
	struct db_rows *a;
	int ms;

	for (ms = 0; ms < ONCE_WAIT_MS; ms += 50) {
		a = db_query(r, "SELECT location, status, page FROM "
		    "form_submits WHERE session_id = ? AND submit_hash = ? AND "
		    "location IS NOT NULL", "is", r->sess_id, r->once);
		if (a == NULL)
			return NULL;
		if (a->nrows > 0)
			return a;
		usleep(50 * 1000);
	}
	return NULL;
}

int
once_finish(struct req *r)
{
	struct db_rows *a;
	const char *loc, *page;

	if (r->once_state == ONCE_DONE) {
		keep_answer(r);
		return 0;
	}
	if (r->once_state != ONCE_SEEN)
		return 0;
	r->db_failed = 0;
	r->headers.len = 0;
	r->body.len = 0;
	if (r->page != NULL) {
		tmpl_dict_free(r->page);
		r->page = NULL;
	}
	if ((a = first_answer(r)) == NULL)
		return r->db_failed ? 0 : 409;
	loc = db_get(a, 0, "location");
	page = db_get(a, 0, "page");
	if (*loc != '\0')
		resp_redirect(r, loc);
	else if (page != NULL) {	/* what the first one did, said again */
		resp_text(r, (int)db_get_int(a, 0, "status"),
		    "text/html; charset=utf-8", once_fill(r, page));
		resp_header(r, "Cache-Control", "private, no-store");
	} else
		return 409;
	return 0;
}

long long
once_prune(struct req *r)
{
	return db_exec(r, "DELETE FROM form_submits WHERE created_at < "
	    "UTC_TIMESTAMP() - INTERVAL 1 DAY LIMIT 10000", "");
}
