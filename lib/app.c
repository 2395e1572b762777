#ifdef __linux__
#include <sys/prctl.h>
#endif
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <sched.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <signal.h>
#include <stdio.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>

#include <fcgiapp.h>

#include "app.h"
#include "cfg.h"
#include "db.h"
#include "kept.h"
#include "log.h"
#include "once.h"
#include "page.h"
#include "req.h"
#include "resp.h"
#include "sess.h"
#include "tmpl.h"

static volatile sig_atomic_t stopping;

static void
on_term(int sig)
{
	(void)sig;
	stopping = 1;
	/* else libfcgi restarts accept() after EINTR and never returns */
	FCGX_ShutdownPending();
}

int
app_setup(const char *name)
{
	log_set_name(name);
	if (cfg_load(NULL) == -1)
		return -1;
	if (sess_init() == -1)
		return -1;
	if (tmpl_init(cfg_str("template_dir", "templates")) == -1)
		return -1;
	if (db_open() == -1)
		log_err("db: not reachable at start; will retry per request");
	return 0;
}

static void
handle(struct req *r, FCGX_Request *f, const struct route *t, size_t n)
{
	int rc = req_read(r, f, (size_t)cfg_int("body_max", CFG_BODY_MAX)), i;

	/*
	 * Signed in, the person is told so: nothing else was lost. With the
	 * database down, told all the same (signed out), not "try again".
	 */
	if (rc == REQ_ETOOBIG) {
		if (sess_load(r) == -1) {
			r->db_failed = 0;
			memset(&r->user, 0, sizeof(r->user));
		}
		return page_error(r, 413);
	}
	if (rc != 0)
		return page_error(r, 400);
	i = route_find(r, t, n);
	if (i >= 0 && !req_is_post(r) && (t[i].flags & ROUTE_OWN_SESSION))
		r->sess_own = 1;	/* its handler's query loads it */
	else if (sess_load(r) == -1)
		return;			/* db_failed: 503 below */
	/* no route, no handler: a POST to it is a 404 or 405, not a 403 */
	if (req_is_post(r) && i >= 0 && !(t[i].flags & ROUTE_SIGNED) &&
	    !sess_csrf_ok(r))
		return page_error_msg(r, 403, "This form has expired or did "
		    "not come from Menteo. Go back, reload the page and try "
		    "again.");
	if (req_is_post(r) && i >= 0)
		once_read(r);
	route_dispatch(r, t, n);
	if (r->in_tx)
		db_rollback(r);
	/* a reload of a form's answer: back to the page it came from */
	if (once_finish(r) == 409)
		page_error_back(r, 409, "This form was sent already: look at "
		    "the page to see what it did.", route_form_page(r, t, n));
}

/*
 * A worker's work comes in short bursts between waits: for nginx, for
 * MariaDB. Woken by one of them, a normal task often preempts the task
 * that woke it, which was about to wait itself: two task switches where
 * one would do. A SCHED_BATCH task (sched(7)) is never woken into a
 * preemption; it waits for the running task to wait or to use up its
 * slice. The policy is the woken task's, so nginx and MariaDB are given
 * it too (bin/menteo-dev, docs/admin.md). Any process may choose it for
 * itself, and the workers fork with it; `sched_batch = 0` keeps the
 * normal policy. Measured in docs/performance.md, "Task switches".
 */
static void
sched_batch(void)
{
#ifdef SCHED_BATCH
	struct sched_param sp = { .sched_priority = 0 };

	if (cfg_int("sched_batch", 1) &&
	    sched_setscheduler(0, SCHED_BATCH, &sp) == -1)
		log_info("sched_batch: %s; the normal policy stays",
		    strerror(errno));
#endif
}

/*
 * Prefork: the first process keeps the listening socket (fd 0, from
 * spawn-fcgi or systemd) and keeps `processes` workers alive, replacing
 * any that dies within a second. SIGTERM ends the workers, then itself.
 */
static int
supervise(long long nworkers)
{
	pid_t *pids = calloc((size_t)nworkers, sizeof(pid_t));
	long long i;

	if (pids == NULL)
		return -1;
	while (!stopping) {
		for (i = 0; i < nworkers; i++) {
			if (pids[i] != 0)
				continue;
			if ((pids[i] = fork()) == 0) {
				free(pids);
#ifdef __linux__
				/* a supervisor killed outright takes its workers along */
				prctl(PR_SET_PDEATHSIG, SIGTERM);
				if (getppid() == 1)
					_exit(0);
#endif
				return 0;	/* the child serves */
			}
			if (pids[i] < 0) {
				pids[i] = 0;
				sleep(1);
			}
		}
		pid_t dead = wait(NULL);
		for (i = 0; dead > 0 && i < nworkers; i++)
			if (pids[i] == dead) {
				log_err("worker %d ended; starting another",
				    (int)dead);
				pids[i] = 0;
				usleep(200 * 1000);
			}
	}
	for (i = 0; i < nworkers; i++)
		if (pids[i] > 0)
			kill(pids[i], SIGTERM);
	while (wait(NULL) > 0 || errno == EINTR)
		;
	free(pids);
	exit(0);
}

/* The one description of what this program serves (app.h). */
static int
print_routes(const char *name, const struct route *t, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		printf("%s %s %s\n", name, t[i].method, t[i].pattern);
	return fflush(stdout) == 0 ? 0 : 1;
}

const struct kept_def *const *app_kept;

/* What each kept thing depends on (kept.h), one line each. */
static int
print_kept(const char *name)
{
	const struct kept_def *const *k;
	const char *const *w;

	for (k = app_kept; k != NULL && *k != NULL; k++) {
		printf("%s %s %s", name, (*k)->name, (*k)->version);
		for (w = (*k)->watch; *w != NULL; w++)
			printf(" %s", *w);
		printf("\n");
	}
	return fflush(stdout) == 0 ? 0 : 1;
}

/*
 * libfcgi ends a connection with a lingering close: shutdown(2), then
 * it waits until the web server has read the answer and closed its end,
 * three system calls more and a wait before the worker takes the next
 * request. The wait is for input the worker never read: closing on it
 * would reset the connection under the web server. When the request's
 * input has been read to its end (a GET's always is, with its
 * parameters), the connection is closed at once: FCGX_Detach turns the
 * linger off.
 */
static void
app_finish(FCGX_Request *f)
{
	if (FCGX_GetChar(f->in) == EOF)
		FCGX_Detach(f);
	FCGX_Finish_r(f);
}

int
app_main(int argc, char *argv[], const char *name, const struct route *t,
    size_t n)
{
	FCGX_Request f;
	struct req *r;
	struct sigaction sa;
	long long nworkers, mib;
	char key[64];

	if (argc == 2 && strcmp(argv[1], "--routes") == 0)
		return print_routes(name, t, n);
	if (argc == 2 && strcmp(argv[1], "--kept") == 0)
		return print_kept(name);
	if (app_setup(name) == -1)
		return 1;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_term;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	snprintf(key, sizeof(key), "processes_%s", name);
	/* as conf/menteo.conf.example: a worker idles while MariaDB answers */
	nworkers = cfg_int(key, cfg_int("processes", 4));
	/* one cache for the workers forked below; a size out of range: ours */
	mib = cfg_int("kept_mib", KEPT_BYTES >> 20);
	if (kept_open(mib > 0 && mib <= 4096 ? (size_t)mib << 20 : 0) == -1)
		log_err("kept: no cache: every result is read each time");
	sched_batch();
	if (nworkers > 1 && getenv("MENTEO_NO_PREFORK") == NULL) {
		db_close();	/* each worker has its own connection */
		if (supervise(nworkers) == -1)
			return 1;
	}
#ifdef __GLIBC__
	/*
	 * Every request grows the heap by the same few hundred KiB (page
	 * dictionaries, rows, the response) and frees it at the end; by
	 * default glibc hands the top back to the kernel each time and
	 * faults it in again on the next request: two brk calls and a
	 * few hundred page faults per page. Keep it instead; the worker's
	 * size stays what its largest page needs.
	 */
	mallopt(M_TRIM_THRESHOLD, 16 * 1024 * 1024);
	mallopt(M_MMAP_THRESHOLD, 4 * 1024 * 1024);
#endif
	if (FCGX_Init() != 0 || FCGX_InitRequest(&f, 0, 0) != 0 ||
	    (r = req_offline_new()) == NULL)
		return 1;
	while (!stopping && FCGX_Accept_r(&f) >= 0) {
		handle(r, &f, t, n);
		if (r->in_tx)
			db_rollback(r);
		if (r->db_failed) {
			/*
			 * The page is lost, not the worker: 503, the database
			 * is away. A table or column missing is no outage but
			 * code newer than its schema: a 503 would have the
			 * admin look for the wrong thing.
			 */
			int schema = r->db_schema;

			if (schema)
				log_err("%s %s: the database's schema is older "
				    "than this code: run menteo-admin migrate",
				    r->method, r->path);
			r->db_failed = r->db_schema = 0;
			r->headers.len = 0;
			r->user.id = 0;
			page_error(r, schema ? 500 : 503);
			if (!schema)
				resp_header(r, "Retry-After", "30");
		} else if (r->status == 0 && r->body.len == 0) {
			/* a handler that gave up without answering: an empty 200
			 * would tell the person it worked */
			log_err("%s %s: the handler answered nothing; 500",
			    r->method, r->path);
			r->headers.len = 0;	/* a cookie it set goes too */
			page_error(r, 500);
		}
		if (r->page != NULL) {	/* a handler forgot page_send */
			tmpl_dict_free(r->page);
			r->page = NULL;
		}
		resp_send(r);
		app_finish(&f);
		req_reset(r);
	}
	req_offline_free(r);
	db_close();
	cfg_free();
	return 0;
}
