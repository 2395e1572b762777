/*
 * app: the request loop every cgi-bin program runs. It reads the config,
 * connects, then for each request: parse, load the session, check CSRF
 * on POST, dispatch through the route table, send, free.
 */
#ifndef MENTEO_APP_H
#define MENTEO_APP_H

#include <stddef.h>

#include "route.h"

/*
 * `program --routes` prints "name METHOD pattern" for each route and
 * exits: the build makes the web servers' URL maps from it (conf/routes.sh).
 * `program --kept` prints its kept things (APP_MAIN_KEPT below).
 */
int	app_main(int argc, char *argv[], const char *name,
	    const struct route *, size_t);

/* Process start-up shared with bin/ programs: config, sodium, templates. */
int	app_setup(const char *name);

#define APP_MAIN(name, routes) \
	int main(int argc, char *argv[]) { \
		return app_main(argc, argv, (name), (routes), \
		    sizeof(routes) / sizeof((routes)[0])); \
	}

/*
 * The kept things of a program that keeps results (lib/kept.h), NULL
 * terminated: `program --kept` prints "name kept version watch..." for
 * each, as --routes prints its routes, for the tests of the triggers.
 */
struct kept_def;
extern const struct kept_def *const	*app_kept;

#define APP_MAIN_KEPT(name, routes, kept) \
	int main(int argc, char *argv[]) { \
		app_kept = (kept); \
		return app_main(argc, argv, (name), (routes), \
		    sizeof(routes) / sizeof((routes)[0])); \
	}

#endif
