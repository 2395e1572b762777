/*
 * Decoding is strict on purpose: a malformed percent escape, invalid
 * UTF-8 or a NUL byte anywhere in a name or value rejects the whole
 * request with 400 before any handler sees it.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <fcgiapp.h>

#include "req.h"

#define REQ_MAXFIELDS	256

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int
req_utf8_valid(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s, *e = p + n;

	while (p < e) {
		unsigned c = *p, need;
		unsigned long cp;

		if (c == 0)
			return 0;
		if (c < 0x80) {
			p++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf) {
			need = 1;
			cp = c & 0x1f;
		} else if (c >= 0xe0 && c <= 0xef) {
			need = 2;
			cp = c & 0x0f;
		} else if (c >= 0xf0 && c <= 0xf4) {
			need = 3;
			cp = c & 0x07;
		} else
			return 0;
		if ((size_t)(e - p) <= need)
			return 0;
		for (unsigned i = 1; i <= need; i++) {
			if ((p[i] & 0xc0) != 0x80)
				return 0;
			cp = (cp << 6) | (p[i] & 0x3f);
		}
		/* overlong forms, surrogates, beyond U+10FFFF */
		if ((need == 2 && cp < 0x800) || (need == 3 && cp < 0x10000) ||
		    (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
			return 0;
		p += need + 1;
	}
	return 1;
}

size_t
req_utf8_len(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

/*
 * A cut by bytes ("%.180s") can end inside a character, which MariaDB's
 * strict mode refuses to store and a page shows as a stray byte.
 */
size_t
req_utf8_prefix(const char *s, size_t max)
{
	size_t n = strnlen(s, max + 1);

	if (n <= max)
		return n;
	while (max > 0 && ((unsigned char)s[max] & 0xc0) == 0x80)
		max--;
	return max;
}

int
req_hex_ok(const char *s, size_t len)
{
	size_t i;

	if (s == NULL || strlen(s) != len)
		return 0;
	for (i = 0; i < len; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return 0;
	return 1;
}

int
req_url_decode(struct arena *a, const char *s, size_t len, int plus,
    char **out, size_t *outlen)
{
	char *d;
	size_t i, o = 0;

	if ((d = arena_alloc(a, len + 1)) == NULL)
		return REQ_ENOMEM;
	for (i = 0; i < len; i++) {
		if (s[i] == '%') {
			int hi, lo;
			if (i + 2 >= len)
				return REQ_EBAD;
			hi = hexval((unsigned char)s[i + 1]);
			lo = hexval((unsigned char)s[i + 2]);
			if (hi < 0 || lo < 0)
				return REQ_EBAD;
			d[o++] = (char)(hi << 4 | lo);
			i += 2;
		} else if (s[i] == '+' && plus)
			d[o++] = ' ';
		else
			d[o++] = s[i];
	}
	d[o] = '\0';
	if (!req_utf8_valid(d, o))
		return REQ_EBAD;
	*out = d;
	*outlen = o;
	return 0;
}

char *
req_url_encode(struct arena *a, const char *s, const char *safe)
{
	static const char hex[] = "0123456789ABCDEF";
	char *out = arena_alloc(a, strlen(s) * 3 + 1), *o = out;

	if (out == NULL)
		return NULL;
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;
		if (isalnum(c) || strchr(safe, c) != NULL)
			*o++ = (char)c;
		else {
			*o++ = '%';
			*o++ = hex[c >> 4];
			*o++ = hex[c & 15];
		}
	}
	*o = '\0';
	return out;
}

int
req_parse_urlencoded(struct arena *a, const char *s, size_t len,
    struct kv **out, size_t *n)
{
	struct kv *kv;
	size_t cap = 1, i, start, k = 0;

	for (i = 0; i < len; i++)
		if (s[i] == '&')
			cap++;
	if (cap > REQ_MAXFIELDS)
		return REQ_EBAD;
	if ((kv = arena_alloc(a, cap * sizeof(*kv))) == NULL)
		return REQ_ENOMEM;
	for (start = 0; start <= len; start = i + 1) {
		const char *p = s + start, *eq;
		size_t plen, klen;
		char *key, *val;
		size_t vlen, kdl;
		int rc;

		for (i = start; i < len && s[i] != '&'; i++)
			;
		plen = i - start;
		if (plen == 0)
			continue;
		eq = memchr(p, '=', plen);
		klen = eq != NULL ? (size_t)(eq - p) : plen;
		if ((rc = req_url_decode(a, p, klen, 1, &key, &kdl)) != 0)
			return rc;
		if (eq != NULL)
			rc = req_url_decode(a, eq + 1, plen - klen - 1, 1,
			    &val, &vlen);
		else
			rc = req_url_decode(a, "", 0, 1, &val, &vlen);
		if (rc != 0)
			return rc;
		kv[k].key = key;
		kv[k].val = val;
		kv[k].len = vlen;
		k++;
	}
	*out = kv;
	*n = k;
	return 0;
}

/*
 * Cookie values are not percent-decoded: we only ever set tokens. The
 * header carries every cookie of the host, other applications' too: a
 * pair that is not valid UTF-8 is skipped, never the whole header, and
 * the number of pairs is bounded by the web server's header size limit,
 * not here (a cap would drop ours with the rest).
 */
int
req_parse_cookies(struct arena *a, const char *s, struct kv **out,
    size_t *n)
{
	struct kv *kv;
	size_t cap = 1, k = 0;
	const char *p;

	for (p = s; *p != '\0'; p++)
		if (*p == ';')
			cap++;
	if ((kv = arena_alloc(a, cap * sizeof(*kv))) == NULL)
		return REQ_ENOMEM;
	for (p = s; *p != '\0';) {
		const char *end = strchr(p, ';'), *eq;
		size_t len;

		if (end == NULL)
			end = p + strlen(p);
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		len = (size_t)(end - p);
		eq = memchr(p, '=', len);
		if (len > 0 && eq != NULL && eq > p) {
			const char *v = eq + 1, *ve = end;
			while (ve > v && (ve[-1] == ' ' || ve[-1] == '\t'))
				ve--;
			if (ve - v >= 2 && *v == '"' && ve[-1] == '"') {
				v++;
				ve--;
			}
			kv[k].key = arena_strndup(a, p, (size_t)(eq - p));
			kv[k].val = arena_strndup(a, v, (size_t)(ve - v));
			if (kv[k].key == NULL || kv[k].val == NULL)
				return REQ_ENOMEM;
			kv[k].len = (size_t)(ve - v);
			if (req_utf8_valid(kv[k].key, strlen(kv[k].key)) &&
			    req_utf8_valid(kv[k].val, kv[k].len))
				k++;
		}
		p = *end == ';' ? end + 1 : end;
	}
	*out = kv;
	*n = k;
	return 0;
}

static const char *
kv_get(const struct kv *kv, size_t n, const char *key)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(kv[i].key, key) == 0)
			return kv[i].val;
	return NULL;
}

const char *
req_query(const struct req *r, const char *key)
{
	return kv_get(r->query, r->nquery, key);
}

const char *
req_form(const struct req *r, const char *key)
{
	return kv_get(r->form, r->nform, key);
}

int
req_one_click(const struct req *r)
{
	const char *v = req_form(r, "List-Unsubscribe");

	return req_is_post(r) && v != NULL && strcmp(v, "One-Click") == 0;
}

const char *
req_cookie(const struct req *r, const char *key)
{
	return kv_get(r->cookies, r->ncookies, key);
}

size_t
req_form_all(const struct req *r, const char *key, const char **out,
    size_t max)
{
	size_t i, n = 0;

	for (i = 0; i < r->nform && n < max; i++)
		if (strcmp(r->form[i].key, key) == 0)
			out[n++] = r->form[i].val;
	return n;
}

int
req_is_post(const struct req *r)
{
	return strcmp(r->method, "POST") == 0;
}

static const char *
param(FCGX_Request *f, const char *name, const char *def)
{
	const char *v = FCGX_GetParam(name, f->envp);

	return v != NULL ? v : def;
}

static int
read_body(struct req *r, FCGX_Request *f, size_t body_max, char **body,
    size_t *len)
{
	const char *cl = param(f, "CONTENT_LENGTH", "");
	char *end, *p;
	unsigned long long n;
	int got;

	*body = NULL;
	*len = 0;
	if (*cl == '\0')
		return 0;
	errno = 0;
	n = strtoull(cl, &end, 10);
	if (errno != 0 || *end != '\0' || *cl == '-')
		return REQ_EBAD;
	if (n > body_max)
		return REQ_ETOOBIG;
	if ((p = arena_alloc(r->arena, (size_t)n + 1)) == NULL)
		return REQ_ENOMEM;
	got = n == 0 ? 0 : FCGX_GetStr(p, (int)n, f->in);
	if (got < 0 || (unsigned long long)got != n)
		return REQ_EBAD;
	p[n] = '\0';
	*body = p;
	*len = (size_t)n;
	return 0;
}

/*
 * nginx gives the decoded, normalised path as DOCUMENT_URI; Apache
 * (mod_proxy_fcgi, mod_fcgid) gives only REQUEST_URI, still encoded.
 */
static int
request_path(struct req *r, FCGX_Request *f)
{
	const char *uri = param(f, "DOCUMENT_URI", NULL), *q;
	char *path;
	size_t len;
	int rc;

	if (uri != NULL) {
		r->path = uri;
		return 0;
	}
	uri = param(f, "REQUEST_URI", "/");
	q = strchr(uri, '?');
	len = q != NULL ? (size_t)(q - uri) : strlen(uri);
	if ((rc = req_url_decode(r->arena, uri, len, 0, &path, &len)) != 0)
		return rc;
	if (path[0] != '/' || strstr(path, "/../") != NULL ||
	    strstr(path, "//") != NULL)
		return REQ_EBAD;
	r->path = path;
	return 0;
}

/* Fills the request from FastCGI params and the body; 0 or REQ_E*. */
int
req_read(struct req *r, void *fcgx, size_t body_max)
{
	FCGX_Request *f = fcgx;
	const char *ctype, *qs, *ck;
	char *body;
	size_t len;
	int rc;

	r->fcgx = f;
	r->method = param(f, "REQUEST_METHOD", "GET");
	if ((rc = request_path(r, f)) != 0)
		return rc;
	r->remote_addr = param(f, "REMOTE_ADDR", "");
	r->user_agent = param(f, "HTTP_USER_AGENT", "");
	r->if_none_match = param(f, "HTTP_IF_NONE_MATCH", "");
	qs = param(f, "QUERY_STRING", "");
	r->query_string = qs;
	if (!req_utf8_valid(r->path, strlen(r->path))) {
		r->path = "/";	/* the 400 page must not echo the bytes */
		return REQ_EBAD;
	}
	if ((rc = req_parse_urlencoded(r->arena, qs, strlen(qs), &r->query,
	    &r->nquery)) != 0)
		return rc;
	ck = param(f, "HTTP_COOKIE", "");
	if (req_parse_cookies(r->arena, ck, &r->cookies, &r->ncookies) != 0)
		r->ncookies = 0;	/* someone else's cookie is not our 400 */
	if ((rc = read_body(r, f, body_max, &body, &len)) != 0)
		return rc;
	ctype = param(f, "CONTENT_TYPE", "");
	if (body != NULL && strncasecmp(ctype,
	    "application/x-www-form-urlencoded", 33) == 0)
		return req_parse_urlencoded(r->arena, body, len, &r->form,
		    &r->nform);
	return 0;
}

void *
req_alloc(struct req *r, size_t n)
{
	void *p = arena_alloc(r->arena, n);

	if (p == NULL)
		abort();	/* out of memory mid-request: let spawn restart us */
	memset(p, 0, n);
	return p;
}

char *
req_strdup(struct req *r, const char *s)
{
	return s == NULL ? NULL : arena_strdup(r->arena, s);
}

char *
req_url_enc(struct req *r, const char *s)
{
	char *out = req_url_encode(r->arena, s, "-_.~");

	if (out == NULL)
		abort();	/* as req_alloc: out of memory mid-request */
	return out;
}

const char *
req_here(struct req *r)
{
	return *r->query_string != '\0' ? req_printf(r, "%s?%s", r->path,
	    r->query_string) : r->path;
}

char *
req_printf(struct req *r, const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = arena_vprintf(r->arena, fmt, ap);
	va_end(ap);
	if (p == NULL)
		abort();
	return p;
}

struct req *
req_offline_new(void)
{
	struct req *r = calloc(1, sizeof(*r));

	if (r == NULL || (r->arena = arena_new()) == NULL) {
		free(r);
		return NULL;
	}
	r->method = "GET";
	r->path = "/";
	r->query_string = "";
	r->remote_addr = "";
	r->user_agent = "";
	return r;
}

/* Forget everything about the last request; keep capped buffers. */
void
req_reset(struct req *r)
{
	struct arena *a = r->arena;
	struct buf h = r->headers, b = r->body;

	arena_reset(a);
	if (b.cap > 1024 * 1024) {
		buf_free(&b);
	}
	if (h.cap > 64 * 1024)
		buf_free(&h);
	h.len = 0;
	b.len = 0;
	memset(r, 0, sizeof(*r));
	r->arena = a;
	r->headers = h;
	r->body = b;
	r->method = "GET";
	r->path = "/";
	r->query_string = "";
	r->remote_addr = "";
	r->user_agent = "";
}

void
req_offline_free(struct req *r)
{
	if (r == NULL)
		return;
	arena_free(r->arena);
	buf_free(&r->headers);
	buf_free(&r->body);
	free(r);
}

int
buf_add(struct buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 4096;
		char *p;
		while (cap < b->len + n + 1)
			cap *= 2;
		if ((p = realloc(b->p, cap)) == NULL)
			return -1;
		b->p = p;
		b->cap = cap;
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
	return 0;
}

int
buf_adds(struct buf *b, const char *s)
{
	return buf_add(b, s, strlen(s));
}

int
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	char small[512], *p;
	int n, rc;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0)
		return -1;
	if ((size_t)n < sizeof(small))
		return buf_add(b, small, (size_t)n);
	if ((p = malloc((size_t)n + 1)) == NULL)
		return -1;
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	rc = buf_add(b, p, (size_t)n);
	free(p);
	return rc;
}

void
buf_free(struct buf *b)
{
	free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
}
