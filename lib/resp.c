#include <sys/uio.h>

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include <fastcgi.h>
#include <fcgiapp.h>

#include "cfg.h"
#include "resp.h"

static const char *security_headers =
    "Content-Security-Policy: default-src 'self'; script-src 'self'; "
    "style-src 'self'; img-src 'self' data:; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'\r\n"
    "X-Content-Type-Options: nosniff\r\n"
    "X-Frame-Options: DENY\r\n"
    "Referrer-Policy: same-origin\r\n";

const char *
resp_reason(int status)
{
	switch (status) {
	case 200: return "OK";
	case 302: return "Found";
	case 303: return "See Other";
	case 304: return "Not Modified";
	case 307: return "Temporary Redirect";
	case 400: return "Bad Request";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 409: return "Conflict";
	case 410: return "Gone";
	case 413: return "Payload Too Large";
	case 422: return "Unprocessable Entity";
	case 429: return "Too Many Requests";
	case 500: return "Internal Server Error";
	case 503: return "Service Unavailable";
	default:  return "Unknown";
	}
}

void
resp_status(struct req *r, int status)
{
	r->status = status;
}

int
resp_header(struct req *r, const char *name, const char *value)
{
	if (strpbrk(name, "\r\n:") != NULL || strpbrk(value, "\r\n") != NULL)
		return -1;
	buf_adds(&r->headers, name);
	buf_adds(&r->headers, ": ");
	buf_adds(&r->headers, value);
	buf_adds(&r->headers, "\r\n");
	return 0;
}

void
resp_write(struct req *r, const char *s, size_t n)
{
	buf_add(&r->body, s, n);
}

void
resp_text(struct req *r, int status, const char *ctype, const char *s)
{
	r->status = status;
	r->body.len = 0;
	resp_header(r, "Content-Type", ctype);
	resp_write(r, s, strlen(s));
}

void
resp_redirect(struct req *r, const char *location)
{
	resp_redirect_as(r, 303, location);
}

void
resp_redirect_as(struct req *r, int status, const char *location)
{
	r->status = status;
	r->body.len = 0;
	r->location = location;
	if (resp_header(r, "Location", location) == -1)
		resp_header(r, "Location", "/");
}

static int
https(void)
{
	return strncmp(cfg_str("base_url", "http://"), "https:", 6) == 0;
}

const char *
resp_cookie_name(struct req *r, const char *base)
{
	return https() ? req_printf(r, "__Host-%s", base) : base;
}

int
resp_cookie(struct req *r, const char *name, const char *value,
    long long max_age)
{
	char *v;

	v = req_printf(r, "%s=%s; Path=/; HttpOnly; SameSite=Lax%s%s",
	    resp_cookie_name(r, name), value, https() ? "; Secure" : "",
	    max_age >= 0 ? req_printf(r, "; Max-Age=%lld", max_age) : "");
	return resp_header(r, "Set-Cookie", v);
}

/* The message rides in a short-lived cookie to the page after a 303. */
void
resp_flash(struct req *r, const char *message)
{
	char *v = req_url_encode(r->arena, message, ".-");

	if (v != NULL)
		resp_cookie(r, "menteo_flash", v, 60);
}

/*
 * The response as FastCGI STDOUT records. libfcgi's stream sends one
 * record of at most 8 KB per write(2) (its buffer's size is fixed), and
 * each write wakes nginx: a 35 KB room page took five. A response larger
 * than that buffer goes out here instead, in records of our own, with
 * the end of the stream and of the request after them, in one writev:
 * FCGX_Finish_r would send those two in a write of its own, and nginx
 * would wake once more for them. Smaller ones take the stream, which
 * sends them with those records in a single write.
 */
#define RESP_STREAM	8000		/* below libfcgi's 8192-byte buffer */
#define RESP_RECORD	65528		/* content of one record, at most */
#define RESP_END	(3 * FCGI_HEADER_LEN)	/* the records that end it */

/* All of iov, across short writes; -1: the web server is gone. */
static int
resp_writev(int fd, struct iovec *iov, int n)
{
	ssize_t w;

	while (n > 0) {
		if ((w = writev(fd, iov, n > IOV_MAX ? IOV_MAX : n)) == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		for (; n > 0 && (size_t)w >= iov->iov_len; iov++, n--)
			w -= (ssize_t)iov->iov_len;
		if (n > 0) {
			iov->iov_base = (char *)iov->iov_base + w;
			iov->iov_len -= (size_t)w;
		}
	}
	return 0;
}

/* A record's header: type, request id, content length; no padding. */
static void
resp_fcgi_header(unsigned char *h, int type, int id, size_t len)
{
	h[0] = FCGI_VERSION_1;
	h[1] = (unsigned char)type;
	h[2] = (unsigned char)(id >> 8);
	h[3] = (unsigned char)id;
	h[4] = (unsigned char)(len >> 8);
	h[5] = (unsigned char)len;
	h[6] = h[7] = 0;		/* padding length, reserved */
}

/*
 * The stream's end (an empty STDOUT record) and the request's
 * (FCGI_END_REQUEST with the exit status and FCGI_REQUEST_COMPLETE), as
 * libfcgi's WriteCloseRecords makes them.
 */
static unsigned char *
resp_end(struct req *r, const FCGX_Request *f)
{
	unsigned char *e = req_alloc(r, RESP_END), *b = e + 2 * FCGI_HEADER_LEN;

	resp_fcgi_header(e, FCGI_STDOUT, f->requestId, 0);
	resp_fcgi_header(e + FCGI_HEADER_LEN, FCGI_END_REQUEST, f->requestId, 8);
	b[0] = (unsigned char)((unsigned)f->appStatus >> 24);
	b[1] = (unsigned char)((unsigned)f->appStatus >> 16);
	b[2] = (unsigned char)((unsigned)f->appStatus >> 8);
	b[3] = (unsigned char)f->appStatus;
	b[4] = FCGI_REQUEST_COMPLETE;
	b[5] = b[6] = b[7] = 0;		/* reserved */
	return e;
}

/*
 * Head and body, head first, as records of at most RESP_RECORD bytes
 * each, and the end records, in one writev. The out stream is closed
 * then, as FCGX_FClose closes it, so FCGX_Finish_r writes nothing more
 * (the error stream's close writes nothing: nothing writes to it). On a
 * kept connection (FCGI_KEEP_CONN; nginx and Apache do not ask for it)
 * the end is libfcgi's: it reads what is left of the request's input
 * before the next request may come.
 */
static void
resp_records(struct req *r, FCGX_Request *f, const char *head, size_t hlen,
    const char *body, size_t blen)
{
	size_t total = hlen + blen, nrec = (total + RESP_RECORD - 1) / RESP_RECORD;
	unsigned char *hdr = req_alloc(r, nrec * FCGI_HEADER_LEN);
	struct iovec *iov = req_alloc(r, (nrec * 3 + 1) * sizeof(*iov));
	size_t off = 0, len, part;
	int n = 0;

	for (; off < total; off += len, hdr += FCGI_HEADER_LEN) {
		len = total - off < RESP_RECORD ? total - off : RESP_RECORD;
		resp_fcgi_header(hdr, FCGI_STDOUT, f->requestId, len);
		iov[n++] = (struct iovec){ hdr, FCGI_HEADER_LEN };
		if (off < hlen) {		/* the head's part of it */
			part = hlen - off < len ? hlen - off : len;
			iov[n++] = (struct iovec){ (char *)head + off, part };
		} else
			part = 0;
		if (len > part)
			iov[n++] = (struct iovec){ (char *)body + off + part -
			    hlen, len - part };
	}
	if (!f->keepConnection)
		iov[n++] = (struct iovec){ resp_end(r, f), RESP_END };
	if (resp_writev(f->ipcFd, iov, n) == -1)	/* gone: nobody to tell */
		f->out->FCGI_errno = errno;
	if (!f->keepConnection) {
		f->out->wasFCloseCalled = f->out->isClosed = 1;
		f->out->rdNext = f->out->stop = f->out->wrNext;
	}
}

void
resp_send(struct req *r)
{
	FCGX_Request *f = r->fcgx;
	int status = r->status ? r->status : 200;
	size_t blen = strcmp(r->method, "HEAD") != 0 ? r->body.len : 0, hlen;
	const char *head;

	if (f == NULL)
		return;
	/* len, not the text: the buffer keeps the last request's headers */
	head = req_printf(r, "Status: %d %s\r\n%s%.*s%sContent-Length: %lu"
	    "\r\n\r\n", status, resp_reason(status), security_headers,
	    (int)r->headers.len, r->headers.len > 0 ? r->headers.p : "",
	    r->body.len > 0 && (r->headers.len == 0 || memmem(r->headers.p,
	    r->headers.len, "Content-Type:", 13) == NULL) ?
	    "Content-Type: text/html; charset=utf-8\r\n" : "",
	    (unsigned long)r->body.len);
	if ((hlen = strlen(head)) + blen > RESP_STREAM) {
		resp_records(r, f, head, hlen, r->body.p, blen);
		return;
	}
	FCGX_PutS(head, f->out);
	if (blen > 0)
		FCGX_PutStr(r->body.p, (int)blen, f->out);
}
