/*
 * stage: the stage lists and the transition table, side by side with
 * what they must answer; and sql/120's triggers, whose stage lists must
 * be the one definition in lib/mship.h (STAGES_CAPACITY).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "mship.h"
#include "stage.h"

static void
test_stage_lists(void **state)
{
	static const struct {
		const char	*stage;
		int		 open, active, capacity;
	} t[] = {
		{ "requested",		1, 0, 0 },
		{ "initiation",		1, 1, 1 },
		{ "cultivation",	1, 1, 1 },
		{ "separation",		1, 1, 1 },
		{ "redefinition",	1, 1, 0 },
		{ "declined",		0, 0, 0 },
		{ "withdrawn",		0, 0, 0 },
		{ "expired",		0, 0, 0 },
		{ "ended",		0, 0, 0 },
		{ "initiatio",		1, 0, 0 },	/* a part is no name */
		{ "cultivation'",	1, 0, 0 },
		{ "",			1, 0, 0 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		assert_int_equal(mship_stage_open(t[i].stage), t[i].open);
		assert_int_equal(mship_stage_in(STAGES_ACTIVE, t[i].stage),
		    t[i].active);
		assert_int_equal(stage_counts_capacity(t[i].stage),
		    t[i].capacity);
		assert_int_equal(mship_stage_in(STAGES_OPEN, t[i].stage),
		    t[i].open && *t[i].stage != '\0' &&
		    strcmp(t[i].stage, "initiatio") != 0 &&
		    strcmp(t[i].stage, "cultivation'") != 0);
	}
}

static void
test_stage_rules(void **state)
{
	static const char *const open[] = { "requested", "initiation",
		"cultivation", "separation", "redefinition" };
	const struct stage_rule *rl;
	struct req r;
	struct mship m;
	size_t i;

	(void)state;
	memset(&r, 0, sizeof(r));
	memset(&m, 0, sizeof(m));
	m.mentor_id = 1;
	m.mentee_id = 2;
	r.user.id = 1;
	/* an admin and a deletion end from every open stage, nothing else */
	for (i = 0; i < 5; i++) {
		rl = stage_rule_find(open[i], "ended", STAGE_ADMIN);
		assert_non_null(rl);
		assert_int_equal(rl->who, STAGE_ADMIN);
		assert_false(stage_actor_ok(&r, &m, rl));
		rl = stage_rule_find(open[i], "ended", STAGE_DELETION);
		assert_non_null(rl);
		assert_int_equal(rl->who, STAGE_DELETION);
		assert_null(stage_rule_find(open[i], "cultivation",
		    STAGE_ADMIN));
	}
	assert_null(stage_rule_find("ended", "ended", STAGE_ADMIN));
	/* a party ends by their own rule, never the admin's */
	rl = stage_rule_find("cultivation", "ended", STAGE_EITHER);
	assert_non_null(rl);
	assert_int_equal(rl->who, STAGE_EITHER);
	assert_true(stage_actor_ok(&r, &m, rl));
	assert_null(stage_rule_find("requested", "ended", STAGE_EITHER));
	rl = stage_rule_find("requested", "initiation", STAGE_EITHER);
	assert_non_null(rl);
	assert_true(stage_actor_ok(&r, &m, rl));	/* the mentor */
	r.user.id = 2;
	assert_false(stage_actor_ok(&r, &m, rl));
	r.user.id = 0;
	rl = stage_rule_find("requested", "expired", STAGE_EITHER);
	assert_non_null(rl);
	assert_true(stage_actor_ok(&r, &m, rl));
	assert_null(stage_rule_find("redefinition", "separation",
	    STAGE_EITHER));
}

/* Every "IN (...)" list of sql/120 is STAGES_CAPACITY, spaces aside. */
static void
test_stage_sql_lists(void **state)
{
	char buf[16384], list[256];
	const char *p, *e;
	size_t n, k, found = 0;
	FILE *f;

	(void)state;
	f = fopen("sql/120_stage_lists.sql", "r");
	assert_non_null(f);
	n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = '\0';
	for (p = buf; (p = strstr(p, "IN (")) != NULL; p = e) {
		p += 4;
		e = strchr(p, ')');
		assert_non_null(e);
		for (k = 0; p < e && k < sizeof(list) - 1; p++)
			if (*p != ' ')
				list[k++] = *p;
		list[k] = '\0';
		assert_string_equal(list, STAGES_CAPACITY);
		found++;
	}
	assert_int_equal(found, 4);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stage_lists),
		cmocka_unit_test(test_stage_rules),
		cmocka_unit_test(test_stage_sql_lists),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
