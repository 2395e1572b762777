/*
 * md_html: Markdown as the pages show it. Raw HTML is never passed
 * through: it is shown as typed, a paragraph that begins with a tag
 * too (lib/md.c): each case is what was typed and the HTML made.
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
	/* an inline tag is shown as typed, the text around it too */
	{ "in Rust a Vec<String> of names",
	  "<p>in Rust a Vec&lt;String&gt; of names</p>\n" },
	{ "Keep <b>this</b> word", "<p>Keep &lt;b&gt;this&lt;/b&gt; word</p>\n" },
	{ "x <span onclick=\"alert(1)\">y</span>",
	  "<p>x &lt;span onclick=&quot;alert(1)&quot;&gt;y&lt;/span&gt;</p>\n" },
	/* a block of raw HTML: shown as typed, its lines kept; CommonMark
	 * reads no Markdown inside it, so neither do we */
	{ "<div class=x>Plan</div> **as typed**",
	  "<p>&lt;div class=x&gt;Plan&lt;/div&gt; **as typed**</p>\n" },
	{ "<div>a < b and c > d</div>",
	  "<p>&lt;div&gt;a &lt; b and c &gt; d&lt;/div&gt;</p>\n" },
	{ "<div\nfoo", "<p>&lt;div<br />\nfoo</p>\n" },
	{ "<div>\n`Vec<String>`\n</div>",
	  "<p>&lt;div&gt;<br />\n`Vec&lt;String&gt;`<br />\n&lt;/div&gt;</p>\n" },
	{ "<script>alert(document.cookie)</script><img src=x> **bold**",
	  "<p>&lt;script&gt;alert(document.cookie)&lt;/script&gt;&lt;img src=x&gt; "
	  "**bold**</p>\n" },
	{ "<!-- a > b --> after", "<p>&lt;!-- a &gt; b --&gt; after</p>\n" },
	{ "<script>never closed", "<p>&lt;script&gt;never closed</p>\n" },
	{ "<p>one</p>\n\n**two**", "<p>&lt;p&gt;one&lt;/p&gt;</p>\n<p><strong>two</strong></p>\n" },
	/* a heart, an autolink: not HTML */
	{ "I <3 it", "<p>I &lt;3 it</p>\n" },
	{ "<https://example.org>",
	  "<p><a rel=\"nofollow noopener\" href=\"https://example.org\">"
	  "https://example.org</a></p>\n" },
	/* links: rel added, unsafe schemes dropped */
	{ "[a](https://example.org)",
	  "<p><a rel=\"nofollow noopener\" href=\"https://example.org\">a</a></p>\n" },
	{ "[x](javascript:alert(1))", "<p><a rel=\"nofollow noopener\" href=\"\">x</a></p>\n" },
	/* an image is a link to it: in mail a remote image is a pixel that
	 * tells its author who opened the message */
	{ "see ![the plan](https://example.org/p.png \"Plan\")",
	  "<p>see <a rel=\"nofollow noopener\" href=\"https://example.org/p.png\" "
	  "title=\"Plan\">the plan</a></p>\n" },
	{ "![](https://example.org/x.png)",
	  "<p><a rel=\"nofollow noopener\" href=\"https://example.org/x.png\">"
	  "https://example.org/x.png</a></p>\n" },
	{ "[![*a*](https://example.org/i.png)](https://example.org/)",
	  "<p><a rel=\"nofollow noopener\" href=\"https://example.org/\"><em>a</em></a></p>\n" },
	{ "![x](javascript:alert(1))", "<p><a rel=\"nofollow noopener\" href=\"\">x</a></p>\n" },
	/* a link in an image, an image in an image: never a link in a link */
	{ "![![a](https://example.org/u.png)](https://example.org/v.png)",
	  "<p><a rel=\"nofollow noopener\" href=\"https://example.org/v.png\">a</a></p>\n" },
	{ "![[a](https://example.org/x)](https://example.org/y.png)",
	  "<p><a rel=\"nofollow noopener\" href=\"https://example.org/y.png\">a</a></p>\n" },
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

/*
 * The words of a message for its reply's quote: a preview that dropped
 * every '>' and kept "- " read "<scriptalert(...)</script" (found in a
 * browser walk). Spaces are the caller's to fold.
 */
static const struct { const char *in, *out; } words[] = {
	{ "- one\n- two", "one two" },
	{ "<script>alert(\"room\")</script> & <b>x</b>",
	    "<script>alert(\"room\")</script> & <b>x</b>" },
	{ "**bold**, _it_ and [a link](https://example.org/x)",
	    "bold, it and a link" },
	{ "> quoted\n\na > b, `code`", "quoted a > b, code" },
	{ "# Title\nline one\nline two", "Title line one line two" },
	{ "```\nfenced()\n```", "fenced()" },
};

/* Runs of spaces as one, none at either end. */
static void
fold(char *s)
{
	char *o = s, *p;

	for (p = s; *p != '\0'; p++)
		if (*p != ' ' || (o > s && o[-1] != ' '))
			*o++ = *p;
	while (o > s && o[-1] == ' ')
		o--;
	*o = '\0';
}

static void
test_md_text(void **state)
{
	struct req *r = req_offline_new();
	char got[256];
	size_t i, bad = 0;

	(void)state;
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		snprintf(got, sizeof(got), "%s", md_text(r, words[i].in));
		for (char *p = got; *p != '\0'; p++)
			if (*p == '\n')
				*p = ' ';
		fold(got);
		if (strcmp(got, words[i].out) != 0 && ++bad)
			print_error("%s\n  made: %s  want: %s\n", words[i].in,
			    got, words[i].out);
	}
	req_offline_free(r);
	assert_int_equal(bad, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_md_cases),
		cmocka_unit_test(test_md_text),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
