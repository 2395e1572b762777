/*
 * db: a transaction that ends under db_tx_run's feet without an error
 * (as a Galera abort once did, lib/db.c tx_gone) is never taken for
 * committed: the next statement fails, the whole runs again, and only
 * the second run's COMMIT answers 0. A MariaDB is needed:
 * tests/integration/check_db_tx.sh runs this against the test stack's
 * (MENTEO_DB_TX=1); in the unit tests' pass it says it has nothing to
 * run. lib/db.c is included to reach its connection: the transaction
 * is ended behind the library's back by a COMMIT on it, where Galera's
 * abort would have rolled it back.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../../lib/db.c"
#include "req.h"

static struct req *rq;

struct tries {
	int	 n;		/* runs of the body */
	int	 end_on;	/* the run that ends its transaction itself */
	long long after;	/* what the statement after the end answered */
};

static int
body(struct req *r, void *arg)
{
	struct tries *t = arg;

	t->n++;
	if (db_exec(r, "DO 1", "") < 0)
		return -1;
	if (t->n == t->end_on) {
		if (mysql_query(conn, "COMMIT") != 0)	/* gone, silently */
			return -1;
		t->after = db_exec(r, "DO 2", "");
		return t->after < 0 ? -1 : 0;
	}
	return db_value(r, "SELECT @@in_transaction", "") != NULL ? 0 : -1;
}

static void
ended_unseen_runs_again(void **state)
{
	struct tries t = { 0, 1, 0 };

	(void)state;
	req_reset(rq);
	assert_int_equal(db_tx_run(rq, body, &t), 0);
	assert_int_equal(t.n, 2);	/* the lost run was seen, and redone */
	assert_int_equal(t.after, -1);
	assert_int_equal(rq->db_failed, 0);
}

static void
whole_runs_once(void **state)
{
	struct tries t = { 0, 0, 0 };

	(void)state;
	req_reset(rq);
	assert_int_equal(db_tx_run(rq, body, &t), 0);
	assert_int_equal(t.n, 1);
}

/* Outside db_tx_run: the same end fails the request, not runs again. */
static void
ended_unseen_outside_run(void **state)
{
	struct tries t = { 0, 1, 0 };

	(void)state;
	req_reset(rq);
	assert_int_equal(db_begin(rq), 0);
	assert_int_equal(body(rq, &t), -1);
	assert_int_equal(rq->db_failed, 1);
	db_rollback(rq);
}

/*
 * A COMMIT whose answer never came (a Galera node that stalled past
 * db_read_timeout): the link is killed before it. Whether it held is
 * unknown, so db_tx_run stops; db_tx_run_keyed, for work a key decides,
 * runs the body again on a new link.
 */
static int
killed_body(struct req *r, void *arg)
{
	struct tries *t = arg;
	char q[64];

	t->n++;
	if (db_exec(r, "DO 1", "") < 0)
		return -1;
	if (t->n == t->end_on) {
		snprintf(q, sizeof(q), "KILL %lu", mysql_thread_id(conn));
		(void)mysql_query(conn, q);	/* its own link, gone */
	}
	return 0;
}

static void
lost_commit_stops(void **state)
{
	struct tries t = { 0, 1, 0 };

	(void)state;
	req_reset(rq);
	assert_int_equal(db_tx_run(rq, killed_body, &t), -1);
	assert_int_equal(t.n, 1);
	assert_int_equal(rq->db_failed, 1);
}

static void
lost_commit_keyed_runs_again(void **state)
{
	struct tries t = { 0, 1, 0 };

	(void)state;
	req_reset(rq);
	assert_int_equal(db_tx_run_keyed(rq, killed_body, &t), 0);
	assert_int_equal(t.n, 2);
	assert_int_equal(rq->db_failed, 0);
	assert_int_equal(rq->tx_keyed, 0);
}

/*
 * Work that keeps meeting others: every run up to the seventh is ended
 * under it. A person's request gives up after DB_TX_TRIES runs; keyed
 * work (a notifier's, on a Galera node beside two others walking the
 * same keys) goes on to the eighth, which commits.
 */
static int
ends_body(struct req *r, void *arg)
{
	struct tries *t = arg;

	t->n++;
	if (db_exec(r, "DO 1", "") < 0)
		return -1;
	if (t->n <= t->end_on && mysql_query(conn, "COMMIT") != 0)
		return -1;
	return db_exec(r, "DO 2", "") < 0 ? -1 : 0;
}

static void
met_often_gives_up(void **state)
{
	struct tries t = { 0, 7, 0 };

	(void)state;
	req_reset(rq);
	assert_int_equal(db_tx_run(rq, ends_body, &t), -1);
	assert_int_equal(t.n, DB_TX_TRIES);
	assert_int_equal(rq->db_failed, 1);
	/* what the log's giving up names: where the last run was stopped */
	assert_non_null(strstr(conflict, "DO 2"));
}

static void
met_often_keyed_goes_on(void **state)
{
	struct tries t = { 0, 7, 0 };

	(void)state;
	req_reset(rq);
	assert_int_equal(db_tx_run_keyed(rq, ends_body, &t), 0);
	assert_int_equal(t.n, 8);
	assert_int_equal(rq->db_failed, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(whole_runs_once),
		cmocka_unit_test(ended_unseen_runs_again),
		cmocka_unit_test(ended_unseen_outside_run),
		cmocka_unit_test(lost_commit_stops),
		cmocka_unit_test(lost_commit_keyed_runs_again),
		cmocka_unit_test(met_often_gives_up),
		cmocka_unit_test(met_often_keyed_goes_on),
	};
	int rc;

	if (getenv("MENTEO_DB_TX") == NULL) {
		puts("1..0 # SKIP needs a database: check_db_tx.sh");
		return 0;
	}
	if (cfg_load(NULL) == -1)
		return 1;
	if ((rq = req_offline_new()) == NULL)
		return 1;
	rc = cmocka_run_group_tests_name("db_tx", tests, NULL, NULL);
	req_offline_free(rq);
	db_close();
	return rc;
}
