/*
 * Route patterns: literal segments, {id} (a positive number without
 * leading zeros that fits in a long long), {name} (letters, digits, '-',
 * '_'), and a literal suffix after a capture ("/threads/{id}.atom").
 * Then the dispatcher: handler, 404, 405, HEAD as GET, sign-in redirect.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "req.h"
#include "route.h"
#include "tmpl.h"

struct rcase {
	const char	*pattern;
	const char	*path;
	int		 match;
	size_t		 nargs;
	long long	 id0, id1;	/* r->id[0], r->id[1] */
	const char	*arg0;		/* r->arg[0] when not NULL */
};

static const struct rcase cases[] = {
	/* literals */
	{ "/", "/", 1, 0, 0, 0, NULL },
	{ "/", "", 0, 0, 0, 0, NULL },
	{ "/", "/x", 0, 0, 0, 0, NULL },
	{ "/health", "/health", 1, 0, 0, 0, NULL },
	{ "/health", "/health/", 0, 0, 0, 0, NULL },
	{ "/health", "/healt", 0, 0, 0, 0, NULL },
	{ "/health", "/healthz", 0, 0, 0, 0, NULL },
	{ "/health", "/HEALTH", 0, 0, 0, 0, NULL },
	{ "/rooms", "/rooms", 1, 0, 0, 0, NULL },
	/* {id} */
	{ "/rooms/{id}", "/rooms/1", 1, 1, 1, 0, "1" },
	{ "/rooms/{id}", "/rooms/12", 1, 1, 12, 0, "12" },
	{ "/rooms/{id}", "/rooms/9223372036854775807", 1, 1, INT64_MAX, 0,
	    NULL },
	{ "/rooms/{id}", "/rooms/9223372036854775808", 0, 0, 0, 0, NULL },
	{ "/rooms/{id}", "/rooms/99999999999999999999999", 0, 0, 0, 0, NULL },
	{ "/rooms/{id}", "/rooms/0", 0, 0, 0, 0, NULL },
	{ "/rooms/{id}", "/rooms/00", 0, 0, 0, 0, NULL },
	{ "/rooms/{id}", "/rooms/012", 0, 0, 0, 0, NULL },
	{ "/rooms/{id}", "/rooms/-1", 0, 0, 0, 0, NULL },
	{ "/rooms/{id}", "/rooms/+1", 0, 0, 0, 0, NULL },
	{ "/rooms/{id}", "/rooms/1a", 0, 0, 0, 0, NULL },
	{ "/rooms/{id}", "/rooms/a1", 0, 0, 0, 0, NULL },
	{ "/rooms/{id}", "/rooms/1.5", 0, 0, 0, 0, NULL },
	{ "/rooms/{id}", "/rooms/ 1", 0, 0, 0, 0, NULL },
	{ "/rooms/{id}", "/rooms/", 0, 0, 0, 0, NULL },
	{ "/rooms/{id}", "/rooms", 0, 0, 0, 0, NULL },
	{ "/rooms/{id}", "/rooms/1/", 0, 0, 0, 0, NULL },
	{ "/rooms/{id}", "/rooms/1/x", 0, 0, 0, 0, NULL },
	{ "/rooms/{id}/messages", "/rooms/7/messages", 1, 1, 7, 0, NULL },
	{ "/rooms/{id}/messages", "/rooms/7/message", 0, 0, 0, 0, NULL },
	{ "/rooms/{id}/messages", "/rooms/7/messagesx", 0, 0, 0, 0, NULL },
	{ "/rooms/{id}/messages", "/rooms//messages", 0, 0, 0, 0, NULL },
	{ "/a/{id}/b/{id}", "/a/3/b/44", 1, 2, 3, 44, NULL },
	{ "/a/{id}/b/{id}", "/a/3/b/0", 0, 0, 0, 0, NULL },
	/* suffix after a capture */
	{ "/threads/{id}.atom", "/threads/5.atom", 1, 1, 5, 0, "5" },
	{ "/threads/{id}.atom", "/threads/5", 0, 0, 0, 0, NULL },
	{ "/threads/{id}.atom", "/threads/5.ato", 0, 0, 0, 0, NULL },
	{ "/threads/{id}.atom", "/threads/5.atomx", 0, 0, 0, 0, NULL },
	{ "/threads/{id}.atom", "/threads/5.rss", 0, 0, 0, 0, NULL },
	{ "/threads/{id}.atom", "/threads/.atom", 0, 0, 0, 0, NULL },
	{ "/threads/{id}.atom", "/threads/0.atom", 0, 0, 0, 0, NULL },
	{ "/threads/{id}.atom", "/threads/05.atom", 0, 0, 0, 0, NULL },
	{ "/threads/{id}", "/threads/5.atom", 0, 0, 0, 0, NULL },
	{ "/calendar/{secret}.ics", "/calendar/ab12-x_Y.ics", 1, 1, 0, 0,
	    "ab12-x_Y" },
	{ "/calendar/{secret}.ics", "/calendar/ab.cd.ics", 0, 0, 0, 0, NULL },
	/* {name} */
	{ "/people/{slug}", "/people/ada-lovelace", 1, 1, 0, 0,
	    "ada-lovelace" },
	{ "/people/{slug}", "/people/Ada_99", 1, 1, 0, 0, "Ada_99" },
	{ "/people/{slug}", "/people/0", 1, 1, 0, 0, "0" },
	{ "/people/{slug}", "/people/", 0, 0, 0, 0, NULL },
	{ "/people/{slug}", "/people/a b", 0, 0, 0, 0, NULL },
	{ "/people/{slug}", "/people/a.b", 0, 0, 0, 0, NULL },
	{ "/people/{slug}", "/people/a%20b", 0, 0, 0, 0, NULL },
	{ "/people/{slug}", "/people/\xc3\xa9", 0, 0, 0, 0, NULL },
	{ "/people/{slug}", "/people/a/b", 0, 0, 0, 0, NULL },
	{ "/people/{slug}", "/people/..", 0, 0, 0, 0, NULL },
};

static void
test_route_match(void **state)
{
	struct req *r = req_offline_new();
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct rcase *c = &cases[i];
		int m = route_match(c->pattern, c->path, r);

		if (m != c->match)
			fail_msg("case %zu %s vs %s: %d, want %d", i,
			    c->pattern, c->path, m, c->match);
		if (!m)
			continue;
		if (r->nargs != c->nargs)
			fail_msg("case %zu: %zu captures", i, r->nargs);
		if (c->nargs > 0 && r->id[0] != c->id0)
			fail_msg("case %zu: id[0] %lld", i, r->id[0]);
		if (c->nargs > 1 && r->id[1] != c->id1)
			fail_msg("case %zu: id[1] %lld", i, r->id[1]);
		if (c->arg0 != NULL && strcmp(r->arg[0], c->arg0) != 0)
			fail_msg("case %zu: arg[0] %s", i, r->arg[0]);
	}
	req_offline_free(r);
}

static int	called;

static void
h_show(struct req *r)
{
	called = 1;
	r->status = 299;
}

static void
h_post(struct req *r)
{
	called = 2;
	r->status = 298;
}

static const struct route table[] = {
	{ "GET",	"/",			h_show,	0 },
	{ "GET",	"/rooms/{id}",		h_show,	0 },
	{ "POST",	"/rooms/{id}/messages",	h_post,	ROUTE_USER },
	{ "GET",	"/admin",		h_show,	ROUTE_ADMIN },
	{ "GET",	"/threads/{id}.atom",	h_show,	0 },
	{ "POST",	"/rooms/{id}/messages/{id}", h_post, ROUTE_USER },
	{ "POST",	"/logout",		h_post,	0 },
};
#define NTABLE	(sizeof(table) / sizeof(table[0]))

struct dcase {
	const char	*method;
	const char	*path;
	long long	 user;		/* 0 anonymous */
	int		 admin;
	int		 called;	/* which handler ran, 0 none */
	int		 status;
	int		 find;		/* route_find's answer */
};

static const struct dcase dcases[] = {
	{ "GET", "/", 0, 0, 1, 299, 0 },
	{ "HEAD", "/", 0, 0, 1, 299, 0 },
	{ "GET", "/rooms/3", 0, 0, 1, 299, 1 },
	{ "GET", "/rooms/03", 0, 0, 0, 404, -1 },
	{ "GET", "/nowhere", 0, 0, 0, 404, -1 },
	{ "POST", "/nowhere", 0, 0, 0, 404, -1 },
	{ "DELETE", "/", 0, 0, 0, 405, -1 },
	{ "POST", "/", 0, 0, 0, 405, -1 },
	{ "PUT", "/rooms/3", 0, 0, 0, 405, -1 },
	/* a reload of a form's target: to the page above it, else home */
	{ "GET", "/rooms/3/messages", 1, 0, 0, 303, -1 },
	{ "HEAD", "/rooms/3/messages", 0, 0, 0, 303, -1 },
	{ "GET", "/rooms/3/messages/4", 1, 0, 0, 303, -1 },
	{ "GET", "/logout", 1, 0, 0, 303, -1 },
	{ "POST", "/rooms/3/messages", 0, 0, 0, 303, 2 },	/* to /login */
	{ "POST", "/rooms/3/messages", 7, 0, 2, 298, 2 },
	{ "GET", "/admin", 0, 0, 0, 303, 3 },
	{ "GET", "/admin", 7, 0, 0, 403, 3 },
	{ "GET", "/admin", 7, 1, 1, 299, 3 },
	{ "GET", "/threads/4.atom", 0, 0, 1, 299, 4 },
	{ "GET", "/threads/4.json", 0, 0, 0, 404, -1 },
};

static int templates;

static void
test_route_dispatch(void **state)
{
	struct req *r = req_offline_new();
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(dcases) / sizeof(dcases[0]); i++) {
		const struct dcase *c = &dcases[i];

		req_reset(r);
		r->method = c->method;
		r->path = c->path;
		r->user.id = c->user;
		r->user.admin = c->admin;
		if (route_find(r, table, NTABLE) != c->find)
			fail_msg("case %zu %s %s: route_find %d", i, c->method,
			    c->path, route_find(r, table, NTABLE));
		if (!templates && c->status >= 400)
			continue;	/* error pages need the templates */
		called = 0;
		route_dispatch(r, table, NTABLE);
		if (called != c->called || r->status != c->status)
			fail_msg("case %zu %s %s: handler %d status %d, want "
			    "%d %d", i, c->method, c->path, called, r->status,
			    c->called, c->status);
		if (c->status == 405 && (r->headers.p == NULL ||
		    strstr(r->headers.p, "Allow: ") == NULL))
			fail_msg("case %zu: 405 without Allow", i);
	}
	req_offline_free(r);
}

/* A GET on a POST-only path goes where its form is. */
static void
test_route_form_page(void **state)
{
	static const struct { const char *path, *location; } fc[] = {
		{ "/rooms/3/messages", "/rooms/3" },
		{ "/rooms/3/messages/4", "/rooms/3" },
		{ "/logout", "/" },
	};
	struct req *r = req_offline_new();
	char want[64];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(fc) / sizeof(fc[0]); i++) {
		req_reset(r);
		r->method = "GET";
		r->path = fc[i].path;
		route_dispatch(r, table, NTABLE);
		snprintf(want, sizeof(want), "Location: %s\r\n",
		    fc[i].location);
		if (r->status != 303 || strstr(r->headers.p, want) == NULL)
			fail_msg("%s: %d %s", fc[i].path, r->status,
			    r->headers.p);
	}
	req_offline_free(r);
}

/* The sign-in redirect keeps where the person was going, encoded. */
static void
test_route_login_next(void **state)
{
	struct req *r = req_offline_new();

	(void)state;
	r->method = "GET";
	r->path = "/admin";
	r->query_string = "a=1&b=x y";
	route_dispatch(r, table, NTABLE);
	assert_int_equal(r->status, 303);
	assert_non_null(strstr(r->headers.p,
	    "Location: /login?next=/admin%3Fa%3D1%26b%3Dx%20y\r\n"));
	req_offline_free(r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_route_match),
		cmocka_unit_test(test_route_dispatch),
		cmocka_unit_test(test_route_login_next),
		cmocka_unit_test(test_route_form_page),
	};

	/* run from the source tree (tests/run.sh does) for the error pages */
	templates = access("templates/error.tpl", R_OK) == 0 &&
	    tmpl_init("templates") == 0;
	return cmocka_run_group_tests_name("route", tests, NULL, NULL);
}
