/*
 * cmark's CMARK_OPT_SAFE (the default in cmark >= 0.29 unless UNSAFE)
 * drops javascript:, vbscript:, file: and most data: URLs, and would
 * replace raw HTML with a comment: a paragraph that began with a tag
 * vanished whole, the words after it too. Its tags are dropped instead
 * and its words kept (md_raw_as_text, md_words). We add rel on
 * links by rewriting the anchors cmark produced, which all start with
 * the exact text `<a href="`.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmark.h>

#include "md.h"

/* how every text is read and written, the words of raw HTML read again too */
#define MD_OPTS		(CMARK_OPT_SAFE | CMARK_OPT_NOBREAKS)

/*
 * The end of what starts at s and goes whole, words and all (as GitHub
 * drops them): a comment, a script or style element. NULL: not one.
 */
static const char *
md_dropped_end(const char *s)
{
	static const char *const elem[] = { "script", "style" };
	char close[16];
	const char *e;
	size_t i, n;

	if (strncmp(s, "<!--", 4) == 0)
		return (e = strstr(s + 4, "-->")) != NULL ? e + 3 : s + strlen(s);
	for (i = 0; i < sizeof(elem) / sizeof(elem[0]); i++) {
		n = strlen(elem[i]);
		if (strncasecmp(s + 1, elem[i], n) != 0 || (s[n + 1] != '>' &&
		    !isspace((unsigned char)s[n + 1])))
			continue;
		snprintf(close, sizeof(close), "</%s", elem[i]);
		if ((e = strcasestr(s, close)) == NULL ||
		    (e = strchr(e, '>')) == NULL)
			return s + strlen(s);
		return e + 1;
	}
	return NULL;
}

/*
 * The words of a block of raw HTML, as Markdown to read again: a copy
 * to free, or NULL. A tag (`<` then a letter, `/`, `!` or `?`, to the
 * next `>`) parts the words around it; any other `<` is the entity for
 * itself, so that no HTML comes back; a line's leading blanks go
 * (indented HTML would read as code).
 */
static char *
md_words(const char *s)
{
	char *out = malloc(strlen(s) * 4 + 1), *o = out;
	const char *e;

	if (out == NULL)
		return NULL;
	while (*s != '\0') {
		int bol = o == out || o[-1] == '\n';

		if (bol && (*s == ' ' || *s == '\t')) {
			s++;
			continue;
		}
		if (*s != '<') {
			*o++ = *s++;
			continue;
		}
		if ((e = md_dropped_end(s)) == NULL &&
		    (isalpha((unsigned char)s[1]) || s[1] == '/' ||
		    s[1] == '!' || s[1] == '?') && (e = strchr(s, '>')) != NULL)
			e++;
		if (e == NULL) {
			memcpy(o, "&lt;", 4);
			o += 4;
			s++;
			continue;
		}
		if (!bol && o[-1] != ' ')
			*o++ = ' ';
		s = e;
	}
	*o = '\0';
	return out;
}

/*
 * A block of raw HTML becomes its words, read as Markdown again
 * (md_words); an inline tag goes. n is unlinked and freed. -1 when
 * memory is short: n stays, omitted.
 */
static int
md_unraw(cmark_node *n)
{
	const char *lit = cmark_node_get_literal(n);
	cmark_node *doc, *c;
	char *s;

	if (cmark_node_get_type(n) == CMARK_NODE_HTML_INLINE) {
		cmark_node_free(n);	/* unlinks it */
		return 0;
	}
	if ((s = md_words(lit != NULL ? lit : "")) == NULL)
		return -1;
	doc = cmark_parse_document(s, strlen(s), MD_OPTS);
	free(s);
	if (doc == NULL)
		return -1;
	while ((c = cmark_node_first_child(doc)) != NULL)
		if (!cmark_node_insert_before(n, c)) {
			cmark_node_free(doc);
			return -1;
		}
	cmark_node_free(doc);
	cmark_node_free(n);
	return 0;
}

/*
 * Every node of raw HTML in doc is made text (md_unraw). They are
 * changed after the walk: the iterator must not meet a node it freed.
 */
static void
md_raw_as_text(cmark_node *doc)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_node *n, *next, *raw = NULL;
	cmark_node_type t;

	if (it == NULL)
		return;
	while (cmark_iter_next(it) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		t = cmark_node_get_type(n);
		/* chained through user data: no list to allocate (a raw
		 * node has no children: it is met once) */
		if (t == CMARK_NODE_HTML_BLOCK || t == CMARK_NODE_HTML_INLINE) {
			cmark_node_set_user_data(n, raw);
			raw = n;
		}
	}
	cmark_iter_free(it);
	for (n = raw; n != NULL; n = next) {
		next = cmark_node_get_user_data(n);
		(void)md_unraw(n);
	}
}

const char *
md_html(struct req *r, const char *text)
{
	cmark_node *doc;
	char *html, *out, *o;
	const char *p, *a;
	size_t n = 0;
	static const char anchor[] = "<a href=\"";
	static const char withrel[] = "<a rel=\"nofollow noopener\" href=\"";

	if (text == NULL)
		return "";
	if ((doc = cmark_parse_document(text, strlen(text), MD_OPTS)) == NULL)
		return "";
	md_raw_as_text(doc);
	html = cmark_render_html(doc, MD_OPTS);
	cmark_node_free(doc);
	if (html == NULL)
		return "";
	for (p = html; (a = strstr(p, anchor)) != NULL; p = a + 1)
		n++;
	out = req_alloc(r, strlen(html) + n * (sizeof(withrel) -
	    sizeof(anchor)) + 1);
	for (o = out, p = html; (a = strstr(p, anchor)) != NULL;
	    p = a + sizeof(anchor) - 1) {
		memcpy(o, p, (size_t)(a - p));
		o += a - p;
		memcpy(o, withrel, sizeof(withrel) - 1);
		o += sizeof(withrel) - 1;
	}
	memcpy(o, p, strlen(p) + 1);
	free(html);
	return out;
}
