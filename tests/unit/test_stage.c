/*
 * The rules themselves, as tables: the stage machine's transitions and
 * who may make them (docs/stages.md), the stage labels, which stages are
 * open and count against a mentor's capacity, and the shape of a token;
 * the endings by an admin and by a deletion; and sql/120's triggers,
 * whose stage lists must be lib/mship.h's STAGES_CAPACITY.
 * lib/stage.c (and lib/mine.c, the dashboard's list) are included, as
 * lighttpd's test_mod_alias.c includes mod_alias.c, so their static
 * helpers are tested too.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../../lib/mine.c"
#include "../../lib/stage.c"

/* Every stage a mentorship can be in, in the order of docs/stages.md. */
static const char *const stages[] = {
	"requested", "initiation", "cultivation", "separation",
	"redefinition", "declined", "withdrawn", "expired", "ended",
};
#define NSTAGES	(sizeof(stages) / sizeof(stages[0]))

struct move_case {
	const char	*from, *to;
	int		 allowed;
	enum stage_who	 who;		/* when allowed */
	int		 has_cond;	/* when allowed */
};

/* The transitions, allowed and refused side by side. */
static const struct move_case moves[] = {
	{ "requested", "initiation", 1, STAGE_MENTOR, 1 },	/* room */
	{ "requested", "requested", 1, STAGE_EITHER, 1 },	/* question */
	{ "requested", "declined", 1, STAGE_MENTOR, 0 },
	{ "requested", "withdrawn", 1, STAGE_MENTEE, 0 },
	{ "requested", "expired", 1, STAGE_SYSTEM, 0 },
	{ "requested", "cultivation", 0, 0, 0 },
	{ "requested", "ended", 0, 0, 0 },
	{ "initiation", "cultivation", 1, STAGE_EITHER, 1 },	/* agreed */
	{ "initiation", "separation", 0, 0, 0 },
	{ "initiation", "requested", 0, 0, 0 },
	{ "initiation", "declined", 0, 0, 0 },
	{ "cultivation", "separation", 1, STAGE_EITHER, 1 },	/* reviewed */
	{ "cultivation", "redefinition", 0, 0, 0 },
	{ "cultivation", "initiation", 0, 0, 0 },
	{ "separation", "redefinition", 1, STAGE_EITHER, 1 },
	{ "separation", "cultivation", 1, STAGE_EITHER, 1 },	/* new cycle */
	{ "redefinition", "cultivation", 1, STAGE_EITHER, 1 },
	{ "redefinition", "separation", 0, 0, 0 },
	{ "initiation", "ended", 1, STAGE_EITHER, 1 },		/* note */
	{ "cultivation", "ended", 1, STAGE_EITHER, 1 },
	{ "separation", "ended", 1, STAGE_EITHER, 1 },
	{ "redefinition", "ended", 1, STAGE_EITHER, 1 },
	{ "ended", "cultivation", 0, 0, 0 },
	{ "ended", "initiation", 0, 0, 0 },
	{ "declined", "initiation", 0, 0, 0 },
	{ "expired", "requested", 0, 0, 0 },
	{ "withdrawn", "requested", 0, 0, 0 },
	{ "cultivation", "cultivation", 0, 0, 0 },
	{ "cultivation", "nonsense", 0, 0, 0 },
	{ "", "", 0, 0, 0 },
	{ NULL, "ended", 0, 0, 0 },
	{ "cultivation", NULL, 0, 0, 0 },
};

static void
test_stage_moves(void **state)
{
	const struct stage_rule *rl;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(moves) / sizeof(moves[0]); i++) {
		const struct move_case *c = &moves[i];
		rl = stage_rule_find(c->from, c->to, STAGE_EITHER);
		if (!c->allowed) {
			if (rl != NULL)
				fail_msg("%s -> %s is allowed", c->from, c->to);
			continue;
		}
		if (rl == NULL)
			fail_msg("%s -> %s is refused", c->from, c->to);
		assert_string_equal(rl->from, c->from);
		assert_string_equal(rl->to, c->to);
		if (rl->who != c->who)
			fail_msg("%s -> %s: who %d, not %d", c->from, c->to,
			    (int)rl->who, (int)c->who);
		assert_int_equal(rl->cond != NULL, c->has_cond);
	}
}

/* The table itself: what any row must hold. */
static void
test_stage_table_shape(void **state)
{
	size_t i, j;

	(void)state;
	assert_true(stage_nrules > 0);
	for (i = 0; i < stage_nrules; i++) {
		const struct stage_rule *rl = &stage_rules[i];
		/* both ends are stages people see by name */
		assert_string_not_equal(mship_stage_label(rl->from), "Unknown");
		assert_string_not_equal(mship_stage_label(rl->to), "Unknown");
		/* nothing leaves a closed stage */
		if (!mship_stage_open(rl->from))
			fail_msg("a move out of closed %s", rl->from);
		/* a button to press and a subject to mail */
		assert_non_null(rl->action);
		assert_true(*rl->action != '\0');
		assert_non_null(rl->subject);
		assert_true(*rl->subject != '\0');
		/* one row per move: stage_rule_find would hide a second */
		for (j = i + 1; j < stage_nrules; j++)
			if (strcmp(stage_rules[j].from, rl->from) == 0 &&
			    strcmp(stage_rules[j].to, rl->to) == 0 &&
			    stage_rules[j].who == rl->who)
				fail_msg("%s -> %s twice", rl->from, rl->to);
		assert_true(stage_rule_find(rl->from, rl->to,
		    stage_by_outsider(rl->who) ? rl->who : STAGE_EITHER) == rl);
	}
}

struct actor_case {
	long long	 user;		/* r->user.id; 0 = the system */
	enum stage_who	 who;
	int		 ok;
};

/* Mentorship: mentor 10, mentee 20; 30 is anyone else. */
static const struct actor_case actors[] = {
	{ 10, STAGE_MENTOR, 1 }, { 20, STAGE_MENTOR, 0 },
	{ 30, STAGE_MENTOR, 0 }, { 0, STAGE_MENTOR, 0 },
	{ 10, STAGE_MENTEE, 0 }, { 20, STAGE_MENTEE, 1 },
	{ 30, STAGE_MENTEE, 0 }, { 0, STAGE_MENTEE, 0 },
	{ 10, STAGE_EITHER, 1 }, { 20, STAGE_EITHER, 1 },
	{ 30, STAGE_EITHER, 0 }, { 0, STAGE_EITHER, 0 },
	{ 10, STAGE_SYSTEM, 0 }, { 20, STAGE_SYSTEM, 0 },
	{ 30, STAGE_SYSTEM, 0 }, { 0, STAGE_SYSTEM, 1 },
	/* the endings by an admin or a deletion are no party's button */
	{ 10, STAGE_ADMIN, 0 }, { 20, STAGE_ADMIN, 0 }, { 0, STAGE_ADMIN, 0 },
	{ 10, STAGE_DELETION, 0 }, { 20, STAGE_DELETION, 0 },
	{ 10, STAGE_PROGRAMME, 0 }, { 20, STAGE_PROGRAMME, 0 },
	{ 30, STAGE_PROGRAMME, 0 },
	{ 10, STAGE_TAKEN_BACK, 0 }, { 20, STAGE_TAKEN_BACK, 0 },
	{ 30, STAGE_TAKEN_BACK, 0 },
};

/* Where a refused move's condition is met: a page of the mentorship. */
static void
test_stage_cond_places(void **state)
{
	static const struct {
		const char *from, *to, *place;
	} t[] = {
		{ "initiation", "cultivation", "/contract" },
		{ "cultivation", "separation", "/review" },
		{ "separation", "redefinition", "/review" },
		{ "separation", "cultivation", "/contract" },
		{ "redefinition", "cultivation", "/contract" },
		{ "requested", "initiation", NULL },	/* the mentor's places */
		{ "cultivation", "ended", NULL },	/* a note, on this page */
	};
	const struct stage_rule *rl;
	const char *place, *label = NULL;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		rl = stage_rule_find(t[i].from, t[i].to, STAGE_EITHER);
		assert_non_null(rl);
		place = stage_cond_place(rl, &label);
		if (t[i].place == NULL) {
			assert_null(place);
			continue;
		}
		assert_non_null(place);
		assert_string_equal(place, t[i].place);
		assert_non_null(label);
		assert_true(strncmp(label, "Open the ", 9) == 0);
	}
}

static void
test_stage_actors(void **state)
{
	struct req r;
	struct mship m;
	struct stage_rule rl;
	size_t i;

	(void)state;
	memset(&m, 0, sizeof(m));
	m.mentor_id = 10;
	m.mentee_id = 20;
	for (i = 0; i < sizeof(actors) / sizeof(actors[0]); i++) {
		memset(&r, 0, sizeof(r));
		memset(&rl, 0, sizeof(rl));
		r.user.id = actors[i].user;
		rl.who = actors[i].who;
		if (stage_actor_ok(&r, &m, &rl) != actors[i].ok)
			fail_msg("user %lld, who %d: not %d", actors[i].user,
			    (int)actors[i].who, actors[i].ok);
	}
}

struct stage_case {
	const char	*stage;
	const char	*label;
	int		 open;
	int		 capacity;	/* counts against the mentor's */
};

static const struct stage_case stage_cases[] = {
	{ "requested", "Requested", 1, 0 },
	{ "initiation", "Initiation", 1, 1 },
	{ "cultivation", "Cultivation", 1, 1 },
	{ "separation", "Separation", 1, 1 },
	{ "redefinition", "Redefinition", 1, 0 },
	{ "declined", "Declined", 0, 0 },
	{ "withdrawn", "Withdrawn", 0, 0 },
	{ "expired", "Expired", 0, 0 },
	{ "ended", "Ended", 0, 0 },
};

static void
test_stage_labels_and_sets(void **state)
{
	size_t i;

	(void)state;
	assert_int_equal(sizeof(stage_cases) / sizeof(stage_cases[0]),
	    NSTAGES);
	for (i = 0; i < NSTAGES; i++) {
		const struct stage_case *c = &stage_cases[i];
		assert_string_equal(c->stage, stages[i]);
		assert_string_equal(mship_stage_label(c->stage), c->label);
		if (mship_stage_open(c->stage) != c->open)
			fail_msg("%s open: not %d", c->stage, c->open);
		if (stage_counts_capacity(c->stage) != c->capacity)
			fail_msg("%s capacity: not %d", c->stage, c->capacity);
	}
	/* what is not a stage is never shown as one */
	assert_string_equal(mship_stage_label("Ended"), "Unknown");
	assert_string_equal(mship_stage_label(""), "Unknown");
	assert_string_equal(mship_stage_label("ended "), "Unknown");
	assert_string_equal(mship_stage_label(NULL), "Unknown");
}

/* A static helper of stage.c: the dashboard's milestone counts. */
static void
test_stage_ms_counts(void **state)
{
	static const struct {
		const char	*packed;
		long long	 total, done, overdue;
	} cases[] = {
		{ "5 3 1", 5, 3, 1 },
		{ "0 0 0", 0, 0, 0 },
		{ "12 12 0", 12, 12, 0 },
		{ NULL, 0, 0, 0 },
		{ "", 0, 0, 0 },
		{ "7", 7, 0, 0 },
	};
	struct attn a;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		memset(&a, 0x55, sizeof(a));
		ms_counts(cases[i].packed, &a);
		assert_int_equal(a.ms_total, cases[i].total);
		assert_int_equal(a.ms_done, cases[i].done);
		assert_int_equal(a.ms_overdue, cases[i].overdue);
	}
}

/* Another: the dashboard's list of what needs attention stops at 12. */
static void
test_stage_attn_cap(void **state)
{
	struct attn a;
	int i;

	(void)state;
	memset(&a, 0, sizeof(a));
	for (i = 0; i < 20; i++)
		attn_add(&a, "t", "/u");
	assert_int_equal(a.n, 12);
}

/* sess_token makes them; sessions and e-mailed tokens check them. */
static void
test_token_shape(void **state)
{
	static const struct {
		const char	*t;
		int		 ok;
	} cases[] = {
		{ "0123456789abcdef0123456789abcdef"
		  "0123456789abcdef0123456789abcdef", 1 },
		{ "ffffffffffffffffffffffffffffffff"
		  "ffffffffffffffffffffffffffffffff", 1 },
		{ "0123456789ABCDEF0123456789abcdef"
		  "0123456789abcdef0123456789abcdef", 0 },	/* upper */
		{ "0123456789abcdef0123456789abcdef"
		  "0123456789abcdef0123456789abcde", 0 },	/* 63 */
		{ "0123456789abcdef0123456789abcdef"
		  "0123456789abcdef0123456789abcdef0", 0 },	/* 65 */
		{ "0123456789abcdeg0123456789abcdef"
		  "0123456789abcdef0123456789abcdef", 0 },	/* g */
		{ "0123456789abcdef0123456789abcdef"
		  "0123456789abcdef0123456789abcd f", 0 },	/* space */
		{ "", 0 },
		{ NULL, 0 },
	};
	char fresh[SESS_TOKEN_LEN + 1];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		if (sess_token_shape_ok(cases[i].t) != cases[i].ok)
			fail_msg("case %zu: not %d", i, cases[i].ok);
	sess_token(fresh);
	assert_true(sess_token_shape_ok(fresh));
}

static void
test_stage_lists_by_name(void **state)
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
test_stage_endings(void **state)
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
	/*
	 * a programme withdraws a request of someone it removed, and its
	 * organisers one they proposed: nothing else, and never "ended"
	 */
	rl = stage_rule_find("requested", "withdrawn", STAGE_PROGRAMME);
	assert_non_null(rl);
	assert_int_equal(rl->who, STAGE_PROGRAMME);
	assert_false(stage_actor_ok(&r, &m, rl));
	rl = stage_rule_find("requested", "withdrawn", STAGE_TAKEN_BACK);
	assert_non_null(rl);
	assert_int_equal(rl->who, STAGE_TAKEN_BACK);
	assert_ptr_equal(rl->cond, cond_proposal);
	assert_false(stage_actor_ok(&r, &m, rl));
	for (i = 0; i < 5; i++) {
		assert_null(stage_rule_find(open[i], "ended", STAGE_PROGRAMME));
		assert_null(stage_rule_find(open[i], "ended",
		    STAGE_TAKEN_BACK));
		if (i > 0)
			assert_null(stage_rule_find(open[i], "withdrawn",
			    STAGE_TAKEN_BACK));
	}
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

/*
 * An ending's reason left empty is the form's problem (STAGE_NOTE_MISSING:
 * stage_move's 422, said beside the note), not a refusal of the move;
 * every party's and admin's ending asks for one.
 */
static void
test_stage_note_missing(void **state)
{
	struct req r;
	struct mship m;
	const char *why = NULL;
	size_t i;

	(void)state;
	memset(&r, 0, sizeof(r));
	memset(&m, 0, sizeof(m));
	assert_int_equal(cond_note(&r, &m, "", &why), STAGE_NOTE_MISSING);
	assert_non_null(why);
	assert_int_equal(cond_note(&r, &m, NULL, &why), STAGE_NOTE_MISSING);
	assert_int_equal(cond_note(&r, &m, "We reached it.", &why), 0);
	for (i = 0; i < stage_nrules; i++)
		if (strcmp(stage_rules[i].to, "ended") == 0 &&
		    (stage_rules[i].who == STAGE_EITHER ||
		    stage_rules[i].who == STAGE_ADMIN))
			assert_ptr_equal(stage_rules[i].cond, cond_note);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stage_moves),
		cmocka_unit_test(test_stage_table_shape),
		cmocka_unit_test(test_stage_cond_places),
		cmocka_unit_test(test_stage_note_missing),
		cmocka_unit_test(test_stage_actors),
		cmocka_unit_test(test_stage_labels_and_sets),
		cmocka_unit_test(test_stage_ms_counts),
		cmocka_unit_test(test_stage_attn_cap),
		cmocka_unit_test(test_token_shape),
		cmocka_unit_test(test_stage_lists_by_name),
		cmocka_unit_test(test_stage_endings),
		cmocka_unit_test(test_stage_sql_lists),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
