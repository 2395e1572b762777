/*
 * resp: the response being built for a request: status, headers and a
 * buffered body, sent in one go when the handler returns. Header values
 * with CR or LF are refused; every response carries the security headers.
 * It sends bytes; pages, error pages included, are laid out by page.h.
 */
#ifndef MENTEO_RESP_H
#define MENTEO_RESP_H

#include <stddef.h>

#include "req.h"

/*
 * What a step that may answer the request returns, as lighttpd's
 * handler_t: RESP_GO_ON, or RESP_DONE once it has answered (an error
 * page, a redirect) or left a database failure to the app (r->db_failed:
 * 503). The caller then returns at once and answers nothing more. A step
 * that returns a pointer returns NULL for RESP_DONE; a step with more to
 * say (found / not found) returns its values besides RESP_DONE.
 */
#define RESP_DONE	(-1)
#define RESP_GO_ON	0

void	 resp_status(struct req *, int);
int	 resp_header(struct req *, const char *name, const char *value);
void	 resp_write(struct req *, const char *, size_t);
void	 resp_text(struct req *, int status, const char *ctype, const char *);
void	 resp_redirect(struct req *, const char *location);	/* 303 */
/* Another 3xx: 302, or 307 to keep a form's method and body. */
void	 resp_redirect_as(struct req *, int status, const char *location);
int	 resp_cookie(struct req *, const char *name, const char *value,
	    long long max_age);
void	 resp_flash(struct req *, const char *message);
const char *resp_reason(int status);

/* Cookie names get the __Host- prefix when the site is served over https. */
const char *resp_cookie_name(struct req *, const char *base);

/* Writes the whole response to the FastCGI stream (app.c calls it). */
void	 resp_send(struct req *);

#endif
