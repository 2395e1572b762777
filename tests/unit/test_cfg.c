/*
 * The configuration file (key = value, comments, blank lines) and the
 * MENTEO_KEY environment overrides.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "cfg.h"

static char path[64];

static void
write_file(const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static int
setup(void **state)
{
	int fd;

	(void)state;
	snprintf(path, sizeof(path), "/tmp/menteo-cfg-XXXXXX");
	if ((fd = mkstemp(path)) == -1)
		return -1;
	close(fd);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	cfg_free();
	unlink(path);
	return 0;
}

static void
test_cfg_file(void **state)
{
	static const struct {
		const char	*key;
		const char	*val;	/* NULL: absent, default returned */
	} want[] = {
		{ "base_url", "http://127.0.0.1:8080" },
		{ "db_name", "menteo" },
		{ "spaced", "a value with = inside" },
		{ "empty", "" },
		{ "tabbed", "x" },
		{ "later", "second" },		/* the last line wins */
		{ "# not", NULL },
		{ "commented", NULL },
		{ "missing", NULL },
	};
	size_t i;

	(void)state;
	write_file("# a comment\n"
	    "\n"
	    "   \n"
	    "base_url = http://127.0.0.1:8080\n"
	    "db_name=menteo\n"
	    "  spaced   =   a value with = inside   \n"
	    "empty =\n"
	    "\ttabbed\t=\tx\t\n"
	    "later = first\n"
	    "later = second\n"
	    "  # commented = yes\n"
	    "processes = 4\n"
	    "negative = -3\n"
	    "notnum = 12abc\n"
	    "big = 99999999999999999999\n");
	assert_int_equal(cfg_load(path), 0);
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		const char *v = cfg_str(want[i].key, "DEFAULT");
		const char *w = want[i].val ? want[i].val : "DEFAULT";
		if (strcmp(v, w) != 0)
			fail_msg("%s = \"%s\", want \"%s\"", want[i].key, v, w);
	}
	assert_int_equal(cfg_int("processes", 2), 4);
	assert_int_equal(cfg_int("negative", 0), -3);
	assert_int_equal(cfg_int("notnum", 7), 7);
	assert_int_equal(cfg_int("big", 8), 8);
	assert_int_equal(cfg_int("empty", 9), 9);
	assert_int_equal(cfg_int("missing", 10), 10);
}

static void
test_cfg_env(void **state)
{
	(void)state;
	write_file("db_socket = /file/sock\nprocesses = 2\n");
	assert_int_equal(cfg_load(path), 0);
	assert_string_equal(cfg_str("db_socket", NULL), "/file/sock");
	setenv("MENTEO_DB_SOCKET", "/env/sock", 1);
	setenv("MENTEO_PROCESSES", "6", 1);
	setenv("MENTEO_ONLY_ENV", "yes", 1);
	assert_string_equal(cfg_str("db_socket", NULL), "/env/sock");
	assert_int_equal(cfg_int("processes", 1), 6);
	assert_string_equal(cfg_str("only_env", NULL), "yes");
	unsetenv("MENTEO_DB_SOCKET");
	unsetenv("MENTEO_PROCESSES");
	unsetenv("MENTEO_ONLY_ENV");
	assert_string_equal(cfg_str("db_socket", NULL), "/file/sock");
	assert_null(cfg_str("only_env", NULL));
}

static void
test_cfg_errors(void **state)
{
	(void)state;
	assert_int_equal(cfg_load("/nonexistent/menteo.conf"), -1);
	write_file("good = 1\nthis line has no equals sign\nafter = 2\n");
	assert_int_equal(cfg_load(path), -1);	/* reported, */
	assert_string_equal(cfg_str("good", NULL), "1");	/* the rest read */
	assert_string_equal(cfg_str("after", NULL), "2");
	cfg_free();
	assert_null(cfg_str("good", NULL));
	/* MENTEO_CONF names the file when none is given */
	write_file("from_env_file = ok\n");
	setenv("MENTEO_CONF", path, 1);
	assert_int_equal(cfg_load(NULL), 0);
	unsetenv("MENTEO_CONF");
	assert_string_equal(cfg_str("from_env_file", NULL), "ok");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_cfg_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cfg_env, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cfg_errors, setup,
		    teardown),
	};

	return cmocka_run_group_tests_name("cfg", tests, NULL, NULL);
}
