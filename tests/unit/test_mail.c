/*
 * A mentorship mail's subject names the other party once: after a
 * headline that names them, only the focus (lib/mail.c
 * mail_mship_subject); a name inside another word is no name.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>

#include <cmocka.h>

#include "mail.h"
#include "req.h"

static void
test_subject_names_once(void **state)
{
	struct req *r = req_offline_new();

	(void)state;
	assert_non_null(r);
	assert_string_equal(mail_mship_subject(r, "Tara García is waiting "
	    "for your answer", "Tara García", "Lead a team"),
	    "Tara García is waiting for your answer — on “Lead a team”");
	assert_string_equal(mail_mship_subject(r, "New mentorship request",
	    "Tara", "Lead a team"),
	    "New mentorship request — with Tara on “Lead a team”");
	/* "Yo" is not in "Your", nor "A" in "A question" a name */
	assert_string_equal(mail_mship_subject(r, "Your mentorship moved to "
	    "Cultivation", "Yo", NULL),
	    "Your mentorship moved to Cultivation — with Yo");
	assert_string_equal(mail_mship_subject(r, "Ana is waiting for your "
	    "answer", "Ana", NULL), "Ana is waiting for your answer");
	req_offline_free(r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_subject_names_once),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
