/*
 * The request decoders: percent-decoding with strict UTF-8, the
 * urlencoded parser (query strings and form bodies) and the cookie
 * header. Each table keeps the valid and the invalid cases side by side.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "arena.h"
#include "req.h"

#define BAD	REQ_EBAD

struct dcase {
	const char	*in;
	size_t		 inlen;		/* 0: strlen(in) */
	int		 plus;
	int		 rc;
	const char	*out;		/* when rc == 0 */
	size_t		 outlen;	/* 0: strlen(out) */
};

static const struct dcase decode_cases[] = {
	/* valid */
	{ "", 0, 1, 0, "", 0 },
	{ "abc", 0, 1, 0, "abc", 0 },
	{ "a%20b", 0, 1, 0, "a b", 0 },
	{ "a+b", 0, 1, 0, "a b", 0 },
	{ "a+b", 0, 0, 0, "a+b", 0 },		/* '+' kept without plus */
	{ "%2B", 0, 1, 0, "+", 0 },
	{ "%2b%2F%3d", 0, 1, 0, "+/=", 0 },	/* either case of hex */
	{ "%41%42", 0, 1, 0, "AB", 0 },
	{ "100%25", 0, 1, 0, "100%", 0 },
	{ "%C3%A9t%C3%A9", 0, 1, 0, "\xc3\xa9t\xc3\xa9", 0 },	/* été */
	{ "\xc3\xa9", 0, 1, 0, "\xc3\xa9", 0 },			/* raw UTF-8 */
	{ "%E2%82%AC", 0, 1, 0, "\xe2\x82\xac", 0 },		/* € */
	{ "%F0%9F%98%80", 0, 1, 0, "\xf0\x9f\x98\x80", 0 },	/* emoji */
	{ "%F4%8F%BF%BF", 0, 1, 0, "\xf4\x8f\xbf\xbf", 0 },	/* U+10FFFF */
	{ "%ED%9F%BF", 0, 1, 0, "\xed\x9f\xbf", 0 },		/* U+D7FF */
	{ "%EE%80%80", 0, 1, 0, "\xee\x80\x80", 0 },		/* U+E000 */
	{ "%C2%80", 0, 1, 0, "\xc2\x80", 0 },			/* U+0080 */
	{ "%E0%A0%80", 0, 1, 0, "\xe0\xa0\x80", 0 },		/* U+0800 */
	{ "%F0%90%80%80", 0, 1, 0, "\xf0\x90\x80\x80", 0 },	/* U+10000 */
	{ "%09%0A", 0, 1, 0, "\t\n", 0 },	/* controls are the fields' call */
	{ "abcdef", 3, 1, 0, "abc", 0 },	/* only len bytes are read */
	/* bad percent escapes */
	{ "%", 0, 1, BAD, NULL, 0 },
	{ "%4", 0, 1, BAD, NULL, 0 },
	{ "a%", 0, 1, BAD, NULL, 0 },
	{ "a%2", 0, 1, BAD, NULL, 0 },
	{ "%G0", 0, 1, BAD, NULL, 0 },
	{ "%0G", 0, 1, BAD, NULL, 0 },
	{ "%%41", 0, 1, BAD, NULL, 0 },
	{ "% 41", 0, 1, BAD, NULL, 0 },
	{ "%-1", 0, 1, BAD, NULL, 0 },
	{ "%+1", 0, 1, BAD, NULL, 0 },
	{ "%4120", 3, 1, 0, "A", 0 },		/* escape ends at len */
	{ "ab%41", 4, 1, BAD, NULL, 0 },	/* truncated by len */
	/* NUL */
	{ "%00", 0, 1, BAD, NULL, 0 },
	{ "a%00b", 0, 1, BAD, NULL, 0 },
	{ "abc%00", 0, 0, BAD, NULL, 0 },
	/* invalid UTF-8: lone continuation bytes, bad leads */
	{ "%80", 0, 1, BAD, NULL, 0 },
	{ "%BF", 0, 1, BAD, NULL, 0 },
	{ "a%80b", 0, 1, BAD, NULL, 0 },
	{ "\x80", 0, 1, BAD, NULL, 0 },
	{ "%FE", 0, 1, BAD, NULL, 0 },
	{ "%FF", 0, 1, BAD, NULL, 0 },
	/* truncated sequences */
	{ "%C3", 0, 1, BAD, NULL, 0 },
	{ "%C3a", 0, 1, BAD, NULL, 0 },
	{ "%E2%82", 0, 1, BAD, NULL, 0 },
	{ "%F0%9F%98", 0, 1, BAD, NULL, 0 },
	{ "%E2%28%A1", 0, 1, BAD, NULL, 0 },	/* bad second byte */
	/* overlongs */
	{ "%C0%80", 0, 1, BAD, NULL, 0 },	/* overlong NUL */
	{ "%C0%AF", 0, 1, BAD, NULL, 0 },	/* overlong '/' */
	{ "%C1%BF", 0, 1, BAD, NULL, 0 },
	{ "%E0%80%AF", 0, 1, BAD, NULL, 0 },
	{ "%E0%9F%BF", 0, 1, BAD, NULL, 0 },
	{ "%F0%80%80%AF", 0, 1, BAD, NULL, 0 },
	{ "%F0%8F%BF%BF", 0, 1, BAD, NULL, 0 },
	/* surrogates */
	{ "%ED%A0%80", 0, 1, BAD, NULL, 0 },	/* U+D800 */
	{ "%ED%BF%BF", 0, 1, BAD, NULL, 0 },	/* U+DFFF */
	{ "%ED%A0%BD%ED%B8%80", 0, 1, BAD, NULL, 0 },	/* CESU pair */
	/* beyond U+10FFFF */
	{ "%F4%90%80%80", 0, 1, BAD, NULL, 0 },
	{ "%F5%80%80%80", 0, 1, BAD, NULL, 0 },
	{ "%F7%BF%BF%BF", 0, 1, BAD, NULL, 0 },
	{ "%F8%88%80%80%80", 0, 1, BAD, NULL, 0 },
};

static void
test_url_decode(void **state)
{
	struct arena *a = arena_new();
	size_t i;

	(void)state;
	assert_non_null(a);
	for (i = 0; i < sizeof(decode_cases) / sizeof(decode_cases[0]); i++) {
		const struct dcase *c = &decode_cases[i];
		size_t inlen = c->inlen ? c->inlen : strlen(c->in);
		char *out = NULL;
		size_t outlen = 12345;
		int rc = req_url_decode(a, c->in, inlen, c->plus, &out,
		    &outlen);

		if (rc != c->rc)
			fail_msg("decode case %zu \"%s\": rc %d, want %d", i,
			    c->in, rc, c->rc);
		if (rc != 0)
			continue;
		size_t want = c->outlen ? c->outlen : strlen(c->out);
		if (outlen != want || memcmp(out, c->out, want) != 0 ||
		    out[outlen] != '\0')
			fail_msg("decode case %zu \"%s\": got \"%s\" (%zu)", i,
			    c->in, out, outlen);
	}
	arena_free(a);
}

/* UTF-8 check on its own, including the NUL byte in a counted string. */
static const struct {
	const char	*s;
	size_t		 n;
	int		 ok;
} utf8_cases[] = {
	{ "", 0, 1 },
	{ "plain", 5, 1 },
	{ "a\0b", 3, 0 },
	{ "\xc3\xa9", 2, 1 },
	{ "\xc3", 1, 0 },
	{ "\xc3\xa9", 1, 0 },
	{ "\xe2\x82\xac", 3, 1 },
	{ "\xed\xa0\x80", 3, 0 },
	{ "\xf4\x90\x80\x80", 4, 0 },
	{ "\xc0\x80", 2, 0 },
	{ "\xe0\x80\x80", 3, 0 },
	{ "\x80", 1, 0 },
};

static void
test_utf8_valid(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(utf8_cases) / sizeof(utf8_cases[0]); i++)
		if (req_utf8_valid(utf8_cases[i].s, utf8_cases[i].n) !=
		    utf8_cases[i].ok)
			fail_msg("utf8 case %zu", i);
	assert_int_equal(req_utf8_len(""), 0);
	assert_int_equal(req_utf8_len("abc"), 3);
	assert_int_equal(req_utf8_len("\xc3\xa9t\xc3\xa9"), 3);
	assert_int_equal(req_utf8_len("\xf0\x9f\x98\x80!"), 2);
	/* a cut by bytes stops before a character it would split */
	assert_int_equal(req_utf8_prefix("abc", 5), 3);
	assert_int_equal(req_utf8_prefix("abc", 3), 3);
	assert_int_equal(req_utf8_prefix("abc", 2), 2);
	assert_int_equal(req_utf8_prefix("a\xc3\xa9", 2), 1);	/* aé */
	assert_int_equal(req_utf8_prefix("a\xc3\xa9", 3), 3);
	assert_int_equal(req_utf8_prefix("\xf0\x9f\x98\x80!", 3), 0);
	assert_int_equal(req_utf8_prefix("\xf0\x9f\x98\x80!", 4), 4);
	assert_int_equal(req_utf8_prefix("", 0), 0);
}

/*
 * The parsed pairs, written as "k=v|k=v" for compact expectations;
 * NULL when the parse must fail with rc.
 */
struct pcase {
	const char	*in;
	int		 rc;
	const char	*pairs;
};

static const struct pcase form_cases[] = {
	{ "", 0, "" },
	{ "a=1", 0, "a=1" },
	{ "a=1&b=2", 0, "a=1|b=2" },
	{ "a=1&&b=2", 0, "a=1|b=2" },		/* empty pair skipped */
	{ "&a=1&", 0, "a=1" },
	{ "&&&", 0, "" },
	{ "a", 0, "a=" },			/* no '=': empty value */
	{ "a=", 0, "a=" },
	{ "=v", 0, "=v" },			/* empty name kept */
	{ "a=1=2", 0, "a=1=2" },		/* first '=' splits */
	{ "a=1&a=2&a=3", 0, "a=1|a=2|a=3" },	/* repeated keys, in order */
	{ "q=hello+world", 0, "q=hello world" },
	{ "a+b=c+d", 0, "a b=c d" },
	{ "q=a%2Bb", 0, "q=a+b" },
	{ "q=%26%3D", 0, "q=&=" },		/* escaped separators */
	{ "k%C3%A9y=v%C3%A9", 0, "k\xc3\xa9y=v\xc3\xa9" },
	{ "a=1;b=2", 0, "a=1;b=2" },		/* ';' is not a separator */
	/* invalid */
	{ "a=%", BAD, NULL },
	{ "a=%zz", BAD, NULL },
	{ "a=%00", BAD, NULL },
	{ "a%00=1", BAD, NULL },
	{ "%=1", BAD, NULL },
	{ "ok=1&bad=%C0%80", BAD, NULL },
	{ "bad%FF=1&ok=1", BAD, NULL },
	{ "a=%ED%A0%80", BAD, NULL },
	{ "a=\xff", BAD, NULL },
};

static void
check_pairs(size_t i, const char *in, const struct kv *kv, size_t n,
    const char *want)
{
	char got[512];
	size_t k, o = 0;

	got[0] = '\0';
	for (k = 0; k < n; k++) {
		o += (size_t)snprintf(got + o, sizeof(got) - o, "%s%s=%s",
		    k ? "|" : "", kv[k].key, kv[k].val);
		if (strlen(kv[k].val) != kv[k].len)
			fail_msg("case %zu \"%s\": len of %s", i, in,
			    kv[k].key);
	}
	if (strcmp(got, want) != 0)
		fail_msg("case %zu \"%s\": got \"%s\", want \"%s\"", i, in, got,
		    want);
}

static void
test_parse_urlencoded(void **state)
{
	struct arena *a = arena_new();
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(form_cases) / sizeof(form_cases[0]); i++) {
		const struct pcase *c = &form_cases[i];
		struct kv *kv = NULL;
		size_t n = 0;
		int rc = req_parse_urlencoded(a, c->in, strlen(c->in), &kv, &n);

		if (rc != c->rc)
			fail_msg("form case %zu \"%s\": rc %d, want %d", i,
			    c->in, rc, c->rc);
		if (rc == 0)
			check_pairs(i, c->in, kv, n, c->pairs);
	}
	arena_free(a);
}

/* The number of pairs is capped; the cap refuses, it never overflows. */
static void
test_parse_urlencoded_many(void **state)
{
	struct arena *a = arena_new();
	char s[4096];
	struct kv *kv;
	size_t n, i, o = 0;

	(void)state;
	for (i = 0; i < 200; i++)
		o += (size_t)snprintf(s + o, sizeof(s) - o, "%sk=%zu",
		    i ? "&" : "", i);
	assert_int_equal(req_parse_urlencoded(a, s, o, &kv, &n), 0);
	assert_int_equal(n, 200);
	assert_string_equal(kv[199].val, "199");
	memset(s, '&', 1000);
	assert_int_equal(req_parse_urlencoded(a, s, 1000, &kv, &n), BAD);
	arena_free(a);
}

static const struct pcase cookie_cases[] = {
	{ "", 0, "" },
	{ "a=1", 0, "a=1" },
	{ "a=1; b=2", 0, "a=1|b=2" },
	{ "a=1;b=2", 0, "a=1|b=2" },
	{ "  a=1 ;  b=2  ", 0, "a=1|b=2" },	/* spaces around pairs */
	{ "a=1;\tb=2", 0, "a=1|b=2" },
	{ "a=\"quoted\"", 0, "a=quoted" },
	{ "a=\"with space\"; b=2", 0, "a=with space|b=2" },
	{ "a=\"\"", 0, "a=" },
	{ "a=\"", 0, "a=\"" },			/* a lone quote stays */
	{ "a=", 0, "a=" },			/* empty value */
	{ "a=; b=2", 0, "a=|b=2" },
	{ ";;", 0, "" },			/* empty pairs */
	{ "; a=1 ;", 0, "a=1" },
	{ "noequals; a=1", 0, "a=1" },		/* no '=': skipped */
	{ "=v; a=1", 0, "a=1" },		/* no name: skipped */
	{ "a=1=2", 0, "a=1=2" },
	{ "a=%41", 0, "a=%41" },		/* not percent-decoded */
	{ "a=1; a=2", 0, "a=1|a=2" },		/* first one wins in lookups */
	{ "a=\xc3\xa9", 0, "a=\xc3\xa9" },
	/* someone else's bad pair is skipped, the rest kept */
	{ "a=\xff", 0, "" },
	{ "a=\xc0\x80; b=2", 0, "b=2" },
	{ "\xff=1; b=2", 0, "b=2" },
	{ "b=1; a=\xff; c=3", 0, "b=1|c=3" },
};

static void
test_parse_cookies(void **state)
{
	struct arena *a = arena_new();
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cookie_cases) / sizeof(cookie_cases[0]); i++) {
		const struct pcase *c = &cookie_cases[i];
		struct kv *kv = NULL;
		size_t n = 0;
		int rc = req_parse_cookies(a, c->in, &kv, &n);

		if (rc != c->rc)
			fail_msg("cookie case %zu \"%s\": rc %d, want %d", i,
			    c->in, rc, c->rc);
		if (rc == 0)
			check_pairs(i, c->in, kv, n, c->pairs);
	}
	arena_free(a);
}

/* Another application's 300 cookies do not hide ours, the last one. */
static void
test_many_cookies(void **state)
{
	struct req *r = req_offline_new();
	char s[8192];
	size_t o = 0;
	int i;

	(void)state;
	assert_non_null(r);
	for (i = 0; i < 300; i++)
		o += (size_t)snprintf(s + o, sizeof(s) - o, "other%d=%d; ", i, i);
	snprintf(s + o, sizeof(s) - o, "menteo_session=abc");
	assert_int_equal(req_parse_cookies(r->arena, s, &r->cookies,
	    &r->ncookies), 0);
	assert_int_equal(r->ncookies, 301);
	assert_string_equal(req_cookie(r, "menteo_session"), "abc");
	req_offline_free(r);
}

/* Lookups go through the request: first value wins, all values listed. */
static void
test_lookups(void **state)
{
	struct req *r = req_offline_new();
	const char *all[4];

	(void)state;
	assert_non_null(r);
	assert_int_equal(req_parse_urlencoded(r->arena, "x=1&c=room&c=email",
	    18, &r->form, &r->nform), 0);
	assert_int_equal(req_parse_urlencoded(r->arena, "q=a+b", 5, &r->query,
	    &r->nquery), 0);
	assert_int_equal(req_parse_cookies(r->arena, "s=1; s=2", &r->cookies,
	    &r->ncookies), 0);
	assert_string_equal(req_form(r, "c"), "room");
	assert_null(req_form(r, "missing"));
	assert_int_equal(req_form_all(r, "c", all, 4), 2);
	assert_string_equal(all[1], "email");
	assert_int_equal(req_form_all(r, "c", all, 1), 1);
	assert_string_equal(req_query(r, "q"), "a b");
	assert_string_equal(req_cookie(r, "s"), "1");
	req_reset(r);
	assert_null(req_form(r, "c"));
	assert_null(req_cookie(r, "s"));
	req_offline_free(r);
}

/* The arena: alignment, big blocks, reset, absurd sizes. */
static void
test_arena(void **state)
{
	struct arena *a = arena_new();
	char *p, *q;
	size_t i;

	(void)state;
	for (i = 1; i < 100; i++) {
		p = arena_alloc(a, i);
		assert_non_null(p);
		assert_int_equal((uintptr_t)p % 16, 0);
		memset(p, 'x', i);
	}
	p = arena_alloc(a, 100000);	/* bigger than a block */
	assert_non_null(p);
	memset(p, 'y', 100000);
	q = arena_printf(a, "%s-%d", "n", 42);
	assert_string_equal(q, "n-42");
	assert_string_equal(arena_strndup(a, "abcdef", 3), "abc");
	assert_null(arena_alloc(a, SIZE_MAX));
	assert_null(arena_alloc(a, SIZE_MAX - 8));
	arena_reset(a);
	p = arena_alloc(a, 10);
	assert_non_null(p);
	arena_free(a);
}

/* Growable buffers never lose bytes and stay NUL-terminated. */
static void
test_buf(void **state)
{
	struct buf b = { NULL, 0, 0 };
	char big[3000];
	size_t i;

	(void)state;
	memset(big, 'z', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	for (i = 0; i < 10; i++)
		assert_int_equal(buf_adds(&b, big), 0);
	assert_int_equal(buf_printf(&b, "[%s]", big), 0);
	assert_int_equal(b.len, 10 * 2999 + 3001);
	assert_int_equal(b.p[b.len], '\0');
	assert_int_equal(b.p[b.len - 1], ']');
	buf_free(&b);
	assert_null(b.p);
}

/* The shape of random keys a client sends back: lower-case hex, exact. */
static void
test_hex_ok(void **state)
{
	static const struct {
		const char	*s;
		size_t		 len;
		int		 ok;
	} cases[] = {
		{ "0123456789abcdef", 16, 1 },
		{ "ffffffffffffffffffffffffffffffff", 32, 1 },
		{ "0123456789ABCDEF", 16, 0 },	/* sodium writes lower case */
		{ "0123456789abcdeg", 16, 0 },
		{ "0123456789abcde", 16, 0 },	/* short */
		{ "0123456789abcdef0", 16, 0 },	/* long */
		{ "0123456789 bcdef", 16, 0 },
		{ "", 0, 1 },
		{ "", 16, 0 },
		{ NULL, 16, 0 },
		{ NULL, 0, 0 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		if (req_hex_ok(cases[i].s, cases[i].len) != cases[i].ok)
			fail_msg("case %zu: not %d", i, cases[i].ok);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_url_decode),
		cmocka_unit_test(test_utf8_valid),
		cmocka_unit_test(test_parse_urlencoded),
		cmocka_unit_test(test_parse_urlencoded_many),
		cmocka_unit_test(test_parse_cookies),
		cmocka_unit_test(test_many_cookies),
		cmocka_unit_test(test_lookups),
		cmocka_unit_test(test_arena),
		cmocka_unit_test(test_buf),
		cmocka_unit_test(test_hex_ok),
	};

	return cmocka_run_group_tests_name("req", tests, NULL, NULL);
}
