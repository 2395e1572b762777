/*
 * The rules for new passwords: length in characters and bytes, and the
 * short list of common ones, valid and invalid side by side; a profile's
 * address made of a name. The file is included to reach slug_base.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "../../lib/auth.c"

struct pw_case {
	const char	*pw;
	int		 ok;
};

static void
password_rules(void **state)
{
	static const struct pw_case cases[] = {
		{ "correct horse battery 42",	1 },
		{ "ten chars!",			1 },
		{ "nine char",			0 },
		{ "",				0 },
		{ "1234567890",			0 },	/* common */
		{ "PASSWORD123",		0 },	/* common, any case */
		{ "Qwertyuiop",			0 },
		{ "qwertyuiop-but-longer",	1 },
		{ "ÄÖÜäöüßéèê",			1 },	/* 10 characters */
		{ "ÄÖÜäöüßéè",			0 },	/* 9 characters, 18 bytes */
	};
	char big[1100];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *why = auth_password_problem(cases[i].pw);
		if (cases[i].ok)
			assert_null(why);
		else
			assert_non_null(why);
	}
	memset(big, 'x', 1024);
	big[1024] = '\0';
	assert_null(auth_password_problem(big));
	big[1024] = 'x';
	big[1025] = '\0';
	assert_non_null(auth_password_problem(big));
}

static void
slug_spelling(void **state)
{
	static const char *const cases[][2] = {
		{ "Maya Okafor",		"maya-okafor" },
		{ "Zoë Ångström",		"zoe-angstrom" },
		{ "Walker Mentor Öne",		"walker-mentor-one" },
		{ "Jürgen Müller-Straße",	"jurgen-muller-strasse" },
		{ "Łukasz Żółć",		"lukasz-zolc" },
		{ "Søren Æbeltoft",		"soren-aebeltoft" },
		{ "François × Œuvre",		"francois-oeuvre" },
		{ "山田 太郎",			"member" },
		{ "Ana 山田",			"ana" },
		{ "ÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅ", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" },
		{ "Ææææææææææææææææ",	"aeaeaeaeaeaeaeaeaeaeaeaeaeaeae" },
		{ "\xc3",			"member" },	/* cut short */
	};
	struct req *r = req_offline_new();
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		assert_string_equal(slug_base(r, cases[i][0]), cases[i][1]);
	req_offline_free(r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(password_rules),
		cmocka_unit_test(slug_spelling),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
