/*
 * md_html: Markdown as the pages show it. Raw HTML is never passed
 * through, and the words of a paragraph that begins with a tag are kept
 * (lib/md.c md_words): each case is what was typed and the HTML made.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "md.h"
#include "req.h"

static const struct {
	const char	*in;
	const char	*out;
} cases[] = {
	{ "**bold** and _it_", "<p><strong>bold</strong> and <em>it</em></p>\n" },
	/* a block of raw HTML: its tags part its words, read again */
	{ "<div class=x>Plan</div> **still here**",
	  "<p>Plan  <strong>still here</strong></p>\n" },
	{ "<table><tr><td>a</td><td>b</td></tr></table>", "<p>a b</p>\n" },
	{ "<p>one</p><p>two</p>", "<p>one two</p>\n" },
	/* a `<` that opens no tag is text, and brings no HTML back */
	{ "<div>a < b and c > d</div>", "<p>a &lt; b and c &gt; d</p>\n" },
	{ "<div\nfoo", "<p>&lt;div foo</p>\n" },
	/* indented HTML is not a code block once its tags are gone */
	{ "<div>\n    <p>Hello there</p>\n</div>", "<p>Hello there</p>\n" },
	/* what a script, a style or a comment holds goes with it */
	{ "<script>alert(document.cookie)</script><img src=x> **bold**",
	  "<p><strong>bold</strong></p>\n" },
	{ "<STYLE>p{}</style>kept", "<p>kept</p>\n" },
	{ "<!-- a > b secret --> after", "<p>after</p>\n" },
	{ "<script>never closed", "" },
	/* an inline tag goes, the text around it stays */
	{ "Keep <b>this</b> word", "<p>Keep this word</p>\n" },
	{ "x <span onclick=\"alert(1)\">y</span>", "<p>x y</p>\n" },
	/* links: rel added, unsafe schemes dropped */
	{ "[a](https://example.org)",
	  "<p><a rel=\"nofollow noopener\" href=\"https://example.org\">a</a></p>\n" },
	{ "[x](javascript:alert(1))", "<p><a rel=\"nofollow noopener\" href=\"\">x</a></p>\n" },
};

static void
test_md_cases(void **state)
{
	struct req *r = req_offline_new();
	size_t i, bad = 0;

	(void)state;
	assert_non_null(r);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *got = md_html(r, cases[i].in);

		if (strcmp(got, cases[i].out) != 0 && ++bad)
			print_error("%s\n  made: %s  want: %s", cases[i].in,
			    got, cases[i].out);
	}
	req_offline_free(r);
	assert_int_equal(bad, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_md_cases),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
