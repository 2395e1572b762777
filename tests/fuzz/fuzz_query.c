/*
 * libFuzzer: a query string through the urlencoded parser, then every
 * value through the validators. Whatever the bytes, the parse either
 * refuses or gives names and values that are valid UTF-8 without NUL.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "field.h"
#include "req.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static const char *const choices[] = { "weekly", "monthly", NULL };
static const struct field fields[] = {
	{ "q", F_TEXT, 0, 200, 0, NULL },
	{ "n", F_INT, -100, 100, 0, NULL },
	{ "e", F_EMAIL, 3, 254, 0, NULL },
	{ "d", F_DATE, 0, 0, 0, NULL },
	{ "t", F_TIME, 0, 0, 0, NULL },
	{ "s", F_SLUG, 1, 40, 0, NULL },
	{ "c", F_CHOICE, 0, 0, 0, choices },
	{ "b", F_BOOL, 0, 0, 0, NULL },
	{ "z", F_TIMEZONE, 0, 64, 0, NULL },
	{ "next", F_NEXT, 0, 500, 0, NULL },
	{ "m", F_MULTILINE, 0, 1000, 0, NULL },
	{ "p", F_PASSWORD, 0, 1000, 0, NULL },
};
#define NFIELDS	(sizeof(fields) / sizeof(fields[0]))

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct req *r = req_offline_new();
	struct fval v[NFIELDS];
	size_t i;

	if (r == NULL)
		abort();
	if (req_parse_urlencoded(r->arena, (const char *)data, size,
	    &r->query, &r->nquery) == 0) {
		for (i = 0; i < r->nquery; i++) {
			const struct kv *kv = &r->query[i];
			if (strlen(kv->val) != kv->len ||
			    !req_utf8_valid(kv->key, strlen(kv->key)) ||
			    !req_utf8_valid(kv->val, kv->len))
				abort();
		}
		r->method = "GET";
		field_read(r, fields, NFIELDS, v);
		for (i = 0; i < NFIELDS; i++)
			if (v[i].err == NULL && v[i].str != NULL &&
			    fields[i].type == F_NEXT && (v[i].str[0] != '/' ||
			    v[i].str[1] == '/' || v[i].str[1] == '\\'))
				abort();
	}
	req_offline_free(r);
	return 0;
}
