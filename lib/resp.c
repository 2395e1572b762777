#include <stdio.h>
#include <string.h>

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
	case 303: return "See Other";
	case 304: return "Not Modified";
	case 400: return "Bad Request";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 409: return "Conflict";
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
	r->status = 303;
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

void
resp_send(struct req *r)
{
	FCGX_Request *f = r->fcgx;
	int status = r->status ? r->status : 200;

	if (f == NULL)
		return;
	FCGX_FPrintF(f->out, "Status: %d %s\r\n", status, resp_reason(status));
	FCGX_PutS(security_headers, f->out);
	if (r->headers.len > 0)
		FCGX_PutStr(r->headers.p, (int)r->headers.len, f->out);
	/* len, not the text: the buffer keeps the last request's headers */
	if (r->body.len > 0 && (r->headers.len == 0 ||
	    memmem(r->headers.p, r->headers.len, "Content-Type:", 13) == NULL))
		FCGX_PutS("Content-Type: text/html; charset=utf-8\r\n", f->out);
	FCGX_FPrintF(f->out, "Content-Length: %lu\r\n\r\n",
	    (unsigned long)r->body.len);
	if (r->body.len > 0 && strcmp(r->method, "HEAD") != 0)
		FCGX_PutStr(r->body.p, (int)r->body.len, f->out);
}
