/*
 * libFuzzer: a form body as the FastCGI program gets it, parsed and read
 * through a typical form declaration (POST), repeated fields included.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "field.h"
#include "req.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static const char *const cadence[] = { "weekly", "biweekly", "monthly", NULL };
static const struct field fields[] = {
	{ "csrf", F_TEXT, 32, 32, 1, NULL },
	{ "email", F_EMAIL, 3, 254, 1, NULL },
	{ "password", F_PASSWORD, 10, 1024, 1, NULL },
	{ "display_name", F_TEXT, 1, 80, 1, NULL },
	{ "bio", F_MULTILINE, 0, 5000, 0, NULL },
	{ "capacity", F_INT, 0, 20, 0, NULL },
	{ "review_date", F_DATE, 0, 0, 0, NULL },
	{ "cadence", F_CHOICE, 0, 0, 0, cadence },
	{ "mentor", F_BOOL, 0, 0, 0, NULL },
	{ "timezone", F_TIMEZONE, 0, 64, 0, NULL },
	{ "slug", F_SLUG, 3, 40, 0, NULL },
	{ "next", F_NEXT, 0, 500, 0, NULL },
};
#define NFIELDS	(sizeof(fields) / sizeof(fields[0]))

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct req *r = req_offline_new();
	struct fval v[NFIELDS];
	const char *all[8];
	size_t i, n;
	int errors;

	if (r == NULL)
		abort();
	if (req_parse_urlencoded(r->arena, (const char *)data, size,
	    &r->form, &r->nform) == 0) {
		r->method = "POST";
		errors = field_read(r, fields, NFIELDS, v);
		for (i = 0; i < NFIELDS; i++) {
			if (v[i].err != NULL && v[i].str != NULL)
				abort();	/* a failed field has no value */
			if (v[i].str != NULL && !req_utf8_valid(v[i].str,
			    strlen(v[i].str)))
				abort();
			if (v[i].err != NULL)
				errors--;
		}
		if (errors != 0)
			abort();
		n = req_form_all(r, "channels", all, 8);
		if (n > 8)
			abort();
	}
	req_offline_free(r);
	return 0;
}
