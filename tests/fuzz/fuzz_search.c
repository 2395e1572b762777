/*
 * libFuzzer: search text (a query, a profile) as people type it. Every
 * word comes out non-empty, valid UTF-8 and within SEARCH_WORD; the
 * input's lines, indexed as documents, are each found by their own words.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "req.h"
#include "search.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* Every word of doc found, doc among the hits. */
static void
find_own_words(const struct search *s, size_t doc, const char *text)
{
	char w[SEARCH_WORD];
	const char *terms[1] = { w };
	struct search_hit *hits;
	size_t chars;
	long n, i;

	while ((chars = search_word(&text, w)) > 0) {
		if (*w == '\0' || strlen(w) >= SEARCH_WORD ||
		    !req_utf8_valid(w, strlen(w)))
			abort();
		if (chars < SEARCH_MIN)
			continue;
		if ((n = search_find(s, terms, 1, &hits)) < 1)
			abort();
		for (i = 0; i < n && hits[i].doc != doc; i++)
			;
		if (i == n || hits[i].score <= 0)
			abort();
		free(hits);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1), *line[64], *p;
	struct search *s = search_new();
	size_t n = 0, i;

	if (text == NULL || s == NULL)
		abort();
	memcpy(text, data, size);
	text[size] = '\0';
	for (p = text; n < 64 && p != NULL; n++) {
		line[n] = p;
		if ((p = strchr(p, '\n')) != NULL)
			*p++ = '\0';
	}
	for (i = 0; i < n; i++)
		if (search_add(s, i, line[i]) != 0)
			abort();
	if (search_seal(s, n) != 0)
		abort();
	for (i = 0; i < n; i++)
		find_own_words(s, i, line[i]);
	search_free(s);
	free(text);
	return 0;
}
