/*
 * menteo-notify: sends the outbox. Run by the service manager as
 * `menteo-notify --loop 30`; `--once` for cron; `--test-mail ADDRESS`
 * to check the SMTP settings; `--status` says whether a notifier runs.
 * Exit codes: 0 done, 1 failed, 2 usage.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <curl/curl.h>

#include "app.h"
#include "cfg.h"
#include "db.h"
#include "log.h"
#include "mail.h"
#include "once.h"
#include "remind.h"
#include "req.h"
#include "sess.h"
#include "survey.h"
#include "tmpl.h"
#include "version.h"	/* MENTEO_VERSION, made by the Makefile */

#define BATCH	50

static volatile sig_atomic_t stopping;

static void
on_term(int sig)
{
	(void)sig;
	stopping = 1;
}

static void
usage(FILE *f)
{
	fputs("usage: menteo-notify [--now 'YYYY-MM-DD HH:MM:SS'] --once | "
	    "--loop SECONDS | --test-mail ADDRESS | --status | --check-config "
	    "| --version | --help\n"
	    "  --now TIME           run as if it were TIME (UTC), for tests\n"
	    "  --once               send the mail that is due, then exit\n"
	    "  --loop SECONDS       do so every SECONDS until SIGTERM\n"
	    "  --test-mail ADDRESS  queue one test message and send only it, now\n"
	    "  --status             say when each host's notifier last worked\n"
	    "                       (exit 1: mail waits for one stopped or\n"
	    "                       never started)\n"
	    "  --check-config       say whether the secret may be used\n"
	    "  --version            say which Menteo this is\n"
	    "Configuration: $MENTEO_CONF (default /etc/menteo/menteo.conf).\n"
	    "Exit codes: 0 done, 1 failed, 2 usage.\n", f);
}

/*
 * Reminder scan: queues the mail that time alone causes (deadlines,
 * digests, surveys that are due), and forgets one-time form keys older
 * than a day (once.h).
 * Kept as its own step so it can grow without touching the sending.
 * Returns -1 when the database failed.
 */
static int
scan(struct req *r)
{
	int rc = remind_scan(r);

	if (survey_scan(r) == -1)
		rc = -1;
	return once_prune(r) == -1 ? -1 : rc;
}

/*
 * The notifier's word that it is at work (sql/403): after a pass's scan
 * and after each batch it sent, so that a long queue on a slow server is
 * not taken for a notifier that stopped, and one whose every step fails
 * (a schema behind its code) is. `every` the loop's seconds, 0
 * for --once, -1 not said (a run at another time, --now, is a test's).
 * Its failure is not the pass's: the mail still goes.
 */
static void
at_work(struct req *r, long long every)
{
	if (every >= 0)
		(void)mail_notifier_passed(r, every);
	req_reset(r);
}

/* One pass: scan, then send everything due. -1 on a database failure. */
static int
pass(struct req *r, long long every)
{
	int n = 0, total = 0, rc = 0;

	if (scan(r) == -1)
		rc = -1;
	if (rc == 0)
		at_work(r, every);
	req_reset(r);
	while (!stopping && (n = mail_send_due(r, BATCH)) > 0) {
		total += n;
		at_work(r, every);
	}
	if (n == -1 || r->db_failed)
		rc = -1;
	if (r->in_tx)
		db_rollback(r);
	req_reset(r);
	return rc == -1 ? -1 : total;
}

static int
run_loop(struct req *r, long long secs, long long every)
{
	struct sigaction sa;
	long long i;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_term;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	log_info("notifier: every %lld s", secs);
	while (!stopping) {
		if (pass(r, every) == -1)
			log_err("notifier: database failure; retrying");
		for (i = 0; i < secs * 10 && !stopping; i++)
			usleep(100 * 1000);
	}
	log_info("notifier: stopping");
	return 0;
}

static int
test_mail(struct req *r, const char *to)
{
	struct tdict *d = tmpl_dict_new("mail");
	struct db_rows *q = NULL;
	const char *status = NULL, *err;
	long long id;
	int rc, i;

	if (strchr(to, '@') == NULL || strpbrk(to, "\r\n<> ") != NULL) {
		fprintf(stderr, "menteo-notify: not an e-mail address: %s\n", to);
		tmpl_dict_free(d);
		return 2;
	}
	if (db_begin(r) == -1 || (rc = mail_queue(r, "test", 0, to,
	    "Menteo test message", "mail/test", d, NULL)) != MAIL_QUEUED ||
	    (q = db_query(r, "SELECT LAST_INSERT_ID() AS id", "")) == NULL ||
	    db_commit(r) == -1) {
		tmpl_dict_free(d);
		fprintf(stderr, "menteo-notify: could not queue the message\n");
		return 1;
	}
	tmpl_dict_free(d);
	id = db_get_int(q, 0, "id");
	req_reset(r);
	(void)mail_send_queued(r, id);
	/* a running notifier may have claimed it first: wait for its word */
	for (i = 0; i < 60; i++) {
		req_reset(r);
		status = db_value(r, "SELECT IF(status = 'queued' AND "
		    "last_error IS NULL, 'wait', status) FROM outbox WHERE id = ?",
		    "i", id);
		if (status == NULL || strcmp(status, "wait") != 0)
			break;
		usleep(500 * 1000);
	}
	if (status != NULL && strcmp(status, "sent") == 0) {
		printf("test message sent to %s\n", to);
		return 0;
	}
	err = db_value(r, "SELECT last_error FROM outbox WHERE id = ?", "i",
	    id);
	fprintf(stderr, "menteo-notify: not sent: %s\n", err != NULL ? err :
	    "unknown reason");
	return 1;
}

/*
 * No notifier has ever passed: said, not failed, on a fresh install (the
 * notifier starts after the first check), unless mail has waited ten
 * minutes already (a timer never enabled).
 */
static int
never_ran(struct req *r)
{
	const char *since = db_value(r, "SELECT MIN(created_at) FROM outbox "
	    "WHERE status = 'queued' AND created_at < UTC_TIMESTAMP() - "
	    "INTERVAL 10 MINUTE", "");

	if (r->db_failed) {
		fprintf(stderr, "notifier: the database did not answer\n");
		return 1;
	}
	if (since == NULL) {
		printf("notifier: none has run yet (mail is sent once "
		    "menteo-notify runs: its timer or service)\n");
		return 0;
	}
	fprintf(stderr, "notifier: none has ever run, and mail has waited "
	    "since %s UTC (start menteo-notify: its timer or service)\n",
	    since);
	return 1;
}

/*
 * For menteo-admin check: when each host's notifier last passed. Some,
 * but none live, fails: mail waits in the outbox.
 */
static int
status(struct req *r)
{
	struct db_rows *rows;
	size_t i, live = 0;

	rows = db_query(r, "SELECT host, every_seconds, passed_at, "
	    MAIL_NOTIFIER_LIVE " AS live, (SELECT COUNT(*) FROM outbox WHERE "
	    "status = 'queued') AS queued FROM notifier_passes "
	    "ORDER BY passed_at DESC", "");
	if (rows == NULL) {
		fprintf(stderr, "notifier: the database did not answer\n");
		return 1;
	}
	if (rows->nrows == 0)
		return never_ran(r);
	for (i = 0; i < rows->nrows; i++) {
		live += db_get_int(rows, i, "live") == 1;
		printf("notifier: %s passed at %s UTC (%s)\n",
		    db_get(rows, i, "host"), db_get(rows, i, "passed_at"),
		    db_get_int(rows, i, "every_seconds") == 0 ? "--once" :
		    req_printf(r, "every %s s", db_get(rows, i, "every_seconds")));
	}
	if (live > 0)
		return 0;
	fprintf(stderr, "notifier: none is running (no pass in ten minutes, "
	    "or three of its intervals): %s message(s) wait in the outbox "
	    "(start menteo-notify: its timer or service)\n",
	    db_get(rows, 0, "queued"));
	return 1;
}

int
main(int argc, char *argv[])
{
	struct req *r;
	char *end;
	long long secs = 0;
	int rc, clocked = 0;	/* --now: a test's pass, not the notifier's */

	/* --now TIME first: the database's clock for this run (tests) */
	if (argc >= 3 && strcmp(argv[1], "--now") == 0) {
		int y, mo, d, h, mi, s, n = 0;
		if (strlen(argv[2]) != 19 || sscanf(argv[2],
		    "%4d-%2d-%2d %2d:%2d:%2d%n", &y, &mo, &d, &h, &mi, &s,
		    &n) != 6 || n != 19)
			return usage(stderr), 2;
		if (setenv("MENTEO_CLOCK", argv[2], 1) == -1)
			return 1;
		clocked = 1;
		argv += 2;
		argc -= 2;
	}
	if (argc < 2 || strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0) {
		usage(argc < 2 ? stderr : stdout);
		return argc < 2 ? 2 : 0;
	}
	if (strcmp(argv[1], "--version") == 0 && argc == 2) {
		printf("Menteo %s\n", MENTEO_VERSION);
		return 0;
	}
	/* for menteo-admin check: the rule the programs start by */
	if (strcmp(argv[1], "--check-config") == 0 && argc == 2) {
		const char *why;
		if (cfg_load(NULL) == -1)
			return 1;
		if ((why = sess_secret_problem(cfg_str("secret", NULL))) !=
		    NULL) {
			printf("config: %s\n", why);
			return 1;
		}
		printf("config: the secret is set and not a public one\n");
		return 0;
	}
	/* usage errors first: they need no configuration */
	if (strcmp(argv[1], "--loop") == 0 && argc == 3) {
		secs = strtoll(argv[2], &end, 10);
		if (*argv[2] == '\0' || *end != '\0' || secs < 1 ||
		    secs > 86400)
			return usage(stderr), 2;
	} else if (!(strcmp(argv[1], "--once") == 0 && argc == 2) &&
	    !(strcmp(argv[1], "--status") == 0 && argc == 2) &&
	    !(strcmp(argv[1], "--test-mail") == 0 && argc == 3))
		return usage(stderr), 2;
	if (app_setup("menteo-notify") == -1)
		return 1;
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != 0 ||
	    (r = req_offline_new()) == NULL)
		return 1;
	if (secs > 0)
		rc = run_loop(r, secs, clocked ? -1 : secs);
	else if (strcmp(argv[1], "--once") == 0)
		rc = pass(r, clocked ? -1 : 0) == -1 ? 1 : 0;
	else if (strcmp(argv[1], "--status") == 0)
		rc = status(r);
	else
		rc = test_mail(r, argv[2]);
	req_offline_free(r);
	db_close();
	curl_global_cleanup();
	return rc;
}
