/*
 * search: words as a person types them find words as another wrote them
 * (case, accents, punctuation), every term is required as a prefix, and
 * the ranking puts more and rarer occurrences first. Table-driven where
 * the cases are inputs and outputs.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "search.h"

static void
test_search_words(void **state)
{
	static const struct {
		const char	*in;
		const char	*words;		/* folded, '|' after each */
	} cases[] = {
		{ "", "" },
		{ "  ,.!? ", "" },
		{ "Leadership", "leadership|" },
		{ "José Müller-Lüdenscheidt", "jose|muller|ludenscheidt|" },
		{ "Straße ÆSIR Œuvre", "strasse|aesir|oeuvre|" },
		{ "mentor—coach “quoted” …end", "mentor|coach|quoted|end|" },
		{ "c++ go, x86_64", "c|go|x86|64|" },
		{ "ΣΟΦΙΑ Москва", "σοφια|москва|" },
		{ "3×4 ÷2", "3|4|2|" },
		{ "emoji\xF0\x9F\x98\x80here", "emoji|here|" },
		{ "bad\xFFutf8\xC3", "bad|utf8|" },
		{ "日本語 テキスト", "日本語|テキスト|" },
	};
	char w[SEARCH_WORD], got[512];
	const char *p;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		got[0] = '\0';
		p = cases[i].in;
		while (search_word(&p, w) > 0) {
			strcat(got, w);
			strcat(got, "|");
		}
		assert_string_equal(got, cases[i].words);
	}
}

static void
test_search_word_length(void **state)
{
	char in[1000], w[SEARCH_WORD];
	const char *p = in;
	size_t i;

	(void)state;
	for (i = 0; i + 2 < sizeof(in); i += 2)
		memcpy(in + i, "\xC3\xA9", 2);		/* é, 2 bytes */
	in[i] = '\0';
	assert_int_equal(search_word(&p, w), SEARCH_WORD - 1);	/* "e" each */
	assert_int_equal(strlen(w), SEARCH_WORD - 1);
	assert_int_equal(*p, '\0');
	p = "résumé";
	assert_int_equal(search_word(&p, w), 6);	/* characters */
}

static struct search *
index_of(const char *const *docs, size_t n)
{
	struct search *s = search_new();
	size_t i;

	assert_non_null(s);
	for (i = 0; i < n; i++)
		assert_int_equal(search_add(s, i, docs[i]), 0);
	assert_int_equal(search_seal(s, n), 0);
	return s;
}

static long
find(const struct search *s, const char *a, const char *b,
    struct search_hit **hits)
{
	const char *terms[2] = { a, b };

	return search_find(s, terms, b != NULL ? 2 : 1, hits);
}

static void
test_search_prefix_and_all_terms(void **state)
{
	static const char *const docs[] = {
		"Leadership and hiring",
		"I lead teams; no hiring",
		"Gardening",
		NULL,
		"Leader of leaders, hiring leads",
	};
	struct search *s = index_of(docs, 5);
	struct search_hit *h;

	(void)state;
	assert_int_equal(find(s, "lead", NULL, &h), 3);
	assert_int_equal(h[0].doc, 0);
	assert_int_equal(h[1].doc, 1);
	assert_int_equal(h[2].doc, 4);
	free(h);
	assert_int_equal(find(s, "leader", "hiring", &h), 2);
	assert_int_equal(h[0].doc, 0);
	assert_int_equal(h[1].doc, 4);
	free(h);
	assert_int_equal(find(s, "lead", "garden", &h), 0);
	free(h);
	assert_int_equal(find(s, "zzz", NULL, &h), 0);
	free(h);
	assert_int_equal(find(s, "leadershipx", NULL, &h), 0);
	free(h);
	search_free(s);
}

static void
test_search_ranking(void **state)
{
	static const char *const docs[] = {
		"rust rust rust common",
		"rust common",
		"common",
		"common rare",
	};
	struct search *s = index_of(docs, 4);
	struct search_hit *h;

	(void)state;
	assert_int_equal(find(s, "rust", NULL, &h), 2);
	assert_true(h[0].score > h[1].score);	/* three beat one */
	assert_true(h[1].score > 0);
	free(h);
	/* in every document: it still ranks, lightly */
	assert_int_equal(find(s, "common", NULL, &h), 4);
	assert_true(h[0].score > 0);
	free(h);
	assert_int_equal(find(s, "common", "rare", &h), 1);
	assert_int_equal(h[0].doc, 3);
	free(h);
	search_free(s);
}

static void
test_search_misuse(void **state)
{
	struct search *s = search_new();
	struct search_hit *h;
	const char *t[1] = { "x" };

	(void)state;
	assert_int_equal(search_find(s, t, 1, &h), -1);	/* not sealed */
	assert_int_equal(search_add(s, 2, "two"), 0);
	assert_int_equal(search_add(s, 1, "one"), -1);	/* out of order */
	assert_int_equal(search_seal(s, 1), -1);	/* fewer than added */
	assert_int_equal(search_seal(s, 2), -1);
	assert_int_equal(search_seal(s, 3), 0);
	assert_int_equal(search_add(s, 3, "late"), -1);
	assert_int_equal(search_find(s, t, 0, &h), -1);
	assert_int_equal(search_find(s, t, SEARCH_TERMS + 1, &h), -1);
	search_free(s);
	search_free(NULL);
}

/* Many documents and words: the hash and the arrays grow. */
static void
test_search_many(void **state)
{
	struct search *s = search_new();
	struct search_hit *h;
	char text[64];
	size_t i;

	(void)state;
	for (i = 0; i < 20000; i++) {
		snprintf(text, sizeof(text), "word%zu shared doc%zu", i % 5000,
		    i);
		assert_int_equal(search_add(s, i, text), 0);
	}
	assert_int_equal(search_seal(s, 20000), 0);
	assert_int_equal(find(s, "shared", NULL, &h), 20000);
	free(h);
	assert_int_equal(find(s, "word4999", NULL, &h), 4);
	assert_int_equal(h[3].doc, 19999);
	free(h);
	assert_int_equal(find(s, "doc1999", NULL, &h), 11);	/* 1999, 19990.. */
	free(h);
	search_free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_search_words),
		cmocka_unit_test(test_search_word_length),
		cmocka_unit_test(test_search_prefix_and_all_terms),
		cmocka_unit_test(test_search_ranking),
		cmocka_unit_test(test_search_misuse),
		cmocka_unit_test(test_search_many),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
