/*
 * libFuzzer: a Cookie header (a C string, as FastCGI hands it over).
 * Names and values come out NUL-free, values valid UTF-8.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "req.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena *a = arena_new();
	char *s = malloc(size + 1);
	struct kv *kv;
	size_t i, n;

	if (a == NULL || s == NULL)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	if (req_parse_cookies(a, s, &kv, &n) == 0) {
		for (i = 0; i < n; i++) {
			if (*kv[i].key == '\0' || strlen(kv[i].val) != kv[i].len ||
			    !req_utf8_valid(kv[i].val, kv[i].len))
				abort();
			if (strchr(kv[i].key, ';') || strchr(kv[i].val, ';'))
				abort();
		}
	}
	free(s);
	arena_free(a);
	return 0;
}
