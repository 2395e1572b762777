/*
 * The rules for new passwords: length in characters and bytes, and the
 * short list of common ones, valid and invalid side by side.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "auth.h"

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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(password_rules),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
