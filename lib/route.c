#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "page.h"
#include "resp.h"
#include "route.h"

/* One capture; returns the rest of the path after it, or NULL. */
/* "{id}.atom": the dot is not a capture character, so it ends it. */
static const char *
capture(const char *name, size_t nlen, const char *suffix, size_t slen,
    const char *p, struct req *r)
{
	const char *e = p;
	char *end;

	while (*e != '\0' && *e != '/' && (isalnum((unsigned char)*e) ||
	    *e == '-' || *e == '_'))
		e++;
	if (e == p || r->nargs >= REQ_MAXARGS)
		return NULL;
	r->arg[r->nargs] = arena_strndup(r->arena, p, (size_t)(e - p));
	r->id[r->nargs] = 0;
	if (nlen == 2 && memcmp(name, "id", 2) == 0) {
		const char *s = r->arg[r->nargs];
		long long n;
		if (!isdigit((unsigned char)*s) || (*s == '0'))
			return NULL;
		errno = 0;
		n = strtoll(s, &end, 10);
		if (errno != 0 || *end != '\0' || n <= 0)
			return NULL;
		r->id[r->nargs] = n;
	}
	r->nargs++;
	if (slen > 0) {
		if (strncmp(e, suffix, slen) != 0)
			return NULL;
		e += slen;
	}
	return e;
}

int
route_match(const char *pat, const char *path, struct req *r)
{
	const char *p = path;

	r->nargs = 0;
	while (*pat != '\0') {
		if (*pat == '{') {
			const char *close = strchr(pat, '}'), *sfx, *next;
			if (close == NULL)
				return 0;
			sfx = close + 1;
			next = strchr(sfx, '/');
			if (next == NULL)
				next = sfx + strlen(sfx);
			p = capture(pat + 1, (size_t)(close - pat - 1), sfx,
			    (size_t)(next - sfx), p, r);
			if (p == NULL)
				return 0;
			pat = next;
		} else if (*pat++ != *p++)
			return 0;
	}
	return *p == '\0';
}

int
route_find(struct req *r, const struct route *t, size_t n)
{
	const char *method = strcmp(r->method, "HEAD") == 0 ? "GET" :
	    r->method;
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(t[i].method, method) == 0 &&
		    route_match(t[i].pattern, r->path, r))
			return (int)i;
	return -1;
}

void
route_to_login(struct req *r)
{
	char *enc = req_url_encode(r->arena, req_here(r), "/-_.");

	resp_redirect(r, enc != NULL ? req_printf(r, "/login?next=%s", enc) :
	    "/login");
}

/* Whether this program shows path p (a GET route matches it). */
static int
shown(struct req *r, const struct route *t, size_t n, const char *p)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(t[i].method, "GET") == 0 &&
		    route_match(t[i].pattern, p, r))
			return 1;
	return 0;
}

/*
 * The page that holds the form of a POST-only path: its nearest ancestor
 * that this program shows ("/mentorships/7/stage" -> "/mentorships/7",
 * "/admin/outbox/3/retry" -> "/admin/outbox"), else the home page, where
 * the forms every page carries (sign out) are.
 */
static const char *
form_page(struct req *r, const struct route *t, size_t n)
{
	char *p = arena_strndup(r->arena, r->path, strlen(r->path)), *slash;

	if (p == NULL)
		return "/";
	while ((slash = strrchr(p, '/')) != NULL && slash != p) {
		*slash = '\0';
		if (shown(r, t, n, p))
			return p;
	}
	return "/";
}

const char *
route_form_page(struct req *r, const struct route *t, size_t n)
{
	return shown(r, t, n, r->path) ? r->path : form_page(r, t, n);
}

void
route_dispatch(struct req *r, const struct route *t, size_t n)
{
	size_t i;
	int path_known = 0;
	const char *method = strcmp(r->method, "HEAD") == 0 ? "GET" :
	    r->method;

	for (i = 0; i < n; i++) {
		if (!route_match(t[i].pattern, r->path, r))
			continue;
		path_known = 1;
		if (strcmp(t[i].method, method) != 0)
			continue;
		if ((t[i].flags & (ROUTE_USER | ROUTE_ADMIN)) &&
		    r->user.id == 0 && !r->sess_own)
			return route_to_login(r);
		if ((t[i].flags & ROUTE_ADMIN) && !r->user.admin)
			return page_error_msg(r, 403, "This page is for the "
			    "site's administrators. If you need it (to create "
			    "a programme, say), ask one of them.");
		t[i].fn(r);
		return;
	}
	/*
	 * A reload or a shared address of a form's target (SPEC 9): back to
	 * the page with the form, never a 405 page.
	 */
	if (path_known && strcmp(method, "GET") == 0)
		resp_redirect(r, form_page(r, t, n));
	else if (path_known) {
		resp_header(r, "Allow", "GET, HEAD, POST");
		page_error(r, 405);
	} else
		page_error(r, 404);
}
